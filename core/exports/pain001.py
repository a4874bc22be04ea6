"""ISO 20022 pain.001.001.03 credit transfers for a batch of planned payments.

The document is built with ``sepaxml`` and checked against the ISO 20022
schema it ships (with ``xmlschema``).  Core SEPA carries one remittance block
per transfer: a planned payment of one invoice gets a structured reference
(``Strd/RfrdDocInf`` with ``CINV`` and the remitted amount); several invoices
get the compact list in ``Ustrd`` (140 characters) and travel with their
remittance advice.

Every text is written in the EPC's SEPA character set (the basic Latin letters and digits,
``/ - ? : ( ) . , ' +`` and space): accents are taken off, a few letters spelled out, and
anything else (a tab, a bidirectional mark, ``< = | @``...) becomes a space; a reference
(``EndToEndId``, an invoice number) neither starts nor ends with ``/`` nor holds ``//``.
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

from core.exports.remittance import Party, Remittance
from core.money import currency_decimals, format_amount

SCHEMA = "pain.001.001.03"
NS = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"


class Pain001Error(ValueError):
    pass


EPC_CHARACTERS = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-?:().,'+ "
)
_SPELLED = str.maketrans({"ß": "ss", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "Ø": "O",
                          "ø": "o", "Đ": "D", "đ": "d", "Ł": "L", "ł": "l", "Þ": "TH",
                          "þ": "th", "&": "+", "_": "-", '"': "'", "€": "EUR", "£": "GBP",
                          "«": "'", "»": "'", "‘": "'", "’": "'", "“": "'", "”": "'",
                          "–": "-", "—": "-"})  # fmt: skip


def epc_text(text: str, limit: int) -> str:
    """``text`` in the EPC's SEPA character set, at most ``limit`` characters."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPELLED))
    kept = "".join(c if c in EPC_CHARACTERS else " " for c in decomposed
                   if not unicodedata.combining(c))  # fmt: skip
    return re.sub(r" {2,}", " ", kept).strip()[:limit].strip()


def epc_reference(text: str, limit: int = 35) -> str:
    """A reference in the EPC set: no space, no ``/`` (nor ``-``) at either end, no ``//``."""
    ref = re.sub(r"/{2,}", "/", epc_text(text, 10 * limit).replace(" ", "-"))
    return ref.strip("/-")[:limit].strip("/-")


def _named(text: str, what: str) -> str:
    name = epc_text(text, 70)
    if not name:
        raise Pain001Error(f"{what} '{text}' has no character SEPA banks accept (basic Latin "
                           "letters and digits): set a name written in Latin letters")  # fmt: skip
    return name


def _minor(rem: Remittance) -> int:
    if currency_decimals(rem.currency) != 2:
        raise Pain001Error(f"{rem.currency}: pain.001 transfers here are for 2-decimal currencies")
    return int(rem.amount.scaleb(2))


def build(remittances: Sequence[Remittance], debtor: Party, debtor_bic: str,
          creditor_bic: dict[str, str]) -> bytes:  # fmt: skip
    """The pain.001 document for ``remittances`` (all from one debtor account)."""
    from sepaxml import SepaTransfer

    if not remittances:
        raise Pain001Error("no planned payment to transfer")
    if not debtor.account:
        raise Pain001Error(
            "the company's IBAN is not set (Preferences: Company IBAN; or "
            "csp-recon set company_account IBAN)"
        )
    currencies = {r.currency for r in remittances}
    if len(currencies) != 1:
        raise Pain001Error("one currency per pain.001 file: export each currency separately")
    currency = currencies.pop()
    if currency != "EUR":  # SEPA (its service level, SLEV charges) is for euros only
        raise Pain001Error(f"{remittances[0].reference} is in {currency}: a pain.001 file here "
                           "holds SEPA credit transfers, in euros only; pay it through your "
                           "bank's own channel with its remittance advice")  # fmt: skip
    twice = sorted({r.reference for r in remittances
                    if sum(o.reference == r.reference for o in remittances) > 1})  # fmt: skip
    if twice:
        raise Pain001Error(f"{', '.join(twice)} named twice: a file pays each planned payment "
                           "once")  # fmt: skip
    config = {
        "name": _named(debtor.name or "Partner", "the company name"),
        "IBAN": debtor.account.replace(" ", ""),
        "BIC": debtor_bic, "batch": False, "currency": currency,
    }  # fmt: skip
    transfer = SepaTransfer(config, schema=SCHEMA, clean=True)
    for rem in remittances:
        if not rem.payee.account:
            raise Pain001Error(
                f"Microsoft's {rem.currency} account is not set (Preferences: Microsoft's "
                f"{rem.currency} account; or csp-recon set payee_account_{rem.currency} IBAN)"
            )
        text, _fits = rem.bank_text()
        transfer.add_payment(
            {
                "name": _named(rem.payee.name, "the payee name"),
                "IBAN": rem.payee.account.replace(" ", ""),
                "BIC": creditor_bic.get(rem.currency, ""),
                "amount": _minor(rem),
                "execution_date": rem.value_date,
                "description": epc_text(text, 140),
                "endtoend_id": epc_reference(rem.reference),
            }
        )
    xml = transfer.export(validate=False)
    xml = _structured_where_it_fits(xml, remittances)
    validate(xml)
    return xml


def _structured_where_it_fits(xml: bytes, remittances: Sequence[Remittance]) -> bytes:
    """One invoice, no credit: the structured reference replaces the free text."""
    ET.register_namespace("", NS)
    root = ET.fromstring(xml)
    # IBAN-only SEPA: an agent with no BIC is "not provided" (debtor) or left out (creditor)
    for parent in root.iter():
        for agent in list(parent):
            tag = agent.tag.rsplit("}", 1)[-1]
            if tag not in ("DbtrAgt", "CdtrAgt"):
                continue
            inst = agent.find(f"{{{NS}}}FinInstnId")
            bic = inst.find(f"{{{NS}}}BIC") if inst is not None else None
            if bic is None or (bic.text or "").strip():
                continue
            if tag == "CdtrAgt":
                parent.remove(agent)
            else:
                inst.remove(bic)
                ET.SubElement(
                    ET.SubElement(inst, f"{{{NS}}}Othr"), f"{{{NS}}}Id"
                ).text = "NOTPROVIDED"
    by_ref = {epc_reference(r.reference): r for r in remittances}
    for tx in root.iter(f"{{{NS}}}CdtTrfTxInf"):
        e2e = tx.find(f"{{{NS}}}PmtId/{{{NS}}}EndToEndId")
        rem = by_ref.get(e2e.text if e2e is not None else "")
        if rem is None or len(rem.lines) != 1 or rem.lines[0].kind != "invoice":
            continue
        rmt = tx.find(f"{{{NS}}}RmtInf")
        for child in list(rmt):
            rmt.remove(child)
        strd = ET.SubElement(rmt, f"{{{NS}}}Strd")
        doc = ET.SubElement(strd, f"{{{NS}}}RfrdDocInf")
        tp = ET.SubElement(ET.SubElement(doc, f"{{{NS}}}Tp"), f"{{{NS}}}CdOrPrtry")
        ET.SubElement(tp, f"{{{NS}}}Cd").text = "CINV"
        ET.SubElement(doc, f"{{{NS}}}Nb").text = epc_reference(rem.lines[0].invoice)
        amt = ET.SubElement(ET.SubElement(strd, f"{{{NS}}}RfrdDocAmt"), f"{{{NS}}}RmtdAmt")
        amt.set("Ccy", rem.currency)
        amt.text = format_amount(rem.lines[0].amount, rem.currency)
    return b'<?xml version="1.0" encoding="UTF-8"?>' + ET.tostring(root, encoding="utf-8")


def validate(xml: bytes) -> None:
    """Check against the ISO 20022 schema; raise :class:`Pain001Error` with the reason."""
    import sepaxml
    import xmlschema

    xsd = Path(sepaxml.__file__).parent / "schemas" / f"{SCHEMA}.xsd"
    schema = xmlschema.XMLSchema(str(xsd))
    errors = list(schema.iter_errors(xml.decode("utf-8")))
    if errors:
        raise Pain001Error(f"the pain.001 file does not match {SCHEMA}: {errors[0].reason}")
