"""The remittance advice of a payment, shown as it will print, with Print, Save and Copy."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from desktop.screens import fit, remember_size


class RemittancePreview(QDialog):
    """The PDF the core wrote, page after page, fitted to the width of the window."""

    print_requested = Signal()
    save_requested = Signal()
    copy_requested = Signal()

    def __init__(self, payment_id: str, pdf: Path, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Remittance advice — %s") % payment_id)
        fit(self, 760, 900)  # at most the screen: its buttons stay in reach
        remember_size(self, "remittance-preview")
        self.document = QPdfDocument(self)
        self.document.load(str(pdf))
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.view.setAccessibleName(self.tr("The advice as it will print"))
        pages = self.document.pageCount()
        # one page, or several: said right in English too (no "(s)")
        self.pages = QLabel(self.tr("%n page", "", pages) if pages == 1
                            else self.tr("%n pages", "", pages))  # fmt: skip
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        role = QDialogButtonBox.ButtonRole.ActionRole
        printing = self.buttons.addButton(self.tr("&Print…"), role)
        printing.setToolTip(self.tr("Choose a printer and print the advice (Ctrl+P)"))
        printing.setShortcut("Ctrl+P")
        printing.clicked.connect(self.print_requested)
        save = self.buttons.addButton(self.tr("&Save as…"), role)
        save.setToolTip(self.tr("Save as PDF, Excel workbook or text (Ctrl+S)"))
        save.setShortcut("Ctrl+S")
        save.clicked.connect(self.save_requested)
        copy = self.buttons.addButton(self.tr("&Copy bank reference"), role)
        copy.setToolTip(self.tr("The text to put in the transfer's reference field"))
        copy.clicked.connect(self.copy_requested)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.pages)
        layout.addWidget(self.buttons)
