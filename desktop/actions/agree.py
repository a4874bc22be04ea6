"""Our books against Microsoft's ("Agree with Microsoft"): the comparison read on the worker
when the tab is in front (again after each refresh of the window, or when the clerk comes
back to it after one), an invoice shown among the invoices, the request e-mail of a
payment Microsoft left unallocated written as a draft or copied."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.views import agreement
from desktop.actions import alerts
from desktop.operations import QueryOp

if TYPE_CHECKING:  # pragma: no cover
    from desktop.main_window import MainWindow


def refresh(window: MainWindow) -> None:
    """The workspace was read again: so is the comparison, now if the tab is in front,
    else when the clerk opens it (it computes the ledger again)."""
    window.agree_stale = True
    tab_changed(window)


def tab_changed(window: MainWindow) -> None:
    if window.agree_stale and window.tabs.currentWidget() is window.agree_page:
        load(window)


def load(window: MainWindow) -> None:
    window.agree_stale = False
    as_of = window.as_of

    def show(found: dict) -> None:
        window.agreement = found
        window.agree_page.show_agreement(found)

    QueryOp(window, lambda ws, job: agreement(ws, as_of)).success(show).run()


def show_invoice(window: MainWindow, number: str) -> None:
    alerts.show_row(window, "invoice", number)


def letter(window: MainWindow, action: str, payment: str) -> None:
    """The request e-mail of ``payment``: ``open`` it in the mail program (one click),
    ``write`` a draft where the clerk says, or ``copy`` its text."""
    if action == "open":
        open_request(window, payment)
    elif action == "write":
        alerts.choose_request_draft(window, payment)
    else:
        alerts.copy_letter(window, "request", payment)


def open_request(window: MainWindow, payment: str) -> None:
    """The request e-mail written by the core as a draft (.eml, the remittance advice
    attached) among the workspace's drafts, then opened in the mail program, ready to
    send; where it was written said in the status bar."""
    import tempfile
    from pathlib import Path

    from desktop.operations import CollectionOp, translate

    folder = Path(tempfile.gettempdir()) / "csp-reconciler-drafts"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"request-{payment}.eml"

    said: list[str] = []

    def opened(written) -> None:
        open_file(Path(written))
        warning = [line for line in said if "proposal" in line]  # the core's: check them
        window.statusBar().showMessage(" · ".join([
            translate("MainWindow", "The request e-mail for %s is open in your mail program "
                                    "(kept as %s)") % (payment, written), *warning]))  # fmt: skip
        window.exported.emit(str(written))

    def write(ws, job):
        return ws.documents.save_letter("request", payment, path)

    CollectionOp(window, write).summary_by(lambda change: said.extend(change.lines)).success(
        opened
    ).run()


def open_file(path) -> None:
    """A file opened by the program the system gives its kind (the mail program, an .eml)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
