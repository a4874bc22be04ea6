"""The documents the clerk sends: remittance advice (PDF, Excel, bank text), SEPA pain.001
files, and the texts to send Microsoft about a payment."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from core.changes import Change, change
from core.exports import remittance
from core.services.base import Service

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
        payment) or ``ticket`` (a payment in the wrong currency or to the wrong account)."""
        from core.exports import texts

        read = self.ws.books.payments()
        ledger = self.ws.books.ledger(payments=read)
        if payment_id not in ledger.payments:
            raise ValueError(f"no payment '{payment_id}' in this workspace")
        company = self.store.setting("company_name", "") or ""
        if what == "request":
            if ledger.payments[payment_id].remaining <= 0:
                raise ValueError(f"{payment_id} is fully allocated: nothing to request")
            return texts.unallocated_request(payment_id, ledger, company)
        payment = next(p for p in read if p.id == payment_id)
        if why is None:
            expected = self.ws.settings.rules().payee_accounts.get(payment.currency)
            why = "to the wrong bank account"
            if "currency_mismatch" in ledger.payments[payment_id].flags:
                why = "in the wrong currency"
            elif payment.payee_account and expected:
                why += f" ({payment.payee_account}, not {expected})"
        return texts.wrong_payment_ticket(payment, ledger, company, why)
