"""The workspace: what the command line and the window both open and call.

A facade over one service per noun, as a collection composes its managers::

    with Workspace("books.db") as ws:
        ws.imports.import_file("invoices.json")
        ws.allocations.allocate("P1", [("G000123456", "100.00")])
        ledger = ws.books.ledger(date(2026, 3, 31))

Every change is one transaction, written to the append-only audit log with what it takes to
undo it (:mod:`core.store.journal`), and returns a :class:`core.changes.Change`: what was
done, the lines to tell the clerk, what it touched.  See docs/ARCHITECTURE.md.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from core.changes import ImportSummary
from core.errors import (
    ImportCancelled,
    ImportFailed,
    NothingToUndo,
    Refused,
    WorkspaceBusy,
    WorkspaceError,
)
from core.services.agree import Agree
from core.services.alerts import Alerts
from core.services.allocations import Allocations
from core.services.backups import BackedUpImports, Backups
from core.services.books import Books
from core.services.charges import Charges
from core.services.claims import Claims
from core.services.documents import Documents
from core.services.journal import Journal
from core.services.notes import Notes
from core.services.plans import Plans
from core.services.settings import Settings
from core.store.database import is_url
from core.store.health import WorkspaceDamaged, WorkspaceReadOnly
from core.store.session import ROLE_NAMES, Store, os_user

__all__ = [
    "ROLE_NAMES",
    "ImportCancelled",
    "ImportFailed",
    "ImportSummary",
    "NothingToUndo",
    "Refused",
    "Workspace",
    "WorkspaceBusy",
    "WorkspaceDamaged",
    "WorkspaceError",
    "WorkspaceReadOnly",
    "location",
    "os_user",
    "plain_error",
    "refusal",
]


def location(text: str) -> Path | str:
    """Where a workspace is, as the clerk typed it: a team workspace's server URL (kept as
    text), or a file."""
    return text if is_url(text) else Path(text)


def plain_error(exc: BaseException, where: str) -> str | None:
    """One plain line for a database or disk error met on the workspace file ``where`` (disk
    full, read-only, damaged, busy), or None when it is none of those."""
    from core.store.health import plain

    return plain(exc, where)


def refusal(exc: BaseException) -> str | None:
    """The server's words when ``exc`` is a refusal for want of rights, else None."""
    from core.store.database import refusal as server_refusal

    return server_refusal(exc)


class Workspace:
    """One open workspace: a file, or a team workspace on a server.  Use as a context
    manager, or call :meth:`close`."""

    def __init__(self, path: Path | str, *, readonly: bool = False, create: bool = True) -> None:
        self.store = Store(path, readonly=readonly, create=create)
        self.books = Books(self)
        self.settings = Settings(self)
        self.journal = Journal(self)
        self.imports = BackedUpImports(self)  # a copy of the file before each import
        self.backups = Backups(self)
        self.allocations = Allocations(self)
        self.plans = Plans(self)
        self.claims = Claims(self)
        self.charges = Charges(self)
        self.alerts = Alerts(self)
        self.documents = Documents(self)
        self.notes = Notes(self)
        self.agree = Agree(self)

    # Who and where, for titles and messages.
    @property
    def where(self) -> str:
        return self.store.where

    @property
    def path(self) -> Path:
        return self.store.path

    @property
    def url(self) -> str | None:
        return self.store.url

    @property
    def user(self) -> str:
        return self.store.user

    @property
    def role(self) -> str:
        return self.store.role

    @property
    def role_name(self) -> str:
        return self.store.role_name()

    @property
    def readonly(self) -> bool:
        return self.store.readonly

    @property
    def busy(self) -> bool:
        return self.store.busy

    @property
    def conflicts(self) -> int:
        return self.store.conflicts

    def may(self, action: str) -> bool:
        """Whether the clerk's team role may do ``action`` (always, on a workspace file):
        the window greys out the rest; the server refuses it anyway."""
        from core.store.roles import may

        return may(self.role, action)

    def listen(self, on_changes: Callable[[list[str]], None], stop: threading.Event) -> None:
        """On a team workspace, call ``on_changes`` with what other clerks changed (a burst
        at a time) until ``stop`` is set; run it on a thread of its own.  A workspace file
        has no other clerks: it returns at once."""
        if self.url is None:
            return
        from core.store.live import listen

        engine = self.store.engine
        listen(self.url, on_changes, stop,
               ignore_pids=lambda: set(engine.backend_pids))  # type: ignore[attr-defined]  # fmt: skip

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
