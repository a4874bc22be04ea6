"""Disputes and SLA credit claims: what makes one valid, and the credit note that settles
one.  The claim's values come back checked; a ValueError says what was expected."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from core.explain import SLA_AVAILABILITY
from core.i18n import phrase, say
from core.money import money


@dataclass(frozen=True)
class Disputed:
    number: str
    position: str  # the line's place in its invoice, or "" for the whole invoice

    @property
    def label(self) -> str:
        return f"{self.number}#{self.position}" if self.position else self.number


def dispute_target(target: str, reason: str) -> Disputed:
    """``G000123456`` or ``G000123456#3``, with a reason."""
    number, _, position = target.strip().upper().partition("#")
    if not reason.strip():
        raise ValueError(say("a dispute needs a reason (what is wrong with the amount)"))
    return Disputed(number, position)


def disputed_amount(amount: str | Decimal, currency: str) -> Decimal:
    value = money(amount, currency)
    if value <= 0:
        raise ValueError(say("disputed amount: expected a positive amount, got {amount}",
                             amount=amount))  # fmt: skip
    return value


def check_line(target: str, d: Disputed, line_count: int) -> None:
    """A disputed line is one the invoice has."""
    if d.position and (not d.position.isdigit() or not 1 <= int(d.position) <= line_count):
        raise ValueError(say("'{target}': {number} has {count} line(s)", target=target,
                             number=d.number, count=line_count))  # fmt: skip


@dataclass(frozen=True)
class SlaClaim:
    service: str
    month: str  # YYYY-MM
    availability: Decimal
    amount: Decimal
    currency: str


def sla_claim(
    service: str, month: str, availability: str | Decimal, amount: str | Decimal, currency: str
) -> SlaClaim:
    """An SLA credit is due for a monthly availability below 99.9 % (Dynamics 365 FAQ)."""
    if not service.strip():
        raise ValueError(say("an SLA claim names the service (e.g. Dynamics 365 Sales)"))
    try:
        first = date.fromisoformat(f"{month.strip()}-01")
    except ValueError:
        raise ValueError(say("month: expected YYYY-MM, got '{month}'", month=month)) from None
    try:
        measured = Decimal(str(availability).strip().rstrip("%").strip().replace(",", "."))
    except ArithmeticError:
        raise ValueError(say("availability: expected a percentage, got '{availability}'",
                             availability=availability)) from None  # fmt: skip
    if not 0 <= measured <= 100:
        raise ValueError(say("availability: expected 0 to 100 %, got {measured}",
                             measured=measured))  # fmt: skip
    if measured >= SLA_AVAILABILITY:
        raise ValueError(say(
            "availability {measured} % is not below the {guaranteed} % the service level "
            "guarantees: no SLA credit is due", measured=measured, guaranteed=SLA_AVAILABILITY,
        ))  # fmt: skip
    currency = currency.strip().upper()
    value = money(amount, currency)
    if value <= 0:
        raise ValueError(say("claimed credit: expected a positive amount, got {amount}",
                             amount=amount))  # fmt: skip
    return SlaClaim(service.strip(), f"{first:%Y-%m}", measured, value, currency)


def check_closing_credit(
    claim_id: int, state: str, claim_currency: str, number: str,
    total: Decimal | None, currency: str | None,
) -> None:  # fmt: skip
    """An open claim is settled by a credit note of its currency (``total`` None: the
    workspace has no such document)."""
    if state != "open":
        raise ValueError(say("claim #{id} is {state} already", id=claim_id,
                             state=phrase(state)))  # fmt: skip
    if not number:
        return
    if total is None:
        raise ValueError(say("no credit note '{number}' in this workspace (import it first)",
                             number=number))  # fmt: skip
    if total >= 0:
        raise ValueError(say("{number} is not a credit (its total is {total})", number=number,
                             total=total))  # fmt: skip
    if currency != claim_currency:
        raise ValueError(say("{number} is in {currency}, the claim in {claimed}", number=number,
                             currency=currency, claimed=claim_currency))  # fmt: skip
