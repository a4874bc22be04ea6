"""SWIFT MT940 customer statements, read with the ``mt-940`` library.

Each statement is checked: opening balance + movements = closing balance.
The ``:86:`` information is kept as the remittance text; ``/BENM/`` or
``/NAME/`` sub-fields, where the bank writes them, give the counterparty.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import mt940

from core.importers.bank import BankEntry, classify
from core.importers.base import ImportOptions
from core.importers.tabular import decode
from core.model import Extracted, ImportError_, Source
from core.money import MoneyError, format_amount, money, normalise_currency

NAME = "SWIFT MT940 bank statement"
MAX_BYTES = 128 * 1024 * 1024
_SUBFIELD = re.compile(r"/(BENM|NAME|ORDP|REMI)/([^/]*)")


def _line_of(text: str, needle: str, start: int) -> tuple[int, int]:
    """1-based line number of the ``:61:`` record containing ``needle`` after ``start``."""
    pos = text.find(needle, start)
    if pos < 0:
        return 0, start
    return text.count("\n", 0, pos) + 1, pos + 1


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
        parts = _split_statements(text)
        cursor = 0
        for s_no, (first_line, chunk) in enumerate(parts, start=1):
            statements = mt940.models.Transactions()
            try:
                statements.parse(chunk)
            except Exception as exc:  # noqa: BLE001 - InvalidOperation, ValueError, KeyError...
                out.errors.append(
                    ImportError_(Source(display, first_line), f"statement {s_no} unreadable: {exc}")
                )
                continue
            data = statements.data
            account = str(data.get("account_identification") or "")
            opening = data.get("final_opening_balance") or data.get("opening_balance")
            closing = data.get("final_closing_balance") or data.get("closing_balance")
            moved = Decimal(0)
            for tx in statements:
                d = tx.data
                row, cursor = _line_of(text, ":61:", cursor)
                src = Source(display, row)
                try:
                    currency = normalise_currency(d.get("currency") or opening.amount.currency)
                    raw = Decimal(d["amount"].amount)
                    amount = money(abs(raw), currency)
                except (MoneyError, KeyError, AttributeError, TypeError) as exc:
                    out.errors.append(ImportError_(src, f"expected an amount: {exc}"))
                    continue
                moved += raw
                details = " ".join(str(d.get("transaction_details") or "").split())
                named = dict(_SUBFIELD.findall(details))
                status = str(d.get("status") or "")
                debit = raw < 0 or status.endswith("D")
                classify(
                    BankEntry(
                        source=src,
                        booking_date=d.get("date"),
                        value_date=d.get("date"),
                        amount=amount,
                        currency=currency,
                        debit=debit,
                        counterparty=(named.get("BENM") or named.get("NAME", "")).strip()
                        if debit
                        else named.get("ORDP", "").strip(),
                        account=account,
                        text=named.get("REMI", "").strip() or details,
                        bank_reference=str(d.get("bank_reference") or "")
                        or str(d.get("customer_reference") or ""),
                        reversal=status.startswith("R"),
                    ),
                    options,
                    out,
                )
            if opening is not None and closing is not None:
                start, end = Decimal(opening.amount.amount), Decimal(closing.amount.amount)
                cur = str(opening.amount.currency)
                if start + moved != end:
                    out.errors.append(
                        ImportError_(
                            Source(display, first_line),
                            f"statement {s_no}: opening balance {start} + movements {moved} = "
                            f"{start + moved}, but the closing balance says {end}: the file is "
                            "incomplete or altered",
                        )
                    )
                else:
                    out.checks.append(
                        f"account {account}: opening {format_amount(start, cur)} + movements = "
                        f"closing {format_amount(end, cur)} {cur}"
                    )
        if not parts:
            out.errors.append(ImportError_(Source(display), "no MT940 statement found"))
        return out


def _split_statements(text: str) -> list[tuple[int, str]]:
    """Statements start at ``:20:``; returns (first line number, text) for each."""
    parts: list[tuple[int, str]] = []
    starts = [m.start() for m in re.finditer(r"(?m)^:20:", text)]
    for i, pos in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        parts.append((text.count("\n", 0, pos) + 1, text[pos:end]))
    return parts
