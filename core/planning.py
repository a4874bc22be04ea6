"""Planned payments: what a transfer will settle, decided before it is made.

The clerk chooses open invoices (and credit notes to net against them); the
rules here say, per currency, how much each invoice gets, how much of each
credit note is netted and what the wire amount is.  When the bank statement
later shows the transfer, :func:`matches` recognises it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from core.allocation import AllocationRefused
from core.ledger import Ledger
from core.model import Payment
from core.money import format_amount, zero
from core.references import quoted_numbers


@dataclass(frozen=True, slots=True)
class PlanLine:
    kind: str  # "invoice": paid by the wire; "credit": a credit note netted against it
    source: str  # the credit note, for a credit line
    invoice: str
    amount: Decimal


@dataclass(slots=True)
class Plan:
    currency: str
    date: date
    lines: list[PlanLine] = field(default_factory=list)
    reference: str = ""
    status: str = "planned"  # planned, confirmed
    payment_id: str | None = None  # the bank's payment, once confirmed

    @property
    def invoiced(self) -> Decimal:
        return sum((ln.amount for ln in self.lines if ln.kind == "invoice"), zero(self.currency))

    @property
    def credited(self) -> Decimal:
        return sum((ln.amount for ln in self.lines if ln.kind == "credit"), zero(self.currency))

    @property
    def amount(self) -> Decimal:
        """The wire amount: what the invoices still owe, less the credits netted."""
        return self.invoiced - self.credited


REFERENCE_MAX = 35  # what a SEPA transfer's end-to-end reference holds


def reference_of(text: str | None) -> str | None:
    """The planned payment's reference as given (None: the default RA-DATE-N), or ValueError
    for one no bank would carry as it is: blank, a control character, over 35 characters."""
    if text is None:
        return None
    ref = text.strip()
    if not ref:
        raise ValueError("a payment reference cannot be blank: leave it out to get RA-DATE-N")
    if any(ord(c) < 32 or 127 <= ord(c) < 160 for c in ref):
        raise ValueError("a payment reference is printable text, without tabs or line breaks")
    if len(ref) > REFERENCE_MAX:
        raise ValueError(f"a payment reference is at most {REFERENCE_MAX} characters (what the "
                         f"bank transfer carries), got {len(ref)}")  # fmt: skip
    return ref


def plan(ledger: Ledger, invoices: Sequence[str], credits: Sequence[str], when: date) -> list[Plan]:
    """One plan per currency settling ``invoices`` in full, net of ``credits``.

    Credit notes are netted against the chosen invoices of their currency,
    newest invoice first, up to what each credit note has left.  Refuses an
    unknown, voided or settled invoice, a credit note in a currency with no
    chosen invoice, and a plan whose credits cover everything (nothing to wire).
    """
    if not invoices:
        raise AllocationRefused("name at least one invoice to pay")
    owed: dict[str, Decimal] = {}
    by_currency: dict[str, list[str]] = {}
    for raw in invoices:
        number = raw.strip().upper()
        if number not in ledger.invoices:
            raise AllocationRefused(f"no invoice {number} in this workspace")
        target = ledger.resolve(number)
        if target is None:
            raise AllocationRefused(f"{number} is voided or a void note: nothing to pay")
        inv = ledger.invoices[target]
        if target in owed:
            continue
        if inv.open <= 0:
            raise AllocationRefused(f"{target} is already settled")
        owed[target] = inv.open
        by_currency.setdefault(inv.document.currency, []).append(target)
    plans = {cur: Plan(cur, when) for cur in by_currency}
    for cur, numbers in by_currency.items():
        for n in numbers:
            plans[cur].lines.append(PlanLine("invoice", "", n, owed[n]))
    for raw in credits:
        number = raw.strip().upper()
        credit = ledger.credits.get(number)
        if credit is None:
            raise AllocationRefused(f"no credit note {number} in this workspace")
        if credit.currency not in plans:
            raise AllocationRefused(
                f"{number} is in {credit.currency}: no invoice of that currency in this plan"
            )
        left = credit.remaining
        if left <= 0:
            raise AllocationRefused(f"{number} has no credit left to apply")
        numbers = sorted(
            by_currency[credit.currency],
            key=lambda n: (ledger.invoices[n].document.date or date.min, n),
            reverse=True,
        )
        for n in numbers:
            take = min(left, owed[n])
            if take > 0:
                plans[credit.currency].lines.append(PlanLine("credit", number, n, take))
                owed[n] -= take
                left -= take
    for p in plans.values():
        if p.amount <= 0:
            raise AllocationRefused(
                f"the credit notes cover the whole {p.currency} plan: allocate them instead "
                "(nothing to wire)"
            )
    return list(plans.values())


MATCH_DAYS_BEFORE = 5
MATCH_DAYS_AFTER = 20


def matches(plan_: Plan, payment: Payment) -> bool:
    """Whether a payment read from the bank is this plan's transfer.

    Same currency and exact amount, booked from a few days before the planned
    date to a few weeks after, quoting the plan's reference or one of its
    invoices (or quoting nothing the plan contradicts).
    """
    if payment.currency != plan_.currency or payment.amount != plan_.amount:
        return False
    if not (
        plan_.date - timedelta(days=MATCH_DAYS_BEFORE)
        <= payment.date
        <= plan_.date + timedelta(days=MATCH_DAYS_AFTER)
    ):
        return False
    text = (payment.reference or "").upper()
    if plan_.reference and plan_.reference.upper() in text:
        return True
    numbers = {ln.invoice for ln in plan_.lines}
    quoted = {n for n, _ in quoted_numbers(payment, numbers)}
    return bool(quoted & numbers) or not quoted


def describe(p: Plan) -> str:
    cur = p.currency
    return (
        f"{p.reference}: {format_amount(p.amount, cur)} {cur} on {p.date.isoformat()} for "
        + ", ".join(
            f"{ln.invoice} {'-' if ln.kind == 'credit' else ''}{format_amount(ln.amount, cur)}"
            for ln in p.lines
        )
    )
