"""Moving around the window: drill-downs from the dashboard and the aging chart, the
status bar's sum of the selected rows, the search box of the list in front."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from desktop.operations import translate
from widgets.pages import TablePage

if TYPE_CHECKING:  # pragma: no cover
    from desktop.main_window import MainWindow


def show_bucket(window: MainWindow, currency: str, bucket: str, customer: str = "") -> None:
    """Drill down from the aging chart: the open invoices of that bucket."""
    from widgets.aging_chart import bucket_label

    page = window.invoices
    page.search.clear()
    page.choose(page.currency, currency)
    page.choose(page.customer, customer)
    label = translate("MainWindow", "Open invoices: %s, %s") % (bucket_label(bucket), currency)
    if customer:
        label += f", {customer}"
    page.set_focus(f"bucket:{bucket}", label)
    window.tabs.setCurrentWidget(page)


def show_focus(window: MainWindow, page_name: str, focus: str, label: str) -> None:
    """Open the invoices or payments the dashboard's "needs attention" line is about."""
    if page_name == "alerts":
        window.tabs.setCurrentWidget(window.alerts_page)
        return
    if page_name == "claims":
        window.tabs.setCurrentWidget(window.claims_page)
        return
    page = window.invoices if page_name == "invoices" else window.payments
    page.search.clear()
    page.choose(page.currency, "")
    page.set_focus(focus, label)
    window.tabs.setCurrentWidget(page)


def selection_totals(window: MainWindow, *_args) -> None:
    """The status bar adds up the selected rows: what they still owe or hold, per
    currency."""
    from widgets.formats import money_text

    page = window.tabs.currentWidget()
    keys = {window.invoices: ("open", translate("MainWindow", "open")),
            window.payments: ("unallocated", translate("MainWindow", "unallocated")),
            window.credits: ("unapplied", translate("MainWindow", "unapplied")),
            window.customers: ("open", translate("MainWindow", "open"))}  # fmt: skip
    if page not in keys:
        window.statusBar().showMessage(window.summary)
        return
    key, word = keys[page]
    rows = page.selected_rows()
    totals: dict[str, Decimal] = {}
    for row in rows:
        totals[row["currency"]] = totals.get(row["currency"], Decimal(0)) + (
            row.get(key) or Decimal(0)
        )
    if totals:
        amounts = ", ".join(money_text(v, c) for c, v in sorted(totals.items()))
        window.statusBar().showMessage(
            translate("MainWindow", "%n selected: ", "", len(rows)) + f"{amounts} {word}"
        )
    else:
        window.statusBar().showMessage(window.summary)


def focus_search(window: MainWindow) -> None:
    page = window.tabs.currentWidget()
    if isinstance(page, TablePage):
        page.search.setFocus()
        page.search.selectAll()


def open_document(window: MainWindow, key: str) -> None:
    """A payment, credit note or invoice named in a detail pane: its list in front, its
    row selected (every row shown again if a filter hid it)."""
    for page in (window.payments, window.credits, window.invoices):
        if page.select_key(key):
            window.tabs.setCurrentWidget(page)
            page.view.setFocus()
            return
    window.statusBar().showMessage(translate("MainWindow", "%s is not in this workspace") % key)
