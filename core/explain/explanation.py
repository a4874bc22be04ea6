"""One line explained: its conversion, proration or refund, and the rules it contradicts."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.explain.basics import place_of
from core.explain.checks import Check
from core.explain.conversion import Conversion
from core.explain.proration import Proration
from core.explain.refunds import Refund
from core.explain.text import sentences
from core.i18n import Text, phrase, say
from core.model import InvoiceLine


@dataclass
class Explanation:
    label: str
    line: InvoiceLine
    experience: str
    usage: bool
    conversion: Conversion | None = None
    proration: Proration | None = None
    refund: Refund | None = None
    checks: list[Check] = field(default_factory=list)

    @property
    def explained(self) -> bool:
        """Something beyond price × quantity: converted, prorated, a term that does not match,
        a credit, or a flag."""
        p = self.proration
        return bool(self.conversion or self.refund or self.checks or (p and (p.prorated or p.case)))

    def as_dict(self) -> dict:
        ln = self.line
        return {
            "line": self.label,
            "invoice": ln.invoice_number,
            "place": place_of(ln),
            "customer": ln.customer_name,
            "customer_id": ln.customer_id,
            "subscription": ln.subscription_id,
            "product": ln.product,
            "charge_type": ln.charge_type,
            "charge_start": ln.charge_start.isoformat() if ln.charge_start else None,
            "charge_end": ln.charge_end.isoformat() if ln.charge_end else None,
            "currency": ln.currency,
            "quantity": None if ln.quantity is None else format(ln.quantity, "f"),
            "unit_price": None if ln.unit_price is None else format(ln.unit_price, "f"),
            "subtotal": format(ln.subtotal, "f"),
            "total": format(ln.total, "f"),
            "experience": self.experience,
            "pricing": "usage" if self.usage else "licence",
            "conversion": self.conversion.as_dict() if self.conversion else None,
            "proration": self.proration.as_dict() if self.proration else None,
            "refund": self.refund.as_dict() if self.refund else None,
            "checks": [c.as_dict() for c in self.checks],
            "explained": self.explained,
            "why": self.summary(),
            "text": self.text(),
        }

    def summary(self) -> str:
        """A few words: what there is to explain on this line."""
        parts: list[object] = []
        if self.conversion:
            c = self.conversion
            parts.append(say("{pricing}→{billing} at {rate}", pricing=c.pricing_currency,
                             billing=c.billing_currency, rate=c.rate))  # fmt: skip
        p = self.proration
        if p and p.prorated:
            parts.append(say("{charged}/{days} days", charged=p.days_charged, days=p.days_full))
        if p and p.case:
            parts.append(phrase(p.case.split(":")[0].split(",")[0]))
        r = self.refund
        if r:
            parts.append(
                {"full": say("full refund"), "full_or_prorated": say("refund within 24 h"),
                 "prorated": say("prorated refund"), "none": say("refund after 7 days"),
                 "": say("refund") if r.cancellation else say("credit")}[r.window]
            )  # fmt: skip
        fields = {f"part{n}": part for n, part in enumerate(parts)}
        return Text("; ".join(f"{{{name}}}" for name in fields), fields)

    def text(self) -> list[str]:
        """The explanation in sentences, as the clerk reads it (see :mod:`core.explain.text`)."""
        return sentences(self)
