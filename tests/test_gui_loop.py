"""The clerk's daily loop in the window: Undo and Redo naming the change, an import undone
only once asked, Redo offered only when it can be done; the detail pane and the filters
after a change of workspace, an import, a filter; allocations removed from a detail; tabs
by keyboard on any layout; the window's size and splitters remembered."""

from datetime import date
from decimal import Decimal

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtWidgets import QMessageBox

from core.demo import write_demo
from desktop.actions import allocations
from desktop.main_window import MainWindow

TODAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def own_settings(gui_settings):
    """The window's settings stay out of the user's (see conftest)."""


@pytest.fixture
def window(demo_window):
    return demo_window


def payments_file(tmp_path):
    path = tmp_path / "payments-fr.csv"
    path.write_text("Date;Montant;Devise;Libellé\n21/11/2026;999,00;EUR;VIREMENT DIVERS\n",
                    encoding="utf-8")  # fmt: skip
    return path


def import_file(qtbot, window, path) -> None:
    with qtbot.waitSignal(window.loaded, timeout=20000):
        window.import_files([path])
    box = getattr(window, "summary_box", None)
    if box is not None:
        box.close()


def test_undo_and_redo_name_the_change(qtbot, window):
    assert window.undo_action.text() == "&Undo mark of a payment"  # the demo's last change
    assert window.redo_action.text() == "&Redo" and not window.redo_action.isEnabled()
    with qtbot.waitSignal(window.loaded, timeout=20000):
        allocations.allocate(window, "P5", [("G000100002", Decimal("1215.40"))])
    assert window.undo_action.text() == "&Undo allocation"
    with qtbot.waitSignal(window.loaded, timeout=20000):
        window.undo_action.trigger()
    assert window.redo_action.text() == "&Redo allocation"
    assert window.redo_action.isEnabled()


def test_undoing_an_import_asks_first_and_names_the_file(qtbot, window, tmp_path):
    import_file(qtbot, window, payments_file(tmp_path))
    qtbot.waitUntil(lambda: window.undo_action.text() == "&Undo import of payments-fr.csv",
                    timeout=5000)  # fmt: skip
    window.undo_action.trigger()
    box = window.undo_box
    assert "Undo the import of payments-fr.csv?" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()  # not now: nothing changes
    qtbot.wait(300)
    assert window.payments.model.rowCount() == 7
    window.undo_action.trigger()
    with qtbot.waitSignal(window.loaded, timeout=20000):
        window.undo_box.button(QMessageBox.StandardButton.Yes).click()
    assert window.payments.model.rowCount() == 6
    assert not window.redo_action.isEnabled()  # an import is redone by importing it again
    assert window.redo_action.text() == "&Redo"


def test_redo_is_not_offered_once_something_else_was_changed(qtbot, window, tmp_path):
    with qtbot.waitSignal(window.loaded, timeout=20000):
        allocations.allocate(window, "P5", [("G000100002", Decimal("1215.40"))])
    with qtbot.waitSignal(window.loaded, timeout=20000):
        window.undo_action.trigger()
    assert window.redo_action.isEnabled()
    import_file(qtbot, window, payments_file(tmp_path))
    qtbot.waitUntil(lambda: window.undo_action.text() == "&Undo import of payments-fr.csv",
                    timeout=5000)  # fmt: skip
    assert not window.redo_action.isEnabled()
    assert window.redo_action.text() == "&Redo"


def select_invoice(qtbot, window, number: str) -> None:
    page = window.invoices
    window.tabs.setCurrentWidget(page)
    page.select_key(number)
    qtbot.waitUntil(lambda: page.detail.toPlainText().startswith(number), timeout=10000)


def test_an_allocation_opens_its_source_and_is_removed_from_its_detail(qtbot, window):
    from PySide6.QtCore import QUrl

    select_invoice(qtbot, window, "G000100005")
    (allocation,) = window.invoices.selected_rows()[0]["allocations"]
    assert allocation["source"] == "P3"
    assert "P3 8,790.00 EUR · remove" in window.invoices.detail.toPlainText()
    window.invoices.detail.anchorClicked.emit(QUrl("open:P3"))  # the payment, opened
    assert window.tabs.currentWidget() is window.payments
    assert [r["id"] for r in window.payments.selected_rows()] == ["P3"]
    detail = window.payments.detail
    assert f"#{allocation['id']} G000100005 8,790.00 EUR · remove" in detail.toPlainText()
    with qtbot.waitSignal(window.loaded, timeout=20000):
        detail.anchorClicked.emit(QUrl(f"remove:{allocation['id']}"))
    assert window.statusBar().currentMessage() == f"allocation #{allocation['id']} removed"
    assert [r["id"] for r in window.payments.selected_rows()] == ["P3"]  # still where it was
    assert "Unallocated: 8,790.00 EUR" in detail.toPlainText()
    assert "remove" not in detail.toPlainText()
    with qtbot.waitSignal(window.loaded, timeout=20000):
        window.undo_action.trigger()
    assert "Unallocated: 0.00 EUR" in detail.toPlainText()


def test_another_workspace_leaves_nothing_of_the_last_on_screen(qtbot, window, tmp_path):
    from core.workspace import Workspace

    select_invoice(qtbot, window, "G000100013")
    other = write_demo(tmp_path / "other", today=TODAY)
    with qtbot.waitSignal(window.loaded, timeout=20000):
        window.workspace_opened(Workspace(other), other)
    assert window.invoices.selected_rows() == []
    assert window.invoices.detail.toPlainText() == ""
    empty = tmp_path / "new.db"
    select_invoice(qtbot, window, "G000100013")
    with qtbot.waitSignal(window.loaded, timeout=20000):
        window.workspace_opened(Workspace(empty), empty)
    assert window.invoices.model.rowCount() == 0
    assert window.invoices.detail.toPlainText() == ""


def test_a_filter_hiding_the_invoice_shown_empties_the_detail(qtbot, window):
    select_invoice(qtbot, window, "G000100013")
    window.invoices.search.setText("G000100011")
    qtbot.waitUntil(lambda: window.invoices.proxy.rowCount() == 1, timeout=5000)
    assert window.invoices.detail.toPlainText() == ""


def test_closing_the_focus_chip_clears_the_filters_it_came_with(qtbot, window):
    from desktop.actions import navigation

    navigation.show_bucket(window, "EUR", "1-30", "")
    page = window.invoices
    assert page.focus_chip.isVisibleTo(window) and page.currency.currentData() == "EUR"
    page.focus_chip.click()
    assert not page.focus_chip.isVisibleTo(window)
    assert page.currency.currentData() == "" and page.search.text() == ""
    assert page.proxy.rowCount() == 13


def test_the_request_e_mail_is_one_click_away_on_the_agree_tab(qtbot, tmp_path, monkeypatch):
    """The demo's download shows P4's share of G000100007 unapplied at Microsoft: selected,
    one click opens the request e-mail, the remittance advice attached, in the mail
    program."""
    from datetime import datetime

    import core.services.agree
    from desktop.actions import agree

    monkeypatch.setattr(core.services.agree, "now",
                        lambda: datetime.combine(TODAY, datetime.min.time()))  # fmt: skip
    opened = []
    monkeypatch.setattr(agree, "open_file", opened.append)
    w = MainWindow(write_demo(tmp_path / "demo", today=TODAY), TODAY)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.loaded, timeout=20000):
        w.show()
    page = w.agree_page
    with qtbot.waitSignal(page.shown_agreement, timeout=20000):
        w.tabs.setCurrentWidget(page)
    page.select("G000100007")
    assert page.open_mail.isEnabled()
    with qtbot.waitSignal(w.exported, timeout=20000):
        page.open_mail.click()
    (path,) = opened
    assert path.name == "request-P4.eml"
    draft = path.read_text(encoding="utf-8")
    assert "To: bposcapp@microsoft.com" in draft and "X-Unsent: 1" in draft
    assert "Content-Type: application/pdf" in draft and 'filename="remittance-advice-' in draft
    assert w.statusBar().currentMessage().startswith(
        "The request e-mail for P4 is open in your mail program (kept as ")  # fmt: skip
    w.close()


def test_the_window_fits_a_laptop_and_a_scaled_full_hd_screen(qtbot, window):
    """1366×768 less a task bar, and 1920×1080 at 150 % (1280×720): the window's every tab
    fits in 680 pixels of height."""
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        qtbot.wait(10)
        assert window.minimumSizeHint().height() <= 680, window.tabs.tabText(i)
        assert window.minimumSizeHint().width() <= 1280, window.tabs.tabText(i)


def test_size_splitters_and_column_widths_are_remembered(qtbot, tmp_path):
    db = write_demo(tmp_path / "demo", today=TODAY)
    first = MainWindow(db, TODAY)
    qtbot.addWidget(first)
    with qtbot.waitSignal(first.loaded, timeout=20000):
        first.show()
    first.resize(760, 520)
    first.invoices.splitter.setSizes([300, 100])
    first.payments.view.setColumnWidth(0, 141)
    sizes = first.invoices.splitter.sizes()
    first.close()
    again = MainWindow(db, TODAY)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.loaded, timeout=20000):
        again.show()
    assert (again.width(), again.height()) == (760, 520)
    assert again.invoices.splitter.sizes() == sizes
    assert again.payments.view.columnWidth(0) == 141  # not measured again on the rows
    again.close()


def test_ctrl_page_down_and_up_move_between_tabs_on_any_keyboard(qtbot, window):
    """Ctrl+1…9 need the digits unshifted, which a French keyboard has not: Ctrl+PgDown and
    Ctrl+PgUp move from tab to tab on any layout, and say so in Help > Keyboard shortcuts."""
    from PySide6.QtCore import Qt

    from desktop.actions import help as help_menu

    window.activateWindow()
    window.tabs.setCurrentWidget(window.credits)
    window.credits.view.setFocus()
    qtbot.keyClick(window.credits.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.reconcile_page
    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_PageUp,
                   Qt.KeyboardModifier.ControlModifier)  # fmt: skip
    assert window.tabs.currentWidget() is window.credits
    help_menu.show_shortcuts(window)
    listed = window.shortcuts_box.text()
    assert "Next tab" in listed and "Previous tab" in listed
    window.shortcuts_box.close()


def test_after_an_import_the_detail_is_the_invoice_selected_read_again(qtbot, window, tmp_path):
    select_invoice(qtbot, window, "G000100013")
    path = tmp_path / "pays-13.csv"
    path.write_text(
        "Date;Montant;Devise;Libellé\n21/11/2026;742,30;EUR;VIREMENT DIVERS\n", encoding="utf-8"
    )
    import_file(qtbot, window, path)
    page = window.invoices
    assert page.detail.toPlainText().startswith("G000100013 — Open")  # still it, read again
    allocations.allocate(window, "P7", [("G000100013", Decimal("742.30"))])
    qtbot.waitUntil(lambda: "Open 0.00 EUR" in page.detail.toPlainText(), timeout=20000)
    assert [r["number"] for r in page.selected_rows()] == ["G000100013"]
    assert page.detail.toPlainText().startswith("G000100013 — Paid")


def test_ctrl_tab_moves_to_the_next_tab_too(qtbot, window):
    from PySide6.QtCore import Qt

    window.activateWindow()
    window.tabs.setCurrentWidget(window.invoices)
    window.invoices.view.setFocus()
    qtbot.keyClick(window.invoices.view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.payments
