"""French bank CSV exports: the header found by its content below the account lines, amount
columns with their unit or one signed amount, French dates, Windows-1252, the balances the
file states checked, and the column-mapping fallback when no layout is recognised.

The fixtures under ``tests/data/bank/`` are our own, written in the shape of the public
formats listed in ``tests/data/README.md``.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from core.cli import main
from core.errors import UNKNOWN_LAYOUT, ImportFailed
from core.importers import identify
from core.importers.bank_table import BankTable, bank_date, find_layout
from core.importers.tabular import CellError
from core.workspace import Workspace

BANK = Path(__file__).parent / "data" / "bank"


@pytest.fixture
def run(tmp_path: Path, capsys):
    db = str(tmp_path / "w.db")

    def call(*args: object) -> tuple[int, str, str]:
        code = main(["--db", db, *map(str, args)])
        out = capsys.readouterr()
        return code, out.out, out.err

    return call


def imported(run, path: Path) -> dict:
    code, out, err = run("import", path, "--json")
    assert code == 0, err
    (summary,) = json.loads(out)["imported"]
    return summary


def payments(run) -> list[tuple[str, str, str, str]]:
    code, out, err = run("payments", "--json")
    assert code == 0, err
    return [(p["date"], p["amount"], p["currency"], p["reference"]) for p in json.loads(out)]


def refused(run, path: Path) -> str:
    code, _out, err = run("import", path)
    assert code == 2, err
    assert "Traceback" not in err
    lines = err.splitlines()
    assert lines[-1] == f"{path}: not imported: nothing from this file was stored"
    assert payments(run) == []
    return lines[0]


def copy(tmp_path: Path, name: str, change=lambda b: b) -> Path:
    path = tmp_path / name
    path.write_bytes(change((BANK / name).read_bytes()))
    return path


# ------------------------------------------------------------------ the layouts


def test_credit_agricole_header_below_the_account_lines_multiline_labels(run):
    path = BANK / "ca_liste_operations.csv"
    assert isinstance(identify(path), BankTable)
    summary = imported(run, path)
    assert summary["entries_read"] == 4
    assert summary["checks"] == [
        "closing balance 8642.30 EUR stated (line 5; no opening balance to check the movements "
        "against)"
    ]
    assert payments(run) == [
        ("2026-02-10", "1000.00", "EUR", "VIR SEPA MICROSOFT IRELAND FACTURE G000000001"),
        ("2026-02-20", "750.00", "EUR",
         "VIR SEPA MICROSOFT IRELAND OPERATIONS G000000003 G000000004"),
    ]  # fmt: skip
    # the rows are named by the line each starts on; Windows-1252 read as such
    assert f"{path}:16: 2026-02-12 +1535.00 EUR 'REMISE CHEQUE N° 4411'" in " ".join(
        summary["skipped"]
    )


def test_credit_mutuel_running_balance_checked_row_by_row(run, tmp_path):
    summary = imported(run, BANK / "ccm_courant.csv")
    assert summary["checks"] == ["running balance: 5000.00 + 4 movements = 6910.51 EUR"]
    assert payments(run) == [
        ("2026-02-10", "1000.00", "EUR", "VIR SEPA MICROSOFT IRELAND G000000001")
    ]
    assert any("'F COTIS PRO FÉVRIER'" in s for s in summary["skipped"])


def test_a_running_balance_that_does_not_follow_is_refused_naming_row_and_column(tmp_path, capsys):
    path = copy(tmp_path, "ccm_courant.csv", lambda b: b.replace(b"6 910,51", b"6 911,51"))
    db = str(tmp_path / "x.db")
    assert main(["--db", db, "import", str(path)]) == 2
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{path}:5: column Solde: got a balance of 6911.51, expected 6910.51 = the balance "
        "before 6923.01 + this movement -12.50: the export is incomplete or altered"
    )


def test_la_banque_postale_signed_amount_with_its_unit_newest_first(run):
    summary = imported(run, BANK / "lbp_releve.csv")
    assert summary["entries_read"] == 3
    assert summary["checks"] == [
        "closing balance 3257.80 EUR stated (line 5; no opening balance to check the movements "
        "against)"
    ]
    assert payments(run) == [
        ("2026-02-20", "750.00", "EUR", "VIREMENT POUR MICROSOFT IRELAND G000000003")
    ]


def test_opening_and_footer_closing_balance_checked_french_month_names(run):
    path = BANK / "releve_soldes_debut_fin.csv"
    summary = imported(run, path)
    assert summary["checks"] == [
        "balances: opening 10000.00 (line 4) + 3 movements 790.25 = closing 10790.25 EUR (line 11)"
    ]
    assert payments(run) == [
        ("2026-02-03", "1000.00", "EUR", "VIR SEPA MICROSOFT IRELAND G000000001")
    ]
    assert any("+2400.50 EUR 'VIR SEPA CLIENT ÉCOLE DES ARTS'" in s for s in summary["skipped"])


def test_movements_that_do_not_add_up_are_refused_naming_the_balance_line(run, tmp_path):
    path = copy(tmp_path, "releve_soldes_debut_fin.csv",
                lambda b: b.replace(b"10 790,25", b"10 709,25"))  # fmt: skip
    assert refused(run, path) == (
        f"{path}:11: got a closing balance of 10709.25 EUR ('Solde final au 28/02/2026 "
        "10 709,25'), expected 10790.25 = the opening balance 10000.00 (line 4) + 3 movements "
        "790.25: the export is incomplete or altered"
    )


def test_a_movement_missing_from_the_export_is_caught_by_the_balances(run, tmp_path):
    def drop(data: bytes) -> bytes:
        return b"\n".join(ln for ln in data.split(b"\n") if b"URSSAF" not in ln)

    path = copy(tmp_path, "releve_soldes_debut_fin.csv", drop)
    assert refused(run, path).startswith(
        f"{path}:10: got a closing balance of 10790.25 EUR ('Solde final au 28/02/2026 "
        "10 790,25'), expected 11400.50 = the opening balance 10000.00 (line 4) + 2 movements "
        "1400.50"
    )


def test_debit_and_credit_columns_with_their_unit_and_a_footer_balance(run, write_bytes):
    text = (
        "Compte;FR7600000000000000000000001\n"
        "Solde de début;;;1 000,00\n"
        "Date;Libellé;Débit EUR;Crédit EUR\n"
        "15/02/26;VIR MICROSOFT G000000001;250,00;\n"
        "16-Feb-2026;VIR CLIENT;;100,10\n"
        "Solde de fin;;;850,10\n"
    )
    path = write_bytes("export.csv", text.encode("cp1252"))
    summary = imported(run, path)
    assert summary["checks"] == [
        "balances: opening 1000.00 (line 2) + 2 movements -149.90 = closing 850.10 EUR (line 6)"
    ]
    assert payments(run) == [("2026-02-15", "250.00", "EUR", "VIR MICROSOFT G000000001")]


def test_montant_en_eur_signed_and_a_negative_balance(run, write_bytes):
    text = (
        "Date;Libellé;Montant en EUR\n"
        "01/03/2026;VIR MICROSOFT IRELAND G000000002;-1 234,56\n"
        "Solde créditeur au 01/03/2026;;+765,44\n"
        "\n"
    )
    path = write_bytes("x.csv", text.encode("utf-8"))
    summary = imported(run, path)
    assert summary["checks"] == [
        "closing balance 765.44 EUR stated (line 3; no opening balance to check the movements "
        "against)"
    ]
    assert payments(run) == [("2026-03-01", "1234.56", "EUR", "VIR MICROSOFT IRELAND G000000002")]


def test_societe_generale_and_bnp_layouts_with_a_second_label(run, write_bytes):
    sg = (
        '="0000000001";Compte courant;01/02/2026 - 28/02/2026;\n'
        "\n"
        "Date de l'opération;Libellé;Détail de l'écriture;Montant de l'opération;Devise\n"
        "20/02/2026;VIR EUROPEEN EMIS;POUR: MICROSOFT IRELAND G000000003;-750,00;EUR\n"
        "18/02/2026;CARTE X1234;ACHAT;-12,00;EUR\n"
    )
    bnp = (
        "Compte de chèques ****0001;Solde au 28/02/2026;1 234,56\n"
        "\n"
        "Date operation;Libelle court;Type operation;Libelle operation;Montant operation en euro\n"
        "21/02/2026;VIR SEPA EMIS;Virement;VIR SEPA MICROSOFT IRELAND G000000004;-500,00\n"
    )
    imported(run, write_bytes("sg.csv", sg.encode("cp1252")))
    summary = imported(run, write_bytes("bnp.csv", bnp.encode("cp1252")))
    assert summary["checks"] == [
        "closing balance 1234.56 EUR stated (line 1; no opening balance to check the movements "
        "against)"
    ]
    assert payments(run) == [
        ("2026-02-20", "750.00", "EUR", "VIR EUROPEEN EMIS POUR: MICROSOFT IRELAND G000000003"),
        ("2026-02-21", "500.00", "EUR", "VIR SEPA EMIS VIR SEPA MICROSOFT IRELAND G000000004"),
    ]


def test_a_workbook_export_with_account_lines_above_its_header(run, tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Opérations"
    ws.append(["Relevé de compte", None, None, None])
    ws.append(["Solde initial au 01/02/2026", None, None, 5000])
    ws.append([])
    ws.append(["Date", "Libellé", "Débit euros", "Crédit euros"])
    ws.append([date(2026, 2, 10), "VIR SEPA MICROSOFT IRELAND G000000001", 1000, None])
    ws.append(["12/02/2026", "REMISE CHEQUE", None, 1535.4])
    ws.append(["Solde final au 28/02/2026", None, None, 5535.4])
    path = tmp_path / "releve.xlsx"
    wb.save(path)
    assert isinstance(identify(path), BankTable)
    summary = imported(run, path)
    assert summary["checks"] == [
        "balances: opening 5000.00 (line 2) + 2 movements 535.40 = closing 5535.40 EUR (line 7)"
    ]
    assert payments(run) == [
        ("2026-02-10", "1000.00", "EUR", "VIR SEPA MICROSOFT IRELAND G000000001")
    ]
    assert summary["skipped"] == [
        f"{path}[Opérations]:6: 2026-02-12 +1535.40 EUR 'REMISE CHEQUE': money received, not a "
        "payment made"
    ]


def test_a_bare_montant_column_stays_the_clerks_payments_list():
    layout = find_layout("Date;Montant;Devise;Libellé\n10/03/2026;1 000,00;EUR;x\n")
    assert layout is None


# ------------------------------------------------------------------ dates


@pytest.mark.parametrize(
    ("cell", "day"),
    [
        ("15/02/2026", date(2026, 2, 15)),
        ("15/02/26", date(2026, 2, 15)),
        ("15.02.2026", date(2026, 2, 15)),
        ("15-Feb-2026", date(2026, 2, 15)),
        ("15-févr.-2026", date(2026, 2, 15)),
        ("1-déc.-2025", date(2025, 12, 1)),
        ("03-août-2026", date(2026, 8, 3)),
        ("15 juil. 2026", date(2026, 7, 15)),
        ("2026-02-15", date(2026, 2, 15)),
    ],
)
def test_dates_as_french_banks_write_them(cell, day):
    assert bank_date(cell) == day


@pytest.mark.parametrize("cell", ["31/02/26", "15-Foo-2026", "15/02/9999", "tomorrow"])
def test_dates_that_are_refused(cell):
    with pytest.raises(CellError):
        bank_date(cell)


def test_a_bad_date_inside_the_rows_is_refused_naming_the_cell(run, write_bytes):
    text = (
        "Date;Libellé;Débit euros;Crédit euros\n"
        "10/02/2026;VIR MICROSOFT;10,00;\n"
        "31/02/2026;VIR MICROSOFT;20,00;\n"
        "12/02/2026;VIR MICROSOFT;30,00;\n"
    )
    path = write_bytes("bad.csv", text.encode())
    assert refused(run, path) == (
        f"{path}:3: column Date: expected a date (YYYY-MM-DD or DD/MM/YYYY), got '31/02/2026'"
    )


# ------------------------------------------------------------------ damaged, and unknown


def test_a_bank_export_cut_in_its_last_row_is_refused(run, tmp_path):
    data = (BANK / "lbp_releve.csv").read_bytes()
    path = tmp_path / "cut.csv"
    path.write_bytes(data[: data.rindex(b";+1 200,00")])
    assert refused(run, path) == (
        f"{path}:10: column Montant(EUROS): missing: the row ends after 2 of the header's 3 "
        "fields, expected a complete row (the file is cut short: an interrupted download?)"
    )


def test_a_bank_export_cut_inside_a_utf8_character_is_refused(run, write_bytes):
    data = "Date;Libellé;Montant(EUROS)\n01/03/2026;VIR MICROSOFT É".encode()
    path = write_bytes("cut.csv", data[:-1])
    assert refused(run, path) == (
        f"{path}:2: got a last character cut in the middle, expected complete text (the file "
        "is cut short: an interrupted download?)"
    )


def test_a_nul_byte_in_a_bank_export_is_refused(run, tmp_path):
    path = copy(tmp_path, "lbp_releve.csv", lambda b: b.replace(b"EDF REF", b"EDF\x00REF"))
    assert refused(run, path) == (
        f"{path}:8: column Libellé: got 'PRELEVEMENT DE EDF<NUL>REF 2026-02' with a NUL byte, "
        "expected text (a damaged file?)"
    )


def test_an_unknown_layout_falls_back_to_the_clerks_column_mapping(tmp_path, write_bytes):
    text = "Jour;Opération;Somme;Devise\n10/03/2026;VIR MICROSOFT G000000001;1 000,00;EUR\n"
    path = write_bytes("banque.csv", text.encode("cp1252"))
    with Workspace(tmp_path / "w.db") as ws:
        with pytest.raises(ImportFailed) as failed:
            ws.imports.import_file(path)
        assert failed.value.kind == UNKNOWN_LAYOUT
        header, _rows = ws.imports.preview(path)
        assert header == ["Jour", "Opération", "Somme", "Devise"]
        ws.imports.save_layout(header, "payments", {"Date": "Jour", "Amount": "Somme",
                                                    "Currency": "Devise",
                                                    "Reference": "Opération"})  # fmt: skip
        ws.imports.import_file(path)
        assert [(p.date, p.amount, p.reference) for p in ws.books.payments()] == [
            (date(2026, 3, 10), 1000, "VIR MICROSOFT G000000001")
        ]


@pytest.fixture
def write_bytes(tmp_path: Path):
    def write(name: str, data: bytes) -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return write


PREAMBLE = (
    "Titulaire;M. DUPONT JEAN;;\n"
    "Compte courant n° 00012345678;;;\n"
    "Période du 01/03/2026 au 31/03/2026;;;\n"
    "Solde au 01/03/2026;1 234,56;;\n"
    ";;;\n"
    "Jour;Opération;Somme;Devise\n"
    "10/03/2026;VIR MICROSOFT G000000001;1 000,00;EUR\n"
    "12/03/2026;VIR MICROSOFT G000000002;250,50;EUR\n"
)


def test_account_lines_above_an_unknown_header_are_not_taken_for_it(run, tmp_path, write_bytes):
    """The mapping is made on the header row found by its content (line 6 here), the rows
    are read from below it, and the next export of the same layout imports at once."""
    path = write_bytes("banque.csv", PREAMBLE.encode("cp1252"))
    code, _out, err = run("import", path)
    assert code == 2 and "not a file CSP Reconciler can read" in err
    code, out, err = run("map", path, "payments", "Date=Jour", "Amount=Somme", "Currency=Devise",
                         "Reference=Opération")  # fmt: skip
    assert code == 0, err
    assert imported(run, path)["created"] == {"payments": 2}
    assert payments(run) == [
        ("2026-03-10", "1000.00", "EUR", "VIR MICROSOFT G000000001"),
        ("2026-03-12", "250.50", "EUR", "VIR MICROSOFT G000000002"),
    ]
    april = PREAMBLE.replace("03/2026", "04/2026").replace("G00000000", "G00000010")
    later = write_bytes("banque-avril.csv", april.encode("cp1252"))
    assert imported(run, later)["created"] == {"payments": 2}


def test_account_lines_above_an_unknown_header_in_a_workbook(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    sheet = wb.active
    for line in PREAMBLE.splitlines():
        sheet.append([c or None for c in line.split(";")])
    path = tmp_path / "banque.xlsx"
    wb.save(path)
    with Workspace(tmp_path / "w.db") as ws:
        header, rows = ws.imports.preview(path)
        assert header == ["Jour", "Opération", "Somme", "Devise"]
        assert rows[0] == ["10/03/2026", "VIR MICROSOFT G000000001", "1 000,00", "EUR"]
        ws.imports.save_layout(header, "payments", {"Date": "Jour", "Amount": "Somme",
                                                    "Currency": "Devise",
                                                    "Reference": "Opération"})  # fmt: skip
        ws.imports.import_file(path)
        assert [(p.date, p.amount) for p in ws.books.payments()] == [
            (date(2026, 3, 10), 1000), (date(2026, 3, 12), Decimal("250.50"))]  # fmt: skip


@pytest.mark.parametrize("name", ["ca_liste_operations.csv", "ccm_courant.csv", "lbp_releve.csv",
                                  "releve_soldes_debut_fin.csv"])  # fmt: skip
def test_a_bank_export_saved_with_cr_alone_reads_like_crlf(tmp_path, name):
    """Excel for Mac's "CSV (Macintosh)" ends lines with CR alone: the same payments, and a
    refusal names the same line."""

    def read(path: Path) -> list:
        with Workspace(tmp_path / f"{path.name}.db") as ws:
            ws.imports.import_file(path)
            return [(p.date, p.amount, p.reference) for p in ws.books.payments()]

    def cr_only(b: bytes) -> bytes:
        return b.replace(b"\r\n", b"\n").replace(b"\n", b"\r")

    crlf = copy(tmp_path, name)
    mac = tmp_path / f"mac-{name}"
    mac.write_bytes(cr_only(crlf.read_bytes()))
    assert read(mac) == read(crlf) != []
    data = cr_only(crlf.read_bytes())
    lines = data.split(b"\r")
    last = max(i for i, ln in enumerate(lines) if ln.count(b";") >= 2)  # a movement's line
    lines[last] = lines[last].replace(b";", b"\x00;", 1)
    broken = tmp_path / f"nul-{name}"
    broken.write_bytes(b"\r".join(lines))
    with pytest.raises(ImportFailed) as refused, Workspace(tmp_path / "nul.db") as ws:
        ws.imports.import_file(broken)
    assert str(refused.value.errors[0]).startswith(f"{broken}:{last + 1}: ")
