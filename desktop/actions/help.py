"""The Help menu: keyboard shortcuts, the log folder, about."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from desktop.operations import translate

if TYPE_CHECKING:  # pragma: no cover
    from desktop.main_window import MainWindow


def show_shortcuts(window: MainWindow) -> None:
    """Every menu action with its shortcut, read from the menus themselves."""
    rows = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        for action in menu.actions() if menu else ():
            key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if key:
                rows.append(f"<tr><td><b>{key}</b></td><td>"
                            f"{action.text().replace('&', '')}</td></tr>")  # fmt: skip
    box = QMessageBox(QMessageBox.Icon.NoIcon, translate("MainWindow", "Keyboard shortcuts"),
                      "<table cellspacing=6>" + "".join(rows) + "</table>",
                      parent=window)  # fmt: skip
    window.shortcuts_box = box
    box.open()


def open_log_folder(window: MainWindow) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    from desktop.app import log_folder

    QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_folder())))


def show_about(window: MainWindow) -> None:
    """The version, the workspace and the licences of the components (desktop/about_dialog.py)."""
    from desktop import about_dialog

    about_dialog.show(window)
