"""New-commerce invoice reconciliation line items (portal CSV, or saved as XLSX).

One row per line item, attached to its invoice by ``InvoiceNumber``.  Dates
are US ``M/D/YYYY`` (sometimes with a time).  Amounts are kept exactly as
written; an invoice's total is the sum of its lines' ``Total``.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from core.importers.base import ImportOptions
from core.importers.tabular import (
    CellError,
    Column,
    decimal,
    map_columns,
    parse_mdy,
    peek_header,
    read_table,
    text,
)
from core.model import Extracted, ImportError_, InvoiceLine, Source
from core.money import MoneyError, normalise_currency

NAME = "Partner Center reconciliation line items (new commerce)"

COLUMNS = (
    Column("InvoiceNumber"),
    Column("Currency"),
    Column("Total", ("TotalForCustomer", "PostTaxTotal")),
    Column("Subtotal", ("PretaxCharges",), required=False),
    Column("TaxTotal", ("Tax", "TaxAmount"), required=False),
    Column("CustomerId"),  # what tells line items from an invoice list
    Column("CustomerName", ("CustomerCompanyName",), required=False),
    Column("ProductName", required=False),
    Column("SkuName", required=False),
    Column("ChargeType", required=False),
    Column("SubscriptionId", required=False),
    Column("ChargeStartDate", required=False),
    Column("ChargeEndDate", required=False),
    Column("Quantity", required=False),
    Column("UnitPrice", required=False),
)


class PartnerCenterReconLines:
    name = NAME

    def identify(self, path: Path, head: bytes) -> bool:
        if path.suffix.lower() not in (".csv", ".xlsx", ".txt", ""):
            return False
        header = peek_header(path, head)
        _, missing = map_columns(header, COLUMNS)
        # A daily rated usage file also has InvoiceNumber; it has no Total.
        return not missing

    def extract(self, path: Path, display: str, options: ImportOptions) -> Extracted:
        out = Extracted(NAME)
        table = read_table(path)
        cols, missing = map_columns(table.header, COLUMNS)
        if missing:
            out.errors.append(
                ImportError_(
                    Source(display, 1, table.sheet),
                    f"expected columns {', '.join(missing)}; found {', '.join(table.header)}",
                )
            )
            return out
        try:
            for row, cells in table.rows:
                line = _line(cells, cols, Source(display, row, table.sheet), out)
                if line is not None:
                    out.lines.append(line)
        except csv.Error as exc:
            out.errors.append(ImportError_(Source(display), f"malformed CSV: {exc}"))
        return out


def _line(cells, cols: dict[str, int], source: Source, out: Extracted) -> InvoiceLine | None:
    before = len(out.errors)

    def get(name: str):
        i = cols.get(name)
        return cells[i] if i is not None and i < len(cells) else None

    def fail(column: str, message: str) -> None:
        out.errors.append(ImportError_(source, message, column))

    number = text(get("InvoiceNumber")).upper()
    if not number:
        fail("InvoiceNumber", "expected an invoice number, got ''")
    currency = ""
    try:
        currency = normalise_currency(text(get("Currency")))
    except MoneyError as exc:
        fail("Currency", str(exc))

    def amount(name: str, required: bool) -> Decimal | None:
        cell = get(name)
        if cell is None or text(cell) == "":
            if required:
                fail(name, "expected a number, got ''")
            return None
        try:
            return decimal(cell)
        except CellError as exc:
            fail(name, str(exc))
            return None

    total = amount("Total", True)
    subtotal = amount("Subtotal", False)
    tax = amount("TaxTotal", False)
    quantity = amount("Quantity", False)
    unit_price = amount("UnitPrice", False)
    dates = {}
    for name in ("ChargeStartDate", "ChargeEndDate"):
        cell = get(name)
        dates[name] = None
        if cell is not None and text(cell):
            try:
                dates[name] = parse_mdy(cell)
            except CellError as exc:
                fail(name, str(exc))
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
        source=source,
    )
