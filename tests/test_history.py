"""The ledger is history (DOMAIN.md, "Time: the ledger is history"): every figure as of a date
follows from the facts and their dates, never from the order the files were imported in."""

import shutil
import tempfile
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import _to_json, invoice
from core.workspace import Workspace

D = Decimal
VOID_REBILL = [
    invoice("G000900001", "2026-03-12", "1000.00"),
    invoice("G000900002", "2026-04-03", "-1000.00", documentType="void_note",
            amendsOf="G000900001"),
    invoice("G000900003", "2026-04-03", "1000.00", amendsOf="G000900001"),
]  # fmt: skip
CREDIT_AFTER_PAYMENT = [
    invoice("G000900011", "2026-06-08", "800.00", "USD"),
    invoice("G000900012", "2026-07-15", "-500.00", "USD", documentType="credit_note"),
]


def balance(cli_json, as_of: str) -> dict:
    return cli_json("balance", "--as-of", as_of)


def test_void_and_rebill_as_of_a_date(cli, cli_json, write_invoices, write_text):
    """Allocated after the void is known, the payment still pays the original before the
    void's date, and the rebill from it on."""
    cli("import", write_invoices(VOID_REBILL))
    cli("import", write_text("p.csv", "Date,Amount,Currency,Reference\n"
                                      "2026-03-20,400.00,EUR,G000900001\n"))  # fmt: skip
    assert cli("auto-allocate", "--apply")[0] == 0
    assert balance(cli_json, "2026-03-31")["EUR"] == {
        "amount_due": "600.00",
        "unallocated_payments": "0.00",
        "unapplied_credits": "0.00",
    }
    assert balance(cli_json, "2026-04-30")["EUR"]["amount_due"] == "600.00"
    (rebill,) = [i for i in cli_json("invoices", "--as-of", "2026-04-30")
                 if i["number"] == "G000900003"]  # fmt: skip
    assert (rebill["open"], rebill["status"]) == ("600.00", "partly_paid")
    (original,) = [i for i in cli_json("invoices", "--as-of", "2026-03-31")
                   if i["number"] == "G000900001"]  # fmt: skip
    assert (original["open"], original["status"]) == ("600.00", "partly_paid")


def test_a_credit_memo_after_an_earlier_payment(cli, cli_json, write_invoices, write_text):
    """Microsoft applies the credit on its own date to what is still owed then."""
    cli("import", write_invoices(CREDIT_AFTER_PAYMENT))
    cli("import", write_text("p.csv", "Date,Amount,Currency,Reference\n"
                                      "2026-07-03,500.00,USD,G000900011\n"))  # fmt: skip
    assert cli("auto-allocate", "--apply")[0] == 0
    assert balance(cli_json, "2026-07-20")["USD"] == {
        "amount_due": "0.00",
        "unallocated_payments": "0.00",
        "unapplied_credits": "200.00",
    }
    assert balance(cli_json, "2026-07-10")["USD"] == {
        "amount_due": "300.00",
        "unallocated_payments": "0.00",
        "unapplied_credits": "0.00",
    }


def test_the_credit_memo_case_downloaded_in_two_steps_gives_the_same(
    cli, cli_json, write_invoices, write_text
):
    """The invoice list as downloaded on 10 July (no credit memo yet), then on 20 July."""
    cli("import", write_invoices(CREDIT_AFTER_PAYMENT[:1], "10-july.json"))
    cli("import", write_text("p.csv", "Date,Amount,Currency,Reference\n"
                                      "2026-07-03,500.00,USD,G000900011\n"))  # fmt: skip
    assert cli("auto-allocate", "--apply")[0] == 0
    cli("import", write_invoices(CREDIT_AFTER_PAYMENT, "20-july.json"))
    assert balance(cli_json, "2026-07-20")["USD"] == {
        "amount_due": "0.00",
        "unallocated_payments": "0.00",
        "unapplied_credits": "200.00",
    }


# ---------------------------------------------------------------- any order, any split

START = date(2026, 1, 5)
amounts = st.integers(10_000, 500_000).map(lambda c: D(c).scaleb(-2))


@st.composite
def histories(draw):
    """Invoices (one maybe voided and rebilled), credit memos, payments quoting invoices (some
    several, some partial), each with its date; and the days to ask."""
    n = draw(st.integers(1, 4))
    docs, numbers = [], []
    for i in range(n):
        number = f"G0009100{i:02d}"
        numbers.append(number)
        docs.append(invoice(number, str(START + timedelta(days=10 * i)), str(draw(amounts))))
    if draw(st.booleans()):
        k = draw(st.integers(0, n - 1))
        victim, total = numbers[k], docs[k]["totalCharges"]
        when = str(START + timedelta(days=draw(st.integers(5, 60))))
        docs.append(invoice("G000919001", when, str(-total), documentType="void_note",
                            amendsOf=victim))  # fmt: skip
        docs.append(invoice("G000919002", when, str(draw(amounts)), amendsOf=victim))
    for k in range(draw(st.integers(0, 2))):
        when = str(START + timedelta(days=draw(st.integers(0, 70))))
        docs.append(invoice(f"G00092900{k}", when, str(-draw(amounts)), documentType="credit_note"))
    payments = []
    # distinct amounts: two transfers of one amount days apart quoting the same invoice are
    # the same transfer read twice (kept once), which is another rule
    for amount in draw(st.lists(amounts, max_size=4, unique=True)):
        # one or two invoices quoted: the second may come in a later download (the choice is
        # recorded then, and the money still goes in the order the payment quotes them)
        quoted = draw(st.lists(st.sampled_from(numbers), min_size=1, max_size=2, unique=True))
        when = START + timedelta(days=draw(st.integers(0, 80)))
        payments.append(f"{when},{amount},EUR,{' '.join(quoted)}")
    split = draw(st.integers(0, len(docs) - 1))
    days = [START + timedelta(days=d) for d in (0, 15, 30, 45, 60, 90, 120)]
    return docs, payments, split, days


def figures(ws: Workspace, days) -> list:
    out = []
    for day in days:
        ledger = ws.books.ledger(day)
        out.append((
            {c: (b.amount_due, b.unallocated_payments, b.unapplied_credits)
             for c, b in ledger.balance().items()},
            {n: (i.open, i.status) for n, i in ledger.invoices.items()},
            sorted((s.date, s.amount, s.remaining) for s in ledger.payments.values()),
            {c: s.remaining for c, s in ledger.credits.items()},
        ))  # fmt: skip
    return out


def replay(folder, name, steps, days) -> list:
    """Import the files in this order, allocating by reference after each, as a clerk does."""
    with Workspace(folder / f"{name}.db") as ws:
        for kind, content, file in steps:
            path = folder / f"{name}-{file}"
            if kind == "invoices":
                path.write_text(_to_json({"totalCount": len(content), "items": content}))
            else:
                path.write_text("Date,Amount,Currency,Reference\n" + content)
            ws.imports.import_file(path)
            ws.allocations.auto_allocate(apply=True)
        return figures(ws, days)


def test_a_payment_quoting_two_invoices_pays_them_in_its_order_whichever_came_first(tmp_path):
    """The transfer quotes G000910002 then G000910001; G000910002 arrives in a later download:
    the money still goes to G000910002 first, as when both were there from the start."""
    first = invoice("G000910001", "2026-01-08", "100.00")
    second = invoice("G000910002", "2026-02-08", "100.00")
    paid = ("payments", "2026-02-20,150.00,EUR,G000910002 G000910001\n", "p.csv")
    at_once = replay(tmp_path, "at-once", [("invoices", [first, second], "all.json"), paid],
                     [date(2026, 3, 1)])  # fmt: skip
    in_two = replay(tmp_path, "in-two", [("invoices", [first], "early.json"), paid,
                                          ("invoices", [first, second], "later.json")],
                    [date(2026, 3, 1)])  # fmt: skip
    assert at_once[0][1] == {"G000910001": (D("50.00"), "partly_paid"),
                             "G000910002": (D("0.00"), "paid")}  # fmt: skip
    assert in_two == at_once


@settings(max_examples=40, deadline=None, derandomize=True)
@given(histories(), st.data())
def test_any_import_order_and_any_split_of_the_downloads_give_the_same_figures(history, data):
    docs, payments, split, days = history
    folder = Path(tempfile.mkdtemp(prefix="orders-"))
    # an earlier download holds the first documents (by date), the later one all of them
    by_date = sorted(docs, key=lambda d: d["invoiceDate"])
    steps = [("invoices", by_date, "later.json")]
    if split:
        steps.append(("invoices", by_date[:split], "early.json"))
    steps += [("payments", line + "\n", f"p{k}.csv") for k, line in enumerate(payments)]
    reference = replay(folder, "all-at-once", [("invoices", by_date, "all.json"),
                                               *[s for s in steps if s[0] == "payments"]],
                       days)  # fmt: skip
    orders = data.draw(st.lists(st.permutations(steps), min_size=1, max_size=3))
    for n, order in enumerate(orders):
        assert replay(folder, f"order{n}", order, days) == reference, [s[2] for s in order]
    shutil.rmtree(folder, ignore_errors=True)


def test_a_workspace_of_the_previous_version_retires_its_stored_credit_applications(
    tmp_path, write_invoices
):
    """Before, an import stored Microsoft's application of a credit note; after the upgrade
    the ledger works it out as of each date, and the log says what changed and why."""
    from alembic import command

    from core.store.database import alembic_config, open_engine

    path = tmp_path / "old.db"
    engine = open_engine(path, readonly=False)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0008")
        conn.exec_driver_sql(
            "INSERT INTO audit (id, at, os_user, action, summary, details) VALUES "
            "(1, '2026-07-20 10:00:00', 'clerk', 'apply-credits', 'credit notes applied', '{}')"
        )
        conn.exec_driver_sql(
            "INSERT INTO allocations (id, source_kind, source_id, invoice_number, amount, method,"
            " created_audit_id) VALUES (1, 'credit', 'G000900012', 'G000900011', '500.00',"
            " 'auto-credit', 1)"
        )
    engine.dispose()
    with Workspace(path) as ws:
        assert ws.books.allocations() == []
        (entry,) = [e for e in ws.journal.log() if e["action"] == "migrate"]
        assert entry["summary"].startswith(
            "credit notes in automatic mode are now applied as of each date (on their own date, "
            "after the payments dated before them) instead of when their file was imported: 1 "
            "stored application(s) retired"
        )
        assert entry["summary"].endswith("(#1 G000900012→G000900011 500.00)")
        ws.imports.import_file(write_invoices(CREDIT_AFTER_PAYMENT))
        credit = ws.books.ledger(date(2026, 7, 20)).credits["G000900012"]
        assert [(a.target, a.applied) for a in credit.allocations] == [("G000900011", D("500.00"))]
