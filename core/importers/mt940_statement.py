"""SWIFT MT940 customer statements, read with the ``mt-940`` library.

The file is first cut into its fields here (each ``:TAG:`` with its continuation lines and
line number), so that what the library reads is laid out the way SWIFT defines it and every
problem is named by its line:

* a statement starts at ``:20:``; a statement sent twice in one file (same ``:20:``,
  ``:28C:`` and entries) is read once;
* each page is checked: opening (``:60F:`` or the intermediate ``:60M:``) + movements =
  closing (``:62F:`` or ``:62M:``), and a page that opens with ``:60M:`` must open with what
  the page before it closed with; a statement without its closing balance is truncated;
* reversals: ``RC`` (reversal of a credit) is a debit, ``RD`` a credit;
* a ``:61:`` whose supplementary details run over more than one line (banks that put the
  counterparty's account and name there) and a ``:28C:`` split over two lines are read;
* ``:86:`` lines are joined the way the bank split them: a line at the full width of 65
  characters was cut wherever the width ran out, so the next one follows it directly
  (``MICROSOFT IRE`` + ``LAND``); a shorter line ended where the bank chose, so a space
  separates it from the next; structured ``?NN`` sub-fields follow each other directly.

The ``:86:`` information is kept as the remittance text; ``/BENM/`` or ``/NAME/`` (debits)
and ``/ORDP/`` (credits) sub-fields, else the supplementary details of the ``:61:``, give the
counterparty.  A structured German ``:86:`` (``?20``-``?29`` purpose, ``?31`` IBAN, ``?32``/``?33``
name, as Sparkassen and other German banks write it) is read by the library's own processor.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from typing import Any

import mt940

from core.importers.bank import BankEntry, classify
from core.importers.base import ImportOptions
from core.importers.tabular import decode
from core.model import Extracted, ImportError_, Skipped, Source
from core.money import MoneyError, format_amount, money, normalise_currency

NAME = "SWIFT MT940 bank statement"
MAX_BYTES = 128 * 1024 * 1024
WIDTH = 65  # characters of a :86: line (6*65x)
_SUBFIELD = re.compile(r"/(BENM|NAME|ORDP|REMI)/([^/]*)")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")  # shown escaped: one line
_TAG = re.compile(r":(\d{2}[A-Z]?|NS):")
# value date, [entry date], mark, [funds code], amount with its decimal comma, transaction type
_LINE61 = re.compile(r"\d{6}(\d{4}|\s{4})?R?[DC][A-Z]?\s?\d[\d]*,\d*[A-Z][A-Z0-9]{3}", re.I)
_OPTIONS = mt940.Options(
    reversal_sign=True, case_insensitive_marks=True, unbounded_details=True, applicant_iban=True
)
_BALANCE = "D or C, a date YYMMDD, a currency and an amount (C260301EUR1000,00)"
_EXPECTED = {
    "20": "a reference of at most 16 characters",
    "25": "an account of at most 35 characters",
    "28": "a statement number and a page number (00042/001)",
    "60": _BALANCE,
    "62": _BALANCE,
    "64": _BALANCE,
    "65": _BALANCE,
    "61": "a value date YYMMDD, an entry date MMDD, D, C, RD or RC, an amount and a "
    "transaction type (2603100310D1000,00NTRFNONREF)",
}

# The library logs every field it cannot match, with its patterns: a refusal here is one line.
logging.getLogger("mt940").setLevel(logging.CRITICAL)


class Mt940Refused(ValueError):
    """One problem at one line."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(_CONTROL.sub("?", message))  # one line, whatever the file holds
        self.line = line


@dataclass
class _Field:
    line: int
    tag: str  # "61", "86", "28C", "60M"...
    lines: list[str]  # the first without its tag

    def content(self) -> str:
        """The field as the library reads it."""
        first, rest = self.lines[0], self.lines[1:]
        if self.tag.startswith("28"):
            return "".join(s.strip() for s in self.lines)
        if self.tag == "61" and rest:
            return first.rstrip() + "\n" + " ".join(s.strip() for s in rest if s.strip())
        return "\n".join(self.lines)


@dataclass
class _Statement:
    line: int
    fields: list[_Field] = field(default_factory=list)

    def key(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        return tuple((f.tag, tuple(s.rstrip() for s in f.lines)) for f in self.fields)

    def value(self, *tags: str) -> str:
        return next((f.content().strip() for f in self.fields if f.tag in tags), "")


def fields_of(text: str) -> list[_Statement]:
    """The statements of a file, each a list of fields with their line numbers."""
    statements: list[_Statement] = []
    current: _Statement | None = None
    closed = True  # after a message's end ("-"), lines before the next tag are headers
    for n, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        m = _TAG.match(line)
        if m:
            if m.group(1) == "20":
                current = _Statement(n)
                statements.append(current)
            if current is not None:
                current.fields.append(_Field(n, m.group(1), [line[m.end() :]]))
                closed = False
        elif line.strip() in ("-", "-}") or line.startswith(("{", "}")):
            closed = True
        elif line.strip() and not closed and current is not None and current.fields:
            current.fields[-1].lines.append(line)
    return statements


def join_details(lines: list[str]) -> str:
    """One ``:86:`` text from its lines, joined the way the bank split them."""
    text = lines[0]
    for prev, line in pairwise(lines):
        if len(prev) >= WIDTH or line.startswith("?"):
            text += line
        else:
            text = text.rstrip() + " " + line.strip()
    return " ".join(text.split())


class Mt940Statement:
    name = NAME

    def identify(self, path: Path, head: bytes) -> bool:
        sample = head.lstrip(b"\xef\xbb\xbf\r\n {")
        return (
            b":20:" in head[:400] and b":25:" in head and b":60" in head
        ) and not sample.startswith(b"<")

    def extract(self, path: Path, display: str, options: ImportOptions) -> Extracted:
        out = Extracted(NAME)
        if path.stat().st_size > MAX_BYTES:
            out.errors.append(ImportError_(Source(display), "too large for an MT940 statement"))
            return out
        text = decode(path.read_bytes()).replace("\r\n", "\n")
        statements = fields_of(text)
        seen: dict[tuple[Any, ...], int] = {}
        closed_with: dict[str, tuple[int, Decimal]] = {}  # account -> (line, last closing)
        for s_no, st in enumerate(statements, start=1):
            key = st.key()
            if key in seen:
                out.skipped.append(
                    Skipped(
                        Source(display, st.line),
                        f"statement {st.value('20')} page {st.value('28C', '28')} again (as "
                        f"from line {seen[key]}): read once",
                    )
                )
                continue
            seen[key] = st.line
            try:
                _statement(st, s_no, display, options, out, closed_with)
            except Mt940Refused as exc:
                out.errors.append(ImportError_(Source(display, exc.line), str(exc)))
        if not statements:
            out.errors.append(ImportError_(Source(display), "no MT940 statement found"))
        return out


def _parse(st: _Statement, s_no: int) -> mt940.models.Transactions:
    """The library's reading of one statement; a field it cannot read is named by its line."""
    for f in st.fields:
        if f.tag == "61" and not _LINE61.match(f.lines[0]):
            raise _refused_field(f)
    statements = mt940.models.Transactions(options=_OPTIONS)
    try:
        statements.parse("\n".join(f":{f.tag}:{f.content()}" for f in st.fields))
    except Exception as exc:  # noqa: BLE001 - RuntimeError, InvalidOperation, ValueError...
        raise _unreadable(st, s_no, exc) from None
    return statements


def _unreadable(st: _Statement, s_no: int, exc: Exception) -> Mt940Refused:
    """Which field the library could not read, said plainly."""
    probe = mt940.models.Transactions(options=_OPTIONS)
    for f in st.fields:
        tag = probe.tags.get(f.tag) or probe.tags.get(
            int(f.tag[:2]) if f.tag[:2].isdigit() else f.tag
        )
        if tag is None:
            continue
        try:
            tag(probe, tag.parse(probe, f.content().strip()))
        except Exception:  # noqa: BLE001 - any failure of this field
            return _refused_field(f)
    reason = " ".join(str(exc).split()) if "<" not in str(exc) else type(exc).__name__
    reason = _CONTROL.sub("?", reason)
    return Mt940Refused(st.line, f"statement {s_no} unreadable: {reason[:120]}")


def _refused_field(f: _Field) -> Mt940Refused:
    expected = _EXPECTED.get(f.tag[:2], "the field as SWIFT defines it")
    got = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", f.lines[0].strip())
    got = got[:60] + ("…" if len(got) > 60 else "")
    return Mt940Refused(f.line, f":{f.tag}: expected {expected}, got '{got}'")


def _statement(
    st: _Statement,
    s_no: int,
    display: str,
    options: ImportOptions,
    out: Extracted,
    closed_with: dict[str, tuple[int, Decimal]],
) -> None:
    statements = _parse(st, s_no)
    data = statements.data
    account = str(data.get("account_identification") or "")
    opening = data.get("final_opening_balance") or data.get("intermediate_opening_balance")
    opening = opening or data.get("opening_balance")
    closing = data.get("final_closing_balance") or data.get("intermediate_closing_balance")
    closing = closing or data.get("closing_balance")
    if opening is None:
        raise Mt940Refused(st.line, f"statement {s_no}: no opening balance (:60F: or :60M:)")
    if closing is None:
        raise Mt940Refused(
            st.fields[-1].line,
            f"statement {s_no}: no closing balance (:62F: or :62M:) after this line: the file is "
            "truncated",
        )
    lines61 = [f for f in st.fields if f.tag == "61"]
    if len(lines61) != len(statements):
        raise Mt940Refused(
            st.line, f"statement {s_no}: {len(statements)} of its {len(lines61)} :61: lines read"
        )
    moved = Decimal(0)
    for tx, f61 in zip(statements, lines61, strict=True):
        moved += _movement(
            tx.data, f61, _details_of(st, f61), opening, account, display, options, out
        )
    start, end = Decimal(opening.amount.amount), Decimal(closing.amount.amount)
    cur = str(opening.amount.currency)
    where = next((f.line for f in st.fields if f.tag.startswith("62")), st.line)
    if start + moved != end:
        raise Mt940Refused(
            where,
            f"statement {s_no}: opening balance {start} + movements {moved} = {start + moved}, "
            f"but the closing balance says {end}: the file is incomplete or altered",
        )
    before = closed_with.get(account)
    if data.get("intermediate_opening_balance") is not None and before and before[1] != start:
        first = next((f.line for f in st.fields if f.tag.startswith("60")), st.line)
        raise Mt940Refused(
            first,
            f"statement {s_no}: this page opens with {start}, but the page before it closed "
            f"with {before[1]} (line {before[0]}): a page is missing or altered",
        )
    closed_with[account] = (where, end)
    out.checks.append(
        f"account {account}: opening {format_amount(start, cur)} + movements = "
        f"closing {format_amount(end, cur)} {cur}"
    )


def _details_of(st: _Statement, f61: _Field) -> str:
    """The joined ``:86:`` of a ``:61:`` (the field right after it), or ""."""
    i = st.fields.index(f61)
    nxt = st.fields[i + 1] if i + 1 < len(st.fields) else None
    return join_details(nxt.lines) if nxt is not None and nxt.tag == "86" else ""


def _movement(
    d: dict[str, Any],
    f61: _Field,
    details: str,
    opening: Any,
    account: str,
    display: str,
    options: ImportOptions,
    out: Extracted,
) -> Decimal:
    """Classify one movement; return its signed amount."""
    src = Source(display, f61.line)
    try:
        currency = normalise_currency(d.get("currency") or opening.amount.currency)
        raw = Decimal(d["amount"].amount)
        amount = money(abs(raw), currency)
    except (MoneyError, KeyError, AttributeError, TypeError) as exc:
        raise Mt940Refused(f61.line, f":61: expected an amount: {exc}") from None
    named = dict(_SUBFIELD.findall(details))
    status = str(d.get("status") or "").upper()
    debit = raw < 0
    extra = " ".join(" ".join(s.split()) for s in f61.lines[1:] if s.strip())
    reversal = status.startswith("R")
    # the beneficiary of a debit or of the debit a reversal (RD) cancels; else the payer
    to_beneficiary = debit != reversal
    counterparty = (
        (named.get("BENM") or named.get("NAME", "")) if to_beneficiary else named.get("ORDP", "")
    )
    classify(
        BankEntry(
            source=src,
            booking_date=d.get("date"),
            value_date=d.get("date"),
            amount=amount,
            currency=currency,
            debit=debit,
            counterparty=counterparty.strip() or str(d.get("applicant_name") or "") or extra,
            counterparty_iban=str(d.get("applicant_iban") or ""),
            account=account,
            text=named.get("REMI", "").strip() or str(d.get("purpose") or "") or details,
            bank_reference=_reference(d),
            reversal=reversal,
        ),
        options,
        out,
    )
    return raw


def _reference(d: dict[str, Any]) -> str:
    """The bank's reference, else the customer's; ``NONREF`` ("no reference") is none."""
    for key in ("bank_reference", "customer_reference"):
        ref = str(d.get(key) or "").strip()
        if ref and ref.upper() != "NONREF":
            return ref
    return ""
