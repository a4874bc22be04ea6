"""Startup benchmark: ``python -m tests.benchmarks.startup`` (target: window shown and the
demo workspace loaded in under 2 s).  Offscreen; several fresh processes; prints the median."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = r"""
import time
t0 = time.perf_counter()
import sys
from datetime import date
from pathlib import Path
from PySide6.QtWidgets import QApplication
from desktop.main_window import MainWindow
app = QApplication([])
w = MainWindow(Path(sys.argv[1]), date(2026, 11, 23))
shown = {}
w.loaded.connect(lambda: (shown.setdefault("t", time.perf_counter() - t0), app.quit()))
w.show()
app.exec()
w.close()
heavy = [m for m in ("pandas", "openpyxl", "reportlab", "pyarrow") if m in sys.modules]
print(f"{shown['t']:.3f} {','.join(heavy) or '-'}")
"""


def main() -> int:
    folder = Path(tempfile.gettempdir()) / "csp-bench" / "startup-demo"
    db = folder / "workspace.db"
    if not db.exists():
        from core.demo import write_demo

        write_demo(folder)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    times, heavy = [], ""
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", CHILD, str(db)], capture_output=True,
                             text=True, check=True, env=env).stdout.split()  # fmt: skip
        times.append(float(out[0]))
        heavy = out[1]
    print(
        f"startup to loaded window  median {statistics.median(times):.2f} s  "
        f"(runs: {', '.join(f'{t:.2f}' for t in times)})  heavy modules loaded: {heavy}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
