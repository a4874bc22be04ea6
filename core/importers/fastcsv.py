"""The fast path for large CSV files: read, check and shape whole columns with pyarrow.

Used where a file is big and plain (numbers as ``-123.45``, US dates, one
record per line).  Whenever a value does not fit that shape, the caller falls
back to the row-by-row reader, which names the file, row and column of every
problem: the fast path never reports an error of its own, it only declines.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from core.importers.tabular import sniff_delimiter, sniff_encoding

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa
    import pyarrow.csv as pacsv

NUMBER = r"^-?\d{1,15}(\.\d+)?$"  # below 10^15, as the row reader accepts
CURRENCY = r"^[A-Za-z]{3}$"
US_DATE = r"^\d{1,2}/\d{1,2}/(19\d\d|20\d\d|2100)( \d{1,2}:\d{2}(:\d{2})?)?$"  # 1900-2100
MIN_BYTES = 4 * 1024 * 1024
BLOCK_BYTES = 1 << 24  # what the fast path reads at once (a block of the file)
UNTRIMMED = {
    "Total",
    "Subtotal",
    "TaxTotal",
    "Quantity",
    "UnitPrice",
    "Currency",
}  # below this the row-by-row reader is fast enough


def stream_columns(path: Path, wanted: dict[str, int], n_header: int, block_size: int = 1 << 24):
    """Yield record batches of the ``wanted`` columns as text, a block at a time.

    Bounded memory whatever the file's size.  Raises ``ValueError`` when the
    file is not plain UTF-8 CSV with as many fields on every line as its header.
    """
    import pyarrow as pa
    import pyarrow.csv as pacsv

    with path.open("rb") as fh:
        first = fh.readline(1 << 20).decode("utf-8-sig", errors="replace")
    names = [f"c{i}" for i in range(n_header)]
    include = [f"c{i}" for i in sorted(set(wanted.values()))]  # two names may share a column
    try:
        reader = pacsv.open_csv(
            path,
            read_options=pacsv.ReadOptions(
                column_names=names, skip_rows=1, encoding="utf8", block_size=block_size
            ),
            parse_options=pacsv.ParseOptions(delimiter=sniff_delimiter(first)),
            convert_options=pacsv.ConvertOptions(
                include_columns=include,
                column_types={c: pa.string() for c in include},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
        for batch in reader:
            if any(has_nul(column) for column in batch.columns):
                raise ValueError("a NUL byte: the row reader names it")
            # the columns come in the file's order: each asked name takes its own column
            by_position = {f"c{i}": batch.column(f"c{i}") for i in sorted(set(wanted.values()))}
            yield pa.RecordBatch.from_arrays([by_position[f"c{i}"] for i in wanted.values()],
                                             names=list(wanted))  # fmt: skip
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as exc:
        raise ValueError(str(exc)) from exc


def has_nul(column) -> bool:
    import pyarrow.compute as pc

    return bool(pc.any(pc.match_substring(column, "\x00")).as_py())


def count_lines(path: Path) -> int:
    """Lines ending in LF (and a last one without)."""
    n = 0
    last = b"\n"
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 24):
            n += chunk.count(b"\n")
            last = chunk[-1:]
    return n + (last != b"\n")


class Declined(Exception):
    """The fast path declines the file after part of it was given: the import keeps
    nothing of it and the row reader takes the file."""


def shaped_blocks(
    path: Path, wanted: dict[str, int], n_header: int,
    shape: Callable[[pa.Table, int], pa.Table | None] | None = None,
) -> Iterator[pa.Table]:  # fmt: skip
    """The columns ``wanted`` (name → position) as text, a block at a time, so that only
    what is kept of a block is in memory, never the whole file as text.  ``shape(block,
    first row)`` turns each block into what is kept of it (or None to decline the file).

    Plain: UTF-8, UTF-16 or Windows-1252; every record on one line; as many fields on
    every line as in the header.  Raises :class:`Declined` when the file is not (a block
    that does not fit, or after the last block when records spanned lines).
    """
    import pyarrow as pa
    import pyarrow.csv as pacsv

    with path.open("rb") as fh:
        head = fh.read(4)
    # pyarrow checks UTF-8 as it reads; only a file that fails that is scanned for its encoding
    encodings = ["utf-16"] if head[:2] in (b"\xff\xfe", b"\xfe\xff") else ["utf8", None]
    names = [f"c{i}" for i in range(n_header)]
    include = [f"c{i}" for i in wanted.values()]
    for encoding in encodings:
        rows = 0
        try:
            encoding = encoding or sniff_encoding(path)
            with path.open("r", encoding=encoding, newline="") as fh:
                first = fh.readline(1 << 20)
            for table, lines in _record_blocks(
                path,
                encoding,
                names,
                # a record over several lines, or a blank line, is an error here: the row
                # reader then takes the file and numbers its rows as an editor does
                pacsv.ParseOptions(
                    delimiter=sniff_delimiter(first),
                    newlines_in_values=False,
                    ignore_empty_lines=False,
                ),
                pacsv.ConvertOptions(
                    include_columns=include,
                    column_types={c: pa.string() for c in include},
                    strings_can_be_null=False,
                    quoted_strings_can_be_null=False,
                ),
            ):
                if table.num_rows != lines:
                    raise Declined("records over several lines, or a CR alone")
                if any(has_nul(column) for column in table.columns):
                    raise Declined("a NUL byte (also in UTF-16): the row reader names it")
                block = _named(table, wanted)
                kept = block if shape is None else shape(block, rows)
                if kept is None:
                    raise Declined("a value the row reader must judge")
                rows += table.num_rows
                yield kept
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError, UnicodeDecodeError,
                LookupError) as exc:  # fmt: skip
            if rows:  # part of the file was given in this encoding
                raise Declined(str(exc)) from exc
            continue
        if not rows:
            break
        return
    raise Declined("not a plain CSV file")


def _record_blocks(
    path: Path, encoding: str, names: list[str], parse: pacsv.ParseOptions,
    convert: pacsv.ConvertOptions,
) -> Iterator[tuple[pa.Table, int]]:  # fmt: skip
    """The records after the header, a block of whole lines at a time (read here, so that
    memory holds one block, not the file: Arrow's own streaming reader reads ahead of what
    is taken), with how many lines they came from."""
    import io

    import pyarrow.csv as pacsv

    if encoding.lower().replace("_", "-").startswith("utf-16"):  # a line ends in two bytes
        options = pacsv.ReadOptions(column_names=names, skip_rows=1, encoding=encoding)
        table = pacsv.read_csv(path, options, parse, convert)
        yield table, count_lines(path) - 1
        return
    options = pacsv.ReadOptions(column_names=names, encoding=encoding)
    with path.open("rb") as fh:
        if not fh.readline(1 << 20).endswith(b"\n"):
            return  # a header over a megabyte, or lines ending in CR alone
        while data := fh.read(BLOCK_BYTES):
            data += fh.readline()  # the block's last line whole
            if data.count(b'"') % 2:  # cut inside a quoted text (a line break in a cell)
                raise Declined("a line break inside a quoted cell")
            lines = data.count(b"\n") + (not data.endswith(b"\n"))
            yield pacsv.read_csv(io.BytesIO(data), options, parse, convert), lines
            del data


def _named(table: pa.Table, wanted: dict[str, int]) -> pa.Table:
    """The block's columns by name; text is compared trimmed, as the row reader does (numbers
    with spaces fail their check)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    return pa.table(
        {
            n: table[f"c{i}"] if n in UNTRIMMED else pc.utf8_trim_whitespace(table[f"c{i}"])
            for n, i in wanted.items()
        }
    )


def all_match(column, pattern: str, *, allow_empty: bool = False) -> bool:
    """Every value matches (checked once per distinct value)."""
    import pyarrow.compute as pc

    column = pc.unique(column)
    ok = pc.match_substring_regex(column, pattern)
    if allow_empty:
        ok = pc.or_(ok, pc.equal(pc.utf8_length(column), 0))
    return bool(pc.all(ok).as_py()) if len(column) else True


def iso_dates(column) -> pa.ChunkedArray | None:
    """US ``M/D/YYYY`` (with or without a time) → ``YYYY-MM-DD``; empty stays empty."""
    import pyarrow as pa
    import pyarrow.compute as pc

    # a billing file has few distinct dates: convert each once
    encoded = pc.dictionary_encode(column).combine_chunks()
    values = encoded.dictionary
    if not all_match(values, US_DATE, allow_empty=True):
        return None
    day = pc.replace_substring_regex(values, r" .*$", "")
    parsed = pc.strptime(day, format="%m/%d/%Y", unit="s", error_is_null=True)
    empty = pc.equal(pc.utf8_length(values), 0)
    if pc.any(pc.and_(pc.is_null(parsed), pc.invert(empty))).as_py():
        return None  # 2/30/2026 and the like: let the row reader name it
    text = pc.if_else(empty, pa.scalar("", pa.string()), pc.strftime(parsed, format="%Y-%m-%d"))
    return pc.take(text, encoded.indices)


def numbers_ok(column, *, allow_empty: bool = False) -> bool:
    """Every value is a plain decimal number that decimal128 holds exactly."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if allow_empty:
        column = pc.if_else(pc.equal(pc.utf8_length(column), 0), pa.scalar("0"), column)
    if not all_match(column, NUMBER):
        return False
    try:
        pc.cast(column, pa.decimal128(38, 18))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return False
    return True


def joined(table: pa.Table, names: Sequence[str], sep: str):
    import pyarrow as pa
    import pyarrow.compute as pc

    cols = [table[n] if n in table.column_names else pa.array([""] * table.num_rows) for n in names]
    if len(cols) == 1:
        return cols[0]
    return pc.binary_join_element_wise(*cols, sep)
