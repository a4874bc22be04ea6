"""Import benchmarks: ``python -m tests.benchmarks [--rows N] [--usage-rows N] [--runs K]``.

Generates realistic files (cached under the temp folder by size), imports each
into a fresh workspace in a child process several times, and prints one table:
operation, rows, median seconds, rows/s, peak memory of the importing process,
the median time of a raw ``pyarrow.csv.read_csv`` of the same file measured in
the same run, and the ratio of the two.  Targets (issue 3): a 1,000,000-row
reconciliation CSV within 4x the pyarrow read and under 1.5 GB; a
5,000,000-row daily rated usage file under 2 GB.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.benchmarks import generate

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
mode, path, db = sys.argv[1:4]
if mode == "pyarrow":
    import pyarrow.csv
    t = time.perf_counter(); pyarrow.csv.read_csv(path); secs = time.perf_counter() - t
else:
    from core.workspace import Workspace
    with Workspace(db) as ws:
        t = time.perf_counter(); s = ws.import_file(Path(path)); secs = time.perf_counter() - t
        assert s.entries_read > 0, s
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"secs": secs, "peak_mb": peak}))
"""


def run(mode: str, path: Path, workdir: Path) -> dict:
    db = workdir / "bench.db"
    for stale in (db, Path(f"{db}.lock")):
        stale.unlink(missing_ok=True)
    out = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(path), str(db)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(label: str, path: Path, rows: int, runs: int, workdir: Path) -> list[str]:
    base = [run("pyarrow", path, workdir)["secs"] for _ in range(runs)]
    ours = [run("import", path, workdir) for _ in range(runs)]
    secs = statistics.median(r["secs"] for r in ours)
    peak = max(r["peak_mb"] for r in ours)
    raw = statistics.median(base)
    return [label, f"{rows:,}", f"{secs:.2f}", f"{rows / secs:,.0f}", f"{peak:,.0f}",
            f"{raw:.2f}", f"{secs / raw:.1f}x"]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks")
    parser.add_argument("--rows", type=int, default=1_000_000, help="reconciliation rows")
    parser.add_argument("--usage-rows", type=int, default=5_000_000, help="daily usage rows")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "csp-bench")
    args = parser.parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)
    files = [
        ("import reconciliation CSV (47 cols)", generate.recon_csv, args.rows, "recon"),
        ("import daily rated usage CSV (52 cols)", generate.daily_usage_csv, args.usage_rows,
         "usage"),
    ]  # fmt: skip
    table = [["operation", "rows", "median s", "rows/s", "peak MB", "pyarrow s", "ratio"]]
    for label, make, rows, stem in files:
        if rows <= 0:
            continue
        path = args.dir / f"{stem}_{rows}.csv"
        if not path.exists():
            print(f"generating {path} ...", file=sys.stderr, flush=True)
            make(path.with_suffix(".tmp"), rows).rename(path)
        table.append(measure(label, path, rows, args.runs, args.dir))
    widths = [max(len(r[i]) for r in table) for i in range(len(table[0]))]
    for n, row in enumerate(table):
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in
                        enumerate(zip(row, widths, strict=True))))  # fmt: skip
        if n == 0:
            print("  ".join("-" * w for w in widths))
    return 0


if __name__ == "__main__":
    sys.exit(main())
