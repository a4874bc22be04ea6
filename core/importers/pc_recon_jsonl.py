"""Partner Center billed line items from the billed invoice reconciliation API v2.

The API (Microsoft Graph, ``reports/partners/billing/reconciliation/billed/export``)
delivers its line items as ``compressedJSONLines``: gzip files of JSON Lines, one
object per line, with the attribute names of the portal's reconciliation CSV
(``InvoiceNumber``, ``CustomerId``, ``Subtotal``, ``TaxTotal``, ``Total``,
``Currency``, ``ChargeStartDate``, ``PCToBCExchangeRate``, …; the v1 API's
``totalForCustomer`` is ``Total`` here), numbers as JSON numbers and dates as ISO
timestamps.  The import service decompresses the gzip; this module reads the lines,
a line at a time, with the same columns, checks and line records as the CSV reader
(:mod:`core.importers.pc_recon_lines`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from core.importers.base import ImportOptions
from core.importers.pc_recon_lines import COLUMNS, read_rows
from core.importers.tabular import Cell, fold, map_columns
from core.model import Extracted, ImportError_, Source

NAME = "Partner Center invoice line items, reconciliation API v2 (JSON Lines, gzip)"
MAX_LINE = 16 * 1024 * 1024  # a line item of more than 16 MB is no line item


def _first_object(path: Path) -> dict | None:
    """The first line's object, when the file is JSON Lines (None otherwise)."""
    try:
        with path.open("rb") as fh:
            line = fh.readline(1 << 20)
        item = json.loads(line.decode("utf-8-sig"), parse_float=Decimal, parse_int=Decimal)
    except (ValueError, RecursionError):  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        return None
    return item if isinstance(item, dict) else None


def _cell(value: object) -> Cell:
    if value is None or isinstance(value, str | Decimal):
        return value
    if isinstance(value, bool):
        return str(value).lower()
    return json.dumps(value, default=str)  # ProductQualifiers is an array


class PartnerCenterReconJsonLines:
    name = NAME

    def identify(self, path: Path, head: bytes) -> bool:
        if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] != b"{":
            return False
        first = _first_object(path)
        return first is not None and not map_columns(list(first), COLUMNS)[1]

    def extract(self, path: Path, display: str, options: ImportOptions) -> Extracted:
        out = Extracted(NAME)
        first = _first_object(path)
        header = list(first) if first else []
        cols, missing = map_columns(header, COLUMNS)
        if missing:
            out.errors.append(
                ImportError_(
                    Source(display, 1),
                    f"expected attributes {', '.join(missing)}; found {', '.join(header)}",
                )
            )
            return out
        # an unbilled download's lines are not invoiced yet, whatever placeholder they carry
        fixed_number = "" if "unbilled" in path.name.lower() else None
        read_rows(self._rows(path, display, header, cols, out), cols, fixed_number, out)
        return out

    def _rows(
        self, path: Path, display: str, header: list[str], cols: dict[str, int], out: Extracted
    ) -> Iterator[tuple[Source, list[Cell]]]:
        """Each line's values in ``header``'s order (an attribute first seen on a later line
        joins the header, and ``cols`` with it); a line that is not a JSON object is an
        error named by its line number, and reading stops after 100 of them."""
        known = {fold(h) for h in header}
        with path.open("rb") as fh:
            for n, raw in enumerate(iter(lambda: fh.readline(MAX_LINE + 1), b""), start=1):
                if not raw.strip():
                    continue
                source = Source(display, n)
                item = self._item(raw, source, out)
                if item is None:
                    if len(out.errors) > 100:
                        return
                    continue
                new = [k for k in item if fold(k) not in known]
                if new:
                    header.extend(new)
                    known.update(fold(k) for k in new)
                    cols.update(map_columns(header, COLUMNS)[0])
                yield source, [_cell(item.get(h)) for h in header]

    @staticmethod
    def _item(raw: bytes, source: Source, out: Extracted) -> dict | None:
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
