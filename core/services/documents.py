"""The documents the clerk sends: remittance advice (PDF, Excel, bank text), SEPA pain.001
files, and what to send Microsoft about a payment: the request e-mail (a text, or a draft
``.eml`` with the remittance advice attached) and the support ticket's text."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from core.changes import Change, change
from core.exports import remittance
from core.services.base import Service

if TYPE_CHECKING:  # pragma: no cover
    from core.exports.texts import Letter

FORMATS = ("pdf", "xlsx", "txt")


def printed_iban(iban: str) -> str:
    """An account number as it is printed: in groups of four (it is stored compact)."""
    compact = iban.replace(" ", "")
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


class Documents(Service):
    def parties(self, currency: str) -> tuple[remittance.Party, remittance.Party]:
        """Payer (the partner, from the settings) and payee (Microsoft's account for
        ``currency`` as the clerk recorded it)."""
        get = self.store.setting
        payer = remittance.Party(
            get("company_name", "") or "",
            tuple((get("company_address", "") or "").splitlines()),
            printed_iban(get("company_account", "") or ""),
        )
        payee = remittance.Party(
            get("payee_name", remittance.DEFAULT_PAYEE) or remittance.DEFAULT_PAYEE,
            (),
            printed_iban(get(f"payee_account_{currency}", None) or get("payee_account", "") or ""),
        )
        return payer, payee

    def remittance(self, what: str) -> remittance.Remittance:
        """The remittance advice of a payment (by id) or a planned payment (by reference or
        ``plan:N``)."""
        ledger = self.ws.books.ledger()
        if what in ledger.payments:
            cur = ledger.payments[what].currency
            return remittance.from_payment(what, ledger, *self.parties(cur))
        key = what.lower().removeprefix("plan:").lstrip("#")
        for plan_id, p in self.ws.plans.list().items():
            if str(plan_id) == key or p.reference.lower() == what.lower():
                return remittance.from_plan(p, ledger, *self.parties(p.currency))
        raise remittance.RemittanceError(f"no payment or planned payment '{what}'")

    def save_remittance(self, what: str, fmt: str, path: Path, page: str = "A4") -> Change:
        """Write the remittance advice of a payment or plan as ``fmt`` (pdf, xlsx or txt);
        the lines say where, and the reference to give the bank transfer."""
        rem = self.remittance(what)
        if fmt == "pdf":
            from core.exports.pdf import write_pdf

            write_pdf(rem, path, page="LETTER" if page.upper() == "LETTER" else "A4")
        elif fmt == "xlsx":
            from core.exports.xlsx import write_xlsx

            write_xlsx(rem, path)
        elif fmt == "txt":
            path.write_text(remittance.as_text(rem), encoding="utf-8")
        else:
            raise ValueError(f"format: expected one of {', '.join(FORMATS)}, got '{fmt}'")
        text, fits = rem.bank_text()
        lines = [f"written: {path}", f"bank transfer reference: {text}"]
        if not fits:
            lines.append(
                "the invoice list does not fit 140 characters: send the advice with the payment"
            )
        return change("save-remittance", lines, (), path)

    def save_pain001(self, whats: Sequence[str], path: Path) -> Change:
        """One SEPA credit transfer file (pain.001) for several payments or plans, checked
        against its schema before it is written."""
        from core.exports import pain001

        rems = [self.remittance(w) for w in whats]
        get = self.store.setting
        bics = {r.currency: get(f"payee_bic_{r.currency}", "") or "" for r in rems}
        xml = pain001.build(rems, rems[0].payer, get("company_bic", "") or "", bics)
        path.write_bytes(xml)
        said = f"written: {path} ({len(rems)} transfer(s), checked against {pain001.SCHEMA})"
        return change("save-pain001", said, (), path)

    def letter(self, what: str, payment_id: str, why: str | None = None) -> str:
        """The text to send Microsoft about a payment: ``request`` (apply an unallocated
        payment: to bposcapp@microsoft.com, each invoice with its amount — the clerk's own
        allocation of the payment, else a proposal marked as one) or ``ticket`` (a payment in
        the wrong currency or to the wrong account, for Partner Center's support form)."""
        if what == "request":
            return self._request(payment_id)[0].as_text()
        return self._ticket(payment_id, why)

    def save_letter(self, what: str, payment_id: str, path: Path, why: str | None = None,
                    page: str = "A4") -> Change:  # fmt: skip
        """Write the request or the ticket: ``FILE.eml`` (the request only) is a draft e-mail
        that Outlook and Thunderbird open ready to send — To, Subject, the text and the
        remittance advice PDF attached, ``X-Unsent: 1`` — any other name the text."""
        lines = [f"written: {path}"]
        if what != "request":
            if path.suffix.lower() == ".eml":
                raise ValueError("a ticket goes into Partner Center's support form: write it as "
                                 "text (FILE.txt)")  # fmt: skip
            path.write_text(self._ticket(payment_id, why), encoding="utf-8")
            return change("save-letter", lines, (), path)
        letter, rem = self._request(payment_id)
        if path.suffix.lower() == ".eml":
            lines += self._write_draft(letter, rem, path, page)
        else:
            path.write_text(letter.as_text(), encoding="utf-8")
        if letter.proposal:
            lines.append("the invoices marked (proposed) are a proposal: the payment is not "
                         "(wholly) allocated in our books; check them before sending")  # fmt: skip
        return change("save-letter", lines, (), path)

    def _request(self, payment_id: str) -> tuple[Letter, remittance.Remittance]:
        """The request e-mail of a payment and the remittance advice of what it asks."""
        from core.exports import texts

        read = self.ws.books.payments()
        ledger = self.ws.books.ledger(payments=read)
        if payment_id not in ledger.payments:
            raise ValueError(f"no payment '{payment_id}' in this workspace")
        payment = next(p for p in read if p.id == payment_id)
        state = ledger.payments[payment_id]
        proposal = self.ws.allocations.propose(payment_id) if state.remaining > 0 else []
        lines = texts.request_lines(payment_id, ledger, proposal)
        letter = texts.unallocated_request(payment, lines, self.store.setting("company_name", "")
                                           or "")  # fmt: skip
        cur = payment.currency
        rem = remittance.Remittance(payment.bank_reference or payment_id, payment.date, cur,
                                    payment.amount, *self.parties(cur))  # fmt: skip
        for ln in lines:
            inv = ledger.invoices[ln.invoice]
            rem.lines.append(remittance.RemittanceLine(
                "invoice", ln.invoice, inv.document.date, inv.document.total, ln.amount,
                inv.open - ln.amount if ln.proposed else inv.open))  # fmt: skip
        return letter, rem

    @staticmethod
    def _write_draft(letter: Letter, rem: remittance.Remittance, path: Path,
                     page: str) -> list[str]:  # fmt: skip
        """The draft e-mail, with the remittance advice as a PDF when its lines add up to
        the payment; what to tell the clerk."""
        from email import policy
        from email.message import EmailMessage

        msg = EmailMessage()
        msg["To"] = letter.to
        msg["Subject"] = letter.subject
        msg["X-Unsent"] = "1"  # opened as a draft to send, not as a message received
        msg.set_content(letter.body)
        said = []
        if rem.control_total == rem.amount:
            from core.exports.pdf import write_pdf

            name = f"remittance-advice-{rem.reference}.pdf".replace("/", "-")
            with tempfile.TemporaryDirectory() as tmp:
                pdf = write_pdf(rem, Path(tmp) / "advice.pdf", page=page)
                msg.add_attachment(pdf.read_bytes(), maintype="application", subtype="pdf",
                                   filename=name)  # fmt: skip
            said.append(f"attached: {name} (remittance advice)")
        else:
            said.append(f"no remittance advice attached: the invoices add up to "
                        f"{rem.fmt(rem.control_total)} of the payment's {rem.fmt(rem.amount)} "
                        f"{rem.currency}")  # fmt: skip
        path.write_bytes(msg.as_bytes(policy=policy.SMTP))
        return said

    def _ticket(self, payment_id: str, why: str | None) -> str:
        """The support ticket of a payment in the wrong currency or to the wrong account."""
        from core.exports import texts

        read = self.ws.books.payments()
        ledger = self.ws.books.ledger(payments=read)
        if payment_id not in ledger.payments:
            raise ValueError(f"no payment '{payment_id}' in this workspace")
        company = self.store.setting("company_name", "") or ""
        payment = next(p for p in read if p.id == payment_id)
        if why is None:
            expected = self.ws.settings.rules().payee_accounts.get(payment.currency)
            why = "to the wrong bank account"
            if "currency_mismatch" in ledger.payments[payment_id].flags:
                why = "in the wrong currency"
            elif payment.payee_account and expected:
                why += f" ({payment.payee_account}, not {expected})"
        return texts.wrong_payment_ticket(payment, ledger, company, why)
