"""Trust under faults: a process killed in the middle of a change, a full disk, a read-only
folder or file, a damaged file, a newer program's file.

The fault injection (:func:`test_killed_commands_lose_nothing`) kills ``csp-recon import``,
``allocate`` and ``undo`` at seeded random points of their run, many times, and after each
kill asserts that the workspace reads, passes SQLite's integrity check and holds either all
of the killed command's change or none of it, with everything committed before still there.
Its tally is printed in pytest's terminal summary (with or without ``-s``).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.cli import main
from core.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
SEED = int(os.environ.get("CSP_FAULT_SEED", "20261128"))
RUNS = int(os.environ.get("CSP_FAULT_RUNS", "24"))
SQL_WORDS = ("SELECT", "INSERT", "UPDATE", "PRAGMA", "[SQL", "sqlite3.", "Traceback")


# ------------------------------------------------------------------ helpers


def cli(db: Path, *args: object, capsys=None) -> tuple[int, str, str]:
    code = main(["--db", str(db), *map(str, args)])
    if capsys is None:
        return code, "", ""
    out = capsys.readouterr()
    return code, out.out, out.err


def plain(err: str) -> None:
    """One plain line: no SQL, no traceback."""
    assert len(err.strip().splitlines()) == 1, err
    assert not any(word in err for word in SQL_WORDS), err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def integrity(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


def invoices_file(path: Path, count: int, start: int = 0) -> Path:
    items = [{"id": f"G9{i:08d}", "invoiceDate": "2026-09-01T06:00:00Z",
              "billingPeriodStartDate": "2026-08-01T00:00:00Z",
              "billingPeriodEndDate": "2026-08-31T00:00:00Z", "totalCharges": 100.0 + i,
              "paidAmount": 0, "currencyCode": "EUR", "documentType": "invoice",
              "invoiceType": "Recurring", "attributes": {"objectType": "Invoice"}}
             for i in range(start, start + count)]  # fmt: skip
    path.write_text(json.dumps({"totalCount": count, "items": items}), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    """The demo workspace, written once (copy it before changing it)."""
    folder = tmp_path_factory.mktemp("demo")
    assert main(["demo", str(folder)]) == 0
    return folder / "workspace.db"


def copy_of(db: Path, folder: Path, name: str = "w.db") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    shutil.copy2(db, target)
    return target


def child(db: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CSP_RECON_BACKUP_KEEP": "3"}
    return subprocess.Popen([sys.executable, "-m", "core.cli", "--db", str(db), *args],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            cwd=ROOT)  # fmt: skip


# What a workspace holds, for "nothing lost": every table's rows but the audit's time stamps.
STATE = {
    "documents": "SELECT number, document_type, total FROM documents ORDER BY number",
    "payments": "SELECT id, amount, currency FROM payments ORDER BY id",
    "allocations": "SELECT id, source_id, invoice_number, amount, method, removed_audit_id "
    "FROM allocations ORDER BY id",
    "audit": "SELECT id, action, summary, undo_of FROM audit ORDER BY id",
    "imports": "SELECT count(*) FROM imports",
}


def state(db: Path) -> dict:
    """Read through the program first (a read must work after any kill), then the rows."""
    with Workspace(db, readonly=True) as ws:
        ws.books.ledger()
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {name: conn.execute(sql).fetchall() for name, sql in STATE.items()}
    finally:
        conn.close()


# ------------------------------------------------------------------ killed at random points


COMMANDS = {
    "import": lambda extra: ["import", str(extra)],
    "allocate": lambda extra: ["allocate", "P5", "G000100002=100.00"],
    "undo": lambda extra: ["undo"],
}


def test_killed_commands_lose_nothing(demo: Path, tmp_path: Path, pytestconfig) -> None:
    extra = invoices_file(tmp_path / "more-invoices.json", 3000)
    rng = random.Random(SEED)
    plans = {}
    for name, args in COMMANDS.items():  # the state before, and after a whole run; its time
        db = copy_of(demo, tmp_path / f"reference-{name}")
        before = state(db)
        started = time.monotonic()
        proc = child(db, *args(extra))
        assert proc.wait(60) == 0, proc.stderr.read().decode() if proc.stderr else ""
        plans[name] = (before, state(db), time.monotonic() - started)
        assert plans[name][0] != plans[name][1], f"{name} changed nothing"
    tally = {"runs": 0, "mid-write": 0, "wholly in": 0, "wholly out": 0}
    names = list(COMMANDS)
    for run in range(RUNS):
        name = names[run % len(names)]
        before, after, seconds = plans[name]
        db = copy_of(demo, tmp_path / f"run-{run}")
        proc = child(db, *COMMANDS[name](extra))
        if run % 2:  # anywhere in its run (most of it is the interpreter starting)
            time.sleep(rng.uniform(0.3, 1.0) * seconds)
        else:  # in a write: once its journal is there, a little later
            _wait_for_journal(db, proc, seconds * 3)
            time.sleep(rng.uniform(0, 0.004))
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        if Path(f"{db}-journal").exists():
            tally["mid-write"] += 1
        found = state(db)  # reads, killed or not
        assert integrity(db) == ["ok"], f"run {run} ({name})"
        assert found in (before, after), f"run {run} ({name}): a change half in, or lost"
        tally["wholly in" if found == after else "wholly out"] += 1
        tally["runs"] += 1
        for table in ("documents", "payments", "allocations", "audit"):
            assert set(before[table]) <= set(found[table]) or name == "undo", table
    assert tally["runs"] == RUNS
    said = (f"fault injection (seed {SEED}): {tally['runs']} commands killed at random points "
            f"({tally['mid-write']} in the middle of a write): {tally['wholly in']} wholly in, "
            f"{tally['wholly out']} wholly out, nothing committed lost, every file passes "
            "the integrity check")  # fmt: skip
    print(said)
    _summary(pytestconfig, said)


def _wait_for_journal(db: Path, proc: subprocess.Popen, limit: float) -> None:
    journal, end = Path(f"{db}-journal"), time.monotonic() + limit
    while time.monotonic() < end and proc.poll() is None and not journal.exists():
        time.sleep(0.0005)


def _summary(config, line: str) -> None:
    """Say ``line`` in pytest's terminal summary, shown whether or not output is captured."""

    class Summary:
        def pytest_terminal_summary(self, terminalreporter) -> None:
            terminalreporter.write_line(line)

    config.pluginmanager.register(Summary(), f"fault-summary-{id(line)}")


# ------------------------------------------------------------------ a change cut short


def test_read_after_a_killed_write(demo: Path, tmp_path: Path, capsys) -> None:
    """A hot journal left by a killed write: reads work (they failed with 'attempt to write a
    readonly database'), and the cut change is undone."""
    db = copy_of(demo, tmp_path)
    before = state(db)
    script = (
        "import os, signal, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1])\n"
        "c.execute('BEGIN IMMEDIATE')\n"
        "c.execute('DELETE FROM allocations')\n"
        "c.execute('CREATE TABLE junk(x)')\n"
        "c.executemany('INSERT INTO junk VALUES (?)', [('x' * 1000,)] * 5000)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script, str(db)], check=False)
    assert proc.returncode == -signal.SIGKILL
    assert Path(f"{db}-journal").stat().st_size > 0  # hot: a change cut short
    code, out, err = cli(db, "balance", capsys=capsys)
    assert (code, err) == (0, ""), err
    assert "EUR" in out
    assert state(db) == before
    assert integrity(db) == ["ok"]


# ------------------------------------------------------------------ full disk, read-only


def test_disk_full_by_page_limit(demo: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    """The database may not grow (SQLite's max_page_count, as a full disk would say): exit 2,
    one plain line naming the file, nothing changed."""
    from core.store import database

    db = copy_of(demo, tmp_path / "ws")
    more = invoices_file(tmp_path / "more.json", 3000)
    pragmas = database._sqlite_pragmas

    def capped(engine) -> None:
        pragmas(engine)

        @database.event.listens_for(engine, "connect")
        def cap(dbapi_conn, _record) -> None:
            pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
            dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 2}")

    monkeypatch.setattr(database, "_sqlite_pragmas", capped)
    before = digest(db)
    code, _out, err = cli(db, "import", more, capsys=capsys)
    assert code == 2, err
    plain(err)
    assert str(db) in err and "disk is full" in err
    assert digest(db) == before


def _mount(*args: str) -> bool:
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    return subprocess.run(["mount", *args], capture_output=True, check=False).returncode == 0


def _umount(target: Path) -> None:
    subprocess.run(["umount", "-l", str(target)], capture_output=True, check=False)


def test_disk_full_on_a_small_filesystem(demo: Path, tmp_path: Path, capsys) -> None:
    folder = tmp_path / "small"
    folder.mkdir()
    size = demo.stat().st_size + 64 * 1024
    if not _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)):
        pytest.skip("mounting a small filesystem is not permitted here")
    try:
        db = copy_of(demo, folder)
        before = digest(db)
        code, _out, err = cli(db, "import", invoices_file(tmp_path / "m.json", 3000),
                              capsys=capsys)  # fmt: skip
        assert code == 2, err
        plain(err)
        assert "disk is full" in err and str(folder) in err
        assert digest(db) == before
        code, out, err = cli(db, "balance", capsys=capsys)
        assert code == 0 and "EUR" in out, err
    finally:
        _umount(folder)


def _read_only(path: Path) -> bool:
    """Make ``path`` read-only for this process: permissions, or (root ignores them) a
    read-only bind mount."""
    if os.geteuid() != 0:
        path.chmod(0o555 if path.is_dir() else 0o444)
        return True
    return _mount("--bind", str(path), str(path)) and _mount("-o", "remount,ro,bind", str(path))


@pytest.mark.parametrize("what", ["folder", "file"])
def test_read_only(demo: Path, tmp_path: Path, capsys, what: str) -> None:
    folder = tmp_path / "ro"
    db = copy_of(demo, folder)
    target = folder if what == "folder" else db
    if not _read_only(target):
        _umount(target)
        pytest.skip("cannot make a read-only folder or file here")
    try:
        before = digest(db)
        code, _out, err = cli(db, "allocate", "P5", "G000100002=10", capsys=capsys)
        assert code == 2, err
        plain(err)
        assert str(db) in err and "read-only" in err
        assert digest(db) == before
        code, out, err = cli(db, "balance", capsys=capsys)
        assert code == 0 and "EUR" in out, err
    finally:
        if os.geteuid() == 0:
            _umount(target)
        else:
            target.chmod(0o755 if target.is_dir() else 0o644)


# ------------------------------------------------------------------ damage


def damage_indexes(db: Path) -> None:
    """Damage that reads pass: the allocations' two indexes swapped (integrity_check fails)."""
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT name, rootpage FROM sqlite_master WHERE type = 'index' AND "
                        "tbl_name = 'allocations' ORDER BY name").fetchall()  # fmt: skip
    (a, root_a), (b, root_b) = rows[:2]
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = ?", (root_b, a))
    conn.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = ?", (root_a, b))
    conn.commit()
    conn.close()


def damage_pages(db: Path) -> None:
    with db.open("r+b") as f:
        f.seek(4096 * 20 + 100)
        f.write(b"\xff" * 3000)


def test_damaged_file_is_refused_for_writes(demo: Path, tmp_path: Path, capsys) -> None:
    db = copy_of(demo, tmp_path)
    damage_indexes(db)
    before = digest(db)
    for args in (["allocate", "P5", "G000100002=10"], ["import", demo.with_name("paiements.csv")]):
        code, _out, err = cli(db, *args, capsys=capsys)
        assert code == 2, err
        plain(err)
        assert f"{db} is damaged" in err and "csp-recon restore" in err
    assert digest(db) == before


def test_check_workspace(demo: Path, tmp_path: Path, capsys) -> None:
    db = copy_of(demo, tmp_path)
    code, out, err = cli(db, "check-workspace", capsys=capsys)
    assert (code, err) == (0, "")
    assert out == f"{db}: no damage found (SQLite's integrity check passed)\n"
    damage_indexes(db)
    code, out, err = cli(db, "check-workspace", capsys=capsys)
    assert code == 2
    assert out.startswith(f"{db} is damaged (its integrity check found")
    assert "indexes out of step with their tables: ix_allocations" in out
    assert "csp-recon restore BACKUP" in out
    code, out, _err = cli(db, "check-workspace", "--json", capsys=capsys)
    assert json.loads(out)["ok"] is False


def test_damaged_pages_said_plainly(demo: Path, tmp_path: Path, capsys) -> None:
    db = copy_of(demo, tmp_path)
    damage_pages(db)
    for args in (["invoices"], ["allocate", "P5", "G000100002=10"], ["check-workspace"]):
        code, _out, err = cli(db, *args, capsys=capsys)
        assert code == 2, err
        if err:
            plain(err)
            assert "is damaged" in err


def test_not_a_workspace_at_all(tmp_path: Path, capsys) -> None:
    db = tmp_path / "w.db"
    db.write_bytes(b"this is not a database" * 500)
    code, _out, err = cli(db, "balance", capsys=capsys)
    assert code == 2
    plain(err)
    assert f"{db} is damaged" in err


# ------------------------------------------------------------------ a newer program's file


def test_newer_version(demo: Path, tmp_path: Path, capsys) -> None:
    db = copy_of(demo, tmp_path)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE alembic_version SET version_num = 'f999_from_the_future'")
    conn.commit()
    conn.close()
    before = digest(db)
    for args in (["balance"], ["allocate", "P5", "G000100002=10"]):
        code, _out, err = cli(db, *args, capsys=capsys)
        assert code == 2
        plain(err)
        assert f"{db} was made by a newer version of CSP Reconciler" in err
        assert "open it once for writing" not in err
    assert digest(db) == before
