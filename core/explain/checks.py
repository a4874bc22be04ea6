"""What is found: a line that contradicts a published rule, with both figures, and what to do."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from core.explain.basics import place_of

if TYPE_CHECKING:  # pragma: no cover
    from core.explain.explanation import Explanation

KINDS = (
    "fx_recompute_mismatch", "proration_mismatch", "refund_outside_window",
    "refund_amount_mismatch",
)  # fmt: skip


@dataclass(frozen=True)
class Check:
    """A line that contradicts a rule: both figures, and what to do."""

    kind: str
    invoice: str
    line: str  # INVOICE#N
    place: str  # file:row
    customer: str
    customer_id: str
    subscription: str
    product: str
    currency: str
    expected: Decimal | None
    actual: Decimal
    message: str

    def as_dict(self) -> dict:
        return {
            "kind": self.kind, "invoice": self.invoice, "line": self.line, "place": self.place,
            "customer": self.customer, "customer_id": self.customer_id,
            "subscription": self.subscription, "product": self.product,
            "currency": self.currency,
            "expected": None if self.expected is None else format(self.expected, "f"),
            "actual": format(self.actual, "f"),
            "difference": None if self.expected is None
            else format(self.actual - self.expected, "f"),
            "message": self.message,
        }  # fmt: skip


def check(kind: str, ex: Explanation, expected: Decimal | None, message: str) -> Check:
    """The explained line flagged: ``kind``, the figure the rule gives, and what to do."""
    ln = ex.line
    return Check(
        kind, ln.invoice_number, ex.label, place_of(ln), ln.customer_name, ln.customer_id,
        ln.subscription_id, ln.product, ln.currency, expected, ln.subtotal, message,
    )  # fmt: skip


def totals(checks: Iterable[Check]) -> dict[str, int]:
    out = dict.fromkeys(KINDS, 0)
    for c in checks:
        out[c.kind] += 1
    return out
