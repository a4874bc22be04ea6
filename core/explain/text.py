"""The explanation in sentences, as the clerk reads it: one paragraph per rule, in order
(conversion, proration, refund), then the flags."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.calendar import LEGACY, NEW_COMMERCE
from core.explain.basics import shown
from core.i18n import Text, phrase, say

if TYPE_CHECKING:  # pragma: no cover
    from core.explain.conversion import Conversion
    from core.explain.explanation import Explanation
    from core.explain.proration import Proration
    from core.explain.refunds import Refund

PLAIN = "Priced in the invoice's currency, not prorated, not a credit: price × quantity."
CYCLES = {1: "monthly", 12: "annual", 36: "three-year"}


def sentences(ex: Explanation) -> list[str]:
    """Every paragraph of the explanation (the plain one when there is nothing to explain),
    each a sentence a face can say in its language (:mod:`core.i18n`)."""
    out: list[str] = []
    if ex.conversion:
        out.extend(conversion_text(ex.conversion, ex.line.currency))
    if ex.proration:
        out.extend(proration_text(ex.proration, ex))
    if ex.refund:
        out.extend(refund_text(ex.refund, ex))
    for check in ex.checks:
        out.append(say("Flag {kind}: {message}", kind=phrase(check.kind),
                       message=sentence(check.message)))  # fmt: skip
    if not out:
        out.append(say(PLAIN))
    return out


def sentence(said: str) -> Text:
    """A sentence of the core as it was said (with its figures), or words made elsewhere."""
    return said if isinstance(said, Text) else phrase(said)


def conversion_text(c: Conversion, cur: str) -> list[str]:
    rule = (
        f"ROUNDDOWN(ROUNDDOWN({c.effective_unit_price} × {c.billable_quantity}, 2) × {c.rate}, 2)"
        if c.rule == "usage"
        else f"ROUNDDOWN({c.effective_unit_price} × {c.rate}, 2) × {c.billable_quantity}"
    )
    priced = dict(pricing=c.pricing_currency, price=c.effective_unit_price,
                  quantity=c.billable_quantity, amount=c.pricing_amount, rate=c.rate)  # fmt: skip
    checked = dict(rule=rule, recomputed=c.recomputed, currency=cur, subtotal=c.subtotal)
    out = [
        say("Priced in {pricing}: {price} × {quantity} = {amount} {pricing}; rate {rate} of "
            "{day}.", day=c.rate_date, **priced)
        if c.rate_date
        else say("Priced in {pricing}: {price} × {quantity} = {amount} {pricing}; rate "
                 "{rate}.", **priced),
        say("{kind} rule: {rule} = {recomputed} {currency}; the line says {subtotal} "
            "{currency} — they agree.", kind=phrase(c.rule.capitalize()), **checked)
        if c.matches
        else say("{kind} rule: {rule} = {recomputed} {currency}; the line says {subtotal} "
                 "{currency} — they differ.", kind=phrase(c.rule.capitalize()), **checked),
    ]  # fmt: skip
    if c.published_rate_date:
        same = c.rate_date == c.published_rate_date
        month = c.month or ""
        out.append(
            say("For reference, the published rule gives the rate of {published} (two "
                "business days before {month}).", published=c.published_rate_date, month=month)
            if same or not c.rate_date
            else say("For reference, the published rule gives the rate of {published} (two "
                     "business days before {month}); the file gives another date.",
                     published=c.published_rate_date, month=month)
        )  # fmt: skip
    return out


def proration_text(p: Proration, ex: Explanation) -> list[str]:
    ln, cur = ex.line, ex.line.currency
    out: list[str] = []
    span = say("{start} to {end}", start=p.charge_start, end=p.charge_end)
    cycle = (phrase(CYCLES[p.cycle_months]) if p.cycle_months in CYCLES
             else say("{months}-month", months=p.cycle_months))  # fmt: skip
    full = shown(p.full_price, cur)
    if p.prorated:
        out.append(say(
            "Prorated: {charged} of {days} days of a {cycle} billing cycle ({span}); {full} "
            "{currency} for the full cycle × {charged}/{days} = {expected} {currency}{bound}; "
            "charged {subtotal} {currency}.", charged=p.days_charged, days=p.days_full,
            cycle=cycle, span=span, full=full, currency=cur, expected=shown(p.expected, cur),
            bound=say(" at most (a discount applies)") if p.upper_bound else "",
            subtotal=ln.subtotal,
        ))  # fmt: skip
    else:
        out.append(say(
            "Full {cycle} billing cycle ({span}, {charged} days): {full} {currency}{bound}; "
            "charged {subtotal} {currency}.", cycle=cycle, span=span, charged=p.days_charged,
            full=full, currency=cur, bound=say(" before discounts") if p.upper_bound else "",
            subtotal=ln.subtotal,
        ))  # fmt: skip
    if p.case:
        out.append(say("The subscription runs {days} days against {term} for a full term: "
                       "{case}.", days=p.subscription_days, term=p.term_days,
                       case=phrase(p.case)))  # fmt: skip
    return out


def refund_text(r: Refund, ex: Explanation) -> list[str]:
    ln, cur = ex.line, ex.line.currency
    if not r.cancellation:
        reason = ln.detail("credit_reason") or ln.charge_type or "credit"
        return [say("Credit ({reason}): not a cancellation, no refund window applies.",
                    reason=phrase(reason))]  # fmt: skip
    rules = {
        NEW_COMMERCE: say("new commerce: full refund within 24 hours, prorated within 7 days, "
                          "none after"),
        LEGACY: say("legacy: full refund within the first month, prorated after"),
    }[r.experience]  # fmt: skip
    when = (
        say("cancelled on {cancelled}, {days} days after the term began on {start}",
            cancelled=r.cancelled_on, days=r.elapsed_days, start=r.term_start)
        if r.term_start and r.cancelled_on and r.elapsed_days is not None
        else say("the cancellation or term start date is not in the file")
    )  # fmt: skip
    expected = (
        say("expected {expected} {currency} ({basis})", expected=shown(r.expected, cur),
            currency=cur, basis=sentence(r.basis))
        if r.expected is not None
        else say("amount not checked ({basis})", basis=sentence(r.basis))
    )  # fmt: skip
    return [say("Refund ({rules}): {when}; {expected}; credited {subtotal} {currency}.",
                rules=rules, when=when, expected=expected, subtotal=ln.subtotal,
                currency=cur)]  # fmt: skip
