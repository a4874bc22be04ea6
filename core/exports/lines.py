"""Line items out, as they are stored: a CSV or a Parquet file written a pack at a time, so
that any number of lines is exported in bounded memory (the Excel report has a million rows
a sheet; this is where all of them are)."""

from __future__ import annotations

import errno
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa

COLUMNS = (
    "invoice_number", "currency", "customer_id", "customer_name", "product", "charge_type",
    "subscription_id", "charge_start", "charge_end", "subtotal", "tax", "total", "quantity",
    "unit_price", "source_file", "source_row",
)  # fmt: skip
# Texts from a file, not amounts: in a CSV opened by a spreadsheet, one starting with = + - @
# would be read as a formula, so it is written with a leading apostrophe (as Excel shows it).
TEXTS = ("customer_id", "customer_name", "product", "charge_type", "subscription_id")


def write_lines(tables: Iterable[pa.Table], path: Path) -> int:
    """Write the tables' lines to ``path`` (.parquet, else CSV in UTF-8 with a BOM so that
    Excel reads the accents), whole or not at all; the number of lines written."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    if not path.parent.is_dir():  # said of the file asked for, not of the one written first
        raise FileNotFoundError(errno.ENOENT, "no such folder", str(path))
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "a folder", str(path))
    parquet = path.suffix.lower() == ".parquet"
    schema = pa.schema([(c, pa.int64() if c == "source_row" else pa.string()) for c in COLUMNS])
    part = path.with_name(path.name + ".part")
    written = 0
    try:
        with part.open("wb") as fh:
            if not parquet:
                fh.write("\ufeff".encode())
            writer = (pq.ParquetWriter(fh, schema, compression="zstd") if parquet
                      else pacsv.CSVWriter(fh, schema))  # fmt: skip
            with writer:
                for table in tables:
                    table = table.select(list(COLUMNS)).cast(schema)
                    if not parquet:
                        table = _no_formulas(table, pc)
                    writer.write_table(table)
                    written += table.num_rows
        part.replace(path)
    finally:
        part.unlink(missing_ok=True)
    return written


def _no_formulas(table: pa.Table, pc) -> pa.Table:
    for name in TEXTS:
        col = table[name]
        risky = pc.match_substring_regex(col, r"^[=+\-@\t\r]")
        quoted = pc.binary_join_element_wise("'", col, "")
        table = table.set_column(table.column_names.index(name), name,
                                 pc.if_else(risky, quoted, col))  # fmt: skip
    return table
