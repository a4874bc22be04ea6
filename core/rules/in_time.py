"""Changes checked against the facts, whatever their dates (DOMAIN.md, "Time: the ledger is
history").

The store keeps facts: documents, payments and what the clerk decided — an allocation names
the invoice the clerk chose (with its amount), or the invoice a payment's reference chose
(method ``auto-reference``: the amount follows, at the payment's date).  Where money lands,
what a reference gives and what Microsoft's rule applies of a credit note follow from all
facts in date order (:func:`core.ledger.compute`); what follows from a rule gives way to the
clerk's own allocations, so a clerk's allocation checked against the books as they stand
stays whole whatever is imported later.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from core.allocation import AutoResult, Planned, check, note_flags, plan_payment
from core.ledger import AUTO_REFERENCE, DEFAULT_TERM_DAYS, AtSource, Ledger, SourceState, compute
from core.model import Allocation, Document, Payment, SourceKind
from core.references import quoted_numbers
from core.rules.allocating import Request

# ids of allocations being planned (recorded ones are positive, Microsoft's automatic
# applications count down from -1)
_PLANNED = -(10**12)


@dataclass(frozen=True)
class Facts:
    """What the ledger is computed from."""

    documents: Sequence[Document]
    payments: Sequence[Payment]
    allocations: Sequence[Allocation]
    automatic: frozenset[str] = frozenset()  # credit notes applied by Microsoft's rule
    term_days: int = DEFAULT_TERM_DAYS
    _base: list[Ledger] = field(default_factory=list, compare=False, repr=False)

    def ledger(self, automatic: Iterable[str] | None = None,
               at_source: Mapping[str, AtSource] | None = None) -> Ledger:  # fmt: skip
        return compute(self.documents, self.payments, self.allocations,
                       term_days=self.term_days,
                       automatic=self.automatic if automatic is None else frozenset(automatic),
                       at_source=at_source)  # fmt: skip

    def base(self) -> Ledger:
        """The ledger of every fact, as of now."""
        if not self._base:
            self._base.append(self.ledger())
        return self._base[0]


class _Available(Mapping[str, Decimal]):
    """What a rule may still give each invoice at this point in time."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger

    def __getitem__(self, number: str) -> Decimal:
        return self.ledger.available(number)

    def __iter__(self) -> Iterator[str]:
        return iter(self.ledger.invoices)

    def __len__(self) -> int:
        return len(self.ledger.invoices)


def plan_references(facts: Facts) -> AutoResult:
    """The invoices each payment's reference chooses that it has not chosen yet
    (:func:`core.allocation.plan_payment`), with what they get at the payment's own date: a
    credit note issued after a payment does not take what the payment pays.  An invoice
    quoted that gets nothing at that date is chosen all the same (``chosen``): what it gets
    follows from the history, whatever order the files came in."""
    result = AutoResult()
    by_id = {p.id: p for p in facts.payments}
    known = {d.number for d in facts.documents}
    chosen = {(a.source_id, a.invoice_number) for a in facts.allocations
              if a.method == AUTO_REFERENCE}  # fmt: skip
    ids = itertools.count(_PLANNED, -1)

    def at(ledger: Ledger, src: SourceState) -> list[Allocation]:
        payment = by_id[src.id]
        found = [p for p in plan_payment(ledger, payment, src.remaining, _Available(ledger),
                                         known)
                 if (p.source_id, p.aimed_at) not in chosen]  # fmt: skip
        result.planned.extend(found)
        named = {p.aimed_at for p in found}
        for number, _amount in quoted_numbers(payment, known):
            target = ledger.resolve(number) if number in ledger.invoices else None
            if (target is None or number in named or (src.id, number) in chosen
                    or ledger.invoices[target].document.currency != src.currency):  # fmt: skip
                continue
            named.add(number)
            result.chosen.append(Planned(SourceKind.PAYMENT, src.id, target, Decimal(0), number,
                                         AUTO_REFERENCE, f"quoted {number}"))  # fmt: skip
        return [Allocation(next(ids), p.source_kind, p.source_id, p.aimed_at, p.amount,
                           p.method) for p in found]  # fmt: skip

    ledger = facts.ledger(at_source=dict.fromkeys(by_id, at))
    for state in sorted(ledger.payments.values(), key=lambda s: (s.date, s.id)):
        note_flags(result, state)
    return result


def check_in_time(
    facts: Facts, requests: Sequence[tuple[str, Sequence[Request]]], method: str = "manual"
) -> list[Planned]:
    """Check the clerk's allocations of one or several sources (each seeing what the ones
    before took) against the books as they stand: never more than an invoice owes, nor more
    than a source has left.  A credit note the clerk allocates leaves Microsoft's rule.
    Once recorded, what follows from a rule (a reference, Microsoft's application of a
    credit note) gives way to them whatever the dates, so they stay whole.  All fit, or
    :class:`AllocationRefused` says which does not."""
    in_hand = {source.strip().upper() for source, _ in requests} & facts.automatic
    ledger = facts.ledger(automatic=facts.automatic - in_hand) if in_hand else facts.ledger()
    planned: list[Planned] = []
    for source, asked in requests:  # in the order asked; a source named twice sees itself
        for p in check(ledger, source, asked):
            planned.append(dataclasses.replace(p, method=method))
            ledger.invoices[p.invoice].open -= p.amount
            src = ledger.source(p.source_kind, p.source_id)
            if src is not None:
                src.applied += p.amount
    return planned
