"""OFX statements (issue 18): read through the command line, FITID as the natural key, the
balances checked; every refusal one plain line naming the file and the element."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_mt940 import check_damaged, damaged

from conftest import DATA
from core.workspace import Workspace

OFX = DATA / "ofx"
STMT = "OFX/BANKMSGSRSV1/STMTTRNRS[1]/STMTRS"


def copy(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    shutil.copy(OFX / name, path)
    return path


def payments(ws_path: Path) -> list[tuple[str, str, str, str, str, str]]:
    with Workspace(ws_path, readonly=True) as ws:
        return [
            (p.id, p.date.isoformat(), str(p.amount), p.currency, p.reference, p.bank_reference)
            for p in ws.books.payments()
        ]


def refused(cli, path: Path) -> str:
    code, out, err = cli("import", path)
    assert code == 2, (out, err)
    first, *rest = err.splitlines()
    assert rest == [f"{path}: not imported: nothing from this file was stored"]
    assert first.startswith(f"{path}:")
    return first


def test_ofx1_sgml_windows_1252_decimal_commas(cli, ws_path, tmp_path):
    path = copy(tmp_path, "releve_sgml.ofx")
    code, out, err = cli("import", path)
    assert code == 0, err
    assert "4 entries read, 2 payments created, 2 skipped" in out
    assert "ledger balance 10582.86 EUR on 2026-03-15 (the file gives no opening" in out
    assert payments(ws_path) == [
        ("P1", "2026-03-10", "1000.00", "EUR", "G000000001", "2026031000001"),
        ("P2", "2026-03-14", "300.00", "EUR", "ACOMPTE", "2026031400004"),
    ]
    assert "2026-03-12 +2500.00 EUR VIR CLIENT DURAND SARL" in out  # a credit: skipped


def test_ofx2_xml_dates_as_written_opening_balance_checked_payee_account(cli, ws_path, tmp_path):
    path = copy(tmp_path, "releve_v2.ofx")
    code, out, err = cli("import", path)
    assert code == 0, err
    assert "opening 10582.86 + movements = ledger balance 12042.47 EUR on 2026-03-31" in out
    # 2026-03-31 00:00 CEST is 2026-03-30 in UTC: the bank's calendar date is kept
    assert payments(ws_path) == [
        ("P1", "2026-03-17", "1250.40", "EUR", "G000000002 G000000003", "20260317-000101"),
        ("P2", "2026-03-31", "2000.00", "EUR", "G000000004", "20260331-000104"),
    ]
    with Workspace(ws_path, readonly=True) as ws:
        assert ws.books.payments()[0].payee_account == "IE29AIBK93115212345678"


def test_overlapping_download_adds_only_new_fitids(cli, ws_path, tmp_path):
    first = copy(tmp_path, "releve_sgml.ofx")
    assert cli("import", first)[0] == 0
    text = first.read_bytes().decode("cp1252")
    head, rest = text.split("<STMTTRN>", 1)
    body = rest.rsplit("</STMTTRN>", 1)[0]
    tail = text.rsplit("</STMTTRN>", 1)[1]
    fourth = "<STMTTRN>" + body.rsplit("<STMTTRN>", 1)[1] + "</STMTTRN>\r\n"
    new = fourth.replace("20260314", "20260316").replace("2026031400004", "2026031600005")
    new = new.replace("-300,00", "-450,00").replace("ACOMPTE", "G000000005")
    later = tmp_path / "releve_suivant.ofx"
    later.write_bytes((head + fourth + new + tail.replace("10582,86", "10132,86")).encode("cp1252"))
    code, out, err = cli("import", later)
    assert code == 0, err
    assert [p[2] for p in payments(ws_path)] == ["1000.00", "300.00", "450.00"]
    assert "2 entries read, 1 payments created, 1 payments unchanged" in out


def test_same_fitid_twice_in_one_file_is_read_once(cli, ws_path, tmp_path):
    path = copy(tmp_path, "releve_sgml.ofx")
    text = path.read_bytes().decode("cp1252")
    start = text.index("<STMTTRN>")
    end = text.index("</STMTTRN>") + len("</STMTTRN>\r\n")
    path.write_bytes((text[:end] + text[start:]).encode("cp1252"))
    code, out, err = cli("import", path)
    assert code == 0, err
    assert "FITID 2026031000001 again (as at" in out
    assert [p[2] for p in payments(ws_path)] == ["1000.00", "300.00"]


def test_two_statements_of_one_account_chain_their_balances(cli, ws_path, tmp_path):
    text = (OFX / "releve_sgml.ofx").read_bytes().decode("cp1252")
    head, rest = text.split("<STMTTRNRS>", 1)
    trnrs, tail = rest.split("</STMTTRNRS>", 1)
    second = trnrs.replace("10582,86", "11165,72").replace("202603", "202604")
    # 10582.86 - 1000 + 2500 - 617.14 - 300 = 11165.72: the April statement starts where March ended
    path = tmp_path / "deux_releves.ofx"
    path.write_bytes(
        "".join(
            (head, "<STMTTRNRS>", trnrs, "</STMTTRNRS><STMTTRNRS>", second, "</STMTTRNRS>", tail)
        ).encode("cp1252")
    )
    code, out, err = cli("import", path)
    assert code == 0, err
    assert "opening 10582.86 + movements = ledger balance 11165.72 EUR" in out
    wrong = tmp_path / "deux_releves_faux.ofx"
    wrong.write_bytes(path.read_bytes().replace(b"11165,72", b"11165,82"))
    line = refused(cli, wrong)
    assert line == (
        f"{wrong}:OFX/BANKMSGSRSV1/STMTTRNRS[2]/STMTRS/LEDGERBAL: opening balance 10582.86 (the "
        "ledger balance of the account's previous statement) + movements 582.86 = 11165.72, "
        "but LEDGERBAL says 11165.82: the file is incomplete or altered"
    )


def test_altered_amount_is_refused_naming_the_balance(cli, ws_path, tmp_path):
    path = copy(tmp_path, "releve_v2.ofx")
    path.write_bytes(path.read_bytes().replace(b"-2000.00", b"-200.00"))
    line = refused(cli, path)
    assert line == (
        f"{path}:{STMT}/LEDGERBAL: opening balance 10582.86 ({STMT}/BALLIST/BAL[1]) + movements "
        "3259.61 = 13842.47, but LEDGERBAL says 12042.47: the file is incomplete or altered"
    )
    assert payments(ws_path) == []


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.95, -5])
def test_truncated_file_is_one_plain_line(cli, ws_path, tmp_path, cut):
    for name in ("releve_sgml.ofx", "releve_v2.ofx"):
        path = copy(tmp_path, name)
        data = path.read_bytes()
        path.write_bytes(data[: int(len(data) * cut) if cut > 0 else cut])  # -5: "</OF"
        line = refused(cli, path)
        assert not any(w in line for w in ("<class", "object at", "Traceback", "(<", "=<"))
        assert payments(ws_path) == []


def test_bad_amount_and_bad_date_are_named(cli, ws_path, tmp_path):
    path = copy(tmp_path, "releve_v2.ofx")
    path.write_bytes(path.read_bytes().replace(b"-89.99", b"-89.9x"))
    assert refused(cli, path).startswith(f"{path}:OFX: not a valid OFX statement:")
    path.write_bytes(path.read_bytes().replace(b"-89.9x", b"-89.999"))
    assert refused(cli, path).startswith(f"{path}:{STMT}/BANKTRANLIST/STMTTRN[3]/TRNAMT: ")
    assert payments(ws_path) == []


def test_formats_lists_ofx(cli):
    code, out, _ = cli("formats")
    assert code == 0 and "ofx" in out and "OFX bank statement" in out


def test_a_mangled_element_is_refused_not_skipped(cli, ws_path, tmp_path):
    path = copy(tmp_path, "releve_sgml.ofx")
    data = path.read_bytes()
    at = data.rindex(b"<STMTTRN>")
    path.write_bytes(data[:at] + b"<STMTTRD>" + data[at + 9 :])  # a movement would be lost
    line = refused(cli, path)
    assert line == f"{path}:BANKTRANLIST: an element OFX does not define in BANKTRANLIST: STMTTRD"
    assert payments(ws_path) == []


def test_a_name_longer_than_ofx_1_allows_is_kept_whole(cli, ws_path, tmp_path):
    path = copy(tmp_path, "releve_sgml.ofx")
    long_name = b"VIR SEPA MICROSOFT IRELAND OPERATIONS LIMITED DUBLIN"
    path.write_bytes(path.read_bytes().replace(b"VIR MICROSOFT IRELAND OPERATI", long_name, 1))
    code, out, err = cli("import", path)
    assert (code, err) == (0, "")
    with Workspace(ws_path, readonly=True) as ws:
        assert ws.books.payments()[0].counterparty == long_name.decode()


def test_corrections_replace_and_delete_earlier_movements(cli, ws_path, tmp_path):
    path = copy(tmp_path, "releve_v2.ofx")
    corrections = (
        b"<STMTTRN><TRNTYPE>DEBIT</TRNTYPE><DTPOSTED>20260331</DTPOSTED><TRNAMT>-2000.00</TRNAMT>"
        b"<FITID>20260331-000105</FITID><CORRECTFITID>20260331-000104</CORRECTFITID>"
        b"<CORRECTACTION>REPLACE</CORRECTACTION><NAME>VIR SEPA MICROSOFT IRELAND</NAME>"
        b"<MEMO>G000000004 G000000005</MEMO></STMTTRN>"
        b"<STMTTRN><TRNTYPE>DEBIT</TRNTYPE><DTPOSTED>20260331</DTPOSTED><TRNAMT>-89.99</TRNAMT>"
        b"<FITID>20260331-000106</FITID><CORRECTFITID>20260329-000103</CORRECTFITID>"
        b"<CORRECTACTION>DELETE</CORRECTACTION></STMTTRN>"
    )
    data = path.read_bytes().replace(b"</BANKTRANLIST>", corrections + b"</BANKTRANLIST>")
    path.write_bytes(data.replace(b"<BALAMT>12042.47", b"<BALAMT>12132.46"))
    code, out, err = cli("import", path)
    assert code == 0, err
    assert "opening 10582.86 + movements = ledger balance 12132.46 EUR" in out
    assert "FITID 20260331-000104: replaced by the correction FITID 20260331-000105" in out
    assert "FITID 20260329-000103: deleted by the correction FITID 20260331-000106" in out
    assert "FITID 20260331-000106: a correction deleting FITID 20260329-000103" in out
    assert payments(ws_path) == [
        ("P1", "2026-03-17", "1250.40", "EUR", "G000000002 G000000003", "20260317-000101"),
        ("P2", "2026-03-31", "2000.00", "EUR", "G000000004 G000000005", "20260331-000105"),
    ]


def test_card_statement(cli, ws_path, tmp_path):
    code, out, err = cli("import", copy(tmp_path, "carte_affaires.ofx"))
    assert code == 0, err
    assert "account 4970XXXXXXXX1234: ledger balance -78.40 EUR on 2026-03-31" in out
    assert payments(ws_path) == [
        ("P1", "2026-03-05", "59.90", "EUR", "CARTE X1234 MSBILL.INFO", "CB-20260305-0001"),
    ]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_damaged_statements_exit_0_or_2_naming_the_file(tmp_path, data):
    name = data.draw(st.sampled_from(["releve_sgml.ofx", "releve_v2.ofx", "carte_affaires.ofx"]))
    check_damaged(tmp_path, name, data.draw(damaged((OFX / name).read_bytes())))


def test_a_date_outside_1900_to_2100_is_refused_naming_the_element(cli, ws_path, tmp_path):
    path = copy(tmp_path, "releve_v2.ofx")
    path.write_bytes(path.read_bytes().replace(b"<DTPOSTED>20260317", b"<DTPOSTED>90260317"))
    assert refused(cli, path) == (
        f"{path}:{STMT}/BANKTRANLIST/STMTTRN[1]/DTPOSTED: expected a date between 1900 and 2100, "
        "got '90260317000000.000[+1:CET]'"
    )


def test_a_byte_order_mark_and_blank_lines_before_the_header_are_read(cli, ws_path, tmp_path):
    path = tmp_path / "releve.ofx"
    path.write_bytes(b"\xef\xbb\xbf\r\n" + (OFX / "releve_sgml.ofx").read_bytes())
    code, out, err = cli("import", path)
    assert (code, err) == (0, "")
    assert [p[2] for p in payments(ws_path)] == ["1000.00", "300.00"]


@pytest.mark.parametrize("name", ["releve_v2.ofx", "releve_sgml.ofx", "cfonb"])
def test_a_nul_byte_in_a_statement_is_refused_naming_its_line(cli, tmp_path, name):
    """A NUL byte cut a counterparty's name short ("VIR S") and was stored as it was."""
    import bankfiles

    path = bankfiles.cfonb120(tmp_path / "r.cfo") if name == "cfonb" else copy(tmp_path, name)
    lines = path.read_bytes().split(b"\n")
    k = len(lines) // 2
    lines[k] = lines[k][:10] + b"\x00" + lines[k][10:]
    path.write_bytes(b"\n".join(lines))
    assert refused(cli, path) == f"{path}:{k + 1}: a NUL byte, expected text (a damaged file?)"
