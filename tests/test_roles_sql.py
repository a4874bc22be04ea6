"""The team roles as the server enforces them, tried through plain SQL: each clerk connects
with psycopg (no program in between) and tries every table, every column, every sequence and
the functions the workspace adds; what is allowed and refused is exactly what
``core.store.roles`` declares.  Also: the attack on the notes' ids is refused, and the set-up
steps for IT in README.md work as written.

These run when ``CSP_TEST_PG_URL`` names a server (``.ci/postgres start`` gives one).
"""

from __future__ import annotations

import io
import json
import os
import random
import re
import shlex
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from conftest import PG_URL
from core.cli import main
from core.store import roles
from core.store import schema as t
from core.workspace import Workspace

pytestmark = pytest.mark.skipif(not PG_URL, reason="needs a PostgreSQL server (CSP_TEST_PG_URL)")

TAG = f"{os.getpid()}_{random.randrange(10**6)}"
CLERKS = {f"boss_{TAG}": "admin-agent", f"ann_{TAG}": "billing-admin",
          f"sue_{TAG}": "support-agent", f"sam_{TAG}": "sales"}  # fmt: skip
WHO = {role: name for name, role in CLERKS.items()}
REFUSED = "42501"  # insufficient_privilege

# A bank statement: a transfer to Microsoft quoting an invoice the workspace has (with the
# amount) and one it has not, and two entries the import skips (a customer paying us, a
# direct debit): their counterparties, labels and amounts are bank details.
STATEMENT = "releve_banque_2026-11.xml"
MOVEMENTS = [
    (date(2026, 11, 10), Decimal("-500.00"), "EUR", "MICROSOFT IRELAND OPERATIONS LTD",
     "VIR G000100014", [("G000100014", Decimal("500.00")), ("G999999999", Decimal("10.00"))]),
    (date(2026, 11, 12), Decimal("2500.00"), "EUR", "CLIENT DURAND SARL", "FACTURE F2026-001",
     []),
    (date(2026, 11, 13), Decimal("-617.14"), "EUR", "ORANGE SA", "PRLV ORANGE 76662391", []),
]  # fmt: skip
BANK_WORDS = ("DURAND", "ORANGE", "617.14", "F2026-001", "G999999999", STATEMENT)


def _admin():
    return create_engine(PG_URL, isolation_level="AUTOCOMMIT")


@pytest.fixture(scope="module")
def team(tmp_path_factory):
    """The demo workspace and a bank statement on a fresh server database, with the roles
    and one clerk of each."""
    from core.demo import write_demo
    from tests.bankfiles import camt053

    tmp = tmp_path_factory.mktemp("roles_sql")
    name = f"csp_roles_{TAG}"
    admin = _admin()
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    owner = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    demo = write_demo(tmp / "demo", today=date(2026, 11, 23))
    statement = camt053(tmp / STATEMENT, movements=MOVEMENTS)
    for args in (["migrate-workspace", str(demo), owner],
                 ["--db", owner, "set", "company_account", "FR7630006000011234567890189"],
                 ["--db", owner, "import", str(statement)],
                 ["--db", owner, "auto-allocate", "--apply"],
                 ["--db", owner, "admin", "init-team-db"]):  # fmt: skip
        assert main(args) == 0, args
    for clerk, role in CLERKS.items():
        assert main(["--db", owner, "admin", "add-user", clerk, "--role", role]) == 0

    def url(role: str) -> str:
        return make_url(owner).set(username=WHO[role]).render_as_string(hide_password=False)

    yield url
    with admin.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        for clerk in CLERKS:
            conn.exec_driver_sql(f"DROP ROLE IF EXISTS {clerk}")
    admin.dispose()


class clerk:
    """A clerk's own connection to the server, plain SQL, each statement on its own."""

    def __init__(self, url: str) -> None:
        self.engine = create_engine(url, isolation_level="AUTOCOMMIT")

    def __enter__(self):
        self.conn = self.engine.connect()
        return self

    def __exit__(self, *exc):
        self.conn.close()
        self.engine.dispose()

    def try_(self, sql: str, params: dict | None = None) -> str:
        """'' when the server ran it, else its sqlstate."""
        try:
            self.conn.exec_driver_sql(sql, params or {}).close()
        except Exception as exc:  # noqa: BLE001 - the server's answer is what is tested
            return getattr(getattr(exc, "orig", None), "sqlstate", None) or repr(exc)
        return ""

    def rows(self, sql: str) -> list[tuple]:
        return [tuple(r) for r in self.conn.exec_driver_sql(sql)]


def _columns(table: str) -> list[str]:
    if table == "alembic_version":
        return ["version_num"]
    return [c.name for c in t.metadata.tables[table].columns]


def _attempts(table: str) -> dict[tuple[str, str], str]:
    """Each privilege on each column (DELETE: on the table) as a statement that touches no
    row: only the server's rights decide whether it runs."""
    out = {("DELETE", ""): f"DELETE FROM {table} WHERE false"}
    for col in _columns(table):
        q = f'"{col}"'
        out[("SELECT", col)] = f"SELECT {q} FROM {table} WHERE false"
        out[("INSERT", col)] = f"INSERT INTO {table} ({q}) SELECT NULL WHERE false"
        out[("UPDATE", col)] = f"UPDATE {table} SET {q} = NULL WHERE false"
    return out


def _expected(role: str, table: str, privilege: str, column: str) -> bool:
    granted = roles.rights()[role][table]
    if privilege not in granted:
        return False
    columns = granted[privilege]
    return columns is None or column in columns


@pytest.mark.parametrize("role", list(roles.ROLES))
def test_every_table_and_column_is_exactly_as_declared(team, role):
    tables = roles.rights()[role]
    assert set(tables) == {s.name for s in t.metadata.sorted_tables} | {"alembic_version"}
    wrong = []
    with clerk(team(role)) as c:
        for table in tables:
            for (privilege, column), sql in _attempts(table).items():
                state = c.try_(sql)
                assert state in ("", REFUSED), (sql, state)
                if (state == "") != _expected(role, table, privilege, column):
                    wrong.append(f"{privilege} {table}.{column}: {'refused' if state else 'ran'}")
    assert not wrong, f"{role}: " + "; ".join(wrong)


# The bank's words a salesperson must never read, whatever the program does.
SALES_REFUSED = {
    "payments": ("reference", "bank_account", "counterparty", "bank_reference", "source_file",
                 "source_sheet", "source_row", "payee_account"),
    "audit": ("summary", "details"),
    "payment_sources": ("payment_id", "format", "place"),
    "planned_payments": ("reference", "amount", "payment_id"),
    "plan_lines": ("invoice_number", "amount"),
}  # fmt: skip


def test_sales_cannot_read_the_bank_details_by_sql(team):
    with clerk(team("sales")) as c:
        for table, columns in SALES_REFUSED.items():
            for col in columns:
                assert c.try_(f"SELECT {col} FROM {table}") == REFUSED, (table, col)
        # the imports: those of invoice files only; no statement's name, no skipped entry
        seen = c.rows("SELECT file_name, format, summary FROM imports")
        assert len(seen) == 2 and all(fmt.startswith("Partner Center") for _f, fmt, _s in seen)
        said = json.dumps(seen)
        for word in (*BANK_WORDS, "paiements.csv", "Payments (CSV/XLSX)"):
            assert word not in said, word
        # the invoices a transfer quoted: only the one its reference chose for an allocation
        refs = c.rows("SELECT payment_id, invoice_number, amount FROM payment_references")
        settings = dict(c.rows("SELECT key, value FROM settings"))
    with clerk(team("support-agent")) as c:
        every = c.rows("SELECT payment_id, invoice_number, amount FROM payment_references")
        chosen = c.rows(
            "SELECT source_id, invoice_number FROM allocations "
            "WHERE method = 'auto-reference' AND removed_audit_id IS NULL"
        )
        imports = c.rows("SELECT file_name, summary FROM imports")
    assert {r[1] for r in every} >= {"G000100014", "G999999999"}
    assert {r[1] for r in refs} == {"G000100014"}
    assert {(r[0], r[1]) for r in refs} <= set(chosen)
    assert any(STATEMENT in f and "DURAND" in s for f, s in imports)  # the others do see them
    assert "company_account" not in settings and "company_name" in settings


def test_sales_see_the_imports_of_every_invoice_format_and_of_no_bank_format():
    """The imports' row policy names formats by the names the importers give them: each
    format that brings payments is hidden from sales, each other one shown."""
    from core.importers import IMPORTERS
    from core.importers.mapped import MappedTable

    rule = re.compile(re.search(r"'(.*)'", roles.SALES_ROWS["imports"]).group(1))
    bank = {"camt", "ofx", "cfonb120", "mt940", "bank-table", "payments"}
    names = {key: imp.name for key, imp in IMPORTERS.items()}
    names |= {f"mapped-{k}": MappedTable(k, {}).name for k in ("payments", "invoices")}
    for key, name in names.items():
        hidden = key in bank or key == "mapped-payments"
        assert (rule.search(name) is None) == hidden, (key, name)


def _cli(url: str, *args: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdout, sys.stderr, sys.stdin
    sys.stdout, sys.stderr, sys.stdin = out, err, io.StringIO(stdin)
    try:
        code = main(["--db", url, *args])
    finally:
        sys.stdout, sys.stderr, sys.stdin = old
    return code, out.getvalue(), err.getvalue()


def test_sales_still_see_balances_aging_invoices_and_charges_through_the_program(team):
    answers = {}
    for role in ("sales", "support-agent"):
        got = []
        for args in (("balance", "--as-of", "2026-11-23", "--json"),
                     ("aging", "--as-of", "2026-11-23", "--by", "customer", "--json"),
                     ("invoices", "--as-of", "2026-11-23", "--json"),
                     ("credits", "--as-of", "2026-11-23", "--json"),
                     ("lines", "G000100011", "--json")):  # fmt: skip
            code, out, err = _cli(team(role), *args)
            assert code == 0, (role, args, err)
            got.append(json.loads(out))
        with Workspace(team(role), readonly=True) as ws:  # an invoice's history
            got.append(ws.books.history("G000100001"))
        code, out, err = _cli(team(role), "payments", "--as-of", "2026-11-23", "--json")
        assert code == 0, err
        got.append({p["id"]: (p["amount"], p["allocated"]) for p in json.loads(out)})
        answers[role] = got
    assert answers["sales"] == answers["support-agent"]  # the same figures, not the bank's


# ------------------------------------------------------------------ sequences and functions


def _sequences(c: clerk) -> list[str]:
    return [r[0] for r in c.rows("SELECT sequencename FROM pg_sequences "
                                 "WHERE schemaname = 'public' ORDER BY 1")]  # fmt: skip


@pytest.mark.parametrize("role", list(roles.ROLES))
def test_every_sequence_and_function_is_exactly_as_declared(team, role):
    with clerk(team(role)) as c:
        sequences = _sequences(c)
        assert "notes_id_seq" in sequences
        for seq in sequences:
            granted = set(roles.SEQUENCES.get(role, {}).get(seq, ())) | set(
                roles.SEQUENCES.get(role, {}).get("*", ())
            )
            tried = {
                "USAGE": c.try_(f"SELECT nextval('{seq}')"),
                "SELECT": c.try_(f"SELECT last_value FROM {seq}"),
                "UPDATE": c.try_(f"SELECT setval('{seq}', 1000000)"),
            }
            if "UPDATE" in granted:  # put it back where it was (past every id)
                c.try_(f"SELECT setval('{seq}', 1000000)")
            runs = {p for p, state in tried.items() if state == ""}
            assert runs == (granted | ({"USAGE"} if "UPDATE" in granted else set())), seq
        functions = [r[0] for r in c.rows(
            "SELECT proname FROM pg_proc JOIN pg_namespace n ON n.oid = pronamespace "
            "WHERE nspname = 'public' ORDER BY 1")]  # fmt: skip
        assert set(functions) >= {"csp_stamp_notes", "csp_stamp_audit", "csp_announce"}
        for fn in functions:  # trigger functions: only ever run as the server's triggers
            assert c.try_(f"SELECT {fn}()") != "", fn


# ------------------------------------------------------------------ the notes


ATTACK = ("insert into notes(id, subject, at, author, text) "
          "select g, 'P1', now(), 'x', 'y' from generate_series(4, 200) g")  # fmt: skip


def test_a_support_agent_cannot_break_the_others_notes(team):
    with clerk(team("support-agent")) as c:
        assert c.try_(ATTACK) == REFUSED
        assert c.try_("insert into notes(subject, author, text) values ('P1', 'boss', 'x')") \
            == REFUSED  # fmt: skip
        assert c.try_("insert into notes(subject, at, text) values ('P1', now(), 'x')") == REFUSED
        assert c.try_("select setval('notes_id_seq', 1)") == REFUSED
        assert c.try_("update notes set text = 'changed'") == REFUSED
        assert c.try_("delete from notes") == REFUSED
        assert c.try_("insert into notes(subject, text) values ('P1', repeat('x', 10000000))") \
            == "23514"  # check_violation  # fmt: skip
        assert c.try_("insert into notes(subject, text) values ('P1', '   ')") == "23514"
        assert c.try_("insert into notes(subject, text) values ('NO-SUCH-DOC', 'x')") == "23503"
        assert c.try_("insert into notes(subject, text) values ('P1', 'by hand')") == ""
        mine = c.rows("select author, at from notes where text = 'by hand'")
    assert mine[0][0] == WHO["support-agent"] and mine[0][1] is not None
    for role in ("admin-agent", "billing-admin", "support-agent"):
        code, out, err = _cli(team(role), "note", "G000100013", f"{role} was here")
        assert code == 0, (role, err)
        assert re.search(r"note #\d+ recorded on G000100013", out)
    code, out, err = _cli(team("sales"), "notes", "G000100013", "--json")
    assert code == 0, err
    assert {(n["user"], n["text"]) for n in json.loads(out)} >= {
        (WHO[r], f"{r} was here") for r in ("admin-agent", "billing-admin", "support-agent")
    }
    code, _out, err = _cli(team("support-agent"), "note", "P1", "x" * 2001)
    assert code == 2 and "at most 2,000 characters" in err, err


def test_no_clerk_can_take_the_ids_the_server_hands_out(team):
    """The same attack on every numbered table: writing or moving ids, or setting a sequence
    back, is refused to every role (only the owner, copying a workspace, writes ids)."""
    for role in roles.ROLES:
        with clerk(team(role)) as c:
            for table in ("audit", "allocations", "imports", "payment_marks", "claims"):
                assert c.try_(f"INSERT INTO {table} (id) SELECT g FROM generate_series(1, 9) g"
                              " WHERE false") == REFUSED, (role, table)  # fmt: skip
                assert c.try_(f"UPDATE {table} SET id = id + 1 WHERE false") == REFUSED
            for seq in _sequences(c):
                assert c.try_(f"SELECT setval('{seq}', 1)") == REFUSED, (role, seq)
    code, _out, err = _cli(team("billing-admin"), "allocate", "P5", "G000100013=1.00")
    assert code == 0, err  # the program's own inserts are untouched


def test_a_workspace_already_attacked_is_repaired_by_init_team_db(tmp_path):
    """Ids written by hand before the rights were narrowed: re-running ``admin init-team-db``
    (README: after each upgrade) moves the sequence past them, and notes work again."""
    from core.demo import write_demo

    name, admin = f"csp_attacked_{TAG}", _admin()
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    owner = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    try:
        demo = write_demo(tmp_path / "demo", today=date(2026, 11, 23))
        assert main(["migrate-workspace", str(demo), owner]) == 0
        with clerk(owner) as c:  # as a clerk could, before
            assert c.try_(ATTACK.replace("(4, 200)", "(1, 200)")) == ""
        assert _cli(owner, "note", "P1", "collides")[0] != 0
        assert _cli(owner, "admin", "init-team-db")[0] == 0
        code, out, err = _cli(owner, "note", "P1", "works again")
        assert code == 0, err
        assert "note #201 recorded on P1" in out
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.dispose()


# ------------------------------------------------------------------ README's set-up for IT


def _readme_steps() -> list[str]:
    """The commands of README's "Set-up steps for IT", as written (continuation lines
    joined), in order."""
    text = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = text.split("### Set-up steps for IT", 1)[1].split("\n| role |", 1)[0]
    section = section.replace("\\\n", " ")
    return [line.strip() for line in section.splitlines()
            if re.match(r"\s{7,}(sudo |csp-recon )", line)]  # fmt: skip


def test_readme_set_up_steps_for_it_work_as_written(tmp_path):
    """Each command of README's IT section, run literally on the throwaway server: ``sudo -u
    postgres`` becomes the server's superuser connection, the host ``db.example:5432`` the
    throwaway server, the database ``csp`` and the login ``csp_owner`` fresh names (the
    server is shared); ``--pwprompt`` reads the password from standard input."""
    steps = _readme_steps()
    assert [s.split()[:4] for s in steps[:2]] == [
        ["sudo", "-u", "postgres", "createuser"],
        ["sudo", "-u", "postgres", "createdb"],
    ]
    server = make_url(PG_URL)
    database, owner = f"csp_it_{TAG}", f"csp_owner_{TAG}"
    env = {**os.environ, "PGHOST": server.host or "127.0.0.1", "PGPORT": str(server.port or 5432),
           "PGUSER": server.username or "postgres"}  # fmt: skip
    if server.password:
        env["PGPASSWORD"] = server.password

    def ours(word: str) -> str:
        word = re.sub(r"\bcsp_owner\b", owner, word)
        word = word.replace("db.example:5432", f"{env['PGHOST']}:{env['PGPORT']}")
        return re.sub(r"/csp$", f"/{database}", word) if "://" in word else (
            database if word == "csp" else word)  # fmt: skip

    admin = _admin()
    with admin.connect() as conn:  # the clerk README adds (a name shared by the server)
        conn.exec_driver_sql("DROP ROLE IF EXISTS ann")
    ran = []
    try:
        for step in steps:
            words = [ours(w) for w in shlex.split(step, comments=True)]
            if words[:3] == ["sudo", "-u", "postgres"]:
                done = subprocess.run(words[3:], env=env, input="s3cret\ns3cret\n", text=True,
                                      capture_output=True, timeout=60)  # fmt: skip
                assert done.returncode == 0, (step, done.stderr)
            elif "migrate-workspace" in words:
                continue  # optional: moving a clerk's file there (tested in test_store)
            elif "…" in words:
                url = ours("postgresql+psycopg://csp_owner@db.example:5432/csp")
                words = [url if w == "…" else w for w in words]
                code, _out, err = _cli(words[2], *words[3:])
                assert code == 0, (step, err)
            else:
                code, _out, err = _cli(words[2], *words[3:], stdin="ann-password\n")
                assert code == 0, (step, err)
            ran.append(words[3])
        assert ran[:2] == ["createuser", "createdb"] and "admin" in ran
        clerk_url = make_url(PG_URL).set(username="ann", database=database)
        code, out, err = _cli(clerk_url.render_as_string(hide_password=False), "whoami")
        assert code == 0, err
        assert out.startswith("ann (billing-admin)")
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
            for name in ("ann", owner):
                conn.exec_driver_sql(f"DROP ROLE IF EXISTS {name}")
        admin.dispose()
