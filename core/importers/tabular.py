"""Reading CSV and XLSX tables with declared columns.

Columns are declared (name, aliases, parser), matched case- and
accent-insensitively in any order, unknown columns ignored.  Cells are parsed
here, once: text stays text, numbers become :class:`~decimal.Decimal` (an
Excel number cell arrives as a float from openpyxl and is converted through
its shortest representation, which is what Excel displays), dates become
:class:`~datetime.date`.
"""

from __future__ import annotations

import csv
import itertools
import re
import unicodedata
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from core.i18n import say
from core.importers.csvrows import DamagedFile, Lines, csv_rows
from core.importers.jsonfile import is_json, json_items
from core.importers.said import said
from core.model import Extracted, ImportError_, Source
from core.money import MoneyError, one_line, parse_decimal

Cell = str | Decimal | date | None


class CellError(ValueError):
    """A cell that does not hold what its column expects."""

    def __str__(self) -> str:  # the sentence as it was said (a face may translate it)
        return said(self)


def fold(text: str) -> str:
    """Header key: lower case, no accents, no spaces or punctuation."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]", "", plain.lower())


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    aliases: tuple[str, ...] = ()
    required: bool = True

    def keys(self) -> set[str]:
        return {fold(self.name), *(fold(a) for a in self.aliases)}


@dataclass(slots=True)
class Table:
    """A header and its rows; ``rows`` yields (line number or item index, cells)."""

    header: list[str]
    rows: Iterator[tuple[int, list[Cell]]]
    sheet: str | None = None
    element: str | None = None  # JSON: rows are items of this array, named by path
    header_row: int = 1  # XLSX: the row the header was found in
    # a declared column's name -> the file's own header for it ("Amount" -> "Montant"): an
    # error names the column as the clerk's file does
    names: dict[str, str] = field(default_factory=dict)

    def source(self, display: str, row: int) -> Source:
        if self.element is not None:
            return Source(display, element=f"{self.element}[{row}]")
        return Source(display, row, self.sheet)


def map_columns(
    header: Sequence[str], columns: Sequence[Column]
) -> tuple[dict[str, int], list[str]]:
    """Column name → index; and the names of required columns not found."""
    folded = [fold(h or "") for h in header]
    found: dict[str, int] = {}
    for col in columns:
        keys = col.keys()
        for i, h in enumerate(folded):
            if h in keys:
                found[col.name] = i
                break
    missing = [c.name for c in columns if c.required and c.name not in found]
    return found, missing


def damage(display: str, exc: DamagedFile, sheet: str | None = None) -> ImportError_:
    """The one error a damaged file is refused with."""
    return ImportError_(Source(display, exc.row, sheet), str(exc), exc.column)


def open_table(path: Path, display: str, columns: Sequence[Column], out: Extracted):
    """The table and where its declared columns are, or ``None`` with the error in ``out``."""
    try:
        table = read_table(path)
    except DamagedFile as exc:
        out.errors.append(damage(display, exc))
        return None
    cols, missing = map_columns(table.header, columns)
    if missing:
        why = say("expected columns {missing}; found {found}", missing=", ".join(missing),
                  found=", ".join(table.header))  # fmt: skip
        out.errors.append(ImportError_(table.source(display, 1), why))
        return None
    table.names = {name: table.header[i] for name, i in cols.items() if table.header[i]}
    return table, cols


def each_row(table: Table, display: str, out: Extracted) -> Iterator[tuple[Source, list[Cell]]]:
    """Every row with where it was read; a malformed CSV ends the loop with its error.  The
    errors the rows gave name the file's own headers (see :attr:`Table.names`)."""
    try:
        for row, cells in table.rows:
            yield table.source(display, row), cells
    except csv.Error as exc:
        out.errors.append(ImportError_(Source(display), f"malformed CSV: {exc}"))
    except DamagedFile as exc:
        out.errors.append(damage(display, exc, table.sheet))
    finally:
        own_headers(out, table.names)


def own_headers(out: Extracted, names: dict[str, str]) -> None:
    """Each error of ``out`` naming a declared column names the file's header instead."""
    if not names:
        return
    out.errors[:] = [
        replace(e, column=names[e.column]) if e.column in names else e for e in out.errors
    ]


def getter(cells: list[Cell], cols: dict[str, int]) -> Callable[[str], Cell]:
    """``get(column name)``: the row's cell for a declared column, ``None`` where absent."""

    def get(name: str) -> Cell:
        i = cols.get(name)
        return cells[i] if i is not None and i < len(cells) else None

    return get


TABLE_SUFFIXES = (".csv", ".xlsx", ".txt", ".tsv", "")


def declared_columns(
    path: Path, head: bytes, columns: Sequence[Column], suffixes: Sequence[str] = TABLE_SUFFIXES
) -> tuple[list[str], dict[str, int]] | None:
    """For identify(): the header and where the declared columns are, or None when the file
    is not a table of that shape (wrong kind of file, or a required column missing)."""
    if path.suffix.lower() not in suffixes:
        return None
    header = peek_header(path, head)
    cols, missing = map_columns(header, columns)
    return None if missing else (header, cols)


def header_matches(header: Sequence[str], columns: Sequence[Column]) -> bool:
    return not map_columns(header, columns)[1]


# ---------------------------------------------------------------- reading


def decode(data: bytes) -> str:
    """UTF-16 with its BOM (Excel's "Unicode text"), UTF-8 (with or without BOM), else
    Windows-1252 (the bytes it leaves undefined are kept as Latin-1, never lost)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _cp1252(data)


def _cp1252(data: bytes) -> str:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def sniff_delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (";", ",", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def is_xlsx(head: bytes) -> bool:
    return head[:4] == b"PK\x03\x04"


_UNDEFINED_IN_CP1252 = set(b"\x81\x8d\x8f\x90\x9d")
csv.field_size_limit(16 * 1024 * 1024)  # a cell of more than 16 MB is no cell of ours


def sniff_encoding(path: Path) -> str:
    """The text encoding of a file, found by reading it once in 1 MB chunks."""
    import codecs

    with path.open("rb") as fh:
        head = fh.read(4)
        if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
            return "utf-16"
        fh.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        while chunk := fh.read(1 << 20):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                break
        else:
            return "utf-8-sig"
        fh.seek(0)
        while chunk := fh.read(1 << 20):
            if _UNDEFINED_IN_CP1252 & set(chunk):
                return "latin-1"
    return "cp1252"


HEADER_SEARCH = 40  # a header below account lines is looked for in this many first rows
_LETTER_RE = re.compile(r"[^\W\d_]")


def _width(cells: Sequence[str]) -> int:
    """How many cells up to the last that holds something."""
    return max((i + 1 for i, c in enumerate(cells) if c.strip()), default=0)


def header_index(records: Sequence[Sequence[str]]) -> int | None:
    """Where a table's header row is among its first records, found by its content: the
    first row of at least two names (text with letters, no figures) that is as wide as the
    rows below it and followed by a row holding figures. The account number, period and
    balances a bank puts above its header are not it: they hold figures, or are narrower
    than the table. None when no row looks like a header."""
    rows = [[c.strip().lstrip("\ufeff") for c in r] for r in records[: HEADER_SEARCH + 6]]
    for k, cells in enumerate(rows[:HEADER_SEARCH]):
        named = [c for c in cells if c]
        if len(named) < 2 or any(not _LETTER_RE.search(c) or any(ch.isdigit() for ch in c)
                                 for c in named):  # fmt: skip
            continue
        below = [r for r in rows[k + 1 : k + 6] if any(r)]
        if not below or not any(any(ch.isdigit() for ch in c) for c in below[0]):
            continue
        if _width(cells) >= max(_width(r) for r in below):
            return k
    return None


def _csv_header_at(path: Path) -> tuple[str, int, list[str]] | None:
    """(separator, raw records before the header, header) of a CSV whose header may sit
    below a preamble (see :func:`header_index`); None when none is found."""
    encoding = sniff_encoding(path)
    best: tuple[str, int, list[str]] | None = None
    for delimiter in (";", ",", "\t", "|"):
        with path.open("r", encoding=encoding, errors="replace", newline="") as fh:
            first = fh.readline(1 << 20)
            fh.seek(0)
            reader = csv.reader(Lines(fh, cr_only=first.endswith("\r")), delimiter=delimiter)
            try:
                records = list(itertools.islice(reader, HEADER_SEARCH + 6))
            except (csv.Error, DamagedFile):
                continue
        k = header_index(records)
        if k is None:
            continue
        header = [h.strip().lstrip("\ufeff") for h in records[k]]
        if best is None or _width(header) > _width(best[2]):
            best = (delimiter, k, header)
    return best


def read_csv(path: Path, find_header: bool = False) -> Table:
    """Stream a CSV in whatever encoding and separator it came in.

    Lines may end in CRLF, LF or CR alone (Excel for Mac); a file damaged on the way is
    refused with the row it shows in (:class:`DamagedFile`): a carriage return alone inside a
    line of a CRLF or LF file, a NUL byte in a cell, a last row cut short. ``find_header``:
    the header may sit below lines of its own (see :func:`header_index`); else it is line 1.
    """
    found = _csv_header_at(path) if find_header else None
    encoding = sniff_encoding(path)
    fh = path.open("r", encoding=encoding, newline="")
    first = fh.readline(1 << 20)
    fh.seek(0)
    lines = Lines(fh, cr_only=first.endswith("\r"))
    delimiter = found[0] if found else sniff_delimiter(first.splitlines()[0] if first else "")
    reader = csv.reader(lines, delimiter=delimiter)
    try:
        for _ in range(found[1] if found else 0):
            next(reader)
        header = [h.strip().lstrip("\ufeff") for h in next(reader)]
    except StopIteration:
        header = []
    except BaseException:
        fh.close()
        raise
    return Table(header, csv_rows(reader, fh, header))


def excel_number(value: float) -> Decimal:
    """An Excel number cell as the Decimal Excel shows: at most 15 significant digits.

    Excel computes in binary floating point but displays 15 significant
    digits, so a cell holding ``0.30000000000000004`` is 0.3 to the clerk.
    """
    number = Decimal(repr(value))
    if number.is_finite() and number != 0 and len(number.as_tuple().digits) > 15:
        exponent = number.adjusted() - 14
        number = number.quantize(Decimal(1).scaleb(exponent)).normalize()
    return number


def _xlsx_cell(value: object) -> Cell:
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return excel_number(value)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return str(value)


MAX_XLSX_EXPANDED = 2 * 1024**3  # bytes once unzipped
MAX_XLSX_RATIO = 200  # a spreadsheet compresses ~10x; a zip bomb a million-fold


class NotAWorkbook(DamagedFile):
    """What only poses as a workbook, or one that cannot be read at all."""


def check_xlsx(path: Path) -> None:
    """Refuse what only poses as a workbook: not a zip, a zip bomb, no worksheet."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except Exception as exc:  # a damaged zip raises more than BadZipFile
        raise NotAWorkbook(f"not a readable XLSX workbook ({exc})") from exc
    expanded = sum(i.file_size for i in infos)
    packed = max(1, sum(i.compress_size for i in infos))
    if expanded > MAX_XLSX_EXPANDED or expanded / packed > MAX_XLSX_RATIO:
        raise NotAWorkbook(
            f"its compressed content would expand to {expanded:,} bytes ({expanded // packed}x): "
            "refused as a zip bomb"
        )
    if not any(i.filename.startswith("xl/worksheets/") for i in infos):
        raise NotAWorkbook("a zip file with no worksheet: not an XLSX workbook")


def read_xlsx(path: Path, find_header: bool = False) -> Table:
    """The first sheet; its header is its first non-empty row, or with ``find_header`` the
    row :func:`header_index` finds among the first ones.

    A workbook that cannot be read, at its start or further down, raises
    :class:`DamagedFile` (with the row where it could no longer be read)."""
    check_xlsx(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import openpyxl  # lazily: it costs a third of a second to import

            wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
            ws = wb.worksheets[0]
            it = ws.iter_rows(values_only=True)
            header: list[str] = []
            header_row = 0
            firsts: list[tuple[int, tuple]] = []
            for n, values in enumerate(it, start=1):
                if any(v not in (None, "") for v in values):
                    firsts.append((n, values))
                    if not find_header or len(firsts) >= HEADER_SEARCH + 6:
                        break
            k = None
            if find_header:
                k = header_index([[text(_xlsx_cell(v)) for v in row] for _n, row in firsts])
            if firsts:
                header_row, values = firsts[k or 0]
                header = [str(v).strip() if v is not None else "" for v in values]
                if find_header:
                    it = ws.iter_rows(min_row=header_row + 1, values_only=True)
    except DamagedFile:
        raise
    except Exception as exc:  # whatever a damaged workbook raises
        raise NotAWorkbook(f"not a readable XLSX workbook ({_why(exc)})") from exc
    return Table(header, _xlsx_rows(wb, it, header_row), sheet=ws.title, header_row=header_row)


def _why(exc: BaseException) -> str:
    return str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__


def _xlsx_rows(wb, it, header_row: int) -> Iterator[tuple[int, list[Cell]]]:
    n = header_row
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            while True:
                n += 1
                try:
                    values = next(it)
                except StopIteration:
                    return
                except Exception as exc:  # whatever a damaged workbook raises
                    raise DamagedFile(
                        f"could not be read further, expected a readable XLSX worksheet "
                        f"({_why(exc)})",
                        n,
                    ) from exc
                cells = [_xlsx_cell(v) for v in values]
                if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
                    continue
                yield n, cells
    finally:
        wb.close()


def read_json_table(path: Path) -> Table:
    found = json_items(path)
    prefix, items = found if found else ("", [])
    header: list[str] = []
    seen: set[str] = set()
    for item in items:
        if isinstance(item, dict):
            for k in item:
                if k not in seen:
                    seen.add(k)
                    header.append(k)

    def rows() -> Iterator[tuple[int, list[Cell]]]:
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                yield i, [None] * len(header)
                continue
            yield i, [_json_cell(item.get(h)) for h in header]

    return Table(header, rows(), element=prefix)


def _json_cell(value: object) -> Cell:
    if value is None or isinstance(value, str | Decimal):
        return value
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def read_table(path: Path, head: bytes | None = None, find_header: bool = False) -> Table:
    """A CSV, XLSX or JSON table; ``find_header``: its header may sit below lines of its own
    (a bank's account lines), found by :func:`header_index`."""
    if head is None:
        with path.open("rb") as fh:
            head = fh.read(8)
    if is_xlsx(head):
        return read_xlsx(path, find_header)
    if is_json(head):
        return read_json_table(path)
    return read_csv(path, find_header)


def peek_header(path: Path, head: bytes, find_header: bool = False) -> list[str]:
    """The header row only (cheap enough for identify()); JSON: the first item's keys.
    ``find_header``: the header found below a preamble, as :func:`read_table` reads it."""
    if find_header and not is_json(head):
        try:
            if is_xlsx(head):
                return read_xlsx(path, find_header=True).header
            found = _csv_header_at(path)
        except (DamagedFile, UnicodeDecodeError, OSError):
            return []
        if found is not None:
            return found[2]
    if is_json(head):
        found = json_items(path)
        if not found or not found[1] or not isinstance(found[1][0], dict):
            return []
        return list(found[1][0])
    if is_xlsx(head):
        try:
            return read_xlsx(path).header
        except Exception:  # noqa: BLE001 - any unreadable workbook is simply not ours
            return []
    try:
        with path.open("rb") as fh:
            first = fh.read(65536)
        lines = decode(first).splitlines()
    except UnicodeDecodeError:
        return []
    line = lines[0] if lines else ""
    try:
        return [h.strip() for h in next(csv.reader([line], delimiter=sniff_delimiter(line)), [])]
    except csv.Error:
        return []


# ---------------------------------------------------------------- cells


def text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, Decimal):
        return format(cell, "f")
    if isinstance(cell, date):
        return cell.isoformat()
    return cell.strip()


_CURRENCY_MARK_RE = re.compile(r"^(?:[€$£¥]|[A-Z]{3})\s*|\s*(?:[€$£¥]|[A-Z]{3})$")


MAX_NUMBER = Decimal(10) ** 15  # no amount, quantity or price of ours comes near


def decimal(cell: Cell) -> Decimal:
    """A number cell; a currency sign or code written beside it (``1 234,56 €``) is dropped.
    A number of 10^15 or more (``1e30``), or one that is not finite, is refused."""
    if isinstance(cell, Decimal):
        number = cell
    else:
        s = _CURRENCY_MARK_RE.sub("", text(cell))
        if not s:
            raise CellError(say("expected a number, got ''"))
        try:
            number = parse_decimal(s)
        except MoneyError as exc:
            raise CellError(said(exc)) from exc
    if not number.is_finite() or abs(number) >= MAX_NUMBER:
        raise CellError(say("got '{got}', expected a number below 1 000 000 000 000 000 (an "
                            "amount, quantity or price)", got=one_line(text(cell))))  # fmt: skip
    return number


_ISO_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")
_SLASH_RE = re.compile(
    r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?.*)?$"
)


def make_date_parser(order: str) -> Callable[[Cell], date]:
    """A parser for ISO dates and ``order`` ('DMY' or 'MDY') slash dates."""

    expected = say("YYYY-MM-DD or DD/MM/YYYY") if order == "DMY" else say("YYYY-MM-DD or M/D/YYYY")

    def parse(cell: Cell) -> date:
        return in_range(_parse(cell), cell)

    def _parse(cell: Cell) -> date:
        if isinstance(cell, date):
            return cell
        s = text(cell)
        if s.isdigit() and len(s) == 5:  # a date Excel turned into its serial number
            return EXCEL_EPOCH + timedelta(days=int(s))
        try:
            m = _ISO_RE.match(s)
            if m:
                return date(int(m[1]), int(m[2]), int(m[3]))
            m = _SLASH_RE.match(s)
            if m:
                a, b, y = int(m[1]), int(m[2]), int(m[3])
                return date(y, b, a) if order == "DMY" else date(y, a, b)
        except ValueError:
            pass
        raise CellError(say("expected a date ({expected}), got '{got}'", expected=expected,
                            got=one_line(s)))  # fmt: skip

    return parse


FIRST_YEAR, LAST_YEAR = 1900, 2100


def in_range(day: date, cell: Cell) -> date:
    """``day`` when its year is within 1900-2100, else :class:`CellError`."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise CellError(say("got '{got}', expected a date between {first} and {last}",
                            got=one_line(text(cell)), first=FIRST_YEAR,
                            last=LAST_YEAR))  # fmt: skip
    return day


EXCEL_EPOCH = date(1899, 12, 30)
parse_dmy = make_date_parser("DMY")
parse_mdy = make_date_parser("MDY")
