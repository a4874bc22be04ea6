"""Planned payments: an invoice in one plan at a time, and what a plan's transfer allocates
once the bank statement shows it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

from core.allocation import AllocationRefused, Planned
from core.i18n import say
from core.ledger import Ledger
from core.model import Payment, SourceKind
from core.planning import Plan, matches


def refuse_planned_twice(
    ledger: Ledger, invoices: Sequence[str], open_plans: Mapping[int, Plan]
) -> None:
    """An invoice (or the rebill its money lands on) is in one open plan at a time."""
    pending = {ln.invoice: p.reference for p in open_plans.values() for ln in p.lines}
    for raw in invoices:
        target = ledger.resolve(raw.strip().upper()) or raw.strip().upper()
        if target in pending:
            raise AllocationRefused(say("{invoice} is already in planned payment {plan}",
                                        invoice=target, plan=pending[target]))  # fmt: skip


def transfer_of(open_plans: Mapping[int, Plan], payment: Payment) -> int | None:
    """The open plan this payment read from the bank is the transfer of, if any."""
    return next((i for i, p in open_plans.items() if matches(p, payment)), None)


def confirmation(plan: Plan, payment_id: str, ledger: Ledger) -> list[Planned]:
    """What a confirmed plan allocates: its credit notes to their invoices, then the
    payment to each invoice for what the credit notes leave of it (money aimed at a voided
    invoice lands on its rebill)."""
    planned = [
        Planned(SourceKind.CREDIT, ln.source, ledger.resolve(ln.invoice) or ln.invoice,
                ln.amount, ln.invoice, "plan")
        for ln in plan.lines if ln.kind != "invoice"
    ]  # fmt: skip
    credited: dict[str, Decimal] = defaultdict(Decimal)
    for ln in plan.lines:
        if ln.kind == "credit":
            credited[ln.invoice] += ln.amount
    for ln in plan.lines:
        if ln.kind == "invoice" and ln.amount - credited[ln.invoice] > 0:
            planned.append(Planned(
                SourceKind.PAYMENT, payment_id, ledger.resolve(ln.invoice) or ln.invoice,
                ln.amount - credited[ln.invoice], ln.invoice, "plan",
            ))  # fmt: skip
    return planned


def credits_in(plans: Iterable[Plan]) -> set[str]:
    """The credit notes these plans net (the clerk took them in hand)."""
    return {ln.source for p in plans for ln in p.lines if ln.kind == "credit"}
