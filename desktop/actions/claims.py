"""Disputes of an invoice or a line, SLA credit claims, and closing them."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from core.changes import Change
from core.money import quantum
from desktop.operations import CollectionOp, translate

if TYPE_CHECKING:  # pragma: no cover
    from desktop.main_window import MainWindow


def dispute_line(window: MainWindow, line: dict) -> None:
    """Dispute an explained line: the difference from the expected amount, when flagged."""
    check = next((c for c in line["checks"] if c["expected"] is not None), None)
    amount = ""
    if check:
        difference = abs(Decimal(check["actual"]) - Decimal(check["expected"]))
        amount = format(difference.quantize(quantum(line["currency"])), "f")
    reason = check["message"].split(":")[0] if check else ""
    open_dispute(window, line["line"], amount, line["currency"], reason)


def dispute_selected(window: MainWindow) -> None:
    page = window.invoices
    rows = page.selected_rows() if window.tabs.currentWidget() is page else []
    if not rows:
        window.statusBar().showMessage(translate("MainWindow", "Select an invoice first"))
        return
    open_dispute(window, rows[0]["number"], "", rows[0]["currency"], "")


def open_dispute(window: MainWindow, target: str, amount: str, currency: str, reason: str):
    from desktop.claim_dialogs import DisputeDialog

    dialog = DisputeDialog(target, amount, currency, reason, window)
    window.claim_dialog = dialog
    dialog.submitted.connect(
        lambda: _record(window, dialog, lambda ws, values: ws.claims.open_dispute(*values))
    )
    dialog.open()


def new_sla_claim(window: MainWindow) -> None:
    from desktop.claim_dialogs import SlaClaimDialog

    currencies = sorted((window.snap or {}).get("balance", {})) or ["EUR"]
    dialog = SlaClaimDialog(currencies[0], window)
    window.claim_dialog = dialog
    dialog.submitted.connect(
        lambda: _record(window, dialog, lambda ws, values: ws.claims.open_sla_claim(*values))
    )
    dialog.open()


def _record(window: MainWindow, dialog, call) -> None:
    """Ask the workspace to record what the dialog holds: recorded, the dialog closes and
    the claims are shown; refused, the refusal is said by its field and the dialog stays
    open with everything typed."""
    values = dialog.values()

    def run(ws, job):
        try:
            return call(ws, values)
        except ValueError as refused:  # the core's check: said in the dialog, nothing stored
            return Change("claim", (), frozenset(), refused)

    def done(result) -> None:
        if isinstance(result, ValueError):
            said = result.args[0] if len(result.args) == 1 else None  # the core's sentence
            dialog.refuse(said if isinstance(said, str) else str(result))
            return
        dialog.accept()
        window.tabs.setCurrentWidget(window.claims_page)

    CollectionOp(window, run).success(done).run()


def link(window: MainWindow, claim: dict) -> None:
    """Close a claim with the credit note that settles it (credit notes of its currency)."""
    from PySide6.QtWidgets import QInputDialog

    notes = [c["number"] for c in (window.snap or {}).get("credits", [])
             if c["currency"] == claim["currency"]]  # fmt: skip
    dialog = QInputDialog(window)
    dialog.setWindowTitle(translate("MainWindow", "Claim #%s settled by") % claim["id"])
    dialog.setLabelText(translate("MainWindow", "Credit note"))
    dialog.setComboBoxItems(notes)
    dialog.setComboBoxEditable(True)
    window.claim_dialog = dialog
    dialog.textValueSelected.connect(lambda number: CollectionOp(
        window, lambda ws, job: ws.claims.close(claim["id"], number)).run())  # fmt: skip
    dialog.open()


def withdraw(window: MainWindow, claim: dict) -> None:
    CollectionOp(window, lambda ws, job: ws.claims.close(claim["id"])).run()
