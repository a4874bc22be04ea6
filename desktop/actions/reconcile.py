"""The Reconcile tab: the money not yet allocated and the core's suggestions for it,
accepted or rejected one by one or every confident one at once (``ws.allocations``:
``suggest``, ``accept``, ``reject``, ``accept_confident``, what the command line's
``suggest`` and ``accept`` call).  The list is read again after any change to the
allocations or the suggestions, the selection kept where the clerk was."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.operations import CollectionOp, QueryOp

if TYPE_CHECKING:  # pragma: no cover
    from core.changes import Change
    from desktop.main_window import MainWindow

from desktop.actions.suggestions import STALE


def connect(window: MainWindow) -> None:
    page = window.reconcile_page
    page.accept_requested.connect(lambda sid: accept(window, sid))
    page.reject_requested.connect(lambda sid: reject(window, sid))
    page.accept_all_requested.connect(lambda threshold: accept_all(window, threshold))
    page.allocate_requested.connect(lambda pid: by_hand(window, pid))
    window.reconcile_stale = True


def load(window: MainWindow) -> None:
    """Read the suggestions for every payment with money left, and show them."""
    window.reconcile_stale = False

    def run(ws, job):
        from core.suggestions import answer_json

        return [answer_json(a) for a in ws.allocations.suggest()]

    def done(answers) -> None:
        payments = window.snap["payments"] if window.snap is not None else []
        window.reconcile_page.show_answers(answers, payments)
        window.reconciled.emit()

    QueryOp(window, run).success(done).run()


def tab_changed(window: MainWindow) -> None:
    """Read when the tab comes in front and what it shows may be out of date."""
    if window.tabs.currentWidget() is window.reconcile_page and window.reconcile_stale:
        load(window)


def shown(window: MainWindow) -> None:
    """The workspace read again (a change to the books, a refresh, another workspace):
    the suggestions are read again when the tab is in front, else when it comes there."""
    window.reconcile_stale = True
    tab_changed(window)


def changed(window: MainWindow, change: Change) -> None:
    """A change the refresh does not follow (a rejection): read again all the same."""
    from desktop.main_window import SNAPSHOT

    if change.touched & STALE and not change.touched & SNAPSHOT:
        shown(window)


def accept(window: MainWindow, suggestion_id: str) -> None:
    CollectionOp(window, lambda ws, job: ws.allocations.accept(suggestion_id)).run()


def reject(window: MainWindow, suggestion_id: str) -> None:
    CollectionOp(window, lambda ws, job: ws.allocations.reject(suggestion_id)).run()


def accept_all(window: MainWindow, threshold: int) -> None:
    """Every best suggestion scoring at least ``threshold``, as one undoable change."""
    CollectionOp(window, lambda ws, job: ws.allocations.accept_confident(threshold)).run()


def by_hand(window: MainWindow, payment: str) -> None:
    """The allocation dialog of the payment, pre-filled with the core's proposal."""
    from desktop.actions import allocations

    row = next((p for p in (window.snap or {}).get("payments", []) if p["id"] == payment), None)
    if row is not None:
        allocations.open_allocation(window, row, payment)
