"""Refunds and cancellations: a credit placed against its refund window, counted from the start
of the term, and the amount expected (see :mod:`core.explain`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from core.calendar import NEW_COMMERCE
from core.explain.basics import (
    CENT,
    NCE_FULL_REFUND_DAYS,
    NCE_REFUND_DAYS,
    cycle_months,
    date_of,
    days,
    discounted,
    in_billing_currency,
    is_cancellation,
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

# per subscription: the (label, line) of its charges, which a credit may reverse
Charges = Mapping[str, Sequence[tuple[str, InvoiceLine]]]


@dataclass(frozen=True)
class Refund(Part):
    experience: str
    cancellation: bool
    cancelled_on: date | None
    term_start: date | None
    elapsed_days: int | None
    window: str  # full | full_or_prorated | prorated | none | ""
    expected: Decimal | None
    tolerance: Decimal | None
    basis: str  # how the expected amount was found
    original: str  # INVOICE#N of the charge it reverses, when found


def refund(ex: Explanation, charges: Charges) -> None:
    """The credit line's refund window and expected amount, on ``ex``; flagged when it was
    refunded outside the window or by another amount."""
    ln = ex.line
    if not is_cancellation(ln):
        ex.refund = Refund(ex.experience, False, None, None, None, "", None, None, "", "")
        return
    cancelled = ln.charge_start or date_of(ln, "order_date")
    term_start = _term_start(ex, cancelled)
    elapsed = (cancelled - term_start).days if term_start and cancelled else None
    full, prorated, tolerance, basis, original = refund_amounts(ln, cancelled, charges)
    window, expected = "", None
    if elapsed is not None:
        if ex.experience == NEW_COMMERCE:
            if elapsed <= NCE_FULL_REFUND_DAYS:
                window = "full" if elapsed == 0 else "full_or_prorated"
                expected = full
            elif elapsed <= NCE_REFUND_DAYS:
                window, expected = "prorated", prorated
            else:
                window, expected = "none", Decimal(0)
        else:
            if cancelled < shift(term_start, 1):
                window, expected = "full", full
            else:
                window, expected = "prorated", prorated
    ex.refund = Refund(
        ex.experience, True, cancelled, term_start, elapsed, window, expected, tolerance,
        basis, original,
    )  # fmt: skip
    if window == "none":
        ex.checks.append(
            check(
                "refund_outside_window", ex, Decimal(0),
                say("credited {subtotal} {currency} for a cancellation {days} days after the "
                    "term began ({start}); new commerce refunds nothing after 7 days: check "
                    "with Microsoft before passing the credit on to the customer.",
                    subtotal=ln.subtotal, currency=ln.currency, days=elapsed, start=term_start),
            )
        )  # fmt: skip
        return
    if expected is None or tolerance is None:
        return
    ok = abs(ln.subtotal - expected) <= tolerance
    if window == "full_or_prorated" and prorated is not None:
        ok = ok or abs(ln.subtotal - prorated) <= tolerance
    if not ok:
        figures = dict(subtotal=ln.subtotal, currency=ln.currency,
                       expected=shown(expected, ln.currency), basis=basis)  # fmt: skip
        ex.checks.append(
            check(
                "refund_amount_mismatch", ex, expected,
                say("credited {subtotal} {currency}; a prorated refund is {expected} {currency} "
                    "({basis}): dispute the difference with Microsoft billing support.",
                    **figures)
                if window == "prorated"
                else say("credited {subtotal} {currency}; a full refund is {expected} "
                         "{currency} ({basis}): dispute the difference with Microsoft billing "
                         "support.", **figures),
            )
        )  # fmt: skip


def _term_start(ex: Explanation, cancelled: date | None) -> date | None:
    """The start of the term the cancellation falls in: the purchase or the last renewal."""
    ln = ex.line
    start = date_of(ln, "subscription_start")
    # the window counts from the purchase or the last renewal: new commerce renews each
    # term; a legacy subscription is an annual commitment whatever its billing cycle
    term = term_months(ln.detail("term")) or (
        cycle_months(ln) if ex.experience == NEW_COMMERCE else 12
    )
    term_start = None
    if start and cancelled and cancelled >= start:
        term_start = start
        if term:
            k = 0
            while shift(start, (k + 1) * term) <= cancelled:
                k += 1
            term_start = shift(start, k * term)
    return term_start


def refund_amounts(ln: InvoiceLine, cancelled: date | None, charges: Charges):
    """(full, prorated, tolerance, basis, original label) — negative amounts."""
    units = quantity_of(ln)
    units = abs(units) if units else None
    found = None
    if cancelled:
        for label, charge in charges.get(ln.subscription_id, ()):
            if charge.charge_start <= cancelled <= charge.charge_end and (
                found is None or charge.charge_start > found[1].charge_start
            ):
                found = (label, charge)
    if found:
        label, charge = found
        charge_units = quantity_of(charge)
        if charge_units:
            per_unit = charge.subtotal / abs(charge_units)
            units = units or abs(charge_units)
            full = -per_unit * units
        else:
            full, units = -charge.subtotal, Decimal(1)
        span = days(charge.charge_start, charge.charge_end)
        left = days(cancelled, charge.charge_end)
        prorated = full * left / span
        tolerance = abs(full) / span + CENT * max(Decimal(1), units)
        basis = say(
            "from {label}: {subtotal} {currency} for {start} to {end}; {left} of {span} days left",
            label=label,
            subtotal=charge.subtotal,
            currency=charge.currency,
            start=charge.charge_start,
            end=charge.charge_end,
            left=left,
            span=span,
        )
        return full, prorated, tolerance, basis, label
    months = cycle_months(ln) or term_months(ln.detail("term"))
    if ln.unit_price is None or units is None:
        return None, None, None, say("the charge it reverses is not in the workspace"), ""
    if discounted(ln):
        return None, None, None, say(
            "the charge it reverses is not in the workspace and a discount applies"
        ), ""  # fmt: skip
    full = -abs(ln.unit_price) * in_billing_currency(ln) * units
    prorated, span = None, None
    if months and ln.charge_start and ln.charge_end:
        span = days(shift(ln.charge_end + timedelta(days=1), -months), ln.charge_end)
        left = days(ln.charge_start, ln.charge_end)
        prorated = full * min(left, span) / span
    tolerance = abs(full) / (span or 30) + CENT * max(Decimal(1), units)
    basis = (
        say(
            "unit price {price} × {units} for the cycle; {credited} of {span} days credited",
            price=ln.unit_price,
            units=units,
            credited=days(ln.charge_start, ln.charge_end),
            span=span,
        )
        if span
        else say("unit price {price} × {units} for the cycle", price=ln.unit_price, units=units)
    )
    return full, prorated, tolerance, basis, ""
