"""Reconcile: the money not yet allocated and the suggestions for it, worked through with
the keyboard as a clerk does all day; "Accept all confident" as one undoable change (the
core's ``accept_confident``, and through the window)."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from core.demo import write_demo
from core.workspace import Workspace

TODAY = date(2026, 11, 23)
#: three payments on top of the demo's: one quoting G000100014 loosely with its exact
#: amount (score 100), one the amount of G000100013 (score 74), one matching nothing
PAYMENTS = ("Date;Montant;Devise;Libellé\n"
            "20/11/2026;3 480,00;EUR;MSFT G 000 100 014\n"
            "21/11/2026;742,30;EUR;VIREMENT MICROSOFT\n"
            "22/11/2026;999,00;EUR;VIREMENT DIVERS\n")  # fmt: skip


def busy_demo(folder: Path) -> Path:
    db = write_demo(folder, today=TODAY)
    payments = folder / "payments-fr.csv"
    payments.write_text(PAYMENTS, encoding="utf-8")
    with Workspace(db) as ws:
        ws.imports.import_file(payments)
    return db


def unallocated(ws: Workspace, pid: str) -> Decimal:
    return ws.books.ledger().payments[pid].remaining


def test_accept_confident_is_one_change_undone_together(tmp_path):
    with Workspace(busy_demo(tmp_path / "demo")) as ws:
        done = ws.allocations.accept_confident(70)
        accepted, ids = done.result
        assert len(accepted) == 2 and len(ids) == 2
        assert done.lines[0] == (f"accepted 2 suggestion(s) scoring 70 or more: allocation(s) "
                                 f"{ids[0]}, {ids[1]}")  # fmt: skip
        assert (unallocated(ws, "P7"), unallocated(ws, "P8")) == (Decimal(0), Decimal(0))
        assert unallocated(ws, "P9") == Decimal("999.00")  # a fallback: never confident
        ws.journal.undo()
        assert (unallocated(ws, "P7"), unallocated(ws, "P8")) == (
            Decimal("3480.00"), Decimal("742.30"))  # fmt: skip
        ws.journal.redo()
        assert unallocated(ws, "P8") == Decimal(0)


def test_accept_confident_takes_only_what_scores_the_threshold(tmp_path):
    with Workspace(busy_demo(tmp_path / "demo")) as ws:
        done = ws.allocations.accept_confident(80)
        assert len(done.result[1]) == 1
        assert unallocated(ws, "P7") == Decimal(0)
        assert unallocated(ws, "P8") == Decimal("742.30")
        nothing = ws.allocations.accept_confident(101)
        assert nothing.lines == ("no suggestion scores 101 or more: nothing accepted",)
        assert nothing.touched == frozenset()


pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import Qt  # noqa: E402


@pytest.fixture(autouse=True)
def own_settings(gui_settings):
    """The window's settings stay out of the user's (see conftest)."""


@pytest.fixture
def window(show_window, tmp_path):
    return show_window(busy_demo(tmp_path / "demo"), TODAY)


def reconcile(qtbot, window):
    """The Reconcile tab in front, its suggestions read."""
    with qtbot.waitSignal(window.reconciled, timeout=20000):
        window.tabs.setCurrentWidget(window.reconcile_page)
    return window.reconcile_page


def sources(page) -> list[str]:
    return [page.sources.item(r, 0).text() for r in range(page.sources.rowCount())]


def test_reconcile_lists_the_money_left_and_ranks_the_candidates(qtbot, window):
    page = reconcile(qtbot, window)
    assert sources(page) == ["P5", "P6", "P7", "P8", "P9"]
    assert page.summary.text() == (
        "5 payment(s) or credit note(s) with money left · 1 with a confident suggestion"
    )
    page.sources.selectRow(2)
    assert page.current_payment() == "P7"
    assert page.candidates.rowCount() == 1
    assert [page.candidates.item(0, c).text() for c in range(5)] == [
        "1", "100", "invoice number quoted", "P7 → G000100014 3,480.00", "3,480.00 EUR",
    ]  # fmt: skip
    assert "the remittance text quotes G000100014 (written 'G 000 100 014')" in (
        page.reasons.toPlainText())  # fmt: skip
    assert page.sources.item(2, 4).text() == "MSFT G 000 100 014"  # the payment's reference


def test_enter_accepts_the_first_and_the_selection_stays_where_the_clerk_was(qtbot, window):
    page = reconcile(qtbot, window)
    page.sources.setFocus()
    page.sources.selectRow(2)  # P7
    with qtbot.waitSignal(window.reconciled, timeout=20000):
        qtbot.keyClick(page.sources, Qt.Key.Key_Return)
    assert sources(page) == ["P5", "P6", "P8", "P9"]
    assert page.current_payment() == "P8"  # the next one, in the place of the one done
    assert window.statusBar().currentMessage().startswith("accepted S")
    assert window.ws.books.ledger().payments["P7"].remaining == Decimal(0)
    qtbot.keyClick(page.sources, Qt.Key.Key_Down)  # the arrows move
    assert page.current_payment() == "P9"


def test_delete_rejects_and_the_payment_stays_selected(qtbot, window):
    page = reconcile(qtbot, window)
    page.sources.setFocus()
    page.sources.selectRow(4)  # P9, a fallback
    first = page.current_suggestion()["id"]
    with qtbot.waitSignal(window.reconciled, timeout=20000):
        qtbot.keyClick(page.sources, Qt.Key.Key_Delete)
    assert page.current_payment() == "P9"
    assert first not in [s["id"] for s in page.current_answer()["suggestions"]]
    assert window.statusBar().currentMessage() == (
        f"rejected {first}: it will not be proposed again")  # fmt: skip


def test_accept_all_confident_is_one_change_undone_at_once(qtbot, window):
    page = reconcile(qtbot, window)
    page.sources.selectRow(0)
    page.threshold.setValue(70)
    assert page.summary.text().endswith("· 2 with a confident suggestion")
    with qtbot.waitSignal(window.reconciled, timeout=20000):
        page.accept_all.click()
    assert sources(page) == ["P5", "P6", "P9"]
    assert page.current_payment() == "P5"
    assert window.statusBar().currentMessage().startswith(
        "accepted 2 suggestion(s) scoring 70 or more")  # fmt: skip
    with qtbot.waitSignal(window.reconciled, timeout=20000):
        window.undo_action.trigger()
    assert sources(page) == ["P5", "P6", "P7", "P8", "P9"]


def test_a_role_that_may_not_allocate_sees_the_proposals_greyed(qtbot, window, monkeypatch):
    page = reconcile(qtbot, window)
    page.sources.selectRow(2)
    assert page.accept_button.isEnabled()
    monkeypatch.setattr(type(window.ws), "may", lambda ws, action: action != "allocate")
    window.apply_role()
    assert not page.accept_button.isEnabled() and not page.reject_button.isEnabled()
    assert not page.accept_all.isEnabled() and not page.by_hand.isEnabled()
    window.plans_page.tick("G000100013")
    assert not window.plans_page.plan_button.isEnabled()


def test_a_credit_note_with_money_left_is_proposed_and_applied_on_enter(qtbot, window):
    credit = next(c for c in window.snap["credits"] if c["number"] == "G000100010")
    (automatic,) = credit["allocations"]  # applied by Microsoft's rule: taken in hand
    window.ws.allocations.unallocate(automatic["id"])
    with qtbot.waitSignal(window.loaded, timeout=20000):
        window.refresh()
    page = reconcile(qtbot, window)
    assert sources(page) == ["P5", "P6", "P7", "P8", "P9", "G000100010"]
    page.sources.setFocus()
    page.sources.selectRow(5)
    assert [page.candidates.item(0, c).text() for c in range(5)] == [
        "1", "", "credit note to apply", "G000100010 → G000100002 750.00", "750.00 EUR",
    ]  # fmt: skip
    assert not page.reject_button.isEnabled()  # nothing would be proposed in its place
    with qtbot.waitSignal(window.reconciled, timeout=20000):
        qtbot.keyClick(page.sources, Qt.Key.Key_Return)
    assert sources(page) == ["P5", "P6", "P7", "P8", "P9"]
    assert window.ws.books.ledger().credits["G000100010"].remaining == Decimal(0)


def test_the_keys_go_to_the_list_when_the_tab_comes_in_front(qtbot, window):
    window.activateWindow()
    window.tabs.setCurrentWidget(window.invoices)
    window.invoices.view.setFocus()
    page = reconcile(qtbot, window)
    assert page.sources.hasFocus()
    qtbot.keyClick(page.sources, Qt.Key.Key_Down)  # the arrows move at once
    assert page.current_payment() == "P6"
