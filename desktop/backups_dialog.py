"""File > Backups…: the copies kept of the workspace file, and putting one back.

The list is read on the worker; Restore asks first, then closes the workspace, puts the
backup in its place (a copy of the current file kept among the backups) and opens it again,
all on the worker (:func:`desktop.actions.workspace.files.restore_backup`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.operations import QueryOp, translate
from widgets.formats import date_text, number_text

if TYPE_CHECKING:  # pragma: no cover
    from desktop.main_window import MainWindow

def _reason(reason: str) -> str:
    return {
        "import": translate("MainWindow", "before an import"),
        "daily": translate("MainWindow", "first change of the day"),
        "restore": translate("MainWindow", "before a restore"),
        "manual": translate("MainWindow", "asked for"),
    }.get(reason, reason)


def _when(at) -> str:
    """A backup's day and time, the day written the locale's way."""
    return f"{date_text(at.date().isoformat())} {at:%H:%M:%S}"


def _size(n: int) -> str:
    return translate("MainWindow", "%s KB") % number_text(f"{n / 1024:.0f}")


class BackupsDialog(QDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.backups: list = []
        self.setWindowTitle(translate("MainWindow", "Backups"))
        self.resize(720, 380)
        layout = QVBoxLayout(self)
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.where)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(translate("MainWindow", "Backups"))
        self.table.setHorizontalHeaderLabels([
            translate("MainWindow", "Time"), translate("MainWindow", "Reason"),
            translate("MainWindow", "Size"), translate("MainWindow", "File"),
        ])  # fmt: skip
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton(translate("MainWindow", "&Restore…"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self.ask_restore)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._selection()

    def load(self) -> None:
        """Read the list on the worker."""
        self.where.setText(translate("MainWindow", "Loading…"))
        QueryOp(self.window_, lambda ws, job: (ws.backups.list(), ws.backups.folder())).success(
            self.show_backups
        ).run()

    def show_backups(self, found) -> None:
        backups, folder = found
        self.backups = backups
        if backups:
            said = (translate("MainWindow", "%n backup in %s. Backups are taken before each "
                              "import and on the first change of a day.", "", len(backups))
                    if len(backups) == 1  # one, or several: said right in English too
                    else translate("MainWindow", "%n backups in %s, newest first. They are "
                                   "taken before each import and on the first change of a "
                                   "day.", "", len(backups)))  # fmt: skip
            self.where.setText(said.replace("%s", str(folder)))
        else:
            self.where.setText(translate("MainWindow", "No backups yet: they go to %s, before "
                                         "each import and on the first change of a day.")
                               % folder)  # fmt: skip
        self.table.setRowCount(len(backups))
        for row, b in enumerate(backups):
            cells = (_when(b.at), _reason(b.reason), _size(b.size), b.path.name)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    item.setTextAlignment(right)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        if backups:
            self.table.selectRow(0)
        self._selection()

    def _selection(self) -> None:
        file = isinstance(self.window_.path, Path)
        self.restore_button.setEnabled(file and self.selected() is not None)

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows and self.backups else None

    def ask_restore(self) -> None:
        backup = self.selected()
        if backup is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, translate("MainWindow", "Restore a backup"),
                          translate("MainWindow", "Put the backup of %s in place of the "
                                    "workspace? The current file is kept among the backups "
                                    "first.") % _when(backup.at),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)  # fmt: skip
        self.confirm_box = box
        box.accepted.connect(lambda: self.restore(backup))
        box.open()

    def restore(self, backup) -> None:
        from desktop.actions.workspace.files import restore_backup

        restore_backup(self.window_, backup.path)
        self.accept()


def show_backups(window: MainWindow) -> None:
    """File > Backups…"""
    dialog = BackupsDialog(window)
    window.backups_dialog = dialog
    dialog.load()
    dialog.open()
