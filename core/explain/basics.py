"""The small rules every check reads a line with: rounding, dates, terms and billing cycles,
usage or licence, new commerce or legacy, cancellation, discounts, the exchange rate."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from core.calendar import LEGACY, NEW_COMMERCE, add_months, anniversary
from core.model import InvoiceLine
from core.money import currency_decimals

CENT = Decimal("0.01")
NCE_FULL_REFUND_DAYS = 1  # 24 hours, with dates only: the same or the next day
NCE_REFUND_DAYS = 7
RATE_BUSINESS_DAYS_BEFORE = 2
SLA_AVAILABILITY = Decimal("99.9")  # percent a month (Dynamics 365 FAQ): below it, a credit


def rounddown(value: Decimal, places: int) -> Decimal:
    """Excel's ROUNDDOWN: toward zero."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN)


def shown(value: Decimal, currency: str) -> Decimal:
    """Rounded once, half up, to the currency's decimals (for display)."""
    return value.quantize(Decimal(1).scaleb(-currency_decimals(currency)), rounding=ROUND_HALF_UP)


def shift(day: date, months: int) -> date:
    """The same day ``months`` later (or earlier); the month's last day when it is shorter."""
    y, m = add_months(day.year, day.month, months)
    return anniversary(y, m, day.day)


def published_rate_date(month: date) -> date:
    """The day whose exchange rate applies to a month: two business days (weekdays) before its
    first day (DOMAIN.md: the 29 November rate for 1–31 December)."""
    day, n = month.replace(day=1), 0
    while n < RATE_BUSINESS_DAYS_BEFORE:
        day -= timedelta(days=1)
        n += day.weekday() < 5
    return day


_TERM = re.compile(r"\b(\d+|one|two|three|five)[\s-]*(years?|yrs?|months?|mos?)\b", re.I)
_ISO_TERM = re.compile(r"\bP(\d+)([YM])\b")
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "five": 5}


def term_months(text: str) -> int | None:
    """``1 Month Subscription`` → 1, ``One-Year commitment...`` → 12, ``P3Y`` → 36."""
    m = _ISO_TERM.search(text or "")
    if m:
        return int(m.group(1)) * (12 if m.group(2) == "Y" else 1)
    m = _TERM.search(text or "")
    if not m:
        return None
    n = _NUMBER_WORDS.get(m.group(1).lower()) or int(m.group(1))
    return n * (12 if m.group(2).lower().startswith("y") else 1)


def cycle_months(line: InvoiceLine) -> int | None:
    """Months of the billing cycle a licence line is charged for, when the file says."""
    freq = line.detail("billing_frequency").lower().replace(" ", "")
    term = line.detail("term")
    if freq.startswith("month"):
        return 1
    if freq in ("annual", "yearly", "annually") or freq.startswith("year"):
        return 12
    if freq.startswith("trienn"):
        return 36
    if freq in ("onetime", "one-time"):
        return term_months(term)
    low = term.lower()
    if "monthly billing" in low and "/" not in low:
        return 1
    if ("annual billing" in low or "yearly billing" in low) and "/" not in low:
        return 12
    if term_months(term) == 1:
        return 1
    return None


def quantity_of(line: InvoiceLine) -> Decimal | None:
    q = line.detail("billable_quantity")
    return Decimal(q) if q else line.quantity


def decimal_of(line: InvoiceLine, name: str) -> Decimal | None:
    """A detail of the line as a number (None when the file leaves it empty)."""
    v = line.detail(name)
    return Decimal(v) if v else None


def date_of(line: InvoiceLine, name: str) -> date | None:
    """A detail of the line as a date (None when the file leaves it empty)."""
    v = line.detail(name)
    return date.fromisoformat(v) if v else None


def is_usage(line: InvoiceLine) -> bool:
    """Usage-based (Azure plan, metered) unless the line has a term or a billing frequency."""
    if "usage" in line.charge_type.lower():
        return True
    term = line.detail("term").strip().lower()
    freq = line.detail("billing_frequency").strip().lower()
    return term in ("", "none", "n/a") and freq in ("", "none", "usage")


def experience(line: InvoiceLine) -> str:
    """New commerce (``G…`` invoices, term columns) or legacy (``D…``, legacy columns)."""
    number = line.invoice_number.upper()
    if number.startswith("G"):
        return NEW_COMMERCE
    if number.startswith("D"):
        return LEGACY
    if line.detail("term") or line.detail("effective_unit_price"):
        return NEW_COMMERCE
    return LEGACY


_CANCELLATION = re.compile(r"cancel|remov|reduc|refund|return|downgrade", re.I)


def is_cancellation(line: InvoiceLine) -> bool:
    return bool(
        _CANCELLATION.search(line.charge_type) or _CANCELLATION.search(line.detail("credit_reason"))
    )


def days(first: date, last: date) -> int:
    """Days from ``first`` to ``last``, both counted."""
    return (last - first).days + 1


def discounted(line: InvoiceLine) -> bool:
    other = decimal_of(line, "other_discount")
    return bool(
        line.detail("price_adjustment").strip(" []\"'")
        or line.detail("promotion_id")
        or (other is not None and other != 0)
    )


def in_billing_currency(line: InvoiceLine) -> Decimal:
    """The factor from the price's currency to the invoice's (1 when they are the same)."""
    pricing = line.detail("pricing_currency")
    rate = decimal_of(line, "fx_rate")
    if pricing and pricing != line.currency and rate is not None:
        return rate
    return Decimal(1)


def place_of(line: InvoiceLine) -> str:
    """Where the line was read: ``file:row``."""
    return line.source.where() if line.source else ""
