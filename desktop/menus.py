"""The window's menus: each entry a text, a shortcut and the action it runs.

Built whole (old actions deleted with the old bar) when the window opens and again when
the language changes.  The actions a role may not use are kept on the window by name
(``window.import_action``...) so that the shell can grey them out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from desktop.actions import (
    allocations,
    claims,
    imports,
    journal,
    navigation,
    notes,
    preferences,
    suggestions,
)
from desktop.actions import help as help_menu
from desktop.actions.plans import pay, remittance
from desktop.actions.reports import choose_report
from desktop.actions.workspace import files, team
from desktop.operations import translate

if TYPE_CHECKING:  # pragma: no cover
    from desktop.main_window import MainWindow

Key = QKeySequence.StandardKey


def build(window: MainWindow) -> None:
    bar = QMenuBar(window)
    window.setMenuBar(bar)
    _file(window, bar.addMenu(translate("MainWindow", "&File")))
    _edit(window, bar.addMenu(translate("MainWindow", "&Edit")))
    _payments(window, bar.addMenu(translate("MainWindow", "&Payments")))
    _view(window, bar.addMenu(translate("MainWindow", "&View")))
    _help(window, bar.addMenu(translate("MainWindow", "&Help")))


def add(window: MainWindow, menu: QMenu, text: str, slot: Callable, shortcut=None,
        name: str | None = None, tip: str | None = None) -> QAction:  # fmt: skip
    """One entry: ``slot(window)`` when chosen; kept as ``window.<name>`` when named."""
    action = QAction(text, menu)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setToolTip(tip)
    action.triggered.connect(lambda _checked=False: slot(window))
    menu.addAction(action)
    if name:
        setattr(window, name, action)
    return action


def _file(window: MainWindow, menu: QMenu) -> None:
    add(window, menu, translate("MainWindow", "&Open workspace…"), files.choose_workspace,
        "Ctrl+Shift+O")  # fmt: skip
    add(window, menu, translate("MainWindow", "&New workspace…"), files.choose_new_workspace,
        Key.New)  # fmt: skip
    add(window, menu, translate("MainWindow", "Open the &demo workspace"), files.open_demo)
    add(window, menu, translate("MainWindow", "Connect to a &team workspace…"),
        team.connect_team, "Ctrl+Shift+T")  # fmt: skip
    window.recent_menu = menu.addMenu(translate("MainWindow", "Open &recent"))
    files.fill_recent(window)
    tip = translate("MainWindow", "The copies kept of this workspace file; put one back")
    add(window, menu, translate("MainWindow", "&Backups…"), _backups, name="backups_action",
        tip=tip)  # fmt: skip
    menu.addSeparator()
    add(window, menu, translate("MainWindow", "&Import files…"), imports.choose_import,
        Key.Open, "import_action")  # fmt: skip
    tip = translate("MainWindow", "See the advice as it will print; print, save or copy it")
    add(window, menu, translate("MainWindow", "Remittance advice of the selected payment…"),
        remittance.choose_preview, "Ctrl+E", tip=tip)  # fmt: skip
    add(window, menu,
        translate("MainWindow", "Save &remittance advice of the selected payment as…"),
        remittance.choose_save, "Ctrl+Shift+E")  # fmt: skip
    add(window, menu, translate("MainWindow", "Export Excel &report…"), choose_report,
        "Ctrl+R")  # fmt: skip
    add(window, menu,
        translate("MainWindow", "&Print remittance advice of the selected payment…"),
        remittance.choose_print, Key.Print)  # fmt: skip
    add(window, menu, translate("MainWindow", "&Copy bank reference of the selected payment"),
        remittance.copy_bank_reference, "Ctrl+Shift+C")  # fmt: skip
    menu.addSeparator()
    add(window, menu, translate("MainWindow", "&Quit"), lambda w: w.close(), Key.Quit)


def _backups(window: MainWindow) -> None:
    from desktop.backups_dialog import show_backups

    show_backups(window)


def _edit(window: MainWindow, menu: QMenu) -> None:
    add(window, menu, translate("MainWindow", "&Undo last change"), journal.undo, Key.Undo,
        "undo_action")  # fmt: skip
    add(window, menu, translate("MainWindow", "&Redo"), journal.redo, Key.Redo, "redo_action")


def _payments(window: MainWindow, menu: QMenu) -> None:
    add(window, menu, translate("MainWindow", "&Allocate selected payment…"),
        allocations.allocate_selected, "Ctrl+L", "allocate_action")  # fmt: skip
    add(window, menu, translate("MainWindow", "&Settle the selected invoice…"),
        allocations.settle_selected, "Ctrl+Shift+L")  # fmt: skip
    add(window, menu, translate("MainWindow", "Apply the selected &credit note…"),
        allocations.allocate_credit_selected, "Ctrl+Alt+L")  # fmt: skip
    tip = translate("MainWindow", "Proposals with a score and reasons, for the selected "
                                  "payment or every payment with money left")  # fmt: skip
    add(window, menu, translate("MainWindow", "S&uggested allocations…"), suggestions.show,
        "Ctrl+G", tip=tip)  # fmt: skip
    tip = translate("MainWindow", "The selected invoices and credit notes ticked on the Plan "
                                  "and pay tab")  # fmt: skip
    add(window, menu, translate("MainWindow", "&Plan payment of the selected invoices…"),
        pay.plan_selected, "Ctrl+Shift+P", tip=tip)  # fmt: skip
    add(window, menu, translate("MainWindow", "Add a &note to the selected invoice or payment…"),
        notes.choose_note, "Ctrl+Shift+N", "note_action")  # fmt: skip
    add(window, menu, translate("MainWindow", "Allocate by &quoted invoice numbers"),
        allocations.auto_allocate, name="auto_action")  # fmt: skip
    menu.addSeparator()
    add(window, menu, translate("MainWindow", "&Dispute an amount of the selected invoice…"),
        claims.dispute_selected, "Ctrl+Shift+D", "dispute_action")  # fmt: skip
    add(window, menu, translate("MainWindow", "New S&LA credit claim…"), claims.new_sla_claim,
        name="sla_action")  # fmt: skip


def _view(window: MainWindow, menu: QMenu) -> None:
    from desktop import i18n

    add(window, menu, translate("MainWindow", "&Preferences…"), preferences.edit,
        Key.Preferences)  # fmt: skip
    language = menu.addMenu(translate("MainWindow", "&Language"))
    for code, name in i18n.LANGUAGES.items():
        action = add(window, language, name, lambda w, c=code: w.set_language(c))
        action.setCheckable(True)
        action.setChecked(code == i18n.current_language())
    menu.addSeparator()
    tabs = ((window.dashboard, translate("MainWindow", "&Dashboard")),
            (window.invoices, translate("MainWindow", "&Invoices")),
            (window.payments, translate("MainWindow", "Pa&yments")),
            (window.credits, translate("MainWindow", "&Credit notes")),
            (window.reconcile_page, translate("MainWindow", "&Reconcile")),
            (window.plans_page, translate("MainWindow", "Pla&n and pay")),
            (window.customers, translate("MainWindow", "C&ustomers")),
            (window.alerts_page, translate("MainWindow", "&Alerts and calendar")),
            (window.charges_page, translate("MainWindow", "C&harges explained")),
            (window.claims_page, translate("MainWindow", "Dis&putes and claims")),
            (window.agree_page, translate("MainWindow", "A&gree with Microsoft")))  # fmt: skip
    for n, (page, name) in enumerate(tabs):
        # Ctrl+digit does nothing on a French (AZERTY) keyboard, where the digits are
        # shifted: Ctrl+PgDown / Ctrl+PgUp below move from tab to tab on any layout.
        shortcut = f"Ctrl+{n + 1}" if n < 9 else None
        add(window, menu, name, lambda w, p=page: w.tabs.setCurrentWidget(p), shortcut)
    for text, step, keys in ((translate("MainWindow", "Ne&xt tab"), 1, ("Ctrl+PgDown", "Ctrl+Tab")),
                             (translate("MainWindow", "Pre&vious tab"), -1,
                              ("Ctrl+PgUp", "Ctrl+Shift+Tab"))):  # fmt: skip
        action = add(window, menu, text, lambda w, s=step: _step(w, s), keys[0])
        action.setShortcuts([QKeySequence(k) for k in keys])  # Ctrl+Tab as in a browser
    add(window, menu, translate("MainWindow", "&Find in this list"), navigation.focus_search,
        Key.Find)  # fmt: skip
    add(window, menu, translate("MainWindow", "Re&load"), lambda w: w.refresh(), Key.Refresh)


def _step(window: MainWindow, by: int) -> None:
    """The next (or previous) tab, round from the last to the first."""
    tabs = window.tabs
    tabs.setCurrentIndex((tabs.currentIndex() + by) % tabs.count())


def _help(window: MainWindow, menu: QMenu) -> None:
    add(window, menu, translate("MainWindow", "&Keyboard shortcuts"), help_menu.show_shortcuts,
        Key.HelpContents)  # fmt: skip
    add(window, menu, translate("MainWindow", "Open the &log folder"), help_menu.open_log_folder)
    add(window, menu, translate("MainWindow", "&About CSP Reconciler"), help_menu.show_about)
