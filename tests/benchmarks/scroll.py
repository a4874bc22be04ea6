"""Large-table benchmark: ``python -m tests.benchmarks.scroll [--rows N]`` (offscreen).

Fills the invoices table with N rows, sorts it by the open amount, filters it by a search
text and scrolls from top to bottom a page at a time, timing each step: the models answer
from plain rows, so this stays fast however many invoices a workspace holds.
"""

from __future__ import annotations

import argparse
import os
import sys
import time


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.scroll")
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QTableView

    from widgets.models import INVOICE_COLUMNS, FilterProxy, RowsModel

    app = QApplication.instance() or QApplication([])
    rows = [
        {"number": f"G{n:09d}", "document_type": "invoice", "date": "2026-01-08",
         "due_date": "2026-03-09", "currency": "EUR", "total": f"{n % 9000 + 10}.{n % 100:02d}",
         "open": f"{n % 7000}.{n % 100:02d}", "days_past_due": n % 120 - 30, "status": "open",
         "counted": True}
        for n in range(args.rows)
    ]  # fmt: skip
    model, proxy, view = RowsModel(INVOICE_COLUMNS), FilterProxy(), QTableView()
    proxy.setSourceModel(model)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.resize(1100, 700)
    view.show()
    timings = {}
    t = time.perf_counter()
    model.set_rows(rows)
    app.processEvents()
    timings["load"] = time.perf_counter() - t
    t = time.perf_counter()
    view.sortByColumn(6, Qt.SortOrder.DescendingOrder)
    app.processEvents()
    timings["sort by open amount"] = time.perf_counter() - t
    t = time.perf_counter()
    proxy.set_text("G00000")
    app.processEvents()
    timings["search"] = time.perf_counter() - t
    proxy.set_text("")
    app.processEvents()
    bar = view.verticalScrollBar()
    pages = 0
    t = time.perf_counter()
    while bar.value() < bar.maximum() and pages < 400:
        bar.setValue(bar.value() + bar.pageStep() * max(1, bar.maximum() // bar.pageStep() // 200))
        view.viewport().repaint()
        pages += 1
    timings[f"scroll ({pages} repaints)"] = time.perf_counter() - t
    for name, secs in timings.items():
        print(f"{args.rows:,} invoices  {name:<24} {secs:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
