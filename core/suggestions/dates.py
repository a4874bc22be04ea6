"""When an invoice is due against when the payment was made: order, distance, and what the
dates add to a suggestion's score and reasons."""

from __future__ import annotations

from datetime import date

from core.i18n import Text, say
from core.ledger import InvoiceState, Ledger
from core.suggestions.answers import Suggestion


def due_key(inv: InvoiceState) -> tuple[int, str]:
    due = inv.due_date or inv.document.date
    return (due.toordinal() if due else date.max.toordinal(), inv.document.number)


def after(inv: InvoiceState, day: date | None) -> bool:
    """Issued after the payment (a payment does not settle an invoice not yet written)."""
    return day is not None and inv.document.date is not None and inv.document.date > day


def distance(inv: InvoiceState, day: date | None) -> tuple[int, int]:
    due = inv.due_date
    if day is None or due is None:
        return (10**6, due_key(inv)[0])
    return (abs((due - day).days), due.toordinal())


def date_bonus(inv: InvoiceState, day: date | None) -> int:
    due = inv.due_date
    if day is None or due is None:
        return 0
    days = abs((due - day).days)
    return 8 if days <= 15 else 4 if days <= 45 else 0 if days <= 90 else -15


def date_reasons(inv: InvoiceState, day: date | None) -> list[Text]:
    d, due = inv.document.date, inv.due_date
    if day is None or d is None or due is None:
        return []
    gap = (due - day).days
    when = (
        say("on the payment date") if gap == 0
        else say("{days} day(s) after the payment", days=gap) if gap > 0
        else say("{days} day(s) before the payment", days=-gap)
    )  # fmt: skip
    return [say("issued {issued}, before the payment; due {due}, {when}", issued=d, due=due,
                when=when)]  # fmt: skip


def age(s: Suggestion, ledger: Ledger) -> int:
    """Older invoices first among equal scores."""
    return sum(due_key(ledger.invoices[ln.invoice])[0] for ln in s.lines)
