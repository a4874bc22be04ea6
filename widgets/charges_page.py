"""Charges explained, per customer: every line of a customer with why it costs what it does
(currency conversion, prorated term, refund window) and the lines that contradict a rule; and
the disputes and SLA credit claims being followed up.

The pages show what they are given (dicts from :meth:`core.explain.Explanation.as_dict` and
:meth:`core.workspace.Workspace.claims`) and ask for the rest by signal: they never touch the
workspace themselves.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core.explain import shown as to_currency
from widgets.formats import date_text, money_text, speak
from widgets.views import ROW_ROLE, CellsModel, LazyList, LazyTable

CHECK_LABELS = {
    "fx_recompute_mismatch": QT_TRANSLATE_NOOP("ChargesPage", "conversion differs"),
    "proration_mismatch": QT_TRANSLATE_NOOP("ChargesPage", "proration differs"),
    "refund_outside_window": QT_TRANSLATE_NOOP("ChargesPage", "refund outside its window"),
    "refund_amount_mismatch": QT_TRANSLATE_NOOP("ChargesPage", "refund amount differs"),
}
ROLE = ROW_ROLE  # a customer id, a line, a claim
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
FLAG = QColor("#b3261e")


def _to_cents(amount: str, currency: str) -> str:
    return format(to_currency(Decimal(amount), currency), "f")


def check_label(kind: str) -> str:
    return QCoreApplication.translate("ChargesPage", CHECK_LABELS.get(kind, kind))


LINE_COLUMNS = (
    QT_TRANSLATE_NOOP("ChargesPage", "Line"), QT_TRANSLATE_NOOP("ChargesPage", "Invoice date"),
    QT_TRANSLATE_NOOP("ChargesPage", "Product"), QT_TRANSLATE_NOOP("ChargesPage", "Period"),
    QT_TRANSLATE_NOOP("ChargesPage", "Explained"), QT_TRANSLATE_NOOP("ChargesPage", "Subtotal"),
    QT_TRANSLATE_NOOP("ChargesPage", "Expected"), QT_TRANSLATE_NOOP("ChargesPage", "Flag"),
)  # fmt: skip


class LinesModel(CellsModel):
    """Explained lines, one row each: their texts worked out when a row is shown (a
    customer may have tens of thousands of lines), flagged lines in red."""

    def __init__(self, parent=None) -> None:
        super().__init__(LINE_COLUMNS, "ChargesPage", self._line_cells, right=(5, 6),
                         colour=lambda ln: QBrush(FLAG) if ln["checks"] else None,
                         parent=parent)  # fmt: skip
        self.dates: dict[str, str] = {}

    def set_lines(self, rows: list[dict], dates: dict[str, str]) -> None:
        self.dates = dates
        self.set_rows(rows)

    def _line_cells(self, ln: dict) -> list[str]:
        cur, dates = ln["currency"], self.dates
        period = " – ".join(date_text(d) for d in (ln["charge_start"], ln["charge_end"]) if d)
        flags = ", ".join(check_label(c["kind"]) for c in ln["checks"])
        expected = next((c["expected"] for c in ln["checks"] if c["expected"] is not None), "")
        return [
            ln["line"],
            date_text(dates.get(ln["invoice"], "")),
            f"{ln['customer']} · {ln['product']}" if not dates else ln["product"],
            period,
            speak(ln["why"]),
            money_text(ln["subtotal"], cur),
            # the exact expected amount, to the currency's decimals (the detail keeps it)
            money_text(_to_cents(expected, cur), cur) if expected else "",
            flags,
        ]


class ChargesPage(QWidget):
    """Customers on the left; the chosen customer's lines, each explained, on the right."""

    customer_chosen = Signal(str)  # customer id: show its lines
    checks_requested = Signal()  # run the checks over the whole workspace
    dispute_requested = Signal(dict)  # an explained line (as_dict)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.lines: list[dict] = []
        self.dates: dict[str, str] = {}  # one customer's invoices' dates; none: all customers
        self.may_dispute = True  # the role may record disputes
        self.customer_model = CellsModel(("",), "ChargesPage",
                                         lambda c: [f"{c[1] or c[0]} ({c[2]})"],
                                         parent=self, tip=lambda c: c[0])  # fmt: skip
        self.customers = LazyList()
        self.customers.setModel(self.customer_model)
        self.customers.setAccessibleName(self.tr("Customers"))
        # the clerk's choice, not the current row a list sets itself when it takes the focus
        self.customers.selectionModel().selectionChanged.connect(self._customer_changed)
        self.flagged_only = QCheckBox(self.tr("Only lines with something to explain"))
        self.flagged_only.setChecked(True)
        self.flagged_only.toggled.connect(lambda _on: self._fill_lines())
        self.checks_button = QPushButton(self.tr("Check every line"))
        self.checks_button.setToolTip(
            self.tr("Recompute conversions, prorations and refunds of every line in the workspace")
        )
        self.checks_button.clicked.connect(self.checks_requested)
        self.dispute_button = QPushButton(self.tr("Dispute this line…"))
        self.dispute_button.setEnabled(False)
        self.dispute_button.clicked.connect(self._dispute)
        self.summary = QLabel()
        self.model = LinesModel(self)
        self.table = LazyTable()
        self.table.setAlternatingRowColors(False)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Lines explained"))
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._line_changed)
        self.detail = QTextBrowser()
        self.detail.setPlaceholderText(self.tr("Select a line to see why it costs what it does."))
        self.detail.setAccessibleName(self.tr("The line explained"))

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(QLabel(self.tr("Customers")))
        lv.addWidget(self.customers)
        lv.addWidget(self.checks_button)
        right = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        tv = QVBoxLayout(top)
        tv.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.flagged_only)
        bar.addWidget(self.dispute_button)
        tv.addLayout(bar)
        tv.addWidget(self.table)
        right.addWidget(top)
        right.addWidget(self.detail)
        right.setSizes([420, 220])
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([260, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    # -- what is shown

    def show_customers(self, customers: list[tuple[str, str, int]]) -> None:
        """(customer id, name, lines) — keeps the current choice when it is still there."""
        current = self.customers.currentIndex()
        keep = current.data(ROLE)[0] if current.isValid() else None
        selection = self.customers.selectionModel()
        selection.blockSignals(True)  # the same customer still chosen: nothing to read
        try:
            self.customer_model.set_rows(list(customers))
            row = next((n for n, c in enumerate(customers) if c[0] == keep), -1)
            if row >= 0:
                self.customers.setCurrentRow(row)
        finally:
            selection.blockSignals(False)
        self.customers.viewport().update()

    def show_lines(self, customer: str, lines: list[dict], dates: dict[str, str]) -> None:
        self.lines = lines
        self.dates = dates
        flagged = sum(1 for ln in lines if ln["checks"])
        explained = sum(1 for ln in lines if ln["explained"])
        self.summary.setText(
            self.tr("%1: %2 line(s), %3 with something to explain, %4 flagged")
            .replace("%1", customer).replace("%2", str(len(lines)))
            .replace("%3", str(explained)).replace("%4", str(flagged))
        )  # fmt: skip
        self._fill_lines()

    def show_checks(self, findings: list[dict]) -> None:
        """The whole workspace's findings, as lines to explain."""
        selection = self.customers.selectionModel()
        selection.blockSignals(True)
        selection.clear()  # no customer: the whole workspace's lines
        selection.blockSignals(False)
        self.customers.viewport().update()
        self.flagged_only.setChecked(True)
        self.lines = findings
        self.dates = {}
        self.summary.setText(self.tr("Every line checked: %n flagged", "", len(findings)))
        self._fill_lines()

    def _fill_lines(self) -> None:
        shown = [ln for ln in self.lines if ln["explained"] or not self.flagged_only.isChecked()]
        self.model.set_lines(shown, self.dates)
        self.table.resizeColumnsToContents()  # the first rows only (see LazyTable)
        self.detail.clear()
        self.dispute_button.setEnabled(False)

    # -- choices

    def _customer_changed(self, *_selection) -> None:
        chosen = self.customers.selectionModel().selectedRows()
        if chosen:
            self.customer_chosen.emit(chosen[0].data(ROLE)[0])

    def selected_line(self) -> dict | None:
        """The line selected as it was read (its sentences still translatable: a row read
        through the model's data is a copy of plain texts)."""
        rows = self.table.selectionModel().selectedRows()
        r = rows[0].row() if rows else -1
        return self.model.rows[r] if 0 <= r < len(self.model.rows) else None

    def _line_changed(self, *_args) -> None:
        from html import escape

        ln = self.selected_line()
        self.dispute_button.setEnabled(ln is not None and self.may_dispute)
        if ln is None:
            return
        head = (f"<h3>{escape(ln['line'])} — {escape(ln['customer'])}</h3><p>"
                f"{escape(ln['product'])} · {escape(ln['charge_type'] or '')} · "
                f"{escape(ln['place'])}</p>")  # fmt: skip
        body = "".join(
            f"<p{' style=color:#b3261e' if s.startswith('Flag ') else ''}>{escape(speak(s))}</p>"
            for s in ln["text"]
        )
        self.detail.setHtml(head + body)

    def _dispute(self) -> None:
        ln = self.selected_line()
        if ln is not None:
            self.dispute_requested.emit(ln)


CLAIM_COLUMNS = (
    QT_TRANSLATE_NOOP("ClaimsPage", "#"), QT_TRANSLATE_NOOP("ClaimsPage", "Kind"),
    QT_TRANSLATE_NOOP("ClaimsPage", "About"), QT_TRANSLATE_NOOP("ClaimsPage", "Amount"),
    QT_TRANSLATE_NOOP("ClaimsPage", "Reason"), QT_TRANSLATE_NOOP("ClaimsPage", "Ticket"),
    QT_TRANSLATE_NOOP("ClaimsPage", "Opened"), QT_TRANSLATE_NOOP("ClaimsPage", "Age (days)"),
    QT_TRANSLATE_NOOP("ClaimsPage", "State"),
)  # fmt: skip


class ClaimsPage(QWidget):
    """Disputes and SLA credit claims: open ones first, with their age; link the credit note
    that settles one, or withdraw it."""

    new_sla_requested = Signal()
    link_requested = Signal(dict)
    withdraw_requested = Signal(dict)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.claims: list[dict] = []
        self.show_closed = QCheckBox(self.tr("Show closed ones"))
        self.show_closed.toggled.connect(lambda _on: self._fill())
        self.new_sla = QPushButton(self.tr("New SLA credit claim…"))
        self.new_sla.clicked.connect(self.new_sla_requested)
        self.link = QPushButton(self.tr("Link the credit note…"))
        self.link.clicked.connect(lambda: self._emit(self.link_requested))
        self.withdraw = QPushButton(self.tr("Withdraw"))
        self.withdraw.clicked.connect(lambda: self._emit(self.withdraw_requested))
        self.summary = QLabel()
        self.model = CellsModel(CLAIM_COLUMNS, "ClaimsPage", self._cells, right=(0, 3, 7),
                                parent=self)  # fmt: skip
        self.table = LazyTable()
        self.table.setAlternatingRowColors(False)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Disputes and claims"))
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.show_closed)
        bar.addWidget(self.new_sla)
        bar.addWidget(self.link)
        bar.addWidget(self.withdraw)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self.may_change = True
        self._selection()

    def show_claims(self, claims: list[dict]) -> None:
        self.claims = claims
        self._fill()

    def _fill(self) -> None:
        open_ = [c for c in self.claims if c["state"] == "open"]
        self.summary.setText(self.tr("%n open", "", len(open_)))
        shown = open_ + ([c for c in self.claims if c["state"] != "open"]
                         if self.show_closed.isChecked() else [])  # fmt: skip
        self.model.set_rows(shown)
        self.table.resizeColumnsToContents()
        self._selection()

    def _cells(self, c: dict) -> list[str]:
        if c["kind"] == "dispute":
            kind, about = self.tr("Dispute"), c["line"] or c["invoice"]
        else:
            kind = self.tr("SLA credit")
            about = f"{c['service']} {c['month']} ({c['availability']} %)"
        states = {"open": self.tr("open"), "credited": self.tr("credited by %s"),
                  "withdrawn": self.tr("withdrawn")}  # fmt: skip
        state = states[c["state"]]
        if "%s" in state:
            state = state % c["credit_note"]
        return [str(c["id"]), kind, about, money_text(c["amount"], c["currency"]), c["reason"],
                c["ticket"], date_text(c["opened_on"]), str(c["age_days"]), state]  # fmt: skip

    def selected(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROLE) if rows else None

    def _selection(self, *_args) -> None:
        c = self.selected()
        on = c is not None and c["state"] == "open" and self.may_change
        self.link.setEnabled(on)
        self.withdraw.setEnabled(on)
        self.new_sla.setEnabled(self.may_change)

    def _emit(self, signal) -> None:
        c = self.selected()
        if c is not None:
            signal.emit(c)
