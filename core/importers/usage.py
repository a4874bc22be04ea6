"""Rated and unrated usage: what explains a usage invoice, per customer, subscription and meter.

* new commerce daily rated usage (``BilledOneTimeDailyRatedUsages``, billed or
  unbilled; CSV, XLSX or API JSON): one row per meter per day, millions of
  rows for a large partner;
* legacy usage line items (API JSON ``UsageBasedLineItem``): quantities only.

Usage creates no invoice.  Rows are summed exactly per invoice (empty while
unbilled), customer, subscription, meter and currency; only the totals are
stored.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path

from core.importers.base import NUMBER_MAX, ImportOptions, too_long
from core.importers.jsonfile import is_unbilled
from core.importers.tabular import (
    TABLE_SUFFIXES,
    CellError,
    Column,
    decimal,
    declared_columns,
    each_row,
    getter,
    open_table,
    parse_mdy,
    text,
)
from core.model import Extracted, ImportError_, Source, UsageTotal
from core.money import MoneyError, normalise_currency

NAME = "Partner Center usage (daily rated usage; legacy usage line items)"

COLUMNS = (
    Column("UsageDate"),
    Column("CustomerId"),
    Column("Quantity", ("ConsumedQuantity",)),
    Column("InvoiceNumber", required=False),
    Column("CustomerName", ("CustomerCompanyName",), required=False),
    Column("SubscriptionId", required=False),
    Column("MeterName", ("ResourceName", "MeterDescription"), required=False),
    Column("MeterId", ("ResourceGuid",), required=False),
    Column("Amount", ("BillingPreTaxTotal",), required=False),
    Column("Currency", ("BillingCurrency",), required=False),
)
MAX_GROUPS = 5_000_000


class PartnerCenterUsage:
    name = NAME

    def identify(self, path: Path, head: bytes) -> bool:
        return declared_columns(path, head, COLUMNS, (*TABLE_SUFFIXES, ".json")) is not None

    def extract(self, path: Path, display: str, options: ImportOptions) -> Extracted:
        out = Extracted(NAME)
        opened = open_table(path, display, COLUMNS, out)
        if opened is None:
            return out
        table, cols = opened
        rated = "Amount" in cols
        if rated and "Currency" not in cols:
            out.errors.append(
                ImportError_(table.source(display, 1), "expected a BillingCurrency column")
            )
            return out
        with path.open("rb") as fh:
            unbilled = is_unbilled(path, fh.read(64))
        if rated and table.sheet is None and table.element is None:
            fast = _fast_totals(path, table, cols, unbilled, progress=None)
            if fast is not None:
                out.usage, out.entries_read = fast
                return out
        return self.sum_rows(each_row(table, display, out), cols, rated, unbilled, out)

    def sum_rows(self, rows: Iterable[tuple[Source, list]], cols: dict, rated: bool,
                 unbilled: bool, out: Extracted) -> Extracted:  # fmt: skip
        """Read usage rows (``(where, cells)``, from a table or JSON Lines) into ``out``,
        summed exactly per invoice, customer, subscription and meter."""
        groups: dict[tuple, list] = {}
        for src, cells in rows:
            out.entries_read += 1
            self._row(cells, cols, src, rated, unbilled, groups, out)
            if len(out.errors) > 100:
                break
        for (inv, cid, cname, sub, meter, cur), (qty, amount, first, last, n) in groups.items():
            out.usage.append(
                UsageTotal(inv, cid, cname, sub, meter, cur, qty, amount, first, last, n)
            )
        return out

    def _row(
        self, cells, cols, src: Source, rated: bool, unbilled: bool, groups: dict, out: Extracted
    ) -> None:
        get = getter(cells, cols)

        try:
            day = parse_mdy(get("UsageDate"))
        except CellError as exc:
            out.errors.append(ImportError_(src, str(exc), "UsageDate"))
            return
        try:
            qty = decimal(get("Quantity"))
        except CellError as exc:
            out.errors.append(ImportError_(src, str(exc), "Quantity"))
            return
        amount, currency = Decimal(0), ""
        if rated:
            try:
                amount = decimal(get("Amount"))
                currency = normalise_currency(text(get("Currency")))
            except CellError as exc:
                out.errors.append(ImportError_(src, str(exc), "BillingPreTaxTotal"))
                return
            except MoneyError as exc:
                out.errors.append(ImportError_(src, str(exc), "BillingCurrency"))
                return
        if not unbilled and (why := too_long(text(get("InvoiceNumber")))):
            out.errors.append(ImportError_(src, why, "InvoiceNumber"))
            return
        key = (
            "" if unbilled else text(get("InvoiceNumber")).upper(),
            text(get("CustomerId")),
            text(get("CustomerName")),
            text(get("SubscriptionId")),
            text(get("MeterName")) or text(get("MeterId")),
            currency,
        )
        acc = groups.get(key)
        if acc is None:
            if len(groups) >= MAX_GROUPS:
                out.errors.append(ImportError_(src, "too many distinct meters: not a usage file"))
                return
            acc = groups[key] = [Decimal(0), Decimal(0), day, day, 0]
        acc[0] += qty
        acc[1] += amount
        acc[2] = min(acc[2], day)
        acc[3] = max(acc[3], day)
        acc[4] += 1


def _numbers_fit(t) -> bool:
    """Every invoice number within what a workspace keeps (else the row reader names the
    row)."""
    import pyarrow.compute as pc

    if "InvoiceNumber" not in t.column_names:
        return True
    return bool(pc.all(pc.less_equal(pc.utf8_length(t["InvoiceNumber"]), NUMBER_MAX)).as_py())


def _fast_totals(path: Path, table, cols: dict[str, int], unbilled: bool, progress=None):
    """Stream a large plain CSV a block at a time; exact sums per group, or None to decline."""
    from core.importers import fastcsv

    if path.stat().st_size < fastcsv.MIN_BYTES:
        return None
    import pyarrow as pa
    import pyarrow.compute as pc

    from core.linestore import SUM_TYPE_SCALE, trim

    keys = ["InvoiceNumber", "CustomerId", "CustomerName", "SubscriptionId", "Meter", "Currency"]
    dec = pa.decimal128(38, SUM_TYPE_SCALE)
    partials = []
    rows = 0
    try:
        for batch in fastcsv.stream_columns(path, cols, len(table.header)):
            t = pa.Table.from_batches([batch])
            rows += t.num_rows
            if not (
                fastcsv.numbers_ok(t["Quantity"])
                and fastcsv.numbers_ok(t["Amount"])
                and fastcsv.all_match(t["Currency"], fastcsv.CURRENCY)
                and (unbilled or _numbers_fit(t))
            ):
                return None
            days = fastcsv.iso_dates(t["UsageDate"])
            if days is None or not fastcsv.all_match(t["UsageDate"], r"."):
                return None

            def col(k: str, t=t):
                return (
                    pc.utf8_trim_whitespace(t[k])
                    if k in t.column_names
                    else pa.array([""] * t.num_rows, pa.string())
                )

            name, meter_id = col("MeterName"), col("MeterId")
            cols_ = {k: col(k) for k in keys if k != "Meter"}
            cols_["Meter"] = pc.if_else(pc.equal(pc.utf8_length(name), 0), meter_id, name)
            g = pa.table(
                {
                    **cols_,
                    "qty": pc.cast(t["Quantity"], dec),
                    "amount": pc.cast(t["Amount"], dec),
                    "day": days,
                }
            ).group_by(keys).aggregate(
                [("qty", "sum"), ("amount", "sum"), ("day", "min"), ("day", "max"),
                 ("day", "count")]
            )  # fmt: skip
            partials.append(g)
    except ValueError:
        return None
    if not partials:
        return [], 0
    merged = pa.concat_tables(partials).group_by(keys).aggregate(
        [("qty_sum", "sum"), ("amount_sum", "sum"), ("day_min", "min"), ("day_max", "max"),
         ("day_count", "sum")]
    )  # fmt: skip
    out = []
    for r in merged.to_pylist():
        meter = r["Meter"]
        out.append(
            UsageTotal(
                "" if unbilled else r["InvoiceNumber"].upper(),
                r["CustomerId"],
                r["CustomerName"],
                r["SubscriptionId"],
                meter,
                r["Currency"].upper(),
                trim(r["qty_sum_sum"]),
                trim(r["amount_sum_sum"]),
                date.fromisoformat(r["day_min_min"]),
                date.fromisoformat(r["day_max_max"]),
                r["day_count_sum"],
            )
        )
    return out, rows
