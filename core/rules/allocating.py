"""Allocations of several sources at once, credit notes applied by Microsoft's rule, and the
amounts a clerk is offered for one source."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence
from datetime import date
from decimal import Decimal

from core.allocation import AllocationRefused, Planned, check, find_source, plan_credit
from core.ledger import Ledger
from core.model import Payment
from core.references import quoted_numbers

Request = tuple[str, Decimal | str]


def check_many(
    ledger: Ledger, requests: Sequence[tuple[str, Sequence[Request]]], method: str = "manual"
) -> list[Planned]:
    """Check the allocations of several sources together, each seeing what the ones before
    it took (of the invoices and of the sources, a source named twice included): all of
    them fit, or :class:`AllocationRefused` says which does not (nothing is to be recorded
    then).  ``ledger`` is left as it was."""
    planned: list[Planned] = []
    try:
        for source, wanted in requests:
            for p in check(ledger, source, wanted):
                planned.append(dataclasses.replace(p, method=method))
                _take(ledger, p, p.amount)  # the next source sees it
    finally:
        for p in planned:
            _take(ledger, p, -p.amount)
    return planned


def _take(ledger: Ledger, p: Planned, amount: Decimal) -> None:
    ledger.invoices[p.invoice].open -= amount
    source = ledger.source(p.source_kind, p.source_id)
    if source is not None:
        source.applied += amount


def check_settle(ledger: Ledger, invoice: str, sources: Sequence[Request]) -> list[Planned]:
    """Settle one invoice from several payments or credit notes (``(source, amount)``):
    every amount fits, or nothing is recorded."""
    if not sources:
        raise AllocationRefused(f"{invoice}: name at least one payment or credit note")
    by_source: dict[str, list[Request]] = {}
    for source, amount in sources:
        by_source.setdefault(source, []).append((invoice, amount))
    return check_many(ledger, list(by_source.items()))


def apply_credits(ledger: Ledger, automatic: Collection[str]) -> list[Planned]:
    """Credit notes still in automatic mode applied to the newest open invoices of their
    currency dated on or before them, oldest credit note first; later credits see what
    earlier ones took.  ``ledger`` is changed as they are applied."""
    planned: list[Planned] = []

    def when(number: str) -> tuple[date, str]:
        credit = ledger.credits.get(number)
        return ((credit.date if credit else None) or date.min, number)

    for number in sorted(automatic, key=when):
        if number not in ledger.credits or ledger.credits[number].remaining <= 0:
            continue
        for p in plan_credit(ledger, number):
            ledger.invoices[p.invoice].open -= p.amount
            ledger.credits[number].applied += p.amount
            planned.append(p)
    return planned


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
