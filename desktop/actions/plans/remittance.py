"""The remittance advice of a payment: previewed as it will print, printed, saved, and the
bank reference copied for the transfer."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QFileDialog

from desktop.actions.reports import saved
from desktop.operations import QueryOp, translate

if TYPE_CHECKING:  # pragma: no cover
    from desktop.main_window import MainWindow


def selected_payment(window: MainWindow) -> str | None:
    rows = window.payments.selected_rows()
    if not rows:
        window.statusBar().showMessage(translate("MainWindow", "Select a payment first"))
        return None
    return rows[0]["id"]


def choose_preview(window: MainWindow) -> None:
    pid = selected_payment(window)
    if pid is not None:
        preview(window, pid)


def _pdf(window: MainWindow, what: str, done) -> None:
    """Write the advice of ``what`` as PDF (a temporary file) off the GUI thread, then hand
    its path to ``done``."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="csp-remittance-"))

    def run(ws, job):
        from core.exports.pdf import write_pdf

        return write_pdf(ws.remittance(what), folder / f"remittance-{what}.pdf")

    QueryOp(window, run).success(done).run()


def preview(window: MainWindow, what: str) -> None:
    """The advice as it will print, in a preview window."""

    def done(pdf: Path) -> None:
        from desktop.remittance_preview import RemittancePreview

        dialog = RemittancePreview(what, pdf, window)
        dialog.print_requested.connect(lambda: choose_print(window, what, pdf))
        dialog.save_requested.connect(lambda: choose_save(window, what))
        dialog.copy_requested.connect(lambda: copy_bank_reference(window, what))
        window.preview_dialog = dialog
        dialog.open()
        window.previewed.emit(what)

    _pdf(window, what, done)


def choose_save(window: MainWindow, pid: str | None = None) -> None:
    pid = pid or selected_payment(window)
    if pid is None:
        return
    path, _ = QFileDialog.getSaveFileName(
        window, translate("MainWindow", "Save remittance advice"), f"remittance-{pid}.pdf",
        translate("MainWindow", "PDF (*.pdf);;Excel workbook (*.xlsx);;Text (*.txt)"),
    )  # fmt: skip
    if path:
        save(window, pid, Path(path))


def save(window: MainWindow, what: str, path: Path) -> None:
    """Write the advice (format from the file's extension) off the GUI thread."""

    def run(ws, job):
        rem = ws.remittance(what)
        if path.suffix.lower() == ".xlsx":
            from core.exports.xlsx import write_xlsx

            write_xlsx(rem, path)
        elif path.suffix.lower() == ".txt":
            from core.exports.remittance import as_text

            path.write_text(as_text(rem), encoding="utf-8")
        else:
            from core.exports.pdf import write_pdf

            write_pdf(rem, path)
        return path

    QueryOp(window, run).success(lambda written: saved(window, written)).run()


def choose_print(window: MainWindow, pid: str | None = None, pdf: Path | None = None) -> None:
    """Choose a printer and print the advice (the preview's own PDF when it has one)."""
    pid = pid or selected_payment(window)
    if pid is None:
        return
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, window)
    if dialog.exec() == QPrintDialog.DialogCode.Accepted:
        print_advice(window, pid, printer, pdf)


def print_advice(window: MainWindow, what: str, printer, pdf: Path | None = None) -> None:
    """Draw the advice's PDF pages onto the printer (written first when not given)."""

    def done(pdf: Path) -> None:
        from desktop.printing import print_pdf

        try:
            pages = print_pdf(pdf, printer)
        except ValueError as exc:
            window.show_error(exc)
            return
        window.statusBar().showMessage(translate("MainWindow", "Printed %n page(s)", "", pages))
        window.printed.emit(pages)

    if pdf is not None:
        done(pdf)
    else:
        _pdf(window, what, done)


def copy_bank_reference(window: MainWindow, pid: str | None = None) -> None:
    pid = pid or selected_payment(window)
    if pid is None:
        return

    def done(text: str) -> None:
        QApplication.clipboard().setText(text)
        window.statusBar().showMessage(translate("MainWindow", "Copied: %s") % text)

    QueryOp(window, lambda ws, job: ws.remittance(pid).bank_text()[0]).success(done).run()
