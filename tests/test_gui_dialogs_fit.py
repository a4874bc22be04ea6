"""Every dialog fits a laptop (1366×768 less a task bar) and a 1920×1080 screen at 150 %
(1280×720 less a task bar), opens at the size it was left; the Allocate and Settle
dialogs look alike; a refusal is said by the value refused; the suggestions say what
they show and how sure they are."""

from datetime import date
from decimal import Decimal

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop.actions import allocations, claims, preferences, suggestions
from desktop.actions.plans import remittance
from desktop.suggestions_dialog import ID_ROLE

TODAY = date(2026, 11, 23)
#: the smallest room a dialog gets: 1920×1080 at 150 % (1280×720), a 48-pixel task bar,
#: the title bar and borders
ROOM = (1280 - 16, 720 - 48 - 40)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@pytest.fixture(autouse=True)
def own_settings(gui_settings):
    """The window's settings stay out of the user's (see conftest)."""


@pytest.fixture
def window(demo_window):
    return demo_window


def fits(dialog) -> None:
    """Within its screen as opened, and never needing more than the smallest room."""
    room = dialog.screen().availableGeometry()
    assert dialog.width() <= room.width() and dialog.height() <= room.height(), dialog
    need = dialog.minimumSizeHint()
    assert need.width() <= ROOM[0] and need.height() <= ROOM[1], (dialog, need)


def opened_allocation(qtbot, window, source: str):
    row = next(r for r in window.snap["payments"] if r["id"] == source)
    window.__dict__.pop("allocation_dialog", None)
    allocations.open_allocation(window, row, source)
    qtbot.waitUntil(lambda: "allocation_dialog" in window.__dict__, timeout=20000)
    dialog = window.allocation_dialog
    qtbot.waitUntil(lambda: dialog.message.text() or dialog._ok().isEnabled(), timeout=20000)
    return dialog


def opened_settle(qtbot, window, number: str):
    page = window.invoices
    page.search.setText(number)
    page.view.selectRow(next(r for r in range(page.proxy.rowCount())
                             if page.proxy.index(r, 0).data() == number))  # fmt: skip
    allocations.settle_selected(window)
    dialog = window.settle_dialog
    qtbot.waitUntil(lambda: dialog.message.text() or dialog._ok().isEnabled(), timeout=20000)
    return dialog


def test_every_dialog_fits_the_smallest_screen(qtbot, window, tmp_path):
    with qtbot.waitSignal(window.previewed, timeout=20000):
        remittance.preview(window, "P4")
    fits(window.preview_dialog)
    fits(opened_allocation(qtbot, window, "P5"))
    fits(opened_settle(qtbot, window, "G000100008"))
    suggestions.show(window)
    fits(window.suggestions_dialog)
    claims.new_sla_claim(window)
    fits(window.claim_dialog)
    claims.open_dispute(window, "G000100009", "", "EUR", "")
    fits(window.claim_dialog)
    preferences.edit(window)
    qtbot.waitUntil(lambda: hasattr(window, "preferences_dialog"), timeout=20000)
    fits(window.preferences_dialog)
    from desktop.first_start import FirstStartDialog
    from desktop.import_report import ImportReport

    first = FirstStartDialog(tmp_path / "w.csprecon", window)
    fits(first)
    from PySide6.QtWidgets import QMessageBox

    fits(ImportReport("t", "x", ["reason"] * 200, ["line"], QMessageBox.Icon.Critical, window))


def test_a_dialog_opens_at_the_size_it_was_left(qtbot, window):
    dialog = opened_allocation(qtbot, window, "P5")
    dialog.resize(640, 380)
    dialog.reject()
    again = opened_allocation(qtbot, window, "P5")
    assert again is not dialog
    assert (again.width(), again.height()) == (640, 380)


def test_allocate_and_settle_look_alike(qtbot, window):
    allocate = opened_allocation(qtbot, window, "P5")
    settle = opened_settle(qtbot, window, "G000100008")
    for dialog in (allocate, settle):
        table = dialog.table
        assert not table.verticalHeader().isVisible()  # no row numbers
        last = table.columnCount() - 1
        for r in range(table.rowCount()):  # amounts on the right, written the locale's way
            assert table.item(r, last).textAlignment() == RIGHT
            assert table.item(r, last - 1).textAlignment() == RIGHT
    assert allocate.table.item(0, 2).text() == "1,215.40 EUR"
    # a payment is shown by its date, reference and amount, not its bare id
    assert settle.table.item(0, 0).text() == (
        "P5 — 11/3/2026 — VIREMENT MICROSOFT IRELAND OPERATIONS — 1,500.00 EUR"
    )
    assert settle.table.item(0, 1).text() == "1,500.00 EUR"
    assert settle.remaining.text() == "Still owed after these: 4,800.00 EUR"


def test_a_refused_amount_is_marked_by_its_cell(qtbot, window):
    dialog = opened_allocation(qtbot, window, "P5")
    with qtbot.waitSignal(dialog.checked, timeout=20000):
        dialog.table.item(0, 3).setText("1300.00")  # G000100002 owes 1215.40
    cell = dialog.table.item(0, 3)
    assert dialog.refused_row == 0
    assert cell.toolTip() == "G000100002 still owes 1215.40 EUR; cannot allocate 1300.00"
    assert cell.background().color() == QColor("#fde7e9")
    assert dialog.table.item(1, 3).background().style() == Qt.BrushStyle.NoBrush
    # the refusal sits right under the table, above what remains and the buttons
    layout = dialog.layout()
    assert layout.indexOf(dialog.message) == layout.indexOf(dialog.table) + 1
    assert dialog.remaining.text() == ("Remaining to allocate: 1,215.40 EUR, without the "
                                       "amount refused for G000100002")  # fmt: skip
    with qtbot.waitSignal(dialog.checked, timeout=20000):
        dialog.table.item(0, 3).setText("1215.40")
    assert dialog.refused_row is None and cell.toolTip() == ""
    assert dialog.remaining.text() == "Remaining to allocate: 0.00 EUR"


def test_suggestions_for_the_selected_payment_say_so_and_show_all_on_request(qtbot, window):
    window.tabs.setCurrentWidget(window.payments)
    page = window.payments
    page.view.selectRow(next(r for r in range(page.proxy.rowCount())
                             if page.proxy.index(r, 0).data() == "P5"))  # fmt: skip
    with qtbot.waitSignal(window.suggested, timeout=20000):
        suggestions.show(window)
    dialog = window.suggestions_dialog
    assert dialog.windowTitle() == "Suggested allocations — P5 only"
    assert dialog.only.text() == (
        "Only the payment selected in Payments: P5 — 11/3/2026 — "
        "VIREMENT MICROSOFT IRELAND OPERATIONS — 1,500.00 EUR"
    )
    assert dialog.show_all.isVisibleTo(dialog)
    payments = {dialog.table.item(r, 0).data(ID_ROLE)[0]["payment"]
                for r in range(dialog.table.rowCount())}  # fmt: skip
    assert payments == {"P5"}
    first = dialog.table.item(0, 0).data(ID_ROLE)[1]
    assert (
        dialog.table.item(0, 0).text()
        == "P5 — 11/3/2026 — VIREMENT MICROSOFT IRELAND OPERATIONS — 1,500.00 EUR"
    )
    confidence = dialog.table.item(0, 2)
    assert confidence.text() in ("High", "Medium", "Low")
    assert confidence.toolTip().startswith(f"Score {first['score']} out of 100: how strongly")
    assert first["id"] not in dialog.reasons.toPlainText()  # no internal ids
    with qtbot.waitSignal(window.suggested, timeout=20000):
        dialog.show_all.click()
    assert dialog.windowTitle() == "Suggested allocations"
    assert not dialog.show_all.isVisibleTo(dialog)
    payments = {dialog.table.item(r, 0).data(ID_ROLE)[0]["payment"]
                for r in range(dialog.table.rowCount())}  # fmt: skip
    assert len(payments) > 1


def test_the_advice_speaks_the_windows_menus(qtbot, window):
    from desktop.suggestions_dialog import SuggestionsDialog

    dialog = SuggestionsDialog(window)
    said = dialog.speak("ask the bank to return or convert it (export ticket)")
    assert said == ("ask the bank to return or convert it (Alerts and calendar: Copy the "
                    "support ticket)")  # fmt: skip


def test_a_refused_sla_claim_keeps_the_dialog_open_and_says_it_by_the_field(qtbot, window):
    claims.new_sla_claim(window)
    dialog = window.claim_dialog
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.service.setText("Dynamics 365 Sales")
    dialog.month.setText("2026-10")
    dialog.availability.setText("99.95")  # not below 99.9 %: no credit
    dialog.credit.setText("145.00")
    dialog.ticket.setText("2611020099")
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    ok.click()
    refusal = dialog.refusals["availability"]
    qtbot.waitUntil(lambda: refusal.isVisible(), timeout=20000)
    assert dialog.isVisible()
    assert refusal.text().startswith("availability 99.95 % is not below the 99.9 %")
    row = dialog.form.getWidgetPosition(refusal)[0]
    assert dialog.form.getWidgetPosition(dialog.availability)[0] == row - 1  # by its field
    assert (dialog.service.text(), dialog.credit.text(), dialog.ticket.text()) == (
        "Dynamics 365 Sales", "145.00", "2611020099")  # fmt: skip
    dialog.availability.setText("99.52")
    with qtbot.waitSignal(window.ready, timeout=20000):
        ok.click()
    assert not dialog.isVisible() and not refusal.isVisible()
    assert window.tabs.currentWidget() is window.claims_page
    recorded = [c for c in window.claims_page.claims if c.get("ticket") == "2611020099"]
    assert len(recorded) == 1 and Decimal(str(recorded[0]["amount"])) == Decimal("145.00")
