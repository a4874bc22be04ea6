"""Allocating payments and credit notes to invoices: from a payment, from a credit note,
from an invoice (settle, one change for every source), by quoted invoice numbers.

The dialogs are pre-filled with the core's proposal and checked by the core's rules
(``ws.allocations.propose``, ``check``, ``check_settle``); a refused change reads the lists
again (see :class:`desktop.operations.CollectionOp`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.allocation_dialog import AllocationDialog, Check, SettleDialog
from desktop.operations import CollectionOp, QueryOp, translate
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
    if rows[0]["unapplied"] <= 0:
        window.statusBar().showMessage(
            translate("MainWindow", "%s is fully applied") % rows[0]["number"]
        )
        return
    open_allocation(window, rows[0], rows[0]["number"])


def open_allocation(window: MainWindow, source: dict, source_id: str) -> None:
    """The allocation dialog for a payment or credit note row, pre-filled with the core's
    proposal; OK allocates."""

    def show(proposal) -> None:
        check = _checker(window, lambda ws, requests: ws.allocations.check(source_id, requests))
        dialog = AllocationDialog(source, window.snap["invoices"], proposal, check, window)
        window.allocation_dialog = dialog
        dialog.accepted.connect(lambda: allocate(window, source_id, dialog.requests() or []))
        dialog.open()

    QueryOp(window, lambda ws, job: ws.allocations.propose(source_id)).success(show).run()


def _checker(window: MainWindow, check) -> Check:
    """A dialog's check run on the worker: the answer is what would be recorded, or the
    refusal itself (shown in the dialog, not as an error)."""

    def run(requests, answer) -> None:
        def verdict(ws, job):
            try:
                return check(ws, requests)
            except ValueError as refused:  # AllocationRefused, an amount the core refuses
                return refused

        QueryOp(window, verdict).success(answer).run()

    return run


def allocate(window: MainWindow, source: str, requests) -> None:
    CollectionOp(window, lambda ws, job: ws.allocations.allocate(source, requests)).run()


def settle_selected(window: MainWindow) -> None:
    rows = window.invoices.selected_rows()
    if not rows or window.snap is None:
        window.statusBar().showMessage(translate("MainWindow", "Select an invoice to settle first"))
        return
    invoice = rows[0]["number"]
    check = _checker(window, lambda ws, requests: ws.allocations.check_settle(invoice, requests))
    dialog = SettleDialog(rows[0], window.snap["payments"], window.snap["credits"], check, window)
    window.settle_dialog = dialog
    dialog.accepted.connect(lambda: settle(window, invoice, dialog.requests() or []))
    dialog.open()


def settle(window: MainWindow, invoice: str, requests) -> None:
    """Every payment or credit note to the invoice as one change, or none of them."""
    CollectionOp(window, lambda ws, job: ws.allocations.settle(invoice, requests)).run()


def remove(window: MainWindow, allocation_id: int) -> None:
    """Remove one allocation (from an invoice's or a payment's detail); Undo puts it back."""
    CollectionOp(window, lambda ws, job: ws.allocations.unallocate(allocation_id)).run()


def auto_allocate(window: MainWindow) -> None:
    CollectionOp(window, lambda ws, job: ws.allocations.auto_allocate(apply=True)).run()


def payment_opened(window: MainWindow, index) -> None:
    """Double-click: allocate what is left of a payment, else show its remittance advice."""
    from desktop.actions.plans import remittance

    row = index.data(ROW_ROLE)
    if row["unallocated"] > 0:
        allocate_selected(window)
    else:
        remittance.preview(window, row["id"])


def invoice_opened(window: MainWindow, index) -> None:
    if index.data(ROW_ROLE)["open"] > 0:
        settle_selected(window)
