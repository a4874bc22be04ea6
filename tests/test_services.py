"""The services both faces call, on SQLite and (with a test server) PostgreSQL: each change
is one change record or nothing; the journal undoes and redoes what its registry says."""

from decimal import Decimal

import pytest

from conftest import invoice
from core.allocation import AllocationRefused
from core.changes import TOUCHABLE
from core.errors import UNKNOWN_LAYOUT, ImportFailed, NothingToUndo
from core.present import import_lines
from core.store.journal import ACTIONS

D = Decimal
PAYMENTS = "Date,Amount,Currency,Reference\n2026-02-01,200.00,EUR,x\n2026-02-02,200.00,EUR,y\n"


@pytest.fixture
def books(ws, write_invoices, write_text):
    """G1 300.00 and G2 100.00 EUR; payments P1 and P2 of 200.00 EUR each."""
    two = [invoice("G000000001", "2026-01-05", "300.00"),
           invoice("G000000002", "2026-01-06", "100.00")]  # fmt: skip
    ws.imports.import_file(write_invoices(two))
    ws.imports.import_file(write_text("p.csv", PAYMENTS))
    return ws


def allocated(ws) -> list[tuple[str, str, Decimal]]:
    return [(a.source_id, a.invoice_number, a.amount) for a in ws.books.allocations()]


def test_settle_from_two_payments_is_one_change_undone_together(books):
    ws = books
    done = ws.allocations.settle("G000000001", [("P1", "200.00"), ("P2", "100.00")])
    assert done.action == "settle" and done.touched == {"allocations"}
    assert done.lines == (f"allocation(s) #{done.result[0]}, #{done.result[1]} recorded",)
    assert allocated(ws) == [("P1", "G000000001", D("200.00")), ("P2", "G000000001", D("100.00"))]
    assert ws.books.ledger().invoices["G000000001"].open == D("0.00")
    ws.journal.undo()
    assert allocated(ws) == []


def test_settle_with_one_amount_refused_records_nothing(books):
    ws = books
    log = len(ws.journal.log())
    with pytest.raises(AllocationRefused, match=r"G000000001: .*0\.001"):
        ws.allocations.settle("G000000001", [("P1", "100.00"), ("P2", "0.001")])
    said = r"G000000002 still owes 40\.00 EUR; cannot allocate 60\.00"
    with pytest.raises(AllocationRefused, match=said):
        ws.allocations.settle("G000000002", [("P1", "60.00"), ("P2", "60.00")])
    assert allocated(ws) == [] and len(ws.journal.log()) == log
    assert ws.books.ledger().payments["P1"].remaining == D("200.00")


def test_check_and_propose_answer_as_allocate_would(books):
    ws = books
    with pytest.raises(AllocationRefused, match=r"P1 has 200\.00 EUR left"):
        ws.allocations.check("P1", [("G000000001", "250.00")])
    assert [p.amount for p in ws.allocations.check("P1", [("G000000001", "150")])] == [D("150.00")]
    assert ws.allocations.propose("P1") == [("G000000001", D("200.00")), ("G000000002", D("0.00"))]
    assert allocated(ws) == []


def test_redo_is_offered_only_while_nothing_changed_since_the_undo(books):
    ws = books
    ws.allocations.allocate("P1", [("G000000001", "150.00")])
    assert not ws.journal.can_redo()
    ws.journal.undo()
    assert ws.journal.can_redo()
    ws.allocations.allocate("P1", [("G000000002", "100.00")])  # a change: the redo chain is gone
    assert not ws.journal.can_redo()
    with pytest.raises(NothingToUndo, match="nothing to redo"):
        ws.journal.redo()
    assert allocated(ws) == [("P1", "G000000002", D("100.00"))]


def test_the_redo_guard_stops_an_over_allocation(books):
    """Undo an allocation; the money is then used elsewhere by something the redo chain
    does not see as a change (recorded under the undo itself): redoing the first must be
    refused, nothing over-allocated."""
    ws = books
    ws.allocations.allocate("P1", [("G000000001", "200.00")])
    ws.journal.undo()
    from core.allocation import Planned
    from core.model import SourceKind
    from core.store import writes

    undo_id = ws.journal.log()[-1]["id"]
    with ws.store.engine.begin() as conn:
        writes.add_allocations(conn, [Planned(SourceKind.PAYMENT, "P1", "G000000002",
                                              D("100.00"), "G000000002")], undo_id)  # fmt: skip
    with pytest.raises(AllocationRefused, match="the money has been allocated since"):
        ws.journal.redo()
    assert ws.books.ledger().payments["P1"].remaining == D("100.00")
    assert allocated(ws) == [("P1", "G000000002", D("100.00"))]


def test_notes_need_a_known_subject_and_show_in_the_history(books):
    ws = books
    with pytest.raises(ValueError, match="no invoice, credit note or payment 'G999'"):
        ws.notes.add("G999", "called the customer")
    assert ws.notes.list() == []
    done = ws.notes.add("P1", "  transfer confirmed by the bank  ")
    assert done.lines == (f"note #{done.result} recorded on P1",) and done.touched == {"notes"}
    [note] = ws.notes.list("P1")
    assert (note["subject"], note["text"], note["user"]) == ("P1", "transfer confirmed by the "
                                                             "bank", ws.user)  # fmt: skip
    assert [e["action"] for e in ws.books.history("P1")] == ["import", "note"]


def test_an_import_says_what_the_command_line_prints_and_what_it_touched(ws, write_text):
    done = ws.imports.import_file(write_text("p.csv", PAYMENTS))
    assert done.lines == tuple(import_lines(done.result))
    assert done.lines[0].endswith(": 2 payments created")
    assert {"payments", "allocations"} <= done.touched <= TOUCHABLE
    again = ws.imports.import_file(write_text("p.csv", PAYMENTS))
    assert again.touched == frozenset() and "already imported" in again.lines[0]


def test_an_unknown_spreadsheet_is_refused_with_a_kind_the_window_can_offer_mapping_for(
    ws, write_text
):
    with pytest.raises(ImportFailed) as refused:
        ws.imports.import_file(write_text("odd.csv", "Quand,Combien\n2026-01-01,5\n"))
    assert refused.value.kind == UNKNOWN_LAYOUT
    with pytest.raises(ImportFailed) as missing:
        ws.imports.import_file("no-such-file.json")
    assert missing.value.kind != UNKNOWN_LAYOUT


def test_every_undoable_action_says_what_it_touches():
    assert set(ACTIONS) == {"allocate", "auto-allocate", "apply-credits", "unallocate",
                            "import", "setting", "reject-suggestion", "mark-payment",
                            "take-in-hand"}  # fmt: skip
    for name, action in ACTIONS.items():
        assert action.touched and action.touched <= TOUCHABLE, name
        assert action.redo is not None or action.why_not, name
