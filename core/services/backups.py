"""Backups of a workspace file, and its health: what both faces call.

``ws.backups.list()`` the copies kept (newest first), ``ws.backups.take()`` one now; an import
takes one first (:class:`BackedUpImports`), the first change of a day too (the store).
Putting one back needs the workspace closed: :func:`restore` (the command line and the
window close it first).  :func:`check` runs SQLite's integrity check on a file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.changes import Change
from core.services.base import Service
from core.services.imports import Imports
from core.store import backups, health
from core.store.backups import Backup

__all__ = ["BackedUpImports", "Backup", "Backups", "Health", "check", "listed", "restore"]


class Backups(Service):
    def list(self) -> list[Backup]:
        if self.store.url is not None:
            return []
        return backups.listed(self.store.path, self.store.backup_folder())

    def folder(self) -> Path:
        return self.store.backup_folder()

    def take(self, reason: str = "manual") -> Backup | None:
        return self.store.backup(reason)


class BackedUpImports(Imports):
    """Imports, each after a copy of the workspace file as it was; files imported in a row
    share the copy made before the first (the workspace as it was before them all), so that
    a batch of files does not push the older backups out."""

    def import_file(self, path: Path | str, *args: Any, **kwargs: Any) -> Change:
        self.store.writable()
        if self.store.since_backup:
            self.store.backup("import")
        try:
            return super().import_file(path, *args, **kwargs)
        finally:
            self.store.since_backup = False  # imports only since that copy


def listed(workspace: Path, folder: Path | None = None) -> list[Backup]:
    """The backups of a workspace file that is not open (newest first)."""
    return backups.listed(workspace, folder or _folder(workspace))


def _folder(workspace: Path) -> Path:
    """The backups folder, with the workspace's own setting when it can be read."""
    setting = _setting(workspace, "backup_folder")
    return backups.folder(workspace, setting)


def _setting(workspace: Path, key: str) -> str | None:
    import sqlite3

    try:
        conn = health.connect(workspace, readonly=True)
        try:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        finally:
            conn.close()
    except (sqlite3.Error, OSError):
        return None
    return None if row is None else str(row[0])


def find(workspace: Path, name: str) -> Path:
    return backups.find(workspace, name, _folder(workspace))


def restore(workspace: Path, backup: Path | str) -> Backup | None:
    """Put a backup in place of the (closed) workspace file; the copy kept of the file it
    replaced.  Refused while another process has it open."""
    folder = _folder(workspace)
    source = backups.find(workspace, str(backup), folder)
    keep_n = backups.keep(_setting(workspace, "backup_keep"))
    return backups.restore(workspace, source, where=folder, keep_n=keep_n)


@dataclass(frozen=True)
class Health:
    where: str
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        if self.ok:
            return [f"{self.where}: no damage found (SQLite's integrity check passed)"]
        found = health.damaged(self.where, self.problems)
        return [str(found), *(f"  {line}" for line in health.summary(self.problems))]


def check(workspace: Path) -> Health:
    """SQLite's full integrity check of a workspace file (open or not)."""
    from core.errors import WorkspaceError

    if not workspace.is_file():
        raise WorkspaceError(f"{workspace}: no such workspace")
    if health.journal_left(workspace):
        from core.store.database import Lock

        lock = Lock(workspace)
        if lock.try_acquire(str(workspace)):
            try:
                health.recover(workspace)
            finally:
                lock.release()
    return Health(str(workspace), health.problems(workspace))
