"""The benchmark suite: ``make bench`` or ``python -m tests.benchmarks [--quick]``.

Generates realistic files and workspaces (cached under the temp folder by
size), runs each operation and its baseline in fresh child processes several
times, and prints one table: operation, size, median seconds, rows/s, peak
memory, the baseline measured in the same run and the ratio, the target and
whether it is met.  The table is also written to ``docs/benchmarks.md``.
Nothing here is a test: the suite prints, it does not assert.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.benchmarks import generate
from tests.benchmarks.workspace import build_workspace

ROOT = Path(__file__).resolve().parents[2]


def child(*args: object) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-m", "tests.benchmarks.ops", *map(str, args)],
                         capture_output=True, text=True, env=env, cwd=ROOT)  # fmt: skip
    if out.returncode != 0:
        raise RuntimeError(f"{args[0]} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


@dataclass
class Row:
    operation: str
    size: str
    rows: int
    ours: dict
    base: dict | None
    base_name: str
    target: str
    met: bool | None
    stat: str = "median"

    def cells(self) -> list[str]:
        secs = _stat(self.ours["secs"], self.stat)
        base = _stat(self.base["secs"], self.stat) if self.base else None
        unit_ms = self.stat == "max"
        shown = f"{secs * 1000:.0f} ms" if unit_ms else f"{secs:.2f}"
        return [
            self.operation, self.size, shown,
            f"{self.rows / secs:,.0f}" if self.rows and not unit_ms else "",
            f"{self.ours['peak_mb']:,.0f}",
            self.base_name,
            "" if base is None else (f"{base * 1000:.0f} ms" if unit_ms else f"{base:.2f}"),
            "" if base is None else f"{secs / base:.1f}x",
            self.target,
            {True: "yes", False: "**no**", None: ""}[self.met],
        ]  # fmt: skip


def _stat(values: list[float], stat: str) -> float:
    return max(values) if stat == "max" else statistics.median(values)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks")
    parser.add_argument("--quick", action="store_true", help="a tenth of every size")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "csp-bench")
    parser.add_argument("--only", default="", help="comma-separated operation keys")
    args = parser.parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)
    k = 10 if args.quick else 1
    recon_rows, usage_rows = 1_000_000 // k, 5_000_000 // k
    invoices, lines = 100_000 // k, 1_000_000 // k
    runs = args.runs
    started = time.perf_counter()

    def cached(stem: str, make, rows: int, **kw) -> Path:
        path = args.dir / f"{stem}_{rows}.csv"
        if not path.exists():
            print(f"generating {path.name} ...", file=sys.stderr, flush=True)
            make(path.with_suffix(".tmp"), rows, **kw).rename(path)
        return path

    print("building workspaces ...", file=sys.stderr, flush=True)
    big = build_workspace(args.dir, invoices, lines)  # what balance + aging is measured on
    plain = build_workspace(args.dir, invoices, 0)  # "a 100,000-invoice workspace"
    only = set(filter(None, args.only.split(",")))
    rows: list[Row] = []

    def add(key: str, make_row) -> None:
        if only and key not in only:
            return
        print(f"measuring {key} ...", file=sys.stderr, flush=True)
        rows.append(make_row())

    def importing(label, path, n, base, base_name, target_ratio, target_mb):
        ours = child("import", path, args.dir / "import.db", runs)
        ratio = statistics.median(ours["secs"]) / statistics.median(base["secs"])
        met = ratio <= target_ratio and ours["peak_mb"] < target_mb
        return Row(label, f"{n:,} lines", n, ours, base, base_name,
                   f"≤ {target_ratio}× {base_name.split()[0]}, < {target_mb:,} MB",
                   met)  # fmt: skip

    def recon_import():
        path = cached("recon", generate.recon_csv, recon_rows)
        base = child("duckdb-store", path, args.dir / "duckdb.db", runs)
        return importing("import new-commerce reconciliation CSV", path, recon_rows, base,
                         "DuckDB parse-and-store", 2, 1000)  # fmt: skip

    def usage_import():
        path = cached("usage", generate.daily_usage_csv, usage_rows)
        base = child("duckdb-usage", path, runs)
        return importing("import daily rated usage CSV", path, usage_rows, base,
                         "DuckDB group-by", 2, 1000)  # fmt: skip

    add("import", recon_import)
    add("usage", usage_import)
    _ten_million(args, k, add, cached)

    def balance():
        ours = child("balance-aging", big, runs)
        return Row("balance + aging", f"{invoices:,} invoices, {lines:,} lines", invoices, ours,
                   child("sql-read", big, runs), "SELECT * of the tables", "< 0.5 s",
                   statistics.median(ours["secs"]) < 0.5)  # fmt: skip

    add("balance", balance)

    def auto():
        n = invoices
        ours = child("auto-allocate", n, runs)
        return Row("exact-reference auto-allocation", f"{n:,} payments × {n:,} invoices", n,
                   ours, child("dict-lookup", n, runs), "dict lookup of each word", "< 1 s",
                   statistics.median(ours["secs"]) < 1)  # fmt: skip

    add("auto", auto)

    def suggest():
        p = 10_000 // k
        ours = child("suggest", p, invoices, max(1, runs - 1))
        note = ours.get("note", "")
        met = statistics.median(ours["secs"]) < 10 and f"answered {p:,}/{p:,}" in note
        return Row("suggestions, unreferenced payments", f"{p:,} payments × {invoices:,} "
                   "invoices", p, ours, child("amount-lookup", p, invoices, runs),
                   "dict lookup of each amount", "< 10 s, none unanswered", met)  # fmt: skip

    add("suggest", suggest)

    def report():
        out = args.dir / "report.xlsx"
        ours = child("report", plain, out, max(1, runs - 1))
        base = child("excel-baseline", plain, args.dir / "baseline.xlsx", max(1, runs - 1))
        secs, raw = statistics.median(ours["secs"]), statistics.median(base["secs"])
        return Row("Excel report", f"{invoices:,} invoices", invoices, ours, base,
                   "same cells, fastest library", "< 30 s, ≤ 1.5× library",
                   secs < 30 and secs / raw <= 1.5)  # fmt: skip

    add("report", report)

    def pdf():
        n = 2000
        ours = child("pdf", n, args.dir / "long.pdf", runs)
        base = child("pdf-baseline", n, args.dir / "plain.pdf", runs)
        pages = int(ours["note"].split()[0])
        return Row("remittance advice PDF", f"{n:,} lines, {pages} pages", n, ours, base,
                   "plain reportlab table", "50 pages < 3 s",
                   statistics.median(ours["secs"]) < 3 * max(1, pages / 50))  # fmt: skip

    add("pdf", pdf)

    def window(label, db, target):
        ours = {"secs": [], "peak_mb": 0.0}
        for _ in range(runs):
            one = child("window", db, 1)
            ours["secs"] += one["secs"]
            ours["peak_mb"] = max(ours["peak_mb"], one["peak_mb"])
            ours["note"] = one["note"]
        base = {"secs": [child("empty-window", 1)["secs"][0] for _ in range(runs)]}
        return Row(label, "", 0, ours, base, "empty QMainWindow shown", f"< {target} s",
                   statistics.median(ours["secs"]) < target)  # fmt: skip

    demo = args.dir / "demo" / "workspace.db"
    if not demo.exists():
        from core.demo import write_demo

        write_demo(demo.parent)
    add("window-demo", lambda: window("window shown, demo workspace", demo, 2))
    add("window-big", lambda: window(f"window shown, {invoices:,} invoices", plain, 4))

    def scroll():
        ours = child("scroll", plain, 1)
        base = child("paint", plain, 1)
        return Row("scroll the invoice table end to end", f"{invoices:,} invoices", 0, ours,
                   base, "empty table repaint", "no frame over 50 ms",
                   max(ours["secs"]) < 0.05, stat="max")  # fmt: skip

    add("scroll", scroll)

    def team():
        url = os.environ.get("CSP_TEST_PG_URL")
        if not url:
            print("no PostgreSQL server (CSP_TEST_PG_URL): the team workspace load is left out;"
                  " `source <(bash .ci/postgres start)` gives one", file=sys.stderr)  # fmt: skip
            return None
        ours = child("team-load", plain, url, 8, 1000 // k)
        base = child("team-load", plain, url, 1, 1000 // k)
        ours["note"] += f"; one clerk alone: {base['note'].split('=')[1].split(';')[0].strip()}"
        return Row("team workspace: 8 clerk processes allocating", f"8 × {1000 // k:,} on "
                   f"{invoices:,} invoices", ours["made"], ours, base,
                   "1 clerk × the same", "every invariant kept", None)  # fmt: skip

    add("team", team)
    rows = [r for r in rows if r is not None]

    header = ["operation", "size", "median s", "rows/s", "peak MB", "baseline", "baseline s",
              "ratio", "target", "met"]  # fmt: skip
    table = [header] + [r.cells() for r in rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    lines_out = ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |"
                 for r in table]  # fmt: skip
    lines_out.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    notes = [f"- {r.operation}: {r.ours['note']}" for r in rows if r.ours.get("note")]
    notes += [f"- baseline {r.operation}: {r.base['note']}" for r in rows
              if r.base and r.base.get("note")]  # fmt: skip
    footer = (f"\n{platform.machine()}, {os.cpu_count()} cores, Python "
              f"{platform.python_version()}; {runs} runs per operation; suite "
              f"{(time.perf_counter() - started) / 60:.1f} min"
              + (" (--quick: a tenth of every size)" if args.quick else "")
              + f"; measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on "
              f"{_commit()}")  # fmt: skip
    text = "\n".join(lines_out) + "\n\n" + "\n".join(notes) + "\n" + footer
    print(text)
    if not args.quick and not only:
        (ROOT / "docs" / "benchmarks.md").write_text(
            "# Benchmarks (latest run of `make bench`)\n\n" + text + "\n", encoding="utf-8"
        )
    return 0


def _ten_million(args, k: int, add, cached) -> None:
    """A month of a large partner: a 10,000,000-line reconciliation file imported, then the
    workspace it makes checked, explained, reported and split by customer (one run each),
    DuckDB's store of the same file the baselines."""
    n = 10_000_000 // k
    path_of = lambda: cached("recon", generate.recon_csv, n)  # noqa: E731
    db, duck = args.dir / f"lines_{n}.db", args.dir / f"duckdb_{n}.db"
    size = f"{n:,} lines"

    def stored() -> None:
        if not db.exists():
            child("import", path_of(), db, 1)
        if not duck.exists():
            child("duckdb-store", path_of(), duck, 1)

    def importing():
        ours = child("import", path_of(), db, 1)
        base = child("duckdb-store", path_of(), duck, 1)
        return Row("import new-commerce reconciliation CSV", size, n, ours, base,
                   "DuckDB parse-and-store", "peak < 1,500 MB",
                   ours["peak_mb"] < 1500)  # fmt: skip

    def measured(label, what, base_op, target_s, target_mb=None, *extra):
        stored()
        ours = child(what, db, *extra, 1)
        base = child(base_op, duck, 1) if base_op else None
        secs = statistics.median(ours["secs"])
        met = secs < target_s and (target_mb is None or ours["peak_mb"] < target_mb)
        target = f"< {target_s} s" + (f", < {target_mb:,} MB" if target_mb else "")
        names = {"duckdb-scan": "DuckDB proration scan", "duckdb-split": "DuckDB group-by",
                 "duckdb-customer": "DuckDB one customer's lines"}  # fmt: skip
        return Row(label, f"{size} workspace", 0, ours, base, names.get(base_op, ""), target,
                   met)  # fmt: skip

    add("import10m", importing)
    add("checks10m", lambda: measured("checks", "checks", "duckdb-scan", 60, 1500))
    add("explain10m", lambda: measured("explain one line", "explain", None, 2, None,
                                       "G100000005#1000"))  # fmt: skip
    add("report10m", lambda: measured("Excel report with charge sheets", "lines-report", None,
                                      120, 1500, args.dir / "lines-report.xlsx"))  # fmt: skip
    add("split10m", lambda: measured("split by customer", "split", "duckdb-split", 1))
    add("charges10m", lambda: measured("Charges tab, one customer", "charges-tab",
                                       "duckdb-customer", 0.5))  # fmt: skip


def _commit() -> str:
    """The commit the figures were measured on (and whether files differed from it)."""
    import subprocess

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else ""

    head = git("rev-parse", "--short", "HEAD") or "an unknown commit"
    changed = git("status", "--porcelain", "--untracked-files=no")
    return f"commit {head}" + (" with uncommitted changes" if changed else "")


if __name__ == "__main__":
    sys.exit(main())
