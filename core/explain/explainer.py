"""The explainer: each line against the rules, with the other lines it knows as context."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from core.explain.basics import date_of, experience, is_usage
from core.explain.conversion import convert
from core.explain.explanation import Explanation
from core.explain.proration import prorate
from core.explain.refunds import refund
from core.model import InvoiceLine


class Explainer:
    """Explains lines, with the other lines it knows as context: the charge a credit
    reverses, and the customer's other subscriptions (cotermination)."""

    def __init__(self, context: Iterable[tuple[str, InvoiceLine]] = ()):
        self._charges: dict[str, list[tuple[str, InvoiceLine]]] = defaultdict(list)
        self._ends: dict[str, dict[date, set[str]]] = defaultdict(lambda: defaultdict(set))
        for label, line in context:
            self.know(label, line)

    def know(self, label: str, line: InvoiceLine) -> None:
        if line.subscription_id and line.subtotal > 0 and line.charge_start and line.charge_end:
            self._charges[line.subscription_id].append((label, line))
        end = date_of(line, "subscription_end")
        if end and line.subscription_id:
            self.know_end(line.customer_id or line.customer_name, end, line.subscription_id)

    def know_end(self, customer: str, end: date, subscription_id: str) -> None:
        """A subscription of ``customer`` (its id, else its name) ends on ``end``."""
        self._ends[customer][end].add(subscription_id)

    def explain(self, label: str, line: InvoiceLine) -> Explanation:
        ex = Explanation(label, line, experience(line), is_usage(line))
        convert(ex)
        if line.subtotal < 0:
            refund(ex, self._charges)
        elif not ex.usage:
            prorate(ex, self._ends)
        return ex


def explain_lines(labelled: list[tuple[str, InvoiceLine]]) -> list[Explanation]:
    """Each line explained, the others as its context."""
    explainer = Explainer(labelled)
    return [explainer.explain(label, line) for label, line in labelled]
