"""The same transfer in two statements — the camt.053 and the CFONB of one account, or two
exports that overlap — is one payment with both sources; from two different accounts it is a
probable duplicate, kept once and said, never counted twice silently."""

from __future__ import annotations

import json
from pathlib import Path

import bankfiles
import pytest

from conftest import invoice
from core.workspace import Workspace

INVOICES = [
    invoice("G000000001", "2026-01-08", "1000.00"),
    invoice("G000000003", "2026-02-08", "450.00"),
    invoice("G000000004", "2026-02-08", "800.00"),
]
OTHER_ACCOUNT = "98765432109"  # a CFONB account number that is not inside the camt's IBAN


def statement(tmp_path: Path, kind: str, account: str | None = None) -> Path:
    path = {
        "camt": lambda: bankfiles.camt053(tmp_path / "releve.xml"),
        "cfonb": lambda: bankfiles.cfonb120(tmp_path / "releve.cfo"),
        "mt940": lambda: bankfiles.mt940(tmp_path / "releve.sta"),
    }[kind]()
    if account:
        text = path.read_text(encoding="latin-1")
        path.write_text(text.replace(bankfiles.IBAN[14:25], account), encoding="latin-1")
    return path


@pytest.fixture
def stored(ws_path):
    """(id, amount, sources) of each payment stored."""

    def read() -> list[tuple[str, str, list[str]]]:
        with Workspace(ws_path, readonly=True) as ws:
            return [(p.id, str(p.amount), [s.rsplit("/", 1)[-1] for s in
                     ws.books.payment_sources(p.id)]) for p in ws.books.payments()]  # fmt: skip

    return read


def notes(out: str) -> list[str]:
    return [line.split(": ", 2)[2] for line in out.splitlines() if line.startswith("  note: ")]


def balance(cli) -> dict[str, str]:
    assert cli("auto-allocate", "--apply")[0] == 0
    code, out, err = cli("balance", "--as-of", "2026-04-30", "--json")
    assert code == 0, err
    return json.loads(out)["EUR"]


@pytest.mark.parametrize("first, second", [("camt", "cfonb"), ("cfonb", "camt")])
def test_camt_and_cfonb_of_one_account_are_one_payment_with_both_sources(
    first, second, cli, write_invoices, tmp_path, stored
):
    assert cli("import", write_invoices(INVOICES))[0] == 0
    assert cli("import", statement(tmp_path, first))[0] == 0
    code, out, err = cli("import", statement(tmp_path, second))
    assert code == 0, err
    assert "3 payments unchanged" in out and "created" not in out
    earlier = str(statement(tmp_path, first))
    said = notes(out)
    assert [n.replace(n[n.index(" (") : n.index("): ") + 1], "") for n in said] == [
        f"the same transfer as P{n}: kept once, both sources recorded" for n in (1, 2, 3)
    ]
    assert all(f" ({earlier}" in n for n in said)
    assert [(p, a, len(s)) for p, a, s in stored()] == [
        ("P1", "1000.00", 2),
        ("P2", "750.00", 2),
        ("P3", "300.00", 2),
    ]
    # 2250.00 owed; 1000.00 and 750.00 quote invoices, the 300.00 down payment does not:
    # counted twice, the second 750.00 would pay G000000004's last 500.00 and more
    assert balance(cli) == {
        "amount_due": "500.00",
        "unallocated_payments": "300.00",
        "unapplied_credits": "0.00",
    }


def test_overlapping_exports_of_another_format_add_nothing_twice(cli, tmp_path, stored):
    assert cli("import", statement(tmp_path, "camt"))[0] == 0
    assert cli("import", statement(tmp_path, "cfonb"))[0] == 0
    code, out, err = cli("import", statement(tmp_path, "mt940"))
    assert code == 0, err
    assert "created" not in out.splitlines()[0]
    assert [(p, a) for p, a, _s in stored()] == [
        ("P1", "1000.00"),
        ("P2", "750.00"),
        ("P3", "300.00"),
    ]


def test_another_account_is_a_probable_duplicate_kept_once_and_said(cli, tmp_path, stored):
    camt = statement(tmp_path, "camt")
    assert cli("import", camt)[0] == 0
    cfonb = statement(tmp_path, "cfonb", OTHER_ACCOUNT)
    code, out, err = cli("import", cfonb)
    assert code == 0, err
    assert "3 payments unchanged" in out and "created" not in out
    said = notes(out)
    assert said[0] == (
        f"probable duplicate of P1 ({camt}; account "
        f"{OTHER_ACCOUNT} vs {bankfiles.IBAN}): the same date, amount and reference, kept once, "
        "recorded as a second source of P1; if they are two transfers, import this one from a "
        "payments list with an Id of its own and its bank account"
    )
    assert [s.split(" (", 1)[0] for s in said] == [
        "probable duplicate of P1",
        "probable duplicate of P2",
        "probable duplicate of P3",
    ]
    assert [(p, a, len(s)) for p, a, s in stored()] == [
        ("P1", "1000.00", 2),
        ("P2", "750.00", 2),
        ("P3", "300.00", 2),
    ]


def test_two_transfers_from_two_accounts_kept_apart_with_an_id_of_their_own(
    cli, write_text, tmp_path, stored
):
    assert cli("import", statement(tmp_path, "camt"))[0] == 0
    listed = write_text(
        "second.csv",
        "Id;Date;Amount;Currency;Reference;Bank account\n"
        f"B-1;10/03/2026;1000,00;EUR;G000000001;{OTHER_ACCOUNT}\n",
    )
    code, out, err = cli("import", listed)
    assert code == 0, err
    assert "1 payments created" in out
    assert sorted((p, a) for p, a, _s in stored()) == [
        ("B-1", "1000.00"),
        ("P1", "1000.00"),
        ("P2", "750.00"),
        ("P3", "300.00"),
    ]
