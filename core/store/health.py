"""A workspace file's health: a change cut short, damage, and database errors said plainly.

* A process killed in the middle of a change (power cut, ``kill -9``, a full disk) leaves
  SQLite's rollback journal beside the file (``<file>-journal``, "hot").  SQLite undoes the
  cut change the next time the file is opened *for writing*; a read-only open cannot, and
  failed with "attempt to write a readonly database".  :func:`recover` undoes it first (when
  no other process is writing) so that reads work, then the file is checked.
* A damaged file is found by SQLite's own checks (``PRAGMA quick_check`` /
  ``integrity_check``): nothing is written into it, and the clerk is told how to restore it.
* Every database error the clerk can meet (disk full, read-only, damaged, busy) becomes one
  plain line naming the file (:func:`plain`): never SQL, never a traceback.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from core.errors import WorkspaceError

#: Above this size a workspace opened for writing gets SQLite's quick check only (it reads
#: every page but does not compare the indexes with their tables).
FULL_CHECK_BYTES = 256 * 1024 * 1024

RESTORE = (
    "restore it from a backup ('csp-recon backups' lists them, 'csp-recon restore BACKUP' "
    "puts one back; in the window: File > Backups…)"
)


class WorkspaceDamaged(WorkspaceError):
    """The workspace file is damaged: it is read at most, never written."""


class WorkspaceReadOnly(WorkspaceError):
    """The workspace file, its folder or its disk may not be written: it can be read."""


def journal_left(path: Path) -> bool:
    """Whether a change was cut short in ``path``: its rollback journal (or write-ahead log)
    is still there, not empty.  While a writer is at work it is there too (not "hot")."""
    for suffix in ("-journal", "-wal"):
        try:
            if os.stat(f"{path}{suffix}").st_size > 0:
                return True
        except OSError:
            continue
    return False


def connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    """A plain SQLite connection to the file (read-only in URI form)."""
    if readonly:
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    return sqlite3.connect(str(path), timeout=10)


def recover(path: Path) -> None:
    """Undo a change cut short: SQLite rolls the hot journal back on the first read of a
    connection that may write.  The caller holds the workspace's writer lock."""
    conn = connect(path, readonly=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()


def problems(path: Path, *, full: bool = True) -> list[str]:
    """What SQLite's integrity check finds wrong with the file (empty: nothing)."""
    try:
        conn = connect(path, readonly=True)
        try:
            pragma = "integrity_check(100)" if full else "quick_check(100)"
            rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [_kind(exc) or "unreadable"]
    return [] if rows == ["ok"] else rows


def check_on_open(path: Path) -> list[str]:
    """The check made when a file is opened for writing (or was not closed cleanly): the full
    integrity check for a usual size, the quick one above :data:`FULL_CHECK_BYTES`."""
    try:
        size = path.stat().st_size
    except OSError:
        return []
    return problems(path, full=size <= FULL_CHECK_BYTES)


def damaged(where: str, found: list[str], *, writing: bool = True) -> WorkspaceDamaged:
    count = len(found)
    what = "problem" if count == 1 else "problems"
    kept = "nothing is written into it" if writing else "it is not read"
    return WorkspaceDamaged(
        f"{where} is damaged (its integrity check found {count} {what}): {kept}; {RESTORE}"
    )


def summary(found: list[str]) -> list[str]:
    """The integrity check's findings in plain words: which tables and indexes are hit."""
    parts: dict[str, set[str]] = {"table": set(), "index": set()}
    other = 0
    for line in found:
        words = line.replace(",", " ").split()
        if "index" in words and words.index("index") + 1 < len(words):
            parts["index"].add(words[words.index("index") + 1])
        elif "Tree" in words or "page" in words or "Page" in words:
            parts["table"].add("storage pages")
        else:
            other += 1
    lines = []
    if parts["index"]:
        lines.append("indexes out of step with their tables: " + ", ".join(sorted(parts["index"])))
    if parts["table"]:
        lines.append("damaged storage pages (rows may be lost or unreadable)")
    if other:
        lines.append(f"{other} other problem(s)")
    return lines


# ------------------------------------------------------------------ errors said plainly


def _kind(exc: BaseException) -> str | None:
    """The plain words for a SQLite error's kind, or None when it is not one the clerk can
    act on (a bug)."""
    name = str(getattr(exc, "sqlite_errorname", "") or "")
    text = str(exc).lower()
    if name.startswith("SQLITE_FULL") or "disk is full" in text:
        return "full"
    if (
        name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))
        or "malformed" in text
        or ("not a database" in text)
    ):
        return "damaged"
    if name.startswith(("SQLITE_READONLY", "SQLITE_PERM")) or "readonly" in text:
        return "readonly"
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        return "cantopen"
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        return "io"
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return "busy"
    return None


_OS_KINDS = {errno.ENOSPC: "full", errno.EDQUOT: "full", errno.EROFS: "readonly",
             errno.EACCES: "readonly", errno.EPERM: "readonly", errno.EIO: "io"}  # fmt: skip


def plain(exc: BaseException, where: str) -> str | None:
    """One plain line for a database or file-system error met on the workspace ``where``,
    or None when it is not one of those (a bug, to be reported as such)."""
    orig = getattr(exc, "orig", None) or exc
    if isinstance(orig, sqlite3.Error):
        kind = _kind(orig)
    elif isinstance(orig, OSError) and orig.errno in _OS_KINDS:
        kind = _OS_KINDS[orig.errno]
        where = str(orig.filename or where)
    else:
        return None
    return {
        "full": f"{where}: the disk is full: nothing was changed; free some space and try again",
        "readonly": f"{where}: cannot write the workspace: the file or its folder is read-only "
        "(or on a read-only disk): nothing was changed",
        "damaged": f"{where} is damaged: {RESTORE}",
        "cantopen": f"{where}: cannot open the workspace file: its folder is missing or may "
        "not be written",
        "io": f"{where}: the disk failed to read or write the workspace: nothing was changed; "
        "check the disk, then run 'csp-recon check-workspace'",
        "busy": f"{where}: another program is changing the workspace: nothing was changed; "
        "try again in a moment",
        None: None,
    }[kind]
