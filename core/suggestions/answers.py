"""What the engine says about a payment: the suggestions (lines of an allocation, a score and
the reasons), flags and notes; and the command line's JSON of it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal

from core.i18n import Money, say
from core.ledger import InvoiceState
from core.model import SourceKind
from core.money import format_amount


@dataclass(frozen=True, slots=True)
class Line:
    """``amount`` of a payment or credit note to an invoice."""

    source_kind: SourceKind
    source: str
    invoice: str
    amount: Decimal


@dataclass(slots=True)
class Suggestion:
    payment: str
    currency: str
    kind: str  # reference, amount, credit, combination, fallback
    score: int  # 0-100
    lines: tuple[Line, ...]
    reasons: list[str]  # sentences (core.i18n.Text)

    @property
    def signature(self) -> str:
        """What the suggestion does, independent of why: sources, invoices, amounts."""
        return ";".join(f"{ln.source}>{ln.invoice}={ln.amount}" for ln in self.lines)

    @property
    def id(self) -> str:
        digest = hashlib.sha1(f"{self.payment}|{self.signature}".encode()).hexdigest()
        return f"S{digest[:10].upper()}"


@dataclass(slots=True)
class Answer:
    """Everything the engine says about one payment."""

    payment: str
    currency: str
    unallocated: Decimal
    suggestions: list[Suggestion] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    search_cut_short: bool = False

    @property
    def answered(self) -> bool:
        return bool(self.suggestions or self.notes)


def add(found: dict[str, Suggestion], s: Suggestion) -> None:
    """Keep one suggestion per signature: the same allocation found by two kinds of
    evidence is stronger, with both reasons."""
    old = found.get(s.signature)
    if old is None:
        found[s.signature] = s
        return
    old.score = min(100, max(old.score, s.score) + 10)
    old.reasons.extend(r for r in s.reasons if r not in old.reasons)


def flag_currency(out: Answer, inv: InvoiceState, evidence: str) -> None:
    """The payment was probably meant for ``inv``, billed in another currency: flagged, with
    the evidence, never proposed."""
    on, number = inv.document.currency, inv.document.number
    if "wrong_currency" not in out.flags:
        out.flags.append("wrong_currency")
    out.notes.append(say(
        "{evidence}, billed in {billed} ({open} open), but the payment is in {currency}: it "
        "was probably meant for {number}. Nothing is proposed: ask the bank to return or "
        "convert it (export ticket)", evidence=evidence, billed=on,
        open=Money(inv.open, on), currency=out.currency, number=number,
    ))  # fmt: skip


def money(amount: Decimal, currency: str) -> Money:
    """An amount and its currency in a sentence: ``250.00 EUR`` in English."""
    return Money(amount, currency)


def answer_json(a: Answer) -> dict:
    """The command line's description of one payment's answer."""
    cur = a.currency
    return {
        "payment": a.payment,
        "currency": cur,
        "unallocated": format_amount(a.unallocated, cur),
        "answered": a.answered,
        "search_cut_short": a.search_cut_short,
        "flags": a.flags,
        "notes": a.notes,
        "suggestions": [
            {
                "id": s.id,
                "rank": rank,
                "score": s.score,
                "kind": s.kind,
                "lines": [
                    {
                        "source": ln.source,
                        "source_kind": ln.source_kind.value,
                        "invoice": ln.invoice,
                        "amount": format_amount(ln.amount, cur),
                    }
                    for ln in s.lines
                ],
                "reasons": s.reasons,
            }
            for rank, s in enumerate(a.suggestions, start=1)
        ],
    }
