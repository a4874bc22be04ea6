"""The explanation in sentences, as the clerk reads it: one paragraph per rule, in order
(conversion, proration, refund), then the flags."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.calendar import LEGACY, NEW_COMMERCE
from core.explain.basics import shown

if TYPE_CHECKING:  # pragma: no cover
    from core.explain.conversion import Conversion
    from core.explain.explanation import Explanation
    from core.explain.proration import Proration
    from core.explain.refunds import Refund

PLAIN = "Priced in the invoice's currency, not prorated, not a credit: price × quantity."


def sentences(ex: Explanation) -> list[str]:
    """Every paragraph of the explanation (the plain one when there is nothing to explain)."""
    out = []
    if ex.conversion:
        out.extend(conversion_text(ex.conversion, ex.line.currency))
    if ex.proration:
        out.extend(proration_text(ex.proration, ex))
    if ex.refund:
        out.extend(refund_text(ex.refund, ex))
    for check in ex.checks:
        out.append(f"Flag {check.kind}: {check.message}")
    if not out:
        out.append(PLAIN)
    return out


def conversion_text(c: Conversion, cur: str) -> list[str]:
    rule = (
        f"ROUNDDOWN(ROUNDDOWN({c.effective_unit_price} × {c.billable_quantity}, 2) × {c.rate}, 2)"
        if c.rule == "usage"
        else f"ROUNDDOWN({c.effective_unit_price} × {c.rate}, 2) × {c.billable_quantity}"
    )
    out = [
        f"Priced in {c.pricing_currency}: {c.effective_unit_price} × "
        f"{c.billable_quantity} = {c.pricing_amount} {c.pricing_currency}; rate "
        f"{c.rate}" + (f" of {c.rate_date.isoformat()}" if c.rate_date else "") + ".",
        f"{c.rule.capitalize()} rule: {rule} = {c.recomputed} {cur}; the line says "
        f"{c.subtotal} {cur}" + (" — they agree." if c.matches else " — they differ."),
    ]
    if c.published_rate_date:
        same = c.rate_date == c.published_rate_date
        out.append(
            f"For reference, the published rule gives the rate of "
            f"{c.published_rate_date.isoformat()} (two business days before "
            f"{c.month.isoformat() if c.month else ''})"
            + ("." if same or not c.rate_date else "; the file gives another date.")
        )
    return out


def proration_text(p: Proration, ex: Explanation) -> list[str]:
    ln, cur = ex.line, ex.line.currency
    out = []
    span = f"{p.charge_start.isoformat()} to {p.charge_end.isoformat()}"
    cycle = {1: "monthly", 12: "annual", 36: "three-year"}.get(
        p.cycle_months, f"{p.cycle_months}-month"
    )
    if p.prorated:
        out.append(
            f"Prorated: {p.days_charged} of {p.days_full} days of a {cycle} billing "
            f"cycle ({span}); {shown(p.full_price, cur)} {cur} for the full cycle × "
            f"{p.days_charged}/{p.days_full} = {shown(p.expected, cur)} {cur}"
            + (" at most (a discount applies)" if p.upper_bound else "")
            + f"; charged {ln.subtotal} {cur}."
        )
    else:
        out.append(
            f"Full {cycle} billing cycle ({span}, {p.days_charged} days): "
            f"{shown(p.full_price, cur)} {cur}"
            + (" before discounts" if p.upper_bound else "")
            + f"; charged {ln.subtotal} {cur}."
        )
    if p.case:
        out.append(
            f"The subscription runs {p.subscription_days} days against {p.term_days} "
            f"for a full term: {p.case}."
        )
    return out


def refund_text(r: Refund, ex: Explanation) -> list[str]:
    ln, cur = ex.line, ex.line.currency
    if not r.cancellation:
        reason = ln.detail("credit_reason") or ln.charge_type or "credit"
        return [f"Credit ({reason}): not a cancellation, no refund window applies."]
    rules = {
        NEW_COMMERCE: "new commerce: full refund within 24 hours, prorated within "
        "7 days, none after",
        LEGACY: "legacy: full refund within the first month, prorated after",
    }[r.experience]
    when = (
        f"cancelled on {r.cancelled_on.isoformat()}, {r.elapsed_days} days after the "
        f"term began on {r.term_start.isoformat()}"
        if r.term_start and r.cancelled_on and r.elapsed_days is not None
        else "the cancellation or term start date is not in the file"
    )
    expected = (
        f"expected {shown(r.expected, cur)} {cur} ({r.basis})"
        if r.expected is not None
        else f"amount not checked ({r.basis})"
    )
    return [f"Refund ({rules}): {when}; {expected}; credited {ln.subtotal} {cur}."]
