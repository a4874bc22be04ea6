"""Reading stored line items: a run of rows of a pack (:mod:`core.linestore`), or in a
workspace from before packs a block of its own; and what each customer's lines add up to.

Only the packs an invoice's lines are in are read, a pack once for all the invoices asked
for; only the columns asked for are decoded.
"""

from __future__ import annotations

import itertools
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from core import linestore
from core.store import schema as t

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa

_KEPT = 4  # packs kept decoded while reading (a few tens of megabytes)


class Packs:
    """Decoded packs, the few most recent kept (an invoice's runs are read in pack order)."""

    def __init__(self, conn: Connection, columns: list[str] | None) -> None:
        self.conn = conn
        self.columns = _pack_columns(columns)
        self.wanted = columns  # what each slice is cut to (None: every column and the key)
        self.key = columns is None or "line_key" in columns
        self.kept: OrderedDict[int, pa.Table] = OrderedDict()

    def rows(self, pack_id: int, first: int, count: int) -> pa.Table:
        table = self.kept.get(pack_id)
        if table is None:
            payload = self.conn.scalar(
                select(t.line_packs.c.payload).where(t.line_packs.c.id == pack_id)
            )
            table = linestore.decode_pack(payload, self.columns)
            if self.key:  # once for the pack, not for each invoice's slice
                table = linestore.with_stored_key(table)
            if self.wanted is not None:
                table = table.select(self.wanted)
            self.kept[pack_id] = table
            while len(self.kept) > _KEPT:
                self.kept.popitem(last=False)
        else:
            self.kept.move_to_end(pack_id)
        return table.slice(first, count)


def _pack_columns(columns: list[str] | None) -> list[str] | None:
    """The pack's columns to decode for ``columns`` (the key is rebuilt from its fields)."""
    if columns is None:
        return None
    wanted = [c for c in columns if c != "line_key"]
    if "line_key" in columns:
        wanted += [c for c in (*linestore.KEY_FIELDS, "key_dup") if c not in wanted]
    return wanted


def stored_lines(
    conn: Connection, numbers: Iterable[str] | None = None, columns: list[str] | None = None,
    but_import: int | None = None,
) -> Iterator[tuple[Any, pa.Table]]:  # fmt: skip
    """(``line_blocks`` row, its lines) of the invoices given or of all, by invoice in the
    order they were stored (but those of the import ``but_import``); ``columns`` limits
    what is decoded."""
    b = t.line_blocks.c
    q = select(b.id, b.invoice_number, b.currency, b.source_file, b.source_sheet, b.pack_id,
               b.first_row, b.line_count, b.payload.is_not(None).label("own"))  # fmt: skip
    q = q.order_by(b.invoice_number, b.id)
    if but_import is not None:
        q = q.where(b.import_id != but_import)
    chunks: list[list[str] | None] = [None]
    if numbers is not None:
        wanted = sorted({n.upper() for n in numbers})
        chunks = [wanted[i : i + 500] for i in range(0, len(wanted), 500)]
    packs = Packs(conn, columns)
    for chunk in chunks:
        query = q if chunk is None else q.where(b.invoice_number.in_(chunk))
        for r in conn.execute(query).fetchall():
            if r.own:  # a block of its own (before packs)
                payload = conn.scalar(select(b.payload).where(b.id == r.id))
                table = linestore.decode_block(payload)
                if columns is not None:
                    table = table.select([c for c in columns if c in table.column_names])
            else:
                table = packs.rows(r.pack_id, r.first_row, r.line_count)
            yield r, table


def every_line(conn: Connection, columns: list[str]) -> Iterator[pa.Table]:
    """The ``columns`` of every stored line, a pack (or an older block) at a time: for scans
    of the whole workspace that need no line's place in its invoice."""
    wanted = [c for c in columns if c != "line_key"]
    for (payload,) in conn.execute(
        select(t.line_packs.c.payload).where(t.line_packs.c.kind == "lines")
    ):
        yield linestore.decode_pack(payload, wanted)
    b = t.line_blocks.c
    for (payload,) in conn.execute(select(b.payload).where(b.payload.is_not(None))):
        table = linestore.decode_block(payload)
        yield table.select([c for c in wanted if c in table.column_names])


def customer_totals(conn: Connection) -> pa.Table:
    """Per invoice and customer: invoice_number, customer_id, customer_name, total (exact
    decimal), line_count — of every import."""
    import pyarrow as pa

    tables = [
        linestore.decode_pack(payload, ["invoice_number", "customer_id", "customer_name",
                                        "total", "line_count"])
        for (payload,) in conn.execute(
            select(t.line_packs.c.payload).where(t.line_packs.c.kind == "customers")
        )
    ]  # fmt: skip
    legacy = conn.exec_driver_sql(
        "SELECT invoice_number, customer_id, customer_name, total, line_count "
        "FROM line_customer_totals"
    ).fetchall()
    schema = pa.schema([("invoice_number", pa.string()), ("customer_id", pa.string()),
                        ("customer_name", pa.string()),
                        ("total", pa.decimal128(38, linestore.SUM_TYPE_SCALE)),
                        ("line_count", pa.int64())])  # fmt: skip
    if legacy:
        cols = list(zip(*legacy, strict=True))
        tables.append(pa.table([
            pa.array(cols[0], pa.string()), pa.array(cols[1], pa.string()),
            pa.array(cols[2], pa.string()),
            pa.array([Decimal(str(v)) for v in cols[3]], schema.field("total").type),
            pa.array(cols[4], pa.int64())], schema=schema))  # fmt: skip
    if not tables:
        return schema.empty_table()
    return pa.concat_tables([tb.cast(schema) for tb in tables])


def kept_lines(conn: Connection, keep: Callable) -> Iterator[tuple[Any, list[int], pa.Table]]:
    """The lines of the whole workspace that ``keep(table, currency)`` keeps, a pack at a
    time (the filter runs once over each pack, ``currency`` the invoice's of each row):
    (``line_blocks`` row, each kept line's place in its invoice counted from 1, the kept
    rows) — by pack, not by invoice."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    b = t.line_blocks.c
    own_payload = b.payload.is_not(None).label("own")
    query = select(b.id, b.invoice_number, b.currency, b.source_file, b.source_sheet,
                   b.pack_id, b.first_row, b.line_count, own_payload)  # fmt: skip
    query = query.order_by(b.invoice_number, b.id)
    before: dict[int, int] = {}  # lines of the same invoice in the blocks stored before
    seen: dict[str, int] = defaultdict(int)
    own, by_pack = [], defaultdict(list)
    for r in conn.execute(query).fetchall():
        before[r.id] = seen[r.invoice_number]
        seen[r.invoice_number] += r.line_count
        (own if r.own else by_pack[r.pack_id]).append(r)
    for r in own:  # a block of its own (before packs)
        table = linestore.decode_block(conn.scalar(select(b.payload).where(b.id == r.id)))
        kept = pc.indices_nonzero(keep(table, r.currency)).to_pylist()
        if kept:
            yield r, [before[r.id] + i + 1 for i in kept], table.take(pa.array(kept, pa.int64()))
    for pack_id in sorted(by_pack):
        blocks = sorted(by_pack[pack_id], key=lambda r: r.first_row)
        payload = conn.scalar(select(t.line_packs.c.payload).where(t.line_packs.c.id == pack_id))
        table = linestore.decode_pack(payload)
        owner = np.full(table.num_rows, -1, dtype=np.int64)
        for k, r in enumerate(blocks):
            owner[r.first_row : r.first_row + r.line_count] = k
        covered = owner >= 0
        currency = pa.array([r.currency for r in blocks], pa.string()).take(
            pa.array(np.where(covered, owner, 0))
        )
        mask = pc.and_(keep(table, currency), pa.array(covered))
        kept = pc.indices_nonzero(mask).to_numpy()
        if not len(kept):
            continue
        rows = linestore.with_stored_key(table.take(pa.array(kept)))  # of the kept rows only
        owners = owner[kept]
        starts = [0, *(np.flatnonzero(np.diff(owners)) + 1).tolist(), len(kept)]
        for a, z in itertools.pairwise(starts):
            r = blocks[int(owners[a])]
            places = (kept[a:z] - r.first_row + before[r.id] + 1).tolist()
            yield r, places, rows.slice(a, z - a)
