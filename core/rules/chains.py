"""Amendment chains (``amendsOf``): what a file's documents may say they amend.

DOMAIN.md, "Invoices" and "File formats": a ``void_note`` whose ``amendsOf`` is X voids X;
an ``invoice`` or ``adjustment_note`` amending a voided X is its rebill.  Two shapes make no
sense and are refused, the whole file with them, naming the element that says so:

* a circular chain: A amends B amends A (or longer), within the file or closed by a file's
  document with documents the workspace already holds.  Followed as written, every
  document of the circle would be both voided and counted;
* a void note of a void note: a void note that itself voids something (it has an
  ``amendsOf``) cannot be voided.  A ``void_note`` with no ``amendsOf`` is the voided
  invoice itself (the shape of Partner Center's documentation sample): voiding it again is
  not refused.

A void note of an invoice the workspace does not have is kept (Microsoft may publish the
void before the clerk imports the invoice list that has the original), and the import
summary says so with :func:`void_without_original`, the words the alerts use too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from core.errors import ImportFailed
from core.model import Document, DocumentType, ImportError_, Source

# What the workspace holds: per document number, its type (the stored value, e.g.
# "void_note") and the number it amends (None if none).
Stored = Mapping[str, tuple[str, str | None]]

_VOID = DocumentType.VOID_NOTE.value


def void_without_original(void_note: str, original: str) -> str:
    """What to tell the clerk of a void note whose original invoice is not in the workspace
    (the import summary and the alerts say the same words)."""
    return (
        f"{void_note}: void note of {original}, which is not in the workspace: import the "
        f"invoice list that has it"
    )


def check(file: str, documents: Sequence[Document], stored: Stored) -> list[str]:
    """Refuse the file (:class:`ImportFailed`, each error at the document's element) when
    its documents close an amendment circle or void a void note, within the file or with
    ``stored``; otherwise what to tell the clerk: each void note of a missing original.

    ``stored`` may already hold the file's documents (what the file says wins)."""
    errors = chain_errors(file, documents, stored)
    if errors:
        raise ImportFailed(file, errors)
    return missing_originals(documents, stored)


def chain_errors(file: str, documents: Sequence[Document], stored: Stored) -> list[ImportError_]:
    """The circles and voided void notes the file's documents make, one error each."""
    kinds, amends = _overlay(documents, stored)
    by_number = {d.number: d for d in documents}
    errors: list[ImportError_] = []
    in_circle: set[str] = set()
    for circle in _circles(list(by_number), amends):
        in_circle.update(circle)
        first = next(n for n in by_number if n in circle)  # in file order
        start = circle.index(first)
        path = circle[start:] + circle[:start] + [first]
        errors.append(_error(file, by_number[first], _circle_text(path, by_number)))
    for doc in documents:
        target = amends.get(doc.number)
        if doc.number in in_circle or kinds.get(doc.number) != _VOID or target is None:
            continue
        voided_original = amends.get(target)
        if kinds.get(target) == _VOID and voided_original is not None:
            errors.append(_error(file, doc, (
                f"{doc.number} voids {target}{_where(target, by_number)}, itself a void note "
                f"(of {voided_original}): a void note cannot be voided"
            )))  # fmt: skip
    return errors


def missing_originals(documents: Sequence[Document], stored: Stored) -> list[str]:
    """Each void note of the file whose original is neither in the file nor stored."""
    known = set(stored) | {d.number for d in documents}
    return [
        void_without_original(d.number, d.amends)
        for d in documents
        if d.document_type == DocumentType.VOID_NOTE and d.amends and d.amends not in known
    ]


def _overlay(
    documents: Sequence[Document], stored: Stored
) -> tuple[dict[str, str], dict[str, str]]:
    """Types and amended numbers of the workspace with the file's documents over them."""
    kinds = {n: kind for n, (kind, _a) in stored.items()}
    amends = {n: a for n, (_k, a) in stored.items() if a}
    for d in documents:
        kinds[d.number] = d.document_type.value
        if d.amends:
            amends[d.number] = d.amends
        else:
            amends.pop(d.number, None)
    return kinds, amends


def _circles(starts: list[str], amends: Mapping[str, str]) -> list[list[str]]:
    """The circles reached from ``starts`` (each once, in the order it is walked).  Every
    document amends at most one other, so a walk ends at a document amending nothing, at
    one already walked, or where it began a circle."""
    done: set[str] = set()
    circles: list[list[str]] = []
    for start in starts:
        path: list[str] = []
        on_path: dict[str, int] = {}
        node: str | None = start
        while node is not None and node not in done and node not in on_path:
            on_path[node] = len(path)
            path.append(node)
            node = amends.get(node)
        if node is not None and node in on_path:
            circles.append(path[on_path[node] :])
        done.update(path)
    return circles


def _circle_text(path: list[str], by_number: Mapping[str, Document]) -> str:
    """``A amends B (items[1]), which amends A: a circular amendment chain``."""
    end = ": a circular amendment chain"
    if len(path) == 2:
        return f"{path[0]} amends itself" + end
    text = f"{path[0]} amends {path[1]}{_where(path[1], by_number)}"
    for number in path[2:-1]:
        text += f", which amends {number}{_where(number, by_number)}"
    return text + f", which amends {path[-1]}" + end


def _where(number: str, by_number: Mapping[str, Document]) -> str:
    """Where a document of the chain is: its element in the file, or the workspace."""
    doc = by_number.get(number)
    if doc is None:
        return " (already in the workspace)"
    src = doc.source
    if src is None or (src.row is None and not src.element):
        return " (in this file)"
    sheet = f"sheet {src.sheet}, " if src.sheet else ""
    return f" ({sheet}row {src.row})" if src.row is not None else f" ({src.element})"


def _error(file: str, doc: Document, message: str) -> ImportError_:
    return ImportError_(doc.source or Source(file), message)
