"""A large workspace for benchmarks: N invoices (Partner Center JSON), optionally their
reconciliation lines, payments quoting two thirds of them, allocated by the exact-reference
rule."""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

from tests.benchmarks import generate


def build_workspace(directory: Path, invoices: int, lines: int) -> Path:
    from core.workspace import Workspace

    db = directory / f"workspace_{invoices}_{lines}.db"
    if db.exists():
        with Workspace(db):  # brought to this program's schema
            return db
    rng = random.Random(4)
    items = []
    for n in range(invoices):
        day = f"2026-{1 + n % 10:02d}-{1 + n % 27:02d}"
        items.append({"id": f"G{100_000_000 + n:09d}", "invoiceDate": f"{day}T08:00:00Z",
                      "totalCharges": rng.randint(1000, 900000) / 100, "paidAmount": 0,
                      "currencyCode": "EUR", "documentType": "invoice",
                      "invoiceType": "Recurring"})  # fmt: skip
    (directory / "invoices.json").write_text(json.dumps({"items": items}))
    with (directory / "payments.csv").open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Date", "Amount", "Currency", "Reference"])
        for n, item in enumerate(items):
            if n % 3:
                w.writerow([item["invoiceDate"][:10], f"{item['totalCharges']:.2f}", "EUR",
                            item["id"]])  # fmt: skip
    tmp = db.with_suffix(".tmp.db")
    tmp.unlink(missing_ok=True)
    with Workspace(tmp) as ws:
        for name in ("invoices.json", "payments.csv"):
            ws.imports.import_file(directory / name)
        if lines:
            ws.imports.import_file(
                generate.recon_csv(directory / "lines.csv", lines, invoices=invoices)
            )
        ws.allocations.auto_allocate(apply=True)
    tmp.rename(db)
    Path(f"{tmp}.lock").unlink(missing_ok=True)
    return db
