"""The ledger rules as pure functions over plain records.

Given the documents, payments and allocations of a workspace and an "as of"
date, :func:`compute` says which documents count, what each invoice still
owes, what each payment and credit note has left, and the balance per
currency.  It never touches the store or the screen.

Rules (DOMAIN.md, "Account balance"):

* a ``void_note`` amending X voids X; neither counts.  A document that is
  itself marked ``void_note`` and is amended by another is the voided
  original (the shape of Partner Center's documentation sample);
* an ``invoice`` or ``adjustment_note`` amending a voided X is its rebill and
  counts; money aimed at X lands on the latest rebill of the chain;
* credit notes are sources of money, not invoices;
* unallocated payments do not reduce the amount due; balances are per
  currency;
* "as of" a date counts only documents and payments dated on or before it.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from core.i18n import say
from core.model import Allocation, Document, DocumentType, Payment, SourceKind
from core.money import zero
from core.references import quoted_numbers, unknown_numbers

DEFAULT_TERM_DAYS = 60
DEFAULT_AGING_LIMITS = (30, 60, 90)  # upper bounds of the aging buckets, in days past due


class Status:
    OPEN = "open"
    PARTLY_PAID = "partly_paid"
    PAID = "paid"
    VOIDED = "voided"
    VOID_NOTE = "void_note"
    CREDIT_NOTE = "credit_note"


@dataclass(slots=True)
class AppliedAllocation:
    """What an allocation does as of the ledger date."""

    allocation: Allocation
    target: str | None  # the invoice the money lands on (a rebill, maybe)
    applied: Decimal
    note: str = ""


@dataclass(slots=True)
class InvoiceState:
    document: Document
    counted: bool
    status: str
    due_date: date | None
    days_past_due: int | None
    applied: Decimal
    open: Decimal
    voided_by: str | None = None
    rebilled_as: str | None = None
    rebill_of: str | None = None
    allocations: list[AppliedAllocation] = field(default_factory=list)

    @property
    def lines_difference(self) -> Decimal | None:
        doc = self.document
        if doc.lines_total is None or doc.date is None or doc.line_count == 0:
            return None
        return doc.total - doc.lines_total


@dataclass(slots=True)
class SourceState:
    """A payment or a credit note: how much of it is applied."""

    kind: SourceKind
    id: str
    date: date | None
    currency: str
    amount: Decimal
    applied: Decimal
    flags: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    allocations: list[AppliedAllocation] = field(default_factory=list)

    @property
    def remaining(self) -> Decimal:
        return self.amount - self.applied


@dataclass(frozen=True, slots=True)
class Balance:
    amount_due: Decimal
    unallocated_payments: Decimal
    unapplied_credits: Decimal


@dataclass(slots=True)
class Ledger:
    as_of: date | None
    term_days: int
    invoices: dict[str, InvoiceState]
    payments: dict[str, SourceState]
    credits: dict[str, SourceState]
    documents: dict[str, Document]
    rebill_of: dict[str, str]
    void_date: dict[str, date | None]
    voided_by: dict[str, str]
    aging_limits: tuple[int, ...] = DEFAULT_AGING_LIMITS
    # while the money is applied: per invoice, what the clerk's own allocations still to come
    # in date order will take (what follows from a rule leaves it to them)
    reserved: dict[str, Decimal] = field(default_factory=dict)

    def available(self, number: str) -> Decimal:
        """What a rule (a payment's reference, Microsoft's credit rule) may still give an
        invoice at this point in time: what it owes, less what the clerk's allocations of
        any date will take."""
        inv = self.invoices[number]
        return max(inv.open - self.reserved.get(number, Decimal(0)), zero(inv.document.currency))

    def balance(self) -> dict[str, Balance]:
        """Per currency: amount due, unallocated payments, unapplied credits."""
        due: dict[str, Decimal] = defaultdict(Decimal)
        unalloc: dict[str, Decimal] = defaultdict(Decimal)
        unapplied: dict[str, Decimal] = defaultdict(Decimal)
        for inv in self.invoices.values():
            if inv.counted:
                due[inv.document.currency] += inv.open
        for p in self.payments.values():
            unalloc[p.currency] += p.remaining
        for c in self.credits.values():
            unapplied[c.currency] += c.remaining
        currencies = sorted(set(due) | set(unalloc) | set(unapplied))
        return {
            cur: Balance(due[cur] + zero(cur), unalloc[cur] + zero(cur), unapplied[cur] + zero(cur))
            for cur in currencies
        }

    def resolve(self, number: str) -> str | None:
        """The document that money aimed at ``number`` lands on, or ``None``.

        Follows void → rebill as of the ledger date; ``None`` when the chain
        ends on a voided document with no rebill, a void note or a credit.
        """
        state = self.invoices.get(number)
        if state is not None and state.counted:
            return number  # the usual case, answered without walking a chain
        seen = set()
        current = number
        while current not in seen:
            seen.add(current)
            state = self.invoices.get(current)
            if state is None:
                return None
            if state.counted:
                return current
            nxt = state.rebilled_as
            if nxt is None:
                return None
            current = nxt
        return None

    def source(self, kind: SourceKind, source_id: str) -> SourceState | None:
        return (self.payments if kind == SourceKind.PAYMENT else self.credits).get(source_id)


def due_date_of(doc: Document, term_days: int = DEFAULT_TERM_DAYS) -> date | None:
    """The file's due date, else the invoice date plus the payment term."""
    if doc.due_date is not None:
        return doc.due_date
    if doc.date is None:
        return None
    return doc.date + timedelta(days=term_days)


def _on_or_before(d: date | None, as_of: date | None) -> bool:
    return as_of is None or d is None or d <= as_of


# Voided documents (with the date), what voided them, what rebills them, what each rebill is of.
_Chains = tuple[dict[str, date | None], dict[str, str], dict[str, str], dict[str, str]]


def _void_chain(documents: Mapping[str, Document], as_of: date | None) -> _Chains:
    """Which documents are voided (and when), by what, what rebills them and the reverse."""
    void_date: dict[str, date | None] = {}
    voided_by: dict[str, str] = {}
    amended_by: dict[str, list[Document]] = defaultdict(list)
    for doc in documents.values():
        if doc.amends and _on_or_before(doc.date, as_of):
            amended_by[doc.amends].append(doc)
    for doc in documents.values():
        if doc.document_type != DocumentType.VOID_NOTE or not _on_or_before(doc.date, as_of):
            continue
        if doc.amends:
            void_date[doc.amends] = doc.date
            voided_by[doc.amends] = doc.number
        else:
            # Marked void itself (documentation sample): voided when replaced.
            replacements = [d for d in amended_by.get(doc.number, []) if not d.is_credit]
            dates = [d.date for d in replacements if d.date is not None]
            void_date[doc.number] = min(dates) if dates else doc.date
    rebill_of: dict[str, str] = {}
    rebilled_as: dict[str, str] = {}
    for original in void_date:
        candidates = [
            d
            for d in amended_by.get(original, [])
            if d.document_type in (DocumentType.INVOICE, DocumentType.ADJUSTMENT_NOTE)
            and not d.is_credit
        ]
        if candidates:
            latest = max(candidates, key=lambda d: (d.date or date.min, d.number))
            rebilled_as[original] = latest.number
            rebill_of[latest.number] = original
    return void_date, voided_by, rebilled_as, rebill_of


# What a change asks of a source at its place in time: given the ledger as it stands once the
# source's own recorded allocations are applied, the new allocations to apply there.
AtSource = Callable[["Ledger", "SourceState"], Iterable[Allocation]]


def compute(
    documents: Iterable[Document],
    payments: Iterable[Payment],
    allocations: Iterable[Allocation],
    *,
    as_of: date | None = None,
    term_days: int = DEFAULT_TERM_DAYS,
    aging_limits: tuple[int, ...] = DEFAULT_AGING_LIMITS,
    automatic: Collection[str] = (),
    at_source: Mapping[str, AtSource] | None = None,
) -> Ledger:
    """Apply the ledger rules and return the state of every document and payment.

    The money is applied in date order (DOMAIN.md, "Time: the ledger is history"): each
    payment or credit note on its own date, its allocations in the order they were recorded;
    the credit notes in ``automatic`` are applied by Microsoft's rule on their own date, to
    what is still owed then, after the payments and credit notes dated that day.
    ``at_source`` lets a change be checked at its place in time (see
    :func:`core.rules.allocating.check_in_time`).
    """
    docs = {d.number: d for d in documents}
    chains = _void_chain(docs, as_of)
    void_date, voided_by, _rebilled_as, rebill_of = chains
    invoices, credits = _documents_as_of(docs, as_of, term_days, chains)
    ledger = Ledger(
        as_of,
        term_days,
        invoices,
        _payments_as_of(payments, as_of),
        credits,
        docs,
        rebill_of,
        void_date,
        voided_by,
        aging_limits,
    )
    payments = list(payments)
    _apply_in_date_order(ledger, payments, allocations, automatic, at_source or {})
    _settle_statuses(invoices, as_of)
    _flag_payments(ledger, payments)
    return ledger


def _documents_as_of(
    docs: Mapping[str, Document], as_of: date | None, term_days: int, chains: _Chains
) -> tuple[dict[str, InvoiceState], dict[str, SourceState]]:
    """The invoices (counted, voided or void notes) and the credit notes issued as of the date."""
    invoices: dict[str, InvoiceState] = {}
    credits: dict[str, SourceState] = {}
    for doc in docs.values():
        if not _on_or_before(doc.date, as_of):
            continue  # not issued yet as of that date
        if doc.is_credit:
            credits[doc.number] = SourceState(
                SourceKind.CREDIT,
                doc.number,
                doc.date,
                doc.currency,
                -doc.total,
                zero(doc.currency),
            )
            continue
        invoices[doc.number] = _invoice_state(doc, term_days, chains)
    return invoices, credits


def _invoice_state(doc: Document, term_days: int, chains: _Chains) -> InvoiceState:
    """An invoice, void note or adjustment note before any money is applied to it."""
    void_date, voided_by, rebilled_as, rebill_of = chains
    if doc.document_type == DocumentType.VOID_NOTE and doc.amends:
        counted, status = False, Status.VOID_NOTE
    elif doc.number in void_date:
        counted, status = False, Status.VOIDED
    else:
        counted, status = True, Status.OPEN
    due = due_date_of(doc, term_days)
    return InvoiceState(
        document=doc,
        counted=counted,
        status=status,
        due_date=due,
        days_past_due=None,
        applied=zero(doc.currency),
        open=doc.total if counted else zero(doc.currency),
        voided_by=voided_by.get(doc.number),
        rebilled_as=rebilled_as.get(doc.number),
        rebill_of=rebill_of.get(doc.number),
    )


def _payments_as_of(payments: Iterable[Payment], as_of: date | None) -> dict[str, SourceState]:
    pays: dict[str, SourceState] = {}
    for p in payments:
        if _on_or_before(p.date, as_of):
            pays[p.id] = SourceState(
                SourceKind.PAYMENT, p.id, p.date, p.currency, p.amount, zero(p.currency)
            )
    return pays


AUTO_CREDIT = "auto-credit"  # the method of a credit note's application by Microsoft's rule
AUTO_REFERENCE = "auto-reference"  # an invoice a payment's reference chose
AUTO_IDS = 10_000  # automatic applications of one credit note (ids, counting down from -1)


def automatic_credit_of(allocation_id: int, automatic: Collection[str]) -> str | None:
    """The credit note an automatic application (a negative id) is of."""
    if allocation_id >= 0:
        return None
    place = (-allocation_id - 1) // AUTO_IDS
    ordered = sorted(automatic)
    return ordered[place] if place < len(ordered) else None


def _apply_in_date_order(
    ledger: Ledger,
    payments: Iterable[Payment],
    allocations: Iterable[Allocation],
    automatic: Collection[str],
    at_source: Mapping[str, AtSource],
) -> None:
    """Each source on its date (undated first); on one day payments, then credit notes taken
    in hand, then the automatic credit notes, each the smaller amount first.  At a source:
    the clerk's allocations in the order they were recorded, then what its reference gives
    each invoice it chose (up to what the invoice owes then), then, for an automatic credit note,
    Microsoft's rule.  What follows from a rule gives way to the clerk's allocations of any
    date (:attr:`Ledger.reserved`)."""
    recorded: dict[tuple[SourceKind, str], list[Allocation]] = defaultdict(list)
    for a in sorted(allocations, key=lambda a: a.id):
        recorded[(a.source_kind, a.source_id)].append(a)
    _reserve(ledger, recorded)
    quoted = {p.id: p for p in payments}
    sources = [*ledger.payments.values(), *ledger.credits.values()]
    rank = {SourceKind.PAYMENT: 0, SourceKind.CREDIT: 1}

    def when(src: SourceState) -> tuple[date, int, int, Decimal, str]:
        # same day: the clerk's sources before Microsoft's rule, payments before credit
        # notes, the smaller first; the id (which depends on import order) only between
        # equal amounts
        last = 2 if src.kind == SourceKind.CREDIT and src.id in automatic else 0
        return (src.date or date.min, last, rank[src.kind], src.amount, src.id)

    # an automatic application's id says which credit note it is of, whatever the date:
    # -(10,000 × the credit note's place among the automatic ones + n)
    places = {number: k for k, number in enumerate(sorted(automatic))}
    for src in sorted(sources, key=when):
        mine = recorded.get((src.kind, src.id), [])
        for alloc in mine:
            if alloc.method != AUTO_REFERENCE:
                _apply_allocation(ledger, alloc, src)
                _unreserve(ledger, alloc)
        for alloc in _by_reference(ledger, quoted.get(src.id), src, mine):
            _apply_allocation(ledger, alloc, src)
        if src.id in at_source:
            for alloc in at_source[src.id](ledger, src):
                _apply_allocation(ledger, alloc, src)
        if src.kind == SourceKind.CREDIT and src.id in automatic:
            for n, (number, amount) in enumerate(newest_open_first(ledger, src), start=1):
                auto_id = -(AUTO_IDS * places[src.id] + n)
                alloc = Allocation(auto_id, SourceKind.CREDIT, src.id, number, amount, AUTO_CREDIT)
                _apply_allocation(ledger, alloc, src)


def _reserve(ledger: Ledger, recorded: Mapping[tuple[SourceKind, str], list[Allocation]]) -> None:
    for (kind, source_id), allocs in recorded.items():
        if ledger.source(kind, source_id) is None:
            continue  # not there yet as of this date
        for alloc in allocs:
            target = ledger.resolve(alloc.invoice_number)
            if alloc.method != AUTO_REFERENCE and target is not None:
                ledger.reserved[target] = ledger.reserved.get(target, Decimal(0)) + alloc.amount


def _unreserve(ledger: Ledger, alloc: Allocation) -> None:
    target = ledger.resolve(alloc.invoice_number)
    if target is not None and target in ledger.reserved:
        ledger.reserved[target] = max(ledger.reserved[target] - alloc.amount, Decimal(0))


def _by_reference(ledger: Ledger, payment: Payment | None, src: SourceState,
                  mine: Sequence[Allocation]) -> list[Allocation]:  # fmt: skip
    """What a payment gives the invoices its reference chose (recorded with the method
    ``auto-reference``; in the order the payment quotes them, whenever each was chosen): each
    up to what it owes at the payment's date and to the amount a structured reference names,
    while the payment has money left."""
    chosen = [a for a in mine if a.method == AUTO_REFERENCE]
    if not chosen:
        return []
    if payment is not None and len(chosen) > 1:  # in the order the payment quotes them
        order = {n: i for i, (n, _a) in enumerate(quoted_numbers(payment, ledger.invoices))}
        chosen.sort(key=lambda a: (order.get(a.invoice_number, len(order)), a.id))
    named = {r.number.strip().upper(): r.amount for r in payment.references} if payment else {}
    out: list[Allocation] = []
    left = src.remaining
    for alloc in chosen:
        target = ledger.resolve(alloc.invoice_number)
        if target is None or ledger.invoices[target].document.currency != src.currency:
            continue
        amount = min(
            left,
            ledger.available(target)
            - sum(
                (a.amount for a in out if ledger.resolve(a.invoice_number) == target), Decimal(0)
            ),
        )
        cap = named.get(alloc.invoice_number)
        if cap is not None and cap > 0:
            amount = min(amount, cap)
        if amount > 0:
            out.append(dataclasses.replace(alloc, amount=amount))
            left -= amount
    return out


def newest_open_first(ledger: Ledger, credit: SourceState) -> list[tuple[str, Decimal]]:
    """Microsoft's rule for a credit note: the open invoices of its currency dated on or
    before it, newest first, each up to what it owes, while the credit note has money
    left; whatever is left stays an unapplied credit."""
    left = credit.remaining
    candidates = [
        inv
        for inv in ledger.invoices.values()
        if inv.counted
        and ledger.available(inv.document.number) > 0
        and inv.document.currency == credit.currency
        and inv.document.date is not None
        and (credit.date is None or inv.document.date <= credit.date)
    ]
    candidates.sort(key=lambda i: (i.document.date or date.min, i.document.number), reverse=True)
    out: list[tuple[str, Decimal]] = []
    for inv in candidates:
        if left <= 0:
            break
        amount = min(left, ledger.available(inv.document.number))
        out.append((inv.document.number, amount))
        left -= amount
    return out


def _apply_allocation(ledger: Ledger, alloc: Allocation, src: SourceState) -> None:
    """One allocation: on the invoice it resolves to, at most what it owes and the source has."""
    invoices = ledger.invoices
    target = ledger.resolve(alloc.invoice_number)
    note = ""
    applied = zero(src.currency)
    if target is None:
        note = say(
            "{number} is voided with no rebill: the money stays unallocated",
            number=alloc.invoice_number,
        )
    else:
        inv = invoices[target]
        if inv.document.currency != src.currency:
            note = say(
                "{number} is in {currency}, not {paid}",
                number=target,
                currency=inv.document.currency,
                paid=src.currency,
            )
        else:
            applied = min(alloc.amount, inv.open, src.remaining)
            applied = max(applied, zero(src.currency))
            if applied < alloc.amount:
                note = (
                    say(
                        "only {applied} of {amount} applied: {number} owed {owed}",
                        applied=applied,
                        amount=alloc.amount,
                        number=target,
                        owed=inv.open,
                    )
                    if inv.open < alloc.amount
                    else say(
                        "only {applied} of {amount} applied: source had {left}",
                        applied=applied,
                        amount=alloc.amount,
                        left=src.remaining,
                    )
                )
            inv.applied += applied
            inv.open -= applied
        if target != alloc.invoice_number and not note:
            note = say(
                "aimed at {number}, applied to its rebill {rebill}",
                number=alloc.invoice_number,
                rebill=target,
            )
    src.applied += applied
    record = AppliedAllocation(alloc, target, applied, note)
    src.allocations.append(record)
    if target is not None:
        invoices[target].allocations.append(record)
    if note and "only" in note:
        src.flags.append("over_allocated")


def _settle_statuses(invoices: Mapping[str, InvoiceState], as_of: date | None) -> None:
    """Paid or partly paid once the money is applied; days past due as of the date."""
    for inv in invoices.values():
        if not inv.counted:
            continue
        doc = inv.document
        if inv.open == 0 and doc.total != 0:
            inv.status = Status.PAID
        elif inv.applied != 0:
            inv.status = Status.PARTLY_PAID
        if inv.due_date is not None and as_of is not None:
            inv.days_past_due = (as_of - inv.due_date).days


def _flag_payments(ledger: Ledger, payments: Iterable[Payment]) -> None:
    """Flags a clerk must see on a payment, from what it quotes and what it has left.

    ``currency_mismatch``: it quotes an invoice in another currency (DOMAIN.md:
    report it at once); ``unknown_reference``: it quotes an invoice number we do
    not have; ``voided_reference``: it quotes a voided invoice with no rebill;
    ``unallocated`` / ``partly_allocated``: money not yet applied.
    """
    known = set(ledger.invoices) | set(ledger.credits)
    for p in payments:
        state = ledger.payments.get(p.id)
        if state is None:
            continue

        def flag(name: str, note: str, state: SourceState = state) -> None:
            if name not in state.flags:
                state.flags.append(name)
            state.notes.append(note)

        for number, _amount in quoted_numbers(p, known):
            if number in ledger.credits:
                continue
            if number not in ledger.invoices:
                flag("unknown_reference", say("quotes {number}: no such invoice", number=number))
                continue
            target = ledger.resolve(number)
            if target is None:
                flag(
                    "voided_reference",
                    say("quotes {number}: voided with no rebill yet", number=number),
                )
                continue
            cur = ledger.invoices[target].document.currency
            if cur != p.currency:
                flag(
                    "currency_mismatch",
                    say(
                        "quotes {number} ({currency}) but was paid in {paid}: report it to "
                        "Microsoft and send the payment in the right currency",
                        number=number,
                        currency=cur,
                        paid=p.currency,
                    ),
                )
        for number in unknown_numbers(p, known):
            flag("unknown_reference", say("quotes {number}: no such invoice", number=number))
        if state.remaining > 0 and state.applied == 0:
            state.flags.append("unallocated")
        elif state.remaining > 0:
            state.flags.append("partly_allocated")
