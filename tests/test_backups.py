"""Rolling backups of a workspace file: taken before each import and on the first change of a
day, the newest kept, listed, and put back (a copy of the current file kept first)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from core.cli import main
from core.services import backups as service
from core.store import backups
from core.workspace import Workspace


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    assert main(["demo", str(folder)]) == 0
    return folder / "workspace.db"


@pytest.fixture
def db(demo: Path, tmp_path: Path) -> Path:
    target = tmp_path / "books.db"
    shutil.copy2(demo, target)
    return target


def run(capsys, db: Path, *args: object) -> tuple[int, str, str]:
    code = main(["--db", str(db), *map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err


def allocations(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM allocations").fetchone()[0]
    finally:
        conn.close()


def test_a_new_workspace_has_nothing_to_back_up(tmp_path: Path, capsys) -> None:
    db = tmp_path / "new.db"
    with Workspace(db) as ws:
        ws.settings.set("term_days", "30")
        assert ws.backups.list() == []
    code, out, _err = run(capsys, db, "backups")
    assert code == 0 and out.startswith(f"no backups of {db} yet")


def test_before_an_import_and_once_a_day(db: Path, capsys) -> None:
    code, _out, err = run(capsys, db, "allocate", "P5", "G000100002=10")
    assert code == 0, err
    code, _out, err = run(capsys, db, "allocate", "P5", "G000100002=10")
    assert code == 0, err
    listed = service.listed(db)
    assert [b.reason for b in listed] == ["daily"]  # the first change of the day only
    assert allocations(listed[0].path) == allocations(db) - 2  # the file as it was before
    code, _out, err = run(capsys, db, "import", db.with_name("payments.csv"))
    assert code == 2  # no such file: refused, but the copy was taken before reading it
    code, out, _err = run(capsys, db, "backups", "--json")
    found = json.loads(out)
    assert [b["reason"] for b in found] == ["import", "daily"]
    assert set(found[0]) == {"file", "name", "time", "reason", "why", "size"}
    assert found[0]["size"] == Path(found[0]["file"]).stat().st_size > 0
    with sqlite3.connect(found[0]["file"]) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_rotation_keeps_the_newest(db: Path, monkeypatch) -> None:
    monkeypatch.setenv("CSP_RECON_BACKUP_KEEP", "3")
    with Workspace(db) as ws:
        taken = [ws.backups.take("manual") for _ in range(5)]
        kept = ws.backups.list()
    assert [b.path for b in kept] == [b.path for b in reversed(taken[-3:])]
    assert not any(b.path.exists() for b in taken[:2])


def test_folder_from_the_environment(db: Path, tmp_path: Path, monkeypatch) -> None:
    elsewhere = tmp_path / "elsewhere"
    monkeypatch.setenv("CSP_RECON_BACKUP_DIR", str(elsewhere))
    with Workspace(db) as ws:
        taken = ws.backups.take()
    assert taken is not None and taken.path.parent == elsewhere
    assert not (db.parent / "backups").exists()


def test_restore(db: Path, capsys) -> None:
    before = allocations(db)
    with Workspace(db) as ws:
        taken = ws.backups.take("manual")
    assert taken is not None
    code, _out, err = run(capsys, db, "allocate", "P5", "G000100002=10")
    assert code == 0, err
    assert allocations(db) == before + 1
    code, _out, err = run(capsys, db, "restore", taken.path.name)  # not a terminal: --yes
    assert code == 2 and "add --yes" in err
    code, out, err = run(capsys, db, "restore", taken.path.name, "--yes")
    assert code == 0, err
    assert f"restored {db} from {taken.path.name}" in out
    assert allocations(db) == before
    kept = [b for b in service.listed(db) if b.reason == "restore"]
    assert len(kept) == 1 and allocations(kept[0].path) == before + 1  # nothing lost
    code, out, err = run(capsys, db, "balance")
    assert code == 0, err


def test_restore_refused_while_open(db: Path, capsys) -> None:
    with Workspace(db) as ws:
        taken = ws.backups.take("manual")
        assert taken is not None
        code, _out, err = run(capsys, db, "restore", taken.path.name, "--yes")
    assert code == 2
    assert "open in another CSP Reconciler process" in err and "nothing was restored" in err


def test_restore_a_damaged_file(db: Path, capsys) -> None:
    with Workspace(db) as ws:
        taken = ws.backups.take("manual")
    assert taken is not None
    with db.open("r+b") as f:
        f.seek(4096 * 20 + 100)
        f.write(b"\xff" * 3000)
    code, _out, err = run(capsys, db, "allocate", "P5", "G000100002=10")
    assert code == 2 and "is damaged" in err
    code, _out, err = run(capsys, db, "restore", str(taken.path), "--yes")
    assert code == 0, err
    code, out, _err = run(capsys, db, "check-workspace")
    assert code == 0 and "no damage found" in out
    code, _out, err = run(capsys, db, "allocate", "P5", "G000100002=10")
    assert code == 0, err


def test_unknown_backup(db: Path, capsys) -> None:
    code, _out, err = run(capsys, db, "restore", "nope.db", "--yes")
    assert code == 2 and "nope.db: no such backup" in err


def test_backup_setting_checked() -> None:
    assert backups.validate("backup_keep", " 5 ") == "5"
    with pytest.raises(ValueError, match="backup_keep"):
        backups.validate("backup_keep", "0")


# ------------------------------------------------------------------ the window


@pytest.fixture
def window(qtbot, db: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    from desktop.main_window import MainWindow

    w = MainWindow(db)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.loaded, timeout=20000):
        w.show()
    yield w
    w.close()


def test_window_notices_a_replaced_file(window, qtbot, db: Path, tmp_path: Path) -> None:
    payments = len(window.snap["payments"])
    other = tmp_path / "other.db"
    shutil.copy2(db, other)
    conn = sqlite3.connect(other)
    conn.execute("DELETE FROM allocations")
    conn.execute("DELETE FROM payments WHERE id = 'P6'")
    conn.commit()
    conn.close()
    other.replace(db)  # another program puts another file in its place
    with qtbot.waitSignal(window.loaded, timeout=20000):
        window.refresh()  # View > Reload
    assert len(window.snap["payments"]) == payments - 1  # the file as it is now
    assert "was replaced by another program" in window.statusBar().currentMessage()
    assert not window.ws.readonly  # opened again for writing
    assert window.watch.check()


def test_window_notices_a_deleted_file(window, qtbot, db: Path) -> None:
    db.unlink()
    assert not window.watch.check()
    assert "was deleted or moved by another program" in window.last_error
    assert window.ws.readonly and not db.exists()
    window.refresh()  # nothing read (it would make an empty file in its place)
    assert not db.exists()
    with pytest.raises(Exception, match="deleted or moved"):
        window.ws.store.writable()


def test_window_says_database_errors_plainly(window) -> None:
    window.show_error(sqlite3.OperationalError("database or disk is full"))
    assert window.last_error.endswith("the disk is full: nothing was changed; free some "
                                      "space and try again")  # fmt: skip
    assert str(window.ws.where) in window.last_error
    from sqlalchemy.exc import OperationalError

    window.show_error(OperationalError("SELECT 1 FROM nowhere", {}, Exception("no such table")))
    assert "SELECT" not in window.last_error and "unexpected database error" in window.last_error


def test_backups_dialog_lists_and_restores(window, qtbot, db: Path) -> None:
    with Workspace(db, readonly=True) as ws:
        before = len(ws.books.allocations())
    from desktop.operations import CollectionOp

    CollectionOp(window, lambda ws, job: ws.allocations.allocate(
        "P5", [("G000100002", "10")])).run()  # fmt: skip
    qtbot.waitUntil(lambda: window.worker.idle(), timeout=20000)
    assert window.backups_action.isEnabled()
    window.backups_action.trigger()
    dialog = window.backups_dialog
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=20000)
    assert dialog.table.item(0, 1).text() == "first change of the day"
    assert dialog.restore_button.isEnabled()
    dialog.ask_restore()
    with qtbot.waitSignal(window.restored, timeout=20000) as said:
        dialog.confirm_box.accept()
    assert said.args[0].startswith(f"Restored {db} from ")
    qtbot.waitUntil(lambda: window.worker.idle(), timeout=20000)
    with Workspace(db, readonly=True) as ws:
        assert len(ws.books.allocations()) == before
    assert not window.ws.readonly  # opened again for writing
    assert [b.reason for b in service.listed(db)] == ["restore", "daily"]


def test_window_opens_a_damaged_file_read_only(qtbot, db: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT name, rootpage FROM sqlite_master WHERE type = 'index' AND "
                        "tbl_name = 'allocations' ORDER BY name").fetchall()  # fmt: skip
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = ?", (rows[1][1], rows[0][0]))
    conn.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = ?", (rows[0][1], rows[1][0]))
    conn.commit()
    conn.close()
    from desktop.main_window import MainWindow

    w = MainWindow(db)
    qtbot.addWidget(w)
    try:
        assert w.ws.readonly and "is damaged" in w.last_error and "restore" in w.last_error
        assert "(read-only)" in w.windowTitle()
    finally:
        w.close()


def test_window_opens_a_read_only_folder_read_only(qtbot, db: Path, tmp_path: Path, monkeypatch):
    import os

    from test_faults import _read_only, _umount

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    folder = tmp_path / "ro"
    folder.mkdir()
    target = folder / db.name
    shutil.copy2(db, target)
    if not _read_only(folder):
        _umount(folder)
        pytest.skip("cannot make a read-only folder here")
    from desktop.main_window import MainWindow

    try:
        w = MainWindow(target)
        qtbot.addWidget(w)
        with qtbot.waitSignal(w.loaded, timeout=20000):
            w.show()
        assert w.ws.readonly and "(read-only)" in w.windowTitle()
        assert len(w.snap["payments"]) == 6
        with pytest.raises(Exception, match="read-only"):
            w.ws.store.writable()
        w.close()
    finally:
        if os.geteuid() == 0:
            _umount(folder)
        else:
            folder.chmod(0o755)


def test_files_imported_in_a_row_make_one_backup(db: Path, tmp_path: Path) -> None:
    from test_faults import invoices_file

    first = invoices_file(tmp_path / "a.json", 3)
    second = invoices_file(tmp_path / "b.json", 3, start=100)
    with Workspace(db) as ws:
        ws.imports.import_file(first)
        ws.imports.import_file(second)  # in a row: the copy before the first serves
        assert [b.reason for b in ws.backups.list()] == ["import"]
        ws.allocations.allocate("P5", [("G000100002", "10")])
        ws.imports.import_file(first)  # changed since: a copy again
        assert [b.reason for b in ws.backups.list()] == ["import", "import"]
