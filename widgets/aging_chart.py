"""Aging chart: open amounts by days past due, one stacked bar per bucket, one colour per
currency.  Clicking a bar segment asks for those invoices (drill-down)."""

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
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter

from core.aging import BUCKETS, DATE_UNKNOWN

PALETTE = ("#1f5fa8", "#c47f17", "#2e7d4f", "#8e3b8e", "#5b6b7f")


def bar_height(amount: str) -> float:
    """Pixels, not money: the chart draws bars from the exact amount's magnitude."""
    return float(Decimal(amount or "0"))


class AgingChart(QChartView):
    bucket_clicked = Signal(str, str)  # currency, bucket

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(240)
        self.buckets = (*BUCKETS, DATE_UNKNOWN)

    def show_aging(self, aging: dict[str, dict[str, str]]) -> None:
        chart = QChart()
        chart.setTitle(self.tr("Open amounts by days past due (click a bar for its invoices)"))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        series = QStackedBarSeries()
        for i, (currency, row) in enumerate(sorted(aging.items())):
            bars = QBarSet(currency)
            bars.setColor(QColor(PALETTE[i % len(PALETTE)]))
            for bucket in self.buckets:
                bars.append(bar_height(row.get(bucket, "0")))
            bars.clicked.connect(lambda index, c=currency: self.bucket_clicked.emit(
                c, self.buckets[index]))  # fmt: skip
            series.append(bars)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([b.replace("_", " ") for b in self.buckets])
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%.0f")
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        self.setChart(chart)
