"""Currency conversion: a line priced in another currency than the invoice's, recomputed with
``PCToBCExchangeRate`` by the usage or the licence rule (see :mod:`core.explain`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from core.explain.basics import date_of, decimal_of, published_rate_date, quantity_of, rounddown
from core.explain.checks import check
from core.explain.parts import Part
from core.i18n import phrase, say
from core.money import currency_decimals

if TYPE_CHECKING:  # pragma: no cover
    from core.explain.explanation import Explanation


@dataclass(frozen=True)
class Conversion(Part):
    pricing_currency: str
    billing_currency: str
    rule: str  # usage | licence
    effective_unit_price: Decimal
    billable_quantity: Decimal
    rate: Decimal
    rate_date: date | None  # the file's
    pricing_amount: Decimal  # EffectiveUnitPrice × BillableQuantity, exact
    recomputed: Decimal
    other_rule: Decimal
    subtotal: Decimal
    matches: bool
    month: date | None
    published_rate_date: date | None


def convert(ex: Explanation) -> None:
    """The line's conversion, recomputed, on ``ex``; flagged when neither rule gives the
    file's subtotal."""
    ln = ex.line
    pricing, rate = ln.detail("pricing_currency"), decimal_of(ln, "fx_rate")
    if not pricing or pricing == ln.currency or rate is None:
        return
    eup, bq = decimal_of(ln, "effective_unit_price"), quantity_of(ln)
    if eup is None or bq is None:
        return
    places = min(2, currency_decimals(ln.currency))
    usage_rule = rounddown(rounddown(eup * bq, 2) * rate, places)
    licence_rule = rounddown(eup * rate, places) * bq
    recomputed, other = (usage_rule, licence_rule) if ex.usage else (licence_rule, usage_rule)
    month_day = ln.charge_start or date_of(ln, "order_date")
    matches = same_amount(ln.subtotal, recomputed, places)
    ex.conversion = Conversion(
        pricing, ln.currency, "usage" if ex.usage else "licence", eup, bq, rate,
        date_of(ln, "fx_rate_date"), eup * bq, recomputed, other, ln.subtotal, matches,
        month_day.replace(day=1) if month_day else None,
        published_rate_date(month_day) if month_day else None,
    )  # fmt: skip
    if not matches and not same_amount(ln.subtotal, other, places):
        ex.checks.append(
            check(
                "fx_recompute_mismatch", ex, recomputed,
                say("Subtotal {subtotal} {currency}, but the {rule} rule gives {recomputed} "
                    "{currency} ({price} {pricing} × {quantity} at rate {rate}): ask Microsoft "
                    "billing support to explain or correct the conversion.",
                    subtotal=ln.subtotal, currency=ln.currency, rule=phrase(ex.conversion.rule),
                    recomputed=recomputed, price=eup, pricing=pricing, quantity=bq, rate=rate),
            )
        )  # fmt: skip


def same_amount(subtotal: Decimal, recomputed: Decimal, places: int) -> bool:
    """The file's subtotal is the recomputation, exactly or rounded to the currency (the
    licence rule multiplies after rounding: the result may carry more decimals)."""
    if subtotal == recomputed:
        return True
    q = Decimal(1).scaleb(-places)
    return subtotal in (
        recomputed.quantize(q, rounding=ROUND_HALF_UP),
        recomputed.quantize(q, rounding=ROUND_DOWN),
    )
