"""Remittance advice: what a transfer settles, line by line, adding up to the wire amount.

Built from a planned payment (invoices in full, credit notes netted) or from
a payment already allocated.  A document whose lines do not add up to the
wire amount is refused, never produced.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from core.ledger import AppliedAllocation, InvoiceState, Ledger
from core.model import SourceKind
from core.money import format_amount, zero
from core.planning import Plan

BANK_TEXT_MAX = 140  # SEPA RmtInf/Ustrd
DEFAULT_PAYEE = "Microsoft Ireland Operations Ltd"
AUTO_CREDIT = "auto-credit"  # the method of a credit note Microsoft applied by its own rule


class RemittanceError(ValueError):
    """A remittance document that would not tell the truth."""


@dataclass(frozen=True, slots=True)
class Party:
    name: str
    address: tuple[str, ...] = ()
    account: str = ""


@dataclass(frozen=True, slots=True)
class Before:
    """What an invoice had received before this transfer: the earlier payments together
    (``credit_note`` empty), or one credit note, with what it applied to this invoice."""

    amount: Decimal
    credit_note: str = ""
    automatic: bool = False  # applied by Microsoft's rule, not by the clerk

    def said(self, currency: str) -> str:
        figure = format_amount(self.amount, currency) if currency else format(self.amount, "f")
        if not self.credit_note:
            return f"earlier payments ({figure})"
        by = " applied by Microsoft" if self.automatic else ""
        return f"credit note {self.credit_note}{by} ({figure})"


@dataclass(frozen=True, slots=True)
class RemittanceLine:
    kind: str  # "invoice" or "credit"
    invoice: str
    invoice_date: date | None
    invoice_total: Decimal
    amount: Decimal  # paid toward the invoice, or credit netted (positive)
    remaining: Decimal  # what the invoice still owes once this is applied
    credit_note: str = ""
    before: tuple[Before, ...] = ()  # what the invoice had received before this transfer
    currency: str = ""

    @property
    def signed(self) -> Decimal:
        return -self.amount if self.kind == "credit" else self.amount

    @property
    def note(self) -> str:
        """What a reader of the advice needs to know about this line: a credit note applied
        to the invoice before is named, with what it applied to this invoice."""
        if self.kind == "credit":
            return f"credit note {self.credit_note} applied"
        credited = any(b.credit_note for b in self.before)
        after = " and ".join(b.said(self.currency) for b in self.before) if credited else ""
        if self.remaining > 0:
            partial = "partial payment: the rest stays open"
            return f"{partial}; after {after}" if after else partial
        if after:
            return f"balance after {after}"
        if self.amount < self.invoice_total:
            return "balance after earlier payments"
        return ""


@dataclass(slots=True)
class Remittance:
    reference: str
    value_date: date
    currency: str
    amount: Decimal  # the wire amount
    payer: Party
    payee: Party
    lines: list[RemittanceLine] = field(default_factory=list)
    generated: datetime = field(default_factory=lambda: datetime.now().replace(microsecond=0))

    @property
    def control_total(self) -> Decimal:
        return sum((ln.signed for ln in self.lines), zero(self.currency))

    def check(self) -> None:
        if self.control_total != self.amount:
            raise RemittanceError(
                f"the lines add up to {self.fmt(self.control_total)} {self.currency}, the "
                f"transfer is {self.fmt(self.amount)}: allocate the rest of the payment first"
            )

    def fmt(self, amount: Decimal) -> str:
        return format_amount(amount, self.currency)

    def bank_text(self) -> tuple[str, bool]:
        """The transfer's remittance field (140 characters at most) and whether all fits.

        Lists every invoice with its amount (``G000000001 1000.00``); when that
        does not fit, names the reference and the number of invoices and says
        the advice document holds the list — it never cuts a list short.
        """
        parts = [self.reference] + [
            f"{ln.invoice} {self.fmt(ln.amount - self._credited(ln.invoice))}"
            for ln in self.lines
            if ln.kind == "invoice"
        ]
        text = " ".join(parts)
        if len(text) <= BANK_TEXT_MAX:
            return text, True
        n = sum(1 for ln in self.lines if ln.kind == "invoice")
        return f"{self.reference} {n} INVOICES SEE REMITTANCE ADVICE", False

    def _credited(self, invoice: str) -> Decimal:
        return sum(
            (ln.amount for ln in self.lines if ln.kind == "credit" and ln.invoice == invoice),
            zero(self.currency),
        )


def from_plan(plan: Plan, ledger: Ledger, payer: Party, payee: Party) -> Remittance:
    rem = Remittance(plan.reference, plan.date, plan.currency, plan.amount, payer, payee)
    paid: dict[str, Decimal] = {}
    for ln in plan.lines:
        if ln.kind == "invoice":
            paid[ln.invoice] = paid.get(ln.invoice, Decimal(0)) + ln.amount
    confirmed = plan.status == "confirmed"
    for ln in plan.lines:
        inv = ledger.invoices.get(ln.invoice)
        doc = inv.document if inv else None
        remaining = (inv.open - paid.get(ln.invoice, Decimal(0))) if inv else Decimal(0)
        if confirmed and inv is not None:
            remaining = inv.open  # already applied: what is left now
        before: tuple[Before, ...] = ()
        if inv is not None and ln.kind == "invoice":
            netted = {
                c.source for c in plan.lines if c.kind == "credit" and c.invoice == ln.invoice
            }
            before = _before(inv, _money_of(plan.payment_id) if confirmed else None, netted)
        rem.lines.append(
            RemittanceLine(
                kind=ln.kind,
                invoice=ln.invoice,
                invoice_date=doc.date if doc else None,
                invoice_total=doc.total if doc else Decimal(0),
                amount=ln.amount,
                remaining=max(remaining, zero(plan.currency)),
                credit_note=ln.source,
                before=before,
                currency=plan.currency,
            )
        )
    rem.check()
    return rem


def from_payment(payment_id: str, ledger: Ledger, payer: Party, payee: Party,
                 reference: str = "") -> Remittance:  # fmt: skip
    """The advice of a payment already allocated: one line per invoice its money landed on
    (money aimed at a voided original and at its rebill is one line, the rebill's), with
    what the invoice had received before it and what it still owed once it was applied."""
    src = ledger.payments.get(payment_id)
    if src is None:
        raise RemittanceError(f"no payment '{payment_id}' in this workspace")
    rem = Remittance(
        reference or payment_id, src.date or date.today(), src.currency, src.amount, payer, payee
    )
    landed: dict[str, Decimal] = {}
    for a in src.allocations:
        if a.target is not None and a.applied != 0:
            landed[a.target] = landed.get(a.target, zero(src.currency)) + a.applied
    for target, amount in landed.items():
        inv = ledger.invoices[target]
        before = _before(inv, _money_of(payment_id))
        # what the invoice still owed once this transfer was applied (later money aside)
        left = inv.document.total - sum((b.amount for b in before), amount)
        rem.lines.append(
            RemittanceLine(
                kind="invoice",
                invoice=target,
                invoice_date=inv.document.date,
                invoice_total=inv.document.total,
                amount=amount,
                remaining=max(left, zero(src.currency)),
                before=before,
                currency=src.currency,
            )
        )
    rem.check()
    return rem


def _money_of(payment_id: str | None) -> Callable[[AppliedAllocation], bool]:
    """Whether an application to an invoice is this payment's money."""

    def of(r: AppliedAllocation) -> bool:
        a = r.allocation
        return a.source_kind == SourceKind.PAYMENT and a.source_id == payment_id

    return of


def _before(
    inv: InvoiceState,
    transfer: Callable[[AppliedAllocation], bool] | None = None,
    netted: Collection[str] = (),
) -> tuple[Before, ...]:
    """What the invoice had received before the transfer, in the order the ledger applied
    it (up to the transfer's own money, when it is applied): the payments together, then
    each credit note with what it applied to this invoice.  The credit notes the transfer
    itself nets (a confirmed plan's, ``netted``) are its own lines, not earlier money."""
    paid = zero(inv.document.currency)
    credits: dict[tuple[str, bool], Decimal] = {}
    for r in inv.allocations:
        if transfer is not None and transfer(r):
            break
        a = r.allocation
        if r.applied <= 0:
            continue
        if a.source_kind == SourceKind.PAYMENT:
            paid += r.applied
        elif not (a.method == "plan" and a.source_id in netted):
            key = (a.source_id, a.method == AUTO_CREDIT)
            credits[key] = credits.get(key, zero(inv.document.currency)) + r.applied
    said = [Before(paid)] if paid else []
    return (*said, *(Before(amount, n, auto) for (n, auto), amount in credits.items()))


def as_text(rem: Remittance) -> str:
    """The advice as plain text, for an e-mail or a printout with no PDF reader."""
    cur = rem.currency
    width = max([len(ln.invoice) for ln in rem.lines] + [10])
    out = [
        "REMITTANCE ADVICE",
        "",
        f"Reference:   {rem.reference}",
        f"Value date:  {rem.value_date.isoformat()}",
        f"Amount:      {rem.fmt(rem.amount)} {cur}",
        f"From:        {rem.payer.name}" + (f" ({rem.payer.account})" if rem.payer.account else ""),
        *(f"             {line}" for line in rem.payer.address),
        f"To:          {rem.payee.name}" + (f" ({rem.payee.account})" if rem.payee.account else ""),
        "",
        f"{'Invoice':<{width}}  {'Date':<10}  {'Invoice total':>14}  {'Paid now':>14}  "
        f"{'Still open':>14}",
    ]
    for ln in rem.lines:
        note = ln.note
        out.append(
            f"{ln.invoice:<{width}}  {ln.invoice_date.isoformat() if ln.invoice_date else '':<10}"
            f"  {rem.fmt(ln.invoice_total):>14}  {rem.fmt(ln.signed):>14}  "
            f"{rem.fmt(ln.remaining):>14}  {note}".rstrip()
        )
    text, fits = rem.bank_text()
    out += [
        "",
        f"Control total: {rem.fmt(rem.control_total)} {cur} = transfer amount "
        f"{rem.fmt(rem.amount)} {cur}",
        "",
        f"Bank transfer reference ({len(text)}/{BANK_TEXT_MAX}): {text}",
    ]
    if not fits:
        out.append(
            "The invoice list does not fit the transfer's 140 characters: send this advice "
            "with the payment."
        )
    out += ["", f"Generated {rem.generated.isoformat(sep=' ')}"]
    return "\n".join(out) + "\n"
