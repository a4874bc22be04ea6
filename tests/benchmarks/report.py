"""Benchmark: the Excel report of a 100,000-invoice workspace (issue 4: under 30 s).

``python -m tests.benchmarks.report [--invoices N]`` builds a workspace of N invoices with
their lines, payments for two thirds of them and allocations, then times ``export report``.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from core.workspace import Workspace


def build(directory: Path, invoices: int) -> Path:
    rng = random.Random(4)
    db = directory / f"report_{invoices}.db"
    if db.exists():
        return db
    items = []
    for n in range(invoices):
        day = f"2026-{1 + n % 10:02d}-{1 + n % 27:02d}"
        items.append(
            f'{{"id": "G{n:09d}", "invoiceDate": "{day}T08:00:00Z", "totalCharges": '
            f'{rng.randint(1000, 900000) / 100:.2f}, "paidAmount": 0, "currencyCode": "EUR", '
            f'"documentType": "invoice", "invoiceType": "Recurring"}}'
        )
    (directory / "inv.json").write_text('{"items": [' + ",".join(items) + "]}")
    data = json.loads((directory / "inv.json").read_text())["items"]
    with (directory / "pay.csv").open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Date", "Amount", "Currency", "Reference"])
        for n, item in enumerate(data):
            if n % 3:
                w.writerow([item["invoiceDate"][:10], f"{item['totalCharges']:.2f}", "EUR",
                            f"G{n:09d}"])  # fmt: skip
    with Workspace(db) as ws:
        ws.import_file(directory / "inv.json")
        ws.import_file(directory / "pay.csv")
        ws.auto_allocate(apply=True)
    return db


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.report")
    parser.add_argument("--invoices", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "csp-bench")
    args = parser.parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    db = build(args.dir, args.invoices)
    print(f"workspace of {args.invoices:,} invoices ready in {time.perf_counter() - t:.1f} s",
          file=sys.stderr)  # fmt: skip
    from core.exports.report import write_report

    with Workspace(db, readonly=True) as ws:
        t = time.perf_counter()
        write_report(ws, args.dir / "report.xlsx", __import__("datetime").date(2026, 12, 31))
        secs = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"export report  {args.invoices:,} invoices  {secs:.1f} s  peak {peak:,.0f} MB  "
        f"({(args.dir / 'report.xlsx').stat().st_size / 1e6:.1f} MB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
