"""A generated corpus of payments whose right allocation is known, for the suggestions engine.

Each payment is written the way real remittance texts are (clean references,
loose ones, none at all) and carries the answer a clerk would give:
``expected[payment id]`` is a set of ``(invoice, amount)``, or ``"flag"``
(wrong currency: nothing may be proposed), or ``"fallback"`` (no evidence).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from core.model import Document, DocumentType, InvoiceType, Payment

TODAY = date(2026, 11, 23)
KINDS = (  # kind, share of the payments
    ("exact", 0.20), ("spaced", 0.07), ("lower", 0.05), ("prefixed", 0.05), ("ocr", 0.06),
    ("split", 0.05), ("list", 0.04), ("amount", 0.20), ("combination", 0.12),
    ("credit", 0.06), ("partial", 0.05), ("wrong_currency", 0.03), ("none", 0.02),
)  # fmt: skip


@dataclass
class Corpus:
    documents: list[Document]
    payments: list[Payment]
    expected: dict[str, object]
    kinds: dict[str, str]

    @property
    def documents_by_number(self) -> dict[str, Document]:
        return {d.number: d for d in self.documents}


def _amount(rng: random.Random) -> Decimal:
    return Decimal(rng.randint(5_000, 3_000_000)) / 100


def generate(payments: int = 1000, invoices: int = 6000, seed: int = 7,
             only: tuple[str, ...] | None = None) -> Corpus:  # fmt: skip
    """``payments`` payments against ``invoices`` invoices issued over two years (of the
    given kinds only, when given)."""
    rng = random.Random(seed)
    docs: list[Document] = []
    by_currency: dict[str, list[Document]] = {"EUR": [], "USD": [], "GBP": []}
    start = TODAY - timedelta(days=730)
    for n in range(invoices):
        cur = rng.choices(("EUR", "USD", "GBP"), (85, 10, 5))[0]
        day = start + timedelta(days=rng.randint(0, 700))
        doc = Document(f"G{200_000_000 + n:09d}", DocumentType.INVOICE, cur, _amount(rng), day,
                       invoice_type=InvoiceType.RECURRING)  # fmt: skip
        docs.append(doc)
        by_currency[cur].append(doc)
    free = {cur: sorted(ds, key=lambda d: d.number) for cur, ds in by_currency.items()}
    for ds in free.values():
        rng.shuffle(ds)
    used: set[str] = set()
    out_payments: list[Payment] = []
    expected: dict[str, object] = {}
    kinds: dict[str, str] = {}
    names, weights = zip(*[k for k in KINDS if only is None or k[0] in only], strict=True)
    credits = 0

    def take(cur: str = "EUR") -> Document:
        while True:
            d = free[cur].pop()
            if d.number not in used:
                used.add(d.number)
                return d

    def paid_on(d: Document) -> date:
        due = d.date + timedelta(days=60)
        return max(d.date + timedelta(days=1), due + timedelta(days=rng.randint(-10, 10)))

    for k in range(payments):
        pid = f"P{k + 1:06d}"
        kind = rng.choices(names, weights)[0]
        text, cur = "VIREMENT MICROSOFT IRELAND", "EUR"
        if kind in ("exact", "spaced", "lower", "prefixed", "ocr", "split", "partial"):
            d = take()
            n = d.number
            text = {
                "exact": f"VIR SEPA MICROSOFT {n}",
                "spaced": f"MICROSOFT {n[0]} {n[1:4]} {n[4:7]} {n[7:]}",
                "lower": f"facture {n.lower()} merci",
                "prefixed": f"INV-{n} /ROC/",
                "ocr": "MSFT " + n[0] + n[1:].replace("0", "O", 2).replace("1", "I", 1),
                "split": f"PAIEMENT FACTURE {n[:6]}\n{n[6:]} MICROSOFT",
                "partial": f"ACOMPTE {n}",
            }[kind]
            amount = d.total if kind != "partial" else (d.total / 3).quantize(Decimal("0.01"))
            expected[pid] = {(n, amount)}
            day = paid_on(d)
        elif kind == "list":
            first = take()
            nxt = f"G{int(first.number[1:]) + 1:09d}"
            second = next((d for d in free["EUR"] if d.number == nxt), None)
            if second is None or nxt in used:
                kind, amount, day = "exact", first.total, paid_on(first)
                text = f"VIR {first.number}"
                expected[pid] = {(first.number, first.total)}
            else:
                used.add(nxt)
                text = f"FACTURES {first.number}/{nxt[-2:]}"
                amount = first.total + second.total
                expected[pid] = {(first.number, first.total), (nxt, second.total)}
                day = max(paid_on(first), paid_on(second))
        elif kind == "amount":
            d = take()
            amount, day = d.total, paid_on(d)
            expected[pid] = {(d.number, d.total)}
        elif kind == "combination":
            size = rng.choice((2, 2, 3))
            first = take()
            group = [first]
            # invoices of one billing run: issued the same day
            for _ in range(size - 1):
                extra = Document(f"G{300_000_000 + len(docs):09d}", DocumentType.INVOICE, "EUR",
                                 _amount(rng), first.date,
                                 invoice_type=InvoiceType.RECURRING)  # fmt: skip
                docs.append(extra)
                used.add(extra.number)
                group.append(extra)
            amount = sum((d.total for d in group), Decimal(0))
            day = paid_on(first)
            expected[pid] = {(d.number, d.total) for d in group}
        elif kind == "credit":
            d = take()
            credits += 1
            credit_amount = (d.total / rng.choice((4, 5, 10))).quantize(Decimal("0.01"))
            credit = Document(f"G{400_000_000 + credits:09d}", DocumentType.CREDIT_NOTE, "EUR",
                              -credit_amount, d.date + timedelta(days=5))  # fmt: skip
            docs.append(credit)
            amount, day = d.total - credit_amount, paid_on(d)
            expected[pid] = {(d.number, amount), (d.number, credit_amount)}
        elif kind == "wrong_currency":
            d = take()
            cur = "USD"
            text = f"VIR {d.number}"
            amount, day = d.total, paid_on(d)
            expected[pid] = "flag"
        else:  # none: an amount nothing adds up to
            d = take()
            amount, day = d.total + Decimal("0.07"), paid_on(d)
            used.discard(d.number)
            expected[pid] = "fallback"
        kinds[pid] = kind
        out_payments.append(Payment(pid, day, amount, cur, text))
    return Corpus(docs, out_payments, expected, kinds)


def score(corpus: Corpus, answers) -> tuple[int, list[str], int]:
    """(first proposals right, payments got wrong, wrong-currency proposals)."""
    right, wrong, wrong_currency = 0, [], 0
    docs = corpus.documents_by_number
    for a in answers:
        want = corpus.expected[a.payment]
        first = a.suggestions[0] if a.suggestions else None
        wrong_currency += sum(
            1 for s in a.suggestions for ln in s.lines
            if docs[ln.invoice].currency != a.currency
        )  # fmt: skip
        if want == "flag":
            ok = first is None and "wrong_currency" in a.flags
        elif want == "fallback":
            ok = first is not None and first.kind == "fallback"
        else:
            ok = first is not None and {(ln.invoice, ln.amount) for ln in first.lines} == want
        if ok:
            right += 1
        else:
            wrong.append(a.payment)
    return right, wrong, wrong_currency
