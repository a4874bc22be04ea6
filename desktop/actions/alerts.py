"""A finding's action, one click away: show its invoice or payment, import the missing
file, copy the e-mail or ticket to send, or mark the payment."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from desktop.operations import CollectionOp, QueryOp, translate

if TYPE_CHECKING:  # pragma: no cover
    from desktop.main_window import MainWindow


def act(window: MainWindow, action: str, subject: str, kind: str) -> None:
    if action in ("invoice", "payment"):
        page = window.invoices if action == "invoice" else window.payments
        page.set_focus("", "")
        page.search.setText(subject)
        window.tabs.setCurrentWidget(page)
    elif action == "import":
        from desktop.actions import imports

        imports.choose_import(window)
    elif action in ("request", "ticket"):
        copy_letter(window, action, subject)
    elif action == "mark":
        mark_unallocated(window, subject)


def copy_letter(window: MainWindow, action: str, subject: str) -> None:
    """The request e-mail or support ticket about ``subject``, in the clipboard."""

    def copied(text: str) -> None:
        QApplication.clipboard().setText(text)
        window.statusBar().showMessage(translate(
            "MainWindow", "The text for Microsoft about %s is in the clipboard: paste it into "
            "your e-mail or the support ticket") % subject, 8000)  # fmt: skip

    QueryOp(window, lambda ws, job: ws.documents.letter(action, subject)).success(copied).run()


def mark_unallocated(window: MainWindow, payment: str) -> None:
    when = window.as_of
    CollectionOp(window, lambda ws, job: ws.alerts.mark(payment, "unallocated", when)).run()
