"""The scan that picks the stored lines a rule may flag (core.linechecks) never misses one the
explainer flags: for licence charges it decides the proration check itself, exactly, and it
must decide it as the explainer does."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from core import explain, linechecks, linestore
from core.explain.basics import shift
from core.model import InvoiceLine

TERMS = [
    ("One-Year commitment for monthly/yearly billing", "Monthly"),
    ("One-Year commitment for monthly/yearly billing", "Annual"),
    ("1 Month Subscription", ""),
    ("Three-Year commitment", "Triennial"),
    ("", "Monthly"),
    ("", ""),  # usage: never prorated
]


def amounts(places: int, low: int, high: int):
    return st.integers(low, high).map(lambda n: Decimal(n).scaleb(-places))


@st.composite
def licence_charges(draw) -> InvoiceLine:
    term, frequency = draw(st.sampled_from(TERMS))
    end = date(2026, 1, 1) + timedelta(days=draw(st.integers(0, 800)))
    start = end - timedelta(days=draw(st.integers(-2, 400)))
    unit = draw(amounts(draw(st.integers(0, 6)), 0, 10**8))
    quantity = draw(amounts(draw(st.integers(0, 3)), 1, 10**5))
    # near the prorated amount, or anywhere
    days_full = draw(st.sampled_from([28, 29, 30, 31, 365, 366, 1096]))
    near = unit * quantity * max(1, (end - start).days + 1) / days_full
    delta = draw(amounts(2, -5000, 5000))
    subtotal = draw(st.sampled_from([near, near + delta, delta * 1000]))
    subtotal = abs(subtotal).quantize(Decimal("0.01"))
    details = {"term": term, "billing_frequency": frequency, "pricing_currency": "EUR"}
    if draw(st.booleans()):
        details["billable_quantity"] = format(quantity, "f")
    if draw(st.integers(0, 4)) == 0:
        details["effective_unit_price"] = format(unit * Decimal("0.9"), "f")
    if draw(st.integers(0, 6)) == 0:
        details["promotion_id"] = "PROMO1"
    if draw(st.integers(0, 6)) == 0:
        details["other_discount"] = draw(st.sampled_from(["0", "0.00", "-1.50"]))
    if draw(st.booleans()):  # the subscription's dates: its term, or not quite
        first = start - timedelta(days=draw(st.integers(0, 500)))
        months = 12 if "Year" in term else 36 if "Three" in term else 1
        last = shift(first, months) - timedelta(days=1 + draw(st.sampled_from([0, 0, 1, 5, 40])))
        details |= {"subscription_start": first.isoformat(), "subscription_end": last.isoformat()}
    if draw(st.integers(0, 6)) == 0:
        details["price_adjustment"] = draw(st.sampled_from(["[]", "Discount 10%", "  "]))
    return InvoiceLine(
        "G000000001", "EUR", subtotal, Decimal(0), subtotal, customer_id="c1",
        charge_type=draw(st.sampled_from(["cycleCharge", "purchase", "usage charge"])),
        subscription_id="s1", charge_start=start, charge_end=end, quantity=quantity,
        unit_price=unit, details=details,
    )  # fmt: skip


def picked(lines: list[InvoiceLine]) -> list[bool]:
    table = linestore.lines_to_table(lines)
    currency = pa.array([ln.currency for ln in lines], pa.string())
    return linechecks.to_explain(table, currency).to_pylist()


@settings(max_examples=300, deadline=None)
@given(st.lists(licence_charges(), min_size=1, max_size=12))
def test_the_scan_picks_exactly_the_charges_the_proration_check_flags(lines):
    explainer = explain.Explainer()
    flagged = [bool(explainer.explain("x", ln).checks) for ln in lines]
    assert picked(lines) == flagged


@settings(max_examples=300, deadline=None)
@given(st.lists(licence_charges(), min_size=1, max_size=12))
def test_every_line_with_something_to_explain_is_picked(lines):
    explainer = explain.Explainer()
    explained = [explainer.explain("x", ln).explained for ln in lines]
    table = linestore.lines_to_table(lines)
    currency = pa.array([ln.currency for ln in lines], pa.string())
    picked = linechecks.to_explain_all(table, currency).to_pylist()
    assert all(p for p, e in zip(picked, explained, strict=True) if e)
    # and only a few more: licence charges for their whole cycle with a term that matches
    assert all(e for p, e, ln in zip(picked, explained, lines, strict=True)
               if p and ln.subtotal < 0)  # fmt: skip


def test_a_credit_and_a_converted_line_always_reach_the_explainer():
    base = {"term": "1 Month Subscription", "billing_frequency": "Monthly"}
    credit = InvoiceLine(
        "G1", "EUR", Decimal("-10.00"), Decimal(0), Decimal("-10.00"), charge_type="cancel",
        charge_start=date(2026, 3, 1), charge_end=date(2026, 3, 31), quantity=Decimal(1),
        unit_price=Decimal("10"), details={**base, "pricing_currency": "EUR"},
    )  # fmt: skip
    converted = InvoiceLine(
        "G1", "EUR", Decimal("9.20"), Decimal(0), Decimal("9.20"), charge_type="cycleCharge",
        charge_start=date(2026, 3, 1), charge_end=date(2026, 3, 31), quantity=Decimal(1),
        unit_price=Decimal("10"),
        details={**base, "pricing_currency": "USD", "fx_rate": "0.92"},
    )  # fmt: skip
    fine = InvoiceLine(
        "G1", "EUR", Decimal("10.00"), Decimal(0), Decimal("10.00"), charge_type="cycleCharge",
        charge_start=date(2026, 3, 1), charge_end=date(2026, 3, 31), quantity=Decimal(1),
        unit_price=Decimal("10"), details={**base, "pricing_currency": "EUR"},
    )  # fmt: skip
    wrong = InvoiceLine(
        "G1", "EUR", Decimal("25.00"), Decimal(0), Decimal("25.00"), charge_type="cycleCharge",
        charge_start=date(2026, 3, 1), charge_end=date(2026, 3, 31), quantity=Decimal(1),
        unit_price=Decimal("10"), details={**base, "pricing_currency": "EUR"},
    )  # fmt: skip
    assert picked([credit, converted, fine, wrong]) == [True, True, False, True]


def test_figures_too_long_for_exact_arithmetic_are_left_to_the_explainer():
    line = InvoiceLine(
        "G1", "EUR", Decimal("10.00"), Decimal(0), Decimal("10.00"), charge_type="cycleCharge",
        charge_start=date(2026, 3, 1), charge_end=date(2026, 3, 31), quantity=Decimal(1),
        unit_price=Decimal("10.0000000000000000000000000000001"),
        details={"term": "1 Month Subscription", "pricing_currency": "EUR"},
    )  # fmt: skip
    assert picked([line]) == [True]
    assert not explain.Explainer().explain("x", line).checks


def test_a_charge_exactly_at_the_tolerance_is_not_flagged_by_either():
    """4.00 a month, 30 of 31 days charged: 3.870967… expected, tolerance 4.00 / 31 + 0.01;
    4.01 is exactly that far (4.01 × 31 − 4 × 30 = 4 + 0.01 × 31): no flag, by the scan or
    the explainer (which rounded to 28 digits and flagged it)."""
    base = {"term": "1 Month Subscription", "billing_frequency": "Monthly"}

    def charge(subtotal: str) -> InvoiceLine:
        return InvoiceLine(
            "G1", "EUR", Decimal(subtotal), Decimal(0), Decimal(subtotal),
            charge_type="cycleCharge", charge_start=date(2026, 3, 2),
            charge_end=date(2026, 3, 31), quantity=Decimal(1), unit_price=Decimal(4),
            details={**base, "pricing_currency": "EUR"},
        )  # fmt: skip

    lines = [charge("4.01"), charge("4.02"), charge("3.74"), charge("3.73")]
    explainer = explain.Explainer()
    assert [bool(explainer.explain("x", ln).checks) for ln in lines] == [False, True, False, True]
    assert picked(lines) == [False, True, False, True]
