"""Plan and pay: the ticked invoices (less the ticked credit notes) planned as a transfer
(``ws.plans.plan``, what the command line's ``plan`` calls), its remittance advice shown
with its control total, saved as PDF, Excel or bank text, and the SEPA file (pain.001) of
one or several plans (``ws.documents``, as ``export remittance`` and ``export pain001``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from desktop.actions.plans import remittance
from desktop.actions.reports import saved
from desktop.operations import CollectionOp, QueryOp, translate
from widgets.formats import money_text

if TYPE_CHECKING:  # pragma: no cover
    from desktop.main_window import MainWindow


def connect(window: MainWindow) -> None:
    page = window.plans_page
    page.plan_requested.connect(lambda *a: plan(window, *a))
    page.preview_requested.connect(lambda ref: remittance.preview(window, ref))
    page.save_requested.connect(lambda ref: remittance.choose_save(window, ref))
    page.copy_requested.connect(lambda ref: remittance.copy_bank_reference(window, ref))
    page.pain001_requested.connect(lambda refs: choose_pain001(window, refs))
    window.plans_stale = True


def documents(window: MainWindow) -> None:
    """The open invoices and the credit notes with money left, to tick."""
    snap = window.snap
    if snap is not None:
        window.plans_page.show_documents(snap["invoices"], snap["credits"], window.as_of)


def shown(window: MainWindow) -> None:
    """The workspace read again: the documents to pay at once, the plans when in front."""
    documents(window)
    window.plans_stale = True
    tab_changed(window)


def tab_changed(window: MainWindow) -> None:
    if window.tabs.currentWidget() is window.plans_page and window.plans_stale:
        load(window)


def load(window: MainWindow) -> None:
    window.plans_stale = False
    as_of = window.as_of

    def done(rows) -> None:
        window.plans_page.show_plans(rows)
        window.plans_shown.emit()

    QueryOp(window, lambda ws, job: ws.plans.overview(as_of)).success(done).run()


def plan(window: MainWindow, invoices: list[str], credits: list[str], when: date,
         reference: str) -> None:  # fmt: skip
    """Plan the transfer; then its remittance advice, with the control total, in front."""

    def done(ids) -> None:
        window.plans_page.planned()

        def show(rows) -> None:
            window.plans_page.show_plans(rows)
            made = [r for r in rows if r["id"] in ids]
            refs = [r["reference"] for r in made]
            said = [translate("MainWindow", "Planned %s: %s")
                    % (r["reference"], money_text(r["amount"], r["currency"]))
                    for r in made]  # fmt: skip
            window.statusBar().showMessage(" · ".join(said))
            if refs:
                window.plans_page.select_plan(refs[0])
                remittance.preview(window, refs[0])
            window.plans_shown.emit()

        window.plans_stale = False
        QueryOp(window, lambda ws, job: ws.plans.overview(window.as_of)).success(show).run()

    def run(ws, job):
        return ws.plans.plan(invoices, credits, when, reference or None)

    CollectionOp(window, run).success(done).run()


def choose_pain001(window: MainWindow, references: list[str]) -> None:
    if not references:
        return
    name = f"pain001-{references[0]}.xml" if len(references) == 1 else "pain001.xml"
    path, _chosen = QFileDialog.getSaveFileName(
        window, translate("MainWindow", "Save SEPA credit transfers (pain.001)"), name,
        translate("MainWindow", "SEPA credit transfer, pain.001 (*.xml)"),
    )  # fmt: skip
    if path:
        save_pain001(window, references, Path(path))


def save_pain001(window: MainWindow, references: list[str], path: Path) -> None:
    """One pain.001 file for the plans, checked against its schema by the core; the plans
    are then listed as sent to the bank."""
    ids = [p["id"] for p in window.plans_page.plans if p["reference"] in references]
    CollectionOp(window, lambda ws, job: ws.plans.save_pain001(ids, path)).success(
        lambda written: saved(window, written)
    ).run()


def plan_selected(window: MainWindow) -> None:
    """From the Invoices (or Credit notes) list: the selected documents ticked on the Plan
    and pay tab, brought in front."""
    page = window.tabs.currentWidget()
    numbers = [r["number"] for r in page.selected_rows()] if page in (
        window.invoices, window.credits) else []  # fmt: skip
    window.plans_page.tick(*numbers)
    window.tabs.setCurrentWidget(window.plans_page)
