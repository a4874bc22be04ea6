"""A realistic demo: a French CSP partner's invoices, reconciliation lines and payments.

``write_demo(DIR)`` writes the source files a clerk would have downloaded
(Partner Center invoice list JSON, a new-commerce reconciliation CSV, the
clerk's payments CSV in French format) and a workspace built from them by the
same import and auto-allocation the clerk would run.  Dates are laid out
around ``today`` so that the aging has something overdue and something not yet due.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_DOWN, Decimal
from pathlib import Path

from core.explain import published_rate_date
from core.importers.pc_recon_lines import RECON_COLUMNS
from core.importers.tabular import parse_mdy
from core.workspace import Workspace

PARTNER_ID = "3c1a5e2b-7f04-4d8e-9a61-2b5f0c7d9e11"
CUSTOMERS = (
    ("0a9d2c41-5b7e-4f3a-8c21-6e4b9f1d2a01", "Boulangeries Durand SARL", "durand.fr"),
    ("1b8e3d52-6c8f-4a4b-9d32-7f5c0a2e3b12", "Cabinet Lefèvre & Associés", "lefevre-avocats.fr"),
    ("2c7f4e63-7d9a-4b5c-8e43-8a6d1b3f4c23", "Transports Morel", "morel-transports.fr"),
    ("3d6a5f74-8e0b-4c6d-9f54-9b7e2c4a5d34", "Clinique Saint-Éloi", "clinique-st-eloi.fr"),
)
PRODUCTS = (
    ("CFQ7TTC0LF8Q", "0001", "Microsoft 365 Business Premium", "22.00", "Seats", "Microsoft 365"),
    ("CFQ7TTC0LH18", "0009", "Microsoft 365 E3", "36.00", "Seats", "Microsoft 365"),
    ("CFQ7TTC0LCHC", "0002", "Exchange Online (Plan 1)", "4.00", "Seats", "Exchange"),
    ("DZH318Z0BQ3P", "001F", "Azure plan", "1.00", "Usage", "Azure"),
)


@dataclass(frozen=True)
class _Invoice:
    number: str
    days_ago: int
    total: Decimal
    invoice_type: str = "Recurring"
    header: bool = True  # False: only in the reconciliation file
    lines_delta: Decimal = Decimal(0)  # lines that do not add up to the header


def _invoices() -> list[_Invoice]:
    D = Decimal
    return [
        _Invoice("G000100001", 152, D("12480.00")),
        _Invoice("G000100002", 121, D("3215.40"), "OneTime"),
        _Invoice("G000100003", 121, D("8940.00")),  # voided, rebilled as G000100005
        _Invoice("G000100005", 118, D("8790.00")),
        _Invoice("G000100006", 91, D("4200.00")),
        _Invoice("G000100007", 91, D("1650.75"), "OneTime"),
        _Invoice("G000100013", 98, D("742.30"), "OneTime"),
        _Invoice("G000100014", 75, D("3480.00")),
        _Invoice("G000100008", 60, D("6300.00"), lines_delta=D("-1.00")),
        _Invoice("G000100009", 30, D("5120.50")),
        _Invoice("G000100011", 10, D("2980.00"), "OneTime"),
        _Invoice("G000100012", 3, D("1875.20"), header=False),
    ]


def _iso(d: date) -> str:
    return f"{d.isoformat()}T06:12:31.4453120Z"


def _us(d: date) -> str:
    return f"{d.month}/{d.day}/{d.year}"


def _split(total: Decimal, n: int) -> list[Decimal]:
    """Split ``total`` in ``n`` unequal parts that add up exactly."""
    weights = [5, 3, 2, 1][:n]
    parts = [(total * w / sum(weights)).quantize(Decimal("0.01")) for w in weights]
    parts[0] += total - sum(parts)
    return parts


# What Partner Center reports paid on the day of the download: the transfers P1–P4 applied
# (and the credit note on G000100009), but not P4's share for G000100007 yet — `agree` shows
# that difference.
MICROSOFT_PAID = {"G000100001": Decimal("12480.00"), "G000100002": Decimal("2000.00"),
                  "G000100005": Decimal("8790.00"), "G000100006": Decimal("4200.00"),
                  "G000100009": Decimal("750.00")}  # fmt: skip


def invoice_list(today: date) -> dict:
    by_number = {i.number: i for i in _invoices()}
    items = []
    for inv in _invoices():
        if not inv.header or inv.number == "G000100005":
            continue
        d = today - timedelta(days=inv.days_ago)
        item = {
            "id": inv.number,
            "invoiceDate": _iso(d),
            "billingPeriodStartDate": _iso(date(d.year, d.month, 1) - timedelta(days=1)),
            "billingPeriodEndDate": _iso(date(d.year, d.month, 1) - timedelta(days=1)),
            "totalCharges": inv.total,
            "paidAmount": MICROSOFT_PAID.get(inv.number, Decimal(0)),
            "currencyCode": "EUR",
            "currencySymbol": "€",
            "documentType": "invoice",
            "invoiceType": inv.invoice_type,
            "attributes": {"objectType": "Invoice"},
        }
        if inv.number == "G000100003":
            rebill = by_number["G000100005"]
            rd = today - timedelta(days=rebill.days_ago)
            item["amendments"] = [
                {
                    "id": "G000100004",
                    "invoiceDate": _iso(rd),
                    "totalCharges": -inv.total,
                    "paidAmount": Decimal(0),
                    "currencyCode": "EUR",
                    "documentType": "void_note",
                    "amendsOf": "G000100003",
                    "invoiceType": "Recurring",
                    "attributes": {"objectType": "Invoice"},
                },
                {
                    "id": "G000100005",
                    "invoiceDate": _iso(rd),
                    "totalCharges": rebill.total,
                    "paidAmount": MICROSOFT_PAID["G000100005"],
                    "currencyCode": "EUR",
                    "documentType": "invoice",
                    "amendsOf": "G000100003",
                    "invoiceType": "Recurring",
                    "attributes": {"objectType": "Invoice"},
                },
            ]
        items.append(item)
    credit_date = today - timedelta(days=25)
    items.append(
        {
            "id": "G000100010",
            "invoiceDate": _iso(credit_date),
            "totalCharges": Decimal("-750.00"),
            "paidAmount": Decimal(0),
            "currencyCode": "EUR",
            "documentType": "credit_note",
            "invoiceType": "OneTime",
            "attributes": {"objectType": "Invoice"},
        }
    )
    return {"totalCount": len(items), "items": items, "attributes": {"objectType": "Collection"}}


def recon_rows(today: date) -> list[dict[str, str]]:
    rows = []
    n = 0
    for k, inv in enumerate(_invoices()):
        d = today - timedelta(days=inv.days_ago)
        start = date(d.year, d.month, 1) - timedelta(days=1)
        start = date(start.year, start.month, 1)
        end = date(d.year, d.month, 1) - timedelta(days=1)
        count = 2 + k % 3
        for j, amount in enumerate(_split(inv.total + inv.lines_delta, count)):
            n += 1
            cust = CUSTOMERS[(k + j) % len(CUSTOMERS)]
            prod = PRODUCTS[(k + 2 * j) % len(PRODUCTS)]
            unit = Decimal(prod[3])
            qty = (amount / unit).quantize(Decimal("0.0001")) if prod[4] == "Usage" else None
            row = dict.fromkeys(RECON_COLUMNS, "")
            row.update(
                {
                    "PartnerId": PARTNER_ID,
                    "CustomerId": cust[0],
                    "CustomerName": cust[1],
                    "CustomerDomainName": cust[2],
                    "CustomerCountry": "FR",
                    "InvoiceNumber": inv.number,
                    "MpnId": "6123456",
                    "OrderId": f"ORD{n:08d}",
                    "OrderDate": _us(start),
                    "ProductId": prod[0],
                    "SkuId": prod[1],
                    "AvailabilityId": f"CFQ7TTC0{n:04d}",
                    "SkuName": prod[2],
                    "ProductName": prod[2],
                    "ChargeType": "usage" if prod[4] == "Usage" else "cycleCharge",
                    "UnitPrice": prod[3],
                    "Quantity": str(
                        qty if qty is not None else (amount / unit).quantize(Decimal("0.01"))
                    ),
                    "Subtotal": f"{amount:.2f}",
                    "TaxTotal": "0.00",
                    "Total": f"{amount:.2f}",
                    "Currency": "EUR",
                    "PublisherName": "Microsoft Corporation",
                    "PublisherId": "",
                    "SubscriptionDescription": f"{prod[2]} - {cust[1]}",
                    "SubscriptionId": f"{k:08x}-{j:04x}-4000-8000-{n:012x}",
                    "ChargeStartDate": _us(start),
                    "ChargeEndDate": _us(end),
                    "TermAndBillingCycle": "One-Year commitment for monthly/yearly billing",
                    "EffectiveUnitPrice": prod[3],
                    "UnitType": "1 License",
                    "BillableQuantity": str(qty or ""),
                    "BillingFrequency": "Monthly",
                    "PricingCurrency": "EUR",
                    "PCToBCExchangeRate": "1",
                    "PCToBCExchangeRateDate": _us(start),
                    "ProductCategory": prod[5],
                    "SubscriptionStartDate": _us(date(start.year - 1, start.month, 1)),
                    "SubscriptionEndDate": _us(date(start.year + 1, start.month, 1)),
                }
            )
            if prod[4] == "Usage":
                _priced_in_usd(row, amount, wrong=inv.number == "G000100009")
            rows.append(row)
        if inv.number == "G000100011":
            rows += _cancelled_purchase(d, n)
    return rows


USD_RATE = Decimal("0.923456789")  # EUR per USD, as PCToBCExchangeRate gives it (9 decimals)
USD_PRICE = Decimal("0.0125")  # USD per unit of the Azure meter


def _priced_in_usd(row: dict[str, str], amount: Decimal, wrong: bool = False) -> None:
    """Azure is priced in USD: the usage whose conversion gives this EUR subtotal (the
    documented rounding); ``wrong``: one cent less than the rule gives, to be flagged."""
    usd = (amount / USD_RATE).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    while (usd * USD_RATE).quantize(Decimal("0.01"), rounding=ROUND_DOWN) < amount + (
        Decimal("0.01") if wrong else 0
    ):
        usd += Decimal("0.01")
    quantity = usd / USD_PRICE
    rate_day = published_rate_date(parse_mdy(row["ChargeStartDate"]))
    row.update(
        UnitPrice=str(USD_PRICE), EffectiveUnitPrice=str(USD_PRICE),
        Quantity=f"{quantity:.6f}", BillableQuantity=f"{quantity:.6f}", PricingCurrency="USD",
        PCToBCExchangeRate=str(USD_RATE), PCToBCExchangeRateDate=_us(rate_day),
        TermAndBillingCycle="", BillingFrequency="", UnitType="1 Hour",
        MeterDescription="Compute hours - D2s v5",
    )  # fmt: skip


def _cancelled_purchase(invoice_day: date, n: int) -> list[dict[str, str]]:
    """Five E3 seats bought on the 15th of last month, aligned to end on 31 December (the
    first charge prorated to the month's end), cancelled ten days later and refunded in
    full: new commerce refunds nothing after 7 days — the checks flag it.  Net zero."""
    last = date(invoice_day.year, invoice_day.month, 1) - timedelta(days=1)
    bought = last.replace(day=15)
    days_charged = (last - bought).days + 1
    amount = (Decimal("36.00") * 5 * days_charged / last.day).quantize(Decimal("0.01"))
    cust = CUSTOMERS[1]
    base = dict.fromkeys(RECON_COLUMNS, "")
    base.update(
        PartnerId=PARTNER_ID, CustomerId=cust[0], CustomerName=cust[1],
        CustomerDomainName=cust[2], CustomerCountry="FR", InvoiceNumber="G000100011",
        MpnId="6123456", ProductId="CFQ7TTC0LH18", SkuId="0009", SkuName="Microsoft 365 E3",
        ProductName="Microsoft 365 E3", UnitPrice="36.00", EffectiveUnitPrice="36.00",
        Currency="EUR", PublisherName="Microsoft Corporation", TaxTotal="0.00",
        SubscriptionDescription=f"Microsoft 365 E3 - {cust[1]} (extra seats)",
        SubscriptionId=f"e3e3e3e3-0000-4000-8000-{n + 1:012x}",
        TermAndBillingCycle="One-Year commitment for monthly billing", BillingFrequency="Monthly",
        PricingCurrency="EUR", PCToBCExchangeRate="1", UnitType="1 License",
        ProductCategory="Microsoft 365", SubscriptionStartDate=_us(bought),
        SubscriptionEndDate=_us(date(bought.year, 12, 31)), ChargeEndDate=_us(last),
    )  # fmt: skip
    purchase = {**base, "OrderId": f"ORD{n + 1:08d}", "AvailabilityId": f"CFQ7TTC0{n + 1:04d}",
                "OrderDate": _us(bought), "ChargeType": "new", "Quantity": "5",
                "BillableQuantity": "5", "Subtotal": f"{amount:.2f}", "Total": f"{amount:.2f}",
                "ChargeStartDate": _us(bought)}  # fmt: skip
    cancelled = bought + timedelta(days=10)
    refund = {**base, "OrderId": f"ORD{n + 2:08d}", "AvailabilityId": f"CFQ7TTC0{n + 2:04d}",
              "OrderDate": _us(cancelled), "ChargeType": "cancelImmediate", "Quantity": "-5",
              "BillableQuantity": "-5", "Subtotal": f"{-amount:.2f}", "Total": f"{-amount:.2f}",
              "ChargeStartDate": _us(cancelled), "CreditReasonCode": "Cancellation"}  # fmt: skip
    return [purchase, refund]


def french_amount(amount: Decimal) -> str:
    """1234.5 → '1 234,50' with a no-break space, as a French bank export writes it."""
    return f"{amount:,.2f}".replace(",", "\u00a0").replace(".", ",")


def payment_rows(today: date) -> list[list[str]]:
    def day(n: int) -> str:
        return (today - timedelta(days=n)).strftime("%d/%m/%Y")

    iban = "FR76 3000 4000 0312 3456 7890 143"
    D = Decimal
    rows = [
        ["Date", "Montant", "Devise", "Libellé", "Compte"],
        [
            day(95),
            french_amount(D("12480.00")),
            "EUR",
            "VIR SEPA MICROSOFT IRELAND FACT G000100001",
            iban,
        ],
        [
            day(62),
            french_amount(D("2000.00")),
            "EUR",
            "VIR MICROSOFT IRELAND G000100002 ACOMPTE 2000,00",
            iban,
        ],
        [
            day(58),
            french_amount(D("8790.00")),
            "EUR",
            "VIR MICROSOFT IRELAND REGL G000100003",
            iban,
        ],
        [
            day(33),
            french_amount(D("5850.75")),
            "EUR",
            "VIR MICROSOFT IRELAND G000100006 4200,00 G000100007 1650,75",
            iban,
        ],
        [
            day(20),
            french_amount(D("1500.00")),
            "EUR",
            "VIREMENT MICROSOFT IRELAND OPERATIONS",
            iban,
        ],
        [
            day(6),
            french_amount(D("2000.00")),
            "USD",
            "WIRE MICROSOFT IRELAND INVOICE G000100008",
            "FR76 3000 4000 0398 7654 3210 987",
        ],
    ]
    # the account each transfer was sent to: Microsoft's, but for one sent to an old account
    payees = [MICROSOFT_IBAN] * (len(rows) - 1)
    payees[2] = WRONG_IBAN
    return [[*rows[0], "Compte bénéficiaire"]] + [
        [*row, payee] for row, payee in zip(rows[1:], payees, strict=True)
    ]


MICROSOFT_IBAN = "IE29 AIBK 9311 5212 3456 78"  # Microsoft's EUR account (demo)
WRONG_IBAN = "GB29 NWBK 6016 1331 9268 19"  # an account that is not Microsoft's (demo)


def write_demo(directory: Path, *, today: date | None = None) -> Path:
    """Write the demo source files and build ``DIR/workspace.db`` from them."""
    today = today or date.today()
    directory.mkdir(parents=True, exist_ok=True)
    invoices = directory / "invoices.json"
    recon = directory / "BilledOneTimeInvoiceLineItems_demo.csv"
    payments = directory / "paiements.csv"
    invoices.write_text(_json_numbers(invoice_list(today)), encoding="utf-8")
    with recon.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=RECON_COLUMNS)
        writer.writeheader()
        writer.writerows(recon_rows(today))
    with payments.open("w", encoding="cp1252", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows(payment_rows(today))
    db = directory / "workspace.db"
    for stale in (db, Path(str(db) + ".lock")):
        stale.unlink(missing_ok=True)
    with Workspace(db) as ws:
        ws.settings.set("company_name", "Nuage Conseil SAS")
        ws.settings.set("payee_account_EUR", MICROSOFT_IBAN)
        ws.settings.set("holiday_country", "FR")
        for path in (invoices, recon, payments):
            ws.imports.import_file(path)
        ws.allocations.auto_allocate(apply=True)
        # Partner Center lists P5 under "Unallocated payment": the clerk marked it
        ws.alerts.mark("P5", "unallocated", today - timedelta(days=3))
        # the refund outside its window is disputed; an outage last month is claimed
        why = "cancellation refunded after the 7-day window: is the credit final?"
        ws.claims.open_dispute("G000100011", "90.00", why, "2611150042", today - timedelta(days=6))
        month = date(today.year, today.month, 1) - timedelta(days=1)
        ws.claims.open_sla_claim("Dynamics 365 Sales", f"{month:%Y-%m}", "99.52", "145.00",
                                 "EUR", "2611020017", today - timedelta(days=12))  # fmt: skip
    return db


_NUM = "@@number@@"


def _json_numbers(obj: object) -> str:
    """JSON with Decimals written as JSON numbers (as the API does), never via float."""
    text = json.dumps(_mark(obj), indent=2, ensure_ascii=False)
    return text.replace(f'"{_NUM}', "").replace(f'{_NUM}"', "")


def _mark(o: object) -> object:
    if isinstance(o, Decimal):
        return f"{_NUM}{format(o, 'f')}{_NUM}"
    if isinstance(o, dict):
        return {k: _mark(v) for k, v in o.items()}
    if isinstance(o, list):
        return [_mark(v) for v in o]
    return o
