"""The core's sentences, said once in English and kept with what they are made of.

A sentence the clerk reads (an alert, a suggestion's reason, an explanation) is built with
:func:`say` from an English template and typed arguments::

    say("{number}: {money} due on {due}", number="G1", money=Money(amount, "EUR"), due=day)

The result is a :class:`Text`: a ``str`` whose value is the English sentence (what the
command line prints and writes in its JSON, whatever the language), which also keeps its
template and arguments.  A face that speaks another language renders it again from those:
the template translated, each amount and date written the way its locale writes them
(``250,00 EUR``, ``07/10/2026``).  The core never knows the language; nothing here needs Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from core.money import format_amount

__all__ = ["Amount", "Money", "Text", "phrase", "render", "say"]


@dataclass(frozen=True, slots=True)
class Money:
    """An amount with its currency: ``250.00 EUR`` in English."""

    amount: Decimal
    currency: str

    def __str__(self) -> str:
        return f"{format_amount(self.amount, self.currency)} {self.currency}"


@dataclass(frozen=True, slots=True)
class Amount:
    """An amount written with its currency's decimals but without the currency: ``250.00``."""

    amount: Decimal
    currency: str

    def __str__(self) -> str:
        return format_amount(self.amount, self.currency)


def english(value: object) -> str:
    """An argument as the English sentence writes it (a date in ISO form)."""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class Text(str):
    """An English sentence that remembers its ``template`` and ``args``."""

    template: str
    args: dict[str, object]

    def __new__(cls, template: str, args: dict[str, object]) -> Text:
        made = super().__new__(cls, template.format(**{k: english(v) for k, v in args.items()}))
        made.template = template
        made.args = args
        return made

    def __reduce__(self):  # pickled with what it is made of, not just its English
        return (Text, (self.template, self.args))


def say(template: str, **args: object) -> Text:
    """The sentence of ``template`` (``str.format`` fields) with ``args``: amounts as
    :class:`Money` or :class:`Amount`, dates as ``date``, other sentences as :class:`Text`."""
    return Text(template, args)


def phrase(words: str) -> Text:
    """Words made elsewhere (a rule's case, a reason from the file) as a sentence a face
    translates when its catalogue knows them, and shows as they are otherwise."""
    return Text(words.replace("{", "{{").replace("}", "}}"), {})


def render(
    text: object,
    translate: Callable[[str], str],
    argument: Callable[[object], str],
) -> str:
    """``text`` in another language: a :class:`Text`'s template through ``translate``, each
    argument through ``argument`` (sentences inside it rendered the same way); any other
    value as it is.  A translation whose fields do not match stays English."""
    if not isinstance(text, Text):
        return "" if text is None else str(text)
    args = {
        k: render(v, translate, argument) if isinstance(v, Text) else argument(v)
        for k, v in text.args.items()
    }
    try:
        return translate(text.template).format(**args)
    except (KeyError, IndexError, ValueError):
        return text.template.format(**args)
