"""The command line contract: options, JSON shapes, exit statuses."""

import json

from conftest import invoice

PAYMENTS = (
    "Date;Montant;Devise;Libellé\n"
    "10/03/2026;1 000,00;EUR;VIR MICROSOFT G000000001\n"  # exact
    "11/03/2026;400,00;EUR;ACOMPTE G000000002\n"  # partial
    "12/03/2026;750,00;EUR;G000000003 250,00 G000000004 500,00\n"  # multi-invoice
    "13/03/2026;300,00;EUR;VIREMENT MICROSOFT\n"  # unallocated
    "14/03/2026;500,00;USD;G000000004\n"  # wrong currency
    "15/03/2026;90,00;EUR;G000000005\n"  # to a voided invoice
)


def setup_workspace(cli, write_invoices, write_text):
    items = [
        invoice("G000000001", "2026-01-08", "1000.00"),
        invoice("G000000002", "2026-01-08", "1000.00", invoiceType="OneTime"),
        invoice("G000000003", "2026-02-08", "250.00"),
        invoice("G000000004", "2026-02-08", "500.00"),
        invoice(
            "G000000005",
            "2026-02-08",
            "100.00",
            amendments=[
                invoice(
                    "G000000006",
                    "2026-02-20",
                    "-100.00",
                    documentType="void_note",
                    amendsOf="G000000005",
                ),
                invoice("G000000007", "2026-02-20", "90.00", amendsOf="G000000005"),
            ],
        ),
        invoice("G000000008", "2026-02-25", "-120.00", documentType="credit_note"),
    ]
    code, out, err = cli("import", write_invoices(items), write_text("pay.csv", PAYMENTS))
    assert code == 0, err
    return out


def test_end_to_end_balance_aging_and_lists(cli, cli_json, write_invoices, write_text):
    out = setup_workspace(cli, write_invoices, write_text)
    assert "6 payments created" in out
    result = cli_json("auto-allocate", "--apply")
    assert [(a["payment"], a["invoice"], a["amount"]) for a in result["allocations"]] == [
        ("P1", "G000000001", "1000.00"),
        ("P2", "G000000002", "400.00"),
        ("P3", "G000000003", "250.00"),
        ("P3", "G000000004", "470.00"),  # the credit note took 30.00 of it
        # P6 quotes G000000005, voided: its rebill G000000007 was settled by the credit note
    ]
    assert result["flagged"][0]["payment"] == "P5"
    assert result["flagged"][0]["flags"] == ["currency_mismatch"]

    assert cli_json("balance", "--as-of", "2026-04-30") == {
        "EUR": {
            "amount_due": "600.00",
            "unallocated_payments": "420.00",
            "unapplied_credits": "0.00",
        },
        "USD": {
            "amount_due": "0.00",
            "unallocated_payments": "500.00",
            "unapplied_credits": "0.00",
        },
    }
    assert cli_json("aging", "--as-of", "2026-04-30") == {
        "EUR": {
            "not_due": "0.00",
            "1-30": "0.00",
            "31-60": "600.00",
            "61-90": "0.00",
            "90+": "0.00",
            "total": "600.00",
        },  # G000000002: due 9 March, 52 days late
        "USD": {
            "not_due": "0.00",
            "1-30": "0.00",
            "31-60": "0.00",
            "61-90": "0.00",
            "90+": "0.00",
            "total": "0.00",
        },
    }
    invoices = {i["number"]: i for i in cli_json("invoices", "--as-of", "2026-04-30")}
    g2 = invoices["G000000002"]
    assert {
        k: g2[k]
        for k in (
            "document_type",
            "date",
            "due_date",
            "currency",
            "total",
            "open",
            "counted",
            "days_past_due",
        )
    } == {
        "document_type": "invoice",
        "date": "2026-01-08",
        "due_date": "2026-03-09",
        "currency": "EUR",
        "total": "1000.00",
        "open": "600.00",
        "counted": True,
        "days_past_due": 52,
    }
    assert invoices["G000000005"]["counted"] is False
    assert invoices["G000000006"]["counted"] is False
    assert invoices["G000000007"]["counted"] is True
    assert invoices["G000000007"]["open"] == "0.00"
    payments = {p["id"]: p for p in cli_json("payments", "--as-of", "2026-04-30")}
    assert {
        k: payments["P3"][k] for k in ("date", "amount", "currency", "allocated", "unallocated")
    } == {
        "date": "2026-03-12",
        "amount": "750.00",
        "currency": "EUR",
        "allocated": "720.00",
        "unallocated": "30.00",
    }
    assert payments["P5"]["flags"] == ["currency_mismatch", "unallocated"]
    assert payments["P4"]["flags"] == ["unallocated"]
    assert payments["P4"]["reference"] == "VIREMENT MICROSOFT"


def test_as_of_before_the_payments(cli, cli_json, write_invoices, write_text):
    setup_workspace(cli, write_invoices, write_text)
    cli("auto-allocate", "--apply")
    assert cli_json("balance", "--as-of", "2026-02-28") == {
        "EUR": {
            "amount_due": "2720.00",
            "unallocated_payments": "0.00",
            "unapplied_credits": "0.00",
        }
    }


def test_manual_allocation_unallocation_and_undo(cli, cli_json, write_invoices, write_text):
    setup_workspace(cli, write_invoices, write_text)
    code, out, err = cli("allocate", "P4", "G000000002=200,00", "g000000004=100")
    assert (code, err) == (0, "")
    ids = [int(x.strip("#,")) for x in out.split() if x.startswith("#")]
    payments = {p["id"]: p for p in cli_json("payments", "--as-of", "2026-04-30")}
    assert (payments["P4"]["allocated"], payments["P4"]["unallocated"]) == ("300.00", "0.00")
    assert cli("unallocate", ids[0])[0] == 0
    payments = {p["id"]: p for p in cli_json("payments", "--as-of", "2026-04-30")}
    assert payments["P4"]["allocated"] == "100.00"
    assert cli("undo")[0] == 0  # undo the unallocation
    payments = {p["id"]: p for p in cli_json("payments", "--as-of", "2026-04-30")}
    assert payments["P4"]["allocated"] == "300.00"
    log = cli_json("log")
    assert [e["action"] for e in log][-3:] == ["allocate", "unallocate", "undo"]
    assert log[-2]["undone_by"] == log[-1]["id"]


def test_refused_allocations_exit_2_with_a_clear_message(cli, write_invoices, write_text):
    setup_workspace(cli, write_invoices, write_text)
    assert cli("allocate", "P4", "G000000001=300.00")[0] == 0
    code, out, err = cli("allocate", "P1", "G000000001=700.01")
    assert (code, err.strip()) == (
        2,
        "csp-recon: G000000001 still owes 700.00 EUR; cannot allocate 700.01",
    )
    code, out, err = cli("allocate", "P5", "G000000002=10.00")
    assert (code, err.strip()) == (2, "csp-recon: P5 is in USD but G000000002 is in EUR")
    code, out, err = cli("allocate", "P2", "G000000002=700.00")
    assert (code, err.strip()) == (
        2,
        "csp-recon: P2 has 400.00 EUR left; cannot allocate 700.00 more",
    )
    code, out, err = cli("allocate", "P2", "G000000006=1.00")
    assert (code, err.strip()) == (2, "csp-recon: G000000006 is a void note: it does not count")
    code, out, err = cli("allocate", "P2", "G000000002")
    assert code == 2 and "expected INVOICE=AMOUNT" in err
    assert cli("unallocate", "999")[0] == 2


def test_credit_note_can_be_reallocated_by_hand(cli, cli_json, write_invoices, write_text):
    setup_workspace(cli, write_invoices, write_text)
    # newest open invoices dated on or before the credit note first: G7 (20 Feb), then G4
    (credit,) = cli_json("credits", "--as-of", "2026-04-30")
    assert [(a["invoice"], a["amount"], a["method"]) for a in credit["allocations"]] == [
        ("G000000007", "90.00", "auto-credit"),
        ("G000000004", "30.00", "auto-credit"),
    ]
    # removing one automatic application takes the credit note out of Microsoft's rule
    code, out, _err = cli("unallocate", credit["allocations"][0]["id"])
    assert code == 0 and out.startswith("G000000008: no longer applied by Microsoft's rule")
    (c,) = cli_json("credits", "--as-of", "2026-04-30")
    assert (c["allocations"], c["unapplied"]) == ([], "120.00")
    assert cli("allocate", "G000000008", "G000000001=120.00")[0] == 0
    (c,) = cli_json("credits", "--as-of", "2026-04-30")
    assert [(a["invoice"], a["amount"]) for a in c["allocations"]] == [("G000000001", "120.00")]


def test_bad_file_exits_2_with_file_row_column(cli, write_text):
    path = write_text("pay.csv", "Date,Amount,Currency,Reference\n2026-01-01,abc,EUR,x\n")
    code, out, err = cli("import", path)
    assert code == 2
    assert err.splitlines()[0] == f"{path}:2: column Amount: expected a number, got 'abc'"
    code, out, err = cli("payments", "--json")
    assert json.loads(out) == []


def test_reading_commands_need_an_existing_workspace(tmp_path, capsys):
    from core.cli import main

    assert main(["--db", str(tmp_path / "none.db"), "balance"]) == 2
    assert "no such workspace" in capsys.readouterr().err


def test_usage_errors_exit_2(cli):
    import pytest

    with pytest.raises(SystemExit) as exc:
        cli("balance", "--as-of", "31/12/2026")
    assert exc.value.code == 2


def test_formats_lists_every_importer(cli_json):
    names = [f["name"] for f in cli_json("formats")]
    assert names == [
        "pc-invoices-json",
        "camt",
        "ofx",
        "cfonb120",
        "mt940",
        "pc-line-items-v2",
        "pc-usage-v2",
        "pc-line-items",
        "pc-usage",
        "bank-table",
        "payments",
        "invoice-list",
    ]


def test_import_format_invoice_and_progress_options(cli, cli_json, write_text, capsys):
    lic = write_text(
        "licences.csv",
        "CustomerId,CustomerName,OfferName,SyndicationPartnerSubscriptionNumber,Subtotal,Tax,"
        "TotalForCustomer,Currency\nc1,Contoso,Office 365 E3,1F58,100.00,20.00,120.00,EUR\n",
    )
    code, out, err = cli("import", "--invoice", "D0ABC12345", "--progress", lic)
    assert code == 0, err
    assert "1/1 records 100%" in err
    assert cli_json("invoices")[0]["number"] == "D0ABC12345"
    code, out, err = cli("import", "--format", "camt", write_text("x.csv", "a,b\n1,2\n"))
    assert code == 2 and "expected well-formed XML" in err
    code, out, err = cli("import", "--format", "nope", lic)
    assert code == 2 and "unknown format 'nope'" in err


def test_bank_statement_summary_lists_skipped_entries(cli, write_text):
    path = write_text(
        "releve.csv",
        "Date;Libellé;Débit;Crédit\n"
        "10/03/2026;VIR MICROSOFT IRELAND G000000001;100,00;\n"
        "11/03/2026;REMISE CHEQUE;;50,00\n"
        "12/03/2026;PRLV EDF;80,00;\n",
    )
    code, out, err = cli("import", path)
    assert code == 0, err
    assert "3 entries read, 1 payments created, 2 skipped" in out
    assert "11/03/2026" not in out and "2026-03-11 +50.00 EUR 'REMISE CHEQUE'" in out
    code, out, err = cli(
        "import",
        "--payee",
        "EDF",
        write_text("r2.csv", "Date;Libellé;Débit;Crédit\n12/03/2026;PRLV EDF;80,00;\n"),
    )
    assert "1 payments created" in out


def test_set_aging_buckets_changes_the_aging_columns(cli, cli_json, write_invoices, write_text):
    setup_workspace(cli, write_invoices, write_text)
    cli_json("auto-allocate", "--apply")
    assert cli("set", "aging_buckets", "45, 90")[1].strip() == "aging_buckets = 45,90"
    aging = cli_json("aging", "--as-of", "2026-04-30")
    assert aging["EUR"] == {
        "not_due": "0.00",
        "1-45": "0.00",
        "46-90": "600.00",
        "90+": "0.00",
        "total": "600.00",
    }  # G000000002, 52 days late
    code, _out, err = cli("set", "aging_buckets", "90,45")
    assert code == 2
    assert "aging buckets: expected increasing numbers of days" in err
    code, _out, err = cli("set", "term_days", "0")
    assert code == 2 and "payment term" in err
    assert cli_json("aging", "--as-of", "2026-04-30") == aging  # the refusals changed nothing


# ------------------------------------------------------------------ parity with the services


def _setup_allocated(cli, write_invoices, write_text) -> None:
    """The workspace of setup_workspace after auto-allocate --apply: G000000002 owes 600.00 EUR
    (due 2026-03-09), P3 has 30.00 EUR left, P4 300.00 EUR, P5 500.00 USD."""
    setup_workspace(cli, write_invoices, write_text)
    assert cli("auto-allocate", "--apply")[0] == 0


def test_balance_counts_a_disputed_amount_as_due_by_default(
    cli, cli_json, write_invoices, write_text
):
    _setup_allocated(cli, write_invoices, write_text)
    code, out, err = cli("dispute", "open", "G000000002", "150.00", "--reason", "seats",
                         "--date", "2026-04-01")  # fmt: skip
    assert (code, out, err) == (0, "dispute #1: open\n", "")
    expected = {
        "EUR": {"amount_due": "600.00", "unallocated_payments": "420.00",
                "unapplied_credits": "0.00", "disputed": "150.00",
                "disputed_counted_as_due": True},
        "USD": {"amount_due": "0.00", "unallocated_payments": "500.00",
                "unapplied_credits": "0.00", "disputed": "0.00",
                "disputed_counted_as_due": True},
    }  # fmt: skip
    assert cli_json("balance", "--as-of", "2026-04-30") == expected
    assert cli("set", "disputed_counts_as_due", "yes")[0] == 0
    assert cli_json("balance", "--as-of", "2026-04-30") == expected
    out = cli("balance", "--as-of", "2026-04-30")[1]
    assert out.splitlines()[3].split() == ["EUR", "600.00", "420.00", "0.00", "150.00"]


def test_balance_leaves_a_disputed_amount_out_of_the_amount_due_when_told(
    cli, cli_json, write_invoices, write_text
):
    _setup_allocated(cli, write_invoices, write_text)
    assert cli("set", "disputed_counts_as_due", "no")[0] == 0
    assert cli("dispute", "open", "G000000002", "150.00", "--reason", "seats")[0] == 0
    assert cli_json("balance", "--as-of", "2026-04-30") == {
        "EUR": {"amount_due": "450.00", "unallocated_payments": "420.00",
                "unapplied_credits": "0.00", "disputed": "150.00",
                "disputed_counted_as_due": False},
        "USD": {"amount_due": "0.00", "unallocated_payments": "500.00",
                "unapplied_credits": "0.00", "disputed": "0.00",
                "disputed_counted_as_due": False},
    }  # fmt: skip
    out = cli("balance", "--as-of", "2026-04-30")[1]
    assert out.splitlines()[3].split() == ["EUR", "450.00", "420.00", "0.00", "150.00", "(not",
                                           "due)"]  # fmt: skip
    # a dispute holds back at most what the invoice still owes
    assert cli("dispute", "open", "G000000002", "500.00", "--reason", "more seats")[0] == 0
    eur = cli_json("balance", "--as-of", "2026-04-30")["EUR"]
    assert (eur["amount_due"], eur["disputed"]) == ("0.00", "600.00")
    # a withdrawn dispute is due again
    assert cli("dispute", "withdraw", "2")[0] == 0
    eur = cli_json("balance", "--as-of", "2026-04-30")["EUR"]
    assert (eur["amount_due"], eur["disputed"]) == ("450.00", "150.00")
    assert cli("dispute", "withdraw", "1")[0] == 0
    assert "disputed" not in cli_json("balance", "--as-of", "2026-04-30")["EUR"]


def test_a_transfer_in_two_files_is_kept_once_with_both_sources(
    cli, cli_json, write_invoices, write_text, tmp_path
):
    setup_workspace(cli, write_invoices, write_text)
    before = cli_json("balance", "--as-of", "2026-04-30")
    statement = write_text(
        "releve.csv",
        "Date;Libellé;Débit;Crédit\n10/03/2026;VIR MICROSOFT IRELAND G000000001;1 000,00;\n",
    )
    code, out, err = cli("import", statement)
    assert (code, err) == (0, "")
    listed = tmp_path / "pay.csv"
    assert out == (
        f"{statement}: Bank statement export (CSV/XLSX, debit and credit columns): "
        "1 entries read, 1 payments unchanged\n"
        f"  note: {statement}:2: the same transfer as P1 ({listed}:2): kept once, "
        "both sources recorded\n"
    )
    payments = {p["id"]: p for p in cli_json("payments", "--as-of", "2026-04-30")}
    assert len(payments) == 6
    assert payments["P1"]["sources"] == [f"{listed}:2", f"{statement}:2"]
    assert cli_json("balance", "--as-of", "2026-04-30") == before


def test_a_note_on_nothing_is_refused_and_records_nothing(write_invoices, tmp_path, capsys):
    from core.cli import main

    db = str(tmp_path / "notes.db")  # a workspace file, whatever server the suite also uses
    source = write_invoices([invoice("G000000001", "2026-01-08", "1000.00")])
    assert main(["--db", db, "import", str(source)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "log", "--json"]) == 0
    log = capsys.readouterr().out
    assert main(["--db", db, "note", "G999", "called the bank"]) == 2
    assert capsys.readouterr() == ("", "csp-recon: no invoice, credit note or payment 'G999'\n")
    assert main(["--db", db, "note", "G000000001", "  "]) == 2
    assert capsys.readouterr() == ("", "csp-recon: a note needs some text\n")
    assert main(["--db", db, "notes", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["--db", db, "log", "--json"]) == 0
    assert capsys.readouterr().out == log


def test_notes_history_and_log_name_the_clerk(
    cli, cli_json, write_invoices, write_text, ws_path, tmp_path
):
    """On a workspace file (and on a server with CSP_TEST_PG_URL): who wrote each note,
    allocation and change, as the notes, an invoice's history and the log say."""
    from core.workspace import Workspace, os_user

    setup_workspace(cli, write_invoices, write_text)
    assert cli("allocate", "P4", "G000000002=100")[1] == "allocation(s) #1 recorded\n"
    assert cli("note", "P4", "customer says paid") == (0, "note #1 recorded on P4\n", "")
    assert cli("note", "G000000002", "second reminder sent")[0] == 0
    with Workspace(ws_path, readonly=True) as ws:
        me = ws.user
        history = ws.books.history("P4")
    if ws.url is None:
        assert me == os_user()
    notes = cli_json("notes", "P4")
    assert [(n["id"], n["subject"], n["user"], n["text"]) for n in notes] == [
        (1, "P4", me, "customer says paid")
    ]
    assert [n["subject"] for n in cli_json("notes")] == ["P4", "G000000002"]
    assert [(e["action"], e["user"], e["summary"]) for e in history] == [
        ("import", me, f"imported from {tmp_path / 'pay.csv'}"),
        ("allocate", me, "allocated 100.00 P4 → G000000002 (manual, #1)"),
        ("note", me, "note: customer says paid"),
    ]
    log = cli_json("log")
    assert [(e["action"], e["user"], e["summary"]) for e in log][-1] == (
        "allocate", me, "allocate P4: G000000002=100.00"
    )  # fmt: skip
    code, out, _ = cli("log")
    assert code == 0 and "allocate P4: G000000002=100.00" in out.splitlines()[-1]


def test_redo_is_refused_once_the_money_was_allocated_elsewhere(
    cli, cli_json, write_invoices, write_text
):
    setup_workspace(cli, write_invoices, write_text)
    assert cli("allocate", "P4", "G000000002=300.00")[0] == 0
    assert cli("undo")[1].startswith("undid #")
    assert cli("allocate", "P4", "G000000004=300.00")[0] == 0
    code, out, err = cli("redo")
    assert (code, out) == (2, "")
    assert err.startswith("csp-recon: ") and err.count("\n") == 1
    payments = {p["id"]: p for p in cli_json("payments", "--as-of", "2026-04-30")}
    assert (payments["P4"]["allocated"], payments["P4"]["unallocated"]) == ("300.00", "0.00")
    assert [(a["invoice"], a["amount"]) for a in payments["P4"]["allocations"]] == [
        ("G000000004", "300.00")
    ]
    invoices = {i["number"]: i for i in cli_json("invoices", "--as-of", "2026-04-30")}
    assert invoices["G000000002"]["open"] == "1000.00"
    for p in payments.values():  # nothing over-allocated anywhere
        assert float(p["unallocated"]) >= 0, p


# ------------------------------------------------------------------ the commands' declarations

# What each command changes: those that do not open the workspace read-only (a reading
# command runs beside another process holding the workspace file for writing).
SAMPLES = {
    "import": ["import", "x.csv"], "map": ["map", "x.csv", "payments", "Date=D"],
    "auto-allocate": ["auto-allocate"], "auto-allocate --apply": ["auto-allocate", "--apply"],
    "note": ["note", "P1", "x"], "notes": ["notes"], "calendar": ["calendar"],
    "alerts": ["alerts"], "mark": ["mark", "P1", "clear"], "agree": ["agree"],
    "explain": ["explain", "G1"],
    "checks": ["checks"], "dispute open": ["dispute", "open", "G1", "1", "--reason", "x"],
    "dispute list": ["dispute", "list"], "dispute link": ["dispute", "link", "1", "G2"],
    "dispute withdraw": ["dispute", "withdraw", "1"],
    "sla-claim open": ["sla-claim", "open", "--service", "s", "--month", "2026-01",
                       "--availability", "99", "--credit", "1", "--currency", "EUR"],
    "sla-claim list": ["sla-claim", "list"], "sla-claim link": ["sla-claim", "link", "1", "G2"],
    "sla-claim withdraw": ["sla-claim", "withdraw", "1"], "whoami": ["whoami"],
    "suggest": ["suggest"], "accept": ["accept", "S1"], "reject": ["reject", "S1"],
    "allocate": ["allocate", "P1", "G1=1"], "unallocate": ["unallocate", "1"],
    "undo": ["undo"], "redo": ["redo"], "log": ["log"], "invoices": ["invoices"],
    "payments": ["payments"], "credits": ["credits"], "balance": ["balance"],
    "aging": ["aging"], "lines": ["lines", "G1"], "set": ["set", "k", "v"],
    "settings": ["settings"], "plan": ["plan", "G1"], "plans": ["plans"],
    "export remittance": ["export", "remittance", "P1", "-o", "x.pdf"],
    "export pain001": ["export", "pain001", "plan:1", "-o", "x.xml"],
    "export report": ["export", "report", "-o", "x.xlsx"],
    "export request": ["export", "request", "P1"], "export ticket": ["export", "ticket", "P1"],
}  # fmt: skip
WRITING = {
    "import", "map", "auto-allocate --apply", "note", "mark", "dispute open", "dispute link",
    "dispute withdraw", "sla-claim open", "sla-claim link", "sla-claim withdraw", "accept",
    "reject", "allocate", "unallocate", "undo", "redo", "set", "plan",
}  # fmt: skip
OPENS_NOTHING = {  # these find their own workspace, or need none
    "formats": ["formats"], "demo": ["demo", "d"], "migrate-workspace": ["migrate-workspace",
    "a.db", "b.db"], "admin users": ["admin", "users"], "admin init-team-db": ["admin",
    "init-team-db"], "admin add-user": ["admin", "add-user", "ann", "--role", "sales"],
    "check-workspace": ["check-workspace"], "backups": ["backups"], "restore": ["restore", "b"],
}  # fmt: skip


def test_every_command_declares_whether_it_writes():
    from core.cli import ORDER, build_parser
    from core.cli.common import writes

    parser = build_parser()
    named = {words[0] for words in [*SAMPLES.values(), *OPENS_NOTHING.values()]}
    assert named == set(ORDER)  # a new command is added here with what it does
    for name, words in SAMPLES.items():
        args = parser.parse_args(words)
        assert args.opens, name
        assert writes(args) == (name in WRITING), name
    for name, words in OPENS_NOTHING.items():
        assert not parser.parse_args(words).opens, name


def test_reading_commands_run_beside_a_writer_and_writing_ones_are_refused(tmp_path, capsys):
    from core.cli import main
    from core.workspace import Workspace

    db = str(tmp_path / "held.db")
    with Workspace(db):  # another process holding the file for writing
        assert main(["--db", db, "balance", "--json"]) == 0
        assert json.loads(capsys.readouterr().out) == {}
        assert main(["--db", db, "set", "term_days", "30"]) == 2
        assert capsys.readouterr().err == (
            f"csp-recon: {db}: cannot change the workspace: it is open in another CSP "
            "Reconciler process\n"
        )


def test_a_reader_that_stops_early_ends_the_command_quietly(tmp_path, write_text):
    """``csp-recon payments --json | head -1``: the closed pipe is no internal error (the
    output is larger than a pipe holds, so the reader does leave before it is written)."""
    import subprocess
    import sys

    from core.cli import main

    rows = "".join(f"2026-01-{1 + n % 28:02d},{n + 1}.00,EUR,transfer {n}\n" for n in range(3000))
    db = tmp_path / "big.db"
    assert (
        main(
            [
                "--db",
                str(db),
                "import",
                str(write_text("p.csv", "Date,Amount,Currency,Reference\n" + rows)),
            ]
        )
        == 0
    )
    run = subprocess.run(
        f"'{sys.executable}' -m core.cli --db '{db}' payments --json | head -1; "
        "exit ${PIPESTATUS[0]}",
        shell=True, capture_output=True, text=True, check=False, executable="/bin/bash",
    )  # fmt: skip
    assert run.stdout == "[\n"
    assert run.stderr == "" and run.returncode == 141  # as a shell tool closed by SIGPIPE


def test_a_file_that_cannot_be_written_or_read_is_one_plain_line(cli, write_invoices, tmp_path):
    from conftest import invoice

    assert cli("import", write_invoices([invoice("G000000001", "2026-01-08", "10.00")]))[0] == 0
    missing = tmp_path / "no-such-folder" / "r.xlsx"
    for args, said in [
        (("export", "report", "-o", missing), f"{missing}: no such file or folder"),
        (("export", "report", "-o", tmp_path), f"{tmp_path}: a folder, not a file"),
        (("export", "lines", "-o", missing), f"{missing}: no such file or folder"),
        (("map", tmp_path / "nope.csv", "payments", "Date=Jour"),
         f"{tmp_path / 'nope.csv'}: no such file or folder"),
    ]:  # fmt: skip
        code, out, err = cli(*args)
        assert (code, out, err) == (2, "", f"csp-recon: {said}; nothing was changed\n"), args
