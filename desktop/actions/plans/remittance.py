"""The remittance advice of a payment: previewed as it will print, printed, saved (or a
SEPA credit transfer written for it), and the bank reference copied for the transfer.

Every document is written by the core (``ws.documents``), byte for byte what the command
line's ``export remittance`` and ``export pain001`` write."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QFileDialog

from desktop.actions.reports import saved
from desktop.operations import CollectionOp, QueryOp, translate

if TYPE_CHECKING:  # pragma: no cover
    from desktop.main_window import MainWindow

#: the save dialog's formats, in the order of its filters (``pain001``: a SEPA transfer)
FORMATS = ("pdf", "xlsx", "txt", "pain001")
SUFFIXES = {".pdf": "pdf", ".xlsx": "xlsx", ".txt": "txt", ".xml": "pain001"}


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

    path = Path(tempfile.mkdtemp(prefix="csp-remittance-")) / f"remittance-{what}.pdf"
    QueryOp(window, lambda ws, job: ws.documents.save_remittance(what, "pdf", path)).success(
        lambda written: done(written.result)
    ).run()


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
    filters = [translate("MainWindow", "PDF (*.pdf)"),
               translate("MainWindow", "Excel workbook (*.xlsx)"),
               translate("MainWindow", "Text (*.txt)"),
               translate("MainWindow", "SEPA credit transfer, pain.001 (*.xml)")]  # fmt: skip
    path, chosen = QFileDialog.getSaveFileName(
        window, translate("MainWindow", "Save remittance advice"), f"remittance-{pid}.pdf",
        ";;".join(filters),
    )  # fmt: skip
    if path:
        fmt = FORMATS[filters.index(chosen)] if chosen in filters else None
        save(window, pid, Path(path), SUFFIXES.get(Path(path).suffix.lower(), fmt or "pdf"))


def save(window: MainWindow, what: str, path: Path, fmt: str | None = None) -> None:
    """Write the advice as ``fmt`` (pdf, xlsx, txt, or pain001 for a SEPA credit transfer;
    by default from the file's extension) off the GUI thread."""
    fmt = fmt or SUFFIXES.get(path.suffix.lower(), "pdf")

    def run(ws, job):
        if fmt == "pain001":
            return ws.documents.save_pain001([what], path)
        return ws.documents.save_remittance(what, fmt, path)

    CollectionOp(window, run).success(lambda written: saved(window, written)).run()


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
    """Print the advice as text (desktop.printing), from the data its PDF is written from
    (``pdf``, the preview's, is not needed: the printer gets the words, not pictures)."""

    def done(rem) -> None:
        from desktop.printing import print_remittance

        try:
            pages = print_remittance(rem, printer)
        except ValueError as exc:
            window.show_error(exc)
            return
        said = (translate("MainWindow", "Printed %n page", "", pages) if pages == 1  # no "(s)"
                else translate("MainWindow", "Printed %n pages", "", pages))  # fmt: skip
        window.statusBar().showMessage(said)
        window.printed.emit(pages)

    QueryOp(window, lambda ws, job: ws.documents.remittance(what)).success(done).run()


def copy_bank_reference(window: MainWindow, pid: str | None = None) -> None:
    pid = pid or selected_payment(window)
    if pid is None:
        return

    def done(text: str) -> None:
        QApplication.clipboard().setText(text)
        window.statusBar().showMessage(translate("MainWindow", "Copied: %s") % text)

    QueryOp(window, lambda ws, job: ws.documents.remittance(pid).bank_text()[0]).success(done).run()
