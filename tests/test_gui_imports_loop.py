"""Importing in the window: the payments' explicit references are allocated at once (and
undone with the import); a refused file is an error with its reasons in view."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtWidgets import QMessageBox

from core.demo import write_demo
from core.workspace import Workspace
from desktop.main_window import MainWindow

TODAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def own_settings(gui_settings):
    """The window's settings stay out of the user's (see conftest)."""


@pytest.fixture
def empty(qtbot, tmp_path):
    """A new workspace in the window, and the demo's files to import into it."""
    demo = write_demo(tmp_path / "demo", today=TODAY).parent
    w = MainWindow(tmp_path / "mine.csprecon", TODAY)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.loaded, timeout=20000):
        w.show()
    yield w, demo
    w.close()


def imported(qtbot, window, files: list[Path]) -> None:
    with qtbot.waitSignal(window.loaded, timeout=30000):
        window.import_files(files)


def refused(qtbot, window, files: list[Path]):
    """A refused file changes nothing (the lists are not read again): its report."""
    before = window.__dict__.get("summary_box")
    window.import_files(files)
    qtbot.waitUntil(lambda: window.__dict__.get("summary_box") not in (None, before),
                    timeout=30000)  # fmt: skip
    return window.summary_box


def live_allocations(path: Path) -> list[tuple[str, str, Decimal]]:
    with Workspace(path) as ws:
        return sorted((a.source_id, a.invoice_number, a.amount)
                      for a in ws.books.allocations() if a.id > 0)  # fmt: skip


def test_payments_quoting_invoice_numbers_are_allocated_by_the_import(qtbot, empty, tmp_path):
    window, demo = empty
    imported(qtbot, window, [demo / "invoices.json"])
    imported(qtbot, window, [demo / "paiements.csv"])
    box = window.summary_box
    assert box.text().splitlines() == [
        f"{demo / 'paiements.csv'}: Payments (CSV/XLSX): 6 payments created",
        "4 payments allocated by the invoice number they quote",
    ]
    assert window.last_import_summary.splitlines()[1:] == [
        "  allocated: 4 payment(s) by the invoice number they quote",
        "    P1: 12480.00 EUR to G000100001",
        "    P2: 2000.00 EUR to G000100002",
        "    P3: 8790.00 EUR to G000100005 (quoted G000100003)",
        "    P4: 4200.00 EUR to G000100006",
        "    P4: 1650.75 EUR to G000100007",
    ]
    assert live_allocations(tmp_path / "mine.csprecon") == [
        ("P1", "G000100001", Decimal("12480.00")),
        ("P2", "G000100002", Decimal("2000.00")),
        ("P3", "G000100003", Decimal("8790.00")),
        ("P4", "G000100006", Decimal("4200.00")),
        ("P4", "G000100007", Decimal("1650.75")),
    ]
    # one change: undoing the import takes its payments and their allocations back
    undone = window.ws.journal.undo()  # Edit > Undo (which asks first, for an import)
    assert undone.lines[0].startswith("undid #") and "import" in undone.lines[0]
    assert live_allocations(tmp_path / "mine.csprecon") == []
    with Workspace(tmp_path / "mine.csprecon") as ws:
        assert ws.books.payments() == []


def test_the_command_line_import_allocates_nothing_by_itself(tmp_path):
    """The command line's import is a contract (its JSON, its lines): references are
    allocated by ``auto-allocate``, as before."""
    demo = write_demo(tmp_path / "demo", today=TODAY).parent
    with Workspace(tmp_path / "cli.db") as ws:
        ws.imports.import_file(demo / "invoices.json")
        done = ws.imports.import_file(demo / "paiements.csv")
        assert "reference_allocations" not in done.result.as_dict()
        assert done.lines == (f"{demo / 'paiements.csv'}: Payments (CSV/XLSX): 6 payments created",)
    assert live_allocations(tmp_path / "cli.db") == []


def test_a_refused_file_is_an_error_with_its_reasons_by_the_files_own_columns(
        qtbot, empty, tmp_path):  # fmt: skip
    window, _demo = empty
    bad = tmp_path / "paiements.csv"
    bad.write_text("Date;Montant;Devise;Libellé\n20/11/2026;abc;EUR;G000100013\n"
                   "21/11/2026;12,00;EURO;x\n", encoding="utf-8")  # fmt: skip
    report = refused(qtbot, window, [bad])
    assert report.windowTitle() == "The file was not imported"
    assert report.icon() == QMessageBox.Icon.Critical
    assert report.isVisible() and report.reasons.isVisible()  # nothing hidden under Details
    assert report.reasons.toPlainText().splitlines() == [
        f"{bad}:2: column Montant: expected a number, got 'abc'",
        f"{bad}:3: column Devise: expected a three-letter currency code, got 'EURO'",
        f"{bad}: not imported: nothing from this file was stored",
    ]
    assert report.isSizeGripEnabled()
    report.resize(1000, 600)  # the clerk may enlarge it
    assert report.width() == 1000 and report.height() == 600
    room = report.screen().availableGeometry()
    assert report.maximumWidth() >= room.width()


def test_an_import_report_reopens_at_the_size_it_was_left(qtbot, empty, tmp_path):
    window, _demo = empty
    bad = tmp_path / "bad.csv"
    bad.write_text("Date;Montant;Devise;Libellé\n20/11/2026;abc;EUR;x\n", encoding="utf-8")
    report = refused(qtbot, window, [bad])
    report.resize(700, 420)
    report.reject()
    again = refused(qtbot, window, [bad])
    assert again is not report
    assert (again.width(), again.height()) == (700, 420)


def test_the_command_line_allocates_within_the_import_when_asked(tmp_path, capsys):
    from core.cli import main

    demo = write_demo(tmp_path / "demo", today=TODAY).parent
    db = tmp_path / "cli.db"
    assert main(["--db", str(db), "import", str(demo / "invoices.json")]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "import", "--allocate", str(demo / "paiements.csv")]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{demo / 'paiements.csv'}: Payments (CSV/XLSX): 6 payments created",
        "  allocated: 4 payment(s) by the invoice number they quote",
        "    P1: 12480.00 EUR to G000100001",
        "    P2: 2000.00 EUR to G000100002",
        "    P3: 8790.00 EUR to G000100005 (quoted G000100003)",
        "    P4: 4200.00 EUR to G000100006",
        "    P4: 1650.75 EUR to G000100007",
    ]
    assert len(live_allocations(db)) == 5
    assert main(["--db", str(db), "undo"]) == 0  # the import, and what it allocated
    assert live_allocations(db) == []
