"""The workspace service: what the command line and the GUI both call.

It reads and writes the store and asks the pure rules (:mod:`core.ledger`,
:mod:`core.allocation`, :mod:`core.aging`) what to do.  Every import and every
allocation change is one transaction, and every change is written to the
append-only audit log with what it takes to undo it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import getpass
import hashlib
import json
import logging
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, bindparam, func, insert, select, text, update

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa

from core import alerts, explain, linestore, planning, suggestions
from core import allocation as rules
from core.aging import parse_limits
from core.importers import IMPORTERS, ImportOptions, identify
from core.ledger import DEFAULT_TERM_DAYS, Ledger, compute
from core.model import (
    Allocation,
    Document,
    DocumentType,
    Extracted,
    ImportError_,
    InvoiceLine,
    InvoiceType,
    Payment,
    Reference,
    Source,
    SourceKind,
    UsageTotal,
)
from core.money import format_amount, format_exact, money
from core.references import same_transfer
from core.settings import Rules
from core.settings import validate as validate_setting
from core.store import schema as t
from core.store.database import (
    INSUFFICIENT_PRIVILEGE,
    Lock,
    Refused,
    WorkspaceBusy,
    WorkspaceError,
    check_revision,
    is_url,
    migrate,
    open_engine,
    open_server,
    shown,
)
from core.store.roles import role_of

__all__ = [
    "ImportFailed",
    "ImportSummary",
    "NothingToUndo",
    "Workspace",
    "WorkspaceBusy",
    "WorkspaceError",
]

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class _AlreadyImported(Exception):
    """The file was imported by another clerk while this import was reading it."""


class ImportFailed(Exception):
    """A file that was not imported; ``errors`` say where and why."""

    def __init__(self, file: str, errors: Sequence[ImportError_]) -> None:
        super().__init__(f"{file}: {len(errors)} error(s); nothing was imported")
        self.file = file
        self.errors = list(errors)


def refuse(file: str, source: Source | None, message: str, column: str | None = None):
    """Raise :class:`ImportFailed` for one problem at ``source``."""
    raise ImportFailed(file, [ImportError_(source or Source(file), message, column)])


class ImportCancelled(Exception):
    """The clerk cancelled an import; nothing was stored."""


class NothingToUndo(Exception):
    pass


@dataclass(slots=True)
class ImportSummary:
    file: str
    format: str = ""
    import_id: int | None = None
    already_imported: bool = False
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)
    entries_read: int = 0
    credit_allocations: int = 0
    sheet: str | None = None

    def as_dict(self) -> dict:
        return {
            "file": self.file,
            "format": self.format,
            "import_id": self.import_id,
            "already_imported": self.already_imported,
            "created": dict(self.created),
            "updated": dict(self.updated),
            "unchanged": dict(self.unchanged),
            "skipped": self.skipped,
            "warnings": self.warnings,
            "checks": self.checks,
            "entries_read": self.entries_read,
            "credit_allocations": self.credit_allocations,
        }


DOCUMENT_COLUMNS = (
    "number, document_type, currency, total, date, due_date, invoice_type, amends, "
    "paid_amount_reported, billing_period_start, billing_period_end, source_file, source_place"
)
# What a payment says of the bank (hidden from roles that may not see bank details).
PAYMENT_DETAILS = ("reference", "bank_account", "counterparty", "bank_reference", "source_file",
                   "source_row", "source_sheet", "payee_account")  # fmt: skip
ROLE_NAMES = {"admin-agent": "admin agent", "billing-admin": "billing administrator",
              "support-agent": "support agent", "sales": "sales"}  # fmt: skip
# What a refused change was, in the clerk's words.
REFUSED_DOING = {
    "set_setting": "change the settings", "allocate": "allocate", "unallocate":
    "remove allocations", "auto_allocate": "allocate", "accept_suggestion": "allocate",
    "reject_suggestion": "turn down suggestions", "plan": "plan payments", "undo": "undo changes",
    "redo": "redo changes", "save_layout": "remember spreadsheet layouts", "import_file":
    "import files", "add_note": "record notes",
}  # fmt: skip


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (service account): say so
        return "unknown"


RETRIES = 5


def _retried(method):
    """Run a change again when a team workspace's server refused it because another clerk's
    change touched the same rows at the same moment (PostgreSQL, SERIALIZABLE): the retry
    reads the ledger afresh, so it either fits what is there now or is refused with the
    usual message (never an over-allocation, never a lost update)."""
    import functools

    @functools.wraps(method)
    def run(self, *args, **kwargs):
        from sqlalchemy.exc import DBAPIError

        for attempt in range(1, RETRIES + 1):
            try:
                return method(self, *args, **kwargs)
            except DBAPIError as exc:
                if getattr(exc.orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE:
                    raise self.refused(method.__name__, exc) from exc
                if getattr(exc.orig, "sqlstate", None) not in ("40001", "40P01"):
                    raise
                if attempt == RETRIES:
                    raise WorkspaceBusy(
                        "another clerk kept changing the same payments or invoices: "
                        "nothing was changed; reload and try again"
                    ) from exc
                self.conflicts += 1
                log.info("%s: concurrent change, retrying (%d)", method.__name__, attempt)
                time.sleep(0.05 * attempt)

    return run


def _bulk_insert(conn: Connection, table, columns: Sequence[str], rows: Iterable[tuple]) -> None:
    """Insert many rows of plain values (money already as its text) straight through the
    database driver: a million rows built as dictionaries and bound one by one cost tens of
    seconds and gigabytes."""
    marks = {"qmark": "?", "format": "%s", "pyformat": "%s"}.get(conn.dialect.paramstyle)
    if marks is None:  # pragma: no cover - no such driver in use
        conn.execute(insert(table), [dict(zip(columns, r, strict=True)) for r in rows])
        return
    sql = (f"INSERT INTO {table.name} ({', '.join(columns)}) "
           f"VALUES ({', '.join([marks] * len(columns))})")  # fmt: skip
    conn.connection.driver_connection.cursor().executemany(sql, rows)


def _raw(conn: Connection, sql: str, params: dict) -> list[tuple]:
    """Rows as the driver returns them (no per-value type processing: these reads run over
    whole tables of a large workspace); ``IN :name`` takes a list."""
    if not params:
        return conn.exec_driver_sql(sql).fetchall()
    query = text(sql).bindparams(*(bindparam(k, expanding=True) for k in params))
    return [tuple(r) for r in conn.execute(query, params)]


def _day(value: str | date | None) -> date | None:
    """A date column read raw: ISO text from SQLite, a date from other engines."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value[:10])


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


class Workspace:
    """One open workspace file.  Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: Path | str, *, readonly: bool = False, create: bool = True) -> None:
        self.readonly, self.busy = readonly, False
        self.conflicts = 0  # changes the server made us retry (another clerk was quicker)
        if is_url(path):  # a team workspace: the server does the locking and the rights
            self.url = str(path)
            self.where = shown(self.url)  # for titles and messages: never the password
            self.path = Path(self.where)
            self._lock = None
            self.engine = open_server(self.url)
        else:
            self.url = None
            self.path = Path(path)
            self.where = str(self.path)
            self._lock = self._open_file(create)
            self.engine = open_engine(self.path, readonly=self.readonly)
        if self.readonly:
            check_revision(self.engine)
        else:
            migrate(self.engine)
        # Who writes the audit log: the database user on a server (its triggers insist),
        # the login name on a workstation; and, on a server, the team role held.
        self.user, self.role = os_user(), ""
        self._hidden_payment_columns: frozenset[str] = frozenset()
        self._hidden_tables: frozenset[str] = frozenset()  # a role that may not read them
        if self.url is not None:
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
                self._hidden_tables = frozenset(n for k, n in hidden if k == "table")
                self._hidden_payment_columns = frozenset(n for k, n in hidden if k == "column")

    def refused(self, doing: str, exc: Exception) -> Refused:
        """The server's refusal of something this clerk's role may not do, said plainly."""
        what = REFUSED_DOING.get(doing, doing.strip("_").replace("_", " "))
        server = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        role = f" ({ROLE_NAMES.get(self.role, self.role)})" if self.role else ""
        return Refused(f"the server refused: {self.user}{role} may not {what} in this "
                       f"workspace ({server}); nothing was changed")  # fmt: skip

    def _open_file(self, create: bool) -> Lock:
        """A workspace file: created when asked, and its single-writer lock (a second
        process gets a read-only view)."""
        if not self.path.exists():
            if not create or self.readonly:
                raise WorkspaceError(f"{self.path}: no such workspace")
            self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = Lock(self.path)
        if not self.readonly and not lock.try_acquire():
            if not self.path.exists():
                raise WorkspaceBusy(f"{self.path} is being created by another process")
            self.readonly = self.busy = True
        return lock

    # -------------------------------------------------------------- basics

    def close(self) -> None:
        self.engine.dispose()
        if not self.readonly and self._lock is not None:
            self._lock.release()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _writable(self) -> None:
        if self.readonly:
            why = (
                "it is open in another CSP Reconciler process"
                if self.busy
                else "it was opened read-only"
            )
            raise WorkspaceBusy(f"{self.where}: cannot change the workspace: {why}")

    # -------------------------------------------------------------- settings

    def setting(
        self, key: str, default: str | None = None, conn: Connection | None = None
    ) -> str | None:
        """A workspace setting; pass the open connection when inside a transaction (another
        connection would wait on the transaction's own lock)."""
        with self._conn(conn) as c:
            value = c.scalar(select(t.settings.c.value).where(t.settings.c.key == key))
        return default if value is None else value

    def settings(self) -> dict[str, str]:
        with self.engine.connect() as conn:
            return {r.key: r.value for r in conn.execute(select(t.settings))}

    @_retried
    def set_setting(self, key: str, value: str) -> None:
        """Change a setting (audited, undoable); the payment term and the aging buckets are
        checked first (ValueError says what was expected)."""
        self._writable()
        value = validate_setting(key, value)
        with self.engine.begin() as conn:
            old = conn.scalar(select(t.settings.c.value).where(t.settings.c.key == key))
            if old is None:
                conn.execute(insert(t.settings).values(key=key, value=value))
            else:
                conn.execute(update(t.settings).where(t.settings.c.key == key).values(value=value))
            self._audit(conn, "setting", f"{key} = {value}", {"key": key, "old": old, "new": value})

    @property
    def term_days(self) -> int:
        return self._term_days()

    def _term_days(self, conn: Connection | None = None) -> int:
        value = self.setting("term_days", str(DEFAULT_TERM_DAYS), conn)
        return int(value or DEFAULT_TERM_DAYS)

    # -------------------------------------------------------------- reading

    # These three are read on every refresh of a workspace that may hold 100,000 invoices:
    # raw rows (no per-value type processing), converted here once.

    def documents(
        self,
        conn: Connection | None = None,
        numbers: Iterable[str] | None = None,
        line_totals: bool = True,
    ) -> list[Document]:
        """Every document, or those with these numbers and those amending them (a void note,
        a rebill); ``line_totals=False`` leaves out what their lines add up to."""
        with self._conn(conn) as c:
            if numbers is None:
                rows = c.exec_driver_sql(f"SELECT {DOCUMENT_COLUMNS} FROM documents").fetchall()
                blocks = c.exec_driver_sql(
                    "SELECT invoice_number, total, line_count FROM line_blocks"
                ).fetchall()
            else:
                wanted = sorted(set(numbers))
                d, b = t.documents.c, t.line_blocks.c
                rows = c.execute(
                    select(*(d[n] for n in DOCUMENT_COLUMNS.split(", "))).where(
                        d.number.in_(wanted) | d.amends.in_(wanted)
                    )
                ).fetchall()
                blocks = [] if not line_totals else c.execute(
                    select(b.invoice_number, b.total, b.line_count).where(
                        b.invoice_number.in_({r[0] for r in rows})
                    )
                ).fetchall()  # fmt: skip
        sums: dict[str, Decimal] = defaultdict(Decimal)
        counts: Counter = Counter()
        for number, total, count in blocks:
            sums[number] += Decimal(total)
            counts[number] += count
        kinds = {k.value: k for k in DocumentType}
        types = {k.value: k for k in InvoiceType}
        return [
            Document(
                number=r[0],
                document_type=kinds[r[1]],
                currency=r[2],
                total=Decimal(r[3]),
                date=_day(r[4]),
                due_date=_day(r[5]),
                invoice_type=types[r[6]],
                amends=r[7],
                paid_amount_reported=None if r[8] is None else Decimal(r[8]),
                billing_period_start=_day(r[9]),
                billing_period_end=_day(r[10]),
                lines_total=sums.get(r[0]),
                line_count=counts[r[0]],
                source=Source(r[11], element=r[12]),
            )
            for r in rows
        ]

    def payments(
        self,
        conn: Connection | None = None,
        ids: Iterable[str] | None = None,
        references: bool = True,
    ) -> list[Payment]:
        """Every payment, or those with these ids (``references=False``: without the invoice
        numbers they quote)."""
        where, params = "", {}
        if ids is not None:
            where, params = " WHERE {} IN :ids", {"ids": sorted(ids) or [""]}
        with self._conn(conn) as c:
            refs: dict[str, list[Reference]] = defaultdict(list)
            for pid, number, amount in [] if not references else _raw(
                c, "SELECT payment_id, invoice_number, amount FROM payment_references"
                + where.format("payment_id") + " ORDER BY payment_id, position", params
            ):  # fmt: skip
                refs[pid].append(Reference(number, None if amount is None else Decimal(amount)))
            # a role that may not see the bank's details (sales) reads blanks in their place
            details = ", ".join(
                ("NULL" if c in ("source_row", "source_sheet") else "''") + f" AS {c}"
                if c in self._hidden_payment_columns else c
                for c in PAYMENT_DETAILS
            )  # fmt: skip
            rows = _raw(
                c, f"SELECT id, date, amount, currency, {details} FROM payments"
                + where.format("id") + " ORDER BY date, id", params
            )  # fmt: skip
        return [
            Payment(
                id=r[0],
                date=_day(r[1]),
                amount=Decimal(r[2]),
                currency=r[3],
                reference=r[4],
                references=tuple(refs.get(r[0], ())),
                bank_account=r[5],
                counterparty=r[6],
                bank_reference=r[7],
                source=Source(r[8], r[9], r[10]),
                payee_account=r[11],
            )
            for r in rows
        ]

    def allocations(
        self,
        conn: Connection | None = None,
        sources: Iterable[str] | None = None,
        invoices: Iterable[str] | None = None,
    ) -> list[Allocation]:
        """The allocations in force: all, or those from these sources or to these invoices."""
        where, params = "", {}
        if sources is not None or invoices is not None:
            where = " AND (source_id IN :sources OR invoice_number IN :invoices)"
            params = {"sources": sorted(sources or ()) or [""],
                      "invoices": sorted(invoices or ()) or [""]}  # fmt: skip
        with self._conn(conn) as c:
            rows = _raw(
                c, "SELECT id, source_kind, source_id, invoice_number, amount, method "
                "FROM allocations WHERE removed_audit_id IS NULL" + where + " ORDER BY id", params
            )  # fmt: skip
        kinds = {k.value: k for k in SourceKind}
        return [Allocation(r[0], kinds[r[1]], r[2], r[3], Decimal(r[4]), r[5]) for r in rows]

    def lines(self, invoice_number: str) -> list[InvoiceLine]:
        """An invoice's line items, in the order of their files and rows."""
        q = (
            select(t.line_blocks)
            .where(t.line_blocks.c.invoice_number == invoice_number.upper())
            .order_by(t.line_blocks.c.id)
        )
        with self.engine.connect() as c:
            return [
                line
                for r in c.execute(q)
                for line in linestore.block_lines(
                    r.payload, r.invoice_number, r.currency, r.source_file, r.source_sheet
                )
            ]

    def customer_charges(self) -> list[list]:
        """Per customer and invoice: lines and charges (for re-billing)."""
        q = select(t.line_customer_totals, t.documents.c.currency).join(
            t.documents, t.documents.c.number == t.line_customer_totals.c.invoice_number
        )
        acc: dict[tuple, list] = {}
        with self.engine.connect() as c:
            for r in c.execute(q):
                key = (r.customer_name, r.customer_id, r.invoice_number, r.currency)
                row = acc.setdefault(key, [0, Decimal(0)])
                row[0] += r.line_count
                row[1] += r.total
        return [[*k, n, total] for k, (n, total) in sorted(acc.items())]

    # -------------------------------------------------------------- explaining charges

    def _scan_lines(
        self,
        numbers: Iterable[str] | None = None,
        keep: Callable | None = None,
        conn: Connection | None = None,
    ) -> Iterable[tuple[str, InvoiceLine]]:
        """Lines labelled ``INVOICE#N`` (N: the line's place in its invoice, as listed), of
        the invoices given or of all; ``keep(table, currency)`` picks rows before they become
        records (a large workspace has millions)."""
        q = select(t.line_blocks).order_by(t.line_blocks.c.invoice_number, t.line_blocks.c.id)
        chunks: list = [None]  # all
        if numbers is not None:
            wanted = sorted({n.upper() for n in numbers})
            chunks = [wanted[i : i + 500] for i in range(0, len(wanted), 500)]
        seen: dict[str, int] = defaultdict(int)
        import pyarrow as pa

        with self._conn(conn) as c:
            for chunk in chunks:
                query = q if chunk is None else q.where(t.line_blocks.c.invoice_number.in_(chunk))
                for r in c.execute(query):
                    table = linestore.decode_block(r.payload)
                    first = seen[r.invoice_number]
                    seen[r.invoice_number] += table.num_rows
                    rows = range(table.num_rows)
                    if keep is not None:
                        mask = keep(table, r.currency).to_pylist()
                        rows = [i for i, k in enumerate(mask) if k]
                        table = table.take(pa.array(rows, pa.int64()))
                    found = linestore.table_lines(
                        table, r.invoice_number, r.currency, r.source_file, r.source_sheet
                    )
                    for i, line in zip(rows, found, strict=True):
                        yield f"{r.invoice_number}#{first + i + 1}", line

    def explain(self, target: str) -> list[explain.Explanation]:
        """Why the lines of an invoice (``G000123456``) or one line (``G000123456#3``, or the
        file and row it was read from, ``file.csv:12``) cost what they do."""
        target = target.strip()
        number, _, position = target.partition("#")
        if not position and ":" in target:
            file, _, row = target.rpartition(":")
            with self.engine.connect() as c:  # only the invoices that file brought lines to
                numbers = {
                    r[0]
                    for r in c.execute(
                        select(
                            t.line_blocks.c.invoice_number, t.line_blocks.c.source_file
                        ).distinct()
                    )
                    if file in (r[1], Path(r[1]).name)
                }
            labelled = [
                (label, line)
                for label, line in self._scan_lines(numbers)
                if line.source
                and file in (line.source.file, Path(line.source.file).name)
                and str(line.source.row) == row
            ]
            if not labelled:
                raise ValueError(f"no line read from '{file}' row {row} in this workspace")
        else:
            labelled = list(self._scan_lines([number]))
            if not labelled:
                raise ValueError(f"no lines for '{number}' in this workspace (import its "
                                 "reconciliation file first)")  # fmt: skip
            if position:
                labelled = [(lb, ln) for lb, ln in labelled if lb == f"{number.upper()}#{position}"]
                if not labelled:
                    raise ValueError(f"'{target}': {number.upper()} has no line {position}")
        context = self._context_of({ln.customer_id for _, ln in labelled})
        explainer = explain.Explainer(context)
        for label, line in labelled:
            explainer.know(label, line)
        return [explainer.explain(label, line) for label, line in labelled]

    def _context_of(self, customer_ids: set[str]) -> list[tuple[str, InvoiceLine]]:
        """The explainable lines of these customers, in every invoice they appear on."""
        with self.engine.connect() as c:
            numbers = {
                r[0]
                for r in _raw(c, "SELECT DISTINCT invoice_number FROM line_customer_totals "
                              "WHERE customer_id IN :ids", {"ids": sorted(customer_ids) or [""]})
            }  # fmt: skip
            keep = explain.candidates(customer_ids)
            return list(self._scan_lines(numbers, keep, c))

    def checks(self) -> list[explain.Check]:
        """Every line that contradicts a published rule (see :mod:`core.explain`)."""
        return [c for ex in self.flagged_lines() for c in ex.checks]

    def flagged_lines(self) -> list[explain.Explanation]:
        """The explanations of the lines that contradict a published rule."""
        return [ex for ex in self.explained_lines() if ex.checks]

    def explained_lines(self) -> list[explain.Explanation]:
        """Every line with something to explain (converted, prorated, a term that does not
        match, a credit), by invoice and line."""
        labelled = list(self._scan_lines(keep=explain.candidates()))
        return [ex for ex in explain.explain_lines(labelled) if ex.explained]

    def line_customers(self) -> list[tuple[str, str, int]]:
        """(customer id, name, lines) of every customer with lines, by name."""
        with self.engine.connect() as c:
            rows = _raw(c, "SELECT customer_id, MAX(customer_name), SUM(line_count) FROM "
                        "line_customer_totals GROUP BY customer_id", {})  # fmt: skip
        return sorted(((r[0], r[1] or "", int(r[2])) for r in rows),
                      key=lambda r: (r[1].lower(), r[0]))  # fmt: skip

    def customer_explanations(self, customer_id: str) -> list[explain.Explanation]:
        """A customer's lines, each explained (for re-billing them)."""
        with self.engine.connect() as c:
            numbers = {
                r[0]
                for r in _raw(c, "SELECT DISTINCT invoice_number FROM line_customer_totals "
                              "WHERE customer_id IN :ids", {"ids": [customer_id]})
            }  # fmt: skip
            labelled = list(self._scan_lines(numbers, explain.of_customer(customer_id), c))
        return explain.explain_lines(labelled)

    # -------------------------------------------------------------- claims

    def claims(self, kind: str | None = None, open_only: bool = False) -> list[dict]:
        """Disputes and SLA credit claims, oldest first, with their age in days."""
        q = select(t.claims).order_by(t.claims.c.id)
        if kind:
            q = q.where(t.claims.c.kind == kind)
        if open_only:
            q = q.where(t.claims.c.state == "open")
        today = date.today()
        with self.engine.connect() as c:
            return [
                {"id": r.id, "kind": r.kind, "invoice": r.invoice_number, "line": r.line or None,
                 "service": r.service or None, "month": r.month or None,
                 "availability": r.availability or None, "amount": format(r.amount, "f"),
                 "currency": r.currency, "reason": r.reason, "ticket": r.ticket,
                 "opened_on": r.opened_on.isoformat(), "state": r.state,
                 "credit_note": r.credit_note, "closed_on": r.closed_on and r.closed_on.isoformat(),
                 "age_days": ((r.closed_on or today) - r.opened_on).days}
                for r in c.execute(q)
            ]  # fmt: skip

    @_retried
    def open_dispute(
        self, target: str, amount: str | Decimal, reason: str, ticket: str = "",
        on: date | None = None,
    ) -> int:  # fmt: skip
        """Dispute an amount on an invoice (``G000123456``) or one of its lines
        (``G000123456#3``); its id."""
        self._writable()
        number, _, position = target.strip().upper().partition("#")
        if not reason.strip():
            raise ValueError("a dispute needs a reason (what is wrong with the amount)")
        with self.engine.begin() as conn:
            doc = conn.execute(select(t.documents).where(t.documents.c.number == number)).first()
            if doc is None:
                raise ValueError(f"no invoice '{number}' in this workspace")
            value = money(amount, doc.currency)
            if value <= 0:
                raise ValueError(f"disputed amount: expected a positive amount, got {amount}")
            if position:
                count = conn.scalar(
                    select(func.coalesce(func.sum(t.line_blocks.c.line_count), 0)).where(
                        t.line_blocks.c.invoice_number == number
                    )
                )
                if not position.isdigit() or not 1 <= int(position) <= count:
                    raise ValueError(f"'{target}': {number} has {count} line(s)")
            label = f"{number}#{position}" if position else number
            return self._add_claim(
                conn, f"dispute {label}: {format_exact(value, doc.currency)} {doc.currency} "
                f"({reason.strip()})", {"invoice": number, "line": label}, ticket, on,
                kind="dispute", invoice_number=number, line=label if position else "",
                amount=value, currency=doc.currency, reason=reason.strip(),
            )  # fmt: skip

    @_retried
    def open_sla_claim(
        self, service: str, month: str, availability: str | Decimal, amount: str | Decimal,
        currency: str, ticket: str = "", on: date | None = None,
    ) -> int:  # fmt: skip
        """Claim an SLA credit: monthly availability below 99.9 % (Dynamics 365 FAQ)."""
        self._writable()
        if not service.strip():
            raise ValueError("an SLA claim names the service (e.g. Dynamics 365 Sales)")
        try:
            first = date.fromisoformat(f"{month.strip()}-01")
        except ValueError:
            raise ValueError(f"month: expected YYYY-MM, got '{month}'") from None
        try:
            measured = Decimal(str(availability).strip().rstrip("%").strip().replace(",", "."))
        except ArithmeticError:
            raise ValueError(f"availability: expected a percentage, got '{availability}'") from None
        if not 0 <= measured <= 100:
            raise ValueError(f"availability: expected 0 to 100 %, got {measured}")
        if measured >= explain.SLA_AVAILABILITY:
            raise ValueError(
                f"availability {measured} % is not below the {explain.SLA_AVAILABILITY} % the "
                "service level guarantees: no SLA credit is due"
            )
        currency = currency.strip().upper()
        value = money(amount, currency)
        if value <= 0:
            raise ValueError(f"claimed credit: expected a positive amount, got {amount}")
        with self.engine.begin() as conn:
            return self._add_claim(
                conn, f"SLA claim {service.strip()} {first:%Y-%m}: {measured} %, "
                f"{format_exact(value, currency)} {currency}", {"service": service.strip()},
                ticket, on, kind="sla", service=service.strip(), month=f"{first:%Y-%m}",
                availability=format(measured, "f"), amount=value, currency=currency,
            )  # fmt: skip

    def _add_claim(
        self, conn: Connection, summary: str, details: dict, ticket: str, on: date | None,
        **values,
    ) -> int:  # fmt: skip
        """An open claim, audited (action ``dispute`` or ``sla-claim``); its id."""
        action = "dispute" if values["kind"] == "dispute" else "sla-claim"
        audit_id = self._audit(conn, action, summary, details)
        return conn.execute(
            insert(t.claims).values(
                **values,
                ticket=ticket.strip(),
                opened_on=on or date.today(),
                state="open",
                audit_id=audit_id,
            )
        ).inserted_primary_key[0]

    @_retried
    def close_claim(
        self, claim_id: int, credit_note: str | None = None, on: date | None = None
    ) -> dict:
        """Close a dispute or SLA claim: settled by a credit note (linked), or withdrawn."""
        self._writable()
        with self.engine.begin() as conn:
            claim = conn.execute(select(t.claims).where(t.claims.c.id == claim_id)).first()
            if claim is None:
                raise ValueError(f"no dispute or SLA claim #{claim_id}")
            if claim.state != "open":
                raise ValueError(f"claim #{claim_id} is {claim.state} already")
            state = "withdrawn"
            if credit_note:
                credit_note = credit_note.strip().upper()
                doc = conn.execute(
                    select(t.documents).where(t.documents.c.number == credit_note)
                ).first()
                if doc is None:
                    raise ValueError(f"no credit note '{credit_note}' in this workspace (import "
                                     "it first)")  # fmt: skip
                if doc.total >= 0:
                    raise ValueError(f"{credit_note} is not a credit (its total is {doc.total})")
                if doc.currency != claim.currency:
                    raise ValueError(f"{credit_note} is in {doc.currency}, the claim in "
                                     f"{claim.currency}")  # fmt: skip
                state = "credited"
            what = f"credited by {credit_note}" if credit_note else "withdrawn"
            self._audit(conn, "close-claim", f"claim #{claim_id}: {what}",
                        {"claim": claim_id, "state": state})  # fmt: skip
            conn.execute(
                update(t.claims)
                .where(t.claims.c.id == claim_id)
                .values(state=state, credit_note=credit_note or None, closed_on=on or date.today())
            )
        return next(c for c in self.claims() if c["id"] == claim_id)

    def disputed_open(self, claims: list[dict] | None = None) -> dict[str, Decimal]:
        """Per invoice, the amount under open dispute (of ``claims`` when read already)."""
        out: dict[str, Decimal] = defaultdict(Decimal)
        for c in self.claims() if claims is None else claims:
            if c["kind"] == "dispute" and c["state"] == "open":
                out[c["invoice"]] += Decimal(c["amount"])
        return dict(out)

    def allocation_audit(self) -> dict[int, tuple[datetime, str]]:
        """When and by whom each allocation was recorded."""
        q = select(t.allocations.c.id, t.audit.c.at, t.audit.c.os_user).join(
            t.audit, t.audit.c.id == t.allocations.c.created_audit_id
        )
        with self.engine.connect() as c:
            return {r.id: (r.at, r.os_user) for r in c.execute(q)}

    def history(self, number: str) -> list[dict]:
        """What happened to one document or payment, oldest first: the imports that
        brought it, and every allocation to or from it, made and removed, with who and when."""
        events: list[dict] = []
        with self.engine.connect() as c:
            doc = c.execute(select(t.documents).where(t.documents.c.number == number)).first()
            pay = c.execute(select(t.payments.c.import_id).where(t.payments.c.id == number)).first()
            import_ids = {r.import_id for r in c.execute(
                select(t.line_blocks.c.import_id).where(t.line_blocks.c.invoice_number == number)
            )}  # fmt: skip
            for row in (doc, pay):
                if row is not None:
                    import_ids.add(row.import_id)
            if doc is not None and doc.header_import_id is not None:
                import_ids.add(doc.header_import_id)
            for r in c.execute(select(t.imports).where(t.imports.c.id.in_(import_ids))):
                events.append({"at": r.imported_at, "user": r.os_user, "action": "import",
                               "summary": f"imported from {r.file_name}" + (
                                   " (import undone)" if r.undone else "")})  # fmt: skip
            mine = (t.allocations.c.invoice_number == number) | (
                t.allocations.c.source_id == number
            )
            for end in ("created", "removed"):
                column = getattr(t.allocations.c, f"{end}_audit_id")
                q = select(t.allocations, t.audit.c.at, t.audit.c.os_user).join(
                    t.audit, t.audit.c.id == column).where(mine)  # fmt: skip
                for r in c.execute(q):
                    what = (f"{format(r.amount, 'f')} {r.source_id} → {r.invoice_number}"
                            f" ({r.method}, #{r.id})")  # fmt: skip
                    events.append({
                        "at": r.at, "user": r.os_user,
                        "action": "allocate" if end == "created" else "unallocate",
                        "summary": ("allocated " if end == "created" else "removed ") + what,
                    })  # fmt: skip
            for r in c.execute(select(t.notes).where(t.notes.c.subject == number)):
                events.append({"at": r.at, "user": r.author, "action": "note",
                               "summary": f"note: {r.text}"})  # fmt: skip
        events.sort(key=lambda e: e["at"])
        return [{**e, "at": e["at"].isoformat(timespec="seconds")} for e in events]

    # -------------------------------------------------------------- calendar and alerts

    def rules(self) -> Rules:
        return Rules.from_settings(self.settings())

    def marks(self, conn: Connection | None = None) -> dict[str, alerts.Mark]:
        """The clerk's latest word on each payment (an undone mark does not count)."""
        with self._conn(conn) as c:
            undone = self._undone(c)
            out: dict[str, alerts.Mark] = {}
            for r in c.execute(select(t.payment_marks).order_by(t.payment_marks.c.id)):
                if r.audit_id in undone:
                    continue
                if r.state == "clear":
                    out.pop(r.payment_id, None)
                else:
                    out[r.payment_id] = alerts.Mark(r.payment_id, r.state, _day(r.on))
        return out

    @_retried
    def mark_payment(self, payment_id: str, state: str, on: date | None = None) -> str:
        """Record what the clerk knows of a payment at Microsoft: ``applied``, ``unallocated``
        (listed under Unallocated payment in Partner Center, since ``on``), or ``clear``."""
        self._writable()
        if state not in ("applied", "unallocated", "clear"):
            raise ValueError(f"mark: expected applied, unallocated or clear, got '{state}'")
        on = on or date.today()
        with self.engine.begin() as conn:
            if conn.scalar(select(t.payments.c.id).where(t.payments.c.id == payment_id)) is None:
                raise ValueError(f"no payment '{payment_id}' in this workspace")
            words = {"applied": "applied by Microsoft", "clear": "mark cleared",
                     "unallocated": "unallocated at Microsoft"}  # fmt: skip
            audit_id = self._audit(conn, "mark-payment",
                                   f"{payment_id}: {words[state]} ({on.isoformat()})",
                                   {"payment": payment_id, "state": state})  # fmt: skip
            conn.execute(insert(t.payment_marks).values(payment_id=payment_id, state=state, on=on,
                                                        audit_id=audit_id))  # fmt: skip
        return words[state]

    def alerts(
        self,
        as_of: date | None = None,
        ledger: Ledger | None = None,
        payments: list[Payment] | None = None,
    ):
        """(findings, calendar, payment lifecycle) as of a date (default today); pass the
        ledger as of that date, and the payments, when they are read already."""
        as_of = as_of or date.today()
        with self.engine.connect() as conn:
            read = payments if payments is not None else self.payments(conn)
            if ledger is None:
                ledger = self.ledger(as_of, conn, payments=read)
            plans = list(self._plans_in(conn, None).values())
            marks = self.marks(conn)
            rules = Rules.from_settings({r.key: r.value for r in conn.execute(select(t.settings))})
        return alerts.findings(rules, ledger, read, plans, marks, as_of)

    def calendar(self, first: date, last: date) -> alerts.Calendar:
        """The billing periods whose documents become available from ``first`` to ``last``."""
        return alerts.billing_calendar(self.rules(), self.ledger(), first, last)

    def letter(self, what: str, payment_id: str, why: str | None = None) -> str:
        """The text to send Microsoft about a payment: ``request`` (apply an unallocated
        payment) or ``ticket`` (a payment in the wrong currency or to the wrong account)."""
        from core.exports import texts

        read = self.payments()
        ledger = self.ledger(payments=read)
        if payment_id not in ledger.payments:
            raise ValueError(f"no payment '{payment_id}' in this workspace")
        company = self.setting("company_name", "") or ""
        if what == "request":
            if ledger.payments[payment_id].remaining <= 0:
                raise ValueError(f"{payment_id} is fully allocated: nothing to request")
            return texts.unallocated_request(payment_id, ledger, company)
        payment = next(p for p in read if p.id == payment_id)
        if why is None:
            expected = self.rules().payee_accounts.get(payment.currency)
            why = "to the wrong bank account"
            if "currency_mismatch" in ledger.payments[payment_id].flags:
                why = "in the wrong currency"
            elif payment.payee_account and expected:
                why += f" ({payment.payee_account}, not {expected})"
        return texts.wrong_payment_ticket(payment, ledger, company, why)

    # -------------------------------------------------------------- notes

    @_retried
    def add_note(self, subject: str, text: str) -> int:
        """Record a note on a document or payment (its author is the database user on a
        server); its id."""
        self._writable()
        text = text.strip()
        if not text:
            raise ValueError("a note needs some text")
        with self.engine.begin() as conn:
            known = conn.scalar(select(t.documents.c.number).where(t.documents.c.number == subject))
            if known is None:
                known = conn.scalar(select(t.payments.c.id).where(t.payments.c.id == subject))
            if known is None:
                raise ValueError(f"no invoice, credit note or payment '{subject}'")
            return conn.execute(
                insert(t.notes).values(subject=subject, at=_now(), author=self.user, text=text)
            ).inserted_primary_key[0]

    def notes(self, subject: str | None = None) -> list[dict]:
        """Notes, oldest first (of one document or payment when given)."""
        q = select(t.notes).order_by(t.notes.c.id)
        if subject is not None:
            q = q.where(t.notes.c.subject == subject)
        with self.engine.connect() as c:
            return [
                {"id": r.id, "subject": r.subject, "at": r.at.isoformat(timespec="seconds"),
                 "user": r.author, "text": r.text}
                for r in c.execute(q)
            ]  # fmt: skip

    def customer_weights(self) -> dict[str, dict[str, Decimal]]:
        """Per invoice, what each customer's lines add up to (for per-customer aging)."""
        out: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
        with self.engine.connect() as c:
            # raw rows, no per-value type processing: this table has a row per customer and
            # subscription of every invoice (a million in a large workspace)
            rows = c.exec_driver_sql(
                "SELECT invoice_number, customer_name, customer_id, total FROM line_customer_totals"
            ).fetchall()
        for number, name, customer_id, total in rows:
            out[number][name or customer_id] += Decimal(total)
        return {k: dict(v) for k, v in out.items()}

    def ledger(
        self,
        as_of: date | None = None,
        conn: Connection | None = None,
        payments: list[Payment] | None = None,
    ) -> Ledger:
        """The ledger as of a date (pass ``payments`` already read to save reading them)."""
        with self._conn(conn) as c:
            return compute(
                self.documents(c),
                payments if payments is not None else self.payments(c),
                self.allocations(c),
                as_of=as_of,
                term_days=self._term_days(c),
                aging_limits=parse_limits(self.setting("aging_buckets", "30,60,90", c)),
            )

    def audit_log(self) -> list[dict]:
        with self.engine.connect() as c:
            undone = {
                r.undo_of: r.id
                for r in c.execute(
                    select(t.audit.c.id, t.audit.c.undo_of).where(t.audit.c.undo_of.is_not(None))
                )
            }
            return [
                {
                    "id": r.id,
                    "at": r.at.isoformat(),
                    "user": r.os_user,
                    "action": r.action,
                    "summary": r.summary,
                    "undone_by": undone.get(r.id),
                }
                for r in c.execute(select(t.audit).order_by(t.audit.c.id))
            ]

    def _conn(self, conn: Connection | None):
        if conn is not None:
            return _Borrowed(conn)
        return self.engine.connect()

    @contextlib.contextmanager
    def _change(self, *, allocating: bool = False):
        """One change, in a transaction.  On a team server a change that may add allocations
        in bulk (automatic allocation, an import applying credit notes, a plan, undo/redo)
        first takes the allocations table for itself, before its snapshot: it waits for the
        clerks' allocations in flight and holds new ones back until it commits, so each
        reads the other's work (see :meth:`allocate` for the clerks' side)."""
        with self.engine.begin() as conn:
            if allocating and conn.dialect.name == "postgresql":
                conn.exec_driver_sql("LOCK TABLE allocations IN SHARE ROW EXCLUSIVE MODE")
            yield conn

    @contextlib.contextmanager
    def _clerk_allocation(self):
        """A clerk's allocation: on a team server READ COMMITTED with row locks, so clerks
        allocating from different payments to different invoices never wait for or undo each
        other, and two at the same payment or invoice take turns (:meth:`_lock_rows`)."""
        with self.engine.connect() as conn:
            if conn.dialect.name != "postgresql":
                with conn.begin():
                    yield conn
                return
            conn = conn.execution_options(isolation_level="READ COMMITTED")
            with conn.begin():
                # shares the table with other clerks, waits for a bulk change (see _change)
                conn.exec_driver_sql("LOCK TABLE allocations IN ROW EXCLUSIVE MODE")
                yield conn

    @staticmethod
    def _lock_rows(conn: Connection, sources: Iterable[str], numbers: Iterable[str]) -> None:
        """Lock a payment's and documents' rows until the change commits (a team server; a
        workspace file has one writer anyway).  Always in the same order: payments, then
        documents by number."""
        if conn.dialect.name != "postgresql":
            return
        sources, numbers = sorted(set(sources)), sorted(set(numbers) | set(sources))
        _raw(conn, "SELECT id FROM payments WHERE id IN :ids ORDER BY id FOR UPDATE",
             {"ids": sources or [""]})  # fmt: skip
        _raw(conn, "SELECT number FROM documents WHERE number IN :ids ORDER BY number "
             "FOR UPDATE", {"ids": numbers or [""]})  # fmt: skip

    # -------------------------------------------------------------- audit

    def _audit(
        self, conn: Connection, action: str, summary: str, details: dict, undo_of: int | None = None
    ) -> int:
        return conn.execute(
            insert(t.audit).values(
                at=_now(),
                os_user=self.user,
                action=action,
                summary=summary,
                details=json.dumps(details, default=str),
                undo_of=undo_of,
            )
        ).inserted_primary_key[0]

    def _add_allocations(
        self, conn: Connection, planned: Iterable[rules.Planned], audit_id: int
    ) -> list[int]:
        ids = []
        for p in planned:
            ids.append(
                conn.execute(
                    insert(t.allocations).values(
                        source_kind=p.source_kind.value,
                        source_id=p.source_id,
                        invoice_number=p.invoice,
                        amount=p.amount,
                        method=p.method,
                        created_audit_id=audit_id,
                    )
                ).inserted_primary_key[0]
            )
        return ids

    # -------------------------------------------------------------- allocation

    def _ledger_around(self, conn: Connection, source_id: str, invoices: Iterable[str]) -> Ledger:
        """The part of the ledger that allocating ``source_id`` to ``invoices`` depends on:
        those documents, their void/rebill chains, the allocations to and from them, and
        the same again for every source and invoice those allocations reach.  Reading only
        this keeps one clerk's allocation quick in a large workspace, and on a team server
        lets two clerks working on different invoices commit without a conflict."""
        docs: dict[str, Document] = {}
        pays: dict[str, Payment] = {}
        allocs: dict[int, Allocation] = {}
        want_docs = {n.strip().upper() for n in invoices} | {source_id, source_id.upper()}
        want_sources = {source_id, source_id.upper()}
        seen_docs: set[str] = set()
        seen_sources: set[str] = set()
        while want_docs - seen_docs or want_sources - seen_sources:
            new_docs, new_sources = want_docs - seen_docs, want_sources - seen_sources
            seen_docs |= new_docs
            seen_sources |= new_sources
            for d in self.documents(conn, new_docs, line_totals=False):
                docs[d.number] = d
                want_docs.update(n for n in (d.number, d.amends) if n)
                if d.is_credit:
                    want_sources.add(d.number)
            pays.update((p.id, p) for p in self.payments(conn, new_sources, references=False))
            for a in self.allocations(conn, sources=new_sources, invoices=new_docs):
                allocs[a.id] = a
                want_sources.add(a.source_id)
                want_docs.add(a.invoice_number)
        return compute(docs.values(), pays.values(), allocs.values(),
                       term_days=self._term_days(conn))  # fmt: skip

    @_retried
    def allocate(self, source_id: str, requests: Sequence[tuple[str, str | Decimal]]) -> list[int]:
        """Allocate one payment or credit note to invoices; returns the allocation ids."""
        self._writable()
        with self._clerk_allocation() as conn:
            # Lock the source and the invoices, then read them: another clerk's allocation
            # from this payment or to these invoices has committed or waits for ours.  Money
            # aimed at a voided invoice lands on its rebill: lock that too and read again.
            sources = {source_id, source_id.upper()}
            locked = {number.strip().upper() for number, _ in requests}
            self._lock_rows(conn, sources, locked)
            while True:
                ledger = self._ledger_around(conn, source_id, locked)
                planned = rules.check(ledger, source_id, requests)
                landing = {p.invoice for p in planned} - locked
                if not landing or conn.dialect.name != "postgresql":
                    break
                self._lock_rows(conn, (), landing)
                locked |= landing
            src = planned[0]
            cur = ledger.source(src.source_kind, src.source_id).currency  # type: ignore[union-attr]
            summary = f"allocate {src.source_id}: " + ", ".join(
                f"{p.invoice}={format_amount(p.amount, cur)}" for p in planned
            )
            return self._commit_allocations(conn, planned, summary, {"source": src.source_id})

    @_retried
    def unallocate(self, allocation_id: int) -> None:
        self._writable()
        with self.engine.begin() as conn:
            row = conn.execute(
                select(t.allocations).where(t.allocations.c.id == allocation_id)
            ).first()
            if row is None:
                raise rules.AllocationRefused(f"no allocation {allocation_id}")
            if row.removed_audit_id is not None:
                raise rules.AllocationRefused(f"allocation {allocation_id} was already removed")
            audit_id = self._audit(
                conn,
                "unallocate",
                f"unallocate #{allocation_id}: {row.source_id} → {row.invoice_number} "
                f"{format(row.amount, 'f')}",
                {"allocation": allocation_id},
            )
            conn.execute(
                update(t.allocations)
                .where(t.allocations.c.id == allocation_id)
                .values(removed_audit_id=audit_id)
            )
            if row.source_kind == SourceKind.CREDIT.value:
                self._stop_auto_apply(conn, row.source_id)

    def _commit_allocations(
        self, conn: Connection, planned: list[rules.Planned], summary: str, details: dict
    ) -> list[int]:
        """The clerk's allocations as one audited change (undone together); a credit note
        allocated by hand is no longer applied automatically."""
        audit_id = self._audit(conn, "allocate", summary, details)
        ids = self._add_allocations(conn, planned, audit_id)
        for source in {p.source_id for p in planned if p.source_kind == SourceKind.CREDIT}:
            self._stop_auto_apply(conn, source)
        return ids

    def _stop_auto_apply(self, conn: Connection, credit_number: str) -> None:
        """The clerk took a credit note in hand: stop applying it automatically."""
        conn.execute(
            update(t.documents)
            .where(t.documents.c.number == credit_number)
            .values(auto_apply=False)
        )

    @_retried
    def auto_allocate(self, *, apply: bool) -> tuple[rules.AutoResult, list[int]]:
        """Allocate payments to the invoices they quote (see :func:`rules.plan_auto`)."""
        if apply:
            self._writable()
        with self._change(allocating=apply) as conn:
            ledger = self.ledger(conn=conn)
            result = rules.plan_auto(ledger, self.payments(conn))
            ids: list[int] = []
            if apply and result.planned:
                audit_id = self._audit(
                    conn,
                    "auto-allocate",
                    f"auto-allocate: {len(result.planned)} allocation(s)",
                    {},
                )
                ids = self._add_allocations(conn, result.planned, audit_id)
            return result, ids

    # -------------------------------------------------------------- suggestions

    def suggest(self, payment_id: str | None = None) -> list[suggestions.Answer]:
        """Suggested allocations for every payment with money left (or one payment)."""
        with self.engine.connect() as conn:
            return self._suggest(conn, payment_id)

    def _suggest(self, conn: Connection, payment_id: str | None) -> list[suggestions.Answer]:
        ledger = self.ledger(conn=conn)
        payments = self.payments(conn)
        if payment_id is not None:
            if payment_id not in ledger.payments:
                raise rules.AllocationRefused(f"no payment '{payment_id}' in this workspace")
            payments = [p for p in payments if p.id == payment_id]
        undone = self._undone(conn)
        rejected = {
            (r.payment_id, r.signature)
            for r in conn.execute(select(t.rejected_suggestions))
            if r.audit_id not in undone
        }
        suggester = suggestions.Suggester(ledger, rejected)
        if payment_id is not None:  # asked about one payment: an answer even when settled
            return [suggester.answer(p) for p in payments]
        return suggester.answers(payments)

    def _find_suggestion(self, conn: Connection, suggestion_id: str) -> suggestions.Suggestion:
        wanted = suggestion_id.strip().upper()
        for answer in self._suggest(conn, None):
            for s in answer.suggestions:
                if s.id == wanted:
                    return s
        raise rules.AllocationRefused(
            f"no suggestion {suggestion_id} now (the payment or its invoices changed since it "
            "was made, or it was rejected): run 'suggest' again"
        )

    @_retried
    def accept_suggestion(self, suggestion_id: str) -> list[int]:
        """Allocate what a suggestion proposes, checked like any allocation, as one change."""
        self._writable()
        with self._change(allocating=True) as conn:
            s = self._find_suggestion(conn, suggestion_id)
            ledger = self.ledger(conn=conn)
            planned: list[rules.Planned] = []
            for source in dict.fromkeys(ln.source for ln in s.lines):
                requests = [(ln.invoice, ln.amount) for ln in s.lines if ln.source == source]
                for p in rules.check(ledger, source, requests):
                    planned.append(dataclasses.replace(p, method=f"suggestion-{s.kind}"))
                    ledger.invoices[p.invoice].open -= p.amount  # the next source sees it
            summary = f"accept suggestion {s.id} for {s.payment}: " + ", ".join(
                f"{p.source_id}→{p.invoice}={format_amount(p.amount, s.currency)}" for p in planned
            )
            return self._commit_allocations(conn, planned, summary,
                                            {"source": s.payment, "suggestion": s.id})  # fmt: skip

    @_retried
    def reject_suggestion(self, suggestion_id: str) -> str:
        """Remember that the clerk turned a suggestion down; it is not proposed again."""
        self._writable()
        with self.engine.begin() as conn:
            s = self._find_suggestion(conn, suggestion_id)
            audit_id = self._audit(conn, "reject-suggestion",
                                   f"reject suggestion {s.id} for {s.payment}: {s.signature}",
                                   {"payment": s.payment, "signature": s.signature})  # fmt: skip
            conn.execute(insert(t.rejected_suggestions).values(
                payment_id=s.payment, signature=s.signature, audit_id=audit_id))  # fmt: skip
            return s.id

    def _apply_credits(self, conn: Connection, after_import: int | None = None) -> list[int]:
        """Apply every credit note still in automatic mode to the newest open invoices."""
        auto = set(conn.scalars(select(t.documents.c.number).where(t.documents.c.auto_apply)))
        if not auto:
            return []
        ledger = self.ledger(conn=conn)
        planned: list[rules.Planned] = []
        for number in sorted(
            auto,
            key=lambda n: (
                (ledger.credits[n].date or date.min, n) if n in ledger.credits else (date.min, n)
            ),
        ):
            if number not in ledger.credits or ledger.credits[number].remaining <= 0:
                continue
            plans = rules.plan_credit(ledger, number)
            for p in plans:  # later credits see what earlier ones took
                ledger.invoices[p.invoice].open -= p.amount
                ledger.credits[number].applied += p.amount
            planned.extend(plans)
        if not planned:
            return []
        audit_id = self._audit(
            conn,
            "apply-credits",
            "credit notes applied to the most recent open invoices: "
            + ", ".join(f"{p.source_id}→{p.invoice}={p.amount}" for p in planned),
            {"after_import": after_import},
        )
        ids = self._add_allocations(conn, planned, audit_id)
        return ids

    # -------------------------------------------------------------- planned payments

    @_retried
    def plan(
        self,
        invoices: Sequence[str],
        credits: Sequence[str] = (),
        when: date | None = None,
        reference: str | None = None,
    ) -> list[int]:
        """Record planned payments (one per currency) settling ``invoices``; their ids."""
        self._writable()
        when = when or date.today()
        with self._change(allocating=True) as conn:
            ledger = self.ledger(conn=conn)
            pending = {
                ln.invoice: p.reference
                for p in self._plans_in(conn, "planned").values()
                for ln in p.lines
            }
            for raw in invoices:
                target = ledger.resolve(raw.strip().upper()) or raw.strip().upper()
                if target in pending:
                    raise rules.AllocationRefused(
                        f"{target} is already in planned payment {pending[target]}"
                    )
            plans = planning.plan(ledger, invoices, credits, when)
            ids = []
            for p in plans:
                next_id = (conn.scalar(select(func.max(t.planned_payments.c.id))) or 0) + 1
                p.reference = reference or f"RA-{p.date:%Y%m%d}-{next_id}"
                audit_id = self._audit(
                    conn, "plan", f"plan #{next_id} {planning.describe(p)}", {"plan": next_id}
                )
                plan_id = conn.execute(
                    insert(t.planned_payments).values(
                        id=next_id, reference=p.reference, date=p.date, currency=p.currency,
                        amount=p.amount, status="planned", payment_id=None,
                        created_audit_id=audit_id,
                    )
                ).inserted_primary_key[0]  # fmt: skip
                conn.execute(
                    insert(t.plan_lines),
                    [
                        dict(plan_id=plan_id, position=i, kind=ln.kind, source=ln.source,
                             invoice_number=ln.invoice, amount=ln.amount)
                        for i, ln in enumerate(p.lines)
                    ],
                )  # fmt: skip
                for ln in p.lines:
                    if ln.kind == "credit":
                        self._stop_auto_apply(conn, ln.source)
                ids.append(plan_id)
            return ids

    def plans(self, status: str | None = None) -> dict[int, planning.Plan]:
        """Planned payments by id, with their lines (and ``payment_id`` once confirmed).  A
        role that may not see them (sales) is refused (the alerts show such a role none)."""
        if "planned_payments" in self._hidden_tables:
            raise Refused(f"the server refused: {self.user} ({ROLE_NAMES.get(self.role)}) may "
                          "not see payment plans; nothing was changed")  # fmt: skip
        with self.engine.connect() as conn:
            return self._plans_in(conn, status)

    def _confirm_plans(self, conn: Connection, new_payments: list[tuple[str, Payment]],
                       summary: ImportSummary) -> None:  # fmt: skip
        """A payment that is a planned transfer takes the plan's allocations."""
        open_plans = self._plans_in(conn, "planned")
        if not open_plans:
            return
        for pid, payment in new_payments:
            match = next((i for i, p in open_plans.items() if planning.matches(p, payment)), None)
            if match is None:
                continue
            p = open_plans.pop(match)
            ledger = self.ledger(conn=conn)
            planned = []
            for ln in p.lines:
                target = ledger.resolve(ln.invoice) or ln.invoice
                if ln.kind == "invoice":
                    continue
                planned.append(rules.Planned(SourceKind.CREDIT, ln.source, target, ln.amount,
                                             ln.invoice, "plan"))  # fmt: skip
            credited: dict[str, Decimal] = defaultdict(Decimal)
            for ln in p.lines:
                if ln.kind == "credit":
                    credited[ln.invoice] += ln.amount
            for ln in p.lines:
                if ln.kind == "invoice" and ln.amount - credited[ln.invoice] > 0:
                    planned.append(rules.Planned(
                        SourceKind.PAYMENT, pid, ledger.resolve(ln.invoice) or ln.invoice,
                        ln.amount - credited[ln.invoice], ln.invoice, "plan",
                    ))  # fmt: skip
            audit_id = self._audit(
                conn, "confirm-plan",
                f"{pid} is planned payment #{match} ({p.reference}): its allocations applied",
                {"plan": match, "payment": pid},
            )  # fmt: skip
            self._add_allocations(conn, planned, audit_id)
            conn.execute(
                update(t.planned_payments)
                .where(t.planned_payments.c.id == match)
                .values(status="confirmed", payment_id=pid)
            )
            summary.warnings.append(
                f"{pid}: the transfer of planned payment #{match} ({p.reference}); confirmed and "
                "allocated as planned"
            )

    def _plans_in(self, conn: Connection, status: str | None) -> dict[int, planning.Plan]:
        if "planned_payments" in self._hidden_tables:
            return {}  # sales: no payment plans
        q = select(t.planned_payments).order_by(t.planned_payments.c.id)
        if status:
            q = q.where(t.planned_payments.c.status == status)
        out: dict[int, planning.Plan] = {}
        for r in conn.execute(q):
            out[r.id] = planning.Plan(
                r.currency, r.date, reference=r.reference, status=r.status,
                payment_id=r.payment_id,
            )  # fmt: skip
        for r in conn.execute(
            select(t.plan_lines).order_by(t.plan_lines.c.plan_id, t.plan_lines.c.position)
        ):
            if r.plan_id in out:
                out[r.plan_id].lines.append(
                    planning.PlanLine(r.kind, r.source, r.invoice_number, r.amount)
                )
        return out

    # -------------------------------------------------------------- documents

    def parties(self, currency: str):
        """Payer (the partner, from the settings) and payee (Microsoft's account for
        ``currency`` as the clerk recorded it)."""
        from core.exports.remittance import DEFAULT_PAYEE, Party

        def printed(iban: str) -> str:  # stored compact, printed in groups of four
            compact = iban.replace(" ", "")
            return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))

        payer = Party(
            self.setting("company_name", "") or "",
            tuple((self.setting("company_address", "") or "").splitlines()),
            printed(self.setting("company_account", "") or ""),
        )
        payee = Party(
            self.setting("payee_name", DEFAULT_PAYEE) or DEFAULT_PAYEE,
            (),
            printed(self.setting(f"payee_account_{currency}", None)
                    or self.setting("payee_account", "") or ""),
        )  # fmt: skip
        return payer, payee

    def remittance(self, what: str):
        """The remittance advice of a payment (by id) or a planned payment (by reference or
        ``plan:N``)."""
        from core.exports import remittance

        ledger = self.ledger()
        if what in ledger.payments:
            cur = ledger.payments[what].currency
            return remittance.from_payment(what, ledger, *self.parties(cur))
        plans = self.plans()
        key = what.lower().removeprefix("plan:").lstrip("#")
        for plan_id, p in plans.items():
            if str(plan_id) == key or p.reference.lower() == what.lower():
                return remittance.from_plan(p, ledger, *self.parties(p.currency))
        raise remittance.RemittanceError(f"no payment or planned payment '{what}'")

    # -------------------------------------------------------------- undo

    @_retried
    def undo(self, audit_id: int | None = None) -> str:
        """Undo one change (the latest by default); returns what was undone."""
        self._writable()
        with self._change(allocating=True) as conn:
            undone = self._undone(conn)
            q = select(t.audit).where(
                t.audit.c.action.in_(
                    [
                        "allocate",
                        "unallocate",
                        "auto-allocate",
                        "apply-credits",
                        "import",
                        "setting",
                        "reject-suggestion",  # undone: proposed again (see _suggest)
                        "mark-payment",  # undone: the mark no longer counts (see marks)
                    ]
                )
            )
            if audit_id is not None:
                q = q.where(t.audit.c.id == audit_id)
            candidates = [
                r for r in conn.execute(q.order_by(t.audit.c.id.desc())) if r.id not in undone
            ]
            if not candidates:
                raise NothingToUndo(
                    f"change #{audit_id} cannot be undone (unknown, already undone or not a change)"
                    if audit_id is not None
                    else "nothing to undo"
                )
            entry = candidates[0]
            details = json.loads(entry.details)
            new_id = self._audit(
                conn, "undo", f"undo #{entry.id}: {entry.summary}", {}, undo_of=entry.id
            )
            ids = list(
                conn.scalars(
                    select(t.allocations.c.id).where(t.allocations.c.created_audit_id == entry.id)
                )
            )
            if entry.action == "unallocate":
                ids = [details["allocation"]]
            if entry.action in ("allocate", "auto-allocate", "apply-credits"):
                conn.execute(
                    update(t.allocations)
                    .where(t.allocations.c.id.in_(ids), t.allocations.c.removed_audit_id.is_(None))
                    .values(removed_audit_id=new_id)
                )
                if entry.action == "apply-credits":  # the clerk takes these credits in hand
                    for credit in conn.scalars(
                        select(t.allocations.c.source_id).where(t.allocations.c.id.in_(ids))
                    ):
                        self._stop_auto_apply(conn, credit)
            elif entry.action == "unallocate":
                row = conn.execute(select(t.allocations).where(t.allocations.c.id.in_(ids))).first()
                conn.execute(
                    update(t.allocations)
                    .where(t.allocations.c.id.in_(ids))
                    .values(removed_audit_id=None)
                )
                if row is not None:
                    # Restoring must not over-allocate what happened since.
                    ledger = self.ledger(conn=conn)
                    src = ledger.source(SourceKind(row.source_kind), row.source_id)
                    if src is not None and any(
                        a.applied < a.allocation.amount for a in src.allocations
                    ):
                        raise rules.AllocationRefused(
                            f"cannot undo #{entry.id}: {row.source_id} or {row.invoice_number} "
                            "has been allocated since; unallocate that first"
                        )
            elif entry.action == "import":
                self._undo_import(conn, entry.id, details, new_id)
            elif entry.action == "setting":
                key, old = details["key"], details["old"]
                conn.execute(t.settings.delete().where(t.settings.c.key == key))
                if old is not None:
                    conn.execute(insert(t.settings).values(key=key, value=old))
            return f"undid #{entry.id}: {entry.summary}"

    @staticmethod
    def _undone(conn: Connection) -> set[int]:
        """Changes undone and not redone since."""
        undos = {
            r.id: r.undo_of
            for r in conn.execute(
                select(t.audit.c.id, t.audit.c.undo_of).where(t.audit.c.action == "undo")
            )
        }
        redone = set(conn.scalars(select(t.audit.c.undo_of).where(t.audit.c.action == "redo")))
        return {original for u, original in undos.items() if u not in redone}

    @_retried
    def redo(self) -> str:
        """Redo the change the latest undo took back, if nothing was changed since."""
        self._writable()
        with self._change(allocating=True) as conn:
            entries = list(conn.execute(select(t.audit).order_by(t.audit.c.id.desc())))
            redone = {e.undo_of for e in entries if e.action == "redo"}
            target = None
            for e in entries:
                if e.action == "redo":
                    continue
                if e.action == "undo" and e.id not in redone:
                    target = e
                    break
                if e.action != "undo":
                    break  # a change since the undo: nothing to redo
            if target is None:
                raise NothingToUndo("nothing to redo")
            original = conn.execute(select(t.audit).where(t.audit.c.id == target.undo_of)).one()
            if original.action == "import":
                raise NothingToUndo("an undone import is redone by importing the file again")
            redo_id = self._audit(
                conn, "redo", f"redo #{original.id}: {original.summary}", {},
                undo_of=target.id,
            )  # fmt: skip
            details = json.loads(original.details)
            if original.action in ("allocate", "auto-allocate", "apply-credits"):
                conn.execute(
                    update(t.allocations)
                    .where(t.allocations.c.removed_audit_id == target.id)
                    .values(removed_audit_id=None)
                )
                ledger = self.ledger(conn=conn)
                over = [
                    a for src in [*ledger.payments.values(), *ledger.credits.values()]
                    for a in src.allocations if a.applied < a.allocation.amount
                ]  # fmt: skip
                if over:
                    raise rules.AllocationRefused(
                        f"cannot redo #{original.id}: the money has been allocated since"
                    )
            elif original.action == "unallocate":
                conn.execute(
                    update(t.allocations)
                    .where(t.allocations.c.id == details["allocation"])
                    .values(removed_audit_id=redo_id)
                )
            elif original.action == "setting":
                conn.execute(t.settings.delete().where(t.settings.c.key == details["key"]))
                conn.execute(insert(t.settings).values(key=details["key"], value=details["new"]))
            return f"redid #{original.id}: {original.summary}"

    def _undo_import(self, conn: Connection, audit_id: int, details: dict, undo_audit: int) -> None:
        import_id = details["import_id"]
        numbers = set(
            conn.scalars(select(t.documents.c.number).where(t.documents.c.import_id == import_id))
        )
        pay_ids = set(
            conn.scalars(select(t.payments.c.id).where(t.payments.c.import_id == import_id))
        )
        # the credit notes it applied automatically go with it
        credit_audits = [
            r.id
            for r in conn.execute(select(t.audit).where(t.audit.c.action == "apply-credits"))
            if json.loads(r.details).get("after_import") == audit_id
        ]
        own_allocs = set(
            conn.scalars(
                select(t.allocations.c.id).where(
                    t.allocations.c.created_audit_id.in_(credit_audits)
                )
            )
        )
        blocking = [
            r
            for r in conn.execute(
                select(t.allocations).where(t.allocations.c.removed_audit_id.is_(None))
            )
            if r.id not in own_allocs
            and (r.invoice_number in numbers or r.source_id in numbers or r.source_id in pay_ids)
        ]
        if blocking:
            raise rules.AllocationRefused(
                "cannot undo this import: allocations use what it brought ("
                + ", ".join(f"#{r.id}" for r in blocking[:10])
                + "); unallocate them first"
            )
        conn.execute(
            update(t.allocations)
            .where(t.allocations.c.id.in_(own_allocs), t.allocations.c.removed_audit_id.is_(None))
            .values(removed_audit_id=undo_audit)
        )
        shared = set(
            conn.scalars(
                select(t.payment_sources.c.payment_id).where(
                    t.payment_sources.c.payment_id.in_(pay_ids),
                    t.payment_sources.c.import_id != import_id,
                )
            )
        )
        if shared:
            raise rules.AllocationRefused(
                "cannot undo this import: later imports recognised its payments ("
                + ", ".join(sorted(shared))
                + "); undo those first"
            )
        conn.execute(t.payment_sources.delete().where(t.payment_sources.c.import_id == import_id))
        conn.execute(t.usage_totals.delete().where(t.usage_totals.c.import_id == import_id))
        conn.execute(
            t.payment_references.delete().where(t.payment_references.c.payment_id.in_(pay_ids))
        )
        conn.execute(t.payments.delete().where(t.payments.c.import_id == import_id))
        conn.execute(t.line_blocks.delete().where(t.line_blocks.c.import_id == import_id))
        conn.execute(
            t.line_customer_totals.delete().where(t.line_customer_totals.c.import_id == import_id)
        )
        for number, old in details.get("updated_documents", {}).items():
            conn.execute(
                update(t.documents).where(t.documents.c.number == number).values(**_decode_row(old))
            )
        conn.execute(t.documents.delete().where(t.documents.c.import_id == import_id))
        conn.execute(update(t.imports).where(t.imports.c.id == import_id).values(undone=True))

    # -------------------------------------------------------------- import

    @_retried
    def import_file(
        self,
        path: Path | str,
        options: ImportOptions | None = None,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        format_name: str | None = None,
    ) -> ImportSummary:
        """Import one file as one change (see :meth:`_import_file`)."""
        kwargs = {"progress": progress, "cancelled": cancelled, "format_name": format_name}
        try:
            return self._import_file(path, options, **kwargs)
        except _AlreadyImported:  # by another clerk meanwhile: say so, as for a second import
            return self._import_file(path, options, **kwargs)

    def _import_file(
        self,
        path: Path | str,
        options: ImportOptions | None = None,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        format_name: str | None = None,
    ) -> ImportSummary:
        """Import one file whole, or nothing (raises :class:`ImportFailed`).

        ``format_name`` (a key of :data:`core.importers.IMPORTERS`) forces the
        format instead of recognising it.
        """
        self._writable()
        display = str(path)
        path = Path(path)
        options = self._options(options)
        summary = ImportSummary(display)
        if not path.is_file():
            refuse(display, None, "no such file")
        if format_name and format_name not in IMPORTERS:
            refuse(display, None, f"unknown format '{format_name}' (see: csp-recon formats)")
        importer = IMPORTERS[format_name] if format_name else identify(path)
        if importer is None:
            importer = self._mapped_importer(path)
        if importer is None:
            refuse(
                display,
                None,
                "not a file CSP Reconciler can read (see: csp-recon formats; expected a "
                "Partner Center invoice list or line items, a bank statement, or a payments "
                "or invoice list CSV/XLSX)",
            )
        with path.open("rb") as fh:
            sha = hashlib.file_digest(fh, "sha256").hexdigest()
        with self.engine.connect() as conn:
            prior = conn.execute(
                select(t.imports).where(t.imports.c.sha256 == sha, t.imports.c.undone.is_(False))
            ).first()
        if prior is not None:
            summary.already_imported = True
            summary.import_id = prior.id
            summary.format = prior.format
            summary.skipped.append(
                f"{display}: already imported as #{prior.id} ({prior.file_name}, "
                f"{prior.imported_at:%Y-%m-%d %H:%M}): nothing changed"
            )
            return summary
        summary.format = importer.name
        try:
            extracted = importer.extract(path, display, options)
        except Exception as exc:
            log.warning("reading %s failed", display, exc_info=True)
            refuse(display, None, f"could not be read as {importer.name}: {exc}")
        if extracted.errors:
            raise ImportFailed(display, extracted.errors)
        summary.skipped.extend(str(s) for s in extracted.skipped)
        summary.entries_read = extracted.entries_read
        summary.checks = list(extracted.checks)
        total = (
            len(extracted.documents)
            + len(extracted.lines)
            + (extracted.line_table.num_rows if extracted.line_table is not None else 0)
            + len(extracted.payments)
            + len(extracted.usage)
        )
        if progress:
            progress(0, total)
        with self._change(allocating=True) as conn:
            # Looked at again inside the change: another clerk may have imported the same
            # file meanwhile (on a server, SERIALIZABLE makes one of two such imports retry,
            # and the retry finds the other's).
            if conn.execute(select(t.imports.c.id).where(
                    t.imports.c.sha256 == sha, t.imports.c.undone.is_(False))).first():  # fmt: skip
                raise _AlreadyImported
            import_id = conn.execute(
                insert(t.imports).values(
                    file_name=display,
                    sha256=sha,
                    format=importer.name,
                    imported_at=_now(),
                    os_user=self.user,
                    summary="{}",
                    undone=False,
                )
            ).inserted_primary_key[0]
            summary.import_id = import_id
            updated_docs = self._store(
                conn, extracted, import_id, summary, progress, cancelled, total
            )
            audit_id = self._audit(
                conn,
                "import",
                f"import {display}",
                {"import_id": import_id, "updated_documents": updated_docs},
            )
            summary.credit_allocations = len(self._apply_credits(conn, after_import=audit_id))
            conn.execute(
                update(t.imports)
                .where(t.imports.c.id == import_id)
                .values(summary=json.dumps(summary.as_dict()))
            )
            if cancelled and cancelled():  # asked while the rows were written: keep nothing
                raise ImportCancelled(display)
        return summary

    def _store(
        self,
        conn: Connection,
        ex: Extracted,
        import_id: int,
        summary: ImportSummary,
        progress: Progress | None,
        cancelled: Cancelled | None,
        total: int,
    ) -> dict:
        done = 0

        def tick(n: int = 1) -> None:
            """``n`` more entries stored: every 500, report progress and honour Cancel."""
            nonlocal done
            before, done = done, done + n
            if done // 500 == before // 500 and done != total:
                return
            if cancelled and cancelled():
                raise ImportCancelled(summary.file)
            if progress:
                progress(done, total)

        existing = {r.number: r for r in conn.execute(select(t.documents))}
        updated_docs: dict[str, dict] = {}
        seen_numbers: set[str] = set()
        new_docs: list[dict] = []
        for doc in ex.documents:
            tick()
            if doc.number in seen_numbers:
                refuse(
                    summary.file,
                    doc.source or Source(summary.file),
                    f"document {doc.number} appears twice",
                )
            seen_numbers.add(doc.number)
            values = _document_values(doc)
            old = existing.get(doc.number)
            if old is None:
                new_docs.append(
                    values
                    | {"import_id": import_id, "header_import_id": import_id,
                       "auto_apply": doc.is_credit}
                )  # fmt: skip
                summary.created["documents"] += 1
                continue
            old_values = {k: getattr(old, k) for k in values}
            if _same_document(old_values, values):
                summary.unchanged["documents"] += 1
                continue
            if old.currency != doc.currency:
                refuse(
                    summary.file,
                    doc.source or Source(summary.file),
                    f"{doc.number} is already in the workspace in {old.currency}, here in "
                    f"{doc.currency}",
                    "currencyCode",
                )
            updated_docs[doc.number] = _encode_row(
                old_values | {"header_import_id": old.header_import_id}
            )
            conn.execute(
                update(t.documents)
                .where(t.documents.c.number == doc.number)
                .values(**values, header_import_id=import_id)
            )
            summary.updated["documents"] += 1
            if old.date is None:
                summary.warnings.append(f"{doc.number}: header arrived; its date is now known")

        if new_docs:
            conn.execute(insert(t.documents), new_docs)
        if ex.lines or ex.line_table is not None:
            table = (
                ex.line_table if ex.line_table is not None else linestore.lines_to_table(ex.lines)
            )
            summary.sheet = ex.sheet
            self._store_lines(conn, table, import_id, summary, tick)
        if ex.payments:
            self._store_payments(conn, ex.payments, import_id, summary, tick)
        if ex.usage:
            self._store_usage(conn, ex.usage, import_id, summary, tick)
        line_numbers = {ln.invoice_number for ln in ex.lines}
        if ex.line_table is not None:
            import pyarrow.compute as pc

            line_numbers |= set(pc.unique(ex.line_table["invoice_number"]).to_pylist())
        self._check_line_totals(conn, summary, seen_numbers | line_numbers)
        return updated_docs

    def _store_lines(
        self,
        conn: Connection,
        table: pa.Table,
        import_id: int,
        summary: ImportSummary,
        tick: Callable[..., None],
    ) -> None:
        """Store line items a block per invoice; a line already stored is not added twice.

        A line is the same as a stored one when its natural key is (see
        :mod:`core.linestore`); if its amounts differ, the difference is
        reported and the stored line kept.
        """
        import pyarrow as pa
        import pyarrow.compute as pc

        table = linestore.with_keys(table)
        numbers = pc.unique(table["invoice_number"]).to_pylist()
        per_invoice = table.group_by("invoice_number").aggregate([("currency", "count_distinct")])
        for number, n in zip(
            per_invoice["invoice_number"].to_pylist(),
            per_invoice["currency_count_distinct"].to_pylist(),
            strict=True,
        ):
            if n > 1:
                refuse(summary.file, None, f"invoice {number} has lines in several currencies",
                       "Currency")  # fmt: skip
        # What is stored already for these invoices: compare by natural key.
        stored: dict[str, tuple[str, str, str, str]] = {}
        for chunk in range(0, len(numbers), 500):
            for r in conn.execute(
                select(t.line_blocks).where(
                    t.line_blocks.c.invoice_number.in_(numbers[chunk : chunk + 500])
                )
            ):
                block = linestore.decode_block(r.payload)
                for key, total, subtotal, tax, row in zip(
                    *(block[c].to_pylist() for c in ("line_key", "total", "subtotal", "tax")),
                    block["source_row"].to_pylist(),
                    strict=True,
                ):
                    stored[key] = (total, subtotal, tax, f"{r.source_file}:{row}")
        if stored:
            known = pc.is_in(table["line_key"], value_set=pa.array(list(stored), pa.string()))
            old = table.filter(known)
            for key, total, subtotal, tax, row in zip(
                *(old[c].to_pylist() for c in ("line_key", "total", "subtotal", "tax")),
                old["source_row"].to_pylist(),
                strict=True,
            ):
                s_total, s_sub, s_tax, place = stored[key]
                same = all(
                    Decimal(a or 0) == Decimal(b or 0)
                    for a, b in ((total, s_total), (subtotal, s_sub), (tax, s_tax))
                )
                if same:
                    summary.unchanged["lines"] += 1
                else:
                    number = key.split(linestore.SEP, 1)[0]
                    summary.skipped.append(
                        f"{summary.file}:{row}: {number}: this line differs from the one already "
                        f"imported from {place} (total {s_total} → {total}); not merged — check "
                        "the reissued file"
                    )
            table = table.filter(pc.invert(known))
        if table.num_rows == 0:
            return
        # Invoices known only from their lines get a document, "date unknown".
        docs = {r.number: r for r in conn.execute(select(t.documents))}
        currency_of = dict(
            zip(
                *(
                    table.group_by("invoice_number")
                    .aggregate([("currency", "min")])
                    .column(c)
                    .to_pylist()
                    for c in ("invoice_number", "currency_min")
                ),
                strict=True,
            )
        )
        header_less = {n for n, d in docs.items() if d.header_import_id is None}
        new_docs = []
        for number, currency in currency_of.items():
            doc = docs.get(number)
            if doc is None:
                new_docs.append(
                    dict(
                        number=number, document_type=DocumentType.INVOICE.value, invoice_type="",
                        currency=currency, total=Decimal(0), date=None, due_date=None,
                        amends=None, paid_amount_reported=None, billing_period_start=None,
                        billing_period_end=None, auto_apply=False, import_id=import_id,
                        header_import_id=None, source_file=summary.file, source_place=None,
                    )
                )  # fmt: skip
                header_less.add(number)
            elif doc.currency != currency:
                refuse(summary.file, None,
                       f"invoice {number} is in {doc.currency}, its lines in {currency}",
                       "Currency")  # fmt: skip
        if new_docs:
            conn.execute(insert(t.documents), new_docs)
            summary.created["documents"] += len(new_docs)
            for d in new_docs[:20]:
                summary.warnings.append(
                    f"{d['number']}: no invoice header yet; created from its lines, date "
                    "unknown until the invoice list is imported"
                )
            if len(new_docs) > 20:
                summary.warnings.append(f"... and {len(new_docs) - 20} more such invoices")
        # One block per invoice.
        totals = linestore.group_sums(table, ["invoice_number"])
        block_total = dict(
            zip(
                totals["invoice_number"].to_pylist(),
                totals["_amount_sum"].to_pylist(),
                strict=True,
            )
        )
        blocks = []
        for number, part in linestore.split_by_invoice(table):
            blocks.append(
                dict(
                    import_id=import_id,
                    invoice_number=number,
                    currency=currency_of[number],
                    line_count=part.num_rows,
                    total=linestore.trim(block_total[number]),
                    source_file=summary.file,
                    source_sheet=summary.sheet,
                    payload=linestore.encode_block(part),
                )
            )
            tick(part.num_rows)
        conn.execute(insert(t.line_blocks), blocks)
        summary.created["lines"] += table.num_rows
        # Per invoice and customer (not per subscription: that is as many rows as lines, and
        # the lines themselves are in the blocks); subscription_id stays empty.
        columns = ("invoice_number", "customer_id", "customer_name")
        per_customer = linestore.group_sums(table, list(columns))
        _bulk_insert(
            conn,
            t.line_customer_totals,
            ("import_id", *columns, "subscription_id", "total", "line_count"),
            (
                (import_id, inv, cid, cname, "", format(linestore.trim(amount), "f"), n)
                for inv, cid, cname, amount, n in zip(
                    *(per_customer[c].to_pylist()
                      for c in (*columns, "_amount_sum", "_amount_count")),
                    strict=True,
                )
            ),
        )  # fmt: skip
        # An invoice known only from its lines is worth what its lines add up to.
        touched = sorted(header_less & set(currency_of))
        if touched:
            sums: dict[str, Decimal] = defaultdict(Decimal)
            for chunk in range(0, len(touched), 500):
                for r in conn.execute(
                    select(t.line_blocks.c.invoice_number, t.line_blocks.c.total).where(
                        t.line_blocks.c.invoice_number.in_(touched[chunk : chunk + 500])
                    )
                ):
                    sums[r.invoice_number] += r.total
            conn.execute(
                update(t.documents)
                .where(t.documents.c.number == bindparam("n"))
                .values(total=bindparam("v")),
                [{"n": n, "v": money(sums[n], currency_of[n], exact=False)} for n in touched],
            )

    def _check_line_totals(
        self, conn: Connection, summary: ImportSummary, numbers: set[str]
    ) -> None:
        if not numbers:
            return
        docs = {d.number: d for d in self.documents(conn) if d.number in numbers}
        for number in sorted(numbers):
            d = docs.get(number)
            if d is None or d.date is None or d.lines_total is None:
                continue
            if d.lines_total != d.total:
                summary.warnings.append(
                    f"{number}: lines add up to {format_exact(d.lines_total, d.currency)} "
                    f"{d.currency}, "
                    f"the invoice says {format_amount(d.total, d.currency)} (difference "
                    f"{format_exact(d.total - d.lines_total, d.currency)})"
                )

    def _store_payments(
        self,
        conn: Connection,
        payments: list[Payment],
        import_id: int,
        summary: ImportSummary,
        tick: Callable[..., None],
    ) -> None:
        seen: Counter = Counter()
        known_fp = set(conn.scalars(select(t.payments.c.fingerprint)))
        existing = self.payments(conn)
        by_id: dict[str, Payment] = {p.id: p for p in existing}
        same_amount: dict[tuple[str, Decimal], list[Payment]] = defaultdict(list)
        for e in existing:  # a transfer is only ever the same as one of the same amount
            same_amount[(e.currency, e.amount)].append(e)
        next_n = _next_payment_number(by_id)
        matched: set[str] = set()  # payments this file has already been recognised as
        created: list[tuple[str, Payment]] = []
        rows: dict[str, list[dict]] = {"payments": [], "references": [], "sources": []}
        for p in payments:
            tick()
            src = p.source or Source(summary.file)
            key = (
                p.id,
                p.date.isoformat(),
                format(p.amount, "f"),
                p.currency,
                p.reference,
                p.bank_account,
            )
            seen[key] += 1
            fp = hashlib.sha256(json.dumps([*key, seen[key]]).encode()).hexdigest()
            if fp in known_fp:
                summary.unchanged["payments"] += 1
                continue
            candidates = same_amount.get((p.currency, p.amount), [])
            twin = next(
                (
                    e
                    for e in sorted(candidates, key=lambda e: abs((e.date - p.date).days))
                    if e.id not in matched and same_transfer(e, p)
                ),
                None,
            )
            if twin is not None:
                matched.add(twin.id)
                self._add_payment_source(conn, twin.id, import_id, summary.format, src)
                if p.references and not twin.references:
                    self._add_references(conn, twin.id, p)
                learnt = {k: v for k, v in (("bank_reference", p.bank_reference),
                                            ("payee_account", p.payee_account))
                          if v and not getattr(twin, k)}  # fmt: skip
                if learnt:  # the statement says more than the clerk's list did
                    conn.execute(
                        update(t.payments).where(t.payments.c.id == twin.id).values(**learnt)
                    )
                summary.unchanged["payments"] += 1
                summary.warnings.append(
                    f"{src.where()}: the same transfer as {twin.id} "
                    f"({twin.source.where() if twin.source else 'imported before'}): kept once, "
                    "both sources recorded"
                )
                continue
            pid = p.id
            if pid and pid in by_id:
                other = by_id[pid]
                refuse(
                    summary.file,
                    src,
                    f"payment id '{pid}' is already in the workspace with other details "
                    f"({other.date}, {other.amount} {other.currency})",
                    "Id",
                )
            if not pid:
                pid = f"P{next_n}"
                next_n += 1
            rows["payments"].append(
                dict(
                    id=pid, fingerprint=fp, date=p.date, amount=p.amount, currency=p.currency,
                    reference=p.reference, bank_account=p.bank_account,
                    counterparty=p.counterparty, bank_reference=p.bank_reference,
                    import_id=import_id, source_file=src.file, source_sheet=src.sheet,
                    source_row=src.row, payee_account=p.payee_account,
                )
            )  # fmt: skip
            rows["references"] += [
                dict(payment_id=pid, position=i, invoice_number=r.number.upper(), amount=r.amount)
                for i, r in enumerate(p.references)
            ]
            rows["sources"].append(
                dict(payment_id=pid, import_id=import_id, format=summary.format, place=src.where())
            )
            by_id[pid] = p
            matched.add(pid)  # a later row of this same file is another transfer
            known_fp.add(fp)
            summary.created["payments"] += 1
            created.append((pid, p))
        for table, key in ((t.payments, "payments"), (t.payment_references, "references"),
                           (t.payment_sources, "sources")):  # fmt: skip
            if rows[key]:
                conn.execute(insert(table), rows[key])
        self._confirm_plans(conn, created, summary)

    def _store_usage(
        self,
        conn: Connection,
        usage: list[UsageTotal],
        import_id: int,
        summary: ImportSummary,
        tick: Callable[..., None],
    ) -> None:
        """Usage totals are stored once per group; a group whose figures differ is reported.

        A group is an invoice (empty while unbilled), customer, subscription,
        meter and currency.  The same group again with the same figures is
        unchanged (a re-download); with other figures it is a difference the
        clerk must look at, not something to add up twice.
        """
        stored: dict[tuple, tuple] = {}
        numbers = sorted({u.invoice_number for u in usage})
        for r in conn.execute(
            select(t.usage_totals).where(t.usage_totals.c.invoice_number.in_(numbers))
        ):
            key = (r.invoice_number, r.customer_id, r.subscription_id, r.meter, r.currency)
            stored[key] = (r.quantity, r.amount, r.first_day, r.last_day, r.rows)
        rows = []
        for u in usage:
            tick()
            key = (u.invoice_number, u.customer_id, u.subscription_id, u.meter, u.currency)
            figures = (u.quantity, u.amount, u.first_day, u.last_day, u.rows)
            if key in stored:
                if stored[key] == figures:
                    summary.unchanged["usage totals"] += 1
                else:
                    who = u.customer_name or u.customer_id
                    summary.skipped.append(
                        f"usage of {u.invoice_number or 'unbilled'} / {who} / {u.meter}: differs "
                        "from what was imported before "
                        f"({stored[key][4]} rows, {format(stored[key][1], 'f')} {u.currency} → "
                        f"{u.rows} rows, {format(u.amount, 'f')}); not merged"
                    )
                continue
            stored[key] = figures
            rows.append(
                dict(
                    import_id=import_id,
                    invoice_number=u.invoice_number,
                    customer_id=u.customer_id,
                    customer_name=u.customer_name,
                    subscription_id=u.subscription_id,
                    meter=u.meter,
                    currency=u.currency,
                    quantity=u.quantity,
                    amount=u.amount,
                    first_day=u.first_day,
                    last_day=u.last_day,
                    rows=u.rows,
                )
            )
        if rows:
            conn.execute(insert(t.usage_totals), rows)
            summary.created["usage totals"] += len(rows)

    def _mapped_importer(self, path: Path):
        """The clerk's mapping for this file's header layout, if one was saved."""
        from core.importers.mapped import MappedTable, layout_key
        from core.importers.tabular import peek_header

        with path.open("rb") as fh:
            head = fh.read(8)
        header = peek_header(path, head)
        if not header:
            return None
        saved = self.setting(f"layout:{layout_key(header)}")
        if not saved:
            return None
        layout = json.loads(saved)
        return MappedTable(layout["kind"], layout["columns"])

    @_retried
    def save_layout(self, header: list[str], kind: str, columns: dict[str, str]) -> str:
        """Remember which columns of this header layout hold what (audited, undoable)."""
        from core.importers.mapped import KINDS, fields, layout_key

        if kind not in KINDS:
            raise ValueError(f"unknown kind '{kind}' (payments or invoices)")
        missing = [f for f, required in fields(kind) if required and not columns.get(f)]
        if missing:
            raise ValueError("map a column for " + ", ".join(missing))
        unknown = [h for h in columns.values() if h and h not in header]
        if unknown:
            raise ValueError("no column " + ", ".join(repr(h) for h in unknown) + " in the file")
        key = layout_key(header)
        self.set_setting(f"layout:{key}", json.dumps({"kind": kind, "columns": columns}))
        return key

    def usage_totals(self, invoice_number: str | None = None) -> list[UsageTotal]:
        q = select(t.usage_totals).order_by(t.usage_totals.c.id)
        if invoice_number is not None:
            q = q.where(t.usage_totals.c.invoice_number == invoice_number.upper())
        with self.engine.connect() as conn:
            return [
                UsageTotal(
                    r.invoice_number,
                    r.customer_id,
                    r.customer_name,
                    r.subscription_id,
                    r.meter,
                    r.currency,
                    r.quantity,
                    r.amount,
                    r.first_day,
                    r.last_day,
                    r.rows,
                )
                for r in conn.execute(q)
            ]

    def _options(self, given: ImportOptions | None) -> ImportOptions:
        """The caller's options completed with the workspace's settings."""
        given = given or ImportOptions()
        names = json.loads(self.setting("payee_names", "[]") or "[]")
        ibans = json.loads(self.setting("payee_ibans", "[]") or "[]")
        return ImportOptions(
            term_days=self.term_days,
            invoice_number=given.invoice_number,
            payees=(*given.payees, *names),
            payee_ibans=(*given.payee_ibans, *ibans),
            currency=self.setting("currency", given.currency) or given.currency,
        )

    def _add_references(self, conn: Connection, payment_id: str, p: Payment) -> None:
        for pos, ref in enumerate(p.references):
            conn.execute(
                insert(t.payment_references).values(
                    payment_id=payment_id,
                    position=pos,
                    invoice_number=ref.number.upper(),
                    amount=ref.amount,
                )
            )

    def _add_payment_source(
        self, conn: Connection, payment_id: str, import_id: int, fmt: str, src: Source
    ) -> None:
        conn.execute(
            insert(t.payment_sources).values(
                payment_id=payment_id, import_id=import_id, format=fmt, place=src.where()
            )
        )

    def all_payment_sources(self) -> dict[str, list[str]]:
        """Every payment's files (and rows), oldest first (none for a role that may not see
        the bank's details)."""
        out: dict[str, list[str]] = defaultdict(list)
        if "source_file" in self._hidden_payment_columns:
            return {}
        with self.engine.connect() as conn:
            for r in conn.execute(select(t.payment_sources).order_by(t.payment_sources.c.id)):
                out[r.payment_id].append(r.place)
        return dict(out)

    def payment_sources(self, payment_id: str) -> list[str]:
        """Every file (and row) a payment was read from, oldest first."""
        if "source_file" in self._hidden_payment_columns:
            return []
        with self.engine.connect() as conn:
            return list(
                conn.scalars(
                    select(t.payment_sources.c.place)
                    .where(t.payment_sources.c.payment_id == payment_id)
                    .order_by(t.payment_sources.c.id)
                )
            )


class _Borrowed:
    """A connection lent by the caller: not closed on exit."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def __enter__(self) -> Connection:
        return self.conn

    def __exit__(self, *exc) -> None:
        return None


def _same_document(a: dict, b: dict) -> bool:
    """Equal but for where it was read."""
    skip = {"source_file", "source_place"}
    return {k: v for k, v in a.items() if k not in skip} == {
        k: v for k, v in b.items() if k not in skip
    }


def _next_payment_number(by_id: dict) -> int:
    numbers = [int(k[1:]) for k in by_id if k.startswith("P") and k[1:].isdigit()]
    return max(numbers, default=0) + 1


def _document_values(doc: Document) -> dict:
    return dict(
        number=doc.number,
        document_type=doc.document_type.value,
        invoice_type=doc.invoice_type.value,
        currency=doc.currency,
        total=doc.total,
        date=doc.date,
        due_date=doc.due_date,
        amends=doc.amends,
        paid_amount_reported=doc.paid_amount_reported,
        billing_period_start=doc.billing_period_start,
        billing_period_end=doc.billing_period_end,
        source_file=doc.source.file if doc.source else "",
        source_place=(doc.source.element or (str(doc.source.row) if doc.source.row else None))
        if doc.source
        else None,
    )


_DATE_KEYS = {"date", "due_date", "billing_period_start", "billing_period_end"}
_MONEY_KEYS = {"total", "paid_amount_reported"}


def _encode_row(values: dict) -> dict:
    return {
        k: (
            v.isoformat()
            if isinstance(v, date)
            else format(v, "f")
            if isinstance(v, Decimal)
            else v
        )
        for k, v in values.items()
    }


def _decode_row(values: dict) -> dict:
    out = {}
    for k, v in values.items():
        if v is not None and k in _DATE_KEYS:
            v = date.fromisoformat(v)
        elif v is not None and k in _MONEY_KEYS:
            v = Decimal(v)
        out[k] = v
    return out
