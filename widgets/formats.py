"""Numbers and dates in the interface's locale; money always with its currency.

Amounts arrive as ``Decimal`` (or exact decimal text, ``"-1234.50"``) and are
regrouped as text, never through a float: ``1,234.50 EUR`` in English, ``1 234,50 EUR`` in
French.  Dates arrive as ISO text and are shown in the locale's short form
with a four-digit year.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from core.i18n import Amount, Money, Text, render
from core.money import format_amount, format_exact


@lru_cache(maxsize=8)
def _separators(name: str) -> tuple[str, str, str]:
    locale = QLocale(name)
    if locale.language() == QLocale.Language.C:
        return ",", ".", "yyyy-MM-dd"
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return locale.groupSeparator(), locale.decimalPoint(), pattern


def _current() -> tuple[str, str, str]:
    return _separators(QLocale().name())


def number_text(amount: str | None, grouped: bool = True) -> str:
    """``-1234.50`` → ``-1,234.50`` (or ``-1 234,50``); the digits are kept as they are."""
    if amount in (None, ""):
        return ""
    group, point, _ = _current()
    sign = "-" if amount.startswith("-") else ""
    whole, _, frac = amount.lstrip("-").partition(".")
    if grouped and len(whole) > 3:
        head = len(whole) % 3 or 3
        whole = group.join([whole[:head]] + [whole[i : i + 3] for i in range(head, len(whole), 3)])
    return f"{sign}{whole}{point + frac if frac else ''}"


def money_text(amount: Decimal | str | None, currency: str, exact: bool = False) -> str:
    """``Decimal("1234.5")`` (or its text ``1234.50``), ``EUR`` → ``1,234.50 EUR`` in the
    interface's locale: with the currency's decimals, or every decimal it has when
    ``exact``."""
    if amount is None or amount == "":
        return ""
    if isinstance(amount, Decimal):
        amount = format_exact(amount, currency) if exact else format_amount(amount, currency)
    return f"{number_text(amount)} {currency}"


def edit_text(amount) -> str:
    """An amount as the clerk would type it: locale decimal point, no grouping."""
    return number_text(str(amount), grouped=False)


def date_text(iso: str | None) -> str:
    """``2026-11-23`` → ``11/23/2026`` (English, US), ``23/11/2026`` (French)."""
    if not iso:
        return ""
    pattern = _current()[2]
    if pattern == "yyyy-MM-dd":
        return iso
    return QLocale().toString(QDate.fromString(iso[:10], "yyyy-MM-dd"), pattern)


def _argument(value: object) -> str:
    if isinstance(value, Money):
        return money_text(value.amount, value.currency)
    if isinstance(value, Amount):
        return number_text(format_amount(value.amount, value.currency))
    if isinstance(value, date):
        return date_text(value.isoformat())
    if isinstance(value, Decimal):  # a price, a rate: every decimal it has
        return number_text(format(value, "f"))
    return "" if value is None else str(value)


def _core(template: str) -> str:
    return QCoreApplication.translate("core", template)


def speak(text: object) -> str:
    """A sentence of the core (:class:`core.i18n.Text`) in the interface's language, its
    amounts and dates written the locale's way; any other text as it is.  In English the
    core's own sentence, as the command line says it."""
    if QLocale().language() in (QLocale.Language.English, QLocale.Language.C):
        return "" if text is None else str(text)
    return render(text, _core, _argument)


def error_text(exc: BaseException) -> str:
    """A refusal's message in the interface's language (a core sentence carried by the
    exception), else the exception's text."""
    said = exc.args[0] if len(exc.args) == 1 else None
    return speak(said) if isinstance(said, Text) else str(exc)
