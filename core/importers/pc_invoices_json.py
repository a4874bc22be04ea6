"""Partner Center invoice list, API JSON (``GET /v1/invoices``).

Reads the collection (``{"items": [...]}``), a bare list, or one invoice,
with nested ``amendments``.  Numbers are read straight to Decimal.  API dates
are UTC: the invoice date is the UTC calendar date.  ``paidAmount`` is kept
as what Partner Center reports, never as an allocation.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from core.i18n import say
from core.importers.base import ImportOptions, too_long
from core.importers.jsonfile import load_json
from core.importers.tabular import FIRST_YEAR, LAST_YEAR
from core.model import Document, DocumentType, Extracted, ImportError_, InvoiceType, Source
from core.money import MoneyError, money, normalise_currency

NAME = "Partner Center invoice list (JSON)"


def _looks_like_invoice(obj: object) -> bool:
    return isinstance(obj, dict) and "id" in obj and ("totalCharges" in obj or "invoiceDate" in obj)


class PartnerCenterInvoicesJson:
    name = NAME

    def identify(self, path: Path, head: bytes) -> bool:
        stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        if stripped[:1] not in (b"{", b"["):
            return False
        try:
            data = load_json(path)
        except (ValueError, UnicodeDecodeError):
            return False
        items = _items(data)
        return bool(items) and all(_looks_like_invoice(i) for i in items)

    def extract(self, path: Path, display: str, options: ImportOptions) -> Extracted:
        out = Extracted(NAME)
        try:
            data = load_json(path)
        except (ValueError, UnicodeDecodeError) as exc:
            out.errors.append(ImportError_(Source(display), f"expected JSON: {exc}"))
            return out
        items = _items(data)
        if items is None:
            out.errors.append(
                ImportError_(Source(display, element="$"), "expected an invoice collection")
            )
            return out
        prefix = "items" if isinstance(data, dict) and "items" in data else ""
        for i, item in enumerate(items):
            path_ = f"{prefix}[{i}]" if prefix or isinstance(data, list) else "$"
            _read(item, path_, None, display, options, out)
        return out


def _items(data: object) -> list | None:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        if isinstance(data.get("items"), list):
            return data["items"]
        if isinstance(data.get("value"), list):
            return data["value"]
        if _looks_like_invoice(data):
            return [data]
    return None


def utc_date(value: str) -> date:
    """The UTC calendar date of an ISO-8601 timestamp (a plain date stays as it is)."""
    s = value.strip()
    if len(s) == 10:
        return date.fromisoformat(s)
    if s.endswith(("Z", "z")):
        s = s[:-1] + "+00:00"
    # Python reads at most 6 fractional digits; Partner Center writes 7.
    head, sep, rest = s.partition(".")
    if sep:
        digits = ""
        while rest and rest[0].isdigit():
            digits, rest = digits + rest[0], rest[1:]
        s = f"{head}.{digits[:6].ljust(6, '0')}{rest}"
    moment = datetime.fromisoformat(s)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).date()


_TYPES = {t.value.lower(): t for t in DocumentType}
_TYPES |= {
    "invoicedocument": DocumentType.INVOICE,
    "voidnote": DocumentType.VOID_NOTE,
    "adjustmentnote": DocumentType.ADJUSTMENT_NOTE,
    "creditnote": DocumentType.CREDIT_NOTE,
}


def _read(
    item: object,
    where: str,
    parent: str | None,
    display: str,
    options: ImportOptions,
    out: Extracted,
) -> None:
    if not isinstance(item, dict):
        out.errors.append(ImportError_(Source(display, element=where), "expected an object"))
        return
    errors_before = len(out.errors)

    def err(field: str, message: str) -> None:
        out.errors.append(ImportError_(Source(display, element=f"{where}.{field}"), message))

    number = _number(item, err)
    currency = _currency(item, err)
    inv_date, due = _dates(item, err)
    doc_type = _document_type(item, err)
    total = paid = None
    if currency:
        total = _amount(item, "totalCharges", currency, err, required=True)
        paid = _amount(item, "paidAmount", currency, err, required=False)
    amends = item.get("amendsOf") or parent
    if isinstance(amends, str):
        amends = amends.strip().upper() or None
        if amends and (why := too_long(amends)):
            err("amendsOf", why)
    if doc_type == DocumentType.CREDIT_NOTE and total is not None and total > 0:
        total = -total  # a credit memo is a negative amount whichever way it is written
    inv_type_raw = str(item.get("invoiceType") or "")
    inv_type = {"recurring": InvoiceType.RECURRING, "onetime": InvoiceType.ONE_TIME}.get(
        inv_type_raw.lower(), InvoiceType.UNKNOWN
    )
    start, end = _billing_period(item, err)
    if len(out.errors) == errors_before:
        assert number and currency and doc_type and total is not None
        out.documents.append(
            Document(
                number=number,
                document_type=doc_type,
                currency=currency,
                total=total,
                date=inv_date,
                due_date=due,  # None: the ledger applies the workspace's payment term
                invoice_type=inv_type,
                amends=amends if amends != number else None,
                paid_amount_reported=paid,
                billing_period_start=start,
                billing_period_end=end,
                source=Source(display, element=where),
            )
        )
    amendments = item.get("amendments") or []
    if not isinstance(amendments, list):
        err("amendments", "expected a list")
        return
    for j, sub in enumerate(amendments):
        _read(sub, f"{where}.amendments[{j}]", number, display, options, out)


BETWEEN = "got {got}, expected a date between {first} and {last}"


def _number(item: dict, err) -> str | None:
    """The invoice number (``id``), upper case; None (with the error said) when missing."""
    number = item.get("id")
    if not isinstance(number, str) or not number.strip():
        err("id", say("expected the invoice number, got {got}", got=repr(number)))
        return None
    if why := too_long(number.strip()):
        err("id", why)
        return None
    return number.strip().upper()


def _currency(item: dict, err) -> str | None:
    try:
        return normalise_currency(item.get("currencyCode"))
    except MoneyError as exc:
        err("currencyCode", str(exc))
        return None


def _dates(item: dict, err) -> tuple[date | None, date | None]:
    """The invoice date (required) and the due date (when the file gives one), UTC dates."""
    raw_date = item.get("invoiceDate")
    inv_date: date | None = None
    try:
        inv_date = utc_date(raw_date) if isinstance(raw_date, str) else None
        if inv_date is None:
            raise ValueError
    except ValueError:
        err("invoiceDate", say("expected an ISO-8601 date, got {got}", got=repr(raw_date)))
    due: date | None = None
    raw_due = item.get("dueDate")
    if raw_due not in (None, ""):
        try:
            due = utc_date(str(raw_due))
        except ValueError:
            err("dueDate", say("expected an ISO-8601 date, got {got}", got=repr(raw_due)))
    for name, day, raw in (("invoiceDate", inv_date, raw_date), ("dueDate", due, raw_due)):
        if day is not None and not FIRST_YEAR <= day.year <= LAST_YEAR:
            err(name, say(BETWEEN, got=repr(raw), first=FIRST_YEAR, last=LAST_YEAR))
            return None, None
    return inv_date, due


def _document_type(item: dict, err) -> DocumentType | None:
    raw_type = str(item.get("documentType") or "invoice")
    doc_type = _TYPES.get(raw_type.replace("_", "").lower()) or _TYPES.get(raw_type.lower())
    if doc_type is None:
        err(
            "documentType",
            say(
                "expected invoice, void_note, adjustment_note or credit_note, got '{got}'",
                got=raw_type,
            ),
        )
    return doc_type


def _billing_period(item: dict, err) -> tuple[date | None, date | None]:
    """The billing period's start and end dates, each when given and readable."""
    start = end = None
    for key in ("billingPeriodStartDate", "billingPeriodEndDate"):
        raw = item.get(key)
        if raw:
            try:
                val = utc_date(str(raw))
            except ValueError:
                err(key, say("expected an ISO-8601 date, got {got}", got=repr(raw)))
                continue
            if not FIRST_YEAR <= val.year <= LAST_YEAR:
                err(key, say(BETWEEN, got=repr(raw), first=FIRST_YEAR, last=LAST_YEAR))
                continue
                continue
            if key.endswith("StartDate"):
                start = val
            else:
                end = val
    return start, end


def _amount(item: dict, key: str, currency: str, err, *, required: bool) -> Decimal | None:
    raw = item.get(key)
    if raw is None:
        if required:
            err(key, say("expected an amount, got nothing"))
        return None
    if isinstance(raw, bool) or not isinstance(raw, Decimal | str):
        err(key, say("expected an amount, got {got}", got=repr(raw)))
        return None
    try:
        return money(raw, currency)
    except (MoneyError, TypeError) as exc:
        err(key, str(exc))
        return None
