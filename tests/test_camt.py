"""camt.052/053/054 through the command line: balances checked, batch details that must
add up to their entry, batches whose details carry no amounts, unsigned amounts, versions.

The fixtures under tests/data/camt/ follow the shapes of public test files (see
tests/data/README.md); each refusal is exit 2 naming the file and the element, with
nothing imported."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from core.workspace import Workspace

CAMT = Path(__file__).parent / "data" / "camt"


def copy(tmp_path: Path, name: str, replace: tuple[str, str] | None = None) -> Path:
    path = tmp_path / name
    shutil.copy(CAMT / name, path)
    if replace:
        text = path.read_text(encoding="utf-8")
        assert replace[0] in text
        path.write_text(text.replace(*replace), encoding="utf-8")
    return path


@pytest.fixture
def payments(ws_path):
    """(id, date, amount, currency, structured references) of each payment stored."""

    def read() -> list[tuple[str, str, str, str, list[str]]]:
        with Workspace(ws_path, readonly=True) as ws:
            return [(p.id, p.date.isoformat(), str(p.amount), p.currency,
                     [r.number for r in p.references]) for p in ws.books.payments()]  # fmt: skip

    return read


@pytest.fixture
def bank_details(ws_path):
    def read() -> list[tuple[str, str, str]]:
        with Workspace(ws_path, readonly=True) as ws:
            return [(p.bank_reference, p.bank_account, p.counterparty) for p in ws.books.payments()]

    return read


def refused(cli, payments, path: Path) -> str:
    """The one line that names the file and the element; nothing imported."""
    code, out, err = cli("import", path)
    assert code == 2, (out, err)
    first, verdict = err.strip().splitlines()
    assert verdict == f"{path}: not imported: nothing from this file was stored"
    assert payments() == []
    assert first.startswith(f"{path}:")
    return first[len(f"{path}:") :]


# ------------------------------------------------------------------ balances


def test_balanced_statement_is_read_with_its_check_and_every_entry_said(cli, tmp_path, payments):
    path = copy(tmp_path, "camt053-v02-balanced.xml")
    code, out, err = cli("import", path, "--payee", "INSURANCE COMPANY")
    assert code == 0, err
    assert (
        "  check: account FR7610107001011234567890129: opening 12000.00 + 4 booked entries = "
        "closing 10777.01 EUR"
    ) in out.splitlines()
    assert payments() == [
        ("P1", "2026-03-12", "754.25", "EUR", []),
        ("P2", "2026-03-12", "1210.00", "EUR", ["G000000101"]),
    ]
    skipped = [line.rsplit(": ", 1)[1] for line in out.splitlines() if "skipped:" in line]
    assert skipped == [
        "a reversal (cancelled movement), not a payment",
        "a reversal (cancelled movement), not a payment",
        "money received, not a payment made",
        "not booked yet (pending)",
    ]


def test_closing_balance_that_does_not_add_up_is_refused_naming_it(cli, tmp_path, payments):
    path = copy(tmp_path, "camt053-v02-balanced.xml", ("10777.01", "10787.01"))
    assert refused(cli, payments, path) == (
        "Document/BkToCstmrStmt/Stmt[1]/Bal[2]: opening balance OPBD (Bal[1]) 12000.00 + 4 "
        "booked entries -1222.99 = 10777.01 EUR, but the closing balance CLBD says 10787.01: "
        "the statement is incomplete or altered"
    )


def test_a_missing_entry_is_seen_by_the_balances(cli, tmp_path, payments):
    text = (CAMT / "camt053-v02-balanced.xml").read_text(encoding="utf-8")
    start = text.index("<Ntry>", text.index("1405.31") - 200)
    end = text.index("</Ntry>", start) + len("</Ntry>")
    path = tmp_path / "cut.xml"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    assert "3 booked entries -2628.30 = 9371.70 EUR" in refused(cli, payments, path)


def test_debit_balance_and_previous_closing_balance(cli, tmp_path, payments):
    # an overdrawn account: the balances say DBIT; PRCD stands for the opening balance
    path = copy(tmp_path, "camt053-v10-previous-closing.xml")
    text = path.read_text(encoding="utf-8")
    text = text.replace('<Amt Ccy="EUR">100.00</Amt>\n                <CdtDbtInd>CRDT',
                        '<Amt Ccy="EUR">400.00</Amt>\n                <CdtDbtInd>DBIT')  # fmt: skip
    text = text.replace('<Amt Ccy="EUR">0.00</Amt>\n                <CdtDbtInd>CRDT',
                        '<Amt Ccy="EUR">500.00</Amt>\n                <CdtDbtInd>DBIT')  # fmt: skip
    path.write_text(text, encoding="utf-8")
    code, out, err = cli("import", path)
    assert code == 0, err
    assert "opening -500.00 + 2 booked entries = closing -400.00 EUR" in out
    assert payments() == [("P1", "2026-06-28", "900.00", "EUR", [])]


def test_statement_without_balances_is_read_unchecked(cli, tmp_path):
    path = copy(tmp_path, "camt052-v02-batch-without-amounts.xml")
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("<Bal>")] + text[text.index("<Ntry>") :], "utf-8")
    code, out, err = cli("import", path)
    assert code == 0, err
    assert "check:" not in out


# ------------------------------------------------------------------ batches


def test_batch_details_in_another_currency_and_direction_are_refused_naming_the_entry(
    cli, tmp_path, payments
):
    path = copy(tmp_path, "camt053-v04-batch-details-disagree.xml")
    assert refused(cli, payments, path) == (
        "Document/BkToCstmrStmt/Stmt[1]/Ntry[1]: the entry is -1500.00 EUR but its 2 "
        "transaction details add up to +1500.00 USD: a batch's details must add up to the "
        "entry in EUR"
    )


def test_batch_details_that_add_up_are_two_payments(cli, tmp_path, payments):
    path = copy(tmp_path, "camt053-v04-batch-details-disagree.xml")
    text = path.read_text(encoding="utf-8").replace('Ccy="USD"', 'Ccy="EUR"')
    path.write_text(text.replace("<CdtDbtInd>CRDT</CdtDbtInd>", "<CdtDbtInd>DBIT</CdtDbtInd>"))
    code, out, err = cli("import", path)
    assert code == 0, err
    assert [p[2:4] for p in payments()] == [("1000.00", "EUR"), ("500.00", "EUR")]


def test_batch_details_in_the_entry_currency_that_do_not_add_up(cli, tmp_path, payments):
    path = copy(
        tmp_path, "camt053-v04-batch-details-disagree.xml", ('"USD">500.00', '"EUR">400.00')
    )
    text = path.read_text(encoding="utf-8").replace('Ccy="USD"', 'Ccy="EUR"')
    path.write_text(text.replace("<CdtDbtInd>CRDT</CdtDbtInd>", "<CdtDbtInd>DBIT</CdtDbtInd>"))
    assert refused(cli, payments, path) == (
        "Document/BkToCstmrStmt/Stmt[1]/Ntry[1]: the entry is -1500.00 EUR but its 2 "
        "transaction details add up to -1400.00 EUR: a batch's details must add up to the "
        "entry in EUR"
    )


def test_one_detail_of_a_batch_without_its_amount(cli, tmp_path, payments):
    path = copy(tmp_path, "camt053-v04-batch-details-disagree.xml",
                ('<Amt Ccy="USD">500.00</Amt>', ""))  # fmt: skip
    assert refused(cli, payments, path) == (
        "Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/NtryDtls/TxDtls[2]/Amt: expected the amount of "
        "each transaction (the others state one)"
    )


def test_batch_whose_details_carry_no_amounts_is_one_payment_with_every_reference(
    cli, tmp_path, payments, bank_details
):
    path = copy(tmp_path, "camt052-v02-batch-without-amounts.xml")
    code, out, err = cli("import", path)
    assert code == 0, err
    assert payments() == [("P1", "2026-03-16", "1750.00", "EUR", ["G000000201", "G000000202"])]
    assert bank_details() == [
        ("CSPTEST-ACCR-01", "CH2801234000123456789", "MICROSOFT IRELAND OPERATIONS LTD")
    ]


def test_one_detail_in_another_currency_and_direction_is_the_entry_itself(cli, tmp_path, payments):
    # OCA's multi-currency shape: the only detail states the instructed amount in another
    # currency (and here a direction of its own); the entry says what the account moved
    path = copy(tmp_path, "camt053-v10-previous-closing.xml",
                ("<NtryDtls>\n                    <TxDtls>",
                 '<NtryDtls>\n                    <TxDtls><AmtDtls><InstdAmt><Amt Ccy="USD">'
                 "980.00</Amt></InstdAmt></AmtDtls><CdtDbtInd>CRDT</CdtDbtInd>"))  # fmt: skip
    code, out, err = cli("import", path)
    assert code == 0, err
    assert payments() == [("P1", "2026-06-28", "900.00", "EUR", [])]


# ------------------------------------------------------------------ amounts, versions


def test_negative_amount_is_refused_naming_the_element(cli, tmp_path, payments):
    path = copy(tmp_path, "camt053-v08-negative-amount.xml")
    assert refused(cli, payments, path) == (
        "Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/Amt: expected an amount without a sign (ISO "
        "20022 amounts are unsigned, CdtDbtInd gives the direction), got '-100.00'"
    )


@pytest.mark.parametrize("element", ["Bal", "RmtdAmt"])
def test_negative_balance_or_remitted_amount_is_refused(cli, tmp_path, element, payments):
    if element == "Bal":
        path = copy(tmp_path, "camt053-v02-balanced.xml", (">12000.00<", ">-12000.00<"))
        where = "Document/BkToCstmrStmt/Stmt[1]/Bal[1]/Amt"
    else:
        path = copy(
            tmp_path, "camt053-v02-balanced.xml", (">1210.00</RmtdAmt", ">-1210.00</RmtdAmt")
        )
        where = "Document/BkToCstmrStmt/Stmt[1]/Ntry[4]/RmtInf/Strd/RfrdDocAmt/RmtdAmt"
    line = refused(cli, payments, path)
    assert line.startswith(f"{where}: expected an amount without a sign")


def test_a_version_not_read_is_named(cli, tmp_path, payments):
    path = copy(tmp_path, "camt052-v01-report.xml")
    assert refused(cli, payments, path) == (
        "Document: camt.052.001.01 is not a version CSP Reconciler reads (camt.052, camt.053 "
        "and camt.054 versions .001.02 to .001.13)"
    )


def test_a_recent_version_is_read(cli, tmp_path, payments):
    path = copy(tmp_path, "camt053-v10-previous-closing.xml")
    code, out, err = cli("import", path)
    assert code == 0, err
    assert payments() == [("P1", "2026-06-28", "900.00", "EUR", [])]


def test_a_date_out_of_range_is_refused_naming_the_element(cli, tmp_path, payments):
    path = copy(tmp_path, "camt053-v10-previous-closing.xml", ("2026-06-28T21", "9999-06-28T21"))
    assert refused(cli, payments, path) == (
        "Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/BookgDt: expected a date: "
        "'9999-06-28T21:40:58.810767+02:00' is not a year between 1900 and 2100"
    )
