"""Spreadsheets in a layout no importer knows, read through a mapping the clerk made once.

The clerk says which of the file's columns is the date, the amount... (the
desktop's column-mapping dialog, or ``csp-recon map``); the mapping is kept in
the workspace for that header layout, and every later file with the same
headers imports without asking again.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from core.i18n import phrase, say
from core.importers import invoice_table, payments_table
from core.importers.base import ImportOptions
from core.importers.tabular import Column, each_row, fold, read_table
from core.model import Extracted, ImportError_

KINDS: dict[str, tuple[Column, ...]] = {
    "payments": payments_table.COLUMNS,
    "invoices": invoice_table.COLUMNS,
}


def layout_key(header: list[str]) -> str:
    """Identifies a header layout whatever the case, accents or column order."""
    text = "\x1f".join(sorted(fold(h) for h in header if h.strip()))
    return hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()[:16]


def fields(kind: str) -> list[tuple[str, bool]]:
    """(field name, required) the clerk maps for ``kind``."""
    return [(c.name, c.required) for c in KINDS[kind]]


class MappedTable:
    """Reads a table whose columns the clerk mapped to a known kind's fields."""

    def __init__(self, kind: str, columns: dict[str, str]) -> None:
        if kind not in KINDS:
            raise ValueError(f"unknown kind '{kind}' (payments or invoices)")
        self.kind = kind
        self.columns = columns  # field name -> the file's header text
        self.name = f"{payments_table.NAME if kind == 'payments' else invoice_table.NAME}" + (
            ", mapped columns"
        )

    def identify(self, path: Path, head: bytes) -> bool:  # chosen by layout, never guessed
        return False

    def extract(self, path: Path, display: str, options: ImportOptions) -> Extracted:
        out = Extracted(self.name)
        table = read_table(path, find_header=True)
        position = {h.strip(): i for i, h in enumerate(table.header)}
        cols: dict[str, int] = {}
        for field, required in fields(self.kind):
            header = self.columns.get(field)
            if header and header in position:
                cols[field] = position[header]
            elif required:
                out.errors.append(
                    ImportError_(
                        table.source(display, 1),
                        say(
                            "the mapping names column '{header}' for {field}; the file has {found}",
                            header=header,
                            field=phrase(field),
                            found=", ".join(table.header),
                        ),
                    )
                )
        if out.errors:
            return out
        table.names = {f: table.header[i] for f, i in cols.items() if table.header[i]}
        for src, cells in each_row(table, display, out):
            out.entries_read += 1
            if self.kind == "payments":
                p = payments_table._payment(cells, cols, src, out)
                if p is not None:
                    out.payments.append(p)
            else:
                d = invoice_table._document(cells, cols, src, out)
                if d is not None:
                    out.documents.append(d)
        return out
