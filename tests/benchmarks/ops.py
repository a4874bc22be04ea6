"""The benchmark operations, each run in a fresh child process (``python -m
tests.benchmarks.ops NAME ARGS...``) that prints one JSON line: the seconds of each
timed run, the peak memory of the process, and anything else worth printing.

Every operation has a baseline measured the same way in the same suite run: the
fastest plain way to do the same work (a raw pyarrow read, a library writing the
same cells, a dict lookup), so the ratio says what our code adds.
"""

from __future__ import annotations

import json
import os
import random
import resource
import sys
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

AS_OF = date(2026, 12, 31)
OPS: dict[str, Callable[..., dict]] = {}


def op(name: str):
    def register(fn):
        OPS[name] = fn
        return fn

    return register


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


# ------------------------------------------------------------------ imports


@op("import")
def import_file(path: str, db: str, runs: str) -> dict:
    from core.workspace import Workspace

    secs = []
    for _ in range(int(runs)):
        for stale in (Path(db), Path(f"{db}.lock")):
            stale.unlink(missing_ok=True)
        with Workspace(Path(db)) as ws:
            t = time.perf_counter()
            summary = ws.imports.import_file(Path(path)).result
            secs.append(time.perf_counter() - t)
            assert summary.entries_read > 0
    per_line = Path(db).stat().st_size / summary.entries_read
    return {"secs": secs, "note": f"workspace file {per_line:,.0f} bytes a line"}


@op("duckdb-store")
def duckdb_store(path: str, db: str, runs: str) -> dict:
    """DuckDB parses the file and stores it, every column as text (the baseline)."""
    import duckdb

    secs, rows = [], 0
    for _ in range(int(runs)):
        for stale in (Path(db), Path(f"{db}.wal")):
            stale.unlink(missing_ok=True)
        t = time.perf_counter()
        con = duckdb.connect(db)
        con.execute("CREATE TABLE lines AS SELECT * FROM read_csv(?, all_varchar = true, "
                    "header = true)", [path])  # fmt: skip
        con.execute("CHECKPOINT")
        rows = con.execute("SELECT count(*) FROM lines").fetchone()[0]
        con.close()
        secs.append(time.perf_counter() - t)
    per_line = Path(db).stat().st_size / rows
    return {"secs": secs, "note": f"DuckDB file {per_line:,.0f} bytes a line"}


@op("duckdb-usage")
def duckdb_usage(path: str, runs: str) -> dict:
    """DuckDB sums a daily usage file per invoice, customer, subscription and meter, exact
    decimals (the baseline)."""
    import duckdb

    query = ("SELECT InvoiceNumber, CustomerId, SubscriptionId, MeterId, "
             "sum(CAST(Quantity AS DECIMAL(38, 10))), count(*) FROM read_csv(?, all_varchar = "
             "true, header = true) GROUP BY ALL")  # fmt: skip
    return {"secs": timed(lambda: duckdb.connect().execute(query, [path]).fetchall(),
                          int(runs))}  # fmt: skip


@op("pyarrow-read")
def pyarrow_read(path: str, runs: str) -> dict:
    import pyarrow.csv

    return {"secs": timed(lambda: pyarrow.csv.read_csv(path), int(runs))}


# ------------------------------------------------------------------ balance and aging


@op("balance-aging")
def balance_aging(db: str, runs: str) -> dict:
    from core.aging import by_currency
    from core.workspace import Workspace

    with Workspace(Path(db), readonly=True) as ws:

        def work():
            ledger = ws.books.ledger(AS_OF)
            ledger.balance()
            by_currency(ledger)

        return {"secs": timed(work, int(runs))}


@op("sql-read")
def sql_read(db: str, runs: str) -> dict:
    import sqlite3

    def work():
        with sqlite3.connect(db) as conn:
            for table in ("documents", "payments", "allocations"):
                conn.execute(f"SELECT * FROM {table}").fetchall()

    return {"secs": timed(work, int(runs))}


# ------------------------------------------------------------------ matching


def _referenced(n: int):
    """``n`` invoices and ``n`` payments each quoting one of them in its text."""
    from core.model import Document, DocumentType, Payment

    rng = random.Random(3)
    start = date(2025, 1, 1)
    docs, pays = [], []
    for k in range(n):
        day = start + timedelta(days=k % 600)
        amount = Decimal(rng.randint(5_000, 3_000_000)) / 100
        number = f"G{100_000_000 + k:09d}"
        docs.append(Document(number, DocumentType.INVOICE, "EUR", amount, day))
        pays.append(Payment(f"P{k}", day + timedelta(days=55), amount, "EUR",
                            f"VIR SEPA MICROSOFT {number} REF{k}"))  # fmt: skip
    return docs, pays


@op("auto-allocate")
def auto_allocate(n: str, runs: str) -> dict:
    from core.rules.in_time import Facts, plan_references

    docs, pays = _referenced(int(n))
    result = {}

    def work():  # as `auto-allocate` plans: at each payment's date, in the ledger's order
        result["planned"] = len(plan_references(Facts(docs, pays, [])).planned)

    secs = timed(work, int(runs))
    assert result["planned"] == int(n), result
    return {"secs": secs, "note": f"{result['planned']:,} allocations planned"}


@op("dict-lookup")
def dict_lookup(n: str, runs: str) -> dict:
    import re

    docs, pays = _referenced(int(n))
    word = re.compile(r"[A-Za-z0-9]+")

    def work():
        index = {d.number: d for d in docs}
        found = 0
        for p in pays:
            for w in word.findall(p.reference):
                if w in index:
                    found += 1
        assert found == len(pays)

    return {"secs": timed(work, int(runs))}


def _unreferenced(payments: int, invoices: int):
    from tests.suggestion_corpus import generate

    return generate(payments, invoices, seed=5,
                    only=("amount", "combination", "credit", "none"))  # fmt: skip


@op("suggest")
def suggest(payments: str, invoices: str, runs: str) -> dict:
    from core.ledger import compute
    from core.suggestions import Suggester
    from tests.suggestion_corpus import score

    corpus = _unreferenced(int(payments), int(invoices))
    ledger = compute(corpus.documents, corpus.payments, [])
    result = {}

    def work():
        result["answers"] = Suggester(ledger).answers(corpus.payments)

    secs = timed(work, int(runs))
    answers = result["answers"]
    right, _wrong, wrong_currency = score(corpus, answers)
    answered = sum(a.answered for a in answers)
    cut = sum(a.search_cut_short for a in answers)
    return {"secs": secs, "note": f"answered {answered:,}/{len(answers):,}; first proposal "
            f"right {right / len(answers):.1%}; wrong currency {wrong_currency}; search cut "
            f"short {cut}"}  # fmt: skip


@op("amount-lookup")
def amount_lookup(payments: str, invoices: str, runs: str) -> dict:
    corpus = _unreferenced(int(payments), int(invoices))

    def work():
        index: dict = {}
        for d in corpus.documents:
            index.setdefault((d.currency, d.total), []).append(d)
        for p in corpus.payments:
            index.get((p.currency, p.amount))

    return {"secs": timed(work, int(runs))}


# ------------------------------------------------------------------ documents


@op("report")
def report(db: str, out: str, runs: str) -> dict:
    from core.exports.report import write_report
    from core.workspace import Workspace

    with Workspace(Path(db), readonly=True) as ws:
        secs = timed(lambda: write_report(ws, Path(out), AS_OF), int(runs))
    return {"secs": secs, "note": f"{Path(out).stat().st_size / 1e6:.1f} MB workbook"}


def _report_cells(db: str, out: str) -> dict[str, list[list]]:
    """The cells our report writes, sheet by sheet, captured while it writes them."""
    from core.exports import report as module
    from core.workspace import Workspace

    cells: dict[str, list[list]] = {}
    original_init, original_add = module._Sheet.__init__, module._Sheet.add

    def init(self, book, formats, name, title, columns):
        original_init(self, book, formats, name, title, columns)
        self.name_ = name
        cells[name] = [[title], [c[0] for c in columns]]

    def add(self, values):
        cells[self.name_].append(list(values))
        original_add(self, values)

    module._Sheet.__init__, module._Sheet.add = init, add
    try:
        with Workspace(Path(db), readonly=True) as ws:
            module.write_report(ws, Path(out), AS_OF)
    finally:
        module._Sheet.__init__, module._Sheet.add = original_init, original_add
    return cells


def _plain(value):
    if isinstance(value, Decimal):
        return float(value)  # what a plain library writes: an Excel number (a double)
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day)
    return value


@op("excel-baseline")
def excel_baseline(db: str, out: str, runs: str) -> dict:
    """The same cells written by xlsxwriter and by openpyxl (write-only), no formatting:
    the faster of the two is the baseline."""
    import openpyxl
    import xlsxwriter

    cells = _report_cells(db, out)
    rows = {name: [[_plain(v) for v in row] for row in sheet] for name, sheet in cells.items()}

    def with_xlsxwriter():
        book = xlsxwriter.Workbook(out, {"constant_memory": True})
        date_format = book.add_format({"num_format": "yyyy-mm-dd"})
        for name, sheet in rows.items():
            ws = book.add_worksheet(name)
            for r, row in enumerate(sheet):
                for c, v in enumerate(row):
                    if isinstance(v, datetime):
                        ws.write_datetime(r, c, v, date_format)
                    elif v is not None:
                        ws.write(r, c, v)
        book.close()

    def with_openpyxl():
        book = openpyxl.Workbook(write_only=True)
        for name, sheet in rows.items():
            ws = book.create_sheet(name)
            for row in sheet:
                ws.append(row)
        book.save(out)

    runs_ = int(runs)
    xw, op_ = timed(with_xlsxwriter, runs_), timed(with_openpyxl, runs_)
    n = sum(len(s) for s in rows.values())
    best = min((xw, "xlsxwriter"), (op_, "openpyxl"), key=lambda x: sorted(x[0])[len(x[0]) // 2])
    return {
        "secs": best[0],
        "note": f"{n:,} rows; fastest: {best[1]} (xlsxwriter "
        f"{sorted(xw)[len(xw) // 2]:.1f} s, openpyxl {sorted(op_)[len(op_) // 2]:.1f} s)",
    }


def _long_remittance(lines: int):
    from core.exports.remittance import Party, Remittance, RemittanceLine

    rng = random.Random(9)
    rows = []
    for k in range(lines):
        total = Decimal(rng.randint(5_000, 3_000_000)) / 100
        rows.append(RemittanceLine("invoice", f"G{100_000_000 + k:09d}",
                                   date(2026, 1, 1) + timedelta(days=k % 300), total, total,
                                   Decimal("0.00")))  # fmt: skip
    amount = sum((r.amount for r in rows), Decimal("0.00"))
    return Remittance("RA-20261123-1", date(2026, 11, 23), "EUR", amount,
                      Party("Nuage Conseil SAS", ("12 rue de la Paix", "75002 Paris"),
                            "FR7630006000011234567890189"),
                      Party("Microsoft Ireland Operations Ltd", (), "IE29AIBK93115212345678"),
                      rows)  # fmt: skip


@op("pdf")
def pdf(lines: str, out: str, runs: str) -> dict:
    from pypdf import PdfReader

    from core.exports.pdf import write_pdf

    rem = _long_remittance(int(lines))
    secs = timed(lambda: write_pdf(rem, Path(out)), int(runs))
    return {"secs": secs, "note": f"{len(PdfReader(out).pages)} pages"}


@op("pdf-baseline")
def pdf_baseline(lines: str, out: str, runs: str) -> dict:
    """A plain reportlab table of the same rows (platypus, default style)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table

    rem = _long_remittance(int(lines))
    data = [["Invoice", "Date", "Total", "Paid", "Open"]] + [
        [ln.invoice, ln.invoice_date.isoformat(), f"{ln.invoice_total}", f"{ln.amount}",
         f"{ln.remaining}"] for ln in rem.lines
    ]  # fmt: skip

    def work():
        SimpleDocTemplate(out, pagesize=A4).build([Table(data, repeatRows=1)])

    return {"secs": timed(work, int(runs))}


# ------------------------------------------------------------------ the window


@op("window")
def window(db: str, runs: str) -> dict:
    """From a fresh interpreter to the window shown with its workspace loaded (the child
    is fresh, so only one run per process)."""
    t0 = time.perf_counter()
    from PySide6.QtWidgets import QApplication

    from desktop.main_window import MainWindow

    app = QApplication([])
    w = MainWindow(Path(db), date(2026, 11, 23))
    shown: dict[str, float] = {}
    w.ready.connect(lambda: shown.setdefault("ready", time.perf_counter() - t0))
    w.loaded.connect(lambda: (shown.setdefault("t", time.perf_counter() - t0), app.quit()))
    w.show()
    app.exec()
    w.close()
    heavy = [m for m in ("pandas", "openpyxl", "reportlab", "pyarrow") if m in sys.modules]
    return {"secs": [shown["ready"]], "note": f"balance, aging and lists on screen; the split "
            f"by customer follows, all loaded at {shown['t']:.1f} s; heavy modules at start: "
            f"{', '.join(heavy) or 'none'}"}  # fmt: skip


@op("empty-window")
def empty_window(runs: str) -> dict:
    t0 = time.perf_counter()
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])
    w = QMainWindow()
    w.resize(1180, 760)
    w.show()
    app.processEvents()
    return {"secs": [time.perf_counter() - t0]}


@op("scroll")
def scroll(db: str, runs: str) -> dict:
    """Scroll the invoices table of the workspace from top to bottom (about 400 jumps of a
    page or more); every repaint is a frame."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from desktop.main_window import MainWindow

    app = QApplication([])
    w = MainWindow(Path(db), date(2026, 11, 23))
    wait = QEventLoop()  # not app.quit(): in Qt 6 that closes the window too
    w.loaded.connect(wait.quit)
    w.show()
    wait.exec()
    w.tabs.setCurrentWidget(w.invoices)
    view = w.invoices.view
    app.processEvents()
    bar = view.verticalScrollBar()
    step = max(bar.pageStep(), bar.maximum() // 400)  # top to bottom in about 400 frames
    frames = []
    while bar.value() < bar.maximum():
        t = time.perf_counter()
        bar.setValue(bar.value() + step)
        view.viewport().repaint()
        frames.append(time.perf_counter() - t)
    w.close()
    frames.sort()
    return {"secs": frames, "note": f"{len(frames):,} frames; slowest "
            f"{frames[-1] * 1000:.0f} ms; 99th percentile "
            f"{frames[int(len(frames) * 0.99)] * 1000:.0f} ms"}  # fmt: skip


@op("paint")
def paint(db: str, runs: str) -> dict:
    """Baseline for scrolling: repaint an empty table view of the same size."""
    from PySide6.QtWidgets import QApplication, QTableView

    app = QApplication([])
    view = QTableView()
    view.resize(1150, 480)
    view.show()
    app.processEvents()
    return {"secs": timed(lambda: view.viewport().repaint(), 200)}


# ------------------------------------------------------------------ team workspace


@op("team-load")
def team_load(db: str, url: str, clerks: str, per_clerk: str) -> dict:
    """Copy the 100,000-invoice workspace to a fresh server database, add 2,000 payments with
    money left, and let ``clerks`` processes allocate ``per_clerk`` times each, at once."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    from core.store.copy import copy_workspace
    from core.workspace import Workspace
    from tests.benchmarks.team import p95, run_clerks

    name = "csp_bench_load"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    target = make_url(url).set(database=name).render_as_string(hide_password=False)
    started = time.perf_counter()
    with Workspace(db, readonly=True) as src, Workspace(target) as dst:
        copy_workspace(src.store, dst.store)
        invoices = [d.number for d in dst.books.documents()]
        csv = Path(db).with_name("load_payments.csv")
        csv.write_text(
            "Date,Amount,Currency,Reference\n"
            + "".join(f"2026-11-{1 + n % 20:02d},100000.00,EUR,load {n}\n" for n in range(2000))
        )
        dst.imports.import_file(csv)
        paid = {a.invoice_number for a in dst.books.allocations()}
        payments = [p.id for p in dst.books.payments() if p.reference.startswith("load ")]
    setup = time.perf_counter() - started
    open_invoices = [n for n in invoices if n not in paid]
    results, wall = run_clerks(target, int(clerks), int(per_clerk), payments, open_invoices,
                               cents=(1, 500))  # fmt: skip
    made = sum(r["made"] for r in results)
    latencies = [x for r in results for x in r["latencies"]]
    with admin.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    admin.dispose()
    return {"secs": [wall], "made": made, "note": (
        f"{made:,} allocations by {clerks} clerk process(es) in {wall:.1f} s = "
        f"{made / wall:,.0f}/s; latency p95 {p95(latencies) * 1000:.0f} ms, median "
        f"{sorted(latencies)[len(latencies) // 2] * 1000:.0f} ms; "
        f"{sum(r['refused'] for r in results)} refused, "
        f"{sum(r['conflicts'] for r in results)} conflicts retried; "
        f"{len(open_invoices):,} open invoices, {len(payments):,} payments; setup {setup:.0f} s"
    )}  # fmt: skip


# ------------------------------------------------------------------ a workspace of line items


@op("checks")
def checks(db: str, runs: str) -> dict:
    from core.workspace import Workspace

    with Workspace(Path(db), readonly=True) as ws:
        found: list = []
        secs = timed(lambda: found.append(len(ws.charges.checks())), int(runs))
    return {"secs": secs, "note": f"{found[-1]:,} lines flagged"}


@op("explain")
def explain_line(db: str, target: str, runs: str) -> dict:
    from core.workspace import Workspace

    with Workspace(Path(db), readonly=True) as ws:
        return {"secs": timed(lambda: ws.charges.explain(target), int(runs)),
                "note": f"explain {target}"}  # fmt: skip


@op("lines-report")
def lines_report(db: str, out: str, runs: str) -> dict:
    from core.exports.report import write_report
    from core.workspace import Workspace

    with Workspace(Path(db), readonly=True) as ws:
        return {"secs": timed(lambda: write_report(ws, Path(out), AS_OF), int(runs))}


@op("split")
def customer_split(db: str, runs: str) -> dict:
    """What each customer's lines add up to, per invoice (the window's split by customer)."""
    from core.workspace import Workspace

    with Workspace(Path(db), readonly=True) as ws:
        return {"secs": timed(lambda: (ws.charges.line_customers(), ws.books.customer_charges()),
                              int(runs))}  # fmt: skip


@op("charges-tab")
def charges_tab(db: str, runs: str) -> dict:
    """The Charges tab for one customer: each of its lines explained."""
    from core.workspace import Workspace

    with Workspace(Path(db), readonly=True) as ws:
        customer_id, name, lines = ws.charges.line_customers()[0]
        secs = timed(lambda: ws.charges.customer_explanations(customer_id), int(runs))
    return {"secs": secs, "note": f"{name}: {lines:,} lines"}


@op("duckdb-split")
def duckdb_split(db: str, runs: str) -> dict:
    """DuckDB: per customer and invoice, the exact sum of the lines stored (the baseline)."""
    import duckdb

    con = duckdb.connect(db, read_only=True)
    query = ("SELECT CustomerId, InvoiceNumber, sum(CAST(Total AS DECIMAL(38, 6))), count(*) "
             "FROM lines GROUP BY ALL")  # fmt: skip
    return {"secs": timed(lambda: con.execute(query).fetchall(), int(runs))}


@op("duckdb-customer")
def duckdb_customer(db: str, runs: str) -> dict:
    """DuckDB: one customer's lines, every column (the baseline of the Charges tab)."""
    import duckdb

    con = duckdb.connect(db, read_only=True)
    customer = con.execute("SELECT min(CustomerId) FROM lines").fetchone()[0]
    return {"secs": timed(lambda: con.execute("SELECT * FROM lines WHERE CustomerId = ?",
                                              [customer]).fetchall(), int(runs))}  # fmt: skip


@op("duckdb-scan")
def duckdb_scan(db: str, runs: str) -> dict:
    """DuckDB: the proration arithmetic over every stored line, exact decimals (the baseline
    of the checks)."""
    import duckdb

    con = duckdb.connect(db, read_only=True)
    query = (
        "SELECT count(*) FROM (SELECT CAST(Subtotal AS DECIMAL(18, 2)) AS s, "
        "CAST(UnitPrice AS DECIMAL(18, 6)) * CAST(Quantity AS DECIMAL(18, 4)) AS p, "
        "date_diff('day', strptime(ChargeStartDate, '%m/%d/%Y'), "
        "strptime(split_part(ChargeEndDate, ' ', 1), '%m/%d/%Y')) + 1 AS d FROM lines) "
        "WHERE abs(s * 31 - p * d) > abs(p) + 0.01 * 31"
    )
    return {"secs": timed(lambda: con.execute(query).fetchall(), int(runs))}


def peak_mb() -> float:
    """This process's peak resident memory. Linux's ru_maxrss carries over the parent's peak
    across fork and exec (a suite that built its workspaces in-process reported ~2 GB for every
    child); the memory map's own high-water mark (VmHWM) does not."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = OPS[argv[0]](*argv[1:])
    out["peak_mb"] = peak_mb()
    print(json.dumps(out), flush=True)
    os._exit(0)  # a measuring child: skip interpreter teardown (Qt objects of a large model)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
