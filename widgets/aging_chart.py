"""Aging chart: open amounts by days past due, one stacked bar per bucket, stacked by
currency or, for one currency, by customer.  Clicking a bar segment asks for those
invoices (drill-down)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.aging import BUCKETS, DATE_UNKNOWN

PALETTE = ("#1f5fa8", "#c47f17", "#2e7d4f", "#8e3b8e", "#5b6b7f", "#b3261e", "#00838f",
           "#6d4c41")  # fmt: skip
MOST_CUSTOMERS = 7  # more are shown together as "Other customers"


def bucket_label(bucket: str) -> str:
    """``not_due`` → Not due, ``1-30`` → 1–30 days, ``90+`` → Over 90 days."""
    if bucket == "not_due":
        return QCoreApplication.translate("Aging", "Not due")
    if bucket == DATE_UNKNOWN:
        return QCoreApplication.translate("Aging", "Date unknown")
    if bucket.endswith("+"):
        return QCoreApplication.translate("Aging", "Over %s days") % bucket[:-1]
    low, _, high = bucket.partition("-")
    return QCoreApplication.translate("Aging", "%s–%s days") % (low, high)


def bar_height(amount: Decimal | None) -> float:
    """Pixels, not money: the chart draws bars from the exact amount's magnitude."""
    return float(amount or 0)


class AgingChart(QWidget):
    """The chart with its "stack by" choice."""

    bucket_clicked = Signal(str, str, str)  # currency, bucket, customer ("" for all)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.buckets = (*BUCKETS, DATE_UNKNOWN)
        self.view = QChartView()
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(240)
        self.view.setAccessibleName(self.tr("Aging chart"))
        self.view.setAccessibleDescription(self.tr(
            "The amount still owed per days past due; click a bar to see its invoices"))
        self.stack = QComboBox()
        self.stack.setToolTip(self.tr("Stack the bars by currency, or by customer for one "
                                      "currency"))  # fmt: skip
        self.stack.currentIndexChanged.connect(lambda _i: self._draw())
        self.stack.setAccessibleName(self.tr("Stack by"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Stack by:")))
        bar.addWidget(self.stack)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.aging: dict = {}
        self.customers: list[dict] = []

    def show_aging(self, aging: dict[str, dict[str, str]], customers: list[dict],
                   buckets: tuple[str, ...] = BUCKETS) -> None:  # fmt: skip
        self.aging, self.customers = aging, customers
        self.buckets = (*buckets, DATE_UNKNOWN)
        current = self.stack.currentData() or ""
        self.stack.blockSignals(True)
        self.stack.clear()
        self.stack.addItem(self.tr("Currency"), "")
        for cur in sorted(aging):
            self.stack.addItem(self.tr("Customer (%s)") % cur, cur)
        self.stack.setCurrentIndex(max(self.stack.findData(current), 0))
        self.stack.blockSignals(False)
        self._draw()

    def _series(self) -> list[tuple[str, str, str, list[Decimal]]]:
        """(legend, currency, customer, amount per bucket) for each bar set."""
        by_customer = self.stack.currentData() or ""
        if not by_customer:
            return [(cur, cur, "", [row.get(b, Decimal(0)) for b in self.buckets])
                    for cur, row in sorted(self.aging.items())]  # fmt: skip
        rows = [r for r in self.customers if r["currency"] == by_customer]
        rows.sort(key=lambda r: -r["open"])
        out = [(r["customer"], by_customer, r["customer"],
                [r.get(b, Decimal(0)) for b in self.buckets])
               for r in rows[:MOST_CUSTOMERS]]  # fmt: skip
        rest = rows[MOST_CUSTOMERS:]
        if rest:
            sums = [sum((r.get(b) or Decimal(0) for r in rest), Decimal(0))
                    for b in self.buckets]  # fmt: skip
            out.append((self.tr("Other customers (%d)") % len(rest), by_customer, "", sums))
        return out

    def _draw(self) -> None:
        chart = QChart()
        by_customer = self.stack.currentData() or ""
        if by_customer:
            chart.setTitle(self.tr("Open %s amounts by days past due and customer (click a bar "
                                   "for its invoices)") % by_customer)  # fmt: skip
        else:
            chart.setTitle(self.tr("Open amounts by days past due (click a bar for its "
                                   "invoices)"))  # fmt: skip
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setLocale(QLocale())  # the amounts on the axis written the interface's way
        chart.setLocalizeNumbers(True)
        series = QStackedBarSeries()
        tallest = 0.0
        for i, (legend, currency, customer, amounts) in enumerate(self._series()):
            bars = QBarSet(legend)
            bars.setColor(QColor(PALETTE[i % len(PALETTE)]))
            for amount in amounts:
                bars.append(bar_height(amount))
            tallest = max(tallest, *(bar_height(a) for a in amounts))
            bars.clicked.connect(lambda index, c=currency, k=customer: self.bucket_clicked.emit(
                c, self.buckets[index], k))  # fmt: skip
            series.append(bars)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([bucket_label(b) for b in self.buckets])
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%.0f")
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        if tallest > 0:
            axis_y.applyNiceNumbers()
        else:  # nothing open: an empty chart with a sensible scale
            axis_y.setRange(0, 1)
        self.view.setChart(chart)
