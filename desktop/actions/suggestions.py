"""The suggestions engine's proposals: shown with their reasons, accepted or rejected."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.changes import LEDGER
from desktop.operations import CollectionOp, QueryOp

if TYPE_CHECKING:  # pragma: no cover
    from desktop.main_window import MainWindow


def show(window: MainWindow) -> None:
    """The proposals (for the selected payment when the Payments list is in front), to
    accept or reject one by one."""
    from desktop.suggestions_dialog import SuggestionsDialog

    payment = None
    if window.tabs.currentWidget() is window.payments and window.payments.selected_rows():
        payment = window.payments.selected_rows()[0]["id"]
    dialog = SuggestionsDialog(window)
    window.suggestions_dialog = dialog
    dialog.accept_requested.connect(lambda sid: decide(window, sid, True, payment))
    dialog.reject_requested.connect(lambda sid: decide(window, sid, False, payment))
    dialog.open()
    load(window, payment)


def load(window: MainWindow, payment: str | None) -> None:
    def run(ws, job):
        from core.suggestions import answer_json

        return [answer_json(a) for a in ws.suggest(payment)]

    def done(answers) -> None:
        window.suggestions_dialog.show_answers(answers)
        window.suggested.emit()

    QueryOp(window, run).success(done).run()


def decide(window: MainWindow, suggestion_id: str, accept: bool, payment: str | None) -> None:
    """Accept (allocate as proposed) or reject a proposal; the list is read again."""
    if accept:
        op = CollectionOp(window, lambda ws, job: ws.accept_suggestion(suggestion_id), LEDGER)
    else:
        op = CollectionOp(window, lambda ws, job: ws.reject_suggestion(suggestion_id))
    op.success(lambda _result: load(window, payment)).run()
