"""What went wrong, as kinds a face can branch on (never the message's words).

Every error here is a refusal the clerk can act on: the command line prints its message on
one line and exits 2; the window shows it in its one message channel.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NoReturn

from core.model import ImportError_, Source

__all__ = [
    "INVALID",
    "UNKNOWN_LAYOUT",
    "ImportCancelled",
    "ImportFailed",
    "NothingToUndo",
    "Refused",
    "WorkspaceBusy",
    "WorkspaceError",
    "refuse",
]

# ImportFailed.kind
UNKNOWN_LAYOUT = "unknown-layout"  # no importer recognises this CSV/XLSX: ask for its columns
INVALID = "invalid"  # recognised, but something in it is wrong (the errors say where)


class WorkspaceError(Exception):
    """A workspace that cannot be opened as asked."""


class WorkspaceBusy(WorkspaceError):
    """Another process has the workspace open for writing."""


class Refused(WorkspaceError):
    """The database server refused something the connected clerk's role may not do."""


class ImportFailed(Exception):
    """A file that was not imported; ``errors`` say where and why, ``kind`` what to offer."""

    def __init__(self, file: str, errors: Sequence[ImportError_], kind: str = INVALID) -> None:
        super().__init__(f"{file}: {len(errors)} error(s); nothing was imported")
        self.file = file
        self.errors = list(errors)
        self.kind = kind


def refuse(
    file: str, source: Source | None, message: str, column: str | None = None,
    kind: str = INVALID,
) -> NoReturn:  # fmt: skip
    """Raise :class:`ImportFailed` for one problem at ``source``."""
    raise ImportFailed(file, [ImportError_(source or Source(file), message, column)], kind)


class ImportCancelled(Exception):
    """The clerk cancelled an import; nothing was stored."""


class NothingToUndo(Exception):
    pass
