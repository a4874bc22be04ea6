"""The dashboard: per currency, what is due, how late, and what waits to be allocated."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.aging import BUCKETS, DATE_UNKNOWN
from core.money import format_amount
from widgets.models import money_text

BALANCE_COLUMNS = (
    (QT_TRANSLATE_NOOP("Columns", "Currency"), "currency"),
    (QT_TRANSLATE_NOOP("Columns", "Amount due"), "amount_due"),
    (QT_TRANSLATE_NOOP("Columns", "Unallocated payments"), "unallocated_payments"),
    (QT_TRANSLATE_NOOP("Columns", "Unapplied credits"), "unapplied_credits"),
)


class Dashboard(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.title = QLabel(self.tr("Balance"))
        self.title.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.balance = _table(
            [QCoreApplication.translate("Columns", t) for t, _ in BALANCE_COLUMNS]
        )
        self.aging_title = QLabel(self.tr("Aging (days past due, 60-day term)"))
        self.aging_title.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.aging = _table(
            [self.tr("Currency"), *BUCKETS, self.tr("date unknown"), self.tr("Total")]
        )
        self.attention = QLabel()
        self.attention.setWordWrap(True)
        from widgets.aging_chart import AgingChart

        self.chart = AgingChart()
        for w in (self.title, self.balance, self.aging_title, self.aging, self.attention):
            layout.addWidget(w)
        layout.addWidget(self.chart, 1)

    def show_snapshot(self, snap: dict) -> None:
        balance = snap["balance"]
        self.title.setText(self.tr("Balance as of %s") % snap["as_of"].isoformat())
        self.balance.setRowCount(len(balance))
        for r, (cur, row) in enumerate(sorted(balance.items())):
            values = [cur] + [money_text(row[k], cur) for _, k in BALANCE_COLUMNS[1:]]
            _fill(self.balance, r, values)
        aging = snap["aging"]
        self.aging.setRowCount(len(aging))
        for r, (cur, row) in enumerate(sorted(aging.items())):
            keys = (*BUCKETS, DATE_UNKNOWN, "total")
            zero = format_amount(Decimal(0), cur)
            _fill(self.aging, r, [cur] + [money_text(row.get(k, zero), cur) for k in keys])
        for table in (self.balance, self.aging):
            table.setFixedHeight(table.horizontalHeader().height() + 6 + sum(
                table.rowHeight(i) for i in range(table.rowCount())))  # fmt: skip
        overdue = [
            i
            for i in snap["invoices"]
            if i["counted"] and (i["days_past_due"] or 0) > 0 and i["open"] != "0.00"
        ]
        unallocated = [p for p in snap["payments"] if p["unallocated"] not in ("0.00", "0")]
        mismatched = [p for p in snap["payments"] if "currency_mismatch" in p["flags"]]
        differ = [i for i in snap["invoices"] if i.get("lines_difference") not in (None, "0.00")]
        lines = [
            self.tr("%n overdue invoice(s)", "", len(overdue)),
            self.tr("%n payment(s) with money not allocated", "", len(unallocated)),
            self.tr("%n payment(s) in the wrong currency", "", len(mismatched)),
            self.tr("%n invoice(s) whose lines do not add up", "", len(differ)),
        ]
        self.attention.setText(self.tr("Needs attention: ") + "; ".join(lines))
        self.chart.show_aging(aging)


def _table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().setVisible(False)
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return t


def _fill(table: QTableWidget, row: int, values: list[str]) -> None:
    for c, v in enumerate(values):
        item = QTableWidgetItem(v)
        if c:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        table.setItem(row, c, item)
