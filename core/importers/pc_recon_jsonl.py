"""Partner Center's v2 billing exports: billed invoice reconciliation and billed usage.

The APIs (Microsoft Graph, ``reports/partners/billing/reconciliation/billed/export`` and
``reports/partners/billing/usage/billed/export``) deliver their line items as
``compressedJSONLines``: gzip files of JSON Lines, one object per line, with the attribute
names of the portal's CSV files (reconciliation: ``InvoiceNumber``, ``CustomerId``,
``Subtotal``, ``TaxTotal``, ``Total``, ``Currency``, ``ChargeStartDate``,
``PCToBCExchangeRate``, …, the v1 API's ``totalForCustomer`` is ``Total`` here; daily rated
usage: ``UsageDate``, ``MeterName``, ``Quantity``, ``BillingPreTaxTotal``,
``BillingCurrency``, …), numbers as JSON numbers and dates as ISO timestamps.  The import
service decompresses the gzip; this module reads the lines, a line at a time, with the same
columns, checks and records as the CSV readers (:mod:`core.importers.pc_recon_lines`,
:mod:`core.importers.usage`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path

from core.importers.base import ImportOptions
from core.importers.pc_recon_lines import COLUMNS, read_rows
from core.importers.tabular import Cell, Column, fold, map_columns
from core.importers.usage import COLUMNS as USAGE_COLUMNS
from core.importers.usage import PartnerCenterUsage
from core.linestore import lines_to_table
from core.model import Extracted, ImportError_, Source

NAME = "Partner Center invoice line items, reconciliation API v2 (JSON Lines, gzip)"
USAGE_NAME = "Partner Center daily rated usage, billed usage API v2 (JSON Lines, gzip)"
MAX_LINE = 16 * 1024 * 1024  # a line item of more than 16 MB is no line item
BLOCK_LINES = 50_000  # line records kept as Python objects before they become Arrow columns
Rows = Iterator[tuple[Source, list[Cell]]]


def _first_object(path: Path) -> dict | None:
    """The first line's object, when the file is JSON Lines (None otherwise)."""
    try:
        with path.open("rb") as fh:
            line = fh.readline(1 << 20)
        item = json.loads(line.decode("utf-8-sig"), parse_float=Decimal, parse_int=Decimal)
    except (ValueError, RecursionError):  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        return None
    return item if isinstance(item, dict) else None


def _has_columns(path: Path, head: bytes, columns: Sequence[Column]) -> bool:
    """For identify(): JSON Lines whose first object has the ``columns`` required."""
    if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] != b"{":
        return False
    first = _first_object(path)
    return first is not None and not map_columns(list(first), columns)[1]


def _opened(
    path: Path, display: str, columns: Sequence[Column], out: Extracted
) -> tuple[Rows, dict[str, int]] | None:
    """Each line's values and where the declared columns are among them, or None with the
    error in ``out``."""
    first = _first_object(path)
    header = list(first) if first else []
    cols, missing = map_columns(header, columns)
    if missing:
        out.errors.append(
            ImportError_(
                Source(display, 1),
                f"expected attributes {', '.join(missing)}; found {', '.join(header)}",
            )
        )
        return None
    return _rows(path, display, header, cols, columns, out), cols


def _cell(value: object) -> Cell:
    if value is None or isinstance(value, str | Decimal):
        return value
    if isinstance(value, bool):
        return str(value).lower()
    return json.dumps(value, default=str)  # ProductQualifiers is an array


def _rows(
    path: Path,
    display: str,
    header: list[str],
    cols: dict[str, int],
    columns: Sequence[Column],
    out: Extracted,
) -> Rows:
    """Each line's values in ``header``'s order (an attribute first seen on a later line
    joins the header, and ``cols`` with it); a line that is not a JSON object is an error
    named by its line number, and reading stops after 100 of them."""
    seen, known = set(header), {fold(h) for h in header}
    with path.open("rb") as fh:
        for n, raw in enumerate(iter(lambda: fh.readline(MAX_LINE + 1), b""), start=1):
            if not raw.strip():
                continue
            source = Source(display, n)
            item = _item(raw, source, out)
            if item is None:
                if len(out.errors) > 100:
                    return
                continue
            if not seen.issuperset(item):  # an attribute not on the lines before
                seen.update(item)
                new = [k for k in item if fold(k) not in known]
                header.extend(new)
                known.update(fold(k) for k in new)
                cols.update(map_columns(header, columns)[0])
            yield source, [_cell(item.get(h)) for h in header]


def _item(raw: bytes, source: Source, out: Extracted) -> dict | None:
    """One line's object, or None with the error in ``out``."""
    if len(raw) > MAX_LINE:
        out.errors.append(ImportError_(source, f"a line longer than {MAX_LINE >> 20} MB"))
        return None
    try:
        item = json.loads(raw.decode("utf-8-sig"), parse_float=Decimal, parse_int=Decimal)
    except UnicodeDecodeError as exc:
        why = f"not UTF-8 text: byte 0x{raw[exc.start]:02x} at column {exc.start + 1}"
        out.errors.append(ImportError_(source, f"not a JSON line item ({why})"))
        return None
    except json.JSONDecodeError as exc:
        why = f"{exc.msg} at column {exc.colno}"
        out.errors.append(ImportError_(source, f"not a JSON line item ({why})"))
        return None
    except RecursionError:
        out.errors.append(ImportError_(source, "not a JSON line item (nested too deeply)"))
        return None
    if not isinstance(item, dict):
        out.errors.append(ImportError_(source, "expected a JSON object (one line item)"))
        return None
    return item


class PartnerCenterReconJsonLines:
    name = NAME

    def identify(self, path: Path, head: bytes) -> bool:
        return _has_columns(path, head, COLUMNS)

    def extract(self, path: Path, display: str, options: ImportOptions) -> Extracted:
        out = Extracted(NAME)
        opened = _opened(path, display, COLUMNS, out)
        if opened is None:
            return out
        rows, cols = opened
        # an unbilled download's lines are not invoiced yet, whatever placeholder they carry
        fixed_number = "" if "unbilled" in path.name.lower() else None
        blocks: list = []
        read_rows(_in_blocks(rows, out, blocks), cols, fixed_number, out)
        if blocks:  # millions of lines: held as Arrow columns, a block at a time
            import pyarrow as pa

            blocks.append(lines_to_table(out.lines))
            out.line_table, out.lines = pa.concat_tables(blocks), []
        return out


def _in_blocks(rows: Rows, out: Extracted, blocks: list) -> Rows:
    """``rows`` as they are; every :data:`BLOCK_LINES` line records the row reader has made
    become one Arrow table of ``blocks`` (the same columns as the CSV's), so that memory holds
    columns, not objects."""
    for row in rows:
        yield row
        if len(out.lines) >= BLOCK_LINES:
            blocks.append(lines_to_table(out.lines))
            out.lines.clear()


class PartnerCenterUsageJsonLines:
    """Daily rated usage, summed exactly per invoice, customer, subscription and meter as
    :class:`core.importers.usage.PartnerCenterUsage` sums the CSV (with its row reader)."""

    name = USAGE_NAME

    def identify(self, path: Path, head: bytes) -> bool:
        return _has_columns(path, head, USAGE_COLUMNS)

    def extract(self, path: Path, display: str, options: ImportOptions) -> Extracted:
        out = Extracted(USAGE_NAME)
        opened = _opened(path, display, USAGE_COLUMNS, out)
        if opened is None:
            return out
        rows, cols = opened
        rated = "Amount" in cols
        if rated and "Currency" not in cols:
            out.errors.append(ImportError_(Source(display, 1), "expected a BillingCurrency"))
            return out
        unbilled = "unbilled" in path.name.lower()
        return PartnerCenterUsage().sum_rows(rows, cols, rated, unbilled, out)
