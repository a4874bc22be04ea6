"""Notes on an invoice, payment or credit note: who called, what was agreed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.operations import CollectionOp, translate
from widgets.pages import TablePage

if TYPE_CHECKING:  # pragma: no cover
    from desktop.main_window import MainWindow


def choose_note(window: MainWindow) -> None:
    """A note on the invoice, payment or credit note selected in the list on screen."""
    from PySide6.QtWidgets import QInputDialog

    page = window.tabs.currentWidget()
    rows = page.selected_rows() if isinstance(page, TablePage) else []
    subject = rows[0].get("number") or rows[0].get("id") if rows else None
    if not subject or page is window.customers:
        window.statusBar().showMessage(
            translate("MainWindow", "Select an invoice, payment or credit note first")
        )
        return
    dialog = QInputDialog(window)
    dialog.setWindowTitle(translate("MainWindow", "Note on %s") % subject)
    dialog.setLabelText(
        translate("MainWindow", "Note (who called, what was agreed, the ticket number…)")
    )
    dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
    window.note_dialog = dialog
    dialog.textValueSelected.connect(lambda text: add_note(window, subject, text))
    dialog.open()


def add_note(window: MainWindow, subject: str, text: str) -> None:
    CollectionOp(window, lambda ws, job: ws.notes.add(subject, text)).run()
