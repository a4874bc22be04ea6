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


def _account(text: str) -> str:
    return "".join(_WORD_RE.findall(text.upper()))


def same_account(a: str, b: str) -> bool:
    """Whether two statements' account identifiers name one account: equal but for spaces
    and case, or one inside the other (a French account number of a CFONB statement, 11
    characters, inside the IBAN of the camt.053 of the same account)."""
    x, y = _account(a), _account(b)
    if not x or not y:
        return False
    short, long_ = sorted((x, y), key=len)
    return short == long_ or (len(short) >= 8 and short in long_)


def same_entry(a: Payment, b: Payment) -> bool:
    """Whether two statement lines (two statements of one account, or overlapping exports)
    describe one movement though the banks number them differently: same date, amount and
    currency, and references that agree — a reference in common, or, when either quotes
    none, the words of one text all in the other (a label cut short by a format)."""
    if a.currency != b.currency or a.amount != b.amount or a.date != b.date:
        return False
    tokens_a, tokens_b = reference_tokens(a), reference_tokens(b)
    if tokens_a and tokens_b:
        return bool(tokens_a & tokens_b)
    words_a = set(_WORD_RE.findall(a.reference.upper()))
    words_b = set(_WORD_RE.findall(b.reference.upper()))
    return bool(words_a and words_b) and (words_a <= words_b or words_b <= words_a)


def other_accounts(a: str, b: str) -> bool:
    """Whether two records name two different accounts: both name an account (8 or more
    letters and digits, a digit among them) and not the same one."""
    x, y = _account(a), _account(b)
    named = all(len(s) >= 8 and any(c.isdigit() for c in s) for s in (x, y))
    return named and not same_account(x, y)
