"""Explaining charges: currency conversion, prorated terms, refunds — figures worked by hand.

Lines are written as the portal's 47-column new-commerce reconciliation CSV (DOMAIN.md) or the
28-column legacy licence file, imported, then explained through the workspace.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from core import explain
from core.importers import fastcsv
from core.importers.pc_recon_lines import RECON_COLUMNS
from core.workspace import ImportFailed

LEGACY_COLUMNS = (
    "PartnerId,CustomerId,CustomerName,MpnId,ResellerMpnId,OrderId,SubscriptionId,"
    "SyndicationPartnerSubscriptionNumber,OfferId,DurableOfferId,OfferName,SubscriptionStartDate,"
    "SubscriptionEndDate,ChargeStartDate,ChargeEndDate,ChargeType,UnitPrice,Quantity,Amount,"
    "TotalOtherDiscount,Subtotal,Tax,TotalForCustomer,Currency,DomainName,SubscriptionName,"
    "SubscriptionDescription,BillingCycleType"
).split(",")


def nce(invoice: str, subtotal: str, **cells) -> dict:
    """One new-commerce line: EUR invoice, a licence billed monthly unless told otherwise."""
    row = dict.fromkeys(RECON_COLUMNS, "")
    row.update(
        PartnerId="p-1", CustomerId="c-contoso", CustomerName="Contoso", InvoiceNumber=invoice,
        ProductName="Microsoft 365 E3", SubscriptionId="sub-1", ChargeType="cycleCharge",
        Subtotal=subtotal, TaxTotal="0", Total=subtotal, Currency="EUR",
        PricingCurrency="EUR", PCToBCExchangeRate="1",
    )  # fmt: skip
    row.update(cells)
    return row


def write_csv(path: Path, columns, rows: list[dict]) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(c, "") for c in columns])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


@pytest.fixture
def explained(ws, tmp_path):
    """Import these new-commerce rows; the explanation of every line, by label."""

    def run(rows: list[dict], name: str = "recon.csv") -> dict[str, explain.Explanation]:
        ws.imports.import_file(
            write_csv(tmp_path / name, RECON_COLUMNS, rows)
        )  # raises on an error
        numbers = sorted({r["InvoiceNumber"] for r in rows})
        return {ex.label: ex for n in numbers for ex in ws.charges.explain(n)}

    return run


def kinds(ex: explain.Explanation) -> list[str]:
    return [c.kind for c in ex.checks]


# ---------------------------------------------------------------- currency conversion


def usd_usage(subtotal: str) -> dict:
    # Azure plan usage: no term, priced in USD, billed in EUR; 9-decimal rate, 6-decimal quantity
    return nce(
        "G000000001", subtotal, ProductName="Azure plan", SubscriptionId="azure-1",
        ChargeType="new", UnitPrice="0.123456789", Quantity="1234.567891",
        EffectiveUnitPrice="0.123456789", BillableQuantity="1234.567891",
        PricingCurrency="USD", PCToBCExchangeRate="0.923456789",
        PCToBCExchangeRateDate="11/28/2024", ChargeStartDate="12/1/2024",
        ChargeEndDate="12/31/2024", MeterDescription="Compute hours",
    )  # fmt: skip


def test_usage_line_recomputed_with_the_documented_rounding(explained):
    # 0.123456789 × 1234.567891 = 152.415787625361999 → ROUNDDOWN 152.41 USD;
    # 152.41 × 0.923456789 = 140.74404921149 → ROUNDDOWN 140.74 EUR
    found = explained([usd_usage("140.74"), {**usd_usage("140.75"), "SubscriptionId": "azure-2"}])
    right, wrong = found["G000000001#1"], found["G000000001#2"]
    c = right.conversion
    assert (c.rule, c.pricing_currency, c.billing_currency) == ("usage", "USD", "EUR")
    assert c.pricing_amount == Decimal("152.415787625361999")
    assert c.recomputed == Decimal("140.74") and c.matches
    assert c.rate == Decimal("0.923456789") and c.rate_date == date(2024, 11, 28)
    # 1 December 2024 is a Sunday: two business days before are Friday 29 and Thursday 28
    assert c.published_rate_date == date(2024, 11, 28)
    assert kinds(right) == []
    assert kinds(wrong) == ["fx_recompute_mismatch"]
    check = wrong.checks[0]
    assert (check.expected, check.actual) == (Decimal("140.74"), Decimal("140.75"))
    assert check.line == "G000000001#2" and check.customer == "Contoso"


def test_licence_line_rounds_the_converted_price_then_multiplies(explained):
    # ROUNDDOWN(12.75 × 0.923456789 = 11.77407405975, 2) = 11.77 EUR a seat; × 3 = 35.31
    base = dict(
        ChargeType="cycleCharge", UnitPrice="12.75", EffectiveUnitPrice="12.75",
        PricingCurrency="USD", PCToBCExchangeRate="0.923456789", ChargeStartDate="3/1/2026",
        ChargeEndDate="3/31/2026", TermAndBillingCycle="1 Month Subscription",
        BillingFrequency="Monthly", SubscriptionStartDate="3/1/2026",
        SubscriptionEndDate="3/31/2026",
    )  # fmt: skip
    found = explained([
        nce("G000000002", "35.31", Quantity="3", BillableQuantity="3", **base),
        nce("G000000002", "35.34", Quantity="3", BillableQuantity="3", SubscriptionId="sub-2",
            **base),
        # 11.77 × 2.500000 = 29.425: the file rounds it to the cent, either way is the rule
        nce("G000000002", "29.43", Quantity="2.5", BillableQuantity="2.500000",
            SubscriptionId="sub-3", **base),
    ])  # fmt: skip
    assert found["G000000002#1"].conversion.recomputed == Decimal("35.31")
    assert kinds(found["G000000002#1"]) == []
    assert kinds(found["G000000002#2"]) == ["fx_recompute_mismatch"]
    assert found["G000000002#2"].checks[0].expected == Decimal("35.31")
    assert found["G000000002#3"].conversion.recomputed == Decimal("29.42500000")
    assert kinds(found["G000000002#3"]) == []
    # the published rate date for March 2026: Sunday 1 March → Thursday 26 February
    assert found["G000000002#1"].conversion.published_rate_date == date(2026, 2, 26)


def test_published_rate_date_matches_the_seed_example():
    # DOMAIN.md: the 29 November rate applies to 1–31 December (2022: 1 December a Thursday)
    assert explain.published_rate_date(date(2022, 12, 15)) == date(2022, 11, 29)


def test_line_priced_in_the_billing_currency_has_no_conversion(explained):
    found = explained([nce("G000000003", "10.00", UnitPrice="10", Quantity="1")])
    assert found["G000000003#1"].conversion is None


# ---------------------------------------------------------------- prorated terms


def test_calendar_month_alignment_prorates_the_first_month(explained):
    # bought 15 January, annual term billed monthly, aligned to end 31 December: the first
    # charge covers 15–31 January, 17 of 31 days; 2 seats × 31.00 = 62.00 → 62 × 17/31 = 34.00
    terms = dict(
        UnitPrice="31.00", EffectiveUnitPrice="17.00", Quantity="2", BillableQuantity="2",
        TermAndBillingCycle="One-Year commitment for monthly billing", BillingFrequency="Monthly",
        SubscriptionStartDate="1/15/2026", SubscriptionEndDate="12/31/2026",
        ChargeStartDate="1/15/2026", ChargeEndDate="1/31/2026",
    )  # fmt: skip
    found = explained([
        nce("G000000004", "34.00", **terms),
        nce("G000000004", "62.00", SubscriptionId="sub-2", **terms),  # charged the full month
        nce("G000000004", "35.50", SubscriptionId="sub-3", **terms),  # within a day's price
    ])  # fmt: skip
    p = found["G000000004#1"].proration
    assert (p.days_charged, p.days_full, p.prorated) == (17, 31, True)
    assert p.full_price == Decimal("62.00") and p.expected == Decimal("34")
    assert p.case.startswith("calendar-month alignment")
    assert (p.subscription_days, p.term_days) == (351, 365)
    assert kinds(found["G000000004#1"]) == []
    assert kinds(found["G000000004#2"]) == ["proration_mismatch"]
    assert found["G000000004#2"].checks[0].expected == Decimal("34")
    assert kinds(found["G000000004#3"]) == []  # 1.50 off: a day-count convention, not flagged


def test_cotermination_annual_charge_for_334_of_365_days(explained):
    # bought 1 February, coterminous with a subscription ending 31 December, billed annually:
    # 1 Feb–31 Dec is 334 days of the 365-day cycle; 365.00 × 334/365 = 334.00
    common = dict(
        TermAndBillingCycle="1 Year Subscription", BillingFrequency="Annual",
        SubscriptionEndDate="12/31/2026", UnitPrice="365.00", Quantity="1", BillableQuantity="1",
    )  # fmt: skip
    found = explained([
        nce("G000000005", "334.00", SubscriptionId="new", SubscriptionStartDate="2/1/2026",
            ChargeStartDate="2/1/2026", ChargeEndDate="12/31/2026", **common),
        nce("G000000005", "0.00", SubscriptionId="old", ChargeType="renew",
            SubscriptionStartDate="1/1/2026", **{**common, "UnitPrice": "0"}),
    ])  # fmt: skip
    ex = found["G000000005#1"]
    assert (ex.proration.days_charged, ex.proration.days_full) == (334, 365)
    assert ex.proration.expected == Decimal("334")
    assert ex.proration.case.startswith("cotermination with the customer's other subscriptions")
    assert kinds(ex) == []


def test_migration_from_legacy_keeps_the_legacy_end_date(explained):
    # migrated 1 March, keeps the legacy end 19 January: ~10 months 19 days of a 1-year term
    found = explained([
        nce("G000000006", "100.00", ChargeType="convert", UnitPrice="100", Quantity="1",
            TermAndBillingCycle="1 Year Subscription", BillingFrequency="Monthly",
            SubscriptionStartDate="3/1/2026", SubscriptionEndDate="1/19/2027",
            ChargeStartDate="3/1/2026", ChargeEndDate="3/31/2026"),
    ])  # fmt: skip
    p = found["G000000006#1"].proration
    assert p.case.startswith("migration from legacy") and not p.prorated
    assert (p.subscription_days, p.term_days) == (325, 365)


# ---------------------------------------------------------------- refunds


def original_charge() -> dict:
    # 10 seats × 31.00 for 10 March–9 April (31 days), annual term billed monthly
    return nce(
        "G000000010", "310.00", SubscriptionId="sub-r", UnitPrice="31.00", Quantity="10",
        BillableQuantity="10", EffectiveUnitPrice="31.00",
        TermAndBillingCycle="One-Year commitment for monthly billing", BillingFrequency="Monthly",
        SubscriptionStartDate="3/10/2026", SubscriptionEndDate="3/9/2027",
        ChargeStartDate="3/10/2026", ChargeEndDate="4/9/2026",
    )  # fmt: skip


def cancellation(invoice: str, subtotal: str, day: str, quantity: str = "-10") -> dict:
    return {
        **original_charge(), "InvoiceNumber": invoice, "Subtotal": subtotal, "Total": subtotal,
        "ChargeType": "cancelImmediate", "Quantity": quantity, "BillableQuantity": quantity,
        "ChargeStartDate": day, "CreditReasonCode": "Cancellation",
    }  # fmt: skip


def test_nce_refunds_full_within_24_hours_prorated_within_7_days_none_after(explained):
    found = explained([
        original_charge(),
        cancellation("G000000011", "-310.00", "3/10/2026"),  # same day: full
        cancellation("G000000012", "-270.00", "3/14/2026"),  # day 4: 27 of 31 days → -270.00
        cancellation("G000000013", "-310.00", "3/14/2026"),  # day 4 but refunded in full
        cancellation("G000000014", "-200.00", "3/20/2026"),  # day 10: no refund is due
        cancellation("G000000015", "-135.00", "3/14/2026", quantity="-5"),  # 5 of the 10 seats
    ])  # fmt: skip
    same_day = found["G000000011#1"]
    assert same_day.refund.window == "full" and same_day.refund.expected == Decimal("-310")
    assert same_day.refund.original == "G000000010#1" and kinds(same_day) == []
    day4 = found["G000000012#1"].refund
    assert (day4.elapsed_days, day4.window, day4.expected) == (4, "prorated", Decimal("-270"))
    assert kinds(found["G000000012#1"]) == []
    assert kinds(found["G000000013#1"]) == ["refund_amount_mismatch"]
    assert found["G000000013#1"].checks[0].expected == Decimal("-270")
    late = found["G000000014#1"]
    assert (late.refund.elapsed_days, late.refund.window) == (10, "none")
    assert kinds(late) == ["refund_outside_window"] and late.checks[0].expected == 0
    # a quantity reduction: 5 seats × 31.00 × 27/31 = 135.00
    assert (
        found["G000000015#1"].refund.expected == Decimal("-135")
        and kinds(found["G000000015#1"]) == []
    )


def test_a_renewal_restarts_the_window(explained):
    # the term renews on 10 March 2027: a cancellation on 12 March 2027 is day 2 of the new term
    renewal = {**original_charge(), "InvoiceNumber": "G000000020", "ChargeType": "renew",
               "ChargeStartDate": "3/10/2027", "ChargeEndDate": "4/9/2027"}  # fmt: skip
    credit = cancellation("G000000021", "-290.00", "3/12/2027")  # 29 of 31 days → -290.00
    credit["ChargeEndDate"] = "4/9/2027"
    found = explained([renewal, credit])
    r = found["G000000021#1"].refund
    assert (r.term_start, r.elapsed_days, r.expected) == (date(2027, 3, 10), 2, Decimal("-290"))
    assert kinds(found["G000000021#1"]) == []


def test_a_credit_that_is_not_a_cancellation_has_no_window(explained):
    found = explained([nce("G000000030", "-12.00", ChargeType="customerCredit",
                           CreditReasonCode="Partner earned credit")])  # fmt: skip
    ex = found["G000000030#1"]
    assert ex.refund.cancellation is False and kinds(ex) == []


def test_legacy_full_refund_in_the_first_month_prorated_after(ws, tmp_path):
    # legacy licence file (no invoice number column: named after the invoice)
    def row(subtotal: str, start: str, end: str, charge_type: str) -> dict:
        return dict(
            PartnerId="p-1", CustomerId="c-fab", CustomerName="Fabrikam", SubscriptionId="L-1",
            OfferName="EXCHANGE ONLINE (PLAN 2)", SubscriptionStartDate="1/5/2026",
            SubscriptionEndDate="1/4/2027", ChargeStartDate=start, ChargeEndDate=end,
            ChargeType=charge_type, UnitPrice="20.00", Quantity="5", Amount=subtotal,
            TotalOtherDiscount="0", Subtotal=subtotal, Tax="0", TotalForCustomer=subtotal,
            Currency="EUR", BillingCycleType="MONTHLY",
        )  # fmt: skip

    rows = [
        row("-100.00", "1/20/2026", "2/4/2026", "Cancel instance prorate"),  # within month 1
        # 20 March–4 April: 16 of 31 days → 100 × 16/31 = 51.61; refunded in full instead
        row("-100.00", "3/20/2026", "4/4/2026", "Cancel instance prorate"),
        row("-51.61", "3/20/2026", "4/4/2026", "Cancel instance prorate"),
    ]
    path = write_csv(tmp_path / "D000000040.csv", LEGACY_COLUMNS, rows)
    ws.imports.import_file(path)
    found = {ex.label: ex for ex in ws.charges.explain("D000000040")}
    first = found["D000000040#1"]
    assert first.experience == "legacy" and first.refund.window == "full"
    assert first.refund.expected == Decimal("-100.00") and kinds(first) == []
    late = found["D000000040#2"]
    assert late.refund.window == "prorated"
    assert explain.shown(late.refund.expected, "EUR") == Decimal("-51.61")
    assert kinds(late) == ["refund_amount_mismatch"]
    assert kinds(found["D000000040#3"]) == []


# ---------------------------------------------------------------- the workspace's word


def test_checks_and_explain_by_line_or_file_row(ws, explained, tmp_path):
    explained([usd_usage("140.75"), original_charge(),
               cancellation("G000000014", "-200.00", "3/20/2026")])  # fmt: skip
    found = ws.charges.checks()
    assert sorted((c.kind, c.line) for c in found) == [
        ("fx_recompute_mismatch", "G000000001#1"),
        ("refund_outside_window", "G000000014#1"),
    ]
    assert [ex.label for ex in ws.charges.explain("g000000010#1")] == ["G000000010#1"]
    assert [ex.label for ex in ws.charges.explain("recon.csv:4")] == ["G000000014#1"]
    with pytest.raises(ValueError, match="has no line 9"):
        ws.charges.explain("G000000010#9")
    with pytest.raises(ValueError, match="no lines for 'G999999999'"):
        ws.charges.explain("G999999999")


def test_fast_reader_stores_the_same_details(ws, tmp_path, monkeypatch):
    """A large plain CSV goes through the column reader: its lines explain alike."""
    monkeypatch.setattr(fastcsv, "MIN_BYTES", 0)
    write_csv(tmp_path / "big.csv", RECON_COLUMNS, [usd_usage("140.75")])
    ws.imports.import_file(tmp_path / "big.csv")
    (ex,) = ws.charges.explain("G000000001")
    assert ex.conversion.recomputed == Decimal("140.74")
    assert ex.conversion.rate_date == date(2024, 11, 28)
    assert kinds(ex) == ["fx_recompute_mismatch"]


def test_bad_exchange_rate_is_named_with_file_row_and_column(ws, tmp_path):
    path = write_csv(tmp_path / "bad.csv", RECON_COLUMNS,
                     [{**usd_usage("1.00"), "PCToBCExchangeRate": "0,92x"}])  # fmt: skip
    with pytest.raises(ImportFailed) as failed:
        ws.imports.import_file(path)
    (error,) = failed.value.errors
    assert str(error).endswith(
        "bad.csv:2: column PCToBCExchangeRate: expected a number with an "
        "unambiguous decimal separator, got '0,92x'"
    )
    assert ws.books.ledger().invoices == {}


# ---------------------------------------------------------------- the command line


def test_cli_checks_explain_disputes_and_sla_claims(cli, cli_json, write_invoices, tmp_path):
    from tests.conftest import invoice

    today = date.today()
    assert (
        cli("import", write_invoices([invoice("G000000001", today.isoformat(), "140.75")]))[0] == 0
    )
    lines = write_csv(tmp_path / "recon.csv", RECON_COLUMNS, [usd_usage("140.75")])
    assert cli("import", lines)[0] == 0

    found = cli_json("checks")
    assert [(f["kind"], f["line"], f["expected"], f["actual"], f["difference"])
            for f in found["findings"]] == [
        ("fx_recompute_mismatch", "G000000001#1", "140.74", "140.75", "0.01")]  # fmt: skip
    assert found["totals"]["fx_recompute_mismatch"] == 1
    assert cli_json("checks", "--kind", "refund_outside_window")["findings"] == []
    (line,) = cli_json("explain", "G000000001#1")["lines"]
    assert line["conversion"]["recomputed"] == "140.74"
    assert line["conversion"]["published_rate_date"] == "2024-11-28"
    assert line["place"].endswith("recon.csv:2")

    # a dispute: open, still due by default, not due once the setting says so
    dispute = cli_json("dispute", "open", "G000000001#1", "0.01", "--reason",
                       "conversion rounded up", "--ticket", "2611230001")  # fmt: skip
    assert (dispute["invoice"], dispute["line"], dispute["amount"], dispute["state"]) == (
        "G000000001", "G000000001#1", "0.01", "open")  # fmt: skip
    balance = cli_json("balance")["EUR"]
    assert (balance["amount_due"], balance["disputed"]) == ("140.75", "0.01")
    assert balance["disputed_counted_as_due"] is True
    assert cli("set", "disputed_counts_as_due", "no")[0] == 0
    balance = cli_json("balance")["EUR"]
    assert (balance["amount_due"], balance["disputed"]) == ("140.74", "0.01")
    code, _out, err = cli("dispute", "open", "G000000001#7", "1", "--reason", "x")
    assert code == 2 and "G000000001 has 1 line(s)" in err

    # the credit note arrives: linked, the dispute closes
    assert cli("import", write_invoices(
        [invoice("G000000002", today.isoformat(), "-0.01", documentType="credit_note")],
        name="credit.json"))[0] == 0  # fmt: skip
    closed = cli_json("dispute", "link", str(dispute["id"]), "G000000002")
    assert (closed["state"], closed["credit_note"]) == ("credited", "G000000002")
    assert cli_json("dispute", "list") == []
    assert "disputed" not in cli_json("balance")["EUR"]  # nothing disputed any more

    # SLA claims: only below 99.9 % availability
    code, _out, err = cli("sla-claim", "open", "--service", "Dynamics 365 Sales", "--month",
                          "2026-10", "--availability", "99.95", "--credit", "120",
                          "--currency", "EUR")  # fmt: skip
    assert code == 2 and "not below the 99.9 %" in err
    claim = cli_json("sla-claim", "open", "--service", "Dynamics 365 Sales", "--month",
                     "2026-10", "--availability", "99,5", "--credit", "120", "--currency",
                     "eur", "--ticket", "T-42", "--date", "2026-11-02")  # fmt: skip
    assert (claim["availability"], claim["amount"], claim["currency"]) == ("99.5", "120.00", "EUR")
    assert claim["age_days"] == (today - date(2026, 11, 2)).days
    assert [c["id"] for c in cli_json("sla-claim", "list")] == [claim["id"]]
    code, _out, err = cli("sla-claim", "link", str(claim["id"]), "G000000001")
    assert code == 2 and "not a credit" in err
    assert cli_json("sla-claim", "withdraw", str(claim["id"]))["state"] == "withdrawn"
    assert cli_json("sla-claim", "list") == []
    assert len(cli_json("sla-claim", "list", "--all")) == 1
