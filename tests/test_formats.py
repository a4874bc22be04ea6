"""Every file a clerk has: bank statements, line items, usage, invoice lists (issue 3)."""

import shutil
from decimal import Decimal
from pathlib import Path

import bankfiles
import openpyxl
import pytest

from conftest import RECON_HEADER, invoice
from core.workspace import ImportFailed

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
needs_samples = pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/samples not present")


def sample(tmp_path, kind, name):
    path = tmp_path / name
    shutil.copy(SAMPLES / kind / name, path)
    return path


# ------------------------------------------------------------------ public samples


@needs_samples
def test_cfonb_sample_balances_and_movements(ws, tmp_path):
    summary = ws.imports.import_file(sample(tmp_path, "bank", "cfonb_classic.cfo")).result
    assert summary.entries_read == 13
    assert summary.checks == [
        "account 01234567890: opening 1017311.89 + 13 movements = closing 1031585.79 EUR"
    ]
    reasons = [s.rsplit(": ", 1)[1] for s in summary.skipped]
    assert reasons.count("money received, not a payment made") == 9
    assert reasons.count("a payment to someone other than the configured payees") == 4
    assert ws.books.payments() == []


@needs_samples
def test_cfonb_sample_debits_to_a_named_payee(ws, tmp_path):
    from core.importers.base import ImportOptions

    ws.imports.import_file(
        sample(tmp_path, "bank", "cfonb_classic.cfo"), ImportOptions(payees=("Orange",))
    )
    assert sorted(str(p.amount) for p in ws.books.payments()) == ["3037.55", "617.14"]
    assert {p.date.isoformat() for p in ws.books.payments()} == {"2024-01-13"}


@needs_samples
def test_camt053_v02_sample_whose_balances_do_not_add_up_is_refused(ws, tmp_path):
    # OCA's hand-made statement: opening 15568.27 + entries -12.99 is not its closing
    # 15121.12 (its reversal, payee and incoming entries are read in tests/test_camt.py)
    with pytest.raises(ImportFailed) as refused:
        ws.imports.import_file(sample(tmp_path, "bank", "oca-test-camt053.xml"))
    (error,) = refused.value.errors
    assert error.source.element == "Document/BkToCstmrStmt/Stmt[1]/Bal[2]"
    assert "15555.28 EUR, but the closing balance CLBD says 15121.12" in error.message
    assert ws.books.payments() == []


@needs_samples
def test_camt053_sample_with_two_transactions_in_one_entry(ws, tmp_path):
    summary = ws.imports.import_file(sample(tmp_path, "bank", "oca-test-camt053-txdtls.xml")).result
    assert summary.entries_read == 2
    assert ["+2187.00 CHF" in s for s in summary.skipped] == [True, False]
    assert "+1296.00 CHF" in summary.skipped[1]


@needs_samples
def test_camt054_notification(ws, tmp_path):
    summary = ws.imports.import_file(sample(tmp_path, "bank", "oca-test-camt054.xml")).result
    assert summary.entries_read == 1
    assert "+5.00 EUR" in summary.skipped[0]


@needs_samples
def test_partner_center_json_line_items_samples(ws, tmp_path):
    ws.imports.import_file(sample(tmp_path, "partner-center", "pc_onetime_billing_line_items.json"))
    (line,) = ws.books.lines("1234000000")
    assert (str(line.subtotal), str(line.tax), str(line.total), line.currency) == (
        "1447",
        "130.24",
        "1577.24",
        "USD",
    )
    ws.imports.import_file(
        sample(tmp_path, "partner-center", "pc_legacy_usage_billing_line_items_azure.json")
    )
    assert [str(x.total) for x in ws.books.lines("1234000000")] == ["1577.24", "69.67", "0"]
    usage = ws.imports.import_file(
        sample(tmp_path, "partner-center", "pc_billed_consumption_dailyrated_1.json")
    ).result
    assert usage.created["usage totals"] == 2
    assert sum(u.amount for u in ws.books.usage_totals("T000001234")) == Decimal(
        "0.976267461840794"
    )
    unbilled = ws.imports.import_file(
        sample(tmp_path, "partner-center", "pc_unbilled_recon_onetime_1.json")
    ).result
    assert unbilled.created == {"usage totals": 2} or unbilled.created["usage totals"] >= 1
    assert "T11ETHHDDD" not in {d.number for d in ws.books.documents()}


@needs_samples
def test_legacy_licence_file_takes_the_invoice_number_from_the_command_line(ws, tmp_path):
    from core.importers.base import ImportOptions

    path = sample(tmp_path, "partner-center", "pc_legacy_license_billing_line_items_office.json")
    with pytest.raises(ImportFailed, match="1 error") as err:
        ws.imports.import_file(path)
    assert "--invoice NUMBER" in str(err.value.errors[0])
    ws.imports.import_file(path, ImportOptions(invoice_number="D0123456789"[:10]))
    assert len(ws.books.lines("D012345678")) == 2


# ------------------------------------------------------------------ same payments, four banks


PAYMENTS_CSV = (
    "Date;Montant;Devise;Libellé\n"
    "10/03/2026;1 000,00;EUR;G000000001\n"
    "11/03/2026;750,00;EUR;FACT G000000003 G000000004\n"
    "14/03/2026;300,00;EUR;ACOMPTE\n"
)
INVOICES = [
    invoice("G000000001", "2026-01-08", "1000.00"),
    invoice("G000000003", "2026-02-08", "250.00"),
    invoice("G000000004", "2026-02-08", "800.00"),
]


@pytest.mark.parametrize("writer", ["csv", "camt02", "camt08", "mt940", "cfonb", "bank_csv"])
def test_the_same_payments_from_every_format_give_the_same_balance_and_aging(
    writer, cli, cli_json, write_invoices, write_text, tmp_path
):
    assert cli("import", write_invoices(INVOICES))[0] == 0
    statement = {
        "csv": lambda: write_text("payments.csv", PAYMENTS_CSV),
        "camt02": lambda: bankfiles.camt053(tmp_path / "stmt.xml", "02"),
        "camt08": lambda: bankfiles.camt053(tmp_path / "stmt.xml", "08"),
        "mt940": lambda: bankfiles.mt940(tmp_path / "stmt.sta"),
        "cfonb": lambda: bankfiles.cfonb120(tmp_path / "stmt.cfo"),
        "bank_csv": lambda: bankfiles.bank_csv(tmp_path / "releve.csv"),
    }[writer]()
    code, out, err = cli("import", statement)
    assert code == 0, err
    assert cli("auto-allocate", "--apply")[0] == 0
    assert cli_json("balance", "--as-of", "2026-04-30") == {
        "EUR": {
            "amount_due": "300.00",
            "unallocated_payments": "300.00",
            "unapplied_credits": "0.00",
        }
    }
    assert cli_json("aging", "--as-of", "2026-04-30")["EUR"] == {
        "not_due": "0.00",
        "1-30": "300.00",
        "31-60": "0.00",
        "61-90": "0.00",
        "90+": "0.00",
        "total": "300.00",
    }  # G000000004: due 9 April, 21 days late
    assert [p["amount"] for p in cli_json("payments", "--as-of", "2026-04-30")] == [
        "1000.00",
        "750.00",
        "300.00",
    ]


def test_one_transfer_from_two_sources_is_kept_once_with_both_sources(ws, write_text, tmp_path):
    ws.imports.import_file(write_text("payments.csv", PAYMENTS_CSV))
    summary = ws.imports.import_file(bankfiles.camt053(tmp_path / "stmt.xml")).result
    assert summary.created == {} and summary.unchanged["payments"] == 3
    assert len(ws.books.payments()) == 3
    sources = ws.books.payment_sources("P1")
    assert sources[0].endswith("payments.csv:2")
    assert sources[1].endswith("stmt.xml:Document/BkToCstmrStmt/Stmt[1]/Ntry[1]")
    # the statement's structured reference now helps auto-allocation
    assert [r.number for r in ws.books.payments()[0].references] == ["G000000001"]


def test_structured_remitted_amount_caps_auto_allocation(ws, write_invoices, tmp_path):
    ws.imports.import_file(
        write_invoices(
            [
                invoice("G000000001", "2026-01-08", "1000.00"),
                invoice("G000000002", "2026-01-08", "1000.00"),
            ]
        )
    )
    moves = [
        (
            bankfiles.date(2026, 3, 10),
            Decimal("-1000.00"),
            "EUR",
            "MICROSOFT",
            "",
            [("G000000001", Decimal("400.00"))],
        )
    ]
    ws.imports.import_file(bankfiles.camt053(tmp_path / "s.xml", movements=moves))
    result, _ = ws.allocations.auto_allocate(apply=True).result
    assert [(p.invoice, str(p.amount)) for p in result.planned] == [("G000000001", "400.00")]


def test_payee_iban_from_settings(ws, tmp_path):
    import json

    ws.settings.set("payee_ibans", json.dumps(["IE29 AIBK 9311 5212 3456 78"]))
    path = tmp_path / "r.csv"
    path.write_text(
        "Date;Libellé;Débit;Crédit;IBAN bénéficiaire\n"
        "10/03/2026;VIR FACTURE G000000001;100,00;;IE29AIBK93115212345678\n",
        encoding="utf-8",
    )
    ws.imports.import_file(path)
    assert [str(p.amount) for p in ws.books.payments()] == ["100.00"]


# ------------------------------------------------------------------ Partner Center tables


def recon_csv(path, rows, sep=",", encoding="utf-8-sig"):
    lines = [sep.join(RECON_HEADER)]
    for number, customer, total in rows:
        cells = dict.fromkeys(RECON_HEADER, "")
        cells.update(
            PartnerId="p",
            CustomerId=f"c-{customer}",
            CustomerName=customer,
            InvoiceNumber=number,
            Total=total,
            Subtotal=total,
            TaxTotal="0",
            Currency="EUR",
            OrderId=f"o-{customer}",
            ChargeStartDate="3/1/2026",
        )
        lines.append(sep.join(cells[h] for h in RECON_HEADER))
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def test_recon_saved_as_xlsx_by_excel_reads_like_the_csv(ws, tmp_path):
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.append(RECON_HEADER)
    row = dict.fromkeys(RECON_HEADER, None)
    row.update(
        PartnerId="p",
        CustomerId="c-1",
        CustomerName="Fabrikam",
        InvoiceNumber="G000000009",
        Total=1234.56,
        Subtotal=1028.8,
        TaxTotal=205.76,
        Currency="EUR",
        ChargeStartDate=45352,
    )  # a date Excel keeps as a serial
    sheet.append([row[h] for h in RECON_HEADER])
    wb.save(tmp_path / "recon.xlsx")
    ws.imports.import_file(tmp_path / "recon.xlsx")
    (line,) = ws.books.lines("G000000009")
    assert (str(line.total), str(line.subtotal), str(line.tax)) == ("1234.56", "1028.8", "205.76")
    assert line.source.where() == f"{tmp_path / 'recon.xlsx'}[Sheet]:2"


def test_utf16_tab_separated_with_excel_mangled_values(ws, tmp_path):
    path = tmp_path / "recon.txt"
    recon_csv(path, [("G000000009", "Zoë & Co", "1.23E+05")], sep="\t", encoding="utf-16")
    ws.imports.import_file(path)
    (line,) = ws.books.lines("G000000009")
    assert (line.customer_name, line.total) == ("Zoë & Co", Decimal("123000"))


def test_quoted_newlines_keep_editor_line_numbers(ws, tmp_path):
    path = tmp_path / "payments.csv"
    path.write_text(
        'Date,Amount,Currency,Reference\n2026-03-01,10,EUR,"two\nlines"\n2026-03-02,zz,EUR,x\n',
        encoding="utf-8",
    )
    with pytest.raises(ImportFailed) as err:
        ws.imports.import_file(path)
    assert str(err.value.errors[0]) == f"{path}:4: column Amount: expected a number, got 'zz'"


def test_reissued_file_with_a_changed_line_is_reported_not_merged(ws, tmp_path):
    first = recon_csv(
        tmp_path / "a.csv", [("G000000009", "A", "100.00"), ("G000000009", "B", "50.00")]
    )
    ws.imports.import_file(first)
    newer = recon_csv(
        tmp_path / "b.csv",
        [("G000000009", "A", "100.00"), ("G000000009", "B", "55.00"), ("G000000009", "C", "20.00")],
    )
    summary = ws.imports.import_file(newer).result
    assert summary.unchanged["lines"] == 1 and summary.created["lines"] == 1
    (diff,) = summary.skipped
    assert "G000000009: this line differs from the one already imported" in diff
    assert "(total 50.00 → 55.00); not merged" in diff
    assert sorted(str(x.total) for x in ws.books.lines("G000000009")) == [
        "100.00",
        "20.00",
        "50.00",
    ]
    assert ws.books.ledger().invoices["G000000009"].document.total == Decimal("170.00")


def test_legacy_usage_csv_with_invoice_number(ws, tmp_path):
    cols = (
        "PartnerId,PartnerName,PartnerBillableAccountId,CustomerCompanyName,MpnId,"
        "ResellerMpnId,InvoiceNumber,ChargeStartDate,ChargeEndDate,SubscriptionId,"
        "SubscriptionName,SubscriptionDescription,OrderId,ServiceName,ServiceType,"
        "ResourceGuid,ResourceName,Region,Sku,DetailLineItemId,ConsumedQuantity,"
        "IncludedQuantity,OverageQuantity,ListPrice,PretaxCharges,TaxAmount,PostTaxTotal,"
        "Currency,PretaxEffectiveRate,PostTaxEffectiveRate,ChargeType,CustomerId,DomainName,"
        "BillingCycleType,Unit,CustomerBillableAccount,UsageDate,MeteredRegion,"
        "MeteredService,MeteredServiceType,Project,ServiceInfo"
    ).split(",")
    rows = [
        dict.fromkeys(cols, "")
        | {
            "InvoiceNumber": "D01234ABCD",
            "CustomerId": "c1",
            "CustomerCompanyName": "Contoso",
            "ServiceName": "Storage",
            "PretaxCharges": "10.5",
            "TaxAmount": "2.1",
            "PostTaxTotal": "12.60",
            "Currency": "GBP",
            "DetailLineItemId": str(i),
            "ChargeStartDate": "8/2/2019",
        }
        for i in range(2)
    ]
    path = tmp_path / "usage.csv"
    path.write_text("\n".join([",".join(cols)] + [",".join(r[c] for c in cols) for r in rows]))
    ws.imports.import_file(path)
    assert ws.books.ledger().invoices["D01234ABCD"].document.total == Decimal("25.20")


def test_legacy_licence_csv_invoice_number_from_the_file_name(ws, tmp_path):
    cols = (
        "PartnerId,CustomerId,CustomerName,MpnId,ResellerMpnId,OrderId,SubscriptionId,"
        "SyndicationPartnerSubscriptionNumber,OfferId,DurableOfferId,OfferName,"
        "SubscriptionStartDate,SubscriptionEndDate,ChargeStartDate,ChargeEndDate,ChargeType,"
        "UnitPrice,Quantity,Amount,TotalOtherDiscount,Subtotal,Tax,TotalForCustomer,Currency,"
        "DomainName,SubscriptionName,SubscriptionDescription,BillingCycleType"
    ).split(",")
    row = dict.fromkeys(cols, "") | {
        "CustomerId": "c1",
        "CustomerName": "Contoso",
        "OfferName": "Office 365 E3",
        "Subtotal": "200.00",
        "Tax": "40.00",
        "TotalForCustomer": "240.00",
        "Currency": "EUR",
        "SyndicationPartnerSubscriptionNumber": "1F58ACD7",
    }
    path = tmp_path / "D0ABC12345_LicenseBased.csv"
    path.write_text(",".join(cols) + "\n" + ",".join(row[c] for c in cols) + "\n")
    ws.imports.import_file(path)
    (line,) = ws.books.lines("D0ABC12345")
    assert (line.product, str(line.total), str(line.tax)) == ("Office 365 E3", "240.00", "40.00")


def test_french_invoice_list_csv(ws, tmp_path):
    path = tmp_path / "factures.csv"
    path.write_bytes(
        (
            "Numéro de facture;Date de facture;Échéance;Montant;Devise;Type;Modifie\n"
            "G000000001;08/01/2026;;1 200,00;EUR;Facture;\n"
            "G000000002;20/01/2026;;-1 200,00;EUR;Avis d'annulation;G000000001\n"
            "G000000003;20/01/2026;15/03/2026;1 150,00;EUR;Refacturation;G000000001\n"
            "G000000004;25/01/2026;;100,00;EUR;Avoir;\n"
        ).encode("cp1252")
    )
    summary = ws.imports.import_file(path).result
    assert summary.created["documents"] == 4
    ledger = ws.books.ledger()
    assert ledger.invoices["G000000001"].rebilled_as == "G000000003"
    assert ledger.invoices["G000000003"].due_date.isoformat() == "2026-03-15"
    assert ledger.credits["G000000004"].amount == Decimal("100.00")
    # the credit applied itself to the newest open invoice
    assert ledger.invoices["G000000003"].open == Decimal("1050.00")


def test_daily_rated_usage_sums_exactly_per_meter(ws, tmp_path):
    cols = (
        "PartnerId,PartnerName,CustomerId,CustomerName,InvoiceNumber,SubscriptionId,"
        "UsageDate,MeterName,MeterId,Quantity,BillingPreTaxTotal,BillingCurrency"
    ).split(",")
    lines = [",".join(cols)]
    for day in range(1, 31):
        for meter, price in (("D2 v3", "0.104"), ("Blob LRS", "0.0184")):
            lines.append(
                f"p,P,c1,Contoso,G000000042,s1,11/{day}/2026 0:00,{meter},m-{meter},"
                f"24,{Decimal(price) * 24},EUR"
            )
    path = tmp_path / "BilledOneTimeDailyRatedUsages_G000000042.csv"
    path.write_text("\n".join(lines) + "\n")
    summary = ws.imports.import_file(path).result
    assert summary.entries_read == 60 and summary.created["usage totals"] == 2
    totals = {u.meter: u for u in ws.books.usage_totals("G000000042")}
    assert totals["D2 v3"].amount == Decimal("74.880")
    assert totals["Blob LRS"].quantity == Decimal("720")
    assert (totals["D2 v3"].first_day.isoformat(), totals["D2 v3"].last_day.isoformat()) == (
        "2026-11-01",
        "2026-11-30",
    )
    assert ws.books.documents() == []  # usage creates no invoice
    again = tmp_path / "copy_BilledOneTimeDailyRatedUsages.csv"
    again.write_text("\n".join(lines) + "\n\n")
    assert ws.imports.import_file(again).result.unchanged["usage totals"] == 2


# ------------------------------------------------------------------ files that lie


def test_zip_bomb_posing_as_xlsx_is_refused(ws, tmp_path):
    import zipfile

    path = tmp_path / "payments.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/worksheets/sheet1.xml", b"0" * 50_000_000)
    with pytest.raises(ImportFailed) as err:
        ws.imports.import_file(path, format_name="payments")
    assert "zip bomb" in str(err.value.errors[0])


def test_truncated_xlsx_is_refused(ws, tmp_path):
    path = tmp_path / "payments.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(ImportFailed):
        ws.imports.import_file(path, format_name="payments")


@pytest.mark.parametrize(
    "payload",
    [
        '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>&x;'
        "</BkToCstmrStmt></Document>",
        '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>&c;'
        "</BkToCstmrStmt></Document>",
    ],
)
def test_xml_with_entities_is_refused_without_expanding_them(ws, tmp_path, payload):
    path = tmp_path / "stmt.xml"
    path.write_text(payload)
    with pytest.raises(ImportFailed) as err:
        ws.imports.import_file(path)
    assert "expected well-formed XML" in str(err.value.errors[0])
    assert "DTD" in str(err.value.errors[0])


def test_two_gigabytes_of_nothing_is_refused_quickly(ws, tmp_path):
    path = tmp_path / "huge.csv"
    with path.open("wb") as fh:
        fh.truncate(2 * 1024**3)  # sparse: costs no disk
    with pytest.raises(ImportFailed, match="1 error") as err:
        ws.imports.import_file(path)
    assert "not a file CSP Reconciler can read" in str(err.value.errors[0])


def test_truncated_or_altered_cfonb_is_refused(ws, tmp_path):
    good = bankfiles.cfonb120(tmp_path / "s.cfo").read_text(encoding="latin-1").splitlines()
    (tmp_path / "cut.cfo").write_text("\r\n".join(good[:-1]) + "\r\n", encoding="latin-1")
    with pytest.raises(ImportFailed) as err:
        ws.imports.import_file(tmp_path / "cut.cfo")
    assert "no closing balance (07)" in str(err.value.errors[-1])
    altered = [good[0], *[ln for ln in good[1:] if "ORANGE" not in ln]]
    altered = [
        ln
        for i, ln in enumerate(altered)
        if not (ln.startswith("05") and altered[i - 1].startswith("05") and False)
    ]
    (tmp_path / "alt.cfo").write_text("\r\n".join(altered) + "\r\n", encoding="latin-1")
    with pytest.raises(ImportFailed) as err:
        ws.imports.import_file(tmp_path / "alt.cfo")
    assert "the file is incomplete or altered" in " ".join(str(e) for e in err.value.errors)


def test_csv_with_a_missing_column_names_it(ws, tmp_path):
    path = tmp_path / "releve.csv"
    path.write_text("Date;Libellé;Débit;Crédit\n10/03/2026;VIR MICROSOFT;10,00;\n")
    ws.imports.import_file(path)  # a bank export: fine
    bad = tmp_path / "recon.csv"
    bad.write_text("PartnerId,CustomerId,InvoiceNumber,Total\np,c,G000000001,10\n")
    with pytest.raises(ImportFailed) as err:
        ws.imports.import_file(bad, format_name="pc-line-items")
    assert "expected columns Currency" in str(err.value.errors[0])


def test_killed_import_leaves_the_workspace_consistent(ws_path, tmp_path):
    import signal
    import subprocess
    import sys

    from core.workspace import Workspace

    rows = [(f"G{n % 30:09d}", f"Customer {n}", "1.00") for n in range(6000)]
    big = recon_csv(tmp_path / "big.csv", rows)
    Workspace(ws_path).close()
    script = (
        "import sys, time\n"
        "from core.workspace import Workspace\n"
        "ws = Workspace(sys.argv[1])\n"
        "def progress(done, total):\n"
        "    if done >= 1000:\n"
        "        print('inside', flush=True); time.sleep(60)\n"
        "ws.imports.import_file(sys.argv[2], progress=progress).result\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script, str(ws_path), str(big)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "inside"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Workspace(ws_path) as w:
        assert (
            w.books.documents() == []
            and w.books.lines("G000000000") == []
            and w.journal.log() == []
        )
        assert w.imports.import_file(big).result.created["lines"] == 6000


# ------------------------------------------------------------------ fast path = slow path


@pytest.fixture
def fast_paths(monkeypatch):
    from core.importers import fastcsv

    monkeypatch.setattr(fastcsv, "MIN_BYTES", 0)


def _generated(tmp_path, kind, rows):
    from tests.benchmarks import generate

    path = tmp_path / f"{kind}.csv"
    return getattr(generate, kind)(path, rows)


@pytest.mark.parametrize(("kind", "block"), [("recon_csv", 1 << 24), ("recon_csv", 1 << 16),
                                             ("daily_usage_csv", 1 << 24)])  # fmt: skip
def test_the_column_reader_stores_exactly_what_the_row_reader_does(
    tmp_path, kind, block, monkeypatch
):
    """Also when the file is read a block at a time (64 KB blocks: about thirty here), each
    block's rows numbered from where the block starts."""
    from core.importers import fastcsv, pc_recon_lines, usage
    from core.workspace import Workspace

    monkeypatch.setattr(fastcsv, "BLOCK_BYTES", block)
    path = _generated(tmp_path, kind, 3000)
    taken = []  # what the column reader gave: it must not decline these files
    for module, name in ((pc_recon_lines, "_fast_table"), (usage, "_fast_totals")):
        real = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *a, real=real, **k: taken.append(
            real(*a, **k)) or taken[-1])  # fmt: skip
    results = []
    for min_bytes in (10**12, 0):  # row by row, then in columns
        monkeypatch.setattr(fastcsv, "MIN_BYTES", min_bytes)
        with Workspace(tmp_path / f"w{min_bytes}.db") as w:
            summary = w.imports.import_file(path).result
            docs = sorted(
                (d.number, d.total, d.lines_total, d.line_count) for d in w.books.documents()
            )
            lines = [
                (ln.invoice_number, ln.customer_name, ln.total, ln.subtotal, ln.charge_end,
                 ln.source.row, ln.key)
                for d in docs for ln in w.books.lines(d[0])
            ]  # fmt: skip
            usage = sorted(
                (u.invoice_number, u.customer_id, u.meter, u.quantity, u.amount, u.first_day,
                 u.last_day, u.rows)
                for u in w.books.usage_totals()
            )  # fmt: skip
            weights = w.books.customer_weights()
        results.append((summary.created, summary.entries_read, docs, lines, usage, weights))
    assert results[0] == results[1]
    assert results[0][1] == 3000
    assert taken[0] is None and taken[-1] is not None  # the row reader, then the columns


def test_column_reader_declines_and_the_row_reader_names_the_bad_row(ws, tmp_path, fast_paths):
    path = _generated(tmp_path, "recon_csv", 500)
    text = path.read_text(encoding="utf-8-sig").splitlines()
    cells = text[300].split(",")
    text[300] = text[300].replace(",EUR,", ",EURO,", 1)
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    with pytest.raises(ImportFailed) as err:
        ws.imports.import_file(path)
    assert str(err.value.errors[0]).startswith(f"{path}:301: column Currency:")
    assert cells


@pytest.mark.parametrize("damage", ["quoted newline", "blank line"])
def test_column_reader_leaves_odd_layouts_to_the_row_reader(ws, tmp_path, fast_paths, damage):
    path = _generated(tmp_path, "recon_csv", 400)
    rows = path.read_text(encoding="utf-8-sig").splitlines()
    if damage == "quoted newline":
        rows[100] = rows[100].replace('",', '\nsecond line",', 1)
    else:
        rows.insert(100, "")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    ws.imports.import_file(path)
    lines = [ln for d in ws.books.documents() for ln in ws.books.lines(d.number)]
    (line,) = [ln for ln in lines if "ORD0000000299" in ln.key]
    assert line.source.row == 302  # data row 299: header + 299 rows + the extra line
