from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.money import MoneyError, currency_decimals, format_amount, money, parse_decimal


@pytest.mark.parametrize(("cur", "n"), [("EUR", 2), ("usd", 2), ("JPY", 0), ("KWD", 3), ("CLF", 4)])
def test_currency_decimals_follow_iso_4217(cur, n):
    assert currency_decimals(cur) == n


def test_floats_are_refused_everywhere():
    with pytest.raises(TypeError, match="never a float"):
        money(12.5, "EUR")
    with pytest.raises(TypeError, match="never a float"):
        format_amount(12.5, "EUR")  # type: ignore[arg-type]


def test_amount_with_more_decimals_than_the_currency_is_refused_not_rounded():
    with pytest.raises(MoneyError, match="at most 2 decimals for EUR"):
        money("10.005", "EUR")
    with pytest.raises(MoneyError, match="at most 0 decimals for JPY"):
        money("100.5", "JPY")
    assert money("10.005", "EUR", exact=False) == Decimal("10.00")  # half-even, on request
    assert money("10.015", "EUR", exact=False) == Decimal("10.02")


def test_money_is_quantised_to_the_currency():
    assert str(money("5", "EUR")) == "5.00"
    assert str(money(Decimal("1500"), "JPY")) == "1500"
    assert str(money("-0", "EUR")) == "0.00"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1234.56", "1234.56"),
        ("1 234,56", "1234.56"),
        ("1\u00a0234,56", "1234.56"),
        ("1\u202f234,56", "1234.56"),
        ("1.234,56", "1234.56"),
        ("1,234.56", "1234.56"),
        ("1,234,567.80", "1234567.80"),
        ("1.234.567", "1234567"),
        ("1234,5", "1234.5"),
        ("-12,30", "-12.30"),
        ("12,30-", "-12.30"),
        ("(12.30)", "-12.30"),
        ("+7", "7"),
        (" 0,99 ", "0.99"),
    ],
)
def test_parse_decimal_reads_what_banks_and_people_write(text, value):
    assert parse_decimal(text) == Decimal(value)


@pytest.mark.parametrize("text", ["", "abc", "1,234", "1.2.3", "12a", "--1", "1,2,3"])
def test_parse_decimal_refuses_garbage_and_ambiguity(text):
    with pytest.raises(MoneyError):
        parse_decimal(text)


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False))
def test_format_then_parse_is_the_identity(amount):
    assert parse_decimal(format_amount(amount, "EUR")) == amount
    assert format_amount(amount, "EUR").count(".") == 1
