"""Settling an invoice from several sources, and the amounts a clerk is offered for one
source."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from core.allocation import AllocationRefused, find_source
from core.i18n import say
from core.ledger import Ledger
from core.model import Payment
from core.references import quoted_numbers

Request = tuple[str, Decimal | str]


def settle_requests(invoice: str, sources: Sequence[Request]) -> list[tuple[str, list[Request]]]:
    """Settling one invoice from several payments or credit notes (``(source, amount)``), as
    each source's requests: every amount is checked with the others, all or nothing (see
    :func:`core.rules.in_time.check_in_time`)."""
    if not sources:
        raise AllocationRefused(say("{invoice}: name at least one payment or credit note",
                                    invoice=invoice))  # fmt: skip
    by_source: dict[str, list[Request]] = {}
    for source, amount in sources:
        by_source.setdefault(source, []).append((invoice, amount))
    return list(by_source.items())


def propose(ledger: Ledger, source_id: str, payment: Payment | None) -> list[tuple[str, Decimal]]:
    """The open invoices of a source's currency with the amount to offer for each: the
    invoices the payment quotes first (money aimed at a voided invoice goes to its rebill),
    then the oldest due, each up to what it owes while the source has money left."""
    src = find_source(ledger, source_id)
    left = src.remaining
    open_invoices = [
        inv for inv in ledger.invoices.values()
        if inv.counted and inv.open > 0 and inv.document.currency == src.currency
    ]  # fmt: skip
    quoted: list[str] = []
    if payment is not None:
        known = set(ledger.invoices)
        for number, _ in quoted_numbers(payment, known):
            target = ledger.resolve(number) if number in ledger.invoices else None
            if target is not None and target not in quoted:
                quoted.append(target)
    rank = {number: i for i, number in enumerate(quoted)}
    open_invoices.sort(key=lambda i: (rank.get(i.document.number, len(rank)),
                                      i.due_date or date.max, i.document.number))  # fmt: skip
    out = []
    for inv in open_invoices:
        take = max(min(left, inv.open), Decimal(0))
        out.append((inv.document.number, take))
        left -= take
    return out
