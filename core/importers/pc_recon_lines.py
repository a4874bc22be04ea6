"""Partner Center billed line items: what each invoice is made of.

One reader for the shapes Partner Center gives them in, matched by column
name (PascalCase in the portal's CSV, camelCase in the API's JSON fold to the
same key):

* new commerce: invoice reconciliation line items (CSV, the same saved as
  XLSX by Excel, API JSON ``OneTimeInvoiceLineItem``);
* legacy usage-based (Azure) line items, with ``InvoiceNumber``;
* legacy licence-based line items: one file is one invoice and carries no
  invoice number, so it comes from the command line (``--invoice``) or the
  file name.

Lines attach to their invoice by number.  Lines without an invoice number
(unbilled reconciliation) create no invoice: they are kept as unbilled
charges per customer and product.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from core.i18n import say
from core.importers.base import NUMBER_MAX, ImportOptions, too_long
from core.importers.jsonfile import is_unbilled
from core.importers.said import said
from core.importers.tabular import (
    TABLE_SUFFIXES,
    Cell,
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
from core.linestore import (
    DETAIL_DATES,
    DETAIL_NUMBERS,
    DETAIL_SOURCES,
    KEY_FIELDS,
    SEP,
)
from core.model import Extracted, ImportError_, InvoiceLine, Source, UsageTotal
from core.money import MoneyError, normalise_currency

NAME = "Partner Center invoice line items (new commerce and legacy; CSV, XLSX, JSON)"

# The 47 columns of the portal's new-commerce reconciliation file (DOMAIN.md), in its order.
RECON_COLUMNS = (
    "PartnerId,CustomerId,CustomerName,CustomerDomainName,CustomerCountry,InvoiceNumber,MpnId,"
    "Tier2MpnId,OrderId,OrderDate,ProductId,SkuId,AvailabilityId,SkuName,ProductName,ChargeType,"
    "UnitPrice,Quantity,Subtotal,TaxTotal,Total,Currency,PriceAdjustmentDescription,PublisherName,"
    "PublisherId,SubscriptionDescription,SubscriptionId,ChargeStartDate,ChargeEndDate,"
    "TermAndBillingCycle,EffectiveUnitPrice,UnitType,AlternateId,BillableQuantity,"
    "BillingFrequency,PricingCurrency,PCToBCExchangeRate,PCToBCExchangeRateDate,MeterDescription,"
    "ReservationOrderId,CreditReasonCode,SubscriptionStartDate,SubscriptionEndDate,ReferenceId,"
    "ProductQualifiers,PromotionId,ProductCategory"
).split(",")

COLUMNS = (
    Column("InvoiceNumber", required=False),
    Column("Currency"),
    Column("Total", ("TotalForCustomer", "PostTaxTotal")),
    Column("Subtotal", ("PretaxCharges",), required=False),
    Column("TaxTotal", ("Tax", "TaxAmount"), required=False),
    Column("CustomerId"),  # what tells line items from an invoice list
    Column("CustomerName", ("CustomerCompanyName",), required=False),
    Column("ProductName", ("OfferName", "ServiceName", "SubscriptionName"), required=False),
    Column("SkuName", ("Sku",), required=False),
    Column("ChargeType", required=False),
    Column("SubscriptionId", required=False),
    Column("ChargeStartDate", required=False),
    Column("ChargeEndDate", required=False),
    Column("Quantity", ("BillableQuantity", "ConsumedQuantity"), required=False),
    Column("UnitPrice", ("ListPrice",), required=False),
    # what else identifies a line across downloads
    Column("OrderId", required=False),
    Column("SkuId", required=False),
    Column("AvailabilityId", required=False),
    Column("AlternateId", required=False),
    Column("MeterDescription", required=False),
    Column("DetailLineItemId", required=False),
    Column("ResourceGuid", required=False),
    Column("SyndicationPartnerSubscriptionNumber", required=False),
    Column("ReferenceId", required=False),
    # what explains the price (core.explain); MeterDescription is above
    *(
        Column(name, ("BillingCycleType",) if name == "BillingFrequency" else (), required=False)
        for name in DETAIL_SOURCES.values()
        if name != "MeterDescription"
    ),
)
KEY_COLUMNS = (
    "OrderId", "SkuId", "AvailabilityId", "AlternateId", "MeterDescription", "DetailLineItemId",
    "ResourceGuid", "SyndicationPartnerSubscriptionNumber", "ReferenceId",
)  # fmt: skip
_INVOICE_IN_NAME = re.compile(r"(?<![A-Z0-9])(G\d{9}|D[0-9A-Z]{9})(?![A-Z0-9])", re.I)


def invoice_number_from_name(path: Path) -> str | None:
    m = _INVOICE_IN_NAME.search(path.stem)
    return m.group(1).upper() if m else None


class PartnerCenterReconLines:
    name = NAME

    def identify(self, path: Path, head: bytes) -> bool:
        # daily rated usage also has CustomerId and InvoiceNumber, but no Total
        return declared_columns(path, head, COLUMNS, (*TABLE_SUFFIXES, ".json")) is not None

    def extract(self, path: Path, display: str, options: ImportOptions) -> Extracted:
        out = Extracted(NAME)
        opened = open_table(path, display, COLUMNS, out)
        if opened is None:
            return out
        table, cols = opened
        out.sheet = table.sheet
        fixed_number = None
        with path.open("rb") as fh:
            unbilled_file = is_unbilled(path, fh.read(64))
        if unbilled_file:
            fixed_number = ""  # not invoiced yet, whatever placeholder the file carries
        elif "InvoiceNumber" not in cols:
            # legacy licence-based: one file, one invoice
            fixed_number = (options.invoice_number or invoice_number_from_name(path) or "").upper()
            if not fixed_number:
                out.errors.append(
                    ImportError_(
                        Source(display),
                        say(
                            "this licence-based file has no InvoiceNumber column: give the "
                            "invoice number (--invoice NUMBER) or put it in the file name"
                        ),
                    )
                )
                return out
            if why := too_long(fixed_number):
                out.errors.append(ImportError_(
                    Source(display), f"the invoice number given (--invoice or the file name): "
                    f"{why}"))  # fmt: skip
                return out
        if not unbilled_file and fixed_number is None and not options.rows_only:
            fast = _fast_table(path, table, cols)
            if fast is not None:
                out.line_stream = fast
                return out
        read_rows(each_row(table, display, out), cols, fixed_number, out)
        return out


def read_rows(
    rows: Iterable[tuple[Source, list[Cell]]],
    cols: dict[str, int],
    fixed_number: str | None,
    out: Extracted,
) -> None:
    """The row reader: each row read and checked as a line of its invoice (errors named by
    row and column in ``out``); rows without an invoice number summed per customer,
    subscription and product as unbilled charges.  ``fixed_number`` is the invoice of a file
    that names none ("" for an unbilled download)."""
    unbilled: dict[tuple, list] = defaultdict(lambda: [Decimal(0), Decimal(0), None, None, 0])
    for src, cells in rows:
        out.entries_read += 1
        line = _line(cells, cols, src, fixed_number, out)
        if line is None:
            continue
        if line.invoice_number:
            out.lines.append(line)
        else:
            key = (line.customer_id, line.customer_name, line.subscription_id,
                   line.product, line.currency)  # fmt: skip
            acc = unbilled[key]
            acc[0] += line.quantity or Decimal(0)
            acc[1] += line.total
            for d in (line.charge_start, line.charge_end):
                if d is not None:
                    acc[2] = d if acc[2] is None else min(acc[2], d)
                    acc[3] = d if acc[3] is None else max(acc[3], d)
            acc[4] += 1
    for (cid, cname, sub, product, cur), (qty, amount, first, last, n) in unbilled.items():
        out.usage.append(UsageTotal("", cid, cname, sub, product, cur, qty, amount, first, last, n))


def _line(
    cells, cols: dict[str, int], source: Source, fixed_number: str | None, out: Extracted
) -> InvoiceLine | None:
    before = len(out.errors)

    get = getter(cells, cols)

    def fail(column: str, message: str) -> None:
        out.errors.append(ImportError_(source, message, column))

    number = fixed_number if fixed_number is not None else text(get("InvoiceNumber")).upper()
    if why := too_long(number):
        fail("InvoiceNumber", why)
    currency = ""
    try:
        currency = normalise_currency(text(get("Currency")))
    except MoneyError as exc:
        fail("Currency", said(exc))
    total = _amount(get, "Total", True, fail)
    subtotal = _amount(get, "Subtotal", False, fail)
    tax = _amount(get, "TaxTotal", False, fail)
    quantity = _amount(get, "Quantity", False, fail)
    unit_price = _amount(get, "UnitPrice", False, fail)
    dates = _charge_dates(get, fail)
    details = _details(get, cols, fail)
    if len(out.errors) != before:
        return None
    assert total is not None
    if subtotal is None:
        subtotal = total - (tax or Decimal(0))
    if tax is None:
        tax = total - subtotal
    return InvoiceLine(
        invoice_number=number,
        currency=currency,
        subtotal=subtotal,
        tax=tax,
        total=total,
        customer_id=text(get("CustomerId")),
        customer_name=text(get("CustomerName")),
        product=text(get("ProductName")) or text(get("SkuName")),
        charge_type=text(get("ChargeType")),
        subscription_id=text(get("SubscriptionId")),
        charge_start=dates["ChargeStartDate"],
        charge_end=dates["ChargeEndDate"],
        quantity=quantity,
        unit_price=unit_price,
        key=SEP.join(text(get(c)) for c in KEY_COLUMNS),
        source=source,
        details=details,
    )


def _amount(get, name: str, required: bool, fail) -> Decimal | None:
    """A number column of the row: None when empty (an error when required) or unreadable."""
    cell = get(name)
    if cell is None or text(cell) == "":
        if required:
            fail(name, say("expected a number, got ''"))
        return None
    try:
        return decimal(cell)
    except CellError as exc:
        fail(name, said(exc))
        return None


def _charge_dates(get, fail) -> dict:
    """ChargeStartDate and ChargeEndDate of the row, None when empty or unreadable."""
    dates = {}
    for name in ("ChargeStartDate", "ChargeEndDate"):
        cell = get(name)
        dates[name] = None
        if cell is not None and text(cell):
            try:
                dates[name] = parse_mdy(cell)
            except CellError as exc:
                fail(name, said(exc))
    return dates


def _details(get, cols: dict[str, int], fail) -> dict:
    """What explains the price (core.explain), as text: numbers, ISO dates, currencies."""
    details = {}
    for key, name in DETAIL_SOURCES.items():
        if name not in cols:
            continue
        cell = get(name)
        if cell is None or text(cell) == "":
            continue
        try:
            if key in DETAIL_NUMBERS:
                details[key] = format(decimal(cell), "f")
            elif key in DETAIL_DATES:
                details[key] = parse_mdy(cell).isoformat()
            elif key == "pricing_currency":
                details[key] = normalise_currency(text(cell))
            else:
                details[key] = text(cell)
        except (CellError, MoneyError) as exc:
            fail(name, said(exc))
    return details


def _fast_table(path: Path, table, cols: dict[str, int]) -> LineStream | None:
    """Large plain CSV: its lines a block at a time (read as they are stored), or None."""
    from core.importers import fastcsv

    if table.sheet is not None or table.element is not None:
        return None
    if path.stat().st_size < fastcsv.MIN_BYTES:
        return None
    if not all(c in cols for c in ("Subtotal", "TaxTotal")):
        return None  # the row reader derives the missing one
    return LineStream(path, cols, len(table.header))


class LineStream:
    """A large plain CSV's lines as the same columns :func:`core.linestore.lines_to_table`
    gives, a block at a time: read while they are stored, so that memory does not grow
    with the file.  A block the fast path declines raises
    :class:`core.importers.fastcsv.Declined` (the import then keeps nothing and the row
    reader takes the file)."""

    def __init__(self, path: Path, cols: dict[str, int], n_header: int) -> None:
        self.path, self.cols, self.n_header = path, cols, n_header
        self.rows = 0  # read so far

    def __iter__(self) -> Iterator[Any]:
        from core.importers import fastcsv

        self.rows = 0
        for block in fastcsv.shaped_blocks(self.path, self.cols, self.n_header, _fast_block):
            self.rows += block.num_rows
            yield block

    def estimate(self) -> int:
        """About how many lines (for progress): the file's size over its first lines'."""
        with self.path.open("rb") as fh:
            sample = fh.read(1 << 20)
        per_line = max(1, len(sample) // max(1, sample.count(b"\n")))
        return self.path.stat().st_size // per_line


def _fast_block(raw, first: int):
    """One block of the file as lines (its rows numbered from ``first``), or None when a
    value is not as the row reader accepts it."""
    if not _fast_values_ok(raw):
        return None
    dates = _fast_dates(raw)
    if dates is None:
        return None
    details = _fast_details(raw)
    if details is None:
        return None
    return _fast_line_table(raw, dates, details, first)


def _column(raw, name: str):
    """A column of the file, or empty texts when the file has no such column."""
    import pyarrow as pa

    return raw[name] if name in raw.column_names else pa.array([""] * raw.num_rows)


def _fast_values_ok(raw) -> bool:
    """Currencies, amounts and invoice numbers all as the row reader accepts them."""
    import pyarrow.compute as pc

    from core.importers import fastcsv

    return bool(
        fastcsv.all_match(raw["Currency"], fastcsv.CURRENCY)
        and all(
            fastcsv.all_match(raw[c], fastcsv.NUMBER) for c in ("Total", "Subtotal", "TaxTotal")
        )
        and all(
            fastcsv.all_match(raw[c], fastcsv.NUMBER, allow_empty=True)
            for c in ("Quantity", "UnitPrice")
            if c in raw.column_names
        )
        and pc.all(pc.greater(pc.utf8_length(raw["InvoiceNumber"]), 0)).as_py()
        and pc.all(pc.less_equal(pc.utf8_length(raw["InvoiceNumber"]), NUMBER_MAX)).as_py()
    )


def _fast_dates(raw) -> dict | None:
    """ChargeStartDate and ChargeEndDate as ISO dates (empty when the file has none), or None
    when a date does not read."""
    import pyarrow as pa

    from core.importers import fastcsv

    dates = {}
    for c in ("ChargeStartDate", "ChargeEndDate"):
        if c in raw.column_names:
            dates[c] = fastcsv.iso_dates(raw[c])
            if dates[c] is None:
                return None
        else:
            dates[c] = pa.array([""] * raw.num_rows)
    return dates


def _fast_details(raw) -> dict | None:
    """What explains the price, a column per detail as :func:`_details` reads it, or None when
    a column does not read."""
    import pyarrow.compute as pc

    from core.importers import fastcsv

    details = {}
    for key, name in DETAIL_SOURCES.items():
        column = _column(raw, name)
        if key in DETAIL_NUMBERS:
            if not fastcsv.numbers_ok(column, allow_empty=True):
                return None
        elif key in DETAIL_DATES:
            column = fastcsv.iso_dates(column) if name in raw.column_names else column
            if column is None:
                return None
        elif key == "pricing_currency":
            if not fastcsv.all_match(column, fastcsv.CURRENCY, allow_empty=True):
                return None
            column = pc.utf8_upper(column)
        details[key] = column
    return details


def _fast_line_table(raw, dates: dict, details: dict, first: int = 0):
    """The line table from the checked columns, with each line's natural key."""
    import pyarrow as pa
    import pyarrow.compute as pc

    def col(name: str):
        return _column(raw, name)

    product = col("ProductName")
    if "SkuName" in raw.column_names:
        product = pc.if_else(pc.equal(pc.utf8_length(product), 0), raw["SkuName"], product)
    number = pc.utf8_upper(raw["InvoiceNumber"])
    fields = {
        "invoice_number": number,
        "customer_id": col("CustomerId"),
        "subscription_id": col("SubscriptionId"),
        "product": product,
        "charge_type": col("ChargeType"),
        "charge_start": dates["ChargeStartDate"],
        "charge_end": dates["ChargeEndDate"],
    }
    # the natural key: the key fields, then the format's own ids (``key_extra``)
    extra = pc.binary_join_element_wise(*(col(c) for c in KEY_COLUMNS), SEP)
    key = pc.binary_join_element_wise(
        *(fields[f] for f in KEY_FIELDS if f != "key_extra"), extra, SEP
    )
    return pa.table(
        {
            "invoice_number": number,
            "currency": pc.utf8_upper(raw["Currency"]),
            "customer_id": fields["customer_id"],
            "customer_name": col("CustomerName"),
            "product": product,
            "charge_type": fields["charge_type"],
            "subscription_id": fields["subscription_id"],
            "charge_start": dates["ChargeStartDate"],
            "charge_end": dates["ChargeEndDate"],
            "key_extra": extra,
            "line_key": key,
            "subtotal": raw["Subtotal"],
            "tax": raw["TaxTotal"],
            "total": raw["Total"],
            "quantity": col("Quantity"),
            "unit_price": col("UnitPrice"),
            "source_row": pa.array(range(first + 2, first + raw.num_rows + 2), pa.int64()),
            **details,
        }
    )
