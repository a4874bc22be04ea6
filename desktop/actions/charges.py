"""Charges explained: a customer's lines, and every line checked against the rules."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.operations import QueryOp, translate

if TYPE_CHECKING:  # pragma: no cover
    from desktop.main_window import MainWindow


def show_customer(window: MainWindow, customer_id: str) -> None:
    """A customer's lines, each explained (read on the worker thread)."""
    snap = window.snap or {}
    dates = {r["number"]: r["date"] or "" for r in snap.get("invoices", [])}
    name = next((n for c, n, _ in snap.get("line_customers") or [] if c == customer_id),
                customer_id) or customer_id  # fmt: skip
    label = translate("MainWindow", "Reading the lines of %1…").replace("%1", name)
    window.statusBar().showMessage(label)
    running = []

    def shown(found) -> None:
        if running and running[0].cancel.is_set():
            return  # the clerk cancelled: another customer may be chosen meanwhile
        window.charges_page.show_lines(name, found, dates)
        window.statusBar().clearMessage()

    op = QueryOp(
        window,
        lambda ws, job: [ex.as_dict() for ex in ws.charges.customer_explanations(customer_id)],
    )
    running.append(op.success(shown).with_progress(label).run())


def run_checks(window: MainWindow) -> None:
    window.statusBar().showMessage(translate("MainWindow", "Checking every line…"))

    def done(found) -> None:
        window.charges_page.show_checks(found)
        window.statusBar().showMessage(
            translate("MainWindow", "%n line(s) flagged", "", len(found)), 5000
        )

    QueryOp(window, lambda ws, job: [ex.as_dict() for ex in ws.charges.flagged_lines()]).success(
        done
    ).with_progress(translate("MainWindow", "Checking every line…")).run()
