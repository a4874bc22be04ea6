"""What every bank statement format shares: an entry, and whether it is a payment to Microsoft.

A statement lists everything that moved on the account.  Only outgoing
transfers to a configured payee become payments (default: a counterparty or
label containing "Microsoft", or a payee IBAN from the workspace settings);
every other entry is listed as skipped with its reason, never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from core.importers.base import ImportOptions
from core.model import Extracted, Payment, Reference, Skipped, Source
from core.money import format_amount

DEFAULT_PAYEES = ("Microsoft",)


@dataclass(slots=True)
class BankEntry:
    """One movement on a statement (or one transaction of a batch entry)."""

    source: Source
    booking_date: date
    amount: Decimal  # positive; the direction says which way
    currency: str
    debit: bool
    value_date: date | None = None
    counterparty: str = ""
    counterparty_iban: str = ""
    account: str = ""  # our account the statement is for
    text: str = ""  # unstructured remittance text / label
    references: list[Reference] = field(default_factory=list)
    bank_reference: str = ""
    reversal: bool = False
    booked: bool = True


def _norm_iban(text: str) -> str:
    return re.sub(r"\s+", "", text).upper()


def payee_matches(entry: BankEntry, options: ImportOptions) -> bool:
    names = [n.casefold() for n in (*DEFAULT_PAYEES, *options.payees) if n.strip()]
    haystacks = (entry.counterparty.casefold(), entry.text.casefold())
    if any(name in h for name in names for h in haystacks):
        return True
    ibans = {_norm_iban(i) for i in options.payee_ibans}
    return bool(entry.counterparty_iban) and _norm_iban(entry.counterparty_iban) in ibans


def classify(entry: BankEntry, options: ImportOptions, out: Extracted) -> None:
    """Add the entry to ``out`` as a payment, or as skipped with the reason."""
    out.entries_read += 1
    what = (
        f"{entry.booking_date.isoformat()} {'-' if entry.debit else '+'}"
        f"{format_amount(entry.amount, entry.currency)} {entry.currency}"
        + (f" {entry.counterparty}" if entry.counterparty else "")
        + (f" '{entry.text[:60]}'" if entry.text else "")
    )
    reason = None
    if entry.reversal:
        reason = "a reversal (cancelled movement), not a payment"
    elif not entry.booked:
        reason = "not booked yet (pending)"
    elif not entry.debit:
        reason = "money received, not a payment made"
    elif entry.amount <= 0:
        reason = "a zero amount"
    elif not payee_matches(entry, options):
        reason = "a payment to someone other than the configured payees"
    if reason:
        out.skipped.append(Skipped(entry.source, f"{what}: {reason}"))
        return
    out.payments.append(
        Payment(
            id="",
            date=entry.booking_date,
            amount=entry.amount,
            currency=entry.currency,
            reference=entry.text,
            references=tuple(entry.references),
            bank_account=entry.account,
            counterparty=entry.counterparty,
            bank_reference=entry.bank_reference,
            source=entry.source,
            payee_account=_norm_iban(entry.counterparty_iban),
        )
    )
