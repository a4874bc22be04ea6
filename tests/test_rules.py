"""The pure rules the services ask: settling from several sources (all or nothing), credit
notes applied by Microsoft's rule, the amounts the allocation dialog is offered, what a file
brings merged with what is stored.  No database here."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.allocation import AllocationRefused
from core.errors import ImportFailed
from core.ledger import compute
from core.model import Allocation, Document, DocumentType, Payment, Reference, Source, SourceKind
from core.rules.allocating import propose, settle_requests
from core.rules.in_time import Facts, check_in_time
from core.rules.merge import merge_documents, merge_payments
from tests.test_properties import allocate_all, workspaces

D = Decimal


def inv(number, total, day, currency="EUR", kind=DocumentType.INVOICE, amends=None):
    return Document(number, kind, currency, D(total), day, amends=amends)


def pay(pid, amount, day, currency="EUR", reference="", refs=()):
    return Payment(pid, day, D(amount), currency, reference,
                   references=tuple(Reference(n, None) for n in refs))  # fmt: skip


MARCH = date(2026, 3, 12)


def void_and_rebill():
    return [
        inv("G000900001", "1000.00", MARCH),
        inv("G000900002", "-1000.00", date(2026, 4, 3), kind=DocumentType.VOID_NOTE,
            amends="G000900001"),
        inv("G000900003", "1000.00", date(2026, 4, 3), amends="G000900001"),
        inv("G000800001", "250.00", date(2026, 2, 1)),
    ]  # fmt: skip


# ---------------------------------------------------------------- settle: all or nothing


def settle(facts, invoice, sources):
    return check_in_time(facts, settle_requests(invoice, sources))


def test_settle_from_two_payments_checks_the_second_against_what_the_first_took():
    facts = Facts([inv("G1", "300.00", MARCH)], [pay("P1", "200.00", MARCH),
                                                 pay("P2", "200.00", MARCH)], [])  # fmt: skip
    planned = settle(facts, "G1", [("P1", "200.00"), ("P2", "100.00")])
    assert [(p.source_id, p.invoice, p.amount) for p in planned] == [
        ("P1", "G1", D("200.00")), ("P2", "G1", D("100.00"))]  # fmt: skip
    said = r"G1 still owes 100\.00 EUR; cannot allocate 100\.01"
    with pytest.raises(AllocationRefused, match=said):
        settle(facts, "G1", [("P1", "200.00"), ("P2", "100.01")])


def test_settle_refuses_a_thousandth_of_a_euro():
    facts = Facts([inv("G1", "300.00", MARCH)], [pay("P1", "200.00", MARCH),
                                                 pay("P2", "200.00", MARCH)], [])  # fmt: skip
    with pytest.raises(AllocationRefused, match="G1"):
        settle(facts, "G1", [("P1", "100.00"), ("P2", "0.001")])


def test_a_source_named_twice_sees_what_its_first_amount_took():
    facts = Facts([inv("G1", "300.00", MARCH)], [pay("P1", "200.00", MARCH)], [])
    with pytest.raises(AllocationRefused, match=r"P1 has 100\.00 EUR left"):
        check_in_time(facts, [("P1", [("G1", "100.00")]), ("P1", [("G1", "100.01")])])


def test_an_earlier_payment_may_not_squeeze_an_allocation_recorded_for_a_later_one():
    """P2 (dated later) was given 250.00 of G1's 300.00; P1, dated earlier, pays first in
    time: 100.00 would leave P2's allocation short, so it is refused; 50.00 fits."""
    docs = [inv("G1", "300.00", MARCH)]
    pays = [pay("P1", "200.00", MARCH), pay("P2", "250.00", MARCH + timedelta(days=5))]
    facts = Facts(docs, pays, [Allocation(1, SourceKind.PAYMENT, "P2", "G1", D("250.00"))])
    with pytest.raises(AllocationRefused, match=r"G1 still owes 50\.00 EUR; cannot allocate 100"):
        check_in_time(facts, [("P1", [("G1", "100.00")])])
    assert [p.amount for p in check_in_time(facts, [("P1", [("G1", "50.00")])])] == [D("50.00")]


@settings(max_examples=150, deadline=None)
@given(workspaces(), st.data())
def test_sources_checked_together_never_leave_anything_over_allocated(w, data):
    docs, pays, attempts, _ = w
    recorded = allocate_all(docs, pays, attempts)
    facts = Facts(docs, pays, recorded)
    amounts = st.integers(1, 400_000).map(lambda c: D(c).scaleb(-2))
    sources = st.sampled_from([s for s, _, _ in attempts] or ["P0"])
    invoices = st.sampled_from([d.number for d in docs])
    drawn = data.draw(st.lists(st.tuples(sources, invoices, amounts), max_size=4))
    try:
        planned = check_in_time(facts, [(s, [(t, a)]) for s, t, a in drawn])
    except AllocationRefused:
        planned = []
    # the allocations recorded give a ledger where every allocation is applied whole
    allocs = [Allocation(i + 1000, p.source_kind, p.source_id, p.aimed_at, p.amount)
              for i, p in enumerate(planned)]  # fmt: skip
    after = compute(docs, pays, recorded + allocs)
    for src in [*after.payments.values(), *after.credits.values()]:
        assert all(a.applied == a.allocation.amount for a in src.allocations), src.id


# ---------------------------------------------------------------- credit notes


def test_credits_apply_on_their_dates_and_later_ones_see_what_earlier_took():
    docs = [
        inv("G1", "100.00", date(2026, 1, 10)),
        inv("G2", "100.00", date(2026, 2, 10)),
        inv("C1", "-150.00", date(2026, 2, 20), kind=DocumentType.CREDIT_NOTE),
        inv("C2", "-80.00", date(2026, 3, 1), kind=DocumentType.CREDIT_NOTE),
    ]
    ledger = compute(docs, [], [], automatic={"C1", "C2"})
    applied = [(a.allocation.source_id, a.target, a.applied)
               for c in ("C1", "C2") for a in ledger.credits[c].allocations]  # fmt: skip
    assert applied == [("C1", "G2", D("100.00")), ("C1", "G1", D("50.00")),
                       ("C2", "G1", D("50.00"))]  # fmt: skip
    assert ledger.credits["C2"].remaining == D("30.00")


# ---------------------------------------------------------------- the dialog's proposal


def test_a_payment_quoting_a_voided_invoice_is_offered_on_its_rebill_first():
    pays = [pay("P1", "400.00", date(2026, 4, 20), reference="Invoice G000900001")]
    ledger = compute(void_and_rebill(), pays, [], as_of=date(2026, 4, 30))
    assert propose(ledger, "P1", pays[0]) == [("G000900003", D("400.00")),
                                              ("G000800001", D("0.00"))]  # fmt: skip


def test_without_a_reference_the_oldest_due_comes_first_up_to_what_is_left():
    pays = [pay("P1", "1100.00", date(2026, 4, 20))]
    ledger = compute(void_and_rebill(), pays, [], as_of=date(2026, 4, 30))
    assert propose(ledger, "P1", pays[0]) == [("G000800001", D("250.00")),
                                              ("G000900003", D("850.00"))]  # fmt: skip


# ---------------------------------------------------------------- merging what a file brings


def test_the_same_transfer_from_a_second_file_is_kept_once_with_both_sources():
    stored = [Payment("P1", date(2026, 3, 2), D("500.00"), "EUR", "G000100001",
                      source=Source("payments.csv", row=2))]  # fmt: skip
    where = Source("statement.xml", element="Ntry[1]")
    bank = Payment("", date(2026, 3, 3), D("500.00"), "EUR", "VIR G000100001",
                   bank_reference="REF-9", source=where)  # fmt: skip
    merged = merge_payments("statement.xml", [bank], stored, set())
    assert merged.new == [] and merged.unchanged == 1
    assert merged.twins[0].twin.id == "P1" and merged.twins[0].learnt == {"bank_reference": "REF-9"}
    assert merged.warnings == [
        "statement.xml:Ntry[1]: the same transfer as P1 (payments.csv:2): kept once, both "
        "sources recorded"
    ]


def test_two_equal_rows_of_one_file_are_two_transfers_with_the_next_numbers():
    stored = [Payment("P7", date(2026, 1, 2), D("10.00"), "EUR", "x")]
    row = Payment("", date(2026, 3, 3), D("20.00"), "EUR", "same")
    merged = merge_payments("p.csv", [row, row], stored, set())
    assert [n.id for n in merged.new] == ["P8", "P9"]
    again = merge_payments("p.csv", [row, row], stored, {n.fingerprint for n in merged.new})
    assert (again.new, again.unchanged) == ([], 2)


def test_a_document_twice_in_one_file_or_in_another_currency_is_refused():
    doc = inv("G1", "100.00", MARCH)
    with pytest.raises(ImportFailed) as twice:
        merge_documents("f.json", [(doc, {"currency": "EUR"}), (doc, {"currency": "EUR"})], {})
    assert [e.message for e in twice.value.errors] == ["document G1 appears twice"]
    stored = {"G1": {"currency": "USD", "date": MARCH, "total": D("100.00")}}
    with pytest.raises(ImportFailed) as other:
        merge_documents("f.json", [(doc, {"currency": "EUR", "date": MARCH,
                                          "total": D("100.00")})], stored)  # fmt: skip
    assert [(e.message, e.column) for e in other.value.errors] == [
        ("G1 is already in the workspace in USD, here in EUR", "currencyCode")]  # fmt: skip


def test_a_header_for_an_invoice_known_from_its_lines_updates_it_and_says_so():
    doc = inv("G1", "100.00", MARCH)
    values = {"currency": "EUR", "date": MARCH, "total": D("100.00"), "source_file": "b"}
    stored = {"G1": {"currency": "EUR", "date": None, "total": D("99.99"), "source_file": "a"}}
    merged = merge_documents("f.json", [(doc, values)], stored)
    assert [u[0].number for u in merged.updated] == ["G1"]
    assert merged.warnings == ["G1: header arrived; its date is now known"]
    same = merge_documents("f.json", [(doc, values)], {"G1": {**values, "source_file": "z"}})
    assert (same.new, same.updated, same.unchanged) == ([], [], 1)


def test_money_on_a_voided_invoice_moves_to_its_rebill_from_the_void_date():
    """DOMAIN.md: before its void exists the original carries its payments."""
    pays = [pay("P1", "400.00", date(2026, 3, 20))]
    allocs = [Allocation(1, SourceKind.PAYMENT, "P1", "G000900001", D("400.00"))]
    after = compute(void_and_rebill(), pays, allocs, as_of=date(2026, 4, 30))
    assert after.invoices["G000900003"].open == D("600.00")
    assert after.payments["P1"].remaining == D("0.00")
    before = date(2026, 3, 31) + timedelta(days=0)
    assert compute(void_and_rebill(), pays, allocs, as_of=before).invoices["G000900001"].counted


# ---------------------------------------------------------------- one transfer, two statements

IBAN = "FR76 3000 3000 5012 3456 7890 143"


def line(account, reference, bank_reference, day=MARCH, amount="1000.00", pid=""):
    return Payment(pid, day, D(amount), "EUR", reference, bank_account=account,
                   bank_reference=bank_reference, source=Source("b.cfo", row=2))  # fmt: skip


def test_accounts_agree_written_apart_or_as_the_account_number_inside_its_iban():
    from core.references import other_accounts, same_account

    assert same_account(IBAN, "FR7630003000501234567890143")
    assert same_account("12345678901", IBAN)  # CFONB's account number inside the IBAN
    assert not same_account("98765432109", IBAN)
    assert not same_account("", IBAN) and not same_account("123", "FR76123")
    assert other_accounts("98765432109", IBAN)
    assert not other_accounts("12345678901", IBAN)
    assert not other_accounts("", IBAN) and not other_accounts("Compte courant", IBAN)


def test_the_same_statement_line_numbered_apart_by_two_formats():
    from core.references import same_entry

    camt = line(IBAN, "G000000001", "E2E-0001")
    assert same_entry(camt, line("12345678901", "VIR MICROSOFT G000000001", "0000001 BANK-1"))
    assert same_entry(line(IBAN, "ACOMPTE", "E2E-5"), line("x", "VIR MICROSOFT ACOMPTE", "7"))
    assert not same_entry(camt, line(IBAN, "G000000002", "E2E-0001"))  # another invoice
    assert not same_entry(camt, line(IBAN, "G000000001", "E", day=MARCH + timedelta(days=1)))
    assert not same_entry(camt, line(IBAN, "G000000001", "E", amount="1000.01"))
    assert not same_entry(line(IBAN, "ACOMPTE", "1"), line(IBAN, "SOLDE", "2"))


def test_a_second_statement_of_the_same_account_is_a_second_source():
    stored = [line(IBAN, "G000000001", "E2E-0001", pid="P1")]
    cfonb = line("12345678901", "VIR MICROSOFT G000000001", "0000001 BANK-0001")
    merged = merge_payments("b.cfo", [cfonb], stored, set())
    assert (merged.new, merged.unchanged) == ([], 1)
    (twin,) = merged.twins
    assert (twin.twin.id, twin.probable) == ("P1", False)
    assert merged.warnings == [
        "b.cfo:2: the same transfer as P1 (b.cfo:2): kept once, both sources recorded"
    ]


def test_another_account_is_a_probable_duplicate_kept_once_unless_listed_with_its_own_id():
    stored = [line(IBAN, "G000000001", "E2E-0001", pid="P1")]
    other = line("98765432109", "VIR MICROSOFT G000000001", "0000001 BANK-0001")
    merged = merge_payments("b.cfo", [other], stored, set())
    assert (merged.new, merged.unchanged) == ([], 1)
    (twin,) = merged.twins
    assert (twin.twin.id, twin.probable, twin.learnt, twin.references) == ("P1", True, {}, False)
    assert merged.warnings == [
        "b.cfo:2: probable duplicate of P1 (b.cfo:2; account 98765432109 vs "
        f"{IBAN}): the same date, amount and reference, kept once, recorded as a second "
        "source of P1; if they are two transfers, import this one from a payments list with an "
        "Id of its own and its bank account"
    ]
    listed = line("98765432109", "G000000001", "", pid="B-1")
    kept = merge_payments("list.csv", [listed], stored, set())
    assert [n.id for n in kept.new] == ["B-1"] and kept.twins == []


def test_the_same_account_is_preferred_to_a_nearer_probable_duplicate():
    stored = [line("98765432109", "G000000001", "A", pid="P1"),
              line(IBAN, "G000000001", "", pid="P2", day=MARCH - timedelta(days=2))]  # fmt: skip
    incoming = line("12345678901", "G000000001", "C")
    (twin,) = merge_payments("b.cfo", [incoming], stored, set()).twins
    assert (twin.twin.id, twin.probable) == ("P2", False)
