"""An open workspace's store: the engine, the file lock or the server's role, and how a
change runs (one transaction, row locks on a server, retried on a conflict)."""

from __future__ import annotations

import contextlib
import functools
import getpass
import json
import logging
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, insert, select

from core.errors import Refused, WorkspaceBusy, WorkspaceError
from core.ledger import DEFAULT_TERM_DAYS
from core.store import backups, health
from core.store import schema as t
from core.store.database import (
    INSUFFICIENT_PRIVILEGE,
    Lock,
    check_revision,
    is_url,
    migrate,
    open_engine,
    open_server,
    shown,
)
from core.store.reads import PAYMENT_DETAILS, raw
from core.store.roles import role_of

log = logging.getLogger(__name__)
RETRIES = 5
ROLE_NAMES = {"admin-agent": "admin agent", "billing-admin": "billing administrator",
              "support-agent": "support agent", "sales": "sales"}  # fmt: skip
# What a refused change was, in the clerk's words (by the service method's name).
REFUSED_DOING = {
    "set": "change the settings", "allocate": "allocate", "settle": "allocate", "unallocate":
    "remove allocations", "auto_allocate": "allocate", "accept": "allocate",
    "reject": "turn down suggestions", "plan": "plan payments", "undo": "undo changes",
    "redo": "redo changes", "save_layout": "remember spreadsheet layouts", "import_file":
    "import files", "add": "record notes", "mark": "mark payment",
    "open_dispute": "open dispute", "open_sla_claim": "open sla claim", "close": "close claim",
}  # fmt: skip


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (service account): say so
        return "unknown"


def now() -> datetime:
    return datetime.now().replace(microsecond=0)


class _Borrowed:
    """A connection lent by the caller: not closed on exit."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def __enter__(self) -> Connection:
        return self.conn

    def __exit__(self, *exc: object) -> None:
        return None


class Store:
    """The database of one open workspace (a file, or a team workspace on a server)."""

    def __init__(self, path: Path | str, *, readonly: bool = False, create: bool = True) -> None:
        self.readonly, self.busy = readonly, False
        self.created = self.unclean = False
        self.damage: str | None = None  # a damaged file opened read-only: what was found
        self.detached: str | None = None  # why it may no longer be written (see detach)
        self.since_backup = True  # changed (or not known unchanged) since this session's backup
        self.conflicts = 0  # changes the server made us retry (another clerk was quicker)
        self.url: str | None
        if is_url(path):  # a team workspace: the server does the locking and the rights
            self.url = str(path)
            self.where = shown(self.url)  # for titles and messages: never the password
            self.path = Path(self.where)
            self._lock: Lock | None = None
            self.engine = open_server(self.url)
        else:
            self.url = None
            self.path = Path(path)
            self.where = str(self.path)
            self.created = not self.path.exists()  # nothing in it to back up yet
            self._lock = self._open_file(create)
        try:
            if self.url is None:
                self.engine = open_engine(self.path, readonly=self.readonly)
                self._check_file()
            if self.readonly:
                check_revision(self.engine, self.where)
            else:
                migrate(self.engine, self.where)
        except BaseException:
            self.close()
            raise
        # Who writes the audit log: the database user on a server (its triggers insist),
        # the login name on a workstation; and, on a server, the team role held.
        self.user, self.role = os_user(), ""
        self.hidden_payment_columns: frozenset[str] = frozenset()
        self.hidden_tables: frozenset[str] = frozenset()  # a role that may not read them
        if self.url is not None:
            self._read_role()

    def _read_role(self) -> None:
        with self.engine.connect() as conn:
            self.user = conn.exec_driver_sql("SELECT session_user").scalar()
            self.role = role_of(conn)
            # what this role may read, asked in one round trip
            checks = [("table", name) for name in ("planned_payments", "plan_lines")] + [
                ("column", name) for name in PAYMENT_DETAILS]  # fmt: skip
            allowed = conn.exec_driver_sql("SELECT " + ", ".join(
                f"has_table_privilege('{name}', 'SELECT')" if kind == "table"
                else f"has_column_privilege('payments', '{name}', 'SELECT')"
                for kind, name in checks)).one()  # fmt: skip
            hidden = [check for check, ok in zip(checks, allowed, strict=True) if not ok]
            self.hidden_tables = frozenset(n for k, n in hidden if k == "table")
            self.hidden_payment_columns = frozenset(n for k, n in hidden if k == "column")

    def _open_file(self, create: bool) -> Lock:
        """A workspace file: created when asked, and its single-writer lock (a second
        process gets a read-only view)."""
        if not self.path.exists():
            if not create or self.readonly:
                raise WorkspaceError(f"{self.path}: no such workspace")
            self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = Lock(self.path)
        if not self.readonly and not lock.try_acquire(self.where):
            if not self.path.exists():
                raise WorkspaceBusy(f"{self.path} is being created by another process")
            self.readonly = self.busy = True
        self.unclean = health.journal_left(self.path)
        if self.unclean and self.readonly:
            self._recover()
        return lock

    def _recover(self) -> None:
        """A change cut short (a hot journal): undo it now, unless a writer is at work (its
        journal, not a hot one), so that a read-only view reads what was committed."""
        probe = Lock(self.path)
        try:
            if not probe.try_acquire(self.where):
                self.unclean = False  # another process is writing: its journal is live
                return
        except WorkspaceError:
            probe = None  # type: ignore[assignment]
        try:
            health.recover(self.path)
        except sqlite3.Error as exc:
            raise WorkspaceError(
                f"{self.where} was not closed cleanly (a change was cut short) and cannot be "
                "repaired where it is (read-only): copy it, with its '-journal' file, to a "
                "folder you may write and open it there"
            ) from exc
        finally:
            if probe is not None:
                probe.release()

    def _check_file(self) -> None:
        """A file opened for writing, or one that was not closed cleanly, is checked: a
        damaged one is refused (see :mod:`core.store.health`)."""
        if self.readonly and not self.unclean:
            return
        if self.unclean and not self.readonly:
            health.recover(self.path)  # we hold the lock: undo the change cut short first
        found = health.check_on_open(self.path)
        if found:
            raise health.damaged(self.where, found, writing=not self.readonly)

    def close(self) -> None:
        engine = getattr(self, "engine", None)
        if engine is not None:
            engine.dispose()
        if self._lock is not None:  # held by a writer (one detached since too)
            self._lock.release()

    def role_name(self) -> str:
        return ROLE_NAMES.get(self.role, self.role)

    def refused(self, doing: str, exc: Exception) -> Refused:
        """The server's refusal of something this clerk's role may not do, said plainly."""
        what = REFUSED_DOING.get(doing, doing.strip("_").replace("_", " "))
        server = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        role = f" ({self.role_name()})" if self.role else ""
        return Refused(f"the server refused: {self.user}{role} may not {what} in this "
                       f"workspace ({server}); nothing was changed")  # fmt: skip

    def detach(self, why: str) -> None:
        """Write no more to this file (deleted or replaced underneath: what would be written
        would be lost with it); ``why`` is said when a change is refused."""
        self.readonly, self.detached = True, why

    def writable(self) -> None:
        if self.readonly:
            why = self.detached or (
                "it is open in another CSP Reconciler process"
                if self.busy
                else "it is damaged"
                if self.damage
                else "it was opened read-only"
            )
            raise WorkspaceBusy(f"{self.where}: cannot change the workspace: {why}")

    # ------------------------------------------------------------------ connections

    def conn(self, conn: Connection | None = None) -> contextlib.AbstractContextManager[Connection]:
        """The caller's connection (not closed on exit), or a new one."""
        if conn is not None:
            return _Borrowed(conn)
        return self.engine.connect()

    # ------------------------------------------------------------------ backups

    def backup(self, reason: str) -> backups.Backup | None:
        """A copy of the workspace file now (None: a team workspace, or a file created by
        this session, with nothing in it yet); where and how many: :mod:`core.store.backups`."""
        if self.url is not None or self.created:
            return None
        self._backed_up_today = True
        taken = backups.take(self.path, reason, where=self.backup_folder(),
                             keep_n=backups.keep(self.setting("backup_keep")))  # fmt: skip
        self.since_backup = False
        return taken

    def backup_folder(self) -> Path:
        return backups.folder(self.path, self.setting("backup_folder"))

    def _daily_backup(self) -> None:
        """Before the first change of the day, a copy of the file as it was."""
        if self.url is not None or self.created or getattr(self, "_backed_up_today", False):
            return
        self._backed_up_today = True
        if not backups.taken_today(self.path, self.backup_folder()):
            self.backup("daily")

    # ------------------------------------------------------------------ changes

    @contextlib.contextmanager
    def change(self, *, allocating: bool = False) -> Iterator[Connection]:
        """One change, in a transaction.  On a team server a change that may add allocations
        in bulk (automatic allocation, an import applying credit notes, a plan, undo/redo)
        first takes the allocations table for itself, before its snapshot: it waits for the
        clerks' allocations in flight and holds new ones back until it commits, so each
        reads the other's work (see :meth:`clerk_allocation` for the clerks' side)."""
        self._daily_backup()
        self.since_backup = True
        with self.engine.begin() as conn:
            if allocating and conn.dialect.name == "postgresql":
                conn.exec_driver_sql("LOCK TABLE allocations IN SHARE ROW EXCLUSIVE MODE")
            yield conn

    @contextlib.contextmanager
    def clerk_allocation(self) -> Iterator[Connection]:
        """A clerk's allocation: on a team server READ COMMITTED with row locks, so clerks
        allocating from different payments to different invoices never wait for or undo each
        other, and two at the same payment or invoice take turns (:meth:`lock_rows`)."""
        self._daily_backup()
        self.since_backup = True
        with self.engine.connect() as conn:
            if conn.dialect.name != "postgresql":
                with conn.begin():
                    yield conn
                return
            conn = conn.execution_options(isolation_level="READ COMMITTED")
            with conn.begin():
                # shares the table with other clerks, waits for a bulk change (see change)
                conn.exec_driver_sql("LOCK TABLE allocations IN ROW EXCLUSIVE MODE")
                yield conn

    @staticmethod
    def lock_rows(conn: Connection, sources: Iterable[str], numbers: Iterable[str]) -> None:
        """Lock a payment's and documents' rows until the change commits (a team server; a
        workspace file has one writer anyway).  Always in the same order: payments, then
        documents by number."""
        if conn.dialect.name != "postgresql":
            return
        sources, numbers = sorted(set(sources)), sorted(set(numbers) | set(sources))
        raw(conn, "SELECT id FROM payments WHERE id IN :ids ORDER BY id FOR UPDATE",
            {"ids": sources or [""]})  # fmt: skip
        raw(conn, "SELECT number FROM documents WHERE number IN :ids ORDER BY number "
            "FOR UPDATE", {"ids": numbers or [""]})  # fmt: skip

    # ------------------------------------------------------------------ small reads, audit

    def setting(self, key: str, default: str | None = None,
                conn: Connection | None = None) -> str | None:  # fmt: skip
        """A workspace setting; pass the open connection when inside a transaction (another
        connection would wait on the transaction's own lock)."""
        with self.conn(conn) as c:
            value = c.scalar(select(t.settings.c.value).where(t.settings.c.key == key))
        return default if value is None else value

    def term_days(self, conn: Connection | None = None) -> int:
        value = self.setting("term_days", str(DEFAULT_TERM_DAYS), conn)
        return int(value or DEFAULT_TERM_DAYS)

    def audit(self, conn: Connection, action: str, summary: str, details: dict,
              undo_of: int | None = None) -> int:  # fmt: skip
        """Write one entry of the append-only audit log (what it takes to undo is in
        ``details``); its id."""
        return int(conn.execute(
            insert(t.audit).values(at=now(), os_user=self.user, action=action, summary=summary,
                                   details=json.dumps(details, default=str), undo_of=undo_of)
        ).inserted_primary_key[0])  # fmt: skip


F = TypeVar("F", bound=Callable[..., Any])


def retried(method: F) -> F:
    """Run a service's change again when a team workspace's server refused it because
    another clerk's change touched the same rows at the same moment (PostgreSQL,
    SERIALIZABLE): the retry reads the ledger afresh, so it either fits what is there now or
    is refused with the usual message (never an over-allocation, never a lost update).  The
    service names its store ``self.store``."""

    @functools.wraps(method)
    def run(self: Any, *args: Any, **kwargs: Any) -> Any:
        from sqlalchemy.exc import DBAPIError

        store: Store = self.store
        for attempt in range(1, RETRIES + 1):
            try:
                return method(self, *args, **kwargs)
            except DBAPIError as exc:
                if getattr(exc.orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE:
                    raise store.refused(method.__name__, exc) from exc
                if getattr(exc.orig, "sqlstate", None) not in ("40001", "40P01"):
                    raise
                if attempt == RETRIES:
                    raise WorkspaceBusy(
                        "another clerk kept changing the same payments or invoices: "
                        "nothing was changed; reload and try again"
                    ) from exc
                store.conflicts += 1
                log.info("%s: concurrent change, retrying (%d)", method.__name__, attempt)
                time.sleep(0.05 * attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    return run  # type: ignore[return-value]
