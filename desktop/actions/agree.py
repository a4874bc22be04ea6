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
    """The request e-mail of ``payment``: ``write`` a draft, or ``copy`` its text."""
    if action == "write":
        alerts.choose_request_draft(window, payment)
    else:
        alerts.copy_letter(window, "request", payment)
