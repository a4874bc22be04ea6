"""The record every change of the workspace returns, for both faces.

The command line prints its ``lines``; the window shows them and refreshes only what
``touched`` names.  ``result`` is what the caller needs back (ids, an import summary).
"""

from __future__ import annotations

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
