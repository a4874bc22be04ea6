"""The one small interface every file format implements.

An importer *identifies* a file it can read (from its name and first bytes),
then *extracts* records and errors.  Deduplication against what a workspace
already holds is the store's job (content hash and document numbers), so a
new format is one new module registered in :mod:`core.importers`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from core.i18n import say
from core.model import Extracted

# The longest document number, invoice number or payment id a workspace keeps (a server's
# VARCHAR(64) refuses a longer one; a file's SQLite column would take it): refused on import
# with its row and column, the same on both engines.
NUMBER_MAX = 64


def too_long(value: str) -> str | None:
    """Why ``value`` cannot be a document number or payment id (too long, or holding a
    control character such as a NUL byte), or None when it can."""
    control = next((c for c in value if ord(c) < 32 or 127 <= ord(c) < 160), None)
    if control is not None:
        shown = value.encode("unicode_escape").decode("ascii")[:40]
        return say("got '{got}' with the control character U+{code}, expected a number or id "
                   "of printable characters (a damaged file?)", got=shown,
                   code=f"{ord(control):04X}")  # fmt: skip
    if len(value) <= NUMBER_MAX:
        return None
    return say(
        "expected at most {most} characters, got {length} ('{start}…')",
        most=NUMBER_MAX,
        length=len(value),
        start=value[:24],
    )


def nul_line(path: Path) -> int | None:
    """The line of the first NUL byte in the file (no text format holds one), else None."""
    with path.open("rb") as fh:
        lines = 1
        while block := fh.read(1 << 20):
            at = block.find(b"\x00")
            if at >= 0:
                return lines + block.count(b"\n", 0, at)
            lines += block.count(b"\n")
    return None


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """What the clerk (or the command line) adds to a file."""

    term_days: int = 60
    invoice_number: str | None = None  # for files that do not carry one
    payees: tuple[str, ...] = field(default_factory=tuple)  # names, besides "Microsoft"
    payee_ibans: tuple[str, ...] = field(default_factory=tuple)
    currency: str = "EUR"  # for bank exports that do not name one
    rows_only: bool = False  # read row by row (the fast path declined the file part way)


class Importer(Protocol):
    """identify → extract.  ``name`` is shown to the clerk."""

    name: str

    def identify(self, path: Path, head: bytes) -> bool:
        """True when this importer reads the file whose first bytes are ``head``."""
        ...

    def extract(self, path: Path, display: str, options: ImportOptions) -> Extracted:
        """Read the whole file: records, deliberate skips and errors (never raise on bad data)."""
        ...
