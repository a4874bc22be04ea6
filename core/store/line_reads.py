"""Reading stored line items for the rules: every line a row filter keeps (a pack at a time),
one line of an invoice, what each customer's lines add up to, and what the explainer needs of
the other lines (the subscriptions a credit may be refunding, the days subscriptions end)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Connection, select

from core import linestore
from core.model import InvoiceLine
from core.store import schema as t
from core.store.packs import customer_totals, every_line, kept_lines, stored_lines

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa


def scan_lines(
    conn: Connection, numbers: Iterable[str] | None = None, keep: Callable | None = None
) -> Iterator[tuple[str, InvoiceLine]]:
    """Lines labelled ``INVOICE#N`` (N: the line's place in its invoice, as listed), of
    the invoices given (by invoice) or of all (by pack: see :func:`label_order`);
    ``keep(table, currency)`` picks rows before they become records (a large workspace has
    millions)."""
    if numbers is None and keep is not None:  # the whole workspace: a pack at a time
        for r, places, kept in kept_lines(conn, keep):
            found = linestore.table_lines(
                kept, r.invoice_number, r.currency, r.source_file, r.source_sheet
            )
            for place, line in zip(places, found, strict=True):
                yield f"{r.invoice_number}#{place}", line
        return
    seen: dict[str, int] = defaultdict(int)
    import pyarrow as pa

    for r, table in stored_lines(conn, numbers):
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


def line_at(conn: Connection, number: str, place: int) -> tuple[str, InvoiceLine] | None:
    """The ``place``-th line (from 1) of an invoice, as :func:`scan_lines` labels it, read
    alone (an invoice may have millions)."""
    before = 0
    for r, table in stored_lines(conn, [number]):
        if before + table.num_rows >= place >= 1:
            found = linestore.table_lines(table.slice(place - before - 1, 1), r.invoice_number,
                                          r.currency, r.source_file, r.source_sheet)  # fmt: skip
            return f"{r.invoice_number}#{place}", found[0]
        before += table.num_rows
    return None


def has_lines(conn: Connection, number: str) -> bool:
    b = t.line_blocks.c
    return (
        conn.execute(select(b.id).where(b.invoice_number == number.upper()).limit(1)).first()
        is not None
    )


def label_order(label: str) -> tuple[str, int]:
    """``INVOICE#N`` sorted by invoice, then by place."""
    number, _, place = label.rpartition("#")
    return number, int(place)


def line_customers(conn: Connection) -> list[tuple[str, str, int]]:
    """(customer id, name, lines) of every customer with lines, by name."""
    per = customer_totals(conn).group_by("customer_id").aggregate(
        [("customer_name", "max"), ("line_count", "sum")])  # fmt: skip
    rows = zip(*(per[c].to_pylist() for c in ("customer_id", "customer_name_max",
                                               "line_count_sum")), strict=True)  # fmt: skip
    return sorted(((cid, name or "", int(n)) for cid, name, n in rows),
                  key=lambda r: (r[1].lower(), r[0]))  # fmt: skip


def line_tables(
    conn: Connection, numbers: Iterable[str] | None = None, customer_id: str | None = None
) -> Iterator[pa.Table]:
    """The stored lines a run of rows at a time (of these invoices, of one customer), with
    the file each came from: for exports of any size."""
    import pyarrow as pa
    import pyarrow.compute as pc

    for r, table in stored_lines(conn, numbers):
        if customer_id is not None:
            table = table.filter(pc.equal(table["customer_id"], customer_id))
        if table.num_rows:
            n = table.num_rows
            for name, value in (("invoice_number", r.invoice_number), ("currency", r.currency),
                                ("source_file", r.source_file)):  # fmt: skip
                if name not in table.column_names:  # the block's, not each line's
                    table = table.append_column(name, pa.array([value] * n, pa.string()))
            yield table


def subscription_ends(
    conn: Connection, numbers: Iterable[str] | None, customer_ids: set[str] | None
) -> set[tuple[str, date, str]]:
    """(customer id, else name; the day it ends; subscription) of the days two or more of
    these customers' (or all) subscriptions end, on these invoices (or all) — two of the
    subscriptions of each such day, which is what cotermination is told by (a workspace of
    ten million lines may have as many subscriptions): read a column at a time."""
    import pyarrow as pa
    import pyarrow.compute as pc

    columns = ["customer_id", "customer_name", "subscription_id", "subscription_end"]
    found: dict[tuple[str, str], set[str]] = {}
    wanted = None if customer_ids is None else pa.array(sorted(customer_ids), pa.string())
    tables = (every_line(conn, columns) if numbers is None
              else (table for _r, table in stored_lines(conn, numbers, columns)))  # fmt: skip
    for table in tables:
        if "subscription_end" not in table.column_names:
            continue  # stored before the details were
        mask = pc.and_(pc.not_equal(table["subscription_end"], ""),
                       pc.not_equal(table["subscription_id"], ""))  # fmt: skip
        if wanted is not None:
            mask = pc.and_(mask, pc.is_in(table["customer_id"], value_set=wanted))
        rows = table.filter(mask)
        who = pc.if_else(pc.equal(rows["customer_id"], ""), rows["customer_name"],
                         rows["customer_id"])  # fmt: skip
        per_day = pa.table({"who": who, "end": rows["subscription_end"],
                            "sub": rows["subscription_id"]}).group_by(["who", "end"]).aggregate(
            [("sub", "distinct")])  # fmt: skip
        for customer, end, subscriptions in zip(
            *(per_day[c].to_pylist() for c in ("who", "end", "sub_distinct")), strict=True
        ):
            kept = found.setdefault((customer, end), set())
            for subscription in subscriptions:
                if len(kept) == 2:
                    break
                kept.add(subscription)
    return {(customer, date.fromisoformat(end), subscription)
            for (customer, end), kept in found.items() if len(kept) > 1
            for subscription in kept}  # fmt: skip


def refunded_subscriptions(conn: Connection) -> set[str]:
    """The subscriptions with a credit (a line of negative amount): read a column at a
    time."""
    import pyarrow.compute as pc

    out: set[str] = set()
    for table in every_line(conn, ["subscription_id", "subtotal"]):
        credits = table.filter(pc.starts_with(table["subtotal"], "-"))
        out.update(pc.unique(credits["subscription_id"]).to_pylist())
    out.discard("")
    return out


def invoices_of_customers(conn: Connection, customer_ids: Iterable[str]) -> set[str]:
    """The invoices these customers have lines on."""
    import pyarrow as pa
    import pyarrow.compute as pc

    totals = customer_totals(conn)
    wanted = pa.array(sorted(set(customer_ids)), pa.string())
    return set(pc.unique(totals.filter(pc.is_in(totals["customer_id"], wanted))[
        "invoice_number"]).to_pylist())  # fmt: skip
