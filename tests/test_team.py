"""A team workspace on PostgreSQL: each role through its own real connection to the server.

These run when ``CSP_TEST_PG_URL`` names a server (``.ci/postgres start`` gives one): the
allowed actions work, the forbidden ones are refused by the server itself and said plainly.
"""

from __future__ import annotations

import json
import os
import random
import re
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from conftest import PG_URL
from core.cli import main
from core.workspace import Workspace

pytestmark = pytest.mark.skipif(not PG_URL, reason="needs a PostgreSQL server (CSP_TEST_PG_URL)")

CLERKS = {"boss": "admin-agent", "ann": "billing-admin", "sue": "support-agent", "sam": "sales"}


@pytest.fixture
def team(tmp_path, capsys):
    """The demo workspace on a fresh server database, with the roles and one clerk each."""
    from core.demo import write_demo

    name = f"csp_team_{os.getpid()}_{random.randrange(10**9)}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    owner = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    demo = write_demo(tmp_path / "demo", today=date(2026, 11, 23))
    assert main(["migrate-workspace", str(demo), owner]) == 0
    assert main(["--db", owner, "set", "company_account", "FR7630006000011234567890189"]) == 0
    assert main(["--db", owner, "admin", "init-team-db"]) == 0
    for clerk, role in CLERKS.items():
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP ROLE IF EXISTS {clerk}")
        assert main(["--db", owner, "admin", "add-user", clerk, "--role", role]) == 0
    capsys.readouterr()

    def url(user: str) -> str:
        return make_url(owner).set(username=user).render_as_string(hide_password=False)

    yield url
    with admin.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        for clerk in CLERKS:
            conn.exec_driver_sql(f"DROP ROLE IF EXISTS {clerk}")
    admin.dispose()


def run(capsys, url: str, *args: str) -> tuple[int, str, str]:
    code = main(["--db", url, *args])
    out, err = capsys.readouterr()
    return code, out, err


# Each kind of action, and the roles that may do it.
ACTIONS = {
    "read balances": (("balance", "--as-of", "2026-11-23", "--json"), set(CLERKS)),
    "read customers' charges": (("aging", "--by", "customer", "--json"), set(CLERKS)),
    "import a file": (("import", "{file}"), {"boss", "ann"}),
    "allocate": (("allocate", "P5", "G000100013=1.00"), {"boss", "ann"}),
    "change a setting": (("set", "term_days", "45"), {"boss"}),
    "record a note": (("note", "G000100013", "customer says paid"), {"boss", "ann", "sue"}),
    "read payment plans": (("plans", "--json"), {"boss", "ann", "sue"}),
    "read the audit log": (("log", "--json"), {"boss", "ann", "sue"}),
    "add a clerk": (("admin", "add-user", "newbie_{who}", "--role", "sales"), {"boss"}),
}


@pytest.mark.parametrize("action", list(ACTIONS))
def test_each_role_may_do_what_it_should_and_the_server_refuses_the_rest(
    team, capsys, tmp_path, action
):
    args, allowed = ACTIONS[action]
    for who in CLERKS:
        file = tmp_path / f"pay_{who}.csv"
        file.write_text(f"Date;Montant;Devise;Libellé\n10/03/2026;{len(who)},00;EUR;{who}\n")
        code, out, err = run(capsys, team(who), *(a.format(file=file, who=who) for a in args))
        if who in allowed:
            assert code == 0, (who, err)
        else:
            assert code == 2, (who, out, err)
            assert "refused" in err and "nothing was changed" in err, (who, err)
    with admin_engine() as conn:  # the refused clerks' attempts left nothing behind
        if action == "add a clerk":
            made = {r[0] for r in conn.execute(text(
                "SELECT rolname FROM pg_roles WHERE rolname LIKE 'newbie_%'"))}  # fmt: skip
            for name in made:
                conn.exec_driver_sql(f"DROP ROLE {name}")
            assert made == {"newbie_boss"}


class admin_engine:
    def __enter__(self):
        self.engine = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
        self.conn = self.engine.connect()
        return self.conn

    def __exit__(self, *exc):
        self.conn.close()
        self.engine.dispose()


def test_sales_see_charges_and_status_but_no_bank_details(team, capsys):
    code, out, _ = run(capsys, team("sam"), "payments", "--as-of", "2026-11-23", "--json")
    assert code == 0
    seen = json.loads(out)
    _, out, _ = run(capsys, team("ann"), "payments", "--as-of", "2026-11-23", "--json")
    full = {p["id"]: p for p in json.loads(out)}
    assert {p["id"] for p in seen} == set(full)
    assert any(p["reference"] for p in full.values())
    for p in seen:  # the amounts and allocations are there; the bank's words are not
        assert p["reference"] == "" and p["bank_account"] == "" and not p["source"]
        assert (p["amount"], p["allocated"]) == (
            full[p["id"]]["amount"],
            full[p["id"]]["allocated"],
        )
    _, out, _ = run(capsys, team("sam"), "invoices", "--as-of", "2026-11-23", "--json")
    assert {i["status"] for i in json.loads(out)} >= {"paid", "open", "partly_paid"}
    _, out, _ = run(capsys, team("sam"), "settings", "--json")
    assert "company_account" not in json.loads(out) and "company_name" in json.loads(out)
    _, out, _ = run(capsys, team("sue"), "settings", "--json")
    assert json.loads(out)["company_account"] == "FR7630006000011234567890189"
    # the server, not the program, hides them: a direct query is refused
    with (
        Workspace(team("sam"), readonly=True) as ws,
        ws.store.engine.connect() as conn,
        pytest.raises(Exception, match="permission denied"),
    ):
        conn.exec_driver_sql("SELECT bank_account FROM payments").fetchall()


def test_the_audit_log_names_the_database_user_and_cannot_be_forged(team, capsys):
    assert run(capsys, team("ann"), "allocate", "P5", "G000100013=2.00")[0] == 0
    assert run(capsys, team("sue"), "note", "P5", "called the bank")[0] == 0
    with Workspace(team("ann")) as ws:
        assert ws.journal.log()[-1]["user"] == "ann"
        assert ws.notes.list("P5")[-1]["user"] == "sue"
        assert [e["user"] for e in ws.books.history("P5") if e["action"] == "note"] == ["sue"]
        with ws.store.engine.begin() as conn:  # a clerk writing another name gets their own
            conn.execute(text(
                "INSERT INTO audit (at, os_user, action, summary, details) "
                "VALUES (now(), 'boss', 'note', 'forged', '{}')"))  # fmt: skip
        assert ws.journal.log()[-1]["user"] == "ann"


def test_a_refused_change_in_the_workspace_says_who_and_what(team):
    from core.workspace import Refused

    with Workspace(team("sue")) as ws:
        assert ws.role == "support-agent"
        with pytest.raises(Refused, match=r"sue \(support agent\) may not allocate"):
            ws.allocations.allocate("P5", [("G000100013", "1.00")])
    with Workspace(team("ann")) as ws:
        ws.imports.save_layout(["Datum", "Betrag", "Währung"], "payments",
                       {"Date": "Datum", "Amount": "Betrag", "Currency": "Währung"})  # fmt: skip
        with pytest.raises(Refused, match="may not change the settings"):
            ws.settings.set("term_days", "30")
        assert ws.books.term_days == 60  # untouched


# ------------------------------------------------------------------ many clerks at once


def test_eight_clerk_processes_allocating_at_once_keep_every_invariant(ws_path, write_text):
    """8 processes × 25 allocations against the same 20 invoices and 10 payments: no invoice
    over-paid, no payment over-allocated, one audit entry per allocation made."""
    if not isinstance(ws_path, str):
        pytest.skip("a workspace file has one writer at a time")
    from conftest import invoice  # noqa: F401 - the invoices are written as JSON below

    with Workspace(ws_path) as ws, ws.store.engine.begin() as conn:
        from core.store import schema as t

        import_id = conn.execute(t.imports.insert().values(
            file_name="seed", sha256="0" * 64, format="test", imported_at=ws_now(),
            os_user="test", summary="{}", undone=False)).inserted_primary_key[0]  # fmt: skip
        conn.execute(t.documents.insert(), [
            {"number": f"G{i:09d}", "document_type": "invoice", "invoice_type": "Recurring",
             "currency": "EUR", "total": Decimal("100.00"), "date": date(2026, 1, 5),
             "import_id": import_id, "source_file": "seed"} for i in range(20)])  # fmt: skip
        conn.execute(t.payments.insert(), [
            {"id": f"P{i}", "fingerprint": f"fp{i}", "date": date(2026, 3, 10),
             "amount": Decimal("150.00"), "currency": "EUR", "import_id": import_id,
             "source_file": "seed"} for i in range(10)])  # fmt: skip
    from tests.benchmarks.team import run_clerks

    results, _wall = run_clerks(ws_path, 8, 25, [f"P{i}" for i in range(10)],
                                [f"G{i:09d}" for i in range(20)])  # fmt: skip
    made = sum(r["made"] for r in results)
    refused = sum(r["refused"] for r in results)
    conflicts = sum(r["conflicts"] for r in results)
    print(f"8 clerks: {made} allocations made, {refused} refused, {conflicts} conflicts retried")
    assert made + refused == 200
    with Workspace(ws_path) as ws, ws.store.engine.connect() as conn:
        per_invoice = dict(conn.execute(text(
            "SELECT invoice_number, sum(CAST(amount AS numeric)) FROM allocations "
            "GROUP BY invoice_number")).all())  # fmt: skip
        per_payment = dict(conn.execute(text(
            "SELECT source_id, sum(CAST(amount AS numeric)) FROM allocations "
            "GROUP BY source_id")).all())  # fmt: skip
        assert max(per_invoice.values()) <= Decimal("100.00")
        assert max(per_payment.values()) <= Decimal("150.00")
        assert sum(per_payment.values()) > Decimal("1000.00")  # they did get allocated
        assert len(ws.books.allocations()) == made
        assert sum(1 for e in ws.journal.log() if e["action"] == "allocate") == made
        ledger = ws.books.ledger()
        assert all(not p.flags or "over_allocated" not in p.flags
                   for p in ledger.payments.values())  # fmt: skip


def ws_now():
    from datetime import datetime

    return datetime.now().replace(microsecond=0)


# ------------------------------------------------------------------ the desktop, on a server


@pytest.fixture
def gui_settings(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale("en_US"))


def _window(qtbot, url: str):
    from desktop.main_window import MainWindow

    w = MainWindow(url, date(2026, 11, 23))
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.loaded, timeout=30000):
        w.show()
    return w


def _applied(w, payment: str) -> str:
    return next(p["allocated"] for p in w.snap["payments"] if p["id"] == payment)


def test_a_window_shows_another_clerks_allocation_without_reopening(team, qtbot, gui_settings):
    w = _window(qtbot, team("sue"))
    try:
        before = _applied(w, "P5")
        with Workspace(team("ann")) as other:  # another clerk, another process's connection
            other.allocations.allocate("P5", [("G000100013", "3.00")])
        qtbot.waitUntil(lambda: w.live_refreshes >= 1, timeout=15000)
        qtbot.waitUntil(lambda: _applied(w, "P5") != before, timeout=15000)
        assert Decimal(_applied(w, "P5")) == Decimal(before) + Decimal("3.00")
        assert w.live_refreshes == 1  # one refresh for the change, not one per row
    finally:
        w.close()


def test_the_window_greys_out_and_the_server_refuses_what_a_role_may_not_do(
    team, qtbot, gui_settings
):
    w = _window(qtbot, team("sue"))
    try:
        assert "sue (support agent)" in w.windowTitle()
        assert not w.import_action.isEnabled() and not w.allocate_action.isEnabled()
        assert w.note_action.isEnabled()
        w.save_preferences({"term_days": "30"})  # the server has the last word
        qtbot.waitUntil(lambda: getattr(w, "error_box", None) is not None, timeout=10000)
        assert w.error_box.windowTitle() == "Not allowed"
        assert "sue (support agent) may not change the settings" in w.error_box.text()
    finally:
        w.close()
    w = _window(qtbot, team("ann"))
    try:
        assert w.import_action.isEnabled() and w.allocate_action.isEnabled()
    finally:
        w.close()
    w = _window(qtbot, team("sam"))  # sales: the window opens, without what they may not see
    try:
        assert not w.import_action.isEnabled() and not w.note_action.isEnabled()
        assert {p["reference"] for p in w.snap["payments"]} == {""}
        assert "wrong_account" not in {f["kind"] for f in w.snap["alerts"]}  # no bank settings
        assert "suspension_risk" in {f["kind"] for f in w.snap["alerts"]}
    finally:
        w.close()


class MemoryKeyring:
    """A keyring backend kept in memory (this machine has none)."""

    priority = 1

    def __init__(self) -> None:
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service, user):
        return self.kept.get((service, user))

    def set_password(self, service, user, password):
        self.kept[(service, user)] = password

    def delete_password(self, service, user):
        self.kept.pop((service, user), None)


def test_connect_to_a_team_workspace_remembers_it_and_the_password_in_the_keyring(
    team, qtbot, gui_settings, tmp_path, monkeypatch
):
    import keyring
    from keyring.backend import KeyringBackend

    from desktop import team_dialog
    from desktop.main_window import MainWindow

    ring = type("Ring", (MemoryKeyring, KeyringBackend), {})()
    monkeypatch.setattr(keyring, "get_keyring", lambda: ring)
    monkeypatch.setattr(keyring, "get_password", ring.get_password)
    monkeypatch.setattr(keyring, "set_password", ring.set_password)
    monkeypatch.setattr(keyring, "delete_password", ring.delete_password)
    w = MainWindow(write_demo_for(tmp_path), date(2026, 11, 23))
    qtbot.addWidget(w)
    try:
        target = make_url(team("ann"))
        w.connect_team()
        d = w.connect_dialog
        assert d.remember.isEnabled()
        d.host.setText(target.host)
        d.port.setValue(target.port)
        d.database.setText(target.database)
        d.user.setText("ann")
        d.password.setText("s3cret")
        d.remember.setChecked(True)
        with qtbot.waitSignal(w.loaded, timeout=30000):
            d.accept()
        assert w.ws.user == "ann" and w.ws.role == "billing-admin"
        assert f"team workspace {target.database}" in w.windowTitle()
        assert "s3cret" not in w.windowTitle() and "s3cret" not in w.ws.where
        assert list(ring.kept.values()) == ["s3cret"]
        assert team_dialog.last_connection().username == "ann"
        w.connect_team()  # next time: filled in, password from the keyring
        again = w.connect_dialog
        assert (again.user.text(), again.password.text()) == ("ann", "s3cret")
        again.reject()
    finally:
        w.close()


def write_demo_for(tmp_path):
    from core.demo import write_demo

    return write_demo(tmp_path / "local", today=date(2026, 11, 23))


# ------------------------------------------------------------------ one ledger, two engines


def test_the_same_files_give_the_same_ledger_and_exports_in_sqlite_and_postgresql(
    ws_path, tmp_path, capsys
):
    """Same files, same clerk's steps, in a workspace file and on the server: the same
    balances, aging, lists, allocations, remittance advice and Excel report."""
    if not isinstance(ws_path, str):
        pytest.skip("compares a file with a server workspace")
    from openpyxl import load_workbook

    from core.demo import write_demo

    write_demo(tmp_path / "files", today=date(2026, 11, 23))
    names = ("invoices.json", "paiements.csv", "BilledOneTimeInvoiceLineItems_demo.csv")
    files = [tmp_path / "files" / n for n in names]
    steps = [
        ["set", "company_name", "Nuage Conseil SAS"],
        ["import", *map(str, files)],
        ["auto-allocate", "--apply"],
        ["allocate", "P5", "G000100013=100.00"],
        ["plan", "G000100014", "--date", "2026-11-24", "--reference", "RA-TEST"],
    ]
    reads = [["balance", "--as-of", "2026-11-23", "--json"],
             ["aging", "--as-of", "2026-11-23", "--by", "customer", "--json"],
             ["aging", "--as-of", "2026-11-23", "--by", "invoice", "--json"],
             ["invoices", "--as-of", "2026-11-23", "--json"],
             ["payments", "--as-of", "2026-11-23", "--json"],
             ["credits", "--as-of", "2026-11-23", "--json"],
             ["plans", "--json"], ["lines", "G000100001", "--json"]]  # fmt: skip
    seen = []
    for where, db in (("file", str(tmp_path / "w.db")), ("server", ws_path)):
        out_dir = tmp_path / where
        out_dir.mkdir()
        for step in steps:
            assert main(["--db", db, *step]) == 0, (where, step, capsys.readouterr().err)
        capsys.readouterr()
        answers = []
        for read in reads:
            assert main(["--db", db, *read]) == 0
            answers.append(json.loads(capsys.readouterr().out))
        assert main(["--db", db, "log", "--json"]) == 0
        log = [(e["action"], e["summary"]) for e in json.loads(capsys.readouterr().out)]
        for fmt in ("txt", "xlsx"):
            assert main(["--db", db, "export", "remittance", "P1", "--format", fmt,
                         "-o", str(out_dir / f"P1.{fmt}")]) == 0  # fmt: skip
        assert main(["--db", db, "export", "report", "--as-of", "2026-11-23",
                     "-o", str(out_dir / "report.xlsx")]) == 0  # fmt: skip
        capsys.readouterr()
        books = {}
        for name in ("P1.xlsx", "report.xlsx"):
            book = load_workbook(out_dir / name)
            books[name] = {ws.title: [[c for c in row] for row in ws.iter_rows(values_only=True)]
                           for ws in book.worksheets}  # fmt: skip
        txt = re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)?", "<written at>",
                     (out_dir / "P1.txt").read_text())  # fmt: skip
        seen.append((answers, log, txt, books))
    (file_answers, file_log, file_txt, file_books), (pg_answers, pg_log, pg_txt, pg_books) = seen
    assert json.loads(json.dumps(file_answers)) == pg_answers
    assert file_answers[0]["EUR"]["amount_due"] == pg_answers[0]["EUR"]["amount_due"]
    assert file_log == pg_log
    assert file_txt == pg_txt
    for name, sheets in file_books.items():
        for title, rows in sheets.items():
            assert _without_clock(rows) == _without_clock(pg_books[name][title]), (name, title)


def _without_clock(rows: list[list]) -> list[list]:
    """A report's rows without the moments it was written and changes were made, and with
    the clerk named alike (the login name on a workstation, the database user on a server)."""
    from datetime import datetime

    from core.workspace import os_user

    clerks = {os_user(), make_url(PG_URL).username}
    return [
        [None if isinstance(c, datetime) else "<clerk>" if c in clerks else c for c in row]
        for row in rows
        if row[0] != "Workspace"
    ]  # its file name, or its server


# ------------------------------------------------------------------ the same limits on both


LONG = "G" + "1" * 70  # a document number longer than the 64 characters a workspace keeps


@pytest.mark.parametrize(
    "name, content, said",
    [
        ("list.csv", f"Number;Date;Total;Currency\n{LONG};05/01/2026;100,00;EUR\n",
         "list.csv:2: column Number: expected at most 64 characters, got 71"),
        ("amends.csv", f"Number;Date;Total;Currency;Amends\nG000000001;05/01/2026;100,00;EUR;"
         f"{LONG}\n", "amends.csv:2: column Amends: expected at most 64 characters, got 71"),
        ("pay.csv", f"Id;Date;Montant;Devise;Libellé\n{'P' * 65};10/03/2026;5,00;EUR;x\n",
         "pay.csv:2: column Id: expected at most 64 characters, got 65"),
        ("inv.json", json.dumps({"items": [{
            "id": LONG, "invoiceDate": "2026-01-05T10:00:00Z", "totalCharges": 100,
            "paidAmount": 0, "currencyCode": "EUR", "documentType": "invoice",
            "invoiceType": "Recurring"}]}), "id: expected at most 64 characters, got 71"),
        ("recon.csv", None, "recon.csv:2: column InvoiceNumber: expected at most 64 characters"),
    ],
)  # fmt: skip
def test_a_number_too_long_is_refused_alike_in_a_file_and_on_a_server(
    ws_path, cli, write_text, write_recon, name, content, said
):
    """A workspace file took a 71-character invoice number, a server failed on it (exit 1):
    both refuse it at import, with the file, row and column, and store nothing."""
    path = write_recon([(LONG, "Contoso", "10.00")]) if content is None else write_text(
        name, content)  # fmt: skip
    code, _out, err = cli("import", path)
    assert code == 2, err
    assert said in err and "Traceback" not in err
    assert cli("invoices", "--json")[1].strip() == "[]"
