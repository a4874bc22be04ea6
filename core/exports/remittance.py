"""Remittance advice: what a transfer settles, line by line, adding up to the wire amount.

Built from a planned payment (invoices in full, credit notes netted) or from
a payment already allocated.  A document whose lines do not add up to the
wire amount is refused, never produced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from core.ledger import Ledger
from core.money import format_amount, zero
from core.planning import Plan

BANK_TEXT_MAX = 140  # SEPA RmtInf/Ustrd
DEFAULT_PAYEE = "Microsoft Ireland Operations Ltd"


class RemittanceError(ValueError):
    """A remittance document that would not tell the truth."""


@dataclass(frozen=True, slots=True)
class Party:
    name: str
    address: tuple[str, ...] = ()
    account: str = ""


@dataclass(frozen=True, slots=True)
class RemittanceLine:
    kind: str  # "invoice" or "credit"
    invoice: str
    invoice_date: date | None
    invoice_total: Decimal
    amount: Decimal  # paid toward the invoice, or credit netted (positive)
    remaining: Decimal  # what the invoice still owes once this is applied
    credit_note: str = ""

    @property
    def signed(self) -> Decimal:
        return -self.amount if self.kind == "credit" else self.amount

    @property
    def note(self) -> str:
        """What a reader of the advice needs to know about this line."""
        if self.kind == "credit":
            return f"credit note {self.credit_note} applied"
        if self.remaining > 0:
            return "partial payment: the rest stays open"
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
    for ln in plan.lines:
        inv = ledger.invoices.get(ln.invoice)
        doc = inv.document if inv else None
        remaining = (inv.open - paid.get(ln.invoice, Decimal(0))) if inv else Decimal(0)
        if plan.status == "confirmed" and inv is not None:
            remaining = inv.open  # already applied: what is left now
        rem.lines.append(
            RemittanceLine(
                kind=ln.kind,
                invoice=ln.invoice,
                invoice_date=doc.date if doc else None,
                invoice_total=doc.total if doc else Decimal(0),
                amount=ln.amount,
                remaining=max(remaining, zero(plan.currency)),
                credit_note=ln.source,
            )
        )
    rem.check()
    return rem


def from_payment(payment_id: str, ledger: Ledger, payer: Party, payee: Party,
                 reference: str = "") -> Remittance:  # fmt: skip
    src = ledger.payments.get(payment_id)
    if src is None:
        raise RemittanceError(f"no payment '{payment_id}' in this workspace")
    rem = Remittance(
        reference or payment_id, src.date or date.today(), src.currency, src.amount, payer, payee
    )
    for a in src.allocations:
        if a.target is None or a.applied == 0:
            continue
        inv = ledger.invoices[a.target]
        rem.lines.append(
            RemittanceLine(
                kind="invoice",
                invoice=a.target,
                invoice_date=inv.document.date,
                invoice_total=inv.document.total,
                amount=a.applied,
                remaining=inv.open,
            )
        )
    rem.check()
    return rem


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
