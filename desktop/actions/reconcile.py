"""The Reconcile tab: the money not yet allocated and the core's suggestions for it,
accepted or rejected one by one or every confident one at once (``ws.allocations``:
``suggest``, ``accept``, ``reject``, ``accept_confident``, what the command line's
``suggest`` and ``accept`` call).  The list is read again after any change to the
allocations or the suggestions, the selection kept where the clerk was.  A credit note with
money left is listed too, with the core's proposal for it (``unapplied_credits``: the oldest
due invoices first, as the allocation dialog is pre-filled), accepted by allocating it."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from desktop.operations import CollectionOp, QueryOp, translate

if TYPE_CHECKING:  # pragma: no cover
    from core.changes import Change
    from desktop.main_window import MainWindow

from desktop.actions.suggestions import STALE

CREDIT = "credit:"  # the id of a credit note's proposal (a payment's are the engine's S…)


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

        answers = [answer_json(a) for a in ws.allocations.suggest()]
        return answers + [credit_answer(*c) for c in ws.allocations.unapplied_credits()]

    def done(answers) -> None:
        snap = window.snap or {}
        sources = snap.get("payments", []) + [
            dict(c, id=c["number"], reference=translate("MainWindow", "credit note"))
            for c in snap.get("credits", [])
        ]  # fmt: skip
        window.reconcile_page.show_answers(answers, sources)
        window.reconciled.emit()

    QueryOp(window, run).success(done).run()


def tab_changed(window: MainWindow) -> None:
    """Read when the tab comes in front and what it shows may be out of date; the keys go
    to its list at once (the arrows move, Enter accepts)."""
    page = window.reconcile_page
    if window.tabs.currentWidget() is not page:
        return
    if not page.candidates.hasFocus():
        page.sources.setFocus()
    if window.reconcile_stale:
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


def credit_answer(number: str, currency: str, left, lines) -> dict:
    """A credit note with money left, as the page shows a payment's answer: one proposal,
    the core's (the oldest due invoices first), with no score; accepted by allocating it,
    never rejected (nothing would be proposed in its place)."""
    from core.money import format_amount

    proposal = {
        "id": CREDIT + number, "rank": 1, "score": None, "kind": "credit_note",
        "lines": [{"source": number, "source_kind": "credit", "invoice": n,
                   "amount": format_amount(a, currency)} for n, a in lines],
        "reasons": [translate("MainWindow", "the oldest due invoices first, as the "
                                            "allocation dialog proposes")],
    }  # fmt: skip
    return {"payment": number, "currency": currency, "unallocated": format_amount(left, currency),
            "answered": bool(lines), "search_cut_short": False, "flags": [],
            "notes": [] if lines else [translate("MainWindow", "no open invoice in %s")
                                       % currency],
            "suggestions": [proposal] if lines else []}  # fmt: skip


def accept(window: MainWindow, suggestion_id: str) -> None:
    if suggestion_id.startswith(CREDIT):  # a credit note: allocated as the core proposed
        number = suggestion_id.removeprefix(CREDIT)
        s = next(s for a in window.reconcile_page.answers for s in a["suggestions"]
                 if s["id"] == suggestion_id)  # fmt: skip
        requests = [(ln["invoice"], Decimal(ln["amount"])) for ln in s["lines"]]
        CollectionOp(window, lambda ws, job: ws.allocations.allocate(number, requests)).run()
        return
    CollectionOp(window, lambda ws, job: ws.allocations.accept(suggestion_id)).run()


def reject(window: MainWindow, suggestion_id: str) -> None:
    if suggestion_id.startswith(CREDIT):
        said = translate("MainWindow", "A credit note's proposal is not rejected: allocate "
                                       "it by hand")  # fmt: skip
        window.statusBar().showMessage(said)
        return
    CollectionOp(window, lambda ws, job: ws.allocations.reject(suggestion_id)).run()


def accept_all(window: MainWindow, threshold: int) -> None:
    """Every best suggestion scoring at least ``threshold``, as one undoable change."""
    CollectionOp(window, lambda ws, job: ws.allocations.accept_confident(threshold)).run()


def by_hand(window: MainWindow, payment: str) -> None:
    """The allocation dialog of the payment, pre-filled with the core's proposal."""
    from desktop.actions import allocations

    snap = window.snap or {}
    row = next((p for p in snap.get("payments", []) if p["id"] == payment), None)
    row = row or next((c for c in snap.get("credits", []) if c["number"] == payment), None)
    if row is not None:
        allocations.open_allocation(window, row, payment)
