"""Prorated terms: a licence charged for part of its billing cycle, and why a subscription's
dates may not match its term (see :mod:`core.explain`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, localcontext
from typing import TYPE_CHECKING

from core.calendar import anniversary
from core.explain.basics import (
    CENT,
    cycle_months,
    date_of,
    days,
    decimal_of,
    discounted,
    in_billing_currency,
    quantity_of,
    shift,
    shown,
    term_months,
)
from core.explain.checks import check
from core.explain.parts import Part
from core.i18n import say
from core.model import InvoiceLine

if TYPE_CHECKING:  # pragma: no cover
    from core.explain.explanation import Explanation

# per customer (id, else name): the subscriptions ending on each day
Ends = Mapping[str, Mapping[date, set[str]]]


@dataclass(frozen=True)
class Proration(Part):
    cycle_months: int
    charge_start: date
    charge_end: date
    days_charged: int
    days_full: int
    unit_price: Decimal  # of one cycle, in the pricing currency
    quantity: Decimal
    full_price: Decimal  # the cycle's price × quantity, in the invoice's currency
    expected: Decimal
    tolerance: Decimal
    subtotal: Decimal
    upper_bound: bool  # a discount applies: the expected amount is a ceiling
    prorated: bool
    case: str  # why the subscription's dates do not match its term ("" when they do)
    subscription_days: int | None
    term_days: int | None


def prorate(ex: Explanation, ends: Ends) -> None:
    """The licence line's cycle and the part of it charged, on ``ex``; flagged when the charge
    clearly contradicts the proration."""
    ln = ex.line
    months = cycle_months(ln)
    qty = quantity_of(ln)
    if not (months and ln.charge_start and ln.charge_end and ln.unit_price is not None
            and qty is not None) or ln.charge_end < ln.charge_start:  # fmt: skip
        return
    charged = days(ln.charge_start, ln.charge_end)
    full = days(shift(ln.charge_end + timedelta(days=1), -months), ln.charge_end)
    if charged > full + 1:
        return  # longer than one cycle: not a cycle charge we can place
    factor = in_billing_currency(ln)
    full_price = ln.unit_price * factor * qty
    expected = full_price * charged / full if charged < full else full_price
    tolerance = abs(full_price) / full + CENT * max(Decimal(1), abs(qty))
    eup = decimal_of(ln, "effective_unit_price")
    upper = discounted(ln) or (charged >= full and eup is not None and eup != ln.unit_price)
    case, sub_days, term_days = term_case(ln, ends)
    ex.proration = Proration(
        months, ln.charge_start, ln.charge_end, charged, full, ln.unit_price, qty, full_price,
        expected, tolerance, ln.subtotal, upper, charged < full, case, sub_days, term_days,
    )  # fmt: skip
    if _contradicts(ln.subtotal, full_price, qty, min(charged, full), full, upper):
        figures = dict(subtotal=ln.subtotal, currency=ln.currency, charged=charged, days=full,
                       expected=shown(expected, ln.currency),
                       full=shown(full_price, ln.currency))  # fmt: skip
        ex.checks.append(
            check(
                "proration_mismatch", ex, expected,
                say("charged {subtotal} {currency} for {charged} of {days} days; at most "
                    "{expected} {currency} expected ({full} {currency} for the full cycle): "
                    "dispute the difference with Microsoft billing support.", **figures)
                if upper
                else say("charged {subtotal} {currency} for {charged} of {days} days; "
                         "{expected} {currency} expected ({full} {currency} for the full "
                         "cycle): dispute the difference with Microsoft billing support.",
                         **figures),
            )
        )  # fmt: skip


def _contradicts(subtotal: Decimal, full_price: Decimal, qty: Decimal, paid_days: int,
                 full: int, upper: bool) -> bool:  # fmt: skip
    """More than the tolerance from the prorated price (above it, when that is a ceiling),
    decided exactly: multiplied through by the cycle's days, nothing divided or rounded
    (as :mod:`core.linechecks` decides it over the stored columns)."""
    with localcontext() as ctx:
        ctx.prec = 120  # products of figures of up to 30 digits: exact
        over = subtotal * full - full_price * paid_days
        tolerance = abs(full_price) + CENT * max(Decimal(1), abs(qty)) * full
        return over > tolerance if upper else abs(over) > tolerance


def term_differs(ln: InvoiceLine) -> bool:
    """The subscription's dates do not match its term (why is :func:`term_case`)."""
    return term_case(ln, defaultdict(dict))[0] != ""


def term_case(ln: InvoiceLine, ends: Ends) -> tuple[str, int | None, int | None]:
    """(why the subscription's dates do not match its term, days it runs in its current term,
    days of a full term); "" when they match."""
    start, end = date_of(ln, "subscription_start"), date_of(ln, "subscription_end")
    months = term_months(ln.detail("term"))
    if not (start and end and months) or end < start:
        return "", None, None
    # a renewed subscription keeps its first start: compare with the current term
    k = max(1, round((end - start).days / (months * 30.44)))
    begun = shift(start, (k - 1) * months)
    full_end = shift(start, k * months) - timedelta(days=1)
    sub_days, term_days = days(begun, end), days(begun, full_end)
    if abs((end - full_end).days) <= 1:
        return "", sub_days, term_days
    said = f"{ln.charge_type} {ln.detail('credit_reason')}".lower()
    if "migrat" in said or "convert" in said:
        case = "migration from legacy, which keeps the legacy end date"
    elif "transfer" in said:
        case = "transfer between partners, which keeps the original end date"
    elif end < full_end and end == anniversary(end.year, end.month, 31) and start.day != 1:
        case = "calendar-month alignment: the term ends on the last day of a month"
    elif len(ends[ln.customer_id or ln.customer_name].get(end, ())) > 1:
        case = "cotermination with the customer's other subscriptions ending the same day"
    else:
        case = (
            "cotermination, migration from legacy or transfer between partners (the file "
            "does not say which)"
        )
    return case, sub_days, term_days
