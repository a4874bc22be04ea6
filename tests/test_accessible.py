"""Every control of the window has a name a screen reader can say: the search boxes, the
date filters, the tables, the calendar and the chart, in English and in French."""

from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QLineEdit,
    QMenuBar,
    QScrollBar,
    QWidget,
)

from desktop import i18n
from desktop.main_window import MainWindow

TODAY = date(2026, 11, 23)
#: what a clerk works with (a label or a layout is not a control)
CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView,
            QCalendarWidget, QAbstractScrollArea)  # fmt: skip
#: controls whose inner parts (a combo box's popup, a calendar's arrows, a line edit's clear
#: button) Qt names itself
COMPOUND = (QComboBox, QAbstractSpinBox, QCalendarWidget, QLineEdit, QMenuBar)


@pytest.fixture(autouse=True)
def own_settings(gui_settings):
    """The window's settings stay out of the user's (see conftest)."""


def inner(widget: QWidget) -> bool:
    """A part of a compound control, a scroll bar, or one of Qt's own (``qt_`` names)."""
    if isinstance(widget, QScrollBar) or widget.objectName().startswith("qt_"):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, COMPOUND) or parent.objectName().startswith("qt_calendar"):
            return True
        parent = parent.parentWidget()
    return False


def said(widget: QWidget) -> str:
    """The name assistive technology reads: the accessible name set, else what Qt derives
    (a button's text)."""
    if widget.accessibleName().strip():
        return widget.accessibleName()
    face = QAccessible.queryAccessibleInterface(widget)
    return face.text(QAccessible.Text.Name) if face is not None else ""


def unnamed(root: QWidget) -> list[str]:
    out = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, CONTROLS) or inner(w) or w.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        reading = type(w).__name__ in ("QTextBrowser", "QTextEdit", "QChartView", "QPlainTextEdit")
        if (
            isinstance(w, QAbstractScrollArea)
            and not isinstance(w, QAbstractItemView)
            and not reading
        ):
            continue  # a scroll area holding a page: its controls are checked one by one
        if not said(w).strip():
            path, p = [], w
            while p is not None and p is not root:
                path.append(type(p).__name__)
                p = p.parentWidget()
            out.append("/".join(reversed(path)))
    return out


@pytest.fixture
def window(demo_window):
    return demo_window


def test_every_control_of_the_window_has_a_name(window):
    assert unnamed(window) == []
    pages = window.invoices, window.alerts_page
    assert [pages[0].search.accessibleName(), pages[0].date_from.accessibleName(),
            pages[0].date_to.accessibleName(), pages[0].view.accessibleName()] == [
        "Search", "From date", "To date", "Invoices"]  # fmt: skip
    assert [pages[1].grid.accessibleName(), pages[1].table.accessibleName()] == [
        "Billing calendar", "Findings"]  # fmt: skip
    assert window.dashboard.chart.view.accessibleName() == "Aging chart"


def test_the_names_are_french_in_a_french_window(window, qtbot):
    try:
        with qtbot.waitSignal(window.language_changed, timeout=5000):
            window.set_language("fr")
        assert unnamed(window) == []
        assert window.invoices.search.accessibleName() == "Rechercher"
        assert window.invoices.date_from.accessibleName() == "Date de début"
        assert window.alerts_page.grid.accessibleName() == "Calendrier de facturation"
    finally:
        window.set_language("en")
        i18n.uninstall(QApplication.instance())


def opened_dialogs(qtbot, w: MainWindow, tmp_path) -> dict[str, QWidget]:
    """Every dialog the clerk works in: allocate, settle, suggestions, backups, the
    remittance preview and the column mapping, opened as the menus open them."""
    from desktop.actions import suggestions
    from desktop.actions.plans import remittance
    from tests.test_gui import opened_allocation, opened_settle

    found: dict[str, QWidget] = {"allocate": opened_allocation(qtbot, w, "P5")}
    found["settle"] = opened_settle(qtbot, w, "G000100002")
    with qtbot.waitSignal(w.suggested, timeout=20000):
        suggestions.show(w)
    found["suggestions"] = w.suggestions_dialog
    w.backups_action.trigger()
    found["backups"] = w.backups_dialog
    with qtbot.waitSignal(w.previewed, timeout=20000):
        remittance.preview(w, "P4")
    found["preview"] = w.preview_dialog
    layout = tmp_path / "banque.csv"
    layout.write_text("Jour;Somme;Monnaie;Motif\n20/11/2026;742,30;EUR;G000100013\n",
                      encoding="utf-8")  # fmt: skip
    w.import_files([layout])
    qtbot.waitUntil(lambda: hasattr(w, "mapping_dialog"), timeout=20000)
    found["mapping"] = w.mapping_dialog
    return found


def test_every_control_of_the_dialogs_has_a_name(qtbot, window, tmp_path):
    dialogs = opened_dialogs(qtbot, window, tmp_path)
    assert {name: unnamed(d) for name, d in dialogs.items()} == {name: [] for name in dialogs}
    assert [dialogs["allocate"].table.accessibleName(), dialogs["settle"].table.accessibleName(),
            dialogs["suggestions"].table.accessibleName(),
            dialogs["suggestions"].reasons.accessibleName(),
            dialogs["backups"].table.accessibleName()] == [
        "Invoices to allocate to", "Payments and credit notes to settle with", "Suggestions",
        "Why it is proposed", "Backups"]  # fmt: skip
    assert dialogs["preview"].pages.text() == "1 page"  # not "1 page(s)"
    for d in dialogs.values():
        d.close()


def test_the_dialogs_names_are_french_in_a_french_window(qtbot, window, tmp_path):
    try:
        with qtbot.waitSignal(window.language_changed, timeout=5000):
            window.set_language("fr")
        dialogs = opened_dialogs(qtbot, window, tmp_path)
        assert {name: unnamed(d) for name, d in dialogs.items()} == {name: [] for name in dialogs}
        assert dialogs["allocate"].table.accessibleName() == "Factures à régler"
        assert dialogs["suggestions"].reasons.accessibleName() == "Pourquoi c'est proposé"
        assert dialogs["preview"].pages.text() == "1 page"
        for d in dialogs.values():
            d.close()
    finally:
        window.set_language("en")
        i18n.uninstall(QApplication.instance())
