"""The dashboard: per currency, what is due, how late, and what waits to be allocated."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.aging import BUCKETS, DATE_UNKNOWN
from widgets.aging_chart import AgingChart, bucket_label
from widgets.findings import by_kind
from widgets.formats import date_text, money_text
from widgets.models import FOCUS, cue_icon

BALANCE_COLUMNS = (
    (QT_TRANSLATE_NOOP("Columns", "Currency"), "currency"),
    (QT_TRANSLATE_NOOP("Columns", "Amount due"), "amount_due"),
    (QT_TRANSLATE_NOOP("Columns", "Overdue"), "overdue"),
    (QT_TRANSLATE_NOOP("Columns", "Due within 7 days"), "due_soon"),
    (QT_TRANSLATE_NOOP("Columns", "Unallocated payments"), "unallocated_payments"),
    (QT_TRANSLATE_NOOP("Columns", "Unapplied credits"), "unapplied_credits"),
)

FOCUS_ROLE = Qt.ItemDataRole.UserRole + 10


class Dashboard(QWidget):
    """Balance and aging tables, what needs attention (click to see it), the aging chart."""

    #: page ("invoices" or "payments"), focus name (see widgets.models.FOCUS), label
    focus_requested = Signal(str, str, str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        # Its tables, list and chart are taller than a small screen leaves the window:
        # the page scrolls rather than hold the window taller than the screen.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        content = QWidget()
        scroll.setWidget(content)
        layout = QVBoxLayout(content)
        self.title = _heading(self.tr("Balance"))
        self.balance = _table(
            [QCoreApplication.translate("Columns", t) for t, _ in BALANCE_COLUMNS]
        )
        self.aging_title = _heading(self.tr("Aging (days past due, 60-day term)"))
        self.aging = _table([])
        self.balance.setAccessibleName(self.tr("Balance per currency"))
        self.aging.setAccessibleName(self.tr("Aging per currency"))
        self._aging_header(BUCKETS)
        self.attention_title = _heading(self.tr("Needs attention"))
        self.attention = QListWidget()
        self.attention.setToolTip(self.tr("Double-click or press Enter to see these rows"))
        self.attention.setAccessibleName(self.tr("Needs attention"))
        self.attention.itemActivated.connect(self._activated)
        self.attention.itemClicked.connect(self._activated)
        self.chart = AgingChart()
        for w in (self.title, self.balance, self.aging_title, self.aging, self.attention_title):
            layout.addWidget(w)
        layout.addWidget(self.attention)
        layout.addWidget(self.chart, 1)

    def _aging_header(self, buckets) -> None:
        headers = [self.tr("Currency"), *map(bucket_label, (*buckets, DATE_UNKNOWN)),
                   self.tr("Total")]  # fmt: skip
        self.aging.setColumnCount(len(headers))
        self.aging.setHorizontalHeaderLabels(headers)

    def set_term(self, days: int) -> None:
        self.aging_title.setText(self.tr("Aging (days past due, %d-day term)") % days)

    def show_snapshot(self, snap: dict) -> None:
        balance = snap["balance"]
        self.title.setText(self.tr("Balance as of %s") % date_text(snap["as_of"].isoformat()))
        self.balance.setRowCount(len(balance))
        for r, (cur, row) in enumerate(sorted(balance.items())):
            values = [cur] + [money_text(row[k], cur) for _, k in BALANCE_COLUMNS[1:]]
            _fill(self.balance, r, values)
        self.set_term(snap["term_days"])
        self._aging_header(snap["buckets"])
        aging = snap["aging"]
        self.aging.setRowCount(len(aging))
        for r, (cur, row) in enumerate(sorted(aging.items())):
            keys = (*snap["buckets"], DATE_UNKNOWN, "total")
            _fill(self.aging, r, [cur] + [money_text(row.get(k, Decimal(0)), cur) for k in keys])
        for table in (self.balance, self.aging):
            table.setFixedHeight(table.horizontalHeader().height() + 6 + sum(
                table.rowHeight(i) for i in range(table.rowCount())))  # fmt: skip
        self._attention(snap)
        self.chart.show_aging(aging, snap["customers"] or [], snap["buckets"])

    def _attention(self, snap: dict) -> None:
        """One line per kind of finding, with its count and amounts per currency."""
        self.attention.clear()
        self._ledger_findings(snap)
        self._calendar_findings(snap)
        self._open_claims(snap)
        if not self.attention.count():
            self.attention.addItem(self.tr("Nothing needs attention."))
        rows = min(self.attention.count(), 6)
        self.attention.setFixedHeight(rows * self.attention.sizeHintForRow(0) + 6)

    def _add_finding(self, label: str, totals: dict[str, Decimal], target: tuple, cue: str,
                     after: str = "") -> None:  # fmt: skip
        amounts = ", ".join(money_text(v, c) for c, v in sorted(totals.items()))
        text = f"{label} — {amounts}" if amounts else label
        item = QListWidgetItem(text + after)
        item.setData(FOCUS_ROLE, target)
        item.setIcon(cue_icon(cue))
        self.attention.addItem(item)

    def _ledger_findings(self, snap: dict) -> None:
        """Overdue invoices, money not allocated, wrong currency, lines that do not add up,
        payments in processing: from the lists themselves."""
        found = (
            ("invoices", "overdue", "overdue", "open"),
            ("payments", "unallocated", "unallocated", "unallocated"),
            ("payments", "currency_mismatch", "mismatch", "amount"),
            ("invoices", "lines_differ", "lines", "lines_difference"),
            ("payments", "processing", "processing", "amount"),
        )
        texts = {
            "overdue": lambda n: self.tr("%n overdue invoice(s)", "", n),
            "unallocated": lambda n: self.tr("%n payment(s) with money not allocated", "", n),
            "currency_mismatch": lambda n: self.tr("%n payment(s) in the wrong currency", "", n),
            "lines_differ": lambda n: self.tr("%n invoice(s) whose lines do not add up", "", n),
            "processing": lambda n: self.tr(
                "%n payment(s) still within Microsoft's 5 business days of processing "
                "(Partner Center may show their invoices unpaid)", "", n),
        }  # fmt: skip
        for page, focus, cue, key in found:
            rows = [r for r in snap[page] if FOCUS[focus](r)]
            if rows:
                totals = _totals((r["currency"], r.get(key) or Decimal(0)) for r in rows)
                label = texts[focus](len(rows))
                self._add_finding(label, totals, (page, focus, label), cue)

    def _calendar_findings(self, snap: dict) -> None:
        """The calendar's and the payment lifecycle's findings the lines above do not
        cover."""
        more = {
            "suspension_risk": lambda n: self.tr(
                "%n invoice(s) at risk of suspension (long past due)", "", n),
            "due_soon": lambda n: self.tr("%n invoice(s) due within the week", "", n),
            "missing_document": lambda n: self.tr("%n document(s) missing", "", n),
            "unallocated_at_microsoft": lambda n: self.tr(
                "%n payment(s) unallocated at Microsoft", "", n),
            "wrong_account": lambda n: self.tr("%n payment(s) sent to the wrong account", "", n),
        }  # fmt: skip
        cues = {"suspension_risk": "overdue", "wrong_account": "mismatch"}
        groups = by_kind(snap.get("alerts", ()))  # one pass over 100,000 findings and more
        for kind, text in more.items():
            if kind in groups:
                count, totals = groups[kind]
                label = text(count)
                self._add_finding(label, totals, ("alerts", kind, label),
                                  cues.get(kind, "unallocated"))  # fmt: skip

    def _open_claims(self, snap: dict) -> None:
        """Disputes and SLA credit claims still waiting for their credit note."""
        for kind, text in (
            ("dispute", lambda n: self.tr("%n open dispute(s)", "", n)),
            ("sla", lambda n: self.tr("%n open SLA credit claim(s)", "", n)),
        ):
            rows = [c for c in snap.get("claims", ()) if c["kind"] == kind and c["state"] == "open"]
            if rows:
                totals = _totals((c["currency"], Decimal(c["amount"])) for c in rows)
                oldest = max(c["age_days"] for c in rows)
                label = text(len(rows))
                self._add_finding(label, totals, ("claims", kind, label), "unallocated",
                                  " " + self.tr("(oldest %n day(s))", "", oldest))  # fmt: skip

    def _activated(self, item: QListWidgetItem) -> None:
        target = item.data(FOCUS_ROLE)
        if target:
            self.focus_requested.emit(*target)


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-size: 15px; font-weight: 600;")
    return label


def _table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().setVisible(False)
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    t.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return t


def _fill(table: QTableWidget, row: int, values: list[str]) -> None:
    for c, v in enumerate(values):
        item = QTableWidgetItem(v)
        if c:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        table.setItem(row, c, item)


def _totals(amounts) -> dict[str, Decimal]:
    """Per currency, the sum of ``(currency, amount)`` pairs."""
    out: dict[str, Decimal] = {}
    for currency, amount in amounts:
        out[currency] = out.get(currency, Decimal(0)) + amount
    return out
