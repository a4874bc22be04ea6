"""A finding's action, one click away: show its invoice or payment, import the missing
file, copy the e-mail or ticket to send (or write the request e-mail as a draft), or mark
the payment."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop.operations import CollectionOp, QueryOp, translate

if TYPE_CHECKING:  # pragma: no cover
    from desktop.main_window import MainWindow

#: where the last request e-mail was written (the next one is offered there)
FOLDER_KEY = "letters/folder"


def act(window: MainWindow, action: str, subject: str, kind: str) -> None:
    if action in ("invoice", "payment"):
        show_row(window, action, subject)
    elif action == "import":
        from desktop.actions import imports

        imports.choose_import(window)
    elif action in ("request", "ticket"):
        copy_letter(window, action, subject)
    elif action == "write_request":
        choose_request_draft(window, subject)
    elif action == "mark":
        mark_unallocated(window, subject)


def show_row(window: MainWindow, what: str, subject: str) -> None:
    """The Invoices (``invoice``) or Payments list, searched for ``subject``, its row
    selected (the invoice's detail shows)."""
    from widgets.models import ROW_ROLE
    from widgets.pages import row_key

    page = window.invoices if what == "invoice" else window.payments
    page.set_focus("", "")
    page.search.setText(subject)
    page.searching.now()  # a long list waits for a pause in typing: not this search
    window.tabs.setCurrentWidget(page)
    for r in range(page.proxy.rowCount()):
        if row_key(page.proxy.index(r, 0).data(ROW_ROLE)) == subject:
            page.view.selectRow(r)
            break


def copy_letter(window: MainWindow, action: str, subject: str) -> None:
    """The request e-mail or support ticket about ``subject``, in the clipboard."""

    def copied(text: str) -> None:
        QApplication.clipboard().setText(text)
        window.statusBar().showMessage(translate(
            "MainWindow", "The text for Microsoft about %s is in the clipboard: paste it into "
            "your e-mail or the support ticket") % subject, 8000)  # fmt: skip

    QueryOp(window, lambda ws, job: ws.documents.letter(action, subject)).success(copied).run()


def choose_request_draft(window: MainWindow, payment: str) -> None:
    """Where to write the request e-mail of a payment Microsoft left unallocated (in the
    folder of the last one); then write it."""
    settings = QSettings("CSP Reconciler", "CSP Reconciler")
    folder = Path(str(settings.value(FOLDER_KEY, "") or Path.home()))
    filters = [translate("MainWindow", "E-mail draft, opens ready to send (*.eml)"),
               translate("MainWindow", "Text (*.txt)")]  # fmt: skip
    path, _chosen = QFileDialog.getSaveFileName(
        window, translate("MainWindow", "Write the request e-mail for %s") % payment,
        str(folder / f"request-{payment}.eml"), ";;".join(filters),
    )  # fmt: skip
    if path:
        settings.setValue(FOLDER_KEY, str(Path(path).parent))
        write_request_draft(window, payment, Path(path))


def write_request_draft(window: MainWindow, payment: str, path: Path) -> None:
    """The request e-mail as a draft ``.eml`` (To, Subject, the text, the remittance advice
    attached, X-Unsent) or as text, written by the core off the GUI thread; its lines
    ("written: …", "attached: …") in the status bar."""
    from desktop.actions.reports import saved

    CollectionOp(window, lambda ws, job: ws.documents.save_letter("request", payment, path)
                 ).success(lambda written: saved(window, written)).run()  # fmt: skip


def mark_unallocated(window: MainWindow, payment: str) -> None:
    when = window.as_of
    CollectionOp(window, lambda ws, job: ws.alerts.mark(payment, "unallocated", when)).run()
