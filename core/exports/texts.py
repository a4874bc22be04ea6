"""Texts the clerk pastes into an e-mail or a support ticket (DOMAIN.md)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from core.ledger import Ledger
from core.model import Payment
from core.money import format_amount

REQUEST_TO = "bposcapp@microsoft.com"  # where Microsoft resolves unallocated payments
PROPOSAL_NOTE = (
    "PROPOSAL TO CHECK BEFORE SENDING: this payment is not (wholly) allocated in our books; the "
    "invoices marked (proposed) are CSP Reconciler's proposal (the invoices the payment quotes, "
    "then the oldest due). Correct them if needed and delete this paragraph."
)


@dataclass(frozen=True)
class Letter:
    """An e-mail to send (``to`` empty: a text for a support form)."""

    to: str
    subject: str
    body: str
    proposal: bool = False  # some invoices and amounts are proposed, for the clerk to check

    def as_text(self) -> str:
        head = f"To: {self.to}\n" if self.to else ""
        return f"{head}Subject: {self.subject}\n\n{self.body}"


@dataclass(frozen=True)
class RequestLine:
    invoice: str
    amount: Decimal
    proposed: bool  # False: the clerk's own allocation of the payment


def request_lines(payment_id: str, ledger: Ledger,
                  proposal: Sequence[tuple[str, Decimal]]) -> list[RequestLine]:  # fmt: skip
    """What to ask Microsoft to apply the payment to: the clerk's own allocation of it (on
    the invoice the money lands on), then ``proposal`` for what it has left."""
    src = ledger.payments[payment_id]
    own: dict[str, Decimal] = {}
    for a in src.allocations:
        if a.target is not None and a.applied > 0:
            own[a.target] = own.get(a.target, Decimal(0)) + a.applied
    out = [RequestLine(n, amount, False) for n, amount in own.items()]
    out += [RequestLine(n, amount, True) for n, amount in proposal if amount > 0]
    return out


def unallocated_request(payment: Payment, lines: Sequence[RequestLine], company: str) -> Letter:
    """The e-mail asking Microsoft to apply an unallocated payment: every invoice number and
    the amount for each, and the payment's date, amount, currency, bank reference and the
    account it came from (DOMAIN.md, "Unallocated payments")."""
    cur = payment.currency
    total = sum((ln.amount for ln in lines), Decimal(0))
    proposal = any(ln.proposed for ln in lines)
    body = [*([PROPOSAL_NOTE, ""] if proposal else []), "Hello,", "",
            f"Our payment of {format_amount(payment.amount, cur)} {cur} made on "
            f"{payment.date.isoformat()} shows as an unallocated payment in Partner Center. "
            "Please apply it as follows:", "",
            *(f"  - invoice {ln.invoice}: {format_amount(ln.amount, cur)} {cur}"
              + (" (proposed)" if ln.proposed else "") for ln in lines), "",
            f"Total: {format_amount(total, cur)} {cur}"]  # fmt: skip
    if total != payment.amount:
        body.append(f"(The remaining {format_amount(payment.amount - total, cur)} {cur} matches "
                    "no open invoice yet.)")  # fmt: skip
    body += ["", "The payment:", *_payment_facts(payment), "", "Thank you,", company]
    subject = (f"Unallocated payment of {format_amount(payment.amount, cur)} {cur} made on "
               f"{payment.date.isoformat()}: please apply it to our invoices")  # fmt: skip
    return Letter(REQUEST_TO, subject, "\n".join(body) + "\n", proposal)


def _payment_facts(payment: Payment) -> list[str]:
    cur = payment.currency
    return [
        f"  Payment date:    {payment.date.isoformat()}",
        f"  Amount:          {format_amount(payment.amount, cur)} {cur}",
        f"  Currency:        {cur}",
        f"  Bank reference:  {payment.bank_reference or '(not recorded)'}",
        f"  From account:    {payment.bank_account or '(not recorded)'}",
        f"  Our reference:   {payment.reference or '(none)'}",
    ]


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
