"""Allocating payments and credit notes to invoices: by the clerk (one source, or several
settling one invoice), from the references payments quote, from accepted suggestions, and
credit notes by Microsoft's rule.  Each is checked by the rules before anything is stored."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from sqlalchemy import Connection, insert, select

from core import allocation as rules
from core import suggestions
from core.changes import Change, change
from core.ledger import Ledger, automatic_credit_of
from core.model import Allocation, Document, Payment, SourceKind
from core.money import format_amount
from core.rules.allocating import Request, propose, settle_requests
from core.rules.in_time import Facts, check_in_time, plan_references
from core.services.base import Service
from core.store import reads, writes
from core.store import schema as t
from core.store.session import retried

TOUCHED = ("allocations",)
#: the score from which a suggestion is accepted with the others at once (accept_confident)
CONFIDENT = 80


class Allocations(Service):
    # ------------------------------------------------------------------ checks, proposals

    def check(self, source_id: str, requests: Sequence[Request]) -> list[rules.Planned]:
        """What allocating ``source_id`` to these invoices would record; refused (with the
        reason) as :meth:`allocate` would refuse it."""
        with self.store.conn() as conn:
            facts = self._facts_around(conn, source_id, [n for n, _ in requests])
        return check_in_time(facts, [(source_id, requests)])

    def check_settle(self, invoice: str, sources: Sequence[Request]) -> list[rules.Planned]:
        """What settling ``invoice`` from several sources would record, or the refusal."""
        return check_in_time(self.ws.books.facts(), settle_requests(invoice, sources))

    def propose(self, source_id: str) -> list[tuple[str, Decimal]]:
        """The open invoices of a source's currency with the amount to offer for each (what
        the allocation dialog is pre-filled with): quoted invoices first, a voided one's
        rebill in its place, then the oldest due."""
        read = self.ws.books.payments()
        ledger = self.ws.books.ledger(payments=read)
        payment = next((p for p in read if p.id == source_id), None)
        return propose(ledger, source_id, payment)

    def unapplied_credits(self) -> list[tuple[str, str, Decimal, list[tuple[str, Decimal]]]]:
        """The credit notes with money left, each with its currency, what is left and the open
        invoices it would settle, oldest due first (:meth:`propose`: what the allocation dialog
        is pre-filled with; none when no invoice of its currency is open)."""
        ledger = self.ws.books.ledger()
        return [
            (c.id, c.currency, c.remaining,
             [(n, a) for n, a in propose(ledger, c.id, None) if a > 0])
            for c in ledger.credits.values()
            if c.remaining > 0
        ]  # fmt: skip

    def suggest(self, payment_id: str | None = None) -> list[suggestions.Answer]:
        """Suggested allocations for every payment with money left (or one payment)."""
        with self.store.conn() as conn:
            return self._suggest(conn, payment_id)

    # ------------------------------------------------------------------ changes

    @retried
    def allocate(self, source_id: str, requests: Sequence[Request]) -> Change:
        """Allocate one payment or credit note to invoices; the change's ``result`` is the
        allocation ids."""
        self.store.writable()
        with self.store.clerk_allocation() as conn:
            # Lock the source and the invoices, then read them: another clerk's allocation
            # from this payment or to these invoices has committed or waits for ours.  Money
            # aimed at a voided invoice lands on its rebill: lock that too and read again.
            locked = {number.strip().upper() for number, _ in requests}
            self.store.lock_rows(conn, {source_id, source_id.upper()}, locked)
            while True:
                facts = self._facts_around(conn, source_id, locked)
                planned = check_in_time(facts, [(source_id, requests)])
                landing = {p.invoice for p in planned} - locked
                if not landing or conn.dialect.name != "postgresql":
                    break
                self.store.lock_rows(conn, (), landing)
                locked |= landing
            src = planned[0]
            cur = facts.base().source(src.source_kind, src.source_id).currency  # type: ignore[union-attr]
            summary = f"allocate {src.source_id}: " + ", ".join(
                f"{p.invoice}={format_amount(p.amount, cur)}" for p in planned
            )
            ids, audit_id = self._commit(conn, planned, summary, {"source": src.source_id})
        said = "allocation(s) " + ", ".join(f"#{i}" for i in ids) + " recorded"
        return change("allocate", said, TOUCHED, ids, audit_id)

    @retried
    def settle(self, invoice: str, sources: Sequence[Request]) -> Change:
        """Settle one invoice from several payments or credit notes as ONE change: every
        amount is checked against the others first; one refused, nothing is recorded."""
        self.store.writable()
        with self.store.change(allocating=True) as conn:
            facts = self.ws.books.facts(conn)
            planned = check_in_time(facts, settle_requests(invoice, sources))
            target = planned[0].invoice
            cur = facts.base().invoices[target].document.currency
            summary = f"settle {target}: " + ", ".join(
                f"{p.source_id}={format_amount(p.amount, cur)}" for p in planned
            )
            ids, audit_id = self._commit(conn, planned, summary, {"invoice": target})
        said = "allocation(s) " + ", ".join(f"#{i}" for i in ids) + " recorded"
        return change("settle", said, TOUCHED, ids, audit_id)

    @retried
    def unallocate(self, allocation_id: int) -> Change:
        """Remove an allocation (kept in the history); an automatic application of a credit
        note (a negative id) takes that credit note out of Microsoft's rule instead."""
        self.store.writable()
        if allocation_id < 0:
            return self._take_in_hand(allocation_id)
        with self.store.change() as conn:
            row = conn.execute(
                select(t.allocations).where(t.allocations.c.id == allocation_id)
            ).first()
            if row is None:
                raise rules.AllocationRefused(f"no allocation {allocation_id}")
            if row.removed_audit_id is not None:
                raise rules.AllocationRefused(f"allocation {allocation_id} was already removed")
            audit_id = self.store.audit(
                conn, "unallocate",
                f"unallocate #{allocation_id}: {row.source_id} → {row.invoice_number} "
                f"{format(row.amount, 'f')}",
                {"allocation": allocation_id},
            )  # fmt: skip
            writes.remove_allocations(conn, [allocation_id], audit_id)
            if row.source_kind == SourceKind.CREDIT.value:
                writes.stop_auto_apply(conn, row.source_id)
        return change("unallocate", f"allocation #{allocation_id} removed", TOUCHED, None,
                      audit_id)  # fmt: skip

    def _take_in_hand(self, allocation_id: int) -> Change:
        with self.store.change() as conn:
            credit = automatic_credit_of(allocation_id, reads.automatic_credits(conn))
            if credit is None:
                raise rules.AllocationRefused(f"no allocation {allocation_id}")
            said = (f"{credit}: no longer applied by Microsoft's rule (automatic application "
                    f"#{allocation_id} removed); allocate it by hand")  # fmt: skip
            audit_id = self.store.audit(conn, "take-in-hand", said, {"credit": credit})
            writes.stop_auto_apply(conn, credit)
        return change("unallocate", said, TOUCHED, None, audit_id)

    @retried
    def auto_allocate(self, *, apply: bool) -> Change:
        """Allocate payments to the invoices they quote (see
        :func:`core.rules.in_time.plan_references`); the change's ``result`` is
        ``(AutoResult, ids)`` (no ids when not applied)."""
        if apply:
            self.store.writable()
        with self.store.change(allocating=apply) as conn:
            facts = self.ws.books.facts(conn)
            ledger = facts.base()
            result = plan_references(facts)
            ids: list[int] = []
            audit_id = None
            if apply and (result.planned or result.chosen):
                audit_id = self.store.audit(
                    conn, "auto-allocate", f"auto-allocate: {len(result.planned)} allocation(s)",
                    {},
                )  # fmt: skip
                ids = writes.add_allocations(conn, result.planned, audit_id)
                writes.add_allocations(conn, result.chosen, audit_id)
        return change("auto-allocate", auto_lines(result, ids, ledger, apply),
                      TOUCHED if ids else (), (result, ids), audit_id)  # fmt: skip

    @retried
    def accept(self, suggestion_id: str) -> Change:
        """Allocate what a suggestion proposes, checked like any allocation, as one change."""
        self.store.writable()
        with self.store.change(allocating=True) as conn:
            s = self._find_suggestion(conn, suggestion_id)
            by_source = [
                (source, [(ln.invoice, ln.amount) for ln in s.lines if ln.source == source])
                for source in dict.fromkeys(ln.source for ln in s.lines)
            ]
            planned = check_in_time(self.ws.books.facts(conn), by_source,
                                    method=f"suggestion-{s.kind}")  # fmt: skip
            summary = f"accept suggestion {s.id} for {s.payment}: " + ", ".join(
                f"{p.source_id}→{p.invoice}={format_amount(p.amount, s.currency)}" for p in planned
            )
            ids, audit_id = self._commit(conn, planned, summary,
                                         {"source": s.payment, "suggestion": s.id})  # fmt: skip
        said = f"accepted {suggestion_id.upper()}: allocation(s) {', '.join(map(str, ids))}"
        return change("accept", said, TOUCHED, ids, audit_id)

    @retried
    def accept_confident(self, threshold: int = CONFIDENT) -> Change:
        """Accept, as ONE change (undone together), the best suggestion of every payment
        scoring at least ``threshold`` and ahead of the next one (a tie is the clerk's to
        choose).  Each is checked against those accepted before it; one that no longer fits
        (the same invoice proposed for two payments) is left for the clerk and said.  The
        change's ``result`` is ``(accepted suggestion ids, allocation ids)``."""
        self.store.writable()
        with self.store.change(allocating=True) as conn:
            facts = self.ws.books.facts(conn)
            chosen: list[suggestions.Suggestion] = []
            requests: list[tuple[str, list[Request]]] = []
            left: list[str] = []
            for answer in self._suggest(conn, None):
                best = answer.suggestions[:1]
                if not best or best[0].score < threshold:
                    continue
                s = best[0]
                if len(answer.suggestions) > 1 and answer.suggestions[1].score >= s.score:
                    left.append(f"{s.payment}: two suggestions score {s.score}; choose one")
                    continue
                mine = [
                    (source, [(ln.invoice, ln.amount) for ln in s.lines if ln.source == source])
                    for source in dict.fromkeys(ln.source for ln in s.lines)
                ]
                try:
                    check_in_time(facts, [*requests, *mine])
                except rules.AllocationRefused as refused:
                    left.append(f"{s.payment}: {s.id} no longer fits ({refused})")
                    continue
                chosen.append(s)
                requests.extend(mine)
            if not chosen:
                lines = [f"no suggestion scores {threshold} or more: nothing accepted", *left]
                return change("accept-confident", lines, (), ([], []))
            planned = check_in_time(facts, requests, method="suggestion-confident")
            summary = (f"accept {len(chosen)} suggestion(s) scoring {threshold} or more: "
                       + ", ".join(f"{s.id} for {s.payment}" for s in chosen))  # fmt: skip
            ids, audit_id = self._commit(conn, planned, summary,
                                         {"suggestions": [s.id for s in chosen]})  # fmt: skip
        said = [f"accepted {len(chosen)} suggestion(s) scoring {threshold} or more: "
                f"allocation(s) {', '.join(map(str, ids))}", *left]  # fmt: skip
        return change("accept-confident", said, TOUCHED, ([s.id for s in chosen], ids), audit_id)

    @retried
    def reject(self, suggestion_id: str) -> Change:
        """Remember that the clerk turned a suggestion down; it is not proposed again."""
        self.store.writable()
        with self.store.change() as conn:
            s = self._find_suggestion(conn, suggestion_id)
            said = f"reject suggestion {s.id} for {s.payment}: {s.signature}"
            audit_id = self.store.audit(
                conn, "reject-suggestion", said, {"payment": s.payment, "signature": s.signature}
            )
            conn.execute(insert(t.rejected_suggestions).values(
                payment_id=s.payment, signature=s.signature, audit_id=audit_id))  # fmt: skip
        return change("reject", f"rejected {s.id}: it will not be proposed again",
                      {"suggestions"}, s.id, audit_id)  # fmt: skip

    # ------------------------------------------------------------------ inside

    def _commit(self, conn: Connection, planned: list[rules.Planned], summary: str,
                details: dict) -> tuple[list[int], int]:  # fmt: skip
        """The clerk's allocations as one audited change (undone together); a credit note
        allocated by hand is no longer applied automatically."""
        audit_id = self.store.audit(conn, "allocate", summary, details)
        ids = writes.add_allocations(conn, planned, audit_id)
        for source in {p.source_id for p in planned if p.source_kind == SourceKind.CREDIT}:
            writes.stop_auto_apply(conn, source)
        return ids, audit_id

    def _facts_around(self, conn: Connection, source_id: str, invoices: Iterable[str]) -> Facts:
        """The facts that allocating ``source_id`` to ``invoices`` depends on: those
        documents, their void/rebill chains, the allocations to and from them, and the same
        again for every source and invoice those allocations reach.  Reading only this keeps
        one clerk's allocation quick in a large workspace, and on a team server lets two
        clerks working on different invoices commit without a conflict.  Credit notes that
        Microsoft's rule applies may reach any open invoice of their currency: while the
        source's currency has any, every fact is read."""
        docs: dict[str, Document] = {}
        pays: dict[str, Payment] = {}
        allocs: dict[int, Allocation] = {}
        want_docs = {n.strip().upper() for n in invoices} | {source_id, source_id.upper()}
        want_sources = {source_id, source_id.upper()}
        seen_docs: set[str] = set()
        seen_sources: set[str] = set()
        hidden = self.store.hidden_payment_columns
        while want_docs - seen_docs or want_sources - seen_sources:
            new_docs, new_sources = want_docs - seen_docs, want_sources - seen_sources
            seen_docs |= new_docs
            seen_sources |= new_sources
            for d in reads.documents(conn, new_docs, line_totals=False):
                docs[d.number] = d
                want_docs.update(n for n in (d.number, d.amends) if n)
                if d.is_credit:
                    want_sources.add(d.number)
            pays.update((p.id, p) for p in reads.payments(conn, hidden, new_sources))
            for a in reads.allocations(conn, sources=new_sources, invoices=new_docs):
                allocs[a.id] = a
                want_sources.add(a.source_id)
                want_docs.add(a.invoice_number)
        source = pays.get(source_id) or docs.get(source_id.upper())
        if source is not None and reads.automatic_credits(conn, source.currency):
            return self.ws.books.facts(conn)  # they may reach any open invoice of it
        return Facts(list(docs.values()), list(pays.values()), list(allocs.values()),
                     frozenset(), self.store.term_days(conn))  # fmt: skip

    def _suggest(self, conn: Connection, payment_id: str | None) -> list[suggestions.Answer]:
        ledger = self.ws.books.ledger(conn=conn)
        payments = self.ws.books.payments(conn)
        if payment_id is not None:
            if payment_id not in ledger.payments:
                raise rules.AllocationRefused(f"no payment '{payment_id}' in this workspace")
            payments = [p for p in payments if p.id == payment_id]
        undone = reads.undone_changes(conn)
        rows = conn.execute(select(t.rejected_suggestions))
        rejected = {(r.payment_id, r.signature) for r in rows if r.audit_id not in undone}
        suggester = suggestions.Suggester(ledger, rejected)
        if payment_id is not None:  # asked about one payment: an answer even when settled
            return [suggester.answer(p) for p in payments]
        return suggester.answers(payments)

    def _find_suggestion(self, conn: Connection, suggestion_id: str) -> suggestions.Suggestion:
        wanted = suggestion_id.strip().upper()
        for answer in self._suggest(conn, None):
            for s in answer.suggestions:
                if s.id == wanted:
                    return s
        raise rules.AllocationRefused(
            f"no suggestion {suggestion_id} now (the payment or its invoices changed since it "
            "was made, or it was rejected): run 'suggest' again"
        )


def auto_lines(result: rules.AutoResult, ids: list[int], ledger: Ledger,
               applied: bool) -> list[str]:  # fmt: skip
    """What automatic allocation did (or would do), a line each, then the flagged payments."""
    verb = "allocated" if applied else "would allocate"
    lines = []
    for p in result.planned:
        cur = ledger.payments[p.source_id].currency
        lines.append(f"{p.source_id}: {verb} {format_amount(p.amount, cur)} {cur} to "
                     f"{p.invoice} ({p.reason})")  # fmt: skip
    for pid, flags in result.flags.items():
        for note in result.notes.get(pid, []):
            lines.append(f"{pid}: {', '.join(flags)}: {note}")
    if not result.planned:
        lines.append("nothing to allocate from explicit references")
    elif not applied:
        lines.append("(nothing committed: run with --apply to record these allocations)")
    return lines
