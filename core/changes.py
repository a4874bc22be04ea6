"""The record every change of the workspace returns, for both faces.

The command line prints its ``lines``; the window shows them and refreshes only what
``touched`` names.  ``result`` is what the caller needs back (ids, an import summary).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

# What a change can touch: the parts of the workspace a face may have to read again.
TOUCHABLE = frozenset({
    "documents", "payments", "allocations", "plans", "claims", "notes", "settings", "marks",
    "lines", "suggestions",
})  # fmt: skip
LEDGER = frozenset({"documents", "payments", "allocations"})


@dataclass(frozen=True)
class Change:
    action: str
    lines: tuple[str, ...] = ()
    touched: frozenset[str] = field(default_factory=frozenset)
    result: Any = None
    audit_id: int | None = None

    def __post_init__(self) -> None:
        unknown = set(self.touched) - TOUCHABLE
        if unknown:  # a typo would silently leave a face showing stale figures
            raise ValueError(f"unknown part of the workspace: {sorted(unknown)}")


def change(
    action: str,
    lines: Iterable[str] | str = (),
    touched: Iterable[str] = (),
    result: Any = None,
    audit_id: int | None = None,
) -> Change:
    """A :class:`Change`; ``lines`` may be one line."""
    said = (lines,) if isinstance(lines, str) else tuple(lines)
    return Change(action, said, frozenset(touched), result, audit_id)


@dataclass(slots=True)
class ImportSummary:
    """What one import did (an import's :class:`Change` carries it as its ``result``)."""

    file: str
    format: str = ""
    import_id: int | None = None
    already_imported: bool = False
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)
    entries_read: int = 0
    credit_allocations: int = 0
    sheet: str | None = None
    # allocations the payments' explicit references made at once (the window's imports):
    # one line each, "P7: 742.30 EUR to G000100013"; the payments they came from
    by_reference: list[str] = field(default_factory=list)
    reference_payments: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "format": self.format,
            "import_id": self.import_id,
            "already_imported": self.already_imported,
            "created": dict(self.created),
            "updated": dict(self.updated),
            "unchanged": dict(self.unchanged),
            "skipped": self.skipped,
            "warnings": self.warnings,
            "checks": self.checks,
            "entries_read": self.entries_read,
            "credit_allocations": self.credit_allocations,
        } | ({"reference_allocations": self.by_reference} if self.by_reference else {})
