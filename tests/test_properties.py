"""Money and allocation invariants, over random ledgers and random allocation attempts."""

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from core import allocation as rules
from core.ledger import compute
from core.model import Allocation, Document, DocumentType, Payment, SourceKind

START = date(2026, 1, 1)
cents = st.integers(min_value=1, max_value=500_000).map(lambda c: Decimal(c).scaleb(-2))
currencies = st.sampled_from(["EUR", "USD"])


@st.composite
def workspaces(draw):
    n_inv = draw(st.integers(1, 6))
    docs = []
    for i in range(n_inv):
        docs.append(
            Document(
                f"G{i}",
                DocumentType.INVOICE,
                draw(currencies),
                draw(cents),
                START + timedelta(days=draw(st.integers(0, 90))),
            )
        )
    # maybe void and rebill one of them
    if draw(st.booleans()):
        victim = docs[draw(st.integers(0, n_inv - 1))]
        d = victim.date + timedelta(days=draw(st.integers(0, 10)))
        docs.append(
            Document(
                "V1",
                DocumentType.VOID_NOTE,
                victim.currency,
                -victim.total,
                d,
                amends=victim.number,
            )
        )
        if draw(st.booleans()):
            docs.append(
                Document(
                    "R1",
                    DocumentType.INVOICE,
                    victim.currency,
                    draw(cents),
                    d,
                    amends=victim.number,
                )
            )
    for i in range(draw(st.integers(0, 2))):
        docs.append(
            Document(
                f"C{i}",
                DocumentType.CREDIT_NOTE,
                draw(currencies),
                -draw(cents),
                START + timedelta(days=draw(st.integers(0, 120))),
            )
        )
    pays = [
        Payment(
            f"P{i}",
            START + timedelta(days=draw(st.integers(0, 120))),
            draw(cents),
            draw(currencies),
        )
        for i in range(draw(st.integers(0, 4)))
    ]
    sources = [p.id for p in pays] + [d.number for d in docs if d.is_credit]
    targets = [d.number for d in docs]
    attempts = draw(
        st.lists(
            st.tuples(
                st.sampled_from(sources) if sources else st.just("P0"),
                st.sampled_from(targets),
                cents,
            ),
            max_size=12,
        )
    )
    as_of = START + timedelta(days=draw(st.integers(0, 150)))
    return docs, pays, attempts, as_of


def allocate_all(docs, pays, attempts):
    """Commit every attempt the rules accept, as the workspace does."""
    allocations: list[Allocation] = []
    for source, target, amount in attempts:
        ledger = compute(docs, pays, allocations)
        try:
            planned = rules.check(ledger, source, [(target, amount)])
        except rules.AllocationRefused:
            continue
        for p in planned:
            allocations.append(
                Allocation(len(allocations) + 1, p.source_kind, p.source_id, p.invoice, p.amount)
            )
    return allocations


@settings(max_examples=150, deadline=None)
@given(workspaces())
def test_allocations_never_exceed_source_or_invoice_and_open_is_never_negative(w):
    docs, pays, attempts, as_of = w
    allocations = allocate_all(docs, pays, attempts)
    for when in (None, as_of):
        led = compute(docs, pays, allocations, as_of=when)
        for inv in led.invoices.values():
            assert inv.open >= 0
            if inv.counted:
                assert inv.applied + inv.open == inv.document.total
                assert inv.applied <= inv.document.total
            else:
                assert inv.applied == 0
        for src in [*led.payments.values(), *led.credits.values()]:
            assert 0 <= src.applied <= src.amount


@settings(max_examples=150, deadline=None)
@given(workspaces())
def test_amount_due_is_counted_invoices_minus_allocated_payments_minus_applied_credits(w):
    docs, pays, attempts, as_of = w
    allocations = allocate_all(docs, pays, attempts)
    led = compute(docs, pays, allocations, as_of=as_of)
    expected: dict[str, Decimal] = defaultdict(Decimal)
    for inv in led.invoices.values():
        if inv.counted:
            expected[inv.document.currency] += inv.document.total
    for src in [*led.payments.values(), *led.credits.values()]:
        expected[src.currency] -= src.applied
    for cur, bal in led.balance().items():
        assert bal.amount_due == expected[cur]
        assert bal.unallocated_payments == sum(
            (p.remaining for p in led.payments.values() if p.currency == cur), Decimal(0)
        )


@settings(max_examples=100, deadline=None)
@given(workspaces())
def test_credit_application_never_overshoots(w):
    docs, pays, attempts, _ = w
    led = compute(docs, pays, allocate_all(docs, pays, attempts))
    for number, credit in led.credits.items():
        plans = rules.plan_credit(led, number)
        assert sum((p.amount for p in plans), Decimal(0)) <= credit.remaining
        for p in plans:
            assert p.amount <= led.invoices[p.invoice].open
            assert p.source_kind == SourceKind.CREDIT
