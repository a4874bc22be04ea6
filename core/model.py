"""Immutable records that remember where they came from.

These are the plain data the rules work on.  The store turns its rows into
them; importers produce them; nothing here touches a file or a database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any


class DocumentType(StrEnum):
    """Partner Center ``documentType`` values."""

    INVOICE = "invoice"
    VOID_NOTE = "void_note"
    ADJUSTMENT_NOTE = "adjustment_note"
    CREDIT_NOTE = "credit_note"


class InvoiceType(StrEnum):
    RECURRING = "Recurring"
    ONE_TIME = "OneTime"
    UNKNOWN = ""


class SourceKind(StrEnum):
    """What money an allocation comes from."""

    PAYMENT = "payment"
    CREDIT = "credit"


@dataclass(frozen=True, slots=True)
class Source:
    """Where a record was read: file name, sheet (XLSX), row or element path."""

    file: str
    row: int | None = None
    sheet: str | None = None
    element: str | None = None

    def where(self) -> str:
        place = self.file
        if self.sheet:
            place += f"[{self.sheet}]"
        if self.row is not None:
            place += f":{self.row}"
        elif self.element:
            place += f":{self.element}"
        return place


@dataclass(frozen=True, slots=True)
class Document:
    """An invoice, void note, adjustment (rebill) or credit note.

    ``date`` is ``None`` for an invoice known only from its reconciliation
    lines ("date unknown" until its header is imported).
    """

    number: str
    document_type: DocumentType
    currency: str
    total: Decimal
    date: date | None
    # dt.date below: the field ``date`` shadows the type within the class body
    due_date: dt.date | None = None
    invoice_type: InvoiceType = InvoiceType.UNKNOWN
    amends: str | None = None
    paid_amount_reported: Decimal | None = None
    billing_period_start: dt.date | None = None
    billing_period_end: dt.date | None = None
    lines_total: Decimal | None = None
    line_count: int = 0
    source: Source | None = None

    @property
    def is_credit(self) -> bool:
        """A credit memo: money the partner can apply to invoices."""
        if self.document_type == DocumentType.CREDIT_NOTE:
            return True
        return self.document_type != DocumentType.VOID_NOTE and self.total < 0


@dataclass(frozen=True, slots=True)
class InvoiceLine:
    """One reconciliation line item attached to an invoice by its number."""

    invoice_number: str
    currency: str
    subtotal: Decimal
    tax: Decimal
    total: Decimal
    customer_id: str = ""
    customer_name: str = ""
    product: str = ""
    charge_type: str = ""
    subscription_id: str = ""
    charge_start: date | None = None
    charge_end: date | None = None
    quantity: Decimal | None = None
    unit_price: Decimal | None = None
    key: str = ""  # what else identifies the line in its format (order, SKU, meter...)
    source: Source | None = None
    # what explains its price (see core.linestore.DETAIL_COLUMNS): text as read, numbers as
    # plain decimals and dates as ISO; absent columns are not in it
    details: dict[str, str] | None = field(default=None, hash=False, compare=False)

    def detail(self, name: str) -> str:
        return (self.details or {}).get(name, "")

    def natural_key(self) -> tuple[str, ...]:
        """What identifies this line item across downloads (not its amounts)."""
        return (
            self.invoice_number,
            self.customer_id,
            self.subscription_id,
            self.product,
            self.charge_type,
            self.charge_start.isoformat() if self.charge_start else "",
            self.charge_end.isoformat() if self.charge_end else "",
            self.key,
        )


@dataclass(frozen=True, slots=True)
class Reference:
    """A structured invoice reference carried by a payment (camt ``RfrdDocInf``)."""

    number: str
    amount: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Payment:
    id: str
    date: date
    amount: Decimal
    currency: str
    reference: str = ""
    references: tuple[Reference, ...] = ()
    bank_account: str = ""
    counterparty: str = ""
    bank_reference: str = ""  # the bank's own id of the transfer (AcctSvcrRef, EndToEndId)
    source: Source | None = None
    payee_account: str = ""  # the IBAN it was sent to, as the statement gives it


@dataclass(frozen=True, slots=True)
class Allocation:
    """Money from a payment or credit note applied to one invoice."""

    id: int
    source_kind: SourceKind
    source_id: str
    invoice_number: str
    amount: Decimal
    method: str = "manual"


@dataclass(frozen=True, slots=True)
class ImportError_:
    """One problem found in an input file, rendered ``FILE:ROW: message``."""

    source: Source
    message: str
    column: str | None = None

    def __str__(self) -> str:
        col = f"column {self.column}: " if self.column else ""
        return f"{self.source.where()}: {col}{self.message}"


@dataclass(frozen=True, slots=True)
class Skipped:
    """A record read but deliberately not imported, with the reason."""

    source: Source
    reason: str

    def __str__(self) -> str:
        return f"{self.source.where()}: {self.reason}"


@dataclass(frozen=True, slots=True)
class UsageTotal:
    """Rated usage summed per invoice, customer, subscription and meter (explains charges)."""

    invoice_number: str  # "" for unbilled usage
    customer_id: str
    customer_name: str
    subscription_id: str
    meter: str
    currency: str
    quantity: Decimal
    amount: Decimal
    first_day: date | None
    last_day: date | None
    rows: int


@dataclass(slots=True)
class Extracted:
    """What an importer read from one file: records, skips and errors."""

    format: str
    documents: list[Document] = field(default_factory=list)
    lines: list[InvoiceLine] = field(default_factory=list)
    payments: list[Payment] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    errors: list[ImportError_] = field(default_factory=list)
    usage: list[UsageTotal] = field(default_factory=list)
    line_table: Any = None  # line items already in columns (core.linestore), fast path
    line_stream: Any = None  # or read a block at a time while they are stored (large files)
    sheet: str | None = None
    entries_read: int = 0  # rows, entries or items read, whatever became of them
    checks: list[str] = field(default_factory=list)  # self-checks passed (balances)
