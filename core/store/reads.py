"""Reads of the store: rows become records (:mod:`core.model`), nothing is decided here.

Documents, payments and allocations are read on every refresh of a workspace that may hold
100,000 invoices: raw rows (no per-value type processing), converted here once.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import Connection, bindparam, insert, select, text

from core import linestore, planning
from core.alerts import Mark
from core.model import (
    Allocation,
    Document,
    DocumentType,
    InvoiceLine,
    InvoiceType,
    Payment,
    Reference,
    Source,
    SourceKind,
    UsageTotal,
)
from core.rules.notes import shown
from core.store import schema as t
from core.store.packs import customer_totals, stored_lines

if TYPE_CHECKING:  # pragma: no cover
    pass

DOCUMENT_COLUMNS = (
    "number, document_type, currency, total, date, due_date, invoice_type, amends, "
    "paid_amount_reported, billing_period_start, billing_period_end, source_file, source_place"
)
# What a payment says of the bank (hidden from roles that may not see bank details).
PAYMENT_DETAILS = ("reference", "bank_account", "counterparty", "bank_reference", "source_file",
                   "source_row", "source_sheet", "payee_account")  # fmt: skip


def raw(conn: Connection, sql: str, params: dict) -> list[tuple]:
    """Rows as the driver returns them (no per-value type processing: these reads run over
    whole tables of a large workspace); ``IN :name`` takes a list."""
    if not params:
        return conn.exec_driver_sql(sql).fetchall()
    query = text(sql).bindparams(*(bindparam(k, expanding=True) for k in params))
    return [tuple(r) for r in conn.execute(query, params)]


def bulk_insert(conn: Connection, table, columns: Sequence[str], rows: Iterable[tuple]) -> None:
    """Insert many rows of plain values (money already as its text) straight through the
    database driver: a million rows built as dictionaries and bound one by one cost tens of
    seconds and gigabytes."""
    marks_ = {"qmark": "?", "format": "%s", "pyformat": "%s"}.get(conn.dialect.paramstyle)
    if marks_ is None:  # pragma: no cover - no such driver in use
        conn.execute(insert(table), [dict(zip(columns, r, strict=True)) for r in rows])
        return
    sql = (f"INSERT INTO {table.name} ({', '.join(columns)}) "
           f"VALUES ({', '.join([marks_] * len(columns))})")  # fmt: skip
    conn.connection.driver_connection.cursor().executemany(sql, rows)


def day(value: str | date | None) -> date | None:
    """A date column read raw: ISO text from SQLite, a date from other engines."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value[:10])


def undone_changes(conn: Connection) -> set[int]:
    """Changes undone and not redone since."""
    undos = {
        r.id: r.undo_of
        for r in conn.execute(
            select(t.audit.c.id, t.audit.c.undo_of).where(t.audit.c.action == "undo")
        )
    }
    redone = set(conn.scalars(select(t.audit.c.undo_of).where(t.audit.c.action == "redo")))
    return {original for u, original in undos.items() if u not in redone}


def automatic_credits(conn: Connection, currency: str | None = None) -> frozenset[str]:
    """The credit notes Microsoft's rule applies (the clerk has not taken them in hand)."""
    q = select(t.documents.c.number).where(t.documents.c.auto_apply)
    if currency is not None:
        q = q.where(t.documents.c.currency == currency)
    return frozenset(conn.scalars(q))


def settings(conn: Connection) -> dict[str, str]:
    return {r.key: r.value for r in conn.execute(select(t.settings))}


def documents(
    conn: Connection,
    numbers: Iterable[str] | None = None,
    line_totals: bool = True,
) -> list[Document]:
    """Every document, or those with these numbers and those amending them (a void note,
    a rebill); ``line_totals=False`` leaves out what their lines add up to."""
    if numbers is None:
        rows = conn.exec_driver_sql(f"SELECT {DOCUMENT_COLUMNS} FROM documents").fetchall()
        blocks = conn.exec_driver_sql(
            "SELECT invoice_number, total, line_count FROM line_blocks"
        ).fetchall()
    else:
        wanted = sorted(set(numbers))
        d, b = t.documents.c, t.line_blocks.c
        rows = conn.execute(
            select(*(d[n] for n in DOCUMENT_COLUMNS.split(", "))).where(
                d.number.in_(wanted) | d.amends.in_(wanted)
            )
        ).fetchall()
        blocks = [] if not line_totals else conn.execute(
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
            date=day(r[4]),
            due_date=day(r[5]),
            invoice_type=types[r[6]],
            amends=r[7],
            paid_amount_reported=None if r[8] is None else Decimal(r[8]),
            billing_period_start=day(r[9]),
            billing_period_end=day(r[10]),
            lines_total=sums.get(r[0]),
            line_count=counts[r[0]],
            source=Source(r[11], element=r[12]),
        )
        for r in rows
    ]


def payments(
    conn: Connection,
    hidden: frozenset[str] = frozenset(),
    ids: Iterable[str] | None = None,
    references: bool = True,
) -> list[Payment]:
    """Every payment, or those with these ids (``references=False``: without the invoice
    numbers they quote)."""
    where, params = "", {}
    if ids is not None:
        where, params = " WHERE {} IN :ids", {"ids": sorted(ids) or [""]}
    refs: dict[str, list[Reference]] = defaultdict(list)
    for pid, number, amount in [] if not references else raw(
        conn, "SELECT payment_id, invoice_number, amount FROM payment_references"
        + where.format("payment_id") + " ORDER BY payment_id, position", params
    ):  # fmt: skip
        refs[pid].append(Reference(number, None if amount is None else Decimal(amount)))
    # a role that may not see the bank's details (sales) reads blanks in their place
    details = ", ".join(
        ("NULL" if c in ("source_row", "source_sheet") else "''") + f" AS {c}"
        if c in hidden else c
        for c in PAYMENT_DETAILS
    )  # fmt: skip
    rows = raw(
        conn, f"SELECT id, date, amount, currency, {details} FROM payments"
        + where.format("id") + " ORDER BY date, id", params
    )  # fmt: skip
    return [
        Payment(
            id=r[0],
            date=day(r[1]),
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
    conn: Connection,
    sources: Iterable[str] | None = None,
    invoices: Iterable[str] | None = None,
) -> list[Allocation]:
    """The allocations in force: all, or those from these sources or to these invoices."""
    where, params = "", {}
    if sources is not None or invoices is not None:
        where = " AND (source_id IN :sources OR invoice_number IN :invoices)"
        params = {"sources": sorted(sources or ()) or [""],
                  "invoices": sorted(invoices or ()) or [""]}  # fmt: skip
    rows = raw(
        conn, "SELECT id, source_kind, source_id, invoice_number, amount, method "
        "FROM allocations WHERE removed_audit_id IS NULL" + where + " ORDER BY id", params
    )  # fmt: skip
    kinds = {k.value: k for k in SourceKind}
    return [Allocation(r[0], kinds[r[1]], r[2], r[3], Decimal(r[4]), r[5]) for r in rows]


def lines(conn: Connection, invoice_number: str) -> list[InvoiceLine]:
    """An invoice's line items, in the order of their files and rows."""
    return [
        line
        for r, table in stored_lines(conn, [invoice_number])
        for line in linestore.table_lines(
            table, r.invoice_number, r.currency, r.source_file, r.source_sheet
        )
    ]


def customer_charges(conn: Connection) -> list[list]:
    """Per customer and invoice: lines and charges (for re-billing)."""
    per = customer_totals(conn).group_by(["customer_name", "customer_id", "invoice_number"])
    per = per.aggregate([("line_count", "sum"), ("total", "sum")])
    currency = dict(conn.exec_driver_sql("SELECT number, currency FROM documents").fetchall())
    out = [
        [name, cid, number, currency.get(number), n, linestore.trim(total)]
        for name, cid, number, n, total in zip(
            *(per[c].to_pylist() for c in ("customer_name", "customer_id", "invoice_number",
                                           "line_count_sum", "total_sum")),
            strict=True,
        )
        if number in currency
    ]  # fmt: skip
    return sorted(out, key=lambda r: r[:4])


def history(conn: Connection, number: str) -> list[dict]:
    """What happened to one document or payment, oldest first: the imports that
    brought it, and every allocation to or from it, made and removed, with who and when."""
    events: list[dict] = []
    doc = conn.execute(select(t.documents).where(t.documents.c.number == number)).first()
    pay = conn.execute(select(t.payments.c.import_id).where(t.payments.c.id == number)).first()
    import_ids = {r.import_id for r in conn.execute(
        select(t.line_blocks.c.import_id).where(t.line_blocks.c.invoice_number == number)
    )}  # fmt: skip
    for row in (doc, pay):
        if row is not None:
            import_ids.add(row.import_id)
    if doc is not None and doc.header_import_id is not None:
        import_ids.add(doc.header_import_id)
    for r in conn.execute(select(t.imports).where(t.imports.c.id.in_(import_ids))):
        events.append({"at": r.imported_at, "user": r.os_user, "action": "import",
                       "summary": f"imported from {r.file_name}" + (
                           " (import undone)" if r.undone else "")})  # fmt: skip
    # allocations name the invoice chosen: a rebill's money may be aimed at what it amends
    chain = _amended(conn, number)
    mine = t.allocations.c.invoice_number.in_(chain) | (t.allocations.c.source_id == number)
    for end in ("created", "removed"):
        column = getattr(t.allocations.c, f"{end}_audit_id")
        q = select(t.allocations, t.audit.c.at, t.audit.c.os_user).join(
            t.audit, t.audit.c.id == column).where(mine)  # fmt: skip
        for r in conn.execute(q):
            what = (f"{format(r.amount, 'f')} {r.source_id} → {r.invoice_number}"
                    f" ({r.method}, #{r.id})")  # fmt: skip
            events.append({
                "at": r.at, "user": r.os_user,
                "action": "allocate" if end == "created" else "unallocate",
                "summary": ("allocated " if end == "created" else "removed ") + what,
            })  # fmt: skip
    for r in conn.execute(select(t.notes).where(t.notes.c.subject == number)):
        events.append({"at": r.at, "user": r.author, "action": "note",
                       "summary": f"note: {shown(r.text)}"})  # fmt: skip
    events.sort(key=lambda e: e["at"])
    return [{**e, "at": e["at"].isoformat(timespec="seconds")} for e in events]


def _amended(conn: Connection, number: str) -> set[str]:
    """A rebill and every document it amends, back along the chain (a void note: itself)."""
    chain, current = {number}, number
    while True:
        row = conn.execute(select(t.documents.c.amends, t.documents.c.document_type)
                           .where(t.documents.c.number == current)).first()  # fmt: skip
        if (
            row is None
            or not row.amends
            or row.amends in chain
            or row.document_type in (DocumentType.VOID_NOTE.value, DocumentType.CREDIT_NOTE.value)
        ):
            return chain
        chain.add(row.amends)
        current = row.amends


def customer_weights(conn: Connection) -> dict[str, dict[str, Decimal]]:
    """Per invoice, what each customer's lines add up to (for per-customer aging)."""
    totals = customer_totals(conn)
    import pyarrow.compute as pc

    who = pc.if_else(pc.equal(totals["customer_name"], ""), totals["customer_id"],
                     totals["customer_name"])  # fmt: skip
    per = totals.select(["invoice_number", "total"]).append_column("who", who)
    per = per.group_by(["invoice_number", "who"]).aggregate([("total", "sum")])
    out: dict[str, dict[str, Decimal]] = defaultdict(dict)
    for number, name, total in zip(
        *(per[c].to_pylist() for c in ("invoice_number", "who", "total_sum")), strict=True
    ):
        out[number][name] = linestore.trim(total)
    return dict(out)


def usage_totals(conn: Connection, invoice_number: str | None = None) -> list[UsageTotal]:
    q = select(t.usage_totals).order_by(t.usage_totals.c.id)
    if invoice_number is not None:
        q = q.where(t.usage_totals.c.invoice_number == invoice_number.upper())
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


def all_payment_sources(conn: Connection) -> dict[str, list[str]]:
    """Every payment's files (and rows), oldest first (none for a role that may not see
    the bank's details)."""
    out: dict[str, list[str]] = defaultdict(list)
    for r in conn.execute(select(t.payment_sources).order_by(t.payment_sources.c.id)):
        out[r.payment_id].append(r.place)
    return dict(out)


def payment_sources(conn: Connection, payment_id: str) -> list[str]:
    """Every file (and row) a payment was read from, oldest first."""
    return list(
        conn.scalars(
            select(t.payment_sources.c.place)
            .where(t.payment_sources.c.payment_id == payment_id)
            .order_by(t.payment_sources.c.id)
        )
    )


def audit_log(conn: Connection) -> list[dict]:
    undone = {
        r.undo_of: r.id
        for r in conn.execute(
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
        for r in conn.execute(select(t.audit).order_by(t.audit.c.id))
    ]


def allocation_audit(conn: Connection) -> dict[int, tuple[datetime, str]]:
    """When and by whom each allocation was recorded."""
    q = select(t.allocations.c.id, t.audit.c.at, t.audit.c.os_user).join(
        t.audit, t.audit.c.id == t.allocations.c.created_audit_id
    )
    return {r.id: (r.at, r.os_user) for r in conn.execute(q)}


def plans(conn: Connection, status: str | None = None) -> dict[int, planning.Plan]:
    """Planned payments by id, with their lines (and ``payment_id`` once confirmed)."""
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


def claims(conn: Connection, kind: str | None = None, open_only: bool = False) -> list[dict]:
    """Disputes and SLA credit claims, oldest first, with their age in days."""
    q = select(t.claims).order_by(t.claims.c.id)
    if kind:
        q = q.where(t.claims.c.kind == kind)
    if open_only:
        q = q.where(t.claims.c.state == "open")
    today = date.today()
    return [
        {"id": r.id, "kind": r.kind, "invoice": r.invoice_number, "line": r.line or None,
         "service": r.service or None, "month": r.month or None,
         "availability": r.availability or None, "amount": format(r.amount, "f"),
         "currency": r.currency, "reason": r.reason, "ticket": r.ticket,
         "opened_on": r.opened_on.isoformat(), "state": r.state,
         "credit_note": r.credit_note, "closed_on": r.closed_on and r.closed_on.isoformat(),
         "age_days": ((r.closed_on or today) - r.opened_on).days}
        for r in conn.execute(q)
    ]  # fmt: skip


def notes(conn: Connection, subject: str | None = None) -> list[dict]:
    """Notes, oldest first (of one document or payment when given)."""
    q = select(t.notes).order_by(t.notes.c.id)
    if subject is not None:
        q = q.where(t.notes.c.subject == subject)
    return [
        {"id": r.id, "subject": r.subject, "at": r.at.isoformat(timespec="seconds"),
         "user": r.author, "text": r.text}
        for r in conn.execute(q)
    ]  # fmt: skip


def marks(conn: Connection) -> dict[str, Mark]:
    """The clerk's latest word on each payment (an undone mark does not count)."""
    undone = undone_changes(conn)
    out: dict[str, Mark] = {}
    for r in conn.execute(select(t.payment_marks).order_by(t.payment_marks.c.id)):
        if r.audit_id in undone:
            continue
        if r.state == "clear":
            out.pop(r.payment_id, None)
        else:
            out[r.payment_id] = Mark(r.payment_id, r.state, day(r.on))
    return out


def amendments(conn: Connection) -> dict[str, tuple[str, str | None]]:
    """Per stored document number: its type and the number it amends (for the amendment
    chains of :mod:`core.rules.chains`)."""
    d = t.documents.c
    return {r[0]: (r[1], r[2]) for r in conn.execute(select(d.number, d.document_type, d.amends))}


def microsoft_views(conn: Connection, numbers: Iterable[str] | None = None) -> list:
    """Microsoft's views of the invoices (of these numbers), oldest first: what each invoice
    download reported as paid, and when (the views of an undone import do not count)."""
    from core.rules.agree import View

    v, i = t.microsoft_views.c, t.imports.c
    q = (select(v.invoice_number, v.paid_amount, v.seen_on)
         .join_from(t.microsoft_views, t.imports, i.id == v.import_id)
         .where(i.undone.is_(False)).order_by(v.seen_on, v.import_id, v.id))  # fmt: skip
    if numbers is not None:
        q = q.where(v.invoice_number.in_(sorted(set(numbers))))
    return [View(r[0], r[1], r[2]) for r in conn.execute(q)]
