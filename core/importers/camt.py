"""ISO 20022 bank-to-customer statements: camt.053 (statement), camt.052 (report), camt.054
(debit/credit notification), versions .001.02 to .001.13.

Parsed with defusedxml: no DTD, no entity expansion, no external resource.
Namespaces are ignored so every version reads the same way; a camt namespace of
another version is refused by name.  An entry with several transaction details
(a batch) gives one movement per transaction, whose amounts in the entry's
currency must add up to the entry; a batch whose details carry no amounts is
one movement of the entry's amount with every detail's references.  A
statement's opening (``OPBD``, else ``PRCD``) and closing (``CLBD``) balances
are checked against its booked entries.  Amounts are unsigned (the direction
is ``CdtDbtInd``): a signed amount is refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from core.importers.bank import BankEntry, classify
from core.importers.base import ImportOptions, too_long
from core.model import Extracted, ImportError_, Reference, Source
from core.money import MoneyError, format_amount, money, normalise_currency, parse_decimal

NAME = "ISO 20022 camt.052/053/054 bank statement (XML)"
MAX_BYTES = 256 * 1024 * 1024
VERSIONS = range(2, 14)  # .001.02 to .001.13

_CAMT_RE = re.compile(rb"camt\.05[234]|BkToCstmr(Stmt|DbtCdtNtfctn|AcctRpt)")
_VERSION_RE = re.compile(r"camt\.05[234]\.001\.(\d+)")
_BODIES = ("BkToCstmrStmt", "BkToCstmrDbtCdtNtfctn", "BkToCstmrAcctRpt")
# where a transaction detail states its own amount, the first in the entry's currency counts
_TX_AMOUNTS = (("Amt",), ("AmtDtls", "TxAmt", "Amt"), ("AmtDtls", "CntrValAmt", "Amt"),
               ("AmtDtls", "InstdAmt", "Amt"))  # fmt: skip

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


def _signed_text(amount: Decimal, currency: str) -> str:
    return f"{'-' if amount < 0 else '+'}{format_amount(abs(amount), currency)} {currency}"


def _version_refused(root: Element) -> str | None:
    """What to say of a camt message in a version this reader does not know."""
    namespace = root.tag[1:].split("}", 1)[0] if root.tag.startswith("{") else ""
    found = _VERSION_RE.search(namespace)
    if found is None or int(found.group(1)) in VERSIONS:
        return None
    return (f"{found.group(0)} is not a version CSP Reconciler reads (camt.052, camt.053 and "
            f"camt.054 versions .001.{VERSIONS[0]:02d} to .001.{VERSIONS[-1]:02d})")  # fmt: skip


def _amount(el: Element | None, currency: str | None = None) -> tuple[Decimal, str]:
    """An unsigned ISO 20022 amount and its currency (``currency`` when the element names
    none); raises MoneyError (or TypeError) with what is wrong."""
    raw = _text(el)
    value = parse_decimal(raw)
    if value < 0:
        raise MoneyError(
            f"expected an amount without a sign (ISO 20022 amounts are unsigned, CdtDbtInd "
            f"gives the direction), got '{raw}'"
        )
    ccy = normalise_currency((el.get("Ccy") if el is not None else None) or currency)
    return money(value, ccy), ccy


@dataclass
class _Statement:
    """What a statement's balances are checked against: its booked entries."""

    where: str
    account: str
    booked: list[tuple[str, Decimal, str]] = field(default_factory=list)  # where, signed, ccy
    failed: bool = False


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
        except (ParseError, DefusedXmlException, ValueError, LookupError) as exc:
            out.errors.append(ImportError_(Source(display), f"expected well-formed XML: {exc}"))
            return out
        refused = _version_refused(root)
        if refused:
            out.errors.append(ImportError_(Source(display, element=_local(root.tag)), refused))
            return out
        body = next(iter(root), None)
        if body is None or _local(body.tag) not in _BODIES:
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
                st = _Statement(f"{path_base}/{kind}[{s_no}]", account)
                for n_no, ntry in enumerate(_children(stmt, "Ntry"), start=1):
                    _entry(ntry, f"{st.where}/Ntry[{n_no}]", st, display, options, out)
                if not st.failed:
                    _check_balances(stmt, st, display, out)
        return out


_Balance = tuple[str, Decimal, str, str]  # element, signed amount, currency, type code


def _balances(stmt: Element, err: _Err) -> dict[str, _Balance]:
    """The statement's booked balances by type code: the first opening, the last closing."""
    found: dict[str, _Balance] = {}
    for b_no, bal in enumerate(_children(stmt, "Bal"), start=1):
        code = _text(bal, "Tp", "CdOrPrtry", "Cd") or _text(bal, "Tp", "CdOrPrtry", "Prtry")
        if code.upper() not in ("OPBD", "PRCD", "CLBD"):
            continue
        try:
            amount, ccy = _amount(_child(bal, "Amt"))
        except (MoneyError, TypeError) as exc:
            err(f"Bal[{b_no}]/Amt", str(exc))
            continue
        ind = _text(bal, "CdtDbtInd")
        if ind not in ("DBIT", "CRDT"):
            err(f"Bal[{b_no}]/CdtDbtInd", f"expected DBIT or CRDT, got '{ind}'")
            continue
        signed = -amount if ind == "DBIT" else amount
        if code.upper() == "CLBD" or code.upper() not in found:
            found[code.upper()] = (f"Bal[{b_no}]", signed, ccy, code.upper())
    return found


def _check_balances(stmt: Element, st: _Statement, display: str, out: Extracted) -> None:
    """Opening balance + booked entries = closing balance, else the closing balance's element
    is named; a statement without both balances is not checked."""

    def err(element: str, message: str) -> None:
        out.errors.append(ImportError_(Source(display, element=f"{st.where}/{element}"), message))

    found = _balances(stmt, err)
    opening = found.get("OPBD") or found.get("PRCD")
    closing = found.get("CLBD")
    if opening is None or closing is None:
        return
    (o_el, o_amount, ccy, o_code), (c_el, c_amount, c_ccy, _c) = opening, closing
    if c_ccy != ccy:
        err(f"{c_el}/Amt", f"the closing balance is in {c_ccy}, the opening balance in {ccy}")
        return
    for where, _signed, e_ccy in st.booked:
        if e_ccy != ccy:
            out.errors.append(ImportError_(
                Source(display, element=f"{where}/Amt"),
                f"an entry in {e_ccy} on a statement whose balances are in {ccy}",
            ))  # fmt: skip
            return
    moved = sum((s for _w, s, _c in st.booked), Decimal(0))
    n = len(st.booked)
    entries = f"{n} booked {'entry' if n == 1 else 'entries'}"
    if o_amount + moved != c_amount:
        err(c_el, (
            f"opening balance {o_code} ({o_el}) {format_amount(o_amount, ccy)} + {entries} "
            f"{format_amount(moved, ccy)} = {format_amount(o_amount + moved, ccy)} {ccy}, but the "
            f"closing balance CLBD says {format_amount(c_amount, ccy)}: the statement is "
            "incomplete or altered"))  # fmt: skip
        return
    out.checks.append(
        f"account {st.account}: opening {format_amount(o_amount, ccy)} + {entries} = closing "
        f"{format_amount(c_amount, ccy)} {ccy}"
    )


def _date(el: Element | None) -> date | None:
    raw = _text(el, "Dt") or _text(el, "DtTm")
    if not raw:
        return None
    day = date.fromisoformat(raw[:10])
    if not 1900 <= day.year <= 2100:
        raise ValueError(f"'{raw}' is not a year between 1900 and 2100")
    return day


@dataclass
class _Movement:
    """What one entry, or one transaction of a batch, moved."""

    txs: list[Element]  # the transaction details it describes (all of them when they have
    where: str  # no amounts of their own)
    amount: Decimal
    currency: str
    debit: bool
    t_no: int = 1


def _entry(
    ntry: Element, where: str, st: _Statement, display: str, options: ImportOptions,
    out: Extracted,
) -> None:  # fmt: skip
    def err(field_: str, message: str) -> None:
        element = f"{where}/{field_}" if field_ else where
        out.errors.append(ImportError_(Source(display, element=element), message))
        st.failed = True

    try:
        amount, currency = _amount(_child(ntry, "Amt"))
    except (MoneyError, TypeError) as exc:
        err("Amt", str(exc))
        return
    ind = _text(ntry, "CdtDbtInd")
    if ind not in ("DBIT", "CRDT"):
        err("CdtDbtInd", f"expected DBIT or CRDT, got '{ind}'")
        return
    dates = _entry_dates(ntry, err)
    if dates is None:
        return
    booked_on, value_on = dates
    status = _text(ntry, "Sts") or _text(ntry, "Sts", "Cd") or "BOOK"
    booked = status.upper() in ("BOOK", "BOOKED")
    if booked:
        st.booked.append((where, -amount if ind == "DBIT" else amount, currency))
    reversal = _text(ntry, "RvslInd").lower() in ("true", "1")
    entry_ref = _text(ntry, "AcctSvcrRef")
    txs = [tx for d in _children(ntry, "NtryDtls") for tx in _children(d, "TxDtls")]
    movements = _movements(txs, where, amount, currency, ind == "DBIT", err)
    for m in movements or []:
        parties = [_counterparty(tx, m.debit) for tx in m.txs] or [("", "")]
        texts: list[str] = []
        refs: list[Reference] = []
        for tx in m.txs or [None]:
            remittance = _remittance(tx, m.currency, err)
            if remittance is None:
                return
            texts += remittance[0]
            refs += remittance[1]
        names = list(dict.fromkeys(n for n, _i in parties if n))
        classify(
            BankEntry(
                source=Source(display, element=m.where),
                booking_date=booked_on,
                value_date=value_on,
                amount=m.amount,
                currency=m.currency,
                debit=m.debit,
                counterparty=" / ".join(names),
                counterparty_iban=next((i for _n, i in parties if i), ""),
                account=st.account,
                text=" ".join(t for t in texts if t),
                references=refs,
                bank_reference=(entry_ref if len(m.txs) > 1 and entry_ref else "")
                or _bank_reference(
                    m.txs[0] if m.txs else None, entry_ref, m.t_no, len(movements or [])
                ),
                reversal=reversal,
                booked=booked,
            ),
            options,
            out,
        )


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


def _movements(
    txs: list[Element], where: str, amount: Decimal, currency: str, debit: bool, err: _Err
) -> list[_Movement] | None:
    """What an entry moved: itself (no details, one detail, or details without amounts of
    their own: all their references go with the entry's amount), else one movement per
    detail of a batch, whose signed amounts in the entry's currency add up to the entry's;
    None (with the error said) when they do not."""
    stated = [[el for p in _TX_AMOUNTS if (el := _child(tx, *p)) is not None] for tx in txs]
    if len(txs) <= 1 or not any(stated):
        return [_Movement(txs, where, amount, currency, debit)]
    out: list[_Movement] = []
    totals: dict[str, Decimal] = {}
    for t_no, (tx, els) in enumerate(zip(txs, stated, strict=True), start=1):
        tx_where = f"{where}/NtryDtls/TxDtls[{t_no}]"
        if not els:
            err(f"NtryDtls/TxDtls[{t_no}]/Amt",
                "expected the amount of each transaction (the others state one)")  # fmt: skip
            return None
        tx_ind = _text(tx, "CdtDbtInd")
        tx_debit = tx_ind == "DBIT" if tx_ind in ("DBIT", "CRDT") else debit
        try:
            amounts = [_amount(el, currency) for el in els]
        except (MoneyError, TypeError) as exc:
            err(f"NtryDtls/TxDtls[{t_no}]/Amt", str(exc))
            return None
        tx_amount, tx_ccy = next((a for a in amounts if a[1] == currency), amounts[0])
        totals[tx_ccy] = totals.get(tx_ccy, Decimal(0)) + (-tx_amount if tx_debit else tx_amount)
        out.append(_Movement([tx], tx_where, tx_amount, tx_ccy, tx_debit, t_no))
    signed = -amount if debit else amount
    if set(totals) != {currency} or totals[currency] != signed:
        added = ", ".join(_signed_text(v, c) for c, v in totals.items())
        err("", f"the entry is {_signed_text(signed, currency)} but its {len(txs)} transaction "
                f"details add up to {added}: a batch's details must add up to the entry in "
                f"{currency}")  # fmt: skip
        return None
    return out


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
            if too_long(number):  # no document number (ISO's is 35 at most): a text, kept
                texts.append(number)
                continue
            rmtd = _first(
                _child(strd, "RfrdDocAmt", "RmtdAmt"), _child(doc, "RfrdDocAmt", "RmtdAmt")
            )
            ref_amount = None
            if rmtd is not None and len(_children(strd, "RfrdDocInf")) == 1:
                try:
                    ref_amount = money(_amount(rmtd, tx_currency)[0], tx_currency)
                except (MoneyError, TypeError) as exc:
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
