"""Invoice lists kept by clerks as CSV or XLSX, with English or French headers.

Columns: number, date, total, currency; optional due date, document type
(invoice, void note, adjustment, credit note — in either language) and the
document it amends.  Dates ISO or ``DD/MM/YYYY``.
"""

from __future__ import annotations

from pathlib import Path

from core.i18n import say
from core.importers.base import ImportOptions, too_long
from core.importers.tabular import (
    CellError,
    Column,
    decimal,
    declared_columns,
    each_row,
    fold,
    getter,
    open_table,
    parse_dmy,
    said,
    text,
)
from core.model import Document, DocumentType, Extracted, ImportError_, InvoiceType, Source
from core.money import MoneyError, money, normalise_currency, one_line

NAME = "Invoice list (CSV/XLSX)"

COLUMNS = (
    Column("Number", ("Invoice number", "Invoice", "Invoice no", "Numéro", "Numéro de facture",
                      "N° facture", "Facture", "Document number")),
    Column("Date", ("Invoice date", "Date de facture", "Date facture", "Date d'émission",
                    "Issue date")),
    Column("Total", ("Amount", "Total amount", "Montant", "Montant total", "Total TTC",
                     "Total charges", "TotalCharges")),
    Column("Currency", ("Devise", "Monnaie", "CurrencyCode")),
    Column("Due date", ("Date d'échéance", "Échéance", "Echeance", "Due"), required=False),
    Column("Document type", ("Type", "Type de document", "DocumentType"), required=False),
    Column("Amends", ("Amends of", "AmendsOf", "Modifie", "Annule", "Remplace", "Original"),
           required=False),
    Column("Invoice type", ("InvoiceType", "Type de facture"), required=False),
)  # fmt: skip

_TYPES = {
    fold(k): v
    for k, v in {
        "invoice": DocumentType.INVOICE, "facture": DocumentType.INVOICE,
        "void_note": DocumentType.VOID_NOTE, "void note": DocumentType.VOID_NOTE,
        "void": DocumentType.VOID_NOTE, "annulation": DocumentType.VOID_NOTE,
        "avis d'annulation": DocumentType.VOID_NOTE,
        "adjustment_note": DocumentType.ADJUSTMENT_NOTE,
        "adjustment note": DocumentType.ADJUSTMENT_NOTE, "adjustment": DocumentType.ADJUSTMENT_NOTE,
        "rebill": DocumentType.ADJUSTMENT_NOTE, "refacturation": DocumentType.ADJUSTMENT_NOTE,
        "note d'ajustement": DocumentType.ADJUSTMENT_NOTE,
        "credit_note": DocumentType.CREDIT_NOTE, "credit note": DocumentType.CREDIT_NOTE,
        "credit memo": DocumentType.CREDIT_NOTE, "avoir": DocumentType.CREDIT_NOTE,
        "note de crédit": DocumentType.CREDIT_NOTE,
    }.items()
}  # fmt: skip


class InvoiceTable:
    name = NAME

    def identify(self, path: Path, head: bytes) -> bool:
        found = declared_columns(path, head, COLUMNS)
        if found is None:
            return False
        from core.importers.payments_table import COLUMNS as PAYMENT_COLUMNS

        folded = {fold(h) for h in found[0]}
        reference = next(c for c in PAYMENT_COLUMNS if c.name == "Reference")
        # not line items (CustomerId) nor payments (a reference/remittance column)
        return "customerid" not in folded and not (folded & reference.keys())

    def extract(self, path: Path, display: str, options: ImportOptions) -> Extracted:
        out = Extracted(NAME)
        opened = open_table(path, display, COLUMNS, out)
        if opened is None:
            return out
        table, cols = opened
        for src, cells in each_row(table, display, out):
            out.entries_read += 1
            doc = _document(cells, cols, src, out)
            if doc is not None:
                out.documents.append(doc)
        return out


def _document(cells, cols, src: Source, out: Extracted) -> Document | None:
    get = getter(cells, cols)

    def fail(column: str, message: str) -> None:
        out.errors.append(ImportError_(src, message, column))

    before = len(out.errors)
    number = text(get("Number")).upper()
    if not number:
        fail("Number", say("expected an invoice number, got ''"))
    elif why := too_long(number):
        fail("Number", why)
    when = due = None
    try:
        when = parse_dmy(get("Date"))
    except CellError as exc:
        fail("Date", said(exc))
    if text(get("Due date")):
        try:
            due = parse_dmy(get("Due date"))
        except CellError as exc:
            fail("Due date", said(exc))
    currency = ""
    try:
        currency = normalise_currency(text(get("Currency")))
    except MoneyError as exc:
        fail("Currency", said(exc))
    raw_type = text(get("Document type")) or "invoice"
    doc_type = _TYPES.get(fold(raw_type))
    if doc_type is None:
        fail(
            "Document type",
            say(
                "expected invoice, void note, adjustment or credit note, got '{got}'",
                got=one_line(raw_type),
            ),
        )
    total = None
    if currency:
        try:
            total = money(decimal(get("Total")), currency)
        except (CellError, MoneyError) as exc:
            fail("Total", said(exc))
    if len(out.errors) != before:
        return None
    assert doc_type is not None and total is not None
    if doc_type == DocumentType.CREDIT_NOTE and total > 0:
        total = -total
    inv_type = {"recurring": InvoiceType.RECURRING, "onetime": InvoiceType.ONE_TIME}.get(
        fold(text(get("Invoice type"))), InvoiceType.UNKNOWN
    )
    amends = text(get("Amends")).upper() or None
    if amends and (why := too_long(amends)):
        fail("Amends", why)
        return None
    return Document(
        number=number,
        document_type=doc_type,
        currency=currency,
        total=total,
        date=when,
        due_date=due,
        invoice_type=inv_type,
        amends=amends if amends != number else None,
        source=src,
    )
