"""The demo workspace: every situation the clerk meets, with exact figures."""

import json
from datetime import date

from core.cli import main
from core.demo import write_demo
from core.workspace import Workspace


def run_json(capsys, db, *args):
    assert main(["--db", str(db), *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_demo_covers_void_rebill_credit_partial_multi_unallocated_wrong_currency(tmp_path, capsys):
    db = write_demo(tmp_path / "demo", today=date(2026, 11, 23))
    assert sorted(p.name for p in (tmp_path / "demo").iterdir()) == [
        "BilledOneTimeInvoiceLineItems_demo.csv",
        "invoices.json",
        "paiements.csv",
        "workspace.db",
        "workspace.db.lock",
    ]
    as_of = ("--as-of", "2026-11-23")
    assert run_json(capsys, db, "balance", *as_of) == {
        "EUR": {
            "amount_due": "20963.40",
            "unallocated_payments": "1500.00",
            "unapplied_credits": "0.00",
            "disputed": "90.00",  # the refund outside its window, disputed (still due)
            "disputed_counted_as_due": True,
        },
        "USD": {
            "amount_due": "0.00",
            "unallocated_payments": "2000.00",
            "unapplied_credits": "0.00",
            "disputed": "0.00",
            "disputed_counted_as_due": True,
        },
    }
    assert run_json(capsys, db, "aging", *as_of)["EUR"] == {
        "not_due": "13650.50",
        "1-30": "3480.00",
        "31-60": "742.30",
        "61-90": "1215.40",
        "90+": "0.00",
        "date_unknown": "1875.20",
        "total": "20963.40",
    }
    inv = {i["number"]: i for i in run_json(capsys, db, "invoices", *as_of)}
    assert (inv["G000100003"]["status"], inv["G000100003"]["rebilled_as"]) == (
        "voided",
        "G000100005",
    )
    assert inv["G000100005"]["status"] == "paid"  # paid to the original's number
    assert inv["G000100002"]["open"] == "1215.40"  # partial
    assert inv["G000100009"]["open"] == "4370.50"  # credit memo 750.00 applied
    assert inv["G000100008"]["lines_difference"] == "1.00"  # lines do not add up
    assert inv["G000100012"]["date_unknown"] is True  # lines, no header yet
    pays = {p["id"]: p for p in run_json(capsys, db, "payments", *as_of)}
    assert [a["invoice"] for a in pays["P4"]["allocations"]] == ["G000100006", "G000100007"]
    assert pays["P5"]["flags"] == ["unallocated"]
    assert pays["P6"]["flags"] == ["currency_mismatch", "unallocated"]


def test_demo_can_be_rebuilt_in_place(tmp_path):
    write_demo(tmp_path, today=date(2026, 11, 23))
    db = write_demo(tmp_path, today=date(2026, 11, 23))
    with Workspace(db, readonly=True) as ws:
        assert len(ws.books.payments()) == 6
