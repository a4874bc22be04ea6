"""The ledger rules (DOMAIN.md, "Account balance"), on plain records."""

from datetime import date
from decimal import Decimal as D

import pytest

from core import allocation as rules
from core.aging import (
    bucket_names,
    by_currency,
    customer_shares,
    customer_weights,
    parse_limits,
)
from core.ledger import compute
from core.model import Allocation, Document, DocumentType, InvoiceLine, Payment, SourceKind

INV, VOID, ADJ, CN = (
    DocumentType.INVOICE,
    DocumentType.VOID_NOTE,
    DocumentType.ADJUSTMENT_NOTE,
    DocumentType.CREDIT_NOTE,
)


def doc(number, total, day, kind=INV, amends=None, currency="EUR"):
    return Document(
        number, kind, currency, D(total), date.fromisoformat(day) if day else None, amends=amends
    )


def pay(pid, amount, day, ref="", currency="EUR"):
    return Payment(pid, date.fromisoformat(day), D(amount), currency, ref)


def alloc(n, source, invoice, amount, kind=SourceKind.PAYMENT):
    return Allocation(n, kind, source, invoice, D(amount))


VOID_REBILL = [
    doc("G1", "100.00", "2026-01-05"),
    doc("G2", "-100.00", "2026-01-20", VOID, amends="G1"),
    doc("G3", "90.00", "2026-01-20", INV, amends="G1"),
]


def test_void_and_rebill_only_the_rebill_counts():
    led = compute(VOID_REBILL, [], [], as_of=date(2026, 2, 1))
    assert [n for n, i in led.invoices.items() if i.counted] == ["G3"]
    assert led.invoices["G1"].status == "voided"
    assert led.invoices["G1"].rebilled_as == "G3"
    assert led.invoices["G2"].status == "void_note"
    assert led.balance()["EUR"].amount_due == D("90.00")


def test_before_the_void_the_original_still_counts():
    led = compute(VOID_REBILL, [], [], as_of=date(2026, 1, 10))
    assert led.invoices["G1"].counted
    assert led.balance()["EUR"].amount_due == D("100.00")


def test_payment_aimed_at_the_voided_original_lands_on_the_rebill():
    led = compute(
        VOID_REBILL,
        [pay("P1", "60.00", "2026-01-10", "G1")],
        [alloc(1, "P1", "G1", "60.00")],
        as_of=date(2026, 2, 1),
    )
    assert led.invoices["G3"].open == D("30.00")
    assert led.payments["P1"].remaining == D("0.00")
    assert led.balance()["EUR"].amount_due == D("30.00")


def test_rebill_of_a_rebill_only_the_latest_counts():
    docs = [
        *VOID_REBILL,
        doc("G4", "-90.00", "2026-01-25", VOID, amends="G3"),
        doc("G5", "85.00", "2026-01-25", ADJ, amends="G3"),
    ]
    led = compute(docs, [], [], as_of=date(2026, 2, 1))
    assert [n for n, i in led.invoices.items() if i.counted] == ["G5"]
    assert led.resolve("G1") == "G5"


def test_unallocated_payments_do_not_reduce_the_amount_due():
    led = compute(
        [doc("G1", "500.00", "2026-01-01")],
        [pay("P1", "200.00", "2026-01-15")],
        [],
        as_of=date(2026, 2, 1),
    )
    bal = led.balance()["EUR"]
    assert (bal.amount_due, bal.unallocated_payments) == (D("500.00"), D("200.00"))
    assert led.payments["P1"].flags == ["unallocated"]


def test_balances_are_per_currency():
    led = compute(
        [doc("G1", "500.00", "2026-01-01"), doc("G2", "700", "2026-01-01", currency="JPY")],
        [pay("P1", "300", "2026-01-15", currency="JPY")],
        [alloc(1, "P1", "G2", "300")],
        as_of=date(2026, 2, 1),
    )
    bal = led.balance()
    assert str(bal["EUR"].amount_due) == "500.00"
    assert str(bal["JPY"].amount_due) == "400"


def test_as_of_counts_payments_at_their_payment_date():
    docs = [doc("G1", "500.00", "2026-01-01")]
    pays = [pay("P1", "500.00", "2026-03-01")]
    allocs = [alloc(1, "P1", "G1", "500.00")]
    assert compute(docs, pays, allocs, as_of=date(2026, 2, 28)).balance()["EUR"].amount_due == D(
        "500.00"
    )
    assert compute(docs, pays, allocs, as_of=date(2026, 3, 1)).balance()["EUR"].amount_due == D(
        "0.00"
    )
    assert "G1" not in compute(docs, [], [], as_of=date(2025, 12, 31)).invoices


def test_credit_note_goes_to_the_most_recent_open_invoices_newest_first():
    docs = [
        doc("G1", "400.00", "2026-01-01"),
        doc("G2", "250.00", "2026-02-01"),
        doc("G3", "100.00", "2026-03-01"),
        doc("G9", "999.00", "2026-04-01"),  # dated after the credit: not touched
        doc("C1", "-300.00", "2026-03-15", CN),
    ]
    led = compute(docs, [], [], as_of=date(2026, 5, 1))
    plans = rules.plan_credit(led, "C1")
    assert [(p.invoice, p.amount) for p in plans] == [("G3", D("100.00")), ("G2", D("200.00"))]


def test_credit_note_remainder_is_kept_as_unapplied_credit():
    docs = [doc("G1", "1000.00", "2026-01-01"), doc("C1", "-1300.00", "2026-01-10", CN)]
    led = compute(docs, [], [], as_of=date(2026, 2, 1))
    plans = rules.plan_credit(led, "C1")
    assert [(p.invoice, p.amount) for p in plans] == [("G1", D("1000.00"))]
    led = compute(
        docs, [], [alloc(1, "C1", "G1", "1000.00", SourceKind.CREDIT)], as_of=date(2026, 2, 1)
    )
    bal = led.balance()["EUR"]
    assert (bal.amount_due, bal.unapplied_credits) == (D("0.00"), D("300.00"))


def test_seed_example_invoice_1000_credit_300_leaves_700():
    docs = [doc("G1", "1000.00", "2026-01-01"), doc("C1", "-300.00", "2026-01-10", CN)]
    led = compute(docs, [], [alloc(1, "C1", "G1", "300.00", SourceKind.CREDIT)])
    assert led.invoices["G1"].open == D("700.00")


@pytest.mark.parametrize(
    ("requests", "message"),
    [
        ([("G1", "600.01")], "G1 still owes 600.00 EUR; cannot allocate 600.01"),
        ([("G1", "300.00"), ("G2", "300.00")], "P1 has 200.00 EUR left; cannot allocate 300.00"),
        ([("GJ", "10")], "P1 is in EUR but GJ is in JPY"),
        ([("GV", "10.00")], "GV is voided and has no rebill yet"),
        ([("GX", "10.00")], "no invoice GX in this workspace"),
        ([("G1", "0")], "the amount must be positive"),
        ([("G1", "1.001")], "at most 2 decimals for EUR"),
    ],
)
def test_allocation_refusals_say_why(requests, message):
    docs = [
        doc("G1", "600.00", "2026-01-01"),
        doc("G2", "400.00", "2026-01-01"),
        doc("GJ", "5000", "2026-01-01", currency="JPY"),
        doc("GV", "50.00", "2026-01-01"),
        doc("GW", "-50.00", "2026-01-02", VOID, "GV"),
    ]
    led = compute(docs, [pay("P1", "500.00", "2026-01-10")], [])
    with pytest.raises(rules.AllocationRefused, match=message):
        rules.check(led, "P1", requests)


def test_allocation_to_a_voided_invoice_is_redirected_to_its_rebill():
    led = compute(VOID_REBILL, [pay("P1", "500.00", "2026-01-10")], [])
    planned = rules.check(led, "P1", [("G1", "90.00")])
    assert [(p.invoice, p.aimed_at, p.amount) for p in planned] == [("G3", "G1", D("90.00"))]
    with pytest.raises(rules.AllocationRefused, match="G2 is a void note"):
        rules.check(led, "P1", [("G2", "1.00")])


def test_auto_allocation_follows_references_in_order_up_to_what_each_owes():
    docs = [
        doc("G000000001", "100.00", "2026-01-01"),
        doc("G000000002", "50.00", "2026-01-01"),
        doc("G000000003", "70.00", "2026-01-01", currency="USD"),
    ]
    pays = [pay("P1", "120.00", "2026-01-15", "Règlement G000000002 et g000000001 + G000000003")]
    led = compute(docs, pays, [])
    result = rules.plan_auto(led, pays)
    assert [(p.invoice, p.amount) for p in result.planned] == [
        ("G000000002", D("50.00")),
        ("G000000001", D("70.00")),
    ]
    assert result.flags == {"P1": ["currency_mismatch"]}


def test_auto_allocation_keeps_the_surplus_unallocated():
    docs = [doc("G000000001", "100.00", "2026-01-01")]
    pays = [pay("P1", "150.00", "2026-01-15", "G000000001")]
    result = rules.plan_auto(compute(docs, pays, []), pays)
    assert [(p.invoice, p.amount) for p in result.planned] == [("G000000001", D("100.00"))]


def test_auto_allocation_does_not_guess_without_a_reference():
    docs = [doc("G000000001", "100.00", "2026-01-01")]
    pays = [pay("P1", "100.00", "2026-01-15", "MICROSOFT IRELAND")]
    assert rules.plan_auto(compute(docs, pays, []), pays).planned == []


def test_aging_buckets_at_their_boundaries():
    # due = invoice date + 60 days; as of 2026-06-30
    as_of = date(2026, 6, 30)
    days_past_due = {
        "N0": 0,
        "A1": 1,
        "A30": 30,
        "B31": 31,
        "B60": 60,
        "C61": 61,
        "C90": 90,
        "D91": 91,
    }
    from datetime import timedelta

    docs = [
        Document(n, INV, "EUR", D("1.00"), as_of - timedelta(days=60 + d))
        for n, d in days_past_due.items()
    ]
    docs.append(doc("U", "5.00", None))
    led = compute(docs, [], [], as_of=as_of)
    assert {n: led.invoices[n].days_past_due for n in days_past_due} == days_past_due
    assert {k: str(v) for k, v in by_currency(led)["EUR"].items()} == {
        "not_due": "1.00",
        "1-30": "2.00",
        "31-60": "2.00",
        "61-90": "2.00",
        "90+": "1.00",
        "date_unknown": "5.00",
        "total": "13.00",
    }


def test_the_clerk_chooses_the_aging_buckets():
    from datetime import timedelta

    as_of = date(2026, 6, 30)
    days = {"N": 0, "A": 15, "B": 16, "C": 45, "D": 46, "E": 200}
    docs = [Document(n, INV, "EUR", D("1.00"), as_of - timedelta(days=60 + d))
            for n, d in days.items()]  # fmt: skip
    led = compute(docs, [], [], as_of=as_of, aging_limits=(15, 45))
    assert {k: str(v) for k, v in by_currency(led)["EUR"].items()} == {
        "not_due": "1.00", "1-15": "1.00", "16-45": "2.00", "45+": "2.00", "total": "6.00",
    }  # fmt: skip


@pytest.mark.parametrize("text", ["", "30,30", "60,30", "0,30", "30;x", "-5"])
def test_aging_buckets_must_be_increasing_days(text):
    with pytest.raises(ValueError, match="aging buckets: expected"):
        parse_limits(text)


def test_aging_buckets_are_read_as_written():
    assert parse_limits(" 7, 30 ;90") == (7, 30, 90)
    assert bucket_names((7, 30, 90)) == ("not_due", "1-7", "8-30", "31-90", "90+")


def test_customer_shares_add_up_to_the_open_amount_exactly():
    led = compute([doc("G1", "100.00", "2026-01-01")], [], [])
    lines = [
        InvoiceLine("G1", "EUR", D(x), D(0), D(x), customer_name=c)
        for c, x in (("A", "33.33"), ("B", "33.33"), ("C", "33.34"))
    ]
    led.invoices["G1"].open = D("10.00")
    shares = customer_shares(led.invoices["G1"], customer_weights(lines))
    assert sum(shares.values()) == D("10.00")
    assert shares == {"A": D("3.33"), "B": D("3.33"), "C": D("3.34")}
