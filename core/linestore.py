"""Invoice line items in columns: how millions of them are keyed, summed and stored.

A reconciliation file can hold millions of line items.  They are kept as
Arrow tables, one compressed block per invoice and import, so that reading,
validating, summing and storing them is done a column at a time:

* amounts stay exact: decimal text, summed as ``decimal128`` (never float);
* each line has a natural key (invoice, customer, subscription, product,
  charge type and period, and the format's own ids) so that a newer
  download that overlaps an older one adds nothing twice;
* the slow path (XLSX, JSON, odd CSVs) builds the same table from
  :class:`~core.model.InvoiceLine` records, so both paths store alike.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core.model import InvoiceLine, Source

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa

TEXT_COLUMNS = (
    "invoice_number", "currency", "customer_id", "customer_name", "product", "charge_type",
    "subscription_id", "charge_start", "charge_end", "key_extra",
    "subtotal", "tax", "total", "quantity", "unit_price",
)  # fmt: skip
AMOUNT_COLUMNS = ("subtotal", "tax", "total")
# What explains a line's price (core.explain), by the file's column: stored, not keyed.
DETAIL_SOURCES = {
    "effective_unit_price": "EffectiveUnitPrice",
    "billable_quantity": "BillableQuantity",
    "pricing_currency": "PricingCurrency",
    "fx_rate": "PCToBCExchangeRate",
    "fx_rate_date": "PCToBCExchangeRateDate",
    "order_date": "OrderDate",
    "subscription_start": "SubscriptionStartDate",
    "subscription_end": "SubscriptionEndDate",
    "term": "TermAndBillingCycle",
    "billing_frequency": "BillingFrequency",
    "credit_reason": "CreditReasonCode",
    "price_adjustment": "PriceAdjustmentDescription",
    "promotion_id": "PromotionId",
    "other_discount": "TotalOtherDiscount",
    "meter": "MeterDescription",
    "unit_type": "UnitType",
}
DETAIL_COLUMNS = tuple(DETAIL_SOURCES)
DETAIL_NUMBERS = ("effective_unit_price", "billable_quantity", "fx_rate", "other_discount")
DETAIL_DATES = ("fx_rate_date", "order_date", "subscription_start", "subscription_end")
KEY_FIELDS = (
    "invoice_number", "customer_id", "subscription_id", "product", "charge_type",
    "charge_start", "charge_end", "key_extra",
)  # fmt: skip
SEP = "\x1f"
SUM_TYPE_SCALE = 18


def _pa():
    import pyarrow as pa
    import pyarrow.compute as pc

    return pa, pc


def _text(d: Decimal | None) -> str:
    return "" if d is None else format(d, "f")


def _iso(d: date | None) -> str:
    return d.isoformat() if d else ""


def lines_to_table(lines: Iterable[InvoiceLine]) -> pa.Table:
    """The slow path's records as the same columns the fast path reads."""
    pa, _ = _pa()
    cols: dict[str, list] = {c: [] for c in (*TEXT_COLUMNS, *DETAIL_COLUMNS, "source_row")}
    for ln in lines:
        cols["invoice_number"].append(ln.invoice_number)
        cols["currency"].append(ln.currency)
        cols["customer_id"].append(ln.customer_id)
        cols["customer_name"].append(ln.customer_name)
        cols["product"].append(ln.product)
        cols["charge_type"].append(ln.charge_type)
        cols["subscription_id"].append(ln.subscription_id)
        cols["charge_start"].append(_iso(ln.charge_start))
        cols["charge_end"].append(_iso(ln.charge_end))
        cols["key_extra"].append(ln.key)
        cols["subtotal"].append(_text(ln.subtotal))
        cols["tax"].append(_text(ln.tax))
        cols["total"].append(_text(ln.total))
        cols["quantity"].append(_text(ln.quantity))
        cols["unit_price"].append(_text(ln.unit_price))
        cols["source_row"].append(ln.source.row if ln.source and ln.source.row else None)
        details = ln.details or {}
        for c in DETAIL_COLUMNS:
            cols[c].append(details.get(c, ""))
    arrays = {c: pa.array(v, pa.string()) for c, v in cols.items() if c != "source_row"}
    arrays["source_row"] = pa.array(cols["source_row"], pa.int64())
    return pa.table(arrays)


def with_keys(table: pa.Table, seen: KeysSeen | None = None) -> pa.Table:
    """Add ``line_key``: the natural key, numbered where a file repeats one (``seen``: the
    keys of the file's blocks stored before this one, when it is stored a block at a time).

    A reader may have joined the key already (one pass over its own columns);
    it is the same text: the key fields, ``key_extra`` being itself joined with
    the same separator.
    """
    pa, pc = _pa()
    if "line_key" in table.column_names:
        key = table["line_key"]
        table = table.drop_columns(["line_key"])
    else:
        key = pc.binary_join_element_wise(*(table[c] for c in KEY_FIELDS), SEP)
    dup = pa.nulls(len(key), pa.int32())
    texts = key.to_pylist() if seen is not None else None
    hashes = seen.hashes(texts) if seen is not None and texts is not None else None
    before = seen.times(hashes) if seen is not None and hashes is not None else None
    if (before is not None and any(before)) or pc.count_distinct(key).as_py() != len(key):
        texts = texts if texts is not None else key.to_pylist()
        counts: dict[str, int] = {}
        numbered, dups = [], []
        for i, k in enumerate(texts):
            n = counts.get(k, 0) + 1
            counts[k] = n
            n += before[i] if before is not None else 0
            numbered.append(k if n == 1 else f"{k}{SEP}#{n}")
            dups.append(None if n == 1 else n)
        key = pa.array(numbered, pa.string())
        dup = pa.array(dups, pa.int32())
        if seen is not None and hashes is not None:
            seen.repeated(hashes, dups)
    if seen is not None and hashes is not None:
        seen.add(hashes)
    if "key_dup" in table.column_names:
        table = table.drop_columns(["key_dup"])
    return table.append_column("line_key", key).append_column("key_dup", dup)


def _hash(key: str) -> int:
    """A key's 64 bits, the same in every process (Python's own ``hash`` is seeded anew in
    each: a collision would then number a line differently the next time the file is
    imported)."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little",
                          signed=True)  # fmt: skip


class KeysSeen:
    """The natural keys of a file's blocks already stored, as 64-bit hashes: 8 bytes a line
    rather than the key's 150, so that a file of tens of millions of lines is keyed in
    bounded memory.  A key seen again is numbered as :func:`with_keys` numbers one a block
    repeats.  Two different keys of one hash (about one chance in a million for ten million
    lines) would number the second as a repeat: it is stored all the same."""

    def __init__(self) -> None:
        self._blocks: list[Any] = []  # each block's hashes, sorted
        self._times: dict[int, int] = {}  # how often, for the keys seen more than once

    @staticmethod
    def hashes(keys: list[str]) -> Any:
        import numpy as np

        return np.fromiter((_hash(k) for k in keys), np.int64, len(keys))

    def times(self, hashes: Any) -> list[int]:
        """How often each key (by its hash) was seen in the blocks before (0: never)."""
        import numpy as np

        if not self._blocks:
            return [0] * len(hashes)
        found = np.zeros(len(hashes), dtype=bool)
        for block in self._blocks:
            at = np.minimum(np.searchsorted(block, hashes), len(block) - 1)
            found |= block[at] == hashes
        if not found.any():
            return [0] * len(hashes)
        return [self._times.get(h, 1) if f else 0
                for h, f in zip(hashes.tolist(), found.tolist(), strict=True)]  # fmt: skip

    def repeated(self, hashes: Any, dups: list[int | None]) -> None:
        for h, n in zip(hashes.tolist(), dups, strict=True):
            if n is not None:
                self._times[h] = max(n, self._times.get(h, 1))

    def add(self, hashes: Any) -> None:
        import numpy as np

        if not len(hashes):
            return
        self._blocks.append(np.sort(hashes))
        # merged as a binary counter: a few sorted runs, however many blocks (a stable sort of
        # two sorted runs is a merge)
        while len(self._blocks) > 1 and len(self._blocks[-1]) >= len(self._blocks[-2]):
            last = self._blocks.pop()
            self._blocks[-1] = np.sort(np.concatenate([self._blocks[-1], last]), kind="stable")


def exact_sum(column: pa.ChunkedArray | pa.Array) -> Decimal:
    """The exact sum of a column of decimal text (plain ``-123.45`` form)."""
    pa, pc = _pa()
    if len(column) == 0:
        return Decimal(0)
    try:
        total = pc.sum(pc.cast(column, pa.decimal128(38, SUM_TYPE_SCALE))).as_py()
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        # more decimals than decimal128 holds here: add up in Python, still exact
        return sum((Decimal(v) for v in column.to_pylist() if v), Decimal(0))
    return Decimal(0) if total is None else trim(total)


def trim(d: Decimal) -> Decimal:
    """1234.560000000000000000 → 1234.56 (same value, no trailing zeros)."""
    n = d.normalize()
    return n.quantize(Decimal(1)) if n.as_tuple().exponent > 0 else n


def group_sums(table: pa.Table, by: list[str], column: str = "total") -> pa.Table:
    """Per group: exact sum of ``column`` and the number of lines."""
    pa, pc = _pa()
    dec = pc.cast(table[column], pa.decimal128(38, SUM_TYPE_SCALE))
    t = table.select(by).append_column("_amount", dec)
    return t.group_by(by).aggregate([("_amount", "sum"), ("_amount", "count")])


BLOCK_COLUMNS = (
    *(c for c in TEXT_COLUMNS[2:] if c != "key_extra"), "source_row", "line_key", *DETAIL_COLUMNS,
)  # fmt: skip  # the blocks of workspaces before packs (one Arrow stream per invoice)

# A pack: the lines of one import, sorted by invoice, as one Parquet file (compressed, a
# dictionary per column); an invoice's lines are a run of its rows (``line_blocks`` says
# where).  The natural key is not stored: it is the key fields joined (``key_extra`` holds
# the format's own ids; ``key_dup`` numbers a key a file repeats), rebuilt when needed.
PACK_COLUMNS = (
    "invoice_number", *(c for c in TEXT_COLUMNS[2:] if c != "key_extra"), "key_extra",
    "key_dup", "source_row", *DETAIL_COLUMNS,
)  # fmt: skip
PACK_ROWS = 65_536  # at most this many lines a pack: a few megabytes to read for one invoice


def encode_block(table: pa.Table) -> bytes:
    """An Arrow stream of one invoice's lines (the blocks of workspaces before packs; kept
    for the tests that build such a workspace)."""
    pa, _ = _pa()
    import pyarrow.ipc as ipc

    sink = pa.BufferOutputStream()
    options = ipc.IpcWriteOptions(compression="zstd" if table.num_rows >= 1000 else None)
    part = table.select([c for c in BLOCK_COLUMNS if c in table.column_names])
    with ipc.new_stream(sink, part.schema, options=options) as writer:
        writer.write_table(part)
    return sink.getvalue().to_pybytes()


def decode_block(payload: bytes) -> pa.Table:
    import pyarrow.ipc as ipc

    table = ipc.open_stream(payload).read_all()
    pa, pc = _pa()
    for i, field in enumerate(table.schema):
        if pa.types.is_dictionary(field.type):
            table = table.set_column(i, field.name, pc.cast(table[field.name], pa.string()))
    return table


def packs(table: pa.Table) -> Iterable[tuple[pa.Table, list[tuple[str, int, int]]]]:
    """``table`` (from :func:`with_keys`) as packs of at most :data:`PACK_ROWS` lines,
    invoices together in file order: (pack, [(invoice, first row, lines)])."""
    _, pc = _pa()
    numbers = table["invoice_number"].combine_chunks()
    runs = pc.run_end_encode(numbers)
    if len(runs.values) != len(pc.unique(numbers)):
        # invoices interleaved: bring each one's lines together (stable: file order kept)
        table = table.take(pc.sort_indices(numbers))
        runs = pc.run_end_encode(table["invoice_number"].combine_chunks())
    table = table.select([c for c in PACK_COLUMNS if c in table.column_names]).combine_chunks()
    first, start, where = 0, 0, []  # the pack's first row; the invoice's; its runs
    for number, end in zip(runs.values.to_pylist(), runs.run_ends.to_pylist(), strict=True):
        while start < end:
            take = min(end - start, first + PACK_ROWS - start)
            where.append((number, start - first, take))
            start += take
            if start - first == PACK_ROWS:
                yield table.slice(first, PACK_ROWS), where
                first, where = start, []
    if where:
        yield table.slice(first, start - first), where


def encode_pack(table: pa.Table) -> bytes:
    """A pack as Parquet bytes, one row group: zstd, a dictionary per text column, the rows'
    places as deltas (about 45 bytes a line of a new-commerce file)."""
    pa, _ = _pa()
    import pyarrow.parquet as pq

    sink = pa.BufferOutputStream()
    counted = {c: "DELTA_BINARY_PACKED" for c in ("source_row", "line_count")
               if c in table.column_names}  # fmt: skip
    pq.write_table(
        table, sink, compression="zstd", compression_level=3,
        use_dictionary=[c for c in table.column_names if c not in counted],
        column_encoding=counted or None, row_group_size=max(table.num_rows, 1),
    )  # fmt: skip
    return sink.getvalue().to_pybytes()


def decode_pack(payload: bytes, columns: list[str] | None = None) -> pa.Table:
    """A pack's columns (all, or those named) as stored: the key is rebuilt by
    :func:`with_stored_key`."""
    pa, _ = _pa()
    import pyarrow.parquet as pq

    return pq.read_table(pa.BufferReader(payload), columns=columns)


def with_stored_key(table: pa.Table) -> pa.Table:
    """``line_key`` of stored lines: the key fields joined, numbered where the file repeated
    the key (as :func:`with_keys` made it at import)."""
    pa, pc = _pa()
    key = pc.binary_join_element_wise(*(table[c] for c in KEY_FIELDS), SEP)
    dup = table["key_dup"]
    suffix = pc.if_else(pc.is_null(dup), "", pc.binary_join_element_wise(
        pa.scalar(f"{SEP}#"), pc.cast(dup, pa.string()), ""))  # fmt: skip
    return table.append_column("line_key", pc.binary_join_element_wise(key, suffix, ""))


def table_lines(
    table: pa.Table, invoice_number: str, currency: str, source_file: str, sheet: str | None
) -> list[InvoiceLine]:
    """A block's rows (or some of them) as records."""
    details = [c for c in DETAIL_COLUMNS if c in table.column_names]  # none before 0.2
    out = []
    for r in table.to_pylist():
        out.append(
            InvoiceLine(
                invoice_number=invoice_number,
                currency=currency,
                subtotal=Decimal(r["subtotal"] or 0),
                tax=Decimal(r["tax"] or 0),
                total=Decimal(r["total"] or 0),
                customer_id=r["customer_id"] or "",
                customer_name=r["customer_name"] or "",
                product=r["product"] or "",
                charge_type=r["charge_type"] or "",
                subscription_id=r["subscription_id"] or "",
                charge_start=date.fromisoformat(r["charge_start"]) if r["charge_start"] else None,
                charge_end=date.fromisoformat(r["charge_end"]) if r["charge_end"] else None,
                quantity=Decimal(r["quantity"]) if r["quantity"] else None,
                unit_price=Decimal(r["unit_price"]) if r["unit_price"] else None,
                key=r["line_key"],
                source=Source(source_file, r["source_row"], sheet),
                details={c: r[c] for c in details if r[c]},
            )
        )
    return out


# ---------------------------------------------------------------- row filters
# What a read of stored blocks keeps (``core.store.line_reads.scan_lines(keep=...)``):
# ``keep(table, currency)`` gives a boolean mask of the block's rows.


def explain_candidates(customer_ids: set[str] | None = None):
    """A row filter for stored blocks: the lines worth explaining (credits, lines priced in
    another currency, licence lines with a charge period), of some customers or all."""

    customers = None if customer_ids is None else _pa()[0].array(sorted(customer_ids))

    def keep(table, currency: str):
        pa, pc = _pa()
        names = table.column_names

        def col(name: str):
            if name in names:
                return table[name]
            return pa.chunked_array([pa.array([""] * table.num_rows, pa.string())])

        credit = pc.starts_with(col("subtotal"), "-")
        pricing = col("pricing_currency")
        converted = pc.and_(pc.not_equal(pricing, ""), pc.not_equal(pricing, currency))
        termed = pc.and_(
            pc.not_equal(col("charge_start"), ""),
            pc.or_(pc.not_equal(col("term"), ""), pc.not_equal(col("billing_frequency"), "")),
        )
        mask = pc.or_(pc.or_(credit, converted), termed)
        if customers is not None:
            mask = pc.and_(mask, pc.is_in(col("customer_id"), value_set=customers))
        return mask

    return keep


def all_of(*filters):
    """A row filter keeping the rows every one of ``filters`` keeps."""

    def keep(table, currency: str):
        _, pc = _pa()
        mask = filters[0](table, currency)
        for f in filters[1:]:
            mask = pc.and_(mask, f(table, currency))
        return mask

    return keep


def charges_of(subscription_ids: set[str]):
    """A row filter for stored blocks: the charges (positive amounts) of these
    subscriptions, which a credit may reverse."""

    pa, pc = _pa()
    value_set = pa.array(sorted(subscription_ids), pa.string())  # once, not once a block

    def keep(table, currency: str):
        wanted = pc.is_in(table["subscription_id"], value_set=value_set)
        return pc.and_(wanted, pc.invert(pc.starts_with(table["subtotal"], "-")))

    return keep


def of_customer(customer_id: str):
    """A row filter for stored blocks: one customer's lines."""

    def keep(table, currency: str):
        _, pc = _pa()
        return pc.equal(table["customer_id"], customer_id)

    return keep


def customer_pack(per_customer: pa.Table) -> pa.Table:
    """What :func:`group_sums` gave per invoice and customer, as a "customers" pack."""
    return per_customer.rename_columns(
        ["invoice_number", "customer_id", "customer_name", "total", "line_count"]
    )
