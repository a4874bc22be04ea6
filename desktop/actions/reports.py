"""Documents written to a file: the Excel report, and the box saying where a file went."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.operations import QueryOp, translate

if TYPE_CHECKING:  # pragma: no cover
    from desktop.main_window import MainWindow


def choose_report(window: MainWindow) -> None:
    path, _ = QFileDialog.getSaveFileName(
        window, translate("MainWindow", "Save Excel report"),
        f"report-{window.as_of.isoformat()}.xlsx",
        translate("MainWindow", "Excel workbook (*.xlsx)"),
    )  # fmt: skip
    if path:
        export_report(window, Path(path))


def export_report(window: MainWindow, path: Path) -> None:
    as_of = window.as_of

    def run(ws, job):
        from core.exports.report import write_report

        return write_report(ws, path, as_of)

    QueryOp(window, run).success(lambda written: saved(window, written, said=False)).run()


def saved(window: MainWindow, path: Path, said: bool = True) -> None:
    """Say where the file went, with a button to open it (and in the status bar unless the
    change that wrote it said so already)."""
    window.last_export = path
    if not said:
        window.statusBar().showMessage(translate("MainWindow", "Saved %s") % path)
    window.exported.emit(str(path))
    box = QMessageBox(QMessageBox.Icon.Information, translate("MainWindow", "CSP Reconciler"),
                      translate("MainWindow", "Saved %s") % path, parent=window)  # fmt: skip
    open_button = box.addButton(translate("MainWindow", "Open"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)

    def clicked(button) -> None:
        if button is open_button:
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    box.buttonClicked.connect(clicked)
    window.saved_box = box
    box.open()
