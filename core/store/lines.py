"""Storing what an import brings in bulk: line items in packs (Parquet files of up to 65,536
lines sorted by invoice, :mod:`core.linestore`; a line already stored is not added twice)
and usage totals (a group once).  Differences from what is stored are reported in the
import's summary, never merged silently."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import Connection, bindparam, insert, select, update

from core import linestore
from core.changes import ImportSummary
from core.errors import refuse
from core.model import DocumentType, UsageTotal
from core.money import money
from core.store import schema as t

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa

Tick = Callable[..., None]


ROUND_ROWS = 4 * linestore.PACK_ROWS  # lines stored at once: what memory holds of a file


def store_lines(
    conn: Connection, tables: Iterable[pa.Table], import_id: int, summary: ImportSummary,
    tick: Tick,
) -> set[str]:  # fmt: skip
    """Store line items in packs, with where each invoice's lines are; a line already stored
    is not added twice.  ``tables``: the file's lines, whole or a block at a time (stored
    a few packs at a time, so that memory does not grow with the file).  The invoices the
    lines are on.

    A line is the same as a stored one when its natural key is (see :mod:`core.linestore`);
    if its amounts differ, the difference is reported and the stored line kept.
    """
    seen = linestore.KeysSeen()
    currency_of: dict[str, str] = {}  # of every invoice the file has lines on
    stored_currency: dict[str, str] = {}  # of the invoices it added lines to
    header_less: set[str] = set()
    created: list[str] = []
    customers: list[pa.Table] = []
    for table in _rounds(tables):
        table = linestore.with_keys(table, seen)
        _one_currency_per_invoice(table, summary.file, currency_of)
        table = _leave_out_stored(conn, table, summary, import_id)
        if table.num_rows == 0:
            continue
        currencies = _currencies(table)
        stored_currency.update(currencies)
        header_less |= _documents_for_lines(conn, currencies, import_id, summary, created)
        _add_packs(conn, table, currencies, import_id, summary, tick)
        # What each customer's lines add up to per invoice: one pack for the import (a row
        # per invoice and customer would cost as much as a line).
        customers.append(linestore.customer_pack(linestore.group_sums(
            table, ["invoice_number", "customer_id", "customer_name"])))  # fmt: skip
        del table
    _warn_created(created, summary)
    if customers:
        _insert_pack(conn, import_id, "customers", _merged(customers))
    _total_from_lines(conn, sorted(header_less & set(stored_currency)), stored_currency)
    return set(currency_of)


def _rounds(tables: Iterable[pa.Table]) -> Iterator[pa.Table]:
    """The blocks read, gathered into rounds of about :data:`ROUND_ROWS` lines."""
    import pyarrow as pa

    waiting: list[pa.Table] = []
    rows = 0
    for table in tables:
        waiting.append(table)
        rows += table.num_rows
        if rows >= ROUND_ROWS:
            yield pa.concat_tables(waiting)
            waiting, rows = [], 0
    if waiting:
        yield pa.concat_tables(waiting)


def _merged(customers: list[pa.Table]) -> pa.Table:
    """The rounds' per-customer packs as one: sums of sums."""
    import pyarrow as pa

    if len(customers) == 1:
        return customers[0]
    by = ["invoice_number", "customer_id", "customer_name"]
    both = pa.concat_tables(customers)
    per = both.group_by(by).aggregate([("total", "sum"), ("line_count", "sum")])
    return per.select([*by, "total_sum", "line_count_sum"]).rename_columns(
        [*by, "total", "line_count"]
    )


def _one_currency_per_invoice(table: pa.Table, file: str, currency_of: dict[str, str]) -> None:
    """Each invoice's lines in one currency, in this block and those before it (noted in
    ``currency_of``)."""
    per_invoice = table.group_by("invoice_number").aggregate(
        [("currency", "count_distinct"), ("currency", "min")]
    )
    for number, n, currency in zip(
        per_invoice["invoice_number"].to_pylist(),
        per_invoice["currency_count_distinct"].to_pylist(),
        per_invoice["currency_min"].to_pylist(),
        strict=True,
    ):
        if n > 1 or currency_of.setdefault(number, currency) != currency:
            refuse(file, None, f"invoice {number} has lines in several currencies", "Currency")


def _stored_keys(
    conn: Connection, numbers: list[str], import_id: int
) -> dict[str, tuple[str, str, str, str]]:
    """The lines stored for these invoices by other imports, by natural key: total,
    subtotal, tax, place."""
    from core.store.packs import stored_lines

    stored: dict[str, tuple[str, str, str, str]] = {}
    columns = ["line_key", "total", "subtotal", "tax", "source_row"]
    for block, table in stored_lines(conn, numbers, columns, but_import=import_id):
        for key, total, subtotal, tax, row in zip(
            *(table[c].to_pylist() for c in columns), strict=True
        ):
            stored[key] = (total, subtotal, tax, f"{block.source_file}:{row}")
    return stored


def _leave_out_stored(
    conn: Connection, table: pa.Table, summary: ImportSummary, import_id: int
) -> pa.Table:
    """The lines not stored yet; those stored are unchanged, or reported when they differ."""
    import pyarrow as pa
    import pyarrow.compute as pc

    stored = _stored_keys(conn, pc.unique(table["invoice_number"]).to_pylist(), import_id)
    if not stored:
        return table
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
    return table.filter(pc.invert(known))


def _currencies(table: pa.Table) -> dict[str, str]:
    found = table.group_by("invoice_number").aggregate([("currency", "min")])
    return dict(zip(*(found.column(c).to_pylist() for c in ("invoice_number", "currency_min")),
                    strict=True))  # fmt: skip


def _documents_for_lines(
    conn: Connection, currency_of: dict[str, str], import_id: int, summary: ImportSummary,
    created: list[str],
) -> set[str]:  # fmt: skip
    """Invoices known only from their lines get a document, "date unknown" (their numbers
    added to ``created``); of these invoices, those still without a header."""
    numbers = sorted(currency_of)
    docs = {}
    for i in range(0, len(numbers), 500):
        docs.update({r.number: r for r in conn.execute(select(t.documents).where(
            t.documents.c.number.in_(numbers[i : i + 500])))})  # fmt: skip
    header_less = {n for n, d in docs.items() if d.header_import_id is None}
    new_docs = []
    for number, currency in currency_of.items():
        doc = docs.get(number)
        if doc is None:
            new_docs.append(dict(
                number=number, document_type=DocumentType.INVOICE.value, invoice_type="",
                currency=currency, total=Decimal(0), date=None, due_date=None,
                amends=None, paid_amount_reported=None, billing_period_start=None,
                billing_period_end=None, auto_apply=False, import_id=import_id,
                header_import_id=None, source_file=summary.file, source_place=None,
            ))  # fmt: skip
            header_less.add(number)
        elif doc.currency != currency:
            refuse(summary.file, None,
                   f"invoice {number} is in {doc.currency}, its lines in {currency}",
                   "Currency")  # fmt: skip
    if new_docs:
        conn.execute(insert(t.documents), new_docs)
        summary.created["documents"] += len(new_docs)
        created.extend(d["number"] for d in new_docs)
    return header_less


def _warn_created(created: list[str], summary: ImportSummary) -> None:
    for number in created[:20]:
        summary.warnings.append(
            f"{number}: no invoice header yet; created from its lines, date unknown until "
            "the invoice list is imported"
        )
    if len(created) > 20:
        summary.warnings.append(f"... and {len(created) - 20} more such invoices")


def _add_packs(
    conn: Connection, table: pa.Table, currency_of: dict[str, str], import_id: int,
    summary: ImportSummary, tick: Tick,
) -> None:  # fmt: skip
    """The lines in packs, and for each invoice in each pack where its lines are."""
    for pack, runs in linestore.packs(table):
        pack_id = _insert_pack(conn, import_id, "lines", pack)
        totals = linestore.group_sums(pack, ["invoice_number"])
        run_total = dict(zip(totals["invoice_number"].to_pylist(),
                             totals["_amount_sum"].to_pylist(), strict=True))  # fmt: skip
        if len(runs) != len(run_total):  # an invoice twice in one pack: never (sorted)
            raise AssertionError("an invoice's lines are not together in their pack")
        conn.execute(insert(t.line_blocks), [
            dict(import_id=import_id, invoice_number=number, currency=currency_of[number],
                 line_count=count, total=linestore.trim(run_total[number]),
                 source_file=summary.file, source_sheet=summary.sheet, payload=None,
                 pack_id=pack_id, first_row=first)
            for number, first, count in runs
        ])  # fmt: skip
        tick(pack.num_rows)
    summary.created["lines"] += table.num_rows


def _insert_pack(conn: Connection, import_id: int, kind: str, pack: pa.Table) -> int:
    result = conn.execute(insert(t.line_packs).values(
        import_id=import_id, kind=kind, row_count=pack.num_rows,
        payload=linestore.encode_pack(pack)))  # fmt: skip
    return int(result.inserted_primary_key[0])


def _total_from_lines(conn: Connection, touched: list[str], currency_of: dict[str, str]) -> None:
    """An invoice known only from its lines is worth what its lines add up to."""
    if not touched:
        return
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


def store_usage(
    conn: Connection, usage: Iterable[UsageTotal], import_id: int, summary: ImportSummary,
    tick: Tick,
) -> None:  # fmt: skip
    """Usage totals are stored once per group; a group whose figures differ is reported.

    A group is an invoice (empty while unbilled), customer, subscription, meter and
    currency.  The same group again with the same figures is unchanged (a re-download);
    with other figures it is a difference the clerk must look at, not something to add up
    twice.
    """
    usage = list(usage)
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
        rows.append(dict(
            import_id=import_id, invoice_number=u.invoice_number, customer_id=u.customer_id,
            customer_name=u.customer_name, subscription_id=u.subscription_id, meter=u.meter,
            currency=u.currency, quantity=u.quantity, amount=u.amount, first_day=u.first_day,
            last_day=u.last_day, rows=u.rows,
        ))  # fmt: skip
    if rows:
        conn.execute(insert(t.usage_totals), rows)
        summary.created["usage totals"] += len(rows)
