"""Texts the clerk pastes into an e-mail or a support ticket (DOMAIN.md)."""

from __future__ import annotations

from decimal import Decimal

from core.ledger import Ledger
from core.model import Payment
from core.money import format_amount


def proposed_allocation(payment_id: str, ledger: Ledger) -> list[tuple[str, Decimal]]:
    """Invoice → amount for an unallocated payment: open invoices of its currency, oldest
    due first, up to what the payment has left (for the clerk to check before sending)."""
    p = ledger.payments[payment_id]
    rows: list[tuple[str, Decimal]] = []
    left = p.remaining
    candidates = sorted(
        (i for i in ledger.invoices.values()
         if i.counted and i.open > 0 and i.document.currency == p.currency),
        key=lambda i: (i.due_date or i.document.date or p.date, i.document.number),
    )  # fmt: skip
    for inv in candidates:
        if left <= 0:
            break
        take = min(left, inv.open)
        rows.append((inv.document.number, take))
        left -= take
    return rows


def unallocated_request(payment_id: str, ledger: Ledger, company: str) -> str:
    """The e-mail asking Microsoft to apply an unallocated payment: every invoice number and
    the amount for each (DOMAIN.md, "Unallocated payments")."""
    p = ledger.payments[payment_id]
    cur = p.currency
    rows = proposed_allocation(payment_id, ledger)
    total = sum((a for _, a in rows), Decimal(0))
    lines = [
        f"Subject: Unallocated payment of {format_amount(p.remaining, cur)} {cur} made on "
        f"{p.date.isoformat()}: please apply it to our invoices",
        "",
        "Hello,",
        "",
        f"Our payment of {format_amount(p.amount, cur)} {cur} made on {p.date.isoformat()} "
        "shows as an unallocated payment in Partner Center. Please apply it as follows:",
        "",
        *(f"  - invoice {number}: {format_amount(a, cur)} {cur}" for number, a in rows),
        "",
        f"Total: {format_amount(total, cur)} {cur}",
    ]
    if total != p.remaining:
        lines.append(
            f"(The remaining {format_amount(p.remaining - total, cur)} {cur} matches no open "
            "invoice yet.)"
        )
    lines += ["", "Thank you,", company]
    return "\n".join(lines) + "\n"


def wrong_payment_ticket(payment: Payment, ledger: Ledger, company: str, why: str) -> str:
    """The support ticket for a payment in the wrong currency or to the wrong account: invoice
    numbers; payment date, amount, currency and bank account used (DOMAIN.md)."""
    state = ledger.payments[payment.id]
    quoted = [n.split(" ")[1] for n in state.notes if n.startswith("quotes ")]
    cur = payment.currency
    lines = [
        f"Subject: Payment made {why}: please re-apply it",
        "",
        "Hello,",
        "",
        f"We made a payment {why}. Please re-apply it as instructed below; the correct payment "
        "is being sent separately.",
        "",
        f"  Invoice number(s): {', '.join(quoted) or 'see the list below'}",
        f"  Payment date:      {payment.date.isoformat()}",
        f"  Amount:            {format_amount(payment.amount, cur)} {cur}",
        f"  Currency:          {cur}",
        f"  Bank account used: {payment.bank_account or '(not recorded)'}",
        f"  Our reference:     {payment.reference}",
        "",
        *(f"  Note: {n}" for n in state.notes),
        "",
        "Thank you,",
        company,
    ]
    return "\n".join(lines) + "\n"
