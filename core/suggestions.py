"""Suggested allocations for payments with money left: each with a score and its reasons.

The explicit-reference rule (:func:`core.allocation.plan_auto`) commits what a
payment quotes word for word.  Everything else here is only proposed; the
clerk accepts or rejects (see :class:`core.workspace.Workspace`).  The
evidence, strongest first:

* **References written loosely**: ``G 000 100 002``, ``g000100002``,
  ``INV-G000100002``, OCR confusions (``O``/``0``, ``I``/``1``) in the digits,
  a number split over two remittance lines, ``G000100008/09`` for two
  invoices.  Only numbers of documents in the workspace count.
* **Amounts**: the payment equals one open amount (after earlier partial
  payments and credits), an open amount less an unapplied credit note, or the
  open amounts of a few invoices together (a bounded search that prefers
  fewer and older invoices and says when it was cut short).
* **Dates**: invoices issued before the payment and due near it rank first.
* **Fallback**: with no evidence at all, the oldest due invoices, labelled so.

An invoice in another currency is never proposed; the payment is flagged
with the invoice it probably meant.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import time
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from core.ledger import InvoiceState, Ledger, SourceState
from core.model import Payment, SourceKind
from core.money import currency_decimals, format_amount

RUN_BEFORE, RUN_AFTER = 45, 20  # billing runs due this many days before/after a payment
RUN_TRIPLES = 200  # runs up to this size are searched three invoices at a time
CREDIT_DAYS = 120  # credit notes issued up to this long before a payment are tried with it
POOL = 40  # invoices (due nearest the payment) searched for combinations across runs
TRIPLE_POOL = 24  # of which the nearest are also searched three at a time
SEARCH_SECONDS = 0.002  # per payment, for combinations of three
MOST = 5  # suggestions kept per payment

_TOKEN_RE = re.compile(r"[A-Za-z0-9]+")
_PREFIXED_RE = re.compile(r"^[A-Z]{1,4}?([GD][0-9A-Z]{9})$")
_OCR = str.maketrans({"O": "0", "Q": "0", "I": "1", "L": "1"})
_LIST_SEPARATORS = ("/", "&", "+")


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
    reasons: list[str]

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


# ---------------------------------------------------------------- references


def loose_references(text: str, known: Collection[str]) -> list[tuple[str, str]]:
    """``(invoice number, as written)`` for each known number the text quotes, however
    loosely, in the order written; each number once."""
    tokens = [(m.group().upper(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]
    found: list[tuple[str, str]] = []
    i = 0
    while i < len(tokens):
        hit = None
        joined = ""
        for j in range(i, min(i + 6, len(tokens))):
            joined += tokens[j][0]
            if len(joined) > 16:
                break
            number = _known_form(joined, known, single=j == i)
            if number:
                hit = (number, j)
                break
        if hit is None:
            i += 1
            continue
        number, j = hit
        found.append((number, text[tokens[i][1] : tokens[j][2]]))
        # "G000100008/09": the digits after a slash replace the number's last digits
        while j + 1 < len(tokens):
            between = text[tokens[j][2] : tokens[j + 1][1]].strip()
            tail = tokens[j + 1][0]
            if between not in _LIST_SEPARATORS or not tail.isdigit() or len(tail) > 4:
                break
            other = number[: -len(tail)] + tail
            if other not in known:
                break
            found.append((other, text[tokens[i][1] : tokens[j + 1][2]]))
            j += 1
        i = j + 1
    seen: set[str] = set()
    return [(n, w) for n, w in found if not (n in seen or seen.add(n))]


def _known_form(word: str, known: Collection[str], single: bool) -> str | None:
    candidates = [word]
    if single:
        m = _PREFIXED_RE.match(word)  # INVG000100002, REFG000100002
        if m:
            candidates.append(m.group(1))
    for c in candidates:
        if c in known:
            return c
        if len(c) == 10 and c[0] == "G":
            fixed = "G" + c[1:].translate(_OCR)
            if fixed in known:
                return fixed
        if single and len(c) == 9 and c.translate(_OCR).isdigit():
            fixed = "G" + c.translate(_OCR)  # the digits without their letter
            if fixed in known:
                return fixed
    return None


# ---------------------------------------------------------------- the engine


class Suggester:
    """Indexes a ledger once, then answers for any number of payments."""

    def __init__(
        self,
        ledger: Ledger,
        rejected: Collection[tuple[str, str]] = (),
        search_seconds: float = SEARCH_SECONDS,
    ) -> None:
        self.ledger = ledger
        self.rejected = set(rejected)
        self.search_seconds = search_seconds
        self.known = set(ledger.invoices) | set(ledger.credits)
        self.open: dict[str, list[InvoiceState]] = {}
        self.by_amount: dict[tuple[str, Decimal], list[InvoiceState]] = {}
        for inv in ledger.invoices.values():
            if inv.counted and inv.open > 0:
                cur = inv.document.currency
                self.open.setdefault(cur, []).append(inv)
                self.by_amount.setdefault((cur, inv.open), []).append(inv)
        for invoices in self.open.values():
            invoices.sort(key=_due_key)
        self.due_ordinals = {cur: [_due_key(i)[0] for i in invs] for cur, invs in self.open.items()}
        # billing runs: open invoices issued the same day, keyed by (due ordinal, issue date)
        self.runs: dict[tuple[str, str], list[InvoiceState]] = {}
        for invoices in self.open.values():
            for inv in invoices:
                if inv.document.date is not None and inv.due_date is not None:
                    key = (inv.document.currency, inv.document.date.isoformat())
                    self.runs.setdefault(key, []).append(inv)
        self.run_keys: dict[str, list[tuple[int, str]]] = {}
        for (cur, day), run in self.runs.items():
            self.run_keys.setdefault(cur, []).append((run[0].due_date.toordinal(), day))
        for keys in self.run_keys.values():
            keys.sort()
        self._run_cache: dict[int, tuple] = {}
        self._pair_arrays = {cur: self._window_arrays(cur) for cur in self.run_keys}
        self._credit_arrays: dict[str, tuple] = {}
        self._pair_cache: dict[int, tuple] = {}
        self.credits: dict[str, list[tuple[SourceState, Decimal]]] = {}
        for c in ledger.credits.values():
            if c.remaining > 0:
                self.credits.setdefault(c.currency, []).append((c, c.remaining))
        for credits in self.credits.values():
            credits.sort(key=lambda c: (c[0].date or date.min).toordinal())
        self.credit_ordinals = {cur: [(c.date or date.min).toordinal() for c, _ in cs]
                                for cur, cs in self.credits.items()}  # fmt: skip

    def answer(self, payment: Payment) -> Answer:
        state = self.ledger.payments[payment.id]
        cur, left = state.currency, state.remaining
        out = Answer(payment.id, cur, left)
        if left <= 0:
            out.notes.append("fully allocated: nothing to suggest")
            return out
        found: dict[str, Suggestion] = {}
        exact = self._references(payment, state, out, found)
        single = self._single_amounts(payment, state, found)
        credit = self._with_credit(payment, state, found)
        if not exact and not single and not credit:
            self._combinations(payment, state, out, found)
        if not found and not out.flags:
            self._other_currency(state, out)
        if not found and not out.flags:
            self._fallback(payment, state, out, found)
        ranked = sorted(found.values(), key=lambda s: (-s.score, _age(s, self.ledger)))
        out.suggestions = [s for s in ranked if (payment.id, s.signature) not in self.rejected]
        out.suggestions = out.suggestions[:MOST]
        if len(ranked) > len(out.suggestions) and not out.suggestions:
            out.notes.append("every suggestion for this payment was rejected")
        if not out.answered:
            out.notes.append(f"no open {cur} invoice to suggest")
        return out

    def answers(self, payments: Iterable[Payment]) -> list[Answer]:
        return [
            self.answer(p)
            for p in sorted(payments, key=lambda p: (p.date or date.min, p.id))
            if p.id in self.ledger.payments and self.ledger.payments[p.id].remaining > 0
        ]

    # -------------------------------------------------------------- evidence

    def _references(self, p: Payment, state: SourceState, out: Answer, found) -> bool:
        """Invoices the text quotes, however written; True when they take the whole payment
        exactly."""
        text = " ".join([p.reference or "", *(r.number for r in p.references)])
        quoted = loose_references(text, self.known)
        if not quoted:
            return False
        cur, left = state.currency, state.remaining
        lines, reasons, wanted = [], [], Decimal(0)
        for number, written in quoted:
            target = self.ledger.resolve(number) if number in self.ledger.invoices else None
            if target is None:
                continue
            inv = self.ledger.invoices[target]
            on = inv.document.currency
            if on != cur:
                _flag_currency(out, inv, f"the text quotes {number}")
                continue
            how = "as written" if written == number else f"written '{written}'"
            landing = f", which lands on its rebill {target}" if target != number else ""
            if inv.open <= 0:
                out.notes.append(f"the text quotes {number} ({how}){landing}, already settled")
                continue
            take = min(left, inv.open)
            if take <= 0:
                break
            lines.append(Line(SourceKind.PAYMENT, p.id, target, take))
            reasons.append(f"the remittance text quotes {number} ({how}){landing}")
            wanted += inv.open
            left -= take
        if not lines:
            return False
        exact = wanted == state.remaining
        score = 90 if exact else 75
        if exact:
            reasons.append(f"the payment, {_m(state.remaining, cur)}, is exactly what the "
                           "quoted invoice(s) still owe")  # fmt: skip
        elif left > 0:
            reasons.append(f"{_m(left, cur)} would stay unallocated")
        else:
            reasons.append("a partial payment of the last invoice quoted")
        _add(found, Suggestion(p.id, cur, "reference", score, tuple(lines), reasons))
        return exact

    def _single_amounts(self, p: Payment, state: SourceState, found) -> bool:
        """Open invoices that owe exactly the payment; True when one stands out."""
        cur, left = state.currency, state.remaining
        matches = [i for i in self.by_amount.get((cur, left), ())
                   if not _after(i, p.date)]  # fmt: skip
        if not matches:
            return False
        matches.sort(key=lambda i: _distance(i, p.date))
        for rank, inv in enumerate(matches[:3]):
            paid = inv.applied > 0
            reasons = [
                f"the payment, {_m(left, cur)}, equals what {inv.document.number} still owes"
                + (" after earlier payments and credits" if paid else "")
            ]
            reasons += _date_reasons(inv, p.date)
            score = 70 if len(matches) == 1 else max(40, 62 - 8 * rank)
            if len(matches) > 1:
                reasons.append(f"{len(matches)} open {cur} invoices owe this amount; "
                               "this one is due nearest the payment")  # fmt: skip
            score += _date_bonus(inv, p.date)
            line = Line(SourceKind.PAYMENT, p.id, inv.document.number, left)
            _add(found, Suggestion(p.id, cur, "amount", score, (line,), reasons))
        return len(matches) == 1

    def _with_credit(self, p: Payment, state: SourceState, found) -> bool:
        """An invoice whose open amount is the payment plus an unapplied credit note issued
        in the months before the payment."""
        cur, left = state.currency, state.remaining
        credits = self.credits.get(cur, [])
        if not credits:
            return False
        hit = False
        lo, hi = 0, len(credits)
        if p.date is not None:
            keys = self.credit_ordinals[cur]
            lo = bisect.bisect_left(keys, p.date.toordinal() - CREDIT_DAYS)
            hi = bisect.bisect_right(keys, p.date.toordinal())
        credits = self._credits_owing(cur, left, lo, hi)
        by_amount = self.by_amount
        for credit, remaining in credits:
            for inv in by_amount.get((cur, left + remaining), ()):
                if _after(inv, p.date):
                    continue
                lines = (Line(SourceKind.CREDIT, credit.id, inv.document.number,
                              credit.remaining),
                         Line(SourceKind.PAYMENT, p.id, inv.document.number, left))  # fmt: skip
                reasons = [
                    f"the payment, {_m(left, cur)}, is what {inv.document.number} owes less "
                    f"credit note {credit.id} ({_m(credit.remaining, cur)} not yet applied)",
                    *_date_reasons(inv, p.date),
                ]
                score = 65 + _date_bonus(inv, p.date)
                _add(found, Suggestion(p.id, cur, "credit", score, lines, reasons))
                hit = hit or score >= 65
        return hit

    def _credits_owing(self, currency: str, left: Decimal, lo: int, hi: int):
        """The credits ``lo:hi`` of the currency for which some open invoice owes exactly
        ``left`` plus the credit: one vectorised search instead of a lookup per credit."""
        import numpy as np

        credits = self.credits[currency]
        scale = 10 ** currency_decimals(currency)
        units = _to_units(left, scale)
        arrays = self._credit_arrays.get(currency)
        if arrays is None:
            opens = sorted({u for u in (_to_units(a, scale) for (c, a) in self.by_amount
                                        if c == currency) if u is not None})  # fmt: skip
            credit_units = [_to_units(r, scale) for _c, r in credits]
            arrays = (np.array(opens, dtype=np.int64),
                      np.array([u if u is not None else -1 for u in credit_units],
                               dtype=np.int64))  # fmt: skip
            self._credit_arrays[currency] = arrays
        opens, credit_units = arrays
        if units is None or not len(opens) or lo >= hi:
            return credits[lo:hi]
        sums = credit_units[lo:hi] + units
        at = np.minimum(np.searchsorted(opens, sums), len(opens) - 1)
        hits = np.nonzero((opens[at] == sums) & (credit_units[lo:hi] >= 0))[0]
        return [credits[lo + int(k)] for k in hits]

    def _combinations(self, p: Payment, state: SourceState, out: Answer, found) -> None:
        """Two or three open invoices that together owe exactly the payment: first within
        one billing run (invoices issued the same day, due near the payment), then among
        the invoices due nearest the payment; bounded in time."""
        cur, left = state.currency, state.remaining
        deadline = time.perf_counter() + self.search_seconds
        combos: list[tuple[InvoiceState, ...]] = []
        cut = False
        pairs = self._window_pairs(cur, left, p.date)
        if pairs:
            combos.extend(pairs)
        else:
            for run in self._runs(cur, p.date):  # triples, from the nearest billing run
                if time.perf_counter() > deadline:
                    cut = True
                    break
                if len(run) > RUN_TRIPLES:
                    cut = True  # too many triples to try in such a run
                    continue
                found_here = self._run_triples(run, left)
                if found_here:
                    combos.extend(found_here)
                    break  # the nearest billing run that adds up; farther ones are weaker
        if not combos:
            pool = [i for i in self._nearest(cur, p.date) if i.open < left][:POOL]
            if len(pool) == POOL:
                cut = True
            index: dict[Decimal, list[int]] = {}
            for k, inv in enumerate(pool):
                index.setdefault(inv.open, []).append(k)
            for a, inv in enumerate(pool):
                combos.extend((inv, pool[b]) for b in index.get(left - inv.open, ()) if b > a)
            for a in range(min(len(pool), TRIPLE_POOL)):
                if time.perf_counter() > deadline:
                    cut = True
                    break
                rest = left - pool[a].open
                for b in range(a + 1, min(len(pool), TRIPLE_POOL)):
                    need = rest - pool[b].open
                    if need > 0:
                        combos.extend((pool[a], pool[b], pool[c])
                                      for c in index.get(need, ()) if c > b)  # fmt: skip
        if cut:
            out.search_cut_short = True
        unique = {tuple(sorted(i.document.number for i in ks)): ks for ks in combos}
        ranked = sorted(
            unique.values(),
            key=lambda ks: (
                len(ks),
                len({i.document.date for i in ks}),
                sum(_due_key(i)[0] for i in ks),
            ),
        )
        for ks in ranked[:3]:
            chosen = sorted(ks, key=_due_key)
            lines = tuple(Line(SourceKind.PAYMENT, p.id, i.document.number, i.open)
                          for i in chosen)  # fmt: skip
            numbers = ", ".join(i.document.number for i in chosen)
            reasons = [f"the payment, {_m(left, cur)}, equals what {numbers} owe together"]
            same_day = len({i.document.date for i in chosen}) == 1
            if same_day:
                reasons.append(f"one billing run: all issued {chosen[0].document.date}")
            if len(ranked) > 1:
                reasons.append(f"{len(ranked)} combinations add up to this amount; this one "
                               "has the fewest and oldest invoices")  # fmt: skip
            if cut:
                reasons.append("the search was cut short: a combination it did not reach "
                               "may fit too")  # fmt: skip
            score = (
                (55 if len(ks) == 2 else 48)
                + (7 if same_day else 0)
                - (5 if len(ranked) > 1 else 0)
            )
            _add(found, Suggestion(p.id, cur, "combination", score, lines, reasons))
        if not combos and cut:
            out.notes.append(f"no combination of {cur} invoices due near the payment adds up "
                             "to it (the search was cut short)")  # fmt: skip

    def _runs(self, currency: str, day: date | None) -> list[list[InvoiceState]]:
        """Billing runs (open invoices issued the same day) due from 45 days before the
        payment to 20 days after it, nearest first."""
        keys = self.run_keys.get(currency, [])
        if day is None:
            return []
        lo = bisect.bisect_left(keys, (day.toordinal() - RUN_BEFORE,))
        hi = bisect.bisect_right(keys, (day.toordinal() + RUN_AFTER, "~"))
        chosen = sorted(keys[lo:hi], key=lambda k: abs(k[0] - day.toordinal()))
        return [self.runs[(currency, k[1])] for k in chosen if k[1] <= day.isoformat()]

    def _run_triples(self, run: list[InvoiceState], left: Decimal):
        """Triples of one billing run owing exactly ``left``, found with sorted integer
        arrays (numpy), not by trying each combination in Python."""
        import numpy as np

        cents, ordered, scale = self._run_arrays(run)
        target = _to_units(left, scale)
        if target is None or len(cents) < 3:
            return []
        found: list[tuple[InvoiceState, ...]] = []
        a_idx, b_idx = self._pairs(len(cents))
        need = target - cents[a_idx] - cents[b_idx]
        lo = np.searchsorted(cents, need, "left")
        hi = np.searchsorted(cents, need, "right")
        first = np.maximum(lo, b_idx + 1)
        for m in np.nonzero(hi > first)[0]:
            a, b = a_idx[m], b_idx[m]
            found.extend((ordered[a], ordered[b], ordered[c]) for c in range(first[m], hi[m]))
        return found

    def _window_arrays(self, currency: str):
        """Every billing run of the currency in one sorted array: run position × 2**40 +
        open amount in the currency's smallest unit; and the invoices in the same order."""
        import numpy as np

        keys, members, starts = [], [], []
        for pos, (_due, day) in enumerate(self.run_keys[currency]):
            starts.append(len(keys))
            cents, ordered, _scale = self._run_arrays(self.runs[(currency, day)])
            keys.extend(pos * _RUN_STRIDE + int(c) for c in cents)
            members.extend(ordered)
        starts.append(len(keys))
        return np.array(keys, dtype=np.int64), members, starts

    def _window_pairs(self, currency: str, left: Decimal, day: date | None):
        """Pairs of invoices of one billing run due near ``day`` owing exactly ``left``
        together, from the nearest such run: one vectorised search over all the runs."""
        import numpy as np

        if day is None or currency not in self._pair_arrays:
            return []
        keys, members, starts = self._pair_arrays[currency]
        run_keys = self.run_keys[currency]
        lo = bisect.bisect_left(run_keys, (day.toordinal() - RUN_BEFORE,))
        hi = bisect.bisect_right(run_keys, (day.toordinal() + RUN_AFTER, "~"))
        if lo >= hi:
            return []
        target = _to_units(left, 10 ** currency_decimals(currency))
        if target is None:
            return []
        first, last = starts[lo], starts[hi]
        window = keys[first:last]
        runs = window // _RUN_STRIDE
        need = runs * _RUN_STRIDE + (target - window % _RUN_STRIDE)
        left_at = np.searchsorted(window, need, "left")
        right_at = np.searchsorted(window, need, "right")
        begin = np.maximum(left_at, np.arange(len(window)) + 1)
        hits = np.nonzero((right_at > begin) & (target - window % _RUN_STRIDE > 0))[0]
        if not len(hits):
            return []
        iso = day.isoformat()
        by_run: dict[int, list[tuple[InvoiceState, InvoiceState]]] = {}
        for a in hits:
            pos = int(runs[a])
            if run_keys[pos][1] > iso:
                continue  # issued after the payment
            for b in range(begin[a], right_at[a]):
                by_run.setdefault(pos, []).append((members[first + a], members[first + b]))
        if not by_run:
            return []
        nearest = min(by_run, key=lambda pos: abs(run_keys[pos][0] - day.toordinal()))
        return by_run[nearest]

    def _pairs(self, n: int):
        if n not in self._pair_cache:
            import numpy as np

            self._pair_cache[n] = np.triu_indices(n, 1)
        return self._pair_cache[n]

    def _run_arrays(self, run: list[InvoiceState]):
        key = id(run)
        cached = self._run_cache.get(key)
        if cached is None:
            import numpy as np

            scale = 10 ** currency_decimals(run[0].document.currency)
            units = [(_to_units(i.open, scale), i) for i in run]
            units = sorted((u for u in units if u[0] is not None), key=lambda u: u[0])
            cached = (np.array([u for u, _ in units], dtype=np.int64),
                      [i for _, i in units], scale)  # fmt: skip
            self._run_cache[key] = cached
        return cached

    def _other_currency(self, state: SourceState, out: Answer) -> None:
        """The payment's amount is what an invoice in another currency owes: it was most
        likely meant for it, sent in the wrong currency (never proposed, flagged)."""
        for cur in sorted(self.open):
            invoices = self.by_amount.get((cur, state.remaining))
            if cur != state.currency and invoices:
                number = invoices[0].document.number
                _flag_currency(out, invoices[0], f"the amount is exactly what {number} owes")
                return

    def _fallback(self, p: Payment, state: SourceState, out: Answer, found) -> None:
        """No evidence: the oldest due invoices, clearly labelled as a fallback."""
        cur, left = state.currency, state.remaining
        lines = []
        for inv in self.open.get(cur, ()):
            if left <= 0:
                break
            if _after(inv, p.date):
                continue
            take = min(left, inv.open)
            lines.append(Line(SourceKind.PAYMENT, p.id, inv.document.number, take))
            left -= take
        if not lines:
            return
        reasons = ["fallback: no invoice number, amount or date points anywhere; "
                   "this is simply the oldest due first"]  # fmt: skip
        if left > 0:
            reasons.append(f"{_m(left, cur)} would stay unallocated")
        _add(found, Suggestion(p.id, cur, "fallback", 10, tuple(lines), reasons))

    def _nearest(self, currency: str, day: date | None) -> list[InvoiceState]:
        """Open invoices of the currency issued by ``day``, due nearest it first."""
        invoices = self.open.get(currency, [])
        if day is None:
            return list(invoices)
        ordinals = self.due_ordinals.get(currency, [])
        mid = bisect.bisect_left(ordinals, day.toordinal())
        lo, hi, out = mid - 1, mid, []
        while (lo >= 0 or hi < len(invoices)) and len(out) < POOL * 3:
            before = invoices[lo] if lo >= 0 else None
            after = invoices[hi] if hi < len(invoices) else None
            if after is None or (
                before is not None
                and day.toordinal() - ordinals[lo] <= ordinals[hi] - day.toordinal()
            ):
                lo -= 1
                pick = before
            else:
                hi += 1
                pick = after
            if pick is not None and not _after(pick, day):
                out.append(pick)
        return out


_RUN_STRIDE = 2**40  # above any open amount in smallest units (10 billion in cents)


def _to_units(amount: Decimal, scale: int) -> int | None:
    """The amount in the currency's smallest unit, or None when it has more decimals."""
    units = amount * scale
    return int(units) if units == units.to_integral_value() else None


def _flag_currency(out: Answer, inv: InvoiceState, evidence: str) -> None:
    on, number = inv.document.currency, inv.document.number
    if "wrong_currency" not in out.flags:
        out.flags.append("wrong_currency")
    out.notes.append(
        f"{evidence}, billed in {on} ({_m(inv.open, on)} open), but the payment is in "
        f"{out.currency}: it was probably meant for {number}. Nothing is proposed: ask the bank "
        "to return or convert it (export ticket)"
    )


def _add(found: dict[str, Suggestion], s: Suggestion) -> None:
    """Keep one suggestion per signature: the same allocation found by two kinds of
    evidence is stronger, with both reasons."""
    old = found.get(s.signature)
    if old is None:
        found[s.signature] = s
        return
    old.score = min(100, max(old.score, s.score) + 10)
    old.reasons.extend(r for r in s.reasons if r not in old.reasons)


def _due_key(inv: InvoiceState) -> tuple[int, str]:
    due = inv.due_date or inv.document.date
    return (due.toordinal() if due else date.max.toordinal(), inv.document.number)


def _after(inv: InvoiceState, day: date | None) -> bool:
    """Issued after the payment (a payment does not settle an invoice not yet written)."""
    return day is not None and inv.document.date is not None and inv.document.date > day


def _distance(inv: InvoiceState, day: date | None) -> tuple[int, int]:
    due = inv.due_date
    if day is None or due is None:
        return (10**6, _due_key(inv)[0])
    return (abs((due - day).days), due.toordinal())


def _date_bonus(inv: InvoiceState, day: date | None) -> int:
    due = inv.due_date
    if day is None or due is None:
        return 0
    days = abs((due - day).days)
    return 8 if days <= 15 else 4 if days <= 45 else 0 if days <= 90 else -15


def _date_reasons(inv: InvoiceState, day: date | None) -> list[str]:
    d, due = inv.document.date, inv.due_date
    if day is None or d is None or due is None:
        return []
    gap = (due - day).days
    when = (
        "on the payment date" if gap == 0
        else f"{gap} day(s) after the payment" if gap > 0
        else f"{-gap} day(s) before the payment"
    )  # fmt: skip
    return [f"issued {d.isoformat()}, before the payment; due {due.isoformat()}, {when}"]


def _age(s: Suggestion, ledger: Ledger) -> int:
    """Older invoices first among equal scores."""
    return sum(_due_key(ledger.invoices[ln.invoice])[0] for ln in s.lines)


def _m(amount: Decimal, currency: str) -> str:
    return f"{format_amount(amount, currency)} {currency}"


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
