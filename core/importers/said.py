"""A refusal's message as a sentence of the core (:mod:`core.i18n`), so that a window in
another language says it in its own words; the command line prints the same English."""

from __future__ import annotations

import re

from core.i18n import Text, phrase, say
from core.model import ImportError_
from core.money import MoneyError

# the money module's refusals (English only), said again so a face may translate them
_MONEY_SAID = (
    (re.compile(r"^expected a number, got '(.*)'$", re.S), "expected a number, got '{got}'"),
    (re.compile(r"^expected a three-letter currency code, got '(.*)'$", re.S),
     "expected a three-letter currency code, got '{got}'"),
    (re.compile(r"^expected a number with an unambiguous decimal separator, got '(.*)'$", re.S),
     "expected a number with an unambiguous decimal separator, got '{got}'"),
)  # fmt: skip


def said(exc: BaseException) -> str:
    """An error's message as a sentence of the core (:mod:`core.i18n`) when it is one, or
    one of the money module's refusals; its plain text otherwise."""
    first = exc.args[0] if len(exc.args) == 1 else None
    if isinstance(first, Text):
        return first
    plain = ValueError.__str__(exc)
    if isinstance(exc, MoneyError):
        for pattern, template in _MONEY_SAID:
            if m := pattern.match(plain):
                return say(template, got=m[1])
    return plain


def error_line(err: ImportError_) -> str:
    """``FILE:ROW: column C: message``, the same English as ``str(err)``, as a sentence a
    face may translate (its message too, when it is one)."""
    where = err.source.where()
    if err.column:
        return say("{where}: column {column}: {message}", where=where, column=err.column,
                   message=err.message)  # fmt: skip
    return say("{where}: {message}", where=where, message=err.message)


def listed(words: list[str]) -> Text:
    """``Date, Amount``: each word one a face may translate (a field's name)."""
    fields = {f"w{n}": phrase(word) for n, word in enumerate(words)}
    return Text(", ".join(f"{{{name}}}" for name in fields), fields)
