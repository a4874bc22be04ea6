"""The suggestions engine's proposals: shown with their reasons, accepted or rejected; the
list is read again after any change to the allocations or the suggestions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.changes import LEDGER
from desktop.operations import CollectionOp, QueryOp

if TYPE_CHECKING:  # pragma: no cover
    from core.changes import Change
    from desktop.main_window import MainWindow

STALE = LEDGER | {"suggestions"}  # what the proposals depend on


def show(window: MainWindow) -> None:
    """The proposals (for the selected payment when the Payments list is in front), to
    accept or reject one by one."""
    from desktop.suggestions_dialog import SuggestionsDialog

    payment = None
    if window.tabs.currentWidget() is window.payments and window.payments.selected_rows():
        payment = window.payments.selected_rows()[0]["id"]
    dialog = SuggestionsDialog(window)
    dialog.limit_to(payment)
    dialog.show_all_requested.connect(lambda: load(window, None))
    window.suggestions_dialog = dialog
    dialog.accept_requested.connect(lambda sid: decide(window, sid, True))
    dialog.reject_requested.connect(lambda sid: decide(window, sid, False))
    dialog.open()
    load(window, payment)


def load(window: MainWindow, payment: str | None) -> None:
    def run(ws, job):
        from core.suggestions import answer_json

        return [answer_json(a) for a in ws.allocations.suggest(payment)]

    def done(answers) -> None:
        window.suggestions_dialog.show_answers(answers)
        window.suggested.emit()

    QueryOp(window, run).success(done).run()


def decide(window: MainWindow, suggestion_id: str, accept: bool) -> None:
    """Accept (allocate as proposed) or reject a proposal."""
    if accept:
        CollectionOp(window, lambda ws, job: ws.allocations.accept(suggestion_id)).run()
    else:
        CollectionOp(window, lambda ws, job: ws.allocations.reject(suggestion_id)).run()


def changed(window: MainWindow, change: Change) -> None:
    """The proposals shown, read again when what they depend on changed."""
    dialog = getattr(window, "suggestions_dialog", None)
    if dialog is not None and dialog.isVisible() and change.touched & STALE:
        load(window, dialog.payment)
