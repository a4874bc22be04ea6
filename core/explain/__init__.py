"""Why a reconciliation line costs what it does, and where it contradicts the published rules.

The rules are DOMAIN.md's ("Invoices", "File formats" and "Subscription terms that do not match
billing terms"):

* **Currency conversion.**  A line priced in another currency than the invoice's is converted
  with ``PCToBCExchangeRate``: usage ``ROUNDDOWN(ROUNDDOWN(EffectiveUnitPrice ×
  BillableQuantity, 2) × rate, 2)``, licences ``ROUNDDOWN(EffectiveUnitPrice × rate, 2) ×
  BillableQuantity``.  ROUNDDOWN is Excel's: toward zero, so a credit rounds like a charge.  The
  rate of a month is published two business days before its first day (for reference).
* **Prorated terms.**  A licence charged for part of its billing cycle costs the cycle's price
  (``UnitPrice`` × quantity, converted) × days charged / days of the full cycle.  Day-count
  conventions differ by a day (is the end day counted?), so a difference of up to one day's
  price, plus a cent per unit for rounding, is never flagged: only a clear contradiction is.
  With a discount or promotion on the line the check is an upper bound.
* **Refunds and cancellations.**  A cancellation or quantity reduction is placed against its
  window, counted from the start of the term (the purchase or the last renewal): new commerce
  refunds in full within 24 hours, prorated within 7 days, not at all after; legacy in full
  within the first month, prorated after.  Files give dates, not hours: a cancellation the next
  day may be within 24 hours (both refunds are accepted), one on day 8 is clearly after 7 days.
  The expected amount comes from the charge it reverses when that line is in the workspace, else
  from the credit line's own price.

Everything is :class:`~decimal.Decimal`; amounts shown are rounded once, to the currency's
decimals, only for display — comparisons use the exact figures.

The rules, one module each: :mod:`~core.explain.conversion`, :mod:`~core.explain.proration`
(and the subscription's term), :mod:`~core.explain.refunds`; what they flag
(:mod:`~core.explain.checks`), the explanation (:mod:`~core.explain.explanation`) and its
sentences (:mod:`~core.explain.text`), read with :mod:`~core.explain.basics`.  Which stored
lines are worth explaining is read with row filters of :mod:`core.linestore`.
"""

from core.explain.basics import (
    CENT,
    NCE_FULL_REFUND_DAYS,
    NCE_REFUND_DAYS,
    RATE_BUSINESS_DAYS_BEFORE,
    SLA_AVAILABILITY,
    cycle_months,
    days,
    discounted,
    experience,
    is_cancellation,
    is_usage,
    published_rate_date,
    quantity_of,
    rounddown,
    shift,
    shown,
    term_months,
)
from core.explain.checks import KINDS, Check, totals
from core.explain.conversion import Conversion
from core.explain.explainer import Explainer, explain_lines
from core.explain.explanation import Explanation
from core.explain.proration import Proration, term_differs
from core.explain.refunds import Refund

__all__ = [
    "CENT",
    "KINDS",
    "NCE_FULL_REFUND_DAYS",
    "NCE_REFUND_DAYS",
    "RATE_BUSINESS_DAYS_BEFORE",
    "SLA_AVAILABILITY",
    "Check",
    "Conversion",
    "Explainer",
    "Explanation",
    "Proration",
    "Refund",
    "cycle_months",
    "days",
    "discounted",
    "experience",
    "explain_lines",
    "is_cancellation",
    "is_usage",
    "published_rate_date",
    "quantity_of",
    "rounddown",
    "shift",
    "shown",
    "term_differs",
    "term_months",
    "totals",
]
