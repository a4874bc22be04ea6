"""Golden outputs: what the command line and the window show today, pinned as files.

Each test regenerates one output from the code on the path and compares it with the file
stored under ``tests/golden/``; a difference fails with a unified diff.  What is pinned:

- ``golden/cli/``: ``csp-recon`` commands (plain and ``--json``) on the demo workspace built
  for 2026-11-23 plus the two planned payments and the settings of the Makefile's ``samples``
  target (``setup.txt`` holds that setup's own output), and a few sequences that change a
  copy of it (allocate/undo/redo, refusals, claims, suggestions, exports);
- ``golden/help/``: ``--help`` of every command and sub-command, and ``--version``;
- ``golden/import/``: ``csp-recon import FILE --json`` and ``csp-recon import FILE`` of every
  file fixture (``tests/data``, ``../shared/samples``, the statements ``tests/bankfiles.py``
  writes, the source files of the demo), each in a fresh workspace and then a second time
  ("already imported");
- ``golden/gui/``: the main window on the demo workspace, found only by what is visible:
  window title, menus, tab titles (``window.json``), per tab the item views (headers and the
  display text of every visible cell), labels, buttons, fields, text panes and charts
  (``tab-NN-<title>.json``), the invoice detail pane (and status bar) for each invoice row
  selected in turn (``invoice-detail.json``), and the Charges explained tab with each customer
  of its list chosen, then "Check every line" and each flagged line (``charges-explained.json``).

What is not deterministic is rewritten by :class:`Normaliser` (and nothing else): the
session's temporary folder (``<TMP>``), wall-clock timestamps (``<NOW>``), the OS user
(``<USER>``), ages of open claims (counted to the wall clock; rewritten as counted to the demo's
2026-11-23), and the column padding of plain-text tables that show a temporary path or the
user.  An output over 200,000 characters would be pinned by its SHA-256 only (none is today).

Regenerate every golden file (after a change *meant* to change an output)::

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.test_golden --update
    # or, through pytest (each test writes its file instead of comparing):
    GOLDEN_UPDATE=1 QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q tests/test_golden.py

To generate from another copy of the code (say a frozen checkout in /tmp/base), run this file
as a script with that copy first on the path (``python -m`` would put the current folder
first)::

    PYTHONPATH=/tmp/base QT_QPA_PLATFORM=offscreen .venv/bin/python tests/test_golden.py --update

``CSP_SHARED_SAMPLES`` names the folder of the shared sample files when it is not
``../shared/samples`` beside the repository.
"""

from __future__ import annotations

import contextlib
import difflib
import getpass
import hashlib
import io
import json
import os
import re
import shlex
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
DATA = HERE / "data"
SAMPLES = Path(os.environ.get("CSP_SHARED_SAMPLES") or HERE.parents[1] / "shared" / "samples")
DEMO_TODAY = date(2026, 11, 23)
D = DEMO_TODAY.isoformat()
MAX_CHARS = 200_000  # larger outputs are pinned by their digest only
UPDATE = os.environ.get("GOLDEN_UPDATE", "") not in ("", "0")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# ------------------------------------------------------------------ normalising


class Normaliser:
    """Rewrites exactly what changes from one run to the next; everything else is kept."""

    def __init__(self, root: Path) -> None:
        self.paths = sorted({str(root), str(root.resolve())}, key=len, reverse=True)
        try:
            self.user = getpass.getuser()
        except Exception:  # noqa: BLE001 - no user name: nothing to rewrite
            self.user = None

    @property
    def shift(self) -> int:
        """Days from the demo's today to the wall clock's (ages of open claims count to it)."""
        return (date.today() - DEMO_TODAY).days

    def age(self, days: str) -> str:
        return f"<age at {D}: {int(days) - self.shift}>"

    def __call__(self, text: str) -> str:
        original = text
        for p in self.paths:
            text = text.replace(p, "<TMP>")
        # wall-clock timestamps: audit log, history, "already imported", "Generated ..."
        text = re.sub(r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\b", "<NOW>", text)
        text = re.sub(r"\b\d{1,2}/\d{1,2}/\d{4} \d{2}:\d{2}\b", "<NOW>", text)  # window: US
        if self.user:
            u = re.escape(self.user)
            text = re.sub(rf'("(?:user|author)": )"{u}"', r'\1"<USER>"', text)
            text = re.sub(rf"(<NOW> +){u}(?= )", r"\1<USER>", text)  # the log's table
            text = re.sub(rf"^{u} \(", "<USER> (", text, flags=re.MULTILINE)  # whoami
            text = re.sub(rf"· {u} ·", "· <USER> ·", text)  # the window's history
        # ages of open claims, counted to the wall clock
        text = re.sub(r'("closed_on": null,\s*"age_days": )(\d+)',
                      lambda m: m[1] + json.dumps(self.age(m[2])), text)  # fmt: skip
        text = re.sub(r"(\d{4}-\d{2}-\d{2}) +(\d+)( +open\b)",
                      lambda m: f"{m[1]}  {self.age(m[2])}{m[3]}", text)  # fmt: skip
        text = re.sub(r"\(oldest (\d+) day\(s\)\)", lambda m: f"(oldest {self.age(m[1])} day(s))",
                      text)  # fmt: skip
        varied = any(p in original for p in self.paths) or "<USER>" in text
        if varied and re.search(r"^-+(?:  -+)*$", text, flags=re.MULTILINE):
            # a table showing a temporary path or the user: its padding and rule (the dashes
            # under its header) depend on their length
            text = re.sub(r" {2,}", "  ", text)
            text = re.sub(r"^-+(?:  -+)*$", lambda m: re.sub("-+", "--", m[0]), text,
                          flags=re.MULTILINE)  # fmt: skip
        return text


# ------------------------------------------------------------------ the session


class Env:
    """A temporary folder, the demo workspace template (built once) and copies of it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.norm = Normaliser(root)
        self._template: Path | None = None
        self.setup_text = ""
        self._copies: dict[str, Path] = {}
        self._gui: dict[str, str] | Exception | None = None

    def template(self) -> Path:
        """The demo for 2026-11-23 with the Makefile's ``samples`` settings and plans."""
        if self._template is None:
            folder = self.root / "template"
            db = str(folder / "workspace.db")
            steps = [
                ["demo", str(folder), "--today", D],
                ["--db", db, "set", "company_address", "12 rue de la Paix\n75002 Paris"],
                ["--db", db, "set", "company_account", "FR76 3000 4000 0312 3456 7890 143"],
                ["--db", db, "set", "payee_account_EUR", "IE29 AIBK 9311 5212 3456 78"],
                ["--db", db, "plan", "G000100008", "G000100013", "G000100002", "--date",
                 "2026-11-25"],
                ["--db", db, "plan", "G000100014", "--date", "2026-11-25"],
            ]  # fmt: skip
            self.setup_text = run_steps(self, steps)
            self._template = folder
        return self._template

    def copy(self, name: str, shared: bool = False) -> Path:
        """A copy of the template's folder; its workspace file."""
        if shared and name in self._copies:
            return self._copies[name]
        target = self.root / "copies" / name
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(self.template(), target,
                        ignore=shutil.ignore_patterns("*.lock"))  # fmt: skip
        db = target / "workspace.db"
        if shared:
            self._copies[name] = db
        return db

    def gui(self) -> dict[str, str]:
        """The window's goldens, captured once (a failure too: it is told to every test)."""
        if self._gui is None:
            try:
                self._gui = capture_window(self)
            except Exception as exc:  # noqa: BLE001 - kept, raised again for each test
                self._gui = exc
        if isinstance(self._gui, Exception):
            raise RuntimeError(f"the window could not be captured: {self._gui}") from self._gui
        return self._gui


def run_cli(argv: Sequence[str]) -> tuple[int | str, str, str]:
    """``csp-recon ARGV`` in this process: (exit status, stdout, stderr); an exception that
    escapes ``main`` is told by its type and message."""
    from unittest import mock

    from core.cli import main

    out, err = io.StringIO(), io.StringIO()
    # the suggestions' search is bounded in time per payment: on a loaded machine it may be
    # cut short, so the goldens pin the complete search (a bound no run here reaches)
    complete = mock.patch("core.suggestions.engine.SEARCH_SECONDS", 30.0)
    with complete, contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exc:  # argparse: usage errors, --help, --version
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        except Exception as exc:  # noqa: BLE001 - raised out of main(): pinned as such
            code = f"raised {type(exc).__name__}: {exc}"
    return code, out.getvalue(), err.getvalue()


def _block(label: str, text: str) -> str:
    if text and not text.endswith("\n"):
        text += "\n[no newline at end]\n"
    return f"--- {label}\n{text}"


def run_steps(env: Env, steps: Sequence[Sequence[str]], files: Sequence[Path] = ()) -> str:
    """Run commands one after the other; their exit status and output, then ``files``."""
    norm, parts = env.norm, []
    for argv in steps:
        code, out, err = run_cli(argv)
        parts.append(f"$ csp-recon {norm(shlex.join(argv))}\nexit status: {norm(str(code))}\n"
                     + _block("stdout", norm(out)) + _block("stderr", norm(err)))  # fmt: skip
    for path in files:
        text = path.read_text(encoding="utf-8") if path.exists() else "(not written)\n"
        parts.append(_block(f"file {norm(str(path))}", norm(text)))
    return "\n".join(parts)


# ------------------------------------------------------------------ the cases


@dataclass(frozen=True)
class Case:
    name: str  # the golden file, under golden/, without its extension
    make: Callable[[Env], str]
    ext: str = ".txt"


def _read(argv: Sequence[str]) -> Callable[[Env], str]:
    """A command on the shared copy of the demo (reading commands only)."""
    return lambda env: run_steps(env, [["--db", str(env.copy("read", shared=True)), *argv]])


def _write(name: str, steps: Sequence[Sequence[str]], files: Sequence[str] = ()
           ) -> Callable[[Env], str]:  # fmt: skip
    """Commands on a fresh copy of the demo; ``{tmp}`` in them is that copy's folder."""

    def make(env: Env) -> str:
        db = env.copy(name)
        fill = lambda s: s.replace("{tmp}", str(db.parent))  # noqa: E731
        argv = [["--db", str(db), *map(fill, s)] for s in steps]
        return run_steps(env, argv, [Path(fill(f)) for f in files])

    return make


AS_OF = ("--as-of", D)
#: (golden name, arguments, has --json)
READS: list[tuple[str, tuple[str, ...], bool]] = [
    ("balance", ("balance", *AS_OF), True),
    ("balance-2027-01-31", ("balance", "--as-of", "2027-01-31"), True),
    ("aging", ("aging", *AS_OF), True),
    ("aging-2027-01-31", ("aging", "--as-of", "2027-01-31"), True),
    ("aging-by-customer", ("aging", *AS_OF, "--by", "customer"), True),
    ("aging-by-invoice", ("aging", *AS_OF, "--by", "invoice"), True),
    ("invoices", ("invoices", *AS_OF), True),
    ("invoices-2026-09-30", ("invoices", "--as-of", "2026-09-30"), True),
    ("payments", ("payments", *AS_OF), True),
    ("credits", ("credits", *AS_OF), True),
    ("plans", ("plans",), True),
    ("alerts", ("alerts", *AS_OF), True),
    ("alerts-2026-12-31", ("alerts", "--as-of", "2026-12-31"), True),
    ("calendar", ("calendar", "--from", "2026-08-01", "--to", D), True),
    ("calendar-2027", ("calendar", "--from", "2026-12-01", "--to", "2027-02-28"), True),
    ("log", ("log",), True),
    ("checks", ("checks",), True),
    ("checks-refund-outside-window", ("checks", "--kind", "refund_outside_window"), True),
    ("notes", ("notes",), True),
    ("suggest", ("suggest",), True),
    ("suggest-P5", ("suggest", "P5"), True),
    ("settings", ("settings",), True),
    ("auto-allocate-dry-run", ("auto-allocate",), True),
    ("dispute-list", ("dispute", "list", "--all"), True),
    ("sla-claim-list", ("sla-claim", "list", "--all"), True),
    ("explain-G000100011", ("explain", "G000100011"), True),
    ("explain-G000100009-2", ("explain", "G000100009#2"), True),
    ("lines-G000100011", ("lines", "G000100011"), True),
    ("lines-G000100008", ("lines", "G000100008"), True),
    ("whoami", ("whoami",), True),
    ("formats", ("formats",), True),
    ("export-request-P5", ("export", "request", "P5"), False),
    ("export-ticket-P6", ("export", "ticket", "P6"), False),
]
WRITES: list[tuple[str, list[list[str]], list[str]]] = [
    ("allocate-undo-redo", [
        ["allocate", "P5", "G000100002=1215.40", "G000100013=284.60", "--json"],
        ["balance", *AS_OF, "--json"],
        ["unallocate", "1"],
        ["undo"], ["redo"], ["undo"],
        ["payments", *AS_OF, "--json"],
        ["log", "--json"],
    ], []),
    ("auto-allocate-apply", [["auto-allocate", "--apply", "--json"], ["auto-allocate"]], []),
    ("accept-and-reject", [
        ["suggest", "P5", "--json"],
        ["reject", "S75BA4976A0"],
        ["suggest", "P5"],
        ["undo"],
        ["accept", "S75BA4976A0", "--json"],
        ["balance", *AS_OF],
    ], []),
    ("refusals", [
        ["allocate", "P5", "G000100002=99999"],
        ["allocate", "P5", "G000100002"],
        ["allocate", "P6", "G000100002=1.00"],
        ["allocate", "P5", "G000100004=1.00"],
        ["unallocate", "999"],
        ["undo", "999"],
        ["explain", "G999999999"],
        ["lines", "G999999999"],
        ["balance", "--as-of", "31/12/2026"],
        ["set", "term_days", "0"],
        ["set", "aging_buckets", "90,45"],
        ["mark", "P99", "applied", "--date", D],
        ["plan", "G000100008", "--date", D],
        ["export", "remittance", "P5", "--format", "txt", "-o", "{tmp}/p5.txt"],
        ["nonsense"],
        ["balance", *AS_OF, "--json"],
        ["log"],
    ], []),
    ("settings-and-aging", [
        ["set", "aging_buckets", "45, 90"],
        ["set", "term_days", "30"],
        ["aging", *AS_OF, "--json"],
        ["aging", *AS_OF, "--by", "customer"],
        ["settings"],
    ], []),
    ("claims", [
        ["dispute", "open", "G000100009#2", "0.01", "--reason", "conversion differs",
         "--ticket", "2611230099", "--date", D, "--json"],
        ["dispute", "open", "G000100008", "1.00", "--reason", "lines do not add up",
         "--date", D],
        ["sla-claim", "open", "--service", "Exchange Online", "--month", "2026-10",
         "--availability", "99.80", "--credit", "12.50", "--currency", "EUR", "--date", D],
        ["dispute", "link", "2", "G000100010", "--date", D, "--json"],
        ["dispute", "withdraw", "3", "--date", D],
        ["sla-claim", "withdraw", "4", "--date", D, "--json"],
        ["dispute", "list", "--all"],
        ["dispute", "list", "--json"],
        ["sla-claim", "list", "--all", "--json"],
        ["balance", *AS_OF, "--json"],
    ], []),
    ("notes-and-marks", [
        ["note", "G000100008", "called Microsoft: the lines are being checked"],
        ["note", "P6", "bank asked to return the USD transfer"],
        ["notes", "--json"], ["notes", "P6"],
        ["mark", "P6", "applied", "--date", D],
        ["mark", "P5", "clear", "--date", D],
        ["alerts", *AS_OF, "--json"],
    ], []),
    ("plan-with-credit", [
        ["plan", "G000100009", "G000100011", "--date", "2026-11-30", "--reference", "RA-TEST",
         "--json"],
        ["plans"],
    ], []),
    ("exports", [
        ["export", "remittance", "plan:1", "--format", "txt", "-o", "{tmp}/remittance.txt"],
        ["export", "remittance", "P4", "--format", "txt", "-o", "{tmp}/p4.txt"],
        ["export", "request", "P5", "-o", "{tmp}/request.txt"],
        ["export", "ticket", "P6", "--why", "paid to the wrong account", "-o", "{tmp}/ticket.txt"],
    ], ["{tmp}/remittance.txt", "{tmp}/p4.txt", "{tmp}/request.txt", "{tmp}/ticket.txt"]),
]  # fmt: skip

#: every command and sub-command, for its --help
COMMANDS = [
    (), ("import",), ("map",), ("formats",), ("auto-allocate",), ("migrate-workspace",),
    ("admin",), ("admin", "init-team-db"), ("admin", "add-user"), ("admin", "users"),
    ("note",), ("notes",), ("calendar",), ("alerts",), ("agree",), ("mark",), ("explain",),
    ("checks",),
    *((kind, *action) for kind in ("dispute", "sla-claim")
      for action in ((), ("open",), ("list",), ("link",), ("withdraw",))),
    ("whoami",), ("suggest",), ("accept",), ("reject",), ("allocate",), ("unallocate",),
    ("undo",), ("redo",), ("log",), ("invoices",), ("payments",), ("credits",), ("balance",),
    ("aging",), ("lines",), ("set",), ("settings",), ("plan",), ("plans",), ("export",),
    *(("export", what) for what in ("remittance", "pain001", "report", "request", "ticket")),
    ("demo",),
]  # fmt: skip


def _help(words: Sequence[str]) -> Callable[[Env], str]:
    def make(env: Env) -> str:
        old = os.environ.get("COLUMNS")
        os.environ["COLUMNS"] = "100"  # argparse wraps to the terminal's width
        try:
            return run_steps(env, [[*words, "--help"]])
        finally:
            if old is None:
                del os.environ["COLUMNS"]
            else:
                os.environ["COLUMNS"] = old

    return make


# -- files to import


def _bank_writers() -> dict[str, Callable[[Path], Path]]:
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))
    import bankfiles

    return {
        "camt053-v02.xml": lambda p: bankfiles.camt053(p, "02"),
        "camt053-v08.xml": lambda p: bankfiles.camt053(p, "08"),
        "stmt.sta": bankfiles.mt940,
        "stmt.cfo": bankfiles.cfonb120,
        "releve.csv": bankfiles.bank_csv,
    }


BANK_FILES = ("camt053-v02.xml", "camt053-v08.xml", "stmt.sta", "stmt.cfo", "releve.csv")
DEMO_FILES = ("invoices.json", "BilledOneTimeInvoiceLineItems_demo.csv", "paiements.csv")


def _fixture_files() -> list[tuple[str, str, Path | None]]:
    """(group, file name, path or None when written at run time)."""
    found: list[tuple[str, str, Path | None]] = []
    for group, folder in (("data", DATA), ("samples", SAMPLES)):
        if not folder.is_dir():
            continue
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            sub = path.parent.relative_to(folder).parts
            found.append(("-".join((group, *sub)), path.name, path))
    found += [("bankfiles", name, None) for name in BANK_FILES]
    found += [("demo", name, None) for name in DEMO_FILES]
    return found


def _import(group: str, name: str, source: Path | None) -> Callable[[Env], str]:
    def make(env: Env) -> str:
        folder = env.root / "imports" / group
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / name
        if group == "bankfiles":
            _bank_writers()[name](path)
        elif group == "demo":
            shutil.copyfile(env.template() / name, path)
        else:
            shutil.copyfile(source, path)
        a, b = (str(folder / f"{name}.{k}.db") for k in ("json", "text"))
        return run_steps(env, [
            ["--db", a, "import", str(path), "--json"],
            ["--db", a, "import", str(path), "--json"],
            ["--db", b, "import", str(path)],
            ["--db", b, "import", str(path)],
        ])  # fmt: skip

    return make


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("_") or "_"


def cli_cases() -> list[Case]:
    cases = [Case("cli/setup", lambda env: (env.template(), env.setup_text)[1])]
    for name, argv, has_json in READS:
        cases.append(Case(f"cli/{name}", _read(argv)))
        if has_json:
            cases.append(Case(f"cli/{name}--json", _read([*argv, "--json"])))
    cases += [Case(f"cli/write-{name}", _write(name, steps, files))
              for name, steps, files in WRITES]  # fmt: skip
    cases.append(Case("cli/missing-workspace", lambda env: run_steps(
        env, [["--db", str(env.root / "none.db"), "balance"]])))  # fmt: skip
    cases.append(Case("help/version", lambda env: run_steps(env, [["--version"]])))
    cases += [Case(f"help/{'-'.join(words) or 'csp-recon'}", _help(words)) for words in COMMANDS]
    cases += [Case(f"import/{group}--{_slug(name)}", _import(group, name, path))
              for group, name, path in _fixture_files()]  # fmt: skip
    return cases


CASES = cli_cases()


# ------------------------------------------------------------------ the window


def _wait(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    """Until ``condition`` holds; a warning box the window opens meanwhile fails at once."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMessageBox

    deadline = time.monotonic() + timeout
    while not condition():
        for box in QApplication.topLevelWidgets():
            if isinstance(box, QMessageBox) and box.isVisible() and box.icon() in (
                QMessageBox.Icon.Warning, QMessageBox.Icon.Critical):  # fmt: skip
                raise RuntimeError(f"the window shows a warning: {box.text()}")
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not reach the expected state")
        QTest.qWait(20)


def _pos(widget, page) -> tuple[int, int]:
    p = widget.mapTo(page, widget.rect().topLeft())
    return (p.y(), p.x())


def _view_rows(view) -> dict:
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import QTableView, QTreeView

    model = view.model()
    if model is None:
        return {"headers": None, "rows": []}
    display = Qt.ItemDataRole.DisplayRole

    def hidden_column(c: int) -> bool:
        if isinstance(view, QTableView | QTreeView):
            return view.isColumnHidden(c)
        return c != getattr(view, "modelColumn", lambda: 0)()

    try:
        count = model.columnCount(QModelIndex())
    except TypeError:  # a list model: one column
        count = 1
    columns = [c for c in range(count) if not hidden_column(c)]
    header = getattr(view, "horizontalHeader", None) or getattr(view, "header", None)
    headers = None
    if header is not None and header().isVisible():
        headers = [_text(model.headerData(c, Qt.Orientation.Horizontal, display)) for c in columns]

    def rows_under(parent: QModelIndex, depth: int) -> list:
        out = []
        for r in range(model.rowCount(parent)):
            if isinstance(view, QTableView) and view.isRowHidden(r):
                continue
            if not isinstance(view, QTableView) and hasattr(view, "isRowHidden"):
                hidden = view.isRowHidden(r, parent) if isinstance(view, QTreeView) else \
                    view.isRowHidden(r)  # fmt: skip
                if hidden:
                    continue
            cells = [_text(model.index(r, c, parent).data(display)) for c in columns]
            out.append(cells if depth == 0 else {"depth": depth, "cells": cells})
            first = model.index(r, 0, parent)
            if isinstance(view, QTreeView) and model.hasChildren(first):
                out += rows_under(first, depth + 1)
        return out

    return {"headers": headers, "rows": rows_under(QModelIndex(), 0)}


def _text(value) -> str | None:
    return None if value is None else str(value)


def _chart(view) -> dict:
    chart = view.chart()
    series = []
    for s in chart.series():
        entry: dict = {"name": s.name()}
        if hasattr(s, "barSets"):
            entry["bar_sets"] = [{"label": b.label(), "values": [b.at(i) for i in range(b.count())]}
                                 for b in s.barSets()]  # fmt: skip
        series.append(entry)
    axes = []
    for a in chart.axes():
        entry = {"title": a.titleText()}
        if hasattr(a, "categories"):
            entry["categories"] = list(a.categories())
        if hasattr(a, "min") and not hasattr(a, "categories"):
            entry["range"] = [a.min(), a.max()]
        axes.append(entry)
    return {"title": chart.title(), "series": series, "axes": axes}


def _page(page) -> list[dict]:
    """What a page shows, in reading order (top to bottom, left to right)."""
    from PySide6.QtCharts import QChartView
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QHeaderView,
        QLabel,
        QLineEdit,
        QTextEdit,
    )

    items: list[tuple[tuple[int, int], dict]] = []

    def shown(w) -> bool:
        return w.isVisible()

    inside_combo = set()
    for combo in page.findChildren(QComboBox):
        inside_combo |= {id(v) for v in combo.findChildren(QAbstractItemView)}
    for view in page.findChildren(QAbstractItemView):
        if shown(view) and id(view) not in inside_combo and not isinstance(view, QHeaderView):
            items.append((_pos(view, page), {"view": _view_rows(view)}))
    for label in page.findChildren(QLabel):
        if shown(label) and label.text():
            items.append((_pos(label, page), {"label": label.text()}))
    for button in page.findChildren(QAbstractButton):
        if shown(button) and button.text():
            entry = {"button": button.text(), "enabled": button.isEnabled()}
            if button.isCheckable():
                entry["checked"] = button.isChecked()
            items.append((_pos(button, page), entry))
    for combo in page.findChildren(QComboBox):
        if shown(combo):
            choices = [combo.itemText(i) for i in range(combo.count())]
            items.append((_pos(combo, page), {"choice": combo.currentText(), "choices": choices}))
    for edit in page.findChildren(QLineEdit):
        if shown(edit) and not isinstance(edit.parent(), QAbstractSpinBox | QComboBox):
            items.append((_pos(edit, page), {"field": edit.text(),
                                             "placeholder": edit.placeholderText()}))  # fmt: skip
    for spin in page.findChildren(QAbstractSpinBox):
        if shown(spin):
            items.append((_pos(spin, page), {"field": spin.text()}))
    for box in page.findChildren(QTextEdit):
        if shown(box):
            items.append((_pos(box, page), {"text": box.toPlainText(),
                                            "placeholder": box.placeholderText()}))  # fmt: skip
    for view in page.findChildren(QChartView):
        if shown(view):
            items.append((_pos(view, page), {"chart": _chart(view)}))
    items.sort(key=lambda i: i[0])
    return [entry for _pos_, entry in items]


def _ages_in_views(found: list[dict], norm: Normaliser) -> None:
    """Tables with an age column: open claims' ages count to the wall clock."""
    for entry in found:
        view = entry.get("view")
        if not view or not view["headers"] or "Age (days)" not in view["headers"]:
            continue
        age = view["headers"].index("Age (days)")
        state = view["headers"].index("State") if "State" in view["headers"] else None
        for row in view["rows"]:
            if state is None or row[state] == "open":
                row[age] = norm.age(row[age])


def _normalised(obj, norm: Normaliser):
    if isinstance(obj, str):
        return norm(obj)
    if isinstance(obj, list):
        return [_normalised(v, norm) for v in obj]
    if isinstance(obj, dict):
        return {k: _normalised(v, norm) for k, v in obj.items()}
    return obj


def _dump(obj) -> str:
    return json.dumps(obj, indent=1, ensure_ascii=False) + "\n"


def capture_window(env: Env) -> dict[str, str]:
    """The main window on a copy of the demo, as the clerk sees it: golden name → text."""
    from PySide6.QtCore import QLocale

    config, locale = os.environ.get("XDG_CONFIG_HOME"), QLocale()
    os.environ["XDG_CONFIG_HOME"] = str(env.root / "config")  # preferences, recent files
    QLocale.setDefault(QLocale("en_US"))
    try:
        return _capture_window(env)
    finally:
        QLocale.setDefault(locale)
        if config is None:
            os.environ.pop("XDG_CONFIG_HOME", None)
        else:
            os.environ["XDG_CONFIG_HOME"] = config


def _capture_window(env: Env) -> dict[str, str]:
    from PySide6.QtCore import QItemSelectionModel, QModelIndex
    from PySide6.QtWidgets import QAbstractItemView, QApplication, QTabWidget, QTextEdit

    app = QApplication.instance() or QApplication([])
    from desktop.main_window import MainWindow

    window = MainWindow(env.copy("gui"), DEMO_TODAY)
    window.show()
    out: dict[str, str] = {}
    try:
        tabs = max((t for t in window.findChildren(QTabWidget) if t.isVisible()),
                   key=lambda t: t.width() * t.height())  # fmt: skip
        titles = [tabs.tabText(i) for i in range(tabs.count())]

        def status() -> str:
            return window.statusBar().currentMessage()

        def views_of(title: str) -> list:
            page = tabs.widget(titles.index(title))
            return [v for v in page.findChildren(QAbstractItemView) if v.model() is not None]

        _wait(lambda: status() and status() != "Loading…")
        if "Customers" in titles:  # the split by customer comes last
            _wait(lambda: any(v.model().rowCount(QModelIndex()) > 0 for v in views_of("Customers")))
        first_status = status()

        def everything() -> list:
            found = []
            for i, title in enumerate(titles):
                tabs.setCurrentIndex(i)
                app.processEvents()
                page = tabs.widget(i)
                found.append({"tab": title, "status_bar": status(), "shows": _page(page)})
            tabs.setCurrentIndex(0)
            app.processEvents()
            return found

        before = everything()
        while True:  # until two looks, half a second apart, agree
            from PySide6.QtTest import QTest

            QTest.qWait(500)
            now = everything()
            if now == before:
                break
            before = now
        menus = []
        for action in window.menuBar().actions():
            menu = action.menu()
            entries = []
            for a in menu.actions() if menu else ():
                if a.isSeparator():
                    continue
                entry = {"text": a.text(), "shortcut": a.shortcut().toString(),
                         "enabled": a.isEnabled()}  # fmt: skip
                if a.menu():  # its entries (recent files, languages) and state left out:
                    entry = {"text": a.text(), "submenu": True}  # they follow the settings
                entries.append(entry)
            menus.append({"menu": action.text(), "actions": entries})
        out["gui/window"] = _dump(_normalised({
            "title": window.windowTitle(), "status_bar": first_status, "tabs": titles,
            "current_tab": titles[0], "menus": menus}, env.norm))  # fmt: skip
        for n, tab in enumerate(before, start=1):
            _ages_in_views(tab["shows"], env.norm)
            out[f"gui/tab-{n:02d}-{_slug(tab['tab'].lower())}"] = _dump(_normalised(tab, env.norm))

        # the invoice detail: each row of the Invoices list selected in turn
        details = []
        if "Invoices" in titles:
            tabs.setCurrentIndex(titles.index("Invoices"))
            app.processEvents()
            page = tabs.currentWidget()
            views = [v for v in page.findChildren(QAbstractItemView) if v.isVisible()]
            view = max(views, key=lambda v: v.model().rowCount(QModelIndex()) if v.model() else -1)
            boxes = [b for b in page.findChildren(QTextEdit) if b.isVisible()]
            model = view.model()
            flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                     | QItemSelectionModel.SelectionFlag.Rows)  # fmt: skip
            for r in range(model.rowCount(QModelIndex())):
                number = str(model.index(r, 0).data())
                view.selectionModel().select(model.index(r, 0), flags)
                _wait(lambda n=number: any(b.toPlainText().startswith(n + " ") for b in boxes))
                details.append({"row": r, "first_cell": number, "status_bar": status(),
                                "detail": [b.toPlainText() for b in boxes]})  # fmt: skip
        out["gui/invoice-detail"] = _dump(_normalised(details, env.norm))
        out["gui/charges-explained"] = _dump(_normalised(_charges(tabs, titles), env.norm))
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
    return out


def _settled(look: Callable[[], object], before: object, timeout: float = 15.0) -> object:
    """What ``look`` sees once it changed from ``before`` (or did not, in ``timeout``) and
    two looks a fifth of a second apart agree."""
    from PySide6.QtTest import QTest

    deadline = time.monotonic() + timeout
    now = look()
    while now == before and time.monotonic() < deadline:
        QTest.qWait(50)
        now = look()
    while True:
        QTest.qWait(200)
        again = look()
        if again == now:
            return now
        now = again


def _charges(tabs, titles: list[str]) -> list[dict]:
    """The Charges explained tab: each customer of its list chosen in turn, then "Check
    every line" clicked and each flagged line selected."""
    from PySide6.QtCore import QItemSelectionModel, QModelIndex
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QHeaderView

    if "Charges explained" not in titles:
        return []
    tabs.setCurrentIndex(titles.index("Charges explained"))
    page = tabs.currentWidget()
    views = sorted((v for v in page.findChildren(QAbstractItemView)
                    if v.isVisible() and v.model() is not None
                    and not isinstance(v, QHeaderView)),
                   key=lambda v: tuple(reversed(_pos(v, page))))  # fmt: skip
    chooser, found = views[0], []  # the list on the left
    model = chooser.model()
    for r in range(model.rowCount(QModelIndex())):
        before = _page(page)
        chooser.setCurrentIndex(model.index(r, 0))
        found.append({"chosen": model.index(r, 0).data(),
                      "shows": _settled(lambda: _page(page), before)})  # fmt: skip
    button = next(b for b in page.findChildren(QAbstractButton)
                  if b.isVisible() and b.text() == "Check every line")  # fmt: skip
    before = _page(page)
    button.click()
    found.append({"clicked": button.text(), "shows": _settled(lambda: _page(page), before)})
    table = views[-1]  # the lines, right of the list
    model = table.model()
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    for r in range(model.rowCount(QModelIndex())):
        before = _page(page)
        table.selectionModel().select(model.index(r, 0), flags)
        found.append({"selected": model.index(r, 0).data(),
                      "shows": _settled(lambda: _page(page), before)})  # fmt: skip
    return found


def gui_cases() -> list[Case]:
    names = {"gui/window", "gui/invoice-detail", "gui/charges-explained"}
    names |= {f"gui/{p.stem}" for p in (GOLDEN / "gui").glob("tab-*.json")}
    return [Case(n, lambda env, n=n: env.gui().get(n, "(not shown)\n"), ".json")
            for n in sorted(names)]  # fmt: skip


# ------------------------------------------------------------------ comparing


def _fit(text: str) -> str:
    if len(text) <= MAX_CHARS:
        return text
    digest = hashlib.sha256(text.encode()).hexdigest()
    return f"sha256 {digest}, {len(text)} characters (over {MAX_CHARS}: only the digest is kept)\n"


def check(case: Case, env: Env) -> None:
    path = GOLDEN / f"{case.name}{case.ext}"
    actual = _fit(case.make(env))
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"no golden file {path.relative_to(HERE)}: generate it (see the docstring)")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(
            expected.splitlines(keepends=True), actual.splitlines(keepends=True),
            f"golden/{case.name}{case.ext}", "now", n=2))  # fmt: skip
        pytest.fail(f"output differs from golden/{case.name}{case.ext}:\n{diff}", pytrace=False)


@pytest.fixture(scope="session")
def golden_env():
    root = Path(tempfile.mkdtemp(prefix="csp-golden-"))
    try:
        yield Env(root)
    finally:
        shutil.rmtree(root, ignore_errors=True)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_output(case: Case, golden_env: Env) -> None:
    check(case, golden_env)


@pytest.mark.parametrize("case", gui_cases(), ids=lambda c: c.name)
def test_window(case: Case, golden_env: Env, qapp) -> None:
    check(case, golden_env)
    if UPDATE and case.name == "gui/window":  # every tab's file, also of tabs new since
        for name, text in golden_env.gui().items():
            (GOLDEN / f"{name}.json").write_text(_fit(text), encoding="utf-8")


# ------------------------------------------------------------------ regenerating


def update_all() -> None:
    """Write every golden file afresh (stale ones removed)."""
    import core

    print(f"generating from {Path(core.__file__).parent.parent}", file=sys.stderr)
    root = Path(tempfile.mkdtemp(prefix="csp-golden-"))
    env = Env(root)
    try:
        written = {}
        for case in CASES:
            written[f"{case.name}{case.ext}"] = _fit(case.make(env))
        written |= {f"{n}.json": _fit(t) for n, t in env.gui().items()}
    finally:
        shutil.rmtree(root, ignore_errors=True)
    for sub in ("cli", "help", "import", "gui"):
        for old in (GOLDEN / sub).glob("*"):
            if f"{sub}/{old.name}" not in written:
                old.unlink()
    for name, text in written.items():
        path = GOLDEN / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    print(f"{len(written)} golden files written under {GOLDEN}", file=sys.stderr)


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit(f"usage: python -m tests.test_golden --update\n\n{__doc__}")
    update_all()
