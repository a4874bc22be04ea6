"""Money: one way to make it, never a float.

Every amount in CSP Reconciler is a :class:`decimal.Decimal` quantised to the
number of decimals its currency has in ISO 4217.  Floats are refused at the
boundary; text from files is parsed here, once, whatever its locale.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from functools import lru_cache

__all__ = [
    "MoneyError",
    "currency_decimals",
    "format_amount",
    "money",
    "normalise_currency",
    "one_line",
    "parse_decimal",
    "quantum",
]


class MoneyError(ValueError):
    """An amount or a currency that cannot be turned into money."""


_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


def one_line(text: object) -> str:
    """``text`` as shown in a refusal: control characters (a line break inside a cell) escaped,
    so that the refusal stays one line."""
    return _CONTROL_RE.sub(lambda m: repr(m[0])[1:-1], str(text))


# ISO 4217 minor units for the currencies that do not have two decimals.
# Every other valid three-letter code has two.
_DECIMALS_EXCEPTIONS: dict[str, int] = {
    # no minor unit
    "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0,
    "PYG": 0, "RWF": 0, "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0,
    "XPF": 0,
    # three decimals
    "BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
    # four decimals
    "CLF": 4, "UYW": 4,
}  # fmt: skip

_CURRENCY_RE = re.compile(r"^[A-Z]{3}$")


def normalise_currency(code: object) -> str:
    """Return an upper-case ISO 4217 code or raise :class:`MoneyError`."""
    if not isinstance(code, str):
        raise MoneyError(f"expected a three-letter currency code, got {code!r}")
    text = code.strip().upper()
    if not _CURRENCY_RE.match(text):
        raise MoneyError(f"expected a three-letter currency code, got '{one_line(code)}'")
    return text


@lru_cache(maxsize=512)
def currency_decimals(currency: str) -> int:
    """Number of decimals of ``currency`` (ISO 4217 minor unit)."""
    return _DECIMALS_EXCEPTIONS.get(normalise_currency(currency), 2)


@lru_cache(maxsize=512)
def quantum(currency: str) -> Decimal:
    """The smallest amount of ``currency``: ``Decimal('0.01')`` for EUR."""
    return Decimal(1).scaleb(-currency_decimals(currency))


def money(value: object, currency: str, *, exact: bool = True) -> Decimal:
    """Make an amount of ``currency`` from a Decimal, an int or text.

    Floats are refused.  With ``exact`` (the default), an amount with more
    decimals than the currency has is refused rather than rounded: a file
    that says ``10.005 EUR`` is wrong, not something to guess about.  With
    ``exact=False`` the amount is rounded half-even, which callers do only
    where a rule says so.
    """
    if isinstance(value, bool | float):
        raise TypeError(f"money is never a float: got {value!r}")
    if isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, Decimal):
        number = value
    elif isinstance(value, str):
        number = parse_decimal(value)
    else:
        raise TypeError(f"cannot make money from {type(value).__name__}: {value!r}")
    if not number.is_finite():
        raise MoneyError(f"expected a finite amount, got '{value}'")
    q = quantum(currency)
    try:
        rounded = number.quantize(q, rounding=ROUND_HALF_EVEN)
    except InvalidOperation as exc:  # more digits than Decimal's precision holds
        raise MoneyError(f"expected an amount of at most 26 digits, got '{value}'") from exc
    if exact and rounded != number:
        raise MoneyError(
            f"expected at most {currency_decimals(currency)} decimals for {currency}, got '{value}'"
        )
    return rounded + 0  # normalise -0.00 to 0.00


_SPACES = "\u00a0\u202f\u2009 '"
_SCIENTIFIC_RE = re.compile(r"^\d+([.,]\d+)?[eE][+-]?\d{1,3}$")  # Excel: 1.23E+05
_PLAIN_RE = re.compile(r"^(\d+)?(\.\d*)?$")


def parse_decimal(text: str) -> Decimal:
    """Parse a number as people and banks write it.

    Accepts ``1234.56``, ``1 234,56`` (space, no-break or narrow no-break
    space), ``1.234,56``, ``1,234.56``, ``1234,5``, a leading ``+``/``-``, a
    trailing ``-`` (some bank exports) and parentheses for negatives.  A lone
    comma is a decimal comma unless it is followed by exactly three digits:
    ``1,234`` could be either, so it is refused rather than guessed, as is
    anything else that is not a number.
    """
    if not isinstance(text, str):
        raise TypeError(f"expected text, got {type(text).__name__}")
    raw = one_line(text)
    s = text.strip()
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1].strip()
    if s.endswith("-") and not s.startswith("-"):
        negative, s = True, s[:-1].strip()
    if s.startswith(("-", "+")):
        negative ^= s[0] == "-"
        s = s[1:].strip()
    for ch in _SPACES:
        s = s.replace(ch, "")
    if not s:
        raise MoneyError(f"expected a number, got '{raw}'")
    if _SCIENTIFIC_RE.match(s):
        number = Decimal(s.replace(",", "."))
        return -number if negative else number
    has_dot, has_comma = "." in s, "," in s
    if has_dot and has_comma:
        # The separator that comes last is the decimal one.
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif has_comma:
        parts = s.split(",")
        if len(parts) == 2 and len(parts[1]) != 3:
            s = s.replace(",", ".")
        elif all(len(p) == 3 for p in parts[1:]) and 1 <= len(parts[0]) <= 3 and len(parts) > 2:
            s = s.replace(",", "")
        elif len(parts) == 2:
            # "1,234": a decimal comma with three decimals, or a thousands group?
            raise MoneyError(
                f"expected a number with an unambiguous decimal separator, got '{raw}'"
            )
        else:
            raise MoneyError(f"expected a number, got '{raw}'")
    elif has_dot and s.count(".") > 1:
        parts = s.split(".")
        if all(len(p) == 3 for p in parts[1:]) and 1 <= len(parts[0]) <= 3:
            s = s.replace(".", "")
        else:
            raise MoneyError(f"expected a number, got '{raw}'")
    if not _PLAIN_RE.match(s) or s == ".":
        raise MoneyError(f"expected a number, got '{raw}'")
    try:
        number = Decimal(s)
    except InvalidOperation as exc:  # pragma: no cover - guarded by the regex
        raise MoneyError(f"expected a number, got '{raw}'") from exc
    return -number if negative else number


def format_amount(amount: Decimal, currency: str) -> str:
    """``Decimal`` → text with exactly the currency's decimals (``'1234.50'``)."""
    if not isinstance(amount, Decimal):
        if isinstance(amount, float):
            raise TypeError(f"money is never a float: got {amount!r}")
        amount = Decimal(amount)
    q = quantum(currency)
    return str(amount.quantize(q, rounding=ROUND_HALF_EVEN) + 0)


@lru_cache(maxsize=512)
def zero(currency: str) -> Decimal:
    """Zero with the currency's decimals."""
    return Decimal(0).quantize(quantum(currency))


def format_exact(amount: Decimal, currency: str) -> str:
    """Like :func:`format_amount`, but never rounds: extra decimals are shown, not dropped."""
    if -amount.as_tuple().exponent > currency_decimals(currency):  # type: ignore[operator]
        return format(amount, "f")
    return format_amount(amount, currency)
