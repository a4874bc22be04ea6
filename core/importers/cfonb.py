"""CFONB 120: French banks' fixed-width statement (records 01, 04, 05, 07 of 120 characters).

No maintained Python library reads it, so this module does.  Record layout:

* 01 / 07: opening / closing balance: currency at 17-19, decimals at 20,
  account at 22-32, date DDMMYY at 35-40, amount at 91-104;
* 04: movement: operation code at 33-34, booking date at 35-40, value date
  at 43-48, label at 49-79, entry number at 82-88, amount at 91-104,
  reference at 105-120;
* 05: complement of the movement before it: qualifier at 46-48 (LIB label,
  NPY payer, NBE beneficiary, RCN/LCC references...), text at 49-118.

Amounts are 14 characters whose last one carries the last digit and the
sign (``{``, ``A``-``I`` = +0..+9; ``}``, ``J``-``R`` = -0..-9).  Each
account section is checked: opening balance + movements = closing balance.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from core.importers.bank import BankEntry, classify
from core.importers.base import ImportOptions, nul_line
from core.importers.tabular import decode
from core.model import Extracted, ImportError_, Source
from core.money import MoneyError, format_amount, normalise_currency

NAME = "CFONB 120 bank statement (French banks)"
_POS = {"{": 0, "}": 0, **{c: i + 1 for i, c in enumerate("ABCDEFGHI")},
        **{c: i + 1 for i, c in enumerate("JKLMNOPQR")}}  # fmt: skip
_NEG = set("}JKLMNOPQR")
MAX_BYTES = 256 * 1024 * 1024


class CfonbError(ValueError):
    pass


def cfonb_amount(field_: str, decimals: int) -> Decimal:
    """Decode a 14-character CFONB amount."""
    raw = field_.strip()
    if not raw or raw[-1] not in _POS or not raw[:-1].isdigit():
        raise CfonbError(f"expected a CFONB amount (digits and a sign letter), got '{field_}'")
    digits = raw[:-1] + str(_POS[raw[-1]])
    value = Decimal(int(digits)).scaleb(-decimals)
    return -value if raw[-1] in _NEG else value


def cfonb_date(field_: str) -> date:
    try:
        return date(2000 + int(field_[4:6]), int(field_[2:4]), int(field_[0:2]))
    except ValueError as exc:
        raise CfonbError(f"expected a date DDMMYY, got '{field_}'") from exc


def records(path: Path) -> list[tuple[int, str]]:
    text = decode(path.read_bytes())
    lines = text.splitlines()
    if len(lines) == 1 and len(lines[0]) > 120 and len(lines[0]) % 120 == 0:
        lines = [lines[0][i : i + 120] for i in range(0, len(lines[0]), 120)]
    return [(n, line) for n, line in enumerate(lines, start=1) if line.strip()]


@dataclass
class _Section:
    account: str
    currency: str
    opening: Decimal
    row: int
    movements: list[Decimal] = field(default_factory=list)


class Cfonb120:
    name = NAME

    def identify(self, path: Path, head: bytes) -> bool:
        first = head.split(b"\n", 1)[0].rstrip(b"\r")
        return first[:2] == b"01" and len(first) in (120, len(head)) and first[16:19].isalpha()

    def extract(self, path: Path, display: str, options: ImportOptions) -> Extracted:
        out = Extracted(NAME)
        if path.stat().st_size > MAX_BYTES:
            out.errors.append(ImportError_(Source(display), "too large for a CFONB statement"))
            return out
        if (line := nul_line(path)) is not None:
            out.errors.append(ImportError_(Source(display, line), "a NUL byte, expected text (a "
                                           "damaged file?)"))  # fmt: skip
            return out
        section: _Section | None = None
        pending: list[tuple[int, str, list[str]]] = []  # 04 records with their 05s

        def flush() -> None:
            for row, rec, extras in pending:
                self._movement(row, rec, extras, section, display, options, out)
            pending.clear()

        for row, rec in records(path):
            src = Source(display, row)
            code = rec[:2]
            if len(rec.rstrip()) > 120:
                out.errors.append(ImportError_(src, f"expected 120 characters, got {len(rec)}"))
                continue
            rec = rec.ljust(120)
            try:
                if code == "01":
                    flush()
                    decimals = int(rec[19])
                    section = _Section(
                        rec[21:32].strip(),
                        normalise_currency(rec[16:19]),
                        cfonb_amount(rec[90:104], decimals),
                        row,
                    )
                elif code == "04":
                    flush()
                    pending.append((row, rec, []))
                elif code == "05":
                    if not pending:
                        raise CfonbError("a 05 complement with no 04 movement before it")
                    pending[-1][2].append(rec)
                elif code == "07":
                    flush()
                    if section is None:
                        raise CfonbError("a closing balance (07) with no opening balance (01)")
                    closing = cfonb_amount(rec[90:104], int(rec[19]))
                    total = section.opening + sum(section.movements, Decimal(0))
                    if total != closing:
                        raise CfonbError(
                            f"opening balance {section.opening} + movements "
                            f"{sum(section.movements, Decimal(0))} = {total}, but the closing "
                            f"balance says {closing}: the file is incomplete or altered"
                        )
                    cur = section.currency
                    out.checks.append(
                        f"account {section.account}: opening {format_amount(section.opening, cur)}"
                        f" + {len(section.movements)} movements = closing "
                        f"{format_amount(closing, cur)} {cur}"
                    )
                    section = None
                else:
                    raise CfonbError(f"expected a record code 01, 04, 05 or 07, got '{code}'")
            except (CfonbError, MoneyError, ValueError) as exc:
                out.errors.append(ImportError_(src, str(exc)))
        flush()
        if section is not None:
            out.errors.append(
                ImportError_(
                    Source(display, section.row),
                    "no closing balance (07) for this account: the file is truncated",
                )
            )
        return out

    def _movement(
        self,
        row: int,
        rec: str,
        extras: list[str],
        section: _Section | None,
        display: str,
        options: ImportOptions,
        out: Extracted,
    ) -> None:
        src = Source(display, row)
        try:
            if section is None:
                raise CfonbError("a movement (04) with no opening balance (01) before it")
            currency = normalise_currency(rec[16:19])
            amount = cfonb_amount(rec[90:104], int(rec[19]))
            booked = cfonb_date(rec[34:40])
            value = cfonb_date(rec[42:48]) if rec[42:48].strip() else None
        except (CfonbError, MoneyError, ValueError) as exc:
            out.errors.append(ImportError_(src, str(exc)))
            return
        section.movements.append(amount)
        info: dict[str, list[str]] = {}
        for extra in extras:
            info.setdefault(extra[45:48], []).append(extra[48:118].strip())
        debit = amount < 0
        name = " ".join(info.get("NBE" if debit else "NPY", []))
        label = rec[48:79].strip()
        texts = [label, *info.get("LIB", []), *info.get("RCN", []), *info.get("LCC", [])]
        classify(
            BankEntry(
                source=src,
                booking_date=booked,
                value_date=value,
                amount=abs(amount),
                currency=currency,
                debit=debit,
                counterparty=name,
                account=section.account,
                text=" ".join(t for t in texts if t),
                bank_reference=(rec[81:88].strip() + " " + rec[104:120].strip()).strip(),
            ),
            options,
            out,
        )
