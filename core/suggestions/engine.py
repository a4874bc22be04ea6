"""The engine: a ledger indexed once, then each payment answered by weighing the evidence
(references, amounts, credit notes, combinations, dates) into scored suggestions."""

from __future__ import annotations

import bisect
from collections.abc import Collection, Iterable
from datetime import date
from decimal import Decimal

from core.i18n import say
from core.ledger import InvoiceState, Ledger, SourceState
from core.model import Payment, SourceKind
from core.suggestions.answers import Answer, Line, Suggestion, add, flag_currency, money
from core.suggestions.dates import after, age, date_bonus, date_reasons, distance, due_key
from core.suggestions.references import loose_references
from core.suggestions.search import Combination, SubsetSearch

CREDIT_DAYS = 120  # credit notes issued up to this long before a payment are tried with it
SEARCH_SECONDS = 0.002  # per payment, for combinations of three
MOST = 5  # suggestions kept per payment


class Suggester:
    """Indexes a ledger once, then answers for any number of payments."""

    def __init__(
        self,
        ledger: Ledger,
        rejected: Collection[tuple[str, str]] = (),
        search_seconds: float | None = None,
    ) -> None:
        self.ledger = ledger
        self.rejected = set(rejected)
        # read when asked, so a caller (a test pinning answers) can set the module's bound
        self.search_seconds = SEARCH_SECONDS if search_seconds is None else search_seconds
        self.known = set(ledger.invoices) | set(ledger.credits)
        self.open: dict[str, list[InvoiceState]] = {}
        self.by_amount: dict[tuple[str, Decimal], list[InvoiceState]] = {}
        for inv in ledger.invoices.values():
            if inv.counted and inv.open > 0:
                cur = inv.document.currency
                self.open.setdefault(cur, []).append(inv)
                self.by_amount.setdefault((cur, inv.open), []).append(inv)
        for invoices in self.open.values():
            invoices.sort(key=due_key)
        self.credits: dict[str, list[tuple[SourceState, Decimal]]] = {}
        for c in ledger.credits.values():
            if c.remaining > 0:
                self.credits.setdefault(c.currency, []).append((c, c.remaining))
        for credits in self.credits.values():
            credits.sort(key=lambda c: (c[0].date or date.min).toordinal())
        self.credit_ordinals = {cur: [(c.date or date.min).toordinal() for c, _ in cs]
                                for cur, cs in self.credits.items()}  # fmt: skip
        self.search = SubsetSearch(self.open, self.by_amount, self.credits)

    def answer(self, payment: Payment) -> Answer:
        state = self.ledger.payments[payment.id]
        cur, left = state.currency, state.remaining
        out = Answer(payment.id, cur, left)
        if left <= 0:
            out.notes.append(say("fully allocated: nothing to suggest"))
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
        ranked = sorted(found.values(), key=lambda s: (-s.score, age(s, self.ledger)))
        out.suggestions = [s for s in ranked if (payment.id, s.signature) not in self.rejected]
        out.suggestions = out.suggestions[:MOST]
        if len(ranked) > len(out.suggestions) and not out.suggestions:
            out.notes.append(say("every suggestion for this payment was rejected"))
        if not out.answered:
            out.notes.append(say("no open {currency} invoice to suggest", currency=cur))
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
                flag_currency(out, inv, say("the text quotes {number}", number=number))
                continue
            how = (say("as written") if written == number
                   else say("written '{written}'", written=written))  # fmt: skip
            landing = (say(", which lands on its rebill {rebill}", rebill=target)
                       if target != number else "")  # fmt: skip
            if inv.open <= 0:
                out.notes.append(say("the text quotes {number} ({how}){landing}, already "
                                     "settled", number=number, how=how,
                                     landing=landing))  # fmt: skip
                continue
            take = min(left, inv.open)
            if take <= 0:
                break
            lines.append(Line(SourceKind.PAYMENT, p.id, target, take))
            reasons.append(say("the remittance text quotes {number} ({how}){landing}",
                               number=number, how=how, landing=landing))  # fmt: skip
            wanted += inv.open
            left -= take
        if not lines:
            return False
        exact = wanted == state.remaining
        score = 90 if exact else 75
        if exact:
            reasons.append(say("the payment, {money}, is exactly what the quoted invoice(s) "
                               "still owe", money=money(state.remaining, cur)))  # fmt: skip
        elif left > 0:
            reasons.append(say("{money} would stay unallocated", money=money(left, cur)))
        else:
            reasons.append(say("a partial payment of the last invoice quoted"))
        add(found, Suggestion(p.id, cur, "reference", score, tuple(lines), reasons))
        return exact

    def _single_amounts(self, p: Payment, state: SourceState, found) -> bool:
        """Open invoices that owe exactly the payment; True when one stands out."""
        cur, left = state.currency, state.remaining
        matches = [i for i in self.by_amount.get((cur, left), ())
                   if not after(i, p.date)]  # fmt: skip
        if not matches:
            return False
        matches.sort(key=lambda i: distance(i, p.date))
        for rank, inv in enumerate(matches[:3]):
            paid = inv.applied > 0
            reasons = [
                say("the payment, {money}, equals what {number} still owes after earlier "
                    "payments and credits", money=money(left, cur), number=inv.document.number)
                if paid
                else say("the payment, {money}, equals what {number} still owes",
                         money=money(left, cur), number=inv.document.number)
            ]  # fmt: skip
            reasons += date_reasons(inv, p.date)
            score = 70 if len(matches) == 1 else max(40, 62 - 8 * rank)
            if len(matches) > 1:
                reasons.append(say("{count} open {currency} invoices owe this amount; this "
                                   "one is due nearest the payment", count=len(matches),
                                   currency=cur))  # fmt: skip
            score += date_bonus(inv, p.date)
            line = Line(SourceKind.PAYMENT, p.id, inv.document.number, left)
            add(found, Suggestion(p.id, cur, "amount", score, (line,), reasons))
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
        credits = self.search.credits_owing(cur, left, lo, hi)
        by_amount = self.by_amount
        for credit, remaining in credits:
            for inv in by_amount.get((cur, left + remaining), ()):
                if after(inv, p.date):
                    continue
                lines = (Line(SourceKind.CREDIT, credit.id, inv.document.number,
                              credit.remaining),
                         Line(SourceKind.PAYMENT, p.id, inv.document.number, left))  # fmt: skip
                reasons = [
                    say(
                        "the payment, {money}, is what {number} owes less credit note {credit} "
                        "({remaining} not yet applied)",
                        money=money(left, cur),
                        number=inv.document.number,
                        credit=credit.id,
                        remaining=money(credit.remaining, cur),
                    ),
                    *date_reasons(inv, p.date),
                ]
                score = 65 + date_bonus(inv, p.date)
                add(found, Suggestion(p.id, cur, "credit", score, lines, reasons))
                hit = hit or score >= 65
        return hit

    def _combinations(self, p: Payment, state: SourceState, out: Answer, found) -> None:
        """Two or three open invoices that together owe exactly the payment (see
        :meth:`SubsetSearch.combinations`): the fewest and oldest first."""
        cur, left = state.currency, state.remaining
        combos, cut = self.search.combinations(cur, left, p.date, self.search_seconds)
        if cut:
            out.search_cut_short = True
        unique = {tuple(sorted(i.document.number for i in ks)): ks for ks in combos}
        ranked = sorted(
            unique.values(),
            key=lambda ks: (
                len(ks),
                len({i.document.date for i in ks}),
                sum(due_key(i)[0] for i in ks),
            ),
        )
        for ks in ranked[:3]:
            self._combination(p, cur, left, ks, len(ranked), cut, found)
        if not combos and cut:
            out.notes.append(say("no combination of {currency} invoices due near the payment "
                                 "adds up to it (the search was cut short)",
                                 currency=cur))  # fmt: skip

    @staticmethod
    def _combination(
        p: Payment, cur: str, left: Decimal, ks: Combination, among: int, cut: bool, found
    ) -> None:
        """One combination proposed, scored against the ``among`` that add up."""
        chosen = sorted(ks, key=due_key)
        lines = tuple(Line(SourceKind.PAYMENT, p.id, i.document.number, i.open)
                      for i in chosen)  # fmt: skip
        numbers = ", ".join(i.document.number for i in chosen)
        reasons = [say("the payment, {money}, equals what {numbers} owe together",
                       money=money(left, cur), numbers=numbers)]  # fmt: skip
        same_day = len({i.document.date for i in chosen}) == 1
        if same_day:
            reasons.append(say("one billing run: all issued {issued}",
                               issued=chosen[0].document.date))  # fmt: skip
        if among > 1:
            reasons.append(say("{among} combinations add up to this amount; this one has the "
                               "fewest and oldest invoices", among=among))  # fmt: skip
        if cut:
            reasons.append(say("the search was cut short: a combination it did not reach may "
                               "fit too"))  # fmt: skip
        score = (55 if len(ks) == 2 else 48) + (7 if same_day else 0) - (5 if among > 1 else 0)
        add(found, Suggestion(p.id, cur, "combination", score, lines, reasons))

    def _other_currency(self, state: SourceState, out: Answer) -> None:
        """The payment's amount is what an invoice in another currency owes: it was most
        likely meant for it, sent in the wrong currency (never proposed, flagged)."""
        for cur in sorted(self.open):
            invoices = self.by_amount.get((cur, state.remaining))
            if cur != state.currency and invoices:
                number = invoices[0].document.number
                flag_currency(
                    out, invoices[0], say("the amount is exactly what {number} owes", number=number)
                )
                return

    def _fallback(self, p: Payment, state: SourceState, out: Answer, found) -> None:
        """No evidence: the oldest due invoices, clearly labelled as a fallback."""
        cur, left = state.currency, state.remaining
        lines = []
        for inv in self.open.get(cur, ()):
            if left <= 0:
                break
            if after(inv, p.date):
                continue
            take = min(left, inv.open)
            lines.append(Line(SourceKind.PAYMENT, p.id, inv.document.number, take))
            left -= take
        if not lines:
            return
        reasons = [say("fallback: no invoice number, amount or date points anywhere; this is "
                       "simply the oldest due first")]  # fmt: skip
        if left > 0:
            reasons.append(say("{money} would stay unallocated", money=money(left, cur)))
        add(found, Suggestion(p.id, cur, "fallback", 10, tuple(lines), reasons))
