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
    for number in _WORD_RE.findall((payment.reference or "").upper()):
        if number in known and number not in seen:
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


def reference_tokens(payment: Payment) -> set[str]:
    """Words of a payment's references that identify something: 6+ characters with a digit."""
    words = [r.number for r in payment.references] + _WORD_RE.findall(payment.reference or "")
    return {w.upper() for w in words if len(w) >= 6 and any(c.isdigit() for c in w)}


SAME_TRANSFER_DAYS = 5


def same_transfer(a: Payment, b: Payment) -> bool:
    """Whether two records describe one transfer (the clerk's list, then the bank's statement).

    Same currency and amount, dates at most five days apart, and either the
    same bank reference or a reference in common (an invoice number, a
    transfer id) or the same remittance text.  Two records with different
    bank references are two transfers.
    """
    if a.currency != b.currency or a.amount != b.amount:
        return False
    if abs((a.date - b.date).days) > SAME_TRANSFER_DAYS:
        return False
    if a.bank_reference and b.bank_reference:
        return a.bank_reference == b.bank_reference
    if reference_tokens(a) & reference_tokens(b):
        return True
    text_a = " ".join(_WORD_RE.findall(a.reference.upper()))
    return bool(text_a) and text_a == " ".join(_WORD_RE.findall(b.reference.upper()))
