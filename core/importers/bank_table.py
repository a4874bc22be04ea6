"""Bank statement exports as CSV/XLSX: separate debit and credit columns, or one signed amount.

French banks and Excel write them with ``;`` separators, decimal commas,
no-break-space thousands separators and Windows-1252 text.  A CSV export often
starts with the account number, the period and a balance above its header
row, and may end with a balance on a footer line: the header row is found by
its content (a date, a label and the amount columns, which may carry their
unit: ``Débit euros``, ``Montant(EUROS)``, ``Montant en EUR``), wherever it
is in the first lines.  Dates come as ``15/02/2026``, ``15/02/26``,
``15-Feb-2026`` or ``15-févr.-2026``.  The balances the file states are
kept: an opening and a closing balance must agree with the movements between
them, and a running balance column with each movement.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from core.i18n import Amount, Money, say
from core.importers.bank import BankEntry, classify
from core.importers.base import ImportOptions
from core.importers.csvrows import DamagedFile, Lines, cut_in_a_character
from core.importers.tabular import (
    TABLE_SUFFIXES,
    Cell,
    CellError,
    Column,
    damage,
    decimal,
    fold,
    getter,
    in_range,
    is_json,
    is_xlsx,
    map_columns,
    parse_dmy,
    read_xlsx,
    said,
    sniff_encoding,
    text,
)
from core.model import Extracted, ImportError_, Source
from core.money import MoneyError, format_amount, money, normalise_currency, one_line

NAME = "Bank statement export (CSV/XLSX, debit and credit columns)"

COLUMNS = (
    Column("Date", ("Date opération", "Date d'opération", "Date de comptabilisation",
                    "Booking date", "Transaction date", "Date comptable", "Date operation",
                    "Date de l'opération")),
    Column("Label", ("Libellé", "Libelle", "Description", "Détail", "Details", "Motif",
                     "Libellé de l'opération", "Narrative", "Libelle operation",
                     "Libellé opération", "Libelle court", "Libellé simplifié")),
    Column("Debit", ("Débit", "Debit amount", "Montant débit", "Withdrawals", "Money out"),
           required=False),
    Column("Credit", ("Crédit", "Credit amount", "Montant crédit", "Deposits", "Money in"),
           required=False),
    Column("Value date", ("Date de valeur", "Date valeur"), required=False),
    Column("Currency", ("Devise", "Monnaie"), required=False),
    Column("Payee", ("Bénéficiaire", "Beneficiary", "Tiers", "Counterparty", "Contrepartie"),
           required=False),
    Column("Payee IBAN", ("IBAN bénéficiaire", "IBAN du bénéficiaire", "Counterparty IBAN"),
           required=False),
    Column("Reference", ("Référence", "Référence de l'opération", "Reference",
                         "Bank reference"), required=False),
    Column("Account", ("Compte", "Numéro de compte", "IBAN"), required=False),
    Column("Balance", ("Solde",), required=False),
    # a second label some banks add: read after the first
    Column("Detail", ("Libelle operation", "Libellé opération", "Détail de l'écriture",
                      "Informations complémentaires"), required=False),
)  # fmt: skip

# an amount column may carry its unit: "Débit euros", "Montant(EUROS)", "Montant en EUR"
_UNIT_RE = re.compile(r"^(.+?)(?:en)?(euros?|eur)$")
_AMOUNT_KEYS = {
    "Debit": {fold(a) for a in ("Débit", "Montant débit")},
    "Credit": {fold(a) for a in ("Crédit", "Montant crédit")},
    "Amount": {fold(a) for a in ("Montant", "Montant de l'opération", "Montant opération")},
}
_UNIT_ONLY = {fold("Montant")}  # a bare "Montant" is the clerk's payments list, not a bank's
HEADER_LINES = 40  # the header row is looked for in the file's first lines
HEAD_BYTES = 65536


def _unit_columns(header: list[str]) -> tuple[dict[str, int], str | None]:
    """Debit, Credit or Amount columns named with a unit; and the unit's currency."""
    found: dict[str, int] = {}
    unit = None
    for i, h in enumerate(header):
        key = fold(h or "")
        m = _UNIT_RE.match(key)
        base = m[1] if m else key
        for name, keys in _AMOUNT_KEYS.items():
            if base in keys and name not in found and (m or base not in _UNIT_ONLY):
                found[name] = i
                unit = "EUR" if m else unit
    return found, unit


def bank_columns(header: list[str]) -> tuple[dict[str, int], str | None] | None:
    """Where the declared columns are, and the currency the amount columns name, or None when
    ``header`` is not a bank export's header (a date, a label, debit and credit or a signed
    amount)."""
    cols, missing = map_columns(header, COLUMNS)
    if missing:
        return None
    unit_cols, unit = _unit_columns(header)
    for name, i in unit_cols.items():
        cols.setdefault(name, i)
    if not ({"Debit", "Credit"} <= cols.keys() or "Amount" in cols):
        return None
    if "Amount" in cols and {"Debit", "Credit"} <= cols.keys():
        del cols["Amount"]
    return cols, unit


# ---------------------------------------------------------------- dates

_MONTHS = {
    "jan": 1, "janv": 1, "january": 1, "janvier": 1, "feb": 2, "fev": 2, "fevr": 2,
    "february": 2, "fevrier": 2, "mar": 3, "mars": 3, "march": 3, "apr": 4, "avr": 4,
    "april": 4, "avril": 4, "may": 5, "mai": 5, "jun": 6, "juin": 6, "june": 6, "jul": 7,
    "juil": 7, "july": 7, "juillet": 7, "aug": 8, "aou": 8, "aout": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "septembre": 9, "oct": 10, "october": 10, "octobre": 10,
    "nov": 11, "november": 11, "novembre": 11, "dec": 12, "december": 12, "decembre": 12,
}  # fmt: skip
_NAMED_RE = re.compile(r"^(\d{1,2})[-/ .]([^\W\d_]+)\.?[-/ .](\d{4}|\d{2})$")
_SHORT_RE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2})$")


def bank_date(cell: Cell) -> date:
    """``15/02/2026``, ``15/02/26``, ``15-Feb-2026``, ``15-févr.-2026``, ISO or an Excel date."""
    s = text(cell)
    if isinstance(cell, date) or _looks_dated(s):
        return parse_dmy(cell)
    short, named = _SHORT_RE.match(s), _NAMED_RE.match(s)
    try:
        if short:
            return in_range(date(2000 + int(short[3]), int(short[2]), int(short[1])), cell)
        if named and (month := _MONTHS.get(fold(named[2]))):
            year = int(named[3]) + (2000 if len(named[3]) == 2 else 0)
            return in_range(date(year, month, int(named[1])), cell)
    except ValueError:
        pass
    raise CellError(say("expected a date (DD/MM/YYYY, DD/MM/YY or 15-Feb-2026), got '{got}'",
                        got=one_line(s)))  # fmt: skip


def _looks_dated(s: str) -> bool:
    return bool(re.match(r"^\d{4}-\d|^\d{5}$|^\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}", s))


def _dated(cells: list[str], date_col: int) -> bool:
    return date_col < len(cells) and is_date(cells[date_col])


def is_date(cell: str) -> bool:
    try:
        bank_date(cell)
    except CellError:
        return False
    return True


# ---------------------------------------------------------------- the file's layout


@dataclass
class Layout:
    """A bank CSV export: its header row, the records below it, the balances it states."""

    header: list[str]
    header_line: int
    cols: dict[str, int]
    currency: str | None  # named by the amount columns' unit
    records: list[tuple[int, list[str]]] = field(default_factory=list)
    preamble: list[tuple[int, list[str]]] = field(default_factory=list)
    sheet: str | None = None  # XLSX: the sheet read

    def source(self, display: str, line: int | None) -> Source:
        return Source(display, line, self.sheet)


def _records(text_: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """Every non-blank record with the line it starts on as an editor numbers it."""
    ending = re.search(r"\r\n?|\n", text_)  # the first line's end: CR alone (Excel for Mac)?
    lines = Lines(io.StringIO(text_, newline=""), cr_only=bool(ending and ending[0] == "\r"))
    reader = csv.reader(lines, delimiter=delimiter)
    out: list[tuple[int, list[str]]] = []
    start = 1
    for cells in reader:
        if any(c.strip() for c in cells):
            out.append((start, cells))
        start = lines.newlines + 1
    return out


def find_layout(text_: str, limit: int = HEADER_LINES) -> Layout | None:
    """The header row among the first ``limit`` records, by its content, for the separator
    that gives one; None when there is none."""
    for delimiter in (";", ",", "\t"):
        try:
            records = _records(text_, delimiter)
        except csv.Error:
            continue
        layout = layout_of(records, limit)
        if layout is not None:
            return layout
    return None


def layout_of(records: list[tuple[int, list[str]]], limit: int = HEADER_LINES) -> Layout | None:
    """The layout whose header is the first of the first ``limit`` records that is one."""
    for k, (line, cells) in enumerate(records[:limit]):
        header = [c.strip().lstrip("\ufeff") for c in cells]
        found = bank_columns(header)
        if found is not None:
            cols, unit = found
            return Layout(header, line, cols, unit, records[k + 1 :], records[:k])
    return None


def workbook_layout(path: Path, limit: int | None = None) -> Layout | None:
    """A workbook's first sheet as a bank export (its first ``limit`` rows only, when given);
    raises :class:`DamagedFile` for a workbook that cannot be read."""
    table = read_xlsx(path)
    rows = table.rows if limit is None else itertools.islice(table.rows, limit)
    records = [(table.header_row, [text(c) for c in table.header])]
    records += [(n, [text(c) for c in cells]) for n, cells in rows]
    layout = layout_of(records)
    if layout is not None:
        layout.sheet = table.sheet
    return layout


def _decode_head(head: bytes) -> str:
    for cut in range(4):  # the head may end inside a UTF-8 character
        try:
            return head[: len(head) - cut].decode("utf-8-sig")
        except UnicodeDecodeError:
            continue
    return head.decode("cp1252", errors="replace")


def read_layout(path: Path) -> Layout | None:
    """The whole file's layout (raises :class:`DamagedFile` for a damaged file)."""
    encoding = sniff_encoding(path)
    with path.open("r", encoding=encoding, newline="") as fh:
        try:
            content = fh.read()
        except UnicodeDecodeError as exc:  # only a file cut inside a character gets here
            fh.seek(0)
            raise cut_in_a_character(fh.buffer.read().count(b"\n") + 1) from exc
    layout = find_layout(content)
    if layout is not None:
        _check_cells(layout)
    return layout


def _check_cells(layout: Layout) -> None:
    """A NUL byte anywhere, or a last movement cut short, refuses the file."""
    for line, cells in (*layout.preamble, *layout.records):
        for i, c in enumerate(cells):
            if "\x00" in c:
                name = layout.header[i] if i < len(layout.header) and layout.header[i] else i + 1
                raise DamagedFile(
                    f"got {c.replace(chr(0), '<NUL>')[:60]!r} with a NUL byte, expected text "
                    "(a damaged file?)",
                    line, str(name),
                )  # fmt: skip
    width = len(layout.header)
    while width and not layout.header[width - 1]:
        width -= 1
    if layout.records:
        line, cells = layout.records[-1]
        date_col = layout.cols["Date"]
        full = len(layout.records) == 1 or len(layout.records[-2][1]) >= width
        if len(cells) < width and full and len(cells) > date_col and is_date(cells[date_col]):
            raise DamagedFile(
                f"missing: the row ends after {len(cells)} of the header's {width} fields, "
                "expected a complete row (the file is cut short: an interrupted download?)",
                line, layout.header[len(cells)] or str(len(cells) + 1),
            )  # fmt: skip


# ---------------------------------------------------------------- balances

_AMOUNT_IN_TEXT = re.compile(
    r"([+-]?\s?\d{1,3}(?:[ \u00a0\u202f.]\d{3})*(?:,\d+)?|[+-]?\d+(?:[.,]\d+)?)\s*"
    r"(?:€|eur|euros)?\s*$",
    re.I,
)
_OPENING = ("initial", "debut", "ouverture", "precedent", "ancien", "report", "opening")


@dataclass(frozen=True)
class Balance:
    line: int
    amount: Decimal
    opening: bool
    said: str


def balance_line(line: int, cells: list[str], cols: dict[str, int]) -> Balance | None:
    """A line stating a balance (``Solde au 18/12/2026 : 13,37 EUR``, ``Solde (EUROS);+1234,56``,
    a footer ``Solde final;;1 234,56``), or None."""
    said = " ".join(c.strip() for c in cells if c.strip())
    key = fold(said)
    if ("solde" not in key and "balance" not in key) or "franc" in key:
        return None
    amount = None
    for i in range(len(cells) - 1, -1, -1):
        cell = re.sub(r"\d{1,2}/\d{1,2}/\d{2,4}", "", cells[i]).strip().rstrip(";")
        m = _AMOUNT_IN_TEXT.search(cell)
        if not m or not re.search(r"\d", m[1]):
            continue
        try:
            amount = decimal(m[1].replace(" ", "") if m[1][:1] in "+-" else m[1])
        except CellError:
            continue
        if i == cols.get("Debit") or "debiteur" in key:
            amount = -abs(amount)
        break
    if amount is None:
        return None
    return Balance(line, amount, any(w in key for w in _OPENING), said)


def check_balances(
    layout: Layout, movements: list[tuple[int, Decimal]], currency: str, display: str,
    out: Extracted,
) -> None:  # fmt: skip
    """Opening + movements = closing when the file states both; a running balance column
    agrees with each movement."""
    date_col = layout.cols["Date"]
    stated = [
        b
        for line, cells in (*layout.preamble, *layout.records)
        if not _dated(cells, date_col) and (b := balance_line(line, cells, layout.cols)) is not None
    ]
    if "Balance" in layout.cols:
        _check_running(layout, movements, currency, display, out)
    opening = next((b for b in stated if b.opening), None)
    closing = next((b for b in reversed(stated) if not b.opening), None)
    total = sum((m for _, m in movements), Decimal(0))
    cur = currency

    def fmt(x: Decimal) -> str:
        return format_amount(x, cur)

    if opening is not None and closing is not None:
        expected = opening.amount + total
        if expected != closing.amount:
            why = say("got a closing balance of {closing} ('{said}'), expected {expected} = the "
                      "opening balance {opening} (line {line}) + {count} movements {total}: the "
                      "export is incomplete or altered", closing=Money(closing.amount, cur),
                      said=closing.said, expected=Amount(expected, cur),
                      opening=Amount(opening.amount, cur), line=opening.line,
                      count=len(movements), total=Amount(total, cur))  # fmt: skip
            out.errors.append(ImportError_(layout.source(display, closing.line), why))
            return
        out.checks.append(
            f"balances: opening {fmt(opening.amount)} (line {opening.line}) + "
            f"{len(movements)} movements {fmt(total)} = closing {fmt(closing.amount)} {cur} "
            f"(line {closing.line})"
        )
    elif closing is not None or opening is not None:
        b = closing or opening
        assert b is not None
        out.checks.append(
            f"{'opening' if b.opening else 'closing'} balance {fmt(b.amount)} {cur} stated "
            f"(line {b.line}; no {'closing' if b.opening else 'opening'} balance to check "
            "the movements against)"
        )


def _check_running(
    layout: Layout, movements: list[tuple[int, Decimal]], currency: str, display: str,
    out: Extracted,
) -> None:  # fmt: skip
    """Each row's running balance = the balance before it + its movement (oldest first or
    newest first, as the rows come)."""
    i = layout.cols["Balance"]
    rows = {line: cells for line, cells in layout.records}
    running: list[tuple[int, Decimal, Decimal]] = []
    for line, movement in movements:
        cells = rows[line]
        if i >= len(cells) or not cells[i].strip():
            return
        try:
            running.append((line, movement, decimal(cells[i])))
        except CellError as exc:
            out.errors.append(
                ImportError_(layout.source(display, line), str(exc), layout.header[i])
            )
            return
    if len(running) < 2:
        return
    newest_first = _newest_first(layout, [line for line, _, _ in running])
    order = list(reversed(running)) if newest_first else running
    for (_, _, before), (line, movement, after) in itertools.pairwise(order):
        if before + movement != after:
            out.errors.append(
                ImportError_(
                    layout.source(display, line),
                    say(
                        "got a balance of {after}, expected {expected} = the balance before "
                        "{before} + this movement {movement}: the export is incomplete or "
                        "altered",
                        after=Amount(after, currency),
                        expected=Amount(before + movement, currency),
                        before=Amount(before, currency),
                        movement=Amount(movement, currency),
                    ),
                    layout.header[i],
                )
            )
            return
    first, last = order[0], order[-1]
    out.checks.append(
        f"running balance: {format_amount(first[2] - first[1], currency)} + {len(order)} "
        f"movements = {format_amount(last[2], currency)} {currency}"
    )


def _newest_first(layout: Layout, lines: list[int]) -> bool:
    rows = dict(layout.records)
    days = [bank_date(rows[line][layout.cols["Date"]]) for line in lines]
    return days[0] > days[-1]


# ---------------------------------------------------------------- the importer


class BankTable:
    name = NAME

    def identify(self, path: Path, head: bytes) -> bool:
        if path.suffix.lower() not in TABLE_SUFFIXES or is_json(head):
            return False
        if is_xlsx(head):
            try:
                return workbook_layout(path, HEADER_LINES) is not None
            except DamagedFile:
                return False
        with path.open("rb") as fh:
            start = fh.read(HEAD_BYTES)
        try:
            return find_layout(_decode_head(start)) is not None
        except DamagedFile:
            return False

    def extract(self, path: Path, display: str, options: ImportOptions) -> Extracted:
        with path.open("rb") as fh:
            head = fh.read(8)
        out = Extracted(NAME)
        try:
            layout = workbook_layout(path) if is_xlsx(head) else read_layout(path)
        except DamagedFile as exc:
            out.errors.append(damage(display, exc))
            return out
        except csv.Error as exc:
            out.errors.append(ImportError_(Source(display), f"malformed CSV: {exc}"))
            return out
        if layout is None:
            out.errors.append(
                ImportError_(
                    Source(display, 1),
                    say(
                        "expected a header row with a date, a label and debit and credit (or "
                        "a signed amount) columns in the first {lines} lines; found none",
                        lines=HEADER_LINES,
                    ),
                )
            )
            return out
        self._read(layout, display, options, out)
        return out

    def _read(self, layout: Layout, display: str, options: ImportOptions, out: Extracted) -> None:
        date_col = layout.cols["Date"]
        records = layout.records
        dated = {k for k, (_, c) in enumerate(records) if _dated(c, date_col)}
        last = max(dated, default=-1)
        movements: list[tuple[int, Decimal]] = []
        currency = layout.currency or options.currency
        for k, (line, cells) in enumerate(records[: last + 1]):
            if k not in dated and balance_line(line, cells, layout.cols) is not None:
                continue  # a balance between the rows: checked with the others
            entry = self._row(
                cells, layout.cols, layout.source(display, line), options, out, layout
            )
            if entry is not None:
                movements.append((line, -entry.amount if entry.debit else entry.amount))
                currency = entry.currency
        if not out.errors:
            check_balances(layout, movements, currency, display, out)

    def _row(
        self, cells, cols, src: Source, options: ImportOptions, out: Extracted, layout: Layout
    ) -> BankEntry | None:
        get = getter(cells, cols)

        def fail(column: str, message: str) -> None:
            out.errors.append(ImportError_(src, message, layout.header[cols[column]] or column))

        before = len(out.errors)
        booked = value = None
        try:
            booked = bank_date(get("Date"))
        except CellError as exc:
            fail("Date", said(exc))
        if text(get("Value date")):
            try:
                value = bank_date(get("Value date"))
            except CellError as exc:
                fail("Value date", said(exc))
        try:
            currency = normalise_currency(
                text(get("Currency")) or layout.currency or options.currency
            )
        except MoneyError as exc:
            fail("Currency", said(exc))
            return None
        amounts = _amounts(get, cols, currency, fail)
        if len(out.errors) != before or amounts is None:
            return None
        side, amount = amounts
        assert booked is not None
        entry = BankEntry(
            source=src,
            booking_date=booked,
            value_date=value,
            amount=amount,
            currency=currency,
            debit=side == "Debit",
            counterparty=text(get("Payee")),
            counterparty_iban=text(get("Payee IBAN")),
            account=text(get("Account")),
            text=_label(get, cols),
            bank_reference=text(get("Reference")),
        )
        classify(entry, options, out)
        return entry


def _label(get, cols: dict[str, int]) -> str:
    """The label, and the detail some banks give in a second column."""
    parts = [text(get("Label"))]
    if cols.get("Detail") not in (None, cols["Label"]):
        parts.append(text(get("Detail")))
    return re.sub(r"\s+", " ", " ".join(p for p in parts if p)).strip()


def _amounts(get, cols: dict[str, int], currency: str, fail) -> tuple[str, Decimal] | None:
    """Which side the movement is on and its amount (positive), or None with the error said."""
    if "Amount" in cols:
        try:
            signed = money(decimal(get("Amount")), currency)
        except (CellError, MoneyError) as exc:
            fail("Amount", said(exc))
            return None
        return ("Debit" if signed < 0 else "Credit"), abs(signed)
    amounts = {}
    for name in ("Debit", "Credit"):
        if text(get(name)):
            try:
                amounts[name] = money(abs(decimal(get(name))), currency)
            except (CellError, MoneyError) as exc:
                fail(name, said(exc))
                return None
    nonzero = {k: v for k, v in amounts.items() if v != 0}
    if len(nonzero) != 1:
        fail(
            "Debit",
            say(
                "expected an amount in exactly one of Debit and Credit, got {got}",
                got=" and ".join(f"{k} {v}" for k, v in nonzero.items()),
            )
            if nonzero
            else say("expected an amount in exactly one of Debit and Credit, got neither"),
        )
        return None
    ((side, amount),) = nonzero.items()
    return side, amount
