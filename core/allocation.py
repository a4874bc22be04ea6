"""Allocation rules: what may be allocated, and what the automatic rules propose.

Pure functions over a :class:`~core.ledger.Ledger` computed with no "as of"
date (everything known).  The store commits what they return.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from core.i18n import Amount, Money, phrase, say
from core.ledger import AUTO_CREDIT, Ledger, SourceState, newest_open_first
from core.model import Payment, SourceKind
from core.money import MoneyError, money
from core.references import quoted_numbers


class AllocationRefused(ValueError):
    """An allocation the rules do not allow; the message says why."""


@dataclass(frozen=True, slots=True)
class Planned:
    """One allocation to make: ``amount`` of the source to ``invoice``."""

    source_kind: SourceKind
    source_id: str
    invoice: str
    amount: Decimal
    aimed_at: str  # the number the clerk or the payer gave (a voided original, maybe)
    method: str = "manual"
    reason: str = ""


def find_source(ledger: Ledger, source_id: str) -> SourceState:
    """A payment by id or a credit note by number, or refuse."""
    if source_id in ledger.payments:
        return ledger.payments[source_id]
    key = source_id.upper()
    if key in ledger.credits:
        return ledger.credits[key]
    doc = ledger.documents.get(key)
    if doc is not None:
        raise AllocationRefused(
            say(
                "{number} is a {kind}, not a payment or a credit note: it cannot be allocated from",
                number=key,
                kind=phrase(doc.document_type.value.replace("_", " ")),
            )
        )
    raise AllocationRefused(
        say("no payment or credit note '{source}' in this workspace", source=source_id)
    )


def check(
    ledger: Ledger, source_id: str, requests: Sequence[tuple[str, Decimal | str]]
) -> list[Planned]:
    """Validate a manual allocation of one source to one or several invoices.

    Refuses (with :class:`AllocationRefused`) more than the source has left,
    more than an invoice still owes, a different currency, a voided document
    with no rebill, a void note or a credit.  Money aimed at a voided invoice
    lands on its rebill.
    """
    src = find_source(ledger, source_id)
    if not requests:
        raise AllocationRefused(say("name at least one INVOICE=AMOUNT"))
    planned: list[Planned] = []
    owed: dict[str, Decimal] = {}
    left = src.remaining
    for number, raw_amount in requests:
        number = number.strip().upper()
        try:
            amount = money(raw_amount, src.currency)
        except (MoneyError, TypeError) as exc:
            raise AllocationRefused(say("{number}: {why}", number=number, why=str(exc))) from exc
        if amount <= 0:
            raise AllocationRefused(say("{number}: the amount must be positive, got {amount}",
                                        number=number, amount=amount))  # fmt: skip
        inv = ledger.invoices.get(number)
        if inv is None:
            if number in ledger.credits:
                raise AllocationRefused(
                    say("{number} is a credit note, not an invoice", number=number)
                )
            raise AllocationRefused(say("no invoice {number} in this workspace", number=number))
        target = ledger.resolve(number)
        if target is None:
            if inv.status == "void_note":
                raise AllocationRefused(
                    say("{number} is a void note: it does not count", number=number)
                )
            raise AllocationRefused(
                say("{number} is voided and has no rebill yet: it does not count", number=number)
            )
        tinv = ledger.invoices[target]
        if tinv.document.currency != src.currency:
            raise AllocationRefused(
                say(
                    "{source} is in {currency} but {number} is in {other}",
                    source=src.id,
                    currency=src.currency,
                    number=target,
                    other=tinv.document.currency,
                )
            )
        still = owed.get(target, tinv.open)
        if amount > still:
            raise AllocationRefused(
                say(
                    "{number} still owes {owed}; cannot allocate {amount}",
                    number=target,
                    owed=Money(still, src.currency),
                    amount=Amount(amount, src.currency),
                )
            )
        if amount > left:
            raise AllocationRefused(
                say(
                    "{source} has {left} left; cannot allocate {amount} more",
                    source=src.id,
                    left=Money(left, src.currency),
                    amount=Amount(amount, src.currency),
                )
            )
        owed[target] = still - amount
        left -= amount
        reason = f"aimed at {number}, lands on its rebill {target}" if target != number else ""
        planned.append(Planned(src.kind, src.id, target, amount, number, "manual", reason))
    return planned


def plan_credit(ledger: Ledger, credit_number: str) -> list[Planned]:
    """Apply a credit note to the most recent open invoices of its currency (see
    :func:`core.ledger.newest_open_first`)."""
    credit = ledger.credits[credit_number]
    return [
        Planned(SourceKind.CREDIT, credit.id, number, amount, number, AUTO_CREDIT,
                "credit note applied to the most recent open invoice")
        for number, amount in newest_open_first(ledger, credit)
    ]  # fmt: skip


@dataclass(slots=True)
class AutoResult:
    """What auto-allocation proposes, and the payments' flags and notes."""

    planned: list[Planned] = field(default_factory=list)
    # invoices a reference chose that get nothing now (paid by then): recorded all the same,
    # since what they get follows from the history (see core.rules.in_time)
    chosen: list[Planned] = field(default_factory=list)
    flags: dict[str, list[str]] = field(default_factory=dict)  # payment id -> flags
    notes: dict[str, list[str]] = field(default_factory=dict)  # payment id -> notes


REFERENCE_FLAGS = ("currency_mismatch", "unknown_reference", "voided_reference")


def plan_auto(ledger: Ledger, payments: Iterable[Payment]) -> AutoResult:
    """Allocate payments to the invoices they quote, in the order quoted, against one
    ledger (see :func:`core.rules.allocating.plan_references` for the same at each
    payment's place in time).

    Each quoted invoice gets up to what it still owes (and up to the amount a
    structured reference gives for it) while the payment has money left; the
    surplus stays unallocated.  A quoted invoice in another currency is not
    allocated (the ledger flags the payment ``currency_mismatch``).  Nothing
    is allocated on a guess.
    """
    result = AutoResult()
    known = set(ledger.invoices) | set(ledger.credits)
    open_now = {n: i.open for n, i in ledger.invoices.items()}
    for p in sorted(payments, key=lambda p: (p.date or date.min, p.id)):
        state = ledger.payments.get(p.id)
        if state is None:
            continue
        note_flags(result, state)
        for planned in plan_payment(ledger, p, state.remaining, open_now, known):
            result.planned.append(planned)
            open_now[planned.invoice] -= planned.amount
    return result


def note_flags(result: AutoResult, state: SourceState) -> None:
    """The payment's reference flags (and their notes) in ``result``."""
    flags = [f for f in state.flags if f in REFERENCE_FLAGS]
    if flags:
        result.flags[state.id] = flags
        result.notes[state.id] = list(state.notes)


def plan_payment(
    ledger: Ledger, p: Payment, left: Decimal, open_now: Mapping[str, Decimal],
    known: Collection[str],
) -> list[Planned]:  # fmt: skip
    """What one payment with ``left`` to allocate gives the invoices it quotes, each up to
    what it owes (``open_now``) and to the amount its reference names; money aimed at a
    voided invoice lands on its rebill (the allocation names the invoice quoted)."""
    out: list[Planned] = []
    owed: dict[str, Decimal] = {}
    for number, ref_amount in quoted_numbers(p, known):
        if left <= 0:
            break
        target = ledger.resolve(number) if number in ledger.invoices else None
        if target is None or ledger.invoices[target].document.currency != p.currency:
            continue
        amount = min(left, open_now[target] - owed.get(target, Decimal(0)))
        if ref_amount is not None and ref_amount > 0:
            amount = min(amount, ref_amount)
        if amount <= 0:
            continue
        why = f"quoted {number}" + (f", lands on its rebill {target}" if target != number else "")
        out.append(Planned(SourceKind.PAYMENT, p.id, target, amount, number, "auto-reference", why))
        owed[target] = owed.get(target, Decimal(0)) + amount
        left -= amount
    return out
