"""The workspace store: migrations, the single-writer lock, all-or-nothing imports, undo."""

import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from conftest import invoice
from core.allocation import AllocationRefused
from core.store.schema import metadata
from core.workspace import ImportCancelled, NothingToUndo, Workspace, WorkspaceBusy


def test_migrations_build_exactly_the_declared_schema(ws):
    with ws.store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_money_is_stored_as_exact_decimal_text(ws, write_invoices):
    ws.imports.import_file(write_invoices([invoice("G000000001", "2026-01-05", "0.30")]))
    with ws.store.engine.connect() as conn:
        stored = conn.execute(text("SELECT total FROM documents")).scalar()
        if ws.store.engine.dialect.name == "sqlite":
            assert conn.execute(text("SELECT typeof(total) FROM documents")).scalar() == "text"
    assert stored == "0.30"  # the exact text, not a float


def test_a_second_process_gets_a_read_only_view(ws, ws_path, write_invoices):
    if not isinstance(ws_path, Path):
        pytest.skip("a file lock: on a server the database handles concurrent clerks")
    ws.imports.import_file(write_invoices([invoice("G000000001", "2026-01-05", "100.00")]))
    other = subprocess.run(
        [sys.executable, "-m", "core.cli", "--db", str(ws_path), "import", str(ws_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert other.returncode == 2
    assert "open in another CSP Reconciler process" in other.stderr
    reader = subprocess.run(
        [sys.executable, "-m", "core.cli", "--db", str(ws_path), "balance", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert reader.returncode == 0, reader.stderr
    assert '"amount_due": "100.00"' in reader.stdout


def test_a_read_only_workspace_refuses_changes_clearly(ws_path, write_invoices):
    with Workspace(ws_path) as w:
        w.imports.import_file(write_invoices([invoice("G000000001", "2026-01-05", "100.00")]))
    with Workspace(ws_path, readonly=True) as ro:
        assert len(ro.books.documents()) == 1
        with pytest.raises(WorkspaceBusy, match="opened read-only"):
            ro.allocations.allocate("P1", [("G000000001", "1")])


def test_a_failure_half_way_through_an_import_stores_nothing(ws, write_invoices):
    items = [
        invoice("G000000001", "2026-01-05", "100.00"),
        invoice("G000000001", "2026-01-06", "100.00"),
    ]  # the same number twice
    with pytest.raises(Exception, match="1 error"):
        ws.imports.import_file(write_invoices(items))
    assert ws.books.documents() == [] and ws.journal.log() == []
    with ws.store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM imports")).scalar() == 0


def test_a_cancelled_import_stores_nothing(ws, write_invoices):
    items = [invoice(f"G{n:09d}", "2026-01-05", "1.00") for n in range(1200)]
    calls = []
    with pytest.raises(ImportCancelled):
        ws.imports.import_file(
            write_invoices(items),
            progress=lambda d, t: calls.append((d, t)),
            cancelled=lambda: True,
        )
    assert ws.books.documents() == []
    assert calls[0] == (0, 1200)


def test_undo_an_import_and_import_again(ws, write_invoices, write_recon):
    first = ws.imports.import_file(
        write_invoices([invoice("G000000001", "2026-01-05", "100.00")])
    ).result
    ws.imports.import_file(write_recon([("G000000001", "A", "100.00")]))
    assert ws.journal.undo().lines[0].startswith("undid #")  # the lines
    assert ws.books.lines("G000000001") == []
    assert ws.journal.undo().lines[0].startswith("undid #")  # the invoice list
    assert ws.books.documents() == []
    with pytest.raises(NothingToUndo):
        ws.journal.undo()
    again = ws.imports.import_file(
        write_invoices([invoice("G000000001", "2026-01-05", "100.00")])
    ).result
    assert again.created["documents"] == 1 and again.import_id != first.import_id


def test_an_import_whose_records_are_allocated_cannot_be_undone(ws, write_invoices, write_text):
    ws.imports.import_file(write_invoices([invoice("G000000001", "2026-01-05", "100.00")]))
    ws.imports.import_file(
        write_text("p.csv", "Date,Amount,Currency,Reference\n2026-02-01,50,EUR,x\n")
    )
    ws.allocations.allocate("P1", [("G000000001", Decimal("50.00"))])
    imports = [e["id"] for e in ws.journal.log() if e["action"] == "import"]
    with pytest.raises(AllocationRefused, match="unallocate them first"):
        ws.journal.undo(imports[0])
    assert len(ws.books.documents()) == 1


def test_header_update_is_undone_back_to_the_lines_only_invoice(ws, write_invoices, write_recon):
    ws.imports.import_file(write_recon([("G000000001", "A", "80.00")]))
    ws.imports.import_file(write_invoices([invoice("G000000001", "2026-01-05", "80.00")]))
    assert ws.books.ledger().invoices["G000000001"].document.date is not None
    ws.journal.undo()
    doc = ws.books.ledger().invoices["G000000001"].document
    assert (doc.date, doc.total) == (None, Decimal("80.00"))


def test_the_audit_log_is_append_only_in_the_database(ws, write_invoices):
    ws.imports.import_file(write_invoices([invoice("G000000001", "2026-01-05", "100.00")]))
    from sqlalchemy.exc import DBAPIError  # IntegrityError in SQLite, a raised error in PG

    for statement in ("UPDATE audit SET summary = 'x'", "DELETE FROM audit"):
        with pytest.raises(DBAPIError, match="append-only"), ws.store.engine.begin() as conn:
            conn.execute(text(statement))
    assert [e["action"] for e in ws.journal.log()] == ["import"]


def test_settings_changes_are_logged_and_undone(ws):
    ws.settings.set("term_days", "45")
    ws.settings.set("term_days", "30")
    assert ws.books.term_days == 30
    ws.journal.undo()
    assert ws.books.term_days == 45
    ws.journal.undo()
    assert ws.books.term_days == 60


def test_undo_then_redo_allocations_and_settings(ws, write_invoices, write_text):
    ws.imports.import_file(write_invoices([invoice("G000000001", "2026-01-05", "100.00")]))
    ws.imports.import_file(
        write_text("p.csv", "Date,Amount,Currency,Reference\n2026-02-01,60,EUR,x\n")
    )
    ws.allocations.allocate("P1", [("G000000001", Decimal("60.00"))])
    assert ws.books.ledger().invoices["G000000001"].open == Decimal("40.00")
    ws.journal.undo()
    assert ws.books.ledger().invoices["G000000001"].open == Decimal("100.00")
    assert ws.journal.redo().lines[0].startswith("redid #")
    assert ws.books.ledger().invoices["G000000001"].open == Decimal("40.00")
    ws.journal.undo()  # undo works again after a redo
    assert ws.books.ledger().invoices["G000000001"].open == Decimal("100.00")
    ws.settings.set("term_days", "30")  # a new change: the redo chain is gone
    with pytest.raises(NothingToUndo, match="nothing to redo"):
        ws.journal.redo()
    ws.journal.undo()
    ws.journal.redo()
    assert ws.books.term_days == 30


def test_a_large_import_reads_its_settings_inside_its_own_transaction(tmp_path):
    """A big import makes SQLite spill its cache and lock the file exclusively; reading the
    payment term on another connection (to re-apply credit notes at the end of the import)
    would then wait for the import itself and fail."""
    from sqlalchemy import event

    from core.demo import write_demo

    ws = Workspace(write_demo(tmp_path / "demo"))  # has a credit note applied automatically
    ws.store.engine.dispose()
    pragmas = ("PRAGMA cache_size=5", "PRAGMA busy_timeout=1000")
    event.listen(
        ws.store.engine, "connect", lambda dbapi, _rec: [dbapi.execute(p) for p in pragmas]
    )
    before = len(ws.books.payments())
    path = tmp_path / "releve.csv"
    rows = "".join(f"{1 + n % 28:02d}/10/2026;{n},00;EUR;VIR {n:05d}\n" for n in range(1, 3001))
    path.write_text("Date;Montant;Devise;Libellé\n" + rows, encoding="utf-8")
    summary = ws.imports.import_file(path).result
    assert summary.created["payments"] == 3000
    assert len(ws.books.payments()) == before + 3000
    ws.close()


def test_a_workspace_in_awkward_folder_names_opens_read_only(tmp_path, write_invoices):
    folder = tmp_path / "Compta #2 (100% à jour) ?"
    folder.mkdir()
    path = folder / "espace de travail.db"
    with Workspace(path) as ws:
        ws.imports.import_file(write_invoices([invoice("G000000001", "2026-01-05", "10.00")]))
    with Workspace(path, readonly=True) as ro:
        assert [d.number for d in ro.books.documents()] == ["G000000001"]


def test_two_clerks_allocating_the_same_payment_at_once_never_over_allocate(
    ws, ws_path, write_invoices, write_text, monkeypatch
):
    """Both clerks start their change at the same moment and both want the 100.00 left on
    P1: one gets it; the other reads what is there once the first has committed and is
    refused with the usual message (never 200.00 allocated from a 100.00 payment)."""
    import threading

    from core import allocation as rules

    two = [invoice("G000000001", "2026-01-05", "100.00"),
           invoice("G000000002", "2026-01-05", "100.00")]  # fmt: skip
    ws.imports.import_file(write_invoices(two))
    ws.imports.import_file(
        write_text("p.csv", "Date;Montant;Devise;Libellé\n10/03/2026;100,00;EUR;X\n")
    )
    if isinstance(ws_path, Path):
        pytest.skip("one writer per file: the second clerk gets a read-only view (tested above)")
    both_started = threading.Barrier(2, timeout=10)
    from core.store.session import Store

    lock_rows = Store.lock_rows
    waited: set[int] = set()

    def start_together(conn, sources, numbers):
        if threading.get_ident() not in waited:  # both are inside their transaction
            waited.add(threading.get_ident())
            both_started.wait()
        return lock_rows(conn, sources, numbers)

    monkeypatch.setattr(Store, "lock_rows", staticmethod(start_together))
    results: dict[str, object] = {}

    def clerk(invoice_number: str) -> None:
        with Workspace(ws_path) as mine:
            try:
                results[invoice_number] = mine.allocations.allocate(
                    "P1", [(invoice_number, "100.00")]
                ).result
            except Exception as exc:  # noqa: BLE001 - the test looks at what happened
                results[invoice_number] = exc

    threads = [threading.Thread(target=clerk, args=(n,)) for n in ("G000000001", "G000000002")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    refused = [r for r in results.values() if isinstance(r, rules.AllocationRefused)]
    done = [r for r in results.values() if isinstance(r, list)]
    assert len(done) == 1 and len(refused) == 1, results
    assert "available" in str(refused[0]) or "left" in str(refused[0])
    payment = next(p for p in ws.books.ledger().payments.values() if p.id == "P1")
    assert payment.applied == Decimal("100.00")  # not 200.00


def test_migrate_workspace_copies_every_table_and_keeps_working(ws_path, tmp_path, capsys):
    """SQLite file → (the parametrised target: another file, or PostgreSQL) → SQLite file:
    every table's checksum matches, balances agree, and the copy takes new changes."""
    import json

    from core.cli import main
    from core.demo import write_demo

    demo = write_demo(tmp_path / "demo")
    assert main(["migrate-workspace", str(demo), str(ws_path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["same"] and {t["table"] for t in report["tables"]} >= {
        "documents", "payments", "allocations", "audit", "line_blocks"}  # fmt: skip
    back = tmp_path / "back.db"
    assert main(["migrate-workspace", str(ws_path), str(back)]) == 0
    assert "every checksum matches" in capsys.readouterr().out
    balances = []
    for where in (demo, ws_path, back):
        assert main(["--db", str(where), "balance", "--as-of", "2026-11-23", "--json"]) == 0
        balances.append(json.loads(capsys.readouterr().out))
    assert balances[0] == balances[1] == balances[2]
    assert main(["--db", str(ws_path), "allocate", "P5", "G000100013=100.00"]) == 0
    capsys.readouterr()
    # a copy refuses to land on a workspace that holds data
    assert main(["migrate-workspace", str(demo), str(ws_path)]) == 2
    assert "already holds data" in capsys.readouterr().err


def test_two_clerks_importing_the_same_file_at_once_store_it_once(ws, ws_path, write_invoices):
    import threading

    if isinstance(ws_path, Path):
        pytest.skip("one writer per file: the second clerk gets a read-only view")
    src = write_invoices([invoice("G000000001", "2026-01-05", "100.00")])
    both_read = threading.Barrier(2, timeout=10)
    summaries, errors = [], []

    def ready(done: int, total: int) -> None:
        if done == 0:
            both_read.wait()  # both have read the file and found it new; now both write

    def clerk() -> None:
        try:
            with Workspace(ws_path) as mine:
                summaries.append(mine.imports.import_file(src, progress=ready).result)
        except Exception as exc:  # noqa: BLE001 - the test looks at what happened
            errors.append(exc)

    threads = [threading.Thread(target=clerk) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []
    assert sorted(s.already_imported for s in summaries) == [False, True]
    assert [d.number for d in ws.books.documents()] == ["G000000001"]
    assert [e["action"] for e in ws.journal.log()] == ["import"]


def test_an_allocation_reads_just_the_part_of_the_ledger_it_depends_on(tmp_path):
    """The focused read an allocation checks against gives every source and invoice it
    reaches exactly the state the whole ledger gives them (void/rebill chains, credit notes,
    partly paid invoices of the demo)."""
    from core.demo import write_demo

    with Workspace(write_demo(tmp_path / "demo", today=date(2026, 11, 23))) as w:
        whole = w.books.ledger()
        automatic = {whole.credits[n].currency for n in w.books.facts().automatic
                     if n in whole.credits}  # fmt: skip
        sources = [*whole.payments.values(), *whole.credits.values()]
        assert len(sources) >= 7
        some_invoice = next(iter(whole.invoices))
        with w.store.engine.connect() as conn:
            for src in sources:
                aimed = [a.allocation.invoice_number for a in src.allocations] + [some_invoice]
                part = w.allocations._facts_around(conn, src.id, aimed).base()
                mine = part.source(src.kind, src.id)
                assert (mine.amount, mine.applied) == (src.amount, src.applied), src.id
                for number, inv in part.invoices.items():
                    full = whole.invoices[number]
                    assert (inv.status, inv.applied, inv.open) == (
                        full.status, full.applied, full.open), number  # fmt: skip
                if src.currency not in automatic:  # else every fact is read (see _facts_around)
                    assert len(part.invoices) < len(whole.invoices)


def test_an_upgrade_that_fails_changes_nothing_and_says_so_plainly(tmp_path, capsys):
    """A file whose schema is not what its revision says (an upgrade cut short by an older
    program, a hand edit): one plain line, exit 2, the file as it was."""
    import sqlite3

    from core.cli import main

    db = tmp_path / "w.db"
    assert main(["--db", str(db), "set", "term_days", "45"]) == 0
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0005'")
    capsys.readouterr()
    assert main(["--db", str(db), "set", "term_days", "30"]) == 2
    assert capsys.readouterr().err == (
        f"csp-recon: {db}: bringing it up to this version failed at schema revision 0005 (it "
        "does not hold what that revision should); nothing was changed: restore it from a "
        "backup (csp-recon backups) or open it with the version that made it\n"
    )
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0005",)
        assert conn.execute("SELECT value FROM settings WHERE key = 'term_days'").fetchone() == (
            "45",
        )
