"""OFX bank and card statements (the "Money/Quicken" download French banks offer beside CSV):
OFX 1.x (SGML, the usual ``CHARSET:1252`` file) and 2.x (XML), read with ``ofxtools``.

``FITID``, the bank's id of a transaction, is its natural key: it is the payment's bank
reference, so a statement downloaded again or overlapping an earlier one adds nothing twice
(the same FITID twice in one file is read once).  Dates are the calendar dates the bank wrote,
whatever time zone follows them.  ``LEDGERBAL`` is the balance after the movements: when the
file gives the balance before them (a ``BALLIST/BAL`` named as the opening balance, or the
``LEDGERBAL`` of the same account's previous statement in the file), opening + movements =
ledger balance is checked and a file that does not add up is refused naming the element.
``AVAILBAL`` (what may be spent, pending movements and overdraft included) is not checked.
"""

from __future__ import annotations

import io
import re
import warnings
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

from core.importers.bank import BankEntry, classify
from core.importers.base import ImportOptions, nul_line
from core.model import Extracted, ImportError_, Skipped, Source
from core.money import MoneyError, format_amount, money, normalise_currency

NAME = "OFX bank statement (Money/Quicken download, OFX 1.x SGML and 2.x XML)"
MAX_BYTES = 64 * 1024 * 1024
_MESSAGES = (("BANKMSGSRSV1", "STMTRS"), ("CREDITCARDMSGSRSV1", "CCSTMTRS"))
_OPENING = re.compile(r"open|ouverture|initial|d[ée]but|pr[ée]c[ée]dent|previous|start", re.I)
_CENT = Decimal("0.01")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_UNKNOWN = re.compile(r"While parsing (\S+), encountered unknown tag (\S+);")
_SIGNON = {"SIGNONMSGSRSV1", "SONRS", "STATUS", "FI"}  # the bank's sign-on: not the statement


class OfxRefused(ValueError):
    """One problem at one element."""

    def __init__(self, element: str, message: str) -> None:
        super().__init__(_CONTROL.sub("?", message))  # one line, whatever the file holds
        self.element = _CONTROL.sub("?", element)


@dataclass
class _Statement:
    where: str  # element path of the statement aggregate
    raw: Element
    model: Any
    account: str
    currency: str


def _plain(exc: BaseException) -> str:
    """The library's message on one line, without object text."""
    text = " ".join(_CONTROL.sub(" ", str(exc)).split())
    text = re.sub(r"<class '(?:[\w.]+\.)?(\w+)'>", r"\1", text)  # type reprs
    text = re.sub(r"<[A-Za-z_]+\([^)]*\)>", "", text)  # aggregate reprs
    return (text[:200] + "…") if len(text) > 200 else text or type(exc).__name__


class OfxStatement:
    name = NAME

    def identify(self, path: Path, head: bytes) -> bool:
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n").upper()
        return start.startswith(b"OFXHEADER") or (
            start.startswith(b"<?XML") and b"<?OFX" in head.upper()
        )

    def extract(self, path: Path, display: str, options: ImportOptions) -> Extracted:
        out = Extracted(NAME)
        if path.stat().st_size > MAX_BYTES:
            out.errors.append(ImportError_(Source(display), "too large for an OFX statement"))
            return out
        if (line := nul_line(path)) is not None:
            out.errors.append(ImportError_(Source(display, line), "a NUL byte, expected text (a "
                                           "damaged file?)"))  # fmt: skip
            return out
        try:
            root, ofx = _parse(path)
            statements = _statements(root, ofx)
        except OfxRefused as exc:
            out.errors.append(ImportError_(Source(display, element=exc.element), str(exc)))
            return out
        if not statements:
            out.errors.append(
                ImportError_(Source(display, element="OFX"), "no bank or card statement found")
            )
            return out
        seen: dict[str, str] = {}  # FITID -> where it was read
        ledgers: dict[str, tuple[date, Decimal]] = {}  # account -> last ledger balance
        for st in statements:
            try:
                moved = _movements(st, display, options, out, seen)
                _check_balance(st, moved, ledgers, out)
            except OfxRefused as exc:
                out.errors.append(ImportError_(Source(display, element=exc.element), str(exc)))
        return out


def _parse(path: Path) -> tuple[Element, Any]:
    from ofxtools.Parser import OFXTree
    from ofxtools.Types import String

    with path.open("rb") as fh:
        fh.seek(max(0, path.stat().st_size - 64))
        if not fh.read().rstrip(b"\x00 \t\r\n\x1a").upper().endswith(b"</OFX>"):
            raise OfxRefused("OFX", "the file ends before </OFX>: it is truncated")
    tree = OFXTree()
    try:  # a byte-order mark or blank lines before the header (Windows tools add them)
        root = tree.parse(io.BytesIO(path.read_bytes().lstrip(b"\xef\xbb\xbf \t\r\n")))
    except Exception as exc:  # noqa: BLE001 - header, SGML and encoding errors of every kind
        raise OfxRefused("OFX", f"expected an OFX file: {_plain(exc)}") from None
    # banks write longer names and memos than OFX 1.x allows: kept whole, not refused
    String.strict = False
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            ofx = tree.convert()
        except Exception as exc:  # noqa: BLE001 - the library validates each element its own way
            raise OfxRefused("OFX", f"not a valid OFX statement: {_plain(exc)}") from None
    for w in caught:
        m = _UNKNOWN.search(str(w.message))
        if m and "." not in m.group(2) and m.group(1) not in _SIGNON:
            raise OfxRefused(
                m.group(1), f"an element OFX does not define in {m.group(1)}: {m.group(2)}"
            )
    return root, ofx


def _statements(root: Element, ofx: Any) -> list[_Statement]:
    """The bank and card statements in file order, each with its raw element (for the dates
    as written) and its element path."""
    models = [s for s in ofx.statements if type(s).__name__ in ("STMTRS", "CCSTMTRS")]
    found: list[_Statement] = []
    for msgs_tag, stmt_tag in _MESSAGES:
        msgs = root.find(msgs_tag)
        if msgs is None:
            continue
        for t_no, trnrs in enumerate(list(msgs), start=1):
            raw = trnrs.find(stmt_tag)
            if raw is None:
                continue
            where = f"OFX/{msgs_tag}/{trnrs.tag}[{t_no}]/{stmt_tag}"
            if len(found) >= len(models):
                raise OfxRefused(where, "a statement OFX could not read")
            model = models[len(found)]
            acct = model.account
            account = " ".join(
                str(v) for v in (getattr(acct, "bankid", ""), acct.acctid) if v
            ).strip()
            try:
                currency = normalise_currency(model.curdef)
            except MoneyError as exc:
                raise OfxRefused(f"{where}/CURDEF", str(exc)) from None
            found.append(_Statement(where, raw, model, account, currency))
    return found


def _raw_date(el: Element | None, where: str) -> date:
    text = (el.text or "").strip() if el is not None else ""
    try:
        day = date(int(text[0:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise OfxRefused(where, f"expected a date YYYYMMDD, got '{text}'") from None
    if not 1900 <= day.year <= 2100:
        raise OfxRefused(where, f"expected a date between 1900 and 2100, got '{text}'")
    return day


def _movements(
    st: _Statement, display: str, options: ImportOptions, out: Extracted, seen: dict[str, str]
) -> Decimal:
    """Classify each transaction; return the sum of the movements in the statement's currency."""
    tranlist = st.model.banktranlist
    raw_list = st.raw.find("BANKTRANLIST")
    raws = raw_list.findall("STMTTRN") if raw_list is not None else []
    moved = Decimal(0)
    corrected = {  # FITID -> (REPLACE or DELETE, the correcting FITID)
        str(tx.correctfitid): (str(tx.correctaction or "REPLACE"), str(tx.fitid))
        for tx in tranlist or []
        if tx.correctfitid
    }
    for n, (tx, raw) in enumerate(zip(tranlist or [], raws, strict=True), start=1):
        where = f"{st.where}/BANKTRANLIST/STMTTRN[{n}]"
        currency, rate = st.currency, Decimal(1)
        if tx.currency is not None:
            currency, rate = tx.currency.cursym, Decimal(tx.currency.currate)
        try:
            currency = normalise_currency(currency)
            amount = money(abs(tx.trnamt), currency)
        except (MoneyError, TypeError) as exc:
            raise OfxRefused(f"{where}/TRNAMT", str(exc)) from None
        src = Source(display, element=where)
        fitid = str(tx.fitid or "")
        correction = _correction(tx, fitid, corrected)
        if correction:
            out.entries_read += 1
            out.skipped.append(Skipped(src, f"FITID {fitid}: {correction}, not a payment"))
            continue
        moved += (tx.trnamt * rate).quantize(_CENT)
        if fitid and fitid in seen:
            out.entries_read += 1
            out.skipped.append(
                Skipped(src, f"FITID {fitid} again (as at {seen[fitid]}): read once")
            )
            continue
        seen[fitid] = where
        debit = tx.trnamt < 0
        payee = tx.payee.name if tx.payee is not None else ""
        name = str(payee or tx.name or "").strip()
        memo = str(tx.memo or "").strip()
        to_account = tx.bankacctto.acctid if tx.bankacctto is not None else ""
        classify(
            BankEntry(
                source=src,
                booking_date=_raw_date(raw.find("DTPOSTED"), f"{where}/DTPOSTED"),
                value_date=_raw_date(raw.find("DTAVAIL"), f"{where}/DTAVAIL")
                if raw.find("DTAVAIL") is not None
                else None,
                amount=amount,
                currency=currency,
                debit=debit,
                counterparty=name,
                counterparty_iban=str(to_account or "") if debit else "",
                account=st.account,
                text=memo or name,
                bank_reference=fitid,
            ),
            options,
            out,
        )
    return moved


def _correction(tx: Any, fitid: str, corrected: dict[str, tuple[str, str]]) -> str:
    """Why a movement does not count: replaced or deleted by a correction (``CORRECTFITID``,
    ``CORRECTACTION``) in the statement, or a correction that deletes one; else ""."""
    if fitid in corrected:
        action, by = corrected[fitid]
        return f"{'deleted' if action == 'DELETE' else 'replaced'} by the correction FITID {by}"
    if tx.correctfitid and str(tx.correctaction or "") == "DELETE":
        return f"a correction deleting FITID {tx.correctfitid}"
    return ""


def _opening(st: _Statement) -> tuple[Decimal, str] | None:
    """The balance before the movements when the statement names one (``BALLIST``)."""
    for b_no, bal in enumerate(getattr(st.model, "ballist", None) or [], start=1):
        if _OPENING.search(f"{bal.name} {bal.desc or ''}") and isinstance(bal.value, Decimal):
            return bal.value, f"{st.where}/BALLIST/BAL[{b_no}]"
    return None


def _check_balance(
    st: _Statement, moved: Decimal, ledgers: dict[str, tuple[date, Decimal]], out: Extracted
) -> None:
    ledger = st.model.ledgerbal
    if ledger is None:
        raise OfxRefused(f"{st.where}/LEDGERBAL", "expected the ledger balance, got nothing")
    end = Decimal(ledger.balamt)
    as_of = _raw_date(st.raw.find("LEDGERBAL/DTASOF"), f"{st.where}/LEDGERBAL/DTASOF")
    cur, account = st.currency, st.account
    opening = _opening(st)
    start_raw = st.raw.find("BANKTRANLIST/DTSTART")
    before = ledgers.get(account)
    ledgers[account] = (as_of, end)
    if (
        opening is None
        and before is not None
        and start_raw is not None
        and before[0] <= _raw_date(start_raw, f"{st.where}/BANKTRANLIST/DTSTART")
    ):
        opening = before[1], "the ledger balance of the account's previous statement"
    if opening is None:
        out.checks.append(
            f"account {account}: ledger balance {format_amount(end, cur)} {cur} on {as_of}"
            " (the file gives no opening balance to check the movements against)"
        )
        return
    start, said_by = opening
    if start + moved != end:
        raise OfxRefused(
            f"{st.where}/LEDGERBAL",
            f"opening balance {start} ({said_by}) + movements {moved} = {start + moved}, but "
            f"LEDGERBAL says {end}: the file is incomplete or altered",
        )
    out.checks.append(
        f"account {account}: opening {format_amount(start, cur)} + movements = ledger balance "
        f"{format_amount(end, cur)} {cur} on {as_of}"
    )
