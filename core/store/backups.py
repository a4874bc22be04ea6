"""Rolling backups of a workspace file, and putting one back.

A copy is taken with SQLite's online backup API (``sqlite3.Connection.backup``), so it is
consistent whatever is in flight: before each import, on the first change of a day, and of
the current file before a restore.  They go to a ``backups`` folder beside the workspace
(``CSP_RECON_BACKUP_DIR`` or the workspace setting ``backup_folder`` for another), named
``<workspace>-<YYYYmmdd-HHMMSS>-<reason>.db``; the newest ``backup_keep`` (10;
``CSP_RECON_BACKUP_KEEP``) are kept, older ones deleted.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from core.errors import WorkspaceBusy, WorkspaceError
from core.store import health

KEEP = 10
#: The workspace settings this module reads (their checks: :func:`validate`).
SETTINGS = {"backup_keep": str(KEEP), "backup_folder": ""}
REASONS = {"import": "before an import", "daily": "first change of the day",
           "restore": "before a restore", "manual": "asked for"}  # fmt: skip
_NAME = re.compile(r"^(?P<stem>.+)-(?P<at>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<reason>[a-z]+)\.db$")


@dataclass(frozen=True)
class Backup:
    path: Path
    at: datetime
    reason: str
    size: int
    n: int = 1  # the second's first backup, second...

    @property
    def why(self) -> str:
        return REASONS.get(self.reason, self.reason)

    def as_dict(self) -> dict:
        return {"file": str(self.path), "name": self.path.name, "time": self.at.isoformat(),
                "reason": self.reason, "why": self.why, "size": self.size}  # fmt: skip


def validate(key: str, value: str) -> str:
    """A backup setting as it is stored (:func:`core.settings.validate`, the one rule)."""
    from core.settings import validate as checked

    return checked(key, value)


def folder(workspace: Path, setting: str | None = None) -> Path:
    """Where the backups of ``workspace`` go."""
    chosen = os.environ.get("CSP_RECON_BACKUP_DIR") or setting or ""
    if not chosen:
        return workspace.resolve().parent / "backups"
    path = Path(chosen).expanduser()
    return path if path.is_absolute() else workspace.resolve().parent / path


def keep(setting: str | None = None) -> int:
    for value in (os.environ.get("CSP_RECON_BACKUP_KEEP"), setting):
        if value and value.strip().isdigit() and int(value) > 0:
            return int(value)
    return KEEP


def listed(workspace: Path, where: Path | None = None) -> list[Backup]:
    """The backups of ``workspace``, newest first."""
    where = where or folder(workspace)
    stem = workspace.stem
    found = []
    try:
        entries = list(where.iterdir())
    except OSError:
        return []
    for path in entries:
        match = _NAME.match(path.name)
        if not match or match["stem"] != stem:
            continue
        try:
            size = path.stat().st_size
        except OSError:
            continue
        at = datetime.strptime(match["at"], "%Y%m%d-%H%M%S")
        found.append(Backup(path, at, match["reason"], size, int(match["n"] or 1)))
    return sorted(found, key=lambda b: (b.at, b.n), reverse=True)


def _copy(source: sqlite3.Connection, target: Path) -> None:
    part = target.with_name(target.name + ".part")
    part.unlink(missing_ok=True)  # a copy cut short before
    dest = sqlite3.connect(str(part))
    try:
        # a new file, made whole or thrown away: no journal, one flush to disk at the end
        dest.execute("PRAGMA journal_mode = OFF")
        dest.execute("PRAGMA synchronous = OFF")
        source.backup(dest)
    finally:
        dest.close()
    fd = os.open(part, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(part, target)


def take(workspace: Path, reason: str, *, where: Path | None = None, keep_n: int = KEEP,
         source: sqlite3.Connection | None = None) -> Backup:  # fmt: skip
    """Copy ``workspace`` now (consistent: SQLite's backup API) and delete the oldest beyond
    ``keep_n``; the new backup."""
    where = where or folder(workspace)
    where.mkdir(parents=True, exist_ok=True)
    at = datetime.now().replace(microsecond=0)
    stamp = at.strftime("%Y%m%d-%H%M%S")
    n = max((b.n for b in listed(workspace, where) if b.at == at), default=0) + 1
    target = where / f"{workspace.stem}-{stamp}{f'-{n}' if n > 1 else ''}-{reason}.db"
    conn = source or health.connect(workspace, readonly=True)
    try:
        _copy(conn, target)
    finally:
        if source is None:
            conn.close()
    taken = Backup(target, at, reason, target.stat().st_size, n)
    for old in listed(workspace, where)[keep_n:]:
        old.path.unlink(missing_ok=True)
    return taken


def taken_today(workspace: Path, where: Path | None = None) -> bool:
    today = datetime.now().date()
    return any(b.at.date() == today for b in listed(workspace, where))


def find(workspace: Path, name: str, where: Path | None = None) -> Path:
    """A backup named as listed (its file name) or by its path."""
    path = Path(name).expanduser()
    if path.is_file():
        return path
    for backup in listed(workspace, where):
        if backup.path.name == name:
            return backup.path
    raise WorkspaceError(f"{name}: no such backup of {workspace} ('csp-recon backups' lists "
                         "them)")  # fmt: skip


def restore(workspace: Path, backup: Path, *, where: Path | None = None,
            keep_n: int = KEEP) -> Backup | None:  # fmt: skip
    """Put ``backup`` in place of ``workspace``: the backup is checked first, the current file
    copied to the backups (when it can be read), then replaced whole.  Refused while another
    process has the workspace open for writing.  The copy of the current file, if any."""
    from core.store.database import Lock

    found = health.problems(backup)
    if found:
        raise health.damaged(str(backup), found, writing=False)
    lock = Lock(workspace)
    if not lock.try_acquire(str(workspace)):
        raise WorkspaceBusy(f"{workspace} is open in another CSP Reconciler process: close it "
                            "there first; nothing was restored")  # fmt: skip
    try:
        kept = None
        if workspace.exists():
            kept = _keep_current(workspace, where, keep_n)
        for suffix in ("-journal", "-wal", "-shm"):  # the old file's: never applied to this one
            Path(f"{workspace}{suffix}").unlink(missing_ok=True)
        source = health.connect(backup, readonly=True)
        try:
            _copy(source, workspace)
        finally:
            source.close()
        return kept
    finally:
        lock.release()


def _keep_current(workspace: Path, where: Path | None, keep_n: int) -> Backup:
    """A copy of the file about to be replaced: through SQLite when it reads, else its bytes
    (a damaged file is kept as it is)."""
    import shutil

    try:
        if health.journal_left(workspace):
            health.recover(workspace)
        # not rotated now: the backup being restored may be the oldest
        return take(workspace, "restore", where=where, keep_n=keep_n + 1_000_000)
    except sqlite3.Error:
        target_dir = where or folder(workspace)
        target_dir.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = target_dir / f"{workspace.stem}-{stamp}-restore.db"
        shutil.copy2(workspace, target)
        return Backup(target, datetime.now().replace(microsecond=0), "restore",
                      target.stat().st_size)  # fmt: skip
