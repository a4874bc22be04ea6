"""An invoice's detail: its lines, its history and its charges explained, read when it is
selected (again when the rows are read again after a change, which selects it anew, and
when a note is added to it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.operations import QueryOp

if TYPE_CHECKING:  # pragma: no cover
    from core.changes import Change
    from desktop.main_window import MainWindow


def show_detail(window: MainWindow, row: dict) -> None:
    """The pane of the invoice selected, read on the worker: shown if it is still the one
    selected when the reading comes back (not one the clerk or a refresh has left)."""
    number = row["number"]

    def show(found) -> None:
        if window.invoices.shown_number() == number:
            window.invoices.show_detail(window.invoices.selected_rows()[0], *found)

    QueryOp(
        window,
        lambda ws, job: (ws.books.lines(number), ws.books.history(number), _explained(ws, number)),
    ).success(show).run()


def _explained(ws, number: str) -> list:
    """An invoice's lines explained; none when it has no lines."""
    try:
        return ws.charges.explain(number)
    except ValueError:
        return []


def changed(window: MainWindow, change: Change) -> None:
    """A note on the invoice shown: its history, read again."""
    rows = window.invoices.selected_rows()
    if "notes" in change.touched and rows:
        show_detail(window, rows[0])
