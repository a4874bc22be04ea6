"""Allocating payments and credit notes to invoices: from a payment, from a credit note,
from an invoice (settle), by quoted invoice numbers."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from core.changes import LEDGER
from desktop.allocation_dialog import AllocationDialog
from desktop.operations import CollectionOp, translate
from widgets.models import ROW_ROLE

if TYPE_CHECKING:  # pragma: no cover
    from desktop.main_window import MainWindow


def allocate_selected(window: MainWindow) -> None:
    rows = window.payments.selected_rows()
    if not rows or window.snap is None:
        window.statusBar().showMessage(
            translate("MainWindow", "Select a payment to allocate first")
        )
        return
    open_allocation(window, rows[0], rows[0]["id"])


def allocate_credit_selected(window: MainWindow) -> None:
    rows = window.credits.selected_rows()
    if not rows or window.snap is None:
        window.statusBar().showMessage(
            translate("MainWindow", "Select a credit note to apply first")
        )
        return
    if Decimal(rows[0]["unapplied"]) <= 0:
        window.statusBar().showMessage(
            translate("MainWindow", "%s is fully applied") % rows[0]["number"]
        )
        return
    open_allocation(window, rows[0], rows[0]["number"])


def open_allocation(window: MainWindow, source: dict, source_id: str) -> None:
    """The allocation dialog for a payment or credit note row; OK allocates."""
    dialog = AllocationDialog(source, window.snap["invoices"], window)
    window.allocation_dialog = dialog
    dialog.accepted.connect(lambda: allocate(window, source_id, dialog.requests() or []))
    dialog.open()


def allocate(window: MainWindow, source: str, requests) -> None:
    CollectionOp(window, lambda ws, job: ws.allocate(source, requests), LEDGER).run()


def settle_selected(window: MainWindow) -> None:
    rows = window.invoices.selected_rows()
    if not rows or window.snap is None:
        window.statusBar().showMessage(translate("MainWindow", "Select an invoice to settle first"))
        return
    from desktop.allocation_dialog import SettleDialog

    invoice = rows[0]
    dialog = SettleDialog(invoice, window.snap["payments"], window.snap["credits"], window)
    window.settle_dialog = dialog
    dialog.accepted.connect(lambda: settle(window, invoice["number"], dialog.requests() or []))
    dialog.open()


def settle(window: MainWindow, invoice: str, requests) -> None:
    """Each payment or credit note to the invoice, one audited allocation each."""

    def run(ws, job):
        return [ws.allocate(source, [(invoice, amount)]) for source, amount in requests]

    CollectionOp(window, run, LEDGER).run()


def auto_allocate(window: MainWindow) -> None:
    CollectionOp(window, lambda ws, job: ws.auto_allocate(apply=True), LEDGER).run()


def payment_opened(window: MainWindow, index) -> None:
    """Double-click: allocate what is left of a payment, else show its remittance advice."""
    from desktop.actions.plans import remittance

    row = index.data(ROW_ROLE)
    if Decimal(row["unallocated"]) > 0:
        allocate_selected(window)
    else:
        remittance.preview(window, row["id"])


def invoice_opened(window: MainWindow, index) -> None:
    if Decimal(index.data(ROW_ROLE)["open"]) > 0:
        settle_selected(window)
