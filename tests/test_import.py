"""Importing files: formats, bad input, atomicity, idempotence."""

import shutil
from decimal import Decimal

import openpyxl
import pytest

from conftest import DATA, invoice
from core.workspace import ImportFailed


def test_public_invoice_list_sample_reads_as_domain_md_says(ws, tmp_path, cli_json):
    path = tmp_path / "pc_get_invoices_response.json"
    shutil.copy(DATA / path.name, path)
    summary = ws.imports.import_file(path).result
    assert summary.created["documents"] == 3
    ledger = ws.books.ledger()
    g130, g131, d02 = (ledger.invoices[n] for n in ("G000024130", "G000024131", "D02005YFHI"))
    assert (g130.counted, g130.status, g130.rebilled_as) == (False, "voided", "G000024131")
    assert (g131.counted, g131.rebill_of, str(g131.open)) == (True, "G000024130", "107661.12")
    assert str(d02.document.total) == "24606.35" and d02.document.currency == "GBP"
    # paidAmount is what Partner Center reports, not an allocation
    assert str(d02.document.paid_amount_reported) == "1000.00"
    assert str(d02.open) == "24606.35"
    # API dates are UTC: the invoice date is the UTC calendar date; due = +60 days
    assert g131.document.date.isoformat() == "2018-02-08"
    assert g131.due_date.isoformat() == "2018-04-09"
    bal = ws.books.ledger().balance()
    assert {c: str(b.amount_due) for c, b in bal.items()} == {"CHF": "107661.12", "GBP": "24606.35"}


def test_utc_date_is_the_calendar_date_in_utc(ws, write_invoices):
    path = write_invoices(
        [
            invoice("G000000001", "2026-01-31", "10.00")
            | {"invoiceDate": "2026-01-31T23:30:00-02:00"}
        ]
    )
    ws.imports.import_file(path)
    assert ws.books.ledger().invoices["G000000001"].document.date.isoformat() == "2026-02-01"


def test_importing_the_same_file_twice_changes_nothing(ws, write_invoices, cli):
    path = write_invoices([invoice("G000000001", "2026-01-05", "100.00")])
    first = ws.imports.import_file(path).result
    second = ws.imports.import_file(path).result
    assert first.created["documents"] == 1 and not first.already_imported
    assert second.already_imported and not second.created
    # a different file with the same documents: recognised by number, unchanged
    again = write_invoices(
        [invoice("G000000001", "2026-01-05", "100.00", currencySymbol="€")], name="copy.json"
    )
    third = ws.imports.import_file(again).result
    assert third.unchanged["documents"] == 1 and not third.created
    assert len(ws.books.documents()) == 1


def test_recon_lines_attach_to_invoices_and_report_differences(ws, write_invoices, write_recon):
    ws.imports.import_file(write_invoices([invoice("G000000001", "2026-03-08", "300.00")]))
    summary = ws.imports.import_file(
        write_recon([("G000000001", "Fabrikam", "120.50"), ("G000000001", "Contoso", "179.00")])
    ).result
    assert summary.created["lines"] == 2
    assert summary.warnings == [
        "G000000001: lines add up to 299.50 EUR, the invoice says 300.00 (difference 0.50)"
    ]
    inv = ws.books.ledger().invoices["G000000001"]
    assert str(inv.lines_difference) == "0.50"
    lines = ws.books.lines("G000000001")
    assert [(ln.customer_name, str(ln.total), ln.source.row) for ln in lines] == [
        ("Fabrikam", "120.50", 2),
        ("Contoso", "179.00", 3),
    ]
    assert lines[0].charge_end.isoformat() == "2026-02-28"  # US M/D/YYYY with a time


def test_lines_without_header_make_a_date_unknown_invoice_until_the_header_arrives(
    ws, write_invoices, write_recon, cli_json
):
    ws.imports.import_file(
        write_recon(
            [("G000000007", "Fabrikam", "80.00"), ("G000000007", "Contoso", "20.25")], bom=False
        )
    )
    inv = ws.books.ledger().invoices["G000000007"]
    assert inv.document.date is None and str(inv.document.total) == "100.25"
    assert cli_json("aging", "--as-of", "2026-06-01")["EUR"]["date_unknown"] == "100.25"
    summary = ws.imports.import_file(
        write_invoices([invoice("G000000007", "2026-04-08", "100.25")])
    ).result
    assert summary.updated["documents"] == 1
    aging = cli_json("aging", "--as-of", "2026-06-08")
    assert aging == {
        "EUR": {
            "not_due": "0.00",
            "1-30": "100.25",
            "31-60": "0.00",
            "61-90": "0.00",
            "90+": "0.00",
            "total": "100.25",
        }
    }
    assert ws.books.ledger().invoices["G000000007"].due_date.isoformat() == "2026-06-07"


FR_PAYMENTS = (
    "Date;Montant;Devise;Libellé;Compte\r\n"
    "15/03/2026;1\u00a0234,56;EUR;VIR MICROSOFT G000000001 réglé;FR76 3000\r\n"
    "16/03/2026;2 000,00;EUR;Virement sans référence;FR76 3000\r\n"
)


def test_french_payments_csv_in_windows_1252(ws, write_text):
    path = write_text("paiements.csv", FR_PAYMENTS.replace("\u00a0", "\xa0"), "cp1252")
    summary = ws.imports.import_file(path).result
    assert summary.created["payments"] == 2
    pays = ws.books.payments()
    assert [(p.id, p.date.isoformat(), str(p.amount), p.reference) for p in pays] == [
        ("P1", "2026-03-15", "1234.56", "VIR MICROSOFT G000000001 réglé"),
        ("P2", "2026-03-16", "2000.00", "Virement sans référence"),
    ]


def test_amounts_written_with_their_currency_sign(ws, write_text):
    path = write_text(
        "p.csv",
        "Date;Montant;Devise;Libellé\n15/03/2026;1 234,56 €;EUR;x\n16/03/2026;EUR 99,90;EUR;y\n",
    )
    ws.imports.import_file(path)
    assert [str(p.amount) for p in ws.books.payments()] == ["1234.56", "99.90"]


def test_english_payments_csv_with_ids_and_iso_dates(ws, write_text):
    path = write_text(
        "payments.csv",
        "id,date,amount,currency,reference,bank account\n"
        'TRX-1,2026-03-15,"1,234.56",usd,G000000001,US12\n',
    )
    ws.imports.import_file(path)
    (p,) = ws.books.payments()
    assert (p.id, str(p.amount), p.currency, p.bank_account) == ("TRX-1", "1234.56", "USD", "US12")


def test_payments_xlsx_numbers_never_become_floats(ws, tmp_path):
    wb = openpyxl.Workbook()
    ws_ = wb.active
    ws_.append(["Date", "Amount", "Currency", "Reference"])
    import datetime

    ws_.append([datetime.datetime(2026, 3, 15), 1234.56, "EUR", "G000000001"])
    ws_.append(["16/03/2026", 0.1 + 0.2, "EUR", "float noise"])  # 0.30000000000000004
    ws_.append(["17/03/2026", 100.125, "EUR", "three decimals"])
    path = tmp_path / "payments.xlsx"
    wb.save(path)
    with pytest.raises(ImportFailed) as err:
        ws.imports.import_file(path)
    assert [str(e) for e in err.value.errors] == [
        f"{path}[Sheet]:4: column Amount: expected at most 2 decimals for EUR, got '100.125'"
    ]
    ws_.delete_rows(4)
    wb.save(path)
    ws.imports.import_file(path)
    assert [(p.date.isoformat(), p.amount) for p in ws.books.payments()] == [
        ("2026-03-15", Decimal("1234.56")),
        ("2026-03-16", Decimal("0.30")),
    ]


def test_bad_row_names_file_row_column_and_nothing_is_stored(ws, write_text):
    path = write_text(
        "payments.csv",
        "Date;Montant;Devise;Libellé\n"
        "15/03/2026;100,00;EUR;ok\n"
        "32/03/2026;100,00;EUR;bad date\n"
        "17/03/2026;12,3x;EUR;bad amount\n"
        "18/03/2026;5,00;EURO;bad currency\n",
    )
    with pytest.raises(ImportFailed) as err:
        ws.imports.import_file(path)
    assert [str(e) for e in err.value.errors] == [
        f"{path}:3: column Date: expected a date (YYYY-MM-DD or DD/MM/YYYY), got '32/03/2026'",
        f"{path}:4: column Montant: expected a number, got '12,3x'",
        f"{path}:5: column Devise: expected a three-letter currency code, got 'EURO'",
    ]
    assert ws.books.payments() == []
    assert ws.journal.log() == []


def test_bad_json_element_is_named_by_its_path(ws, write_invoices):
    good = invoice("G000000001", "2026-01-05", "100.00")
    bad = invoice("G000000002", "2026-01-05", "100.00") | {"totalCharges": "lots"}
    src = write_invoices([good, {**good, "id": "G000000003", "amendments": [bad]}])
    with pytest.raises(ImportFailed) as err:
        ws.imports.import_file(src)
    assert [str(e) for e in err.value.errors] == [
        f"{src}:items[1].amendments[0].totalCharges: expected a number, got 'lots'"
    ]
    assert ws.books.documents() == []


def test_a_json_date_outside_1900_to_2100_is_refused_naming_its_element(ws, write_invoices):
    good = invoice("G000000001", "2026-01-05", "100.00")
    early = {**good, "id": "G000000003", "dueDate": "1899-12-31T00:00:00Z"}
    src = write_invoices([good, invoice("G000000002", "9999-01-21", "24606.35"), early])
    with pytest.raises(ImportFailed) as err:
        ws.imports.import_file(src)
    assert [str(e) for e in err.value.errors] == [
        f"{src}:items[1].invoiceDate: got '9999-01-21T10:00:00Z', expected a date between 1900 "
        "and 2100",
        f"{src}:items[2].dueDate: got '1899-12-31T00:00:00Z', expected a date between 1900 and "
        "2100",
    ]
    assert ws.books.documents() == []


def test_a_control_character_in_an_invoice_number_is_refused_naming_it(ws, write_invoices, cli):
    src = write_invoices([invoice("D02005\x00YFHI", "2026-01-21", "10.00")])
    with pytest.raises(ImportFailed) as err:
        ws.imports.import_file(src)
    assert [str(e) for e in err.value.errors] == [
        f"{src}:items[0].id: got 'D02005\\x00YFHI' with the control character U+0000, expected "
        "a number or id of printable characters (a damaged file?)"
    ]
    code, _out, said = cli("lines", "NOPE")
    assert (code, said) == (2, "csp-recon: no invoice 'NOPE' in this workspace\n")


def test_an_unknown_file_is_refused_with_what_is_expected(ws, write_text):
    with pytest.raises(ImportFailed, match="1 error"):
        ws.imports.import_file(write_text("notes.txt", "hello\nworld\n"))


def test_json_nested_thousands_deep_is_refused_in_one_line(cli, write_text):
    path = write_text("deep.json", "[" * 100_000 + "]" * 100_000)
    code, out, err = cli("import", path)
    assert code == 2, err
    assert err.splitlines() == [
        f"{path}: not a file CSP Reconciler can read (see: csp-recon formats; expected a "
        "Partner Center invoice list or line items, a bank statement, or a payments or invoice "
        "list CSV/XLSX)",
        f"{path}: not imported: nothing from this file was stored",
    ]


def test_recon_missing_columns_are_named(ws, write_text):
    path = write_text("recon.csv", "PartnerId,CustomerId,InvoiceNumber,Currency,Amount\n")
    with pytest.raises(ImportFailed):
        ws.imports.import_file(path)


def test_an_unknown_layout_imports_once_its_columns_are_mapped(cli, write_text):
    odd = "Jour;Somme;Monnaie;Motif du virement\n15/03/2026;1 200,00;EUR;G000000001\n"
    path = write_text("banque.csv", odd)
    code, _, err = cli("import", path)
    assert code == 2 and "not a file CSP Reconciler can read" in err
    code, out, err = cli("map", path, "payments", "Date=Jour", "Amount=Somme",
                         "Currency=Monnaie", "Reference=Motif du virement")  # fmt: skip
    assert code == 0, err
    code, out, err = cli("import", path)
    assert code == 0 and "1 payments created" in out, err
    # the next file with the same headers (any order) needs no mapping
    again = write_text(
        "banque2.csv", "Monnaie;Jour;Somme;Motif du virement\nEUR;16/03/2026;50,00;G000000002\n"
    )
    code, out, err = cli("import", again)
    assert code == 0 and "1 payments created" in out, err
    code, _, err = cli("map", path, "payments", "Date=Jour")
    assert code == 2 and "map a column for Amount, Currency" in err


def test_a_large_daily_usage_file_is_summed_a_column_at_a_time_like_the_row_reader(tmp_path):
    """The column reader takes each asked column from its own place in the file (it once
    took them in file order, summed invoice numbers as quantities, declined, and every
    usage file went to the row reader at a fifth of the speed)."""
    from core.importers import usage
    from core.model import Extracted
    from tests.benchmarks.generate import daily_usage_csv

    path = daily_usage_csv(tmp_path / "usage.csv", 40_000)
    out = Extracted("usage")
    table, cols = usage.open_table(path, str(path), usage.COLUMNS, out)
    fast = usage._fast_totals(path, table, cols, False, progress=None)
    assert fast is not None, "the column reader declined"
    rows = usage.PartnerCenterUsage().sum_rows(usage.each_row(table, str(path), out), cols,
                                               True, False, Extracted("usage"))  # fmt: skip

    def key(u):
        return (u.invoice_number, u.customer_id, u.subscription_id, u.meter, u.currency,
                u.quantity, u.amount, u.first_day, u.last_day, u.rows)  # fmt: skip

    assert sorted(map(key, fast[0])) == sorted(map(key, rows.usage)) and fast[1] == 40_000
