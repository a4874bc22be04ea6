"""Partner Center's billed invoice reconciliation API v2 (``compressedJSONLines``: gzip files of
JSON Lines) and any supported file compressed with gzip.

The v2 records are written here in the shape Microsoft documents for the API (page "Billed
invoice reconciliation API v2 (GA)", learn.microsoft.com/partner-center/developer/
billed-invoice-reconciliation): one object per line, the reconciliation file's attribute names
(``Total``, not v1's ``totalForCustomer``), numbers as JSON numbers, dates as ISO timestamps,
``ProductQualifiers`` an array.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import _to_json, invoice
from core.cli import main
from core.importers import IMPORTERS, ImportOptions
from core.importers.pc_recon_jsonl import PartnerCenterReconJsonLines, PartnerCenterUsageJsonLines
from core.importers.pc_recon_lines import RECON_COLUMNS
from core.workspace import Workspace

FORMAT = "pc-line-items-v2"


@pytest.fixture(autouse=True)
def registered(monkeypatch):
    """The v2 reader among the importers (once ``core.importers`` registers it, as is)."""
    if not any(isinstance(i, PartnerCenterReconJsonLines) for i in IMPORTERS.values()):
        monkeypatch.setitem(IMPORTERS, FORMAT, PartnerCenterReconJsonLines())


# (invoice, customer, product, subtotal, tax, total, quantity, unit price, effective price)
LINES = [
    ("G000000101", "Fabrikam", "Microsoft 365 E3", "1447", "130.24", "1577.24", "1", "1447",
     "496.07"),
    ("G000000101", "Contoso", "Azure plan", "0.486031696515249", "0", "0.486031696515249",
     "23.200004", "0.0209496384791679", "0.1835431430074643"),
    ("G000000101", "Contoso", "Reserved VM Instance", "-12.5", "-2.5", "-15", "-1", "12.5",
     "12.5"),
    ("G000000102", "Northwind", "Dynamics 365 Sales", "95", "19", "114", "1", "95", "95"),
]  # fmt: skip


def _record(n: int, line: tuple) -> dict:
    number, customer, product, subtotal, tax, total, qty, price, effective = line
    return {
        "PartnerId": "6480d686-cfb4-424d-a945-6b9b9f000000",
        "CustomerId": f"org:{customer.lower()}",
        "CustomerName": customer,
        "CustomerDomainName": f"{customer.lower()}.onmicrosoft.com",
        "CustomerCountry": "FR",
        "InvoiceNumber": number,
        "MpnId": "4870137",
        "Tier2MpnId": "",
        "OrderId": f"order-{n}",
        "OrderDate": "2026-01-28T22:31:47.1751688Z",
        "ProductId": "DZH318Z0BQ3P",
        "SkuId": "001F",
        "AvailabilityId": "DZH318Z0DR0H",
        "SkuName": f"{product} SKU",
        "ProductName": product,
        "ChargeType": "new" if Decimal(total) >= 0 else "cancelImmediate",
        "UnitPrice": Decimal(price),
        "Quantity": Decimal(qty),
        "Subtotal": Decimal(subtotal),
        "TaxTotal": Decimal(tax),
        "Total": Decimal(total),
        "Currency": "EUR",
        "PriceAdjustmentDescription": "",
        "PublisherName": "Microsoft",
        "PublisherId": "",
        "SubscriptionDescription": "",
        "SubscriptionId": f"sub-{n}",
        "ChargeStartDate": "2026-02-01T00:00:00Z",
        "ChargeEndDate": "2026-02-28T00:00:00Z",
        "TermAndBillingCycle": "1 Month Subscription",
        "EffectiveUnitPrice": Decimal(effective),
        "UnitType": "Seats",
        "AlternateId": f"alt-{n}",
        "BillableQuantity": Decimal(qty),
        "BillingFrequency": "Monthly",
        "PricingCurrency": "EUR",
        "PCToBCExchangeRate": Decimal(1),
        "PCToBCExchangeRateDate": "2026-01-31T23:59:59Z",
        "MeterDescription": "",
        "ReservationOrderId": "",
        "CreditReasonCode": "",
        "SubscriptionStartDate": "2026-02-01T00:00:00Z",
        "SubscriptionEndDate": "2027-01-31T00:00:00Z",
        "ReferenceId": "",
        "ProductQualifiers": [],
        "PromotionId": "",
        "ProductCategory": "",
    }


def _us_date(iso: str) -> str:
    y, m, d = iso[:10].split("-")
    return f"{int(m)}/{int(d)}/{y}"


def write_v2(folder: Path, name: str = "billed-recon.json", gz: bool = False) -> Path:
    data = "".join(_to_json(_record(n, ln)) + "\n" for n, ln in enumerate(LINES)).encode()
    path = folder / (name + (".gz" if gz else ""))
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


def write_v1_csv(folder: Path) -> Path:
    """The same lines as the portal's reconciliation CSV (v1 names, US dates)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(RECON_COLUMNS)
    for n, line in enumerate(LINES):
        rec = _record(n, line)
        for k in ("OrderDate", "ChargeStartDate", "ChargeEndDate", "PCToBCExchangeRateDate",
                  "SubscriptionStartDate", "SubscriptionEndDate"):  # fmt: skip
            rec[k] = _us_date(rec[k])
        rec["ProductQualifiers"] = "[]"
        writer.writerow([str(rec.get(c, "")) for c in RECON_COLUMNS])
    path = folder / "recon.csv"
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    return path


def _cli(capsys, tmp_path: Path, *args: object, db: str = "w.db") -> tuple[int, str, str]:
    """``csp-recon --db DB import ARGS``: (exit status, stdout, stderr)."""
    code = main(["--db", str(tmp_path / db), "import", *map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err


def write_invoices(folder: Path) -> Path:
    path = folder / "invoices.json"
    items = [
        invoice("G000000101", "2026-03-08", "1562.73"),
        invoice("G000000102", "2026-03-08", "114"),
    ]
    path.write_text(_to_json({"totalCount": 2, "items": items}), encoding="utf-8")
    return path


def _books(tmp_path: Path, name: str, lines_file: Path) -> tuple[dict, dict]:
    """Each invoice's lines (without where they were read) and its lines' total."""
    with Workspace(tmp_path / f"{name}.db") as ws:
        ws.imports.import_file(write_invoices(tmp_path))
        summary = ws.imports.import_file(lines_file).result
        assert summary.created == {"lines": 4}, summary
        assert summary.warnings == [
            "G000000101: lines add up to 1562.726031696515249 EUR, the invoice says 1562.73 "
            "(difference 0.003968303484751)"
        ]
        lines = {
            n: [(ln.customer_id, ln.customer_name, ln.product, ln.charge_type,
                 ln.subscription_id, ln.charge_start, ln.charge_end, str(ln.subtotal),
                 str(ln.tax), str(ln.total), str(ln.quantity), str(ln.unit_price), ln.details)
                for ln in ws.books.lines(n)]
            for n in ("G000000101", "G000000102")
        }  # fmt: skip
        ledger = ws.books.ledger()
        totals = {n: ledger.invoices[n].document.lines_total for n in lines}
    return lines, totals


def test_v2_json_lines_plain_and_gzipped_read_like_the_v1_csv(tmp_path):
    csv_lines, csv_totals = _books(tmp_path, "csv", write_v1_csv(tmp_path))
    for gz in (False, True):
        lines, totals = _books(tmp_path, f"v2-{gz}", write_v2(tmp_path, gz=gz))
        assert lines == csv_lines
        assert totals == csv_totals
    assert csv_totals == {
        "G000000101": Decimal("1562.726031696515249"),
        "G000000102": Decimal("114"),
    }
    contoso = csv_lines["G000000101"][1]
    assert contoso[7:12] == ("0.486031696515249", "0", "0.486031696515249", "23.200004",
                             "0.0209496384791679")  # fmt: skip
    assert contoso[12]["effective_unit_price"] == "0.1835431430074643"
    assert contoso[5].isoformat() == "2026-02-01"


def test_v2_lines_held_as_arrow_blocks_read_the_same(tmp_path, monkeypatch):
    """Millions of lines are held a block at a time as Arrow columns: the same lines."""
    from core.importers import pc_recon_jsonl

    csv_lines, csv_totals = _books(tmp_path, "csv", write_v1_csv(tmp_path))
    monkeypatch.setattr(pc_recon_jsonl, "BLOCK_LINES", 2)
    extracted = PartnerCenterReconJsonLines().extract(write_v2(tmp_path), "v2", ImportOptions())
    assert extracted.line_table is not None and extracted.line_table.num_rows == 4
    assert extracted.lines == [] and extracted.entries_read == 4
    lines, totals = _books(tmp_path, "blocks", write_v2(tmp_path, gz=True))
    assert (lines, totals) == (csv_lines, csv_totals)


def test_a_v2_line_that_is_not_json_is_named_by_its_line(tmp_path, capsys):
    path = write_v2(tmp_path)
    text = path.read_text().splitlines()
    text[2] = text[2][:40]
    text[3] = text[3].replace('"Total": 114', '"Total": "lots"')
    path.write_text("\n".join(text) + "\n")
    code, out, err = _cli(capsys, tmp_path, path)
    assert code == 2
    problems = [ln for ln in err.splitlines() if "not imported" not in ln]
    assert problems[0].startswith(f"{path}:3: not a JSON line item")
    assert problems[1] == f"{path}:4: column Total: expected a number, got 'lots'"


def test_gzipped_payments_and_daily_usage_import_like_the_plain_ones(tmp_path, capsys):
    payments = "Date;Montant;Devise;Libellé\n15/03/2026;1 577,24;EUR;G000000101\n"
    usage = (
        "InvoiceNumber,CustomerId,CustomerName,SubscriptionId,UsageDate,MeterName,"
        "Quantity,BillingPreTaxTotal,BillingCurrency\n"
        "G000000101,c-1,Contoso,s-1,3/1/2026,Compute,1.5,0.486031696515249,EUR\n"
        "G000000101,c-1,Contoso,s-1,3/2/2026,Compute,2.25,0.1,EUR\n"
    )
    for name, text in (("paiements.csv", payments), ("BilledDailyRatedUsage.csv", usage)):
        plain_dir, gz_dir = tmp_path / "plain", tmp_path / "gz"
        plain_dir.mkdir(exist_ok=True)
        gz_dir.mkdir(exist_ok=True)
        (plain_dir / name).write_text(text, encoding="utf-8")
        gz = gz_dir / f"{name}.gz"
        gz.write_bytes(gzip.compress(text.encode()))
        results = []
        for path in (plain_dir / name, gz):
            code, out, err = _cli(capsys, tmp_path, path, "--json", db=f"{path.name}.db")
            assert code == 0, err
            (result,) = json.loads(out)["imported"]
            result.pop("file"), result.pop("import_id", None)
            results.append(result)
        assert results[0] == results[1]
    with Workspace(tmp_path / "paiements.csv.gz.db") as ws:
        assert [(str(p.amount), p.currency) for p in ws.books.payments()] == [("1577.24", "EUR")]
    with Workspace(tmp_path / "BilledDailyRatedUsage.csv.gz.db") as ws:
        (total,) = ws.books.usage_totals()
        assert (str(total.quantity), str(total.amount)) == ("3.75", "0.586031696515249")


def _refused(capsys, tmp_path: Path, path: Path, why: str) -> None:
    code, out, err = _cli(capsys, tmp_path, path)
    problems = [ln for ln in err.splitlines() if "not imported" not in ln]
    assert code == 2 and problems == [f"{path}: {why}"], err
    with Workspace(tmp_path / "w.db") as ws:
        assert ws.books.lines("G000000101") == [] and ws.journal.log() == []


def test_a_truncated_or_damaged_gzip_is_refused_in_one_line(tmp_path, capsys):
    whole = write_v2(tmp_path, gz=True).read_bytes()
    cut = tmp_path / "cut.json.gz"
    cut.write_bytes(whole[: len(whole) // 2])
    _refused(
        capsys, tmp_path, cut, "a gzip file cut short (an interrupted download?): download it again"
    )
    flipped = bytearray(whole)
    flipped[-6] ^= 0xFF  # the CRC of the content
    bad = tmp_path / "crc.json.gz"
    bad.write_bytes(bytes(flipped))
    why = "a damaged gzip file (its content does not match its checksum): download it again"
    _refused(capsys, tmp_path, bad, why)


def test_a_gzip_bomb_is_refused_without_being_written_out(tmp_path, capsys, monkeypatch):
    """Over 2 GB and over 50 times its size once decompressed (here, scaled down to 8 MB)."""
    from core.services import imports

    monkeypatch.setattr(imports, "GZIP_RATIO_FROM", 8 * 1024**2)
    bomb = tmp_path / "lines.json.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as fh:
        fh.write(b"{")
        for _ in range(12):
            fh.write(b" " * (1 << 20))
    assert bomb.stat().st_size < 100_000
    code, out, err = _cli(capsys, tmp_path, bomb)
    problems = [ln for ln in err.splitlines() if "not imported" not in ln]
    assert code == 2 and len(problems) == 1, err
    assert problems[0].startswith(f"{bomb}: its gzip content expands to more than 9,437,184 ")
    assert problems[0].endswith("refused as a decompression bomb")
    with Workspace(tmp_path / "w.db") as ws:
        assert ws.journal.log() == []
    # as compressed, but smaller once decompressed: read (and refused for what it holds)
    small = tmp_path / "small.json.gz"
    small.write_bytes(gzip.compress(b"{" + b" " * (4 << 20)))
    code, out, err = _cli(capsys, tmp_path, small)
    assert code == 2 and "decompression bomb" not in err and f"{small}: " in err


def test_a_gzip_named_otherwise_is_known_by_its_bytes_and_imports_once(tmp_path, capsys):
    path = write_v2(tmp_path, name="lines.json")
    path.write_bytes(gzip.compress(path.read_bytes()))  # gzip content, no .gz in its name
    code, out, err = _cli(capsys, tmp_path, path)
    assert code == 0, err
    assert "4 lines created" in out
    with Workspace(tmp_path / "w.db") as ws:
        before = [(ln.invoice_number, str(ln.total)) for ln in ws.books.lines("G000000101")]
        log = len(ws.journal.log())
    code, out, err = _cli(capsys, tmp_path, path)
    assert code == 0 and "already imported" in out, err
    plain = write_v2(tmp_path, name="plain.json")  # the same content, not compressed
    code, out, err = _cli(capsys, tmp_path, plain)
    assert code == 0 and "already imported" in out, err
    with Workspace(tmp_path / "w.db") as ws:
        assert [(ln.invoice_number, str(ln.total)) for ln in ws.books.lines("G000000101")] == before
        assert len(ws.journal.log()) == log


def test_v2_daily_rated_usage_json_lines_gzipped_sum_like_the_csv(tmp_path, capsys, monkeypatch):
    if not any(isinstance(i, PartnerCenterUsageJsonLines) for i in IMPORTERS.values()):
        monkeypatch.setitem(IMPORTERS, "pc-usage-v2", PartnerCenterUsageJsonLines())
    days = [("3/1/2026", "1.5", "0.486031696515249"), ("3/2/2026", "2.25", "0.1")]
    header = ("InvoiceNumber,CustomerId,CustomerName,SubscriptionId,UsageDate,MeterName,"
              "Quantity,BillingPreTaxTotal,BillingCurrency")  # fmt: skip
    plain = tmp_path / "BilledDailyRatedUsage.csv"
    plain.write_text(
        header + "\n" + "".join(
            f"G000000101,c-1,Contoso,s-1,{d},Compute,{q},{a},EUR\n" for d, q, a in days
        ),
        encoding="utf-8",
    )  # fmt: skip
    records = [
        {"PartnerId": "p-1", "CustomerId": "c-1", "CustomerName": "Contoso",
         "InvoiceNumber": "G000000101", "SubscriptionId": "s-1",
         "UsageDate": f"2026-03-0{n}T00:00:00Z", "MeterName": "Compute",
         "MeterCategory": "Virtual Machines", "Quantity": Decimal(q), "UnitType": "1 Hour",
         "BillingPreTaxTotal": Decimal(a), "BillingCurrency": "EUR",
         "PricingPreTaxTotal": Decimal(a), "PricingCurrency": "EUR", "Tags": None}
        for n, (_d, q, a) in enumerate(days, start=1)
    ]  # fmt: skip
    gz = tmp_path / "billed-usage.json.gz"
    gz.write_bytes(gzip.compress("".join(_to_json(r) + "\n" for r in records).encode()))
    totals = []
    for path in (plain, gz):
        code, out, err = _cli(capsys, tmp_path, path, db=f"{path.name}.db")
        assert code == 0, err
        with Workspace(tmp_path / f"{path.name}.db") as ws:
            totals.append(
                [(t.invoice_number, t.customer_id, t.subscription_id, t.meter, str(t.quantity),
                  str(t.amount), t.first_day, t.last_day, t.rows) for t in ws.books.usage_totals()]
            )  # fmt: skip
    assert totals[0] == totals[1]
    assert [row[4:6] for row in totals[0]] == [("3.75", "0.586031696515249")]


def test_a_gzipped_bank_export_named_bin_is_known_by_what_it_holds(tmp_path, capsys):
    """A table in gzip under any name (a download saved as .bin) reads like the plain file."""
    plain = Path(__file__).parent / "data" / "bank" / "lbp_releve.csv"
    packed = tmp_path / "download.bin"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    code, out, err = _cli(capsys, tmp_path, packed)
    assert code == 0, err
    with Workspace(tmp_path / "w.db") as ws:
        got = [(p.date, p.amount) for p in ws.books.payments()]
    with Workspace(tmp_path / "plain.db") as ws:
        ws.imports.import_file(plain)
        assert got == [(p.date, p.amount) for p in ws.books.payments()] != []
