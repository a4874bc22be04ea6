"""Invoice numbers quoted by a payment, exactly as written.

Only explicit references are found here: a known invoice number standing as
a word of the remittance text, or a structured reference.  Loose matching
(spaces inside numbers, OCR confusions) belongs to the suggestions engine.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from decimal import Decimal

from core.model import Payment

_WORD_RE = re.compile(r"[A-Za-z0-9]+")
# What Partner Center invoice numbers look like: G + 9 digits (new commerce),
# D + 9 alphanumerics (legacy).  Used only to report unknown references.
INVOICE_NUMBER_RE = re.compile(r"^(G\d{9}|D[0-9A-Z]{9})$")


def quoted_numbers(
    payment: Payment, known: Collection[str]
) -> Iterator[tuple[str, Decimal | None]]:
    """Yield ``(invoice number, amount or None)`` in the order the payment quotes them.

    Structured references come first (they are what the payer meant most
    explicitly), then words of the free text that are known invoice numbers.
    Each number is yielded once.
    """
    seen: set[str] = set()
    for ref in payment.references:
        number = ref.number.strip().upper()
        if number and number not in seen:
            seen.add(number)
            yield number, ref.amount
    for word in _WORD_RE.findall(payment.reference or ""):
        number = word.upper()
        if number in seen:
            continue
        if number in known:
            seen.add(number)
            yield number, None


def unknown_numbers(payment: Payment, known: Collection[str]) -> list[str]:
    """Words shaped like Partner Center invoice numbers that match no document."""
    found = []
    words = [r.number.strip().upper() for r in payment.references]
    words += [w.upper() for w in _WORD_RE.findall(payment.reference or "")]
    for word in words:
        if INVOICE_NUMBER_RE.match(word) and word not in known and word not in found:
            found.append(word)
    return found
