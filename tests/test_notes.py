"""Notes on a workspace file: bounded like on a server, and listed without a huge text."""

from __future__ import annotations

import sqlite3
from datetime import date

from core.cli import main
from core.demo import write_demo


def test_a_note_is_bounded_and_an_older_huge_one_is_listed_cut(tmp_path, capsys):
    db = write_demo(tmp_path / "demo", today=date(2026, 11, 23))
    assert main(["--db", str(db), "note", "P1", "x" * 2000]) == 0
    assert main(["--db", str(db), "note", "P1", "x" * 2001]) == 2
    err = capsys.readouterr().err
    assert "a note is at most 2,000 characters; this one has 2,001" in err
    assert len(err.strip().splitlines()) == 1
    assert main(["--db", str(db), "note", "NO-SUCH", "hello"]) == 2
    assert "no invoice, credit note or payment 'NO-SUCH'" in capsys.readouterr().err
    with sqlite3.connect(db) as conn:  # written before notes were bounded
        conn.execute("INSERT INTO notes (subject, at, author, text) VALUES "
                     "('P1', '2026-11-01 10:00:00', 'old', ?)", ("y" * 10_000_000,))  # fmt: skip
    capsys.readouterr()
    assert main(["--db", str(db), "notes", "P1"]) == 0
    out = capsys.readouterr().out
    assert len(out) < 10_000
    assert "(cut: the note has 10,000,000 characters)" in out
    from core.workspace import Workspace

    with Workspace(db, readonly=True) as ws:  # the history the window shows beside a payment
        (note,) = [e["summary"] for e in ws.books.history("P1") if e["action"] == "note"
                   and e["summary"].startswith("note: y")]  # fmt: skip
    assert len(note) < 2_100 and note.endswith("(cut: the note has 10,000,000 characters)")
