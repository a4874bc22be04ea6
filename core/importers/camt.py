"""ISO 20022 bank-to-customer statements: camt.053 (statement), camt.052 (report), camt.054
(debit/credit notification), versions .001.02 to .001.08.

Parsed with defusedxml: no DTD, no entity expansion, no external resource.
Namespaces are ignored so every version reads the same way.  An entry with
several transaction details (a batch) gives one movement per transaction.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from core.importers.bank import BankEntry, classify
from core.importers.base import ImportOptions
from core.model import Extracted, ImportError_, Reference, Source
from core.money import MoneyError, money, normalise_currency, parse_decimal

NAME = "ISO 20022 camt.052/053/054 bank statement (XML)"
MAX_BYTES = 256 * 1024 * 1024

_CAMT_RE = re.compile(rb"camt\.05[234]|BkToCstmr(Stmt|DbtCdtNtfctn|AcctRpt)")

_Err = Callable[[str, str], None]  # err(field, message): one error on the entry's element


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(el: Element, name: str) -> list[Element]:
    return [c for c in el if _local(c.tag) == name]


def _child(el: Element | None, *path: str) -> Element | None:
    for name in path:
        if el is None:
            return None
        found = _children(el, name)
        el = found[0] if found else None
    return el


def _first(*els: Element | None) -> Element | None:
    """The first element that exists (an Element without children is falsy: never use `or`)."""
    return next((e for e in els if e is not None), None)


def _text(el: Element | None, *path: str) -> str:
    node = _child(el, *path) if path else el
    return (node.text or "").strip() if node is not None else ""


class CamtStatement:
    name = NAME

    def identify(self, path: Path, head: bytes) -> bool:
        return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") and bool(_CAMT_RE.search(head))

    def extract(self, path: Path, display: str, options: ImportOptions) -> Extracted:
        out = Extracted(NAME)
        if path.stat().st_size > MAX_BYTES:
            out.errors.append(
                ImportError_(Source(display), f"larger than {MAX_BYTES >> 20} MB: not a statement")
            )
            return out
        try:
            root = fromstring(path.read_bytes(), forbid_dtd=True)
        except (ParseError, DefusedXmlException, ValueError) as exc:
            out.errors.append(ImportError_(Source(display), f"expected well-formed XML: {exc}"))
            return out
        body = next(iter(root), None)
        if body is None or _local(body.tag) not in (
            "BkToCstmrStmt",
            "BkToCstmrDbtCdtNtfctn",
            "BkToCstmrAcctRpt",
        ):
            out.errors.append(
                ImportError_(Source(display, element=_local(root.tag)), "expected a camt message")
            )
            return out
        path_base = f"{_local(root.tag)}/{_local(body.tag)}"
        for kind in ("Stmt", "Ntfctn", "Rpt"):
            for s_no, stmt in enumerate(_children(body, kind), start=1):
                account = _text(stmt, "Acct", "Id", "IBAN") or _text(
                    stmt, "Acct", "Id", "Othr", "Id"
                )
                for n_no, ntry in enumerate(_children(stmt, "Ntry"), start=1):
                    where = f"{path_base}/{kind}[{s_no}]/Ntry[{n_no}]"
                    _entry(ntry, where, account, display, options, out)
        return out


def _date(el: Element | None) -> date | None:
    raw = _text(el, "Dt") or _text(el, "DtTm")
    return date.fromisoformat(raw[:10]) if raw else None


def _entry(
    ntry: Element, where: str, account: str, display: str, options: ImportOptions, out: Extracted
) -> None:
    def err(field: str, message: str) -> None:
        out.errors.append(ImportError_(Source(display, element=f"{where}/{field}"), message))

    amount_currency = _entry_amount(ntry, err)
    if amount_currency is None:
        return
    amount, currency = amount_currency
    ind = _text(ntry, "CdtDbtInd")
    if ind not in ("DBIT", "CRDT"):
        err("CdtDbtInd", f"expected DBIT or CRDT, got '{ind}'")
        return
    dates = _entry_dates(ntry, err)
    if dates is None:
        return
    booked_on, value_on = dates
    status = _text(ntry, "Sts") or _text(ntry, "Sts", "Cd") or "BOOK"
    reversal = _text(ntry, "RvslInd").lower() in ("true", "1")
    entry_ref = _text(ntry, "AcctSvcrRef")
    txs = [tx for d in _children(ntry, "NtryDtls") for tx in _children(d, "TxDtls")]
    if not txs:
        txs = [None]  # an entry without details: the entry is the movement
    for t_no, tx in enumerate(txs, start=1):
        tx_where = where + (f"/NtryDtls/TxDtls[{t_no}]" if tx is not None and len(txs) > 1 else "")
        tx_amount, tx_currency = amount, currency
        if tx is not None and len(txs) > 1:
            found = _transaction_amount(tx, t_no, err)
            if found is None:
                return
            tx_amount, tx_currency = found
        debit = ind == "DBIT"
        if tx is not None and _text(tx, "CdtDbtInd") in ("DBIT", "CRDT"):
            debit = _text(tx, "CdtDbtInd") == "DBIT"
        name, iban = _counterparty(tx, debit)
        remittance = _remittance(tx, tx_currency, err)
        if remittance is None:
            return
        texts, refs = remittance
        classify(
            BankEntry(
                source=Source(display, element=tx_where),
                booking_date=booked_on,
                value_date=value_on,
                amount=tx_amount,
                currency=tx_currency,
                debit=debit,
                counterparty=name,
                counterparty_iban=iban,
                account=account,
                text=" ".join(t for t in texts if t),
                references=refs,
                bank_reference=_bank_reference(tx, entry_ref, t_no, len(txs)),
                reversal=reversal,
                booked=status.upper() in ("BOOK", "BOOKED"),
            ),
            options,
            out,
        )


def _entry_amount(ntry: Element, err: _Err) -> tuple[Decimal, str] | None:
    """The entry's amount and currency; None (with the error said) when unreadable."""
    amt_el = _child(ntry, "Amt")
    try:
        currency = normalise_currency(amt_el.get("Ccy") if amt_el is not None else None)
        amount = money(parse_decimal(_text(amt_el)), currency)
    except (MoneyError, TypeError) as exc:
        err("Amt", str(exc))
        return None
    return amount, currency


def _entry_dates(ntry: Element, err: _Err) -> tuple[date, date | None] | None:
    """The booking date (else the value date) and the value date; None (with the error said)
    when a date is unreadable or both are missing."""
    try:
        booked_on = _date(_child(ntry, "BookgDt")) or _date(_child(ntry, "ValDt"))
        value_on = _date(_child(ntry, "ValDt"))
    except ValueError as exc:
        err("BookgDt", f"expected a date: {exc}")
        return None
    if booked_on is None:
        err("BookgDt", "expected a booking or value date, got nothing")
        return None
    return booked_on, value_on


def _transaction_amount(tx: Element, t_no: int, err: _Err) -> tuple[Decimal, str] | None:
    """One transaction's amount and currency in a batch; None (with the error said)."""
    tx_amt = _first(_child(tx, "AmtDtls", "TxAmt", "Amt"), _child(tx, "Amt"))
    if tx_amt is None:
        err(f"NtryDtls/TxDtls[{t_no}]/Amt", "expected the amount of each transaction")
        return None
    try:
        tx_currency = normalise_currency(tx_amt.get("Ccy"))
        tx_amount = money(parse_decimal(_text(tx_amt)), tx_currency)
    except (MoneyError, TypeError) as exc:
        err(f"NtryDtls/TxDtls[{t_no}]/Amt", str(exc))
        return None
    return tx_amount, tx_currency


def _counterparty(tx: Element | None, debit: bool) -> tuple[str, str]:
    """The other party's name and IBAN: the creditor of a debit, the debtor of a credit."""
    parties = _child(tx, "RltdPties")
    other = "Cdtr" if debit else "Dbtr"
    name = _text(parties, other, "Nm") or _text(parties, other, "Pty", "Nm")
    iban = _text(parties, f"{other}Acct", "Id", "IBAN")
    return name, iban


def _remittance(
    tx: Element | None, tx_currency: str, err: _Err
) -> tuple[list[str], list[Reference]] | None:
    """The remittance texts and the referred documents (with their amount when the structured
    part names one document); None (with the error said) when an amount is unreadable."""
    rmt = _child(tx, "RmtInf")
    texts = [_text(u) for u in _children(rmt, "Ustrd")] if rmt is not None else []
    refs: list[Reference] = []
    for strd in _children(rmt, "Strd") if rmt is not None else []:
        for doc in _children(strd, "RfrdDocInf"):
            number = _text(doc, "Nb")
            if not number:
                continue
            rmtd = _first(
                _child(strd, "RfrdDocAmt", "RmtdAmt"), _child(doc, "RfrdDocAmt", "RmtdAmt")
            )
            ref_amount = None
            if rmtd is not None and len(_children(strd, "RfrdDocInf")) == 1:
                try:
                    ref_amount = money(parse_decimal(_text(rmtd)), tx_currency)
                except MoneyError as exc:
                    err("RmtInf/Strd/RfrdDocAmt/RmtdAmt", str(exc))
                    return None
            refs.append(Reference(number.upper(), ref_amount))
        for extra in _children(strd, "AddtlRmtInf"):
            texts.append(_text(extra))
    return texts, refs


def _bank_reference(tx: Element | None, entry_ref: str, t_no: int, count: int) -> str:
    """The bank's reference of a transaction: its own, else its end-to-end id, else the
    entry's (numbered within a batch)."""
    tx_ref = (
        _text(tx, "Refs", "AcctSvcrRef")
        or _text(tx, "Refs", "EndToEndId")
        or (entry_ref + (f"/{t_no}" if count > 1 else ""))
    )
    if tx_ref == "NOTPROVIDED":
        tx_ref = entry_ref
    return tx_ref
