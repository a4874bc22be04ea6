"""Suggested allocations: each evidence rule with exact proposals, a corpus with known answers,
and accept / reject through the workspace and the command line."""

from datetime import date
from decimal import Decimal as D

import pytest

from core.ledger import compute
from core.model import Allocation, Document, DocumentType, Payment, SourceKind
from core.suggestions import Suggester, loose_references
from tests.suggestion_corpus import generate, score

INV, CREDIT = DocumentType.INVOICE, DocumentType.CREDIT_NOTE


def doc(number, total, day, kind=INV, currency="EUR"):
    return Document(number, kind, currency, D(total), date.fromisoformat(day))


def pay(pid, amount, day, ref="", currency="EUR"):
    return Payment(pid, date.fromisoformat(day), D(amount), currency, ref)


def answer(docs, payment, allocations=()):
    return Suggester(compute(docs, [payment], list(allocations))).answer(payment)


def first(a):
    s = a.suggestions[0]
    return s.kind, [(ln.source, ln.invoice, str(ln.amount)) for ln in s.lines]


KNOWN = {"G000100002", "G000100008", "G000100009", "G000100010", "D030001BMQ"}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("VIR G 000 100 002 MERCI", [("G000100002", "G 000 100 002")]),
        ("facture g000100002", [("G000100002", "g000100002")]),
        ("INV-G000100002", [("G000100002", "G000100002")]),
        ("INVG000100002", [("G000100002", "INVG000100002")]),
        ("REF GOOO1OOOO2", [("G000100002", "GOOO1OOOO2")]),  # O for 0
        ("REF G0001000O2 AND GI00100002", [("G000100002", "G0001000O2")]),
        ("PAIEMENT G000100\n002 MICROSOFT", [("G000100002", "G000100\n002")]),
        (
            "FACTURES G000100008/09",
            [("G000100008", "G000100008"), ("G000100009", "G000100008/09")],
        ),
        (
            "G000100008/09/10",
            [
                ("G000100008", "G000100008"),
                ("G000100009", "G000100008/09"),
                ("G000100010", "G000100008/09/10"),
            ],
        ),
        ("legacy d030001bmq", [("D030001BMQ", "d030001bmq")]),
        ("000100002 sans lettre", [("G000100002", "000100002")]),
        ("G000100002300,00 EUR", []),  # digits run on: not a number we know
        ("G000100003 unknown, 12/2026", []),
    ],
)
def test_references_written_loosely_are_found(text, found):
    assert loose_references(text, KNOWN) == found


def test_a_loose_reference_is_proposed_with_how_it_was_written():
    docs = [doc("G000100002", "1215.40", "2026-07-25"), doc("G000100003", "300.00", "2026-07-25")]
    a = answer(docs, pay("P1", "1215.40", "2026-09-20", "MSFT G 000 100 002"))
    assert first(a) == ("reference", [("P1", "G000100002", "1215.40")])
    s = a.suggestions[0]
    assert s.score == 100  # the reference and the amount both point at it
    assert "the remittance text quotes G000100002 (written 'G 000 100 002')" in s.reasons
    assert "the payment, 1215.40 EUR, is exactly what the quoted invoice(s) still owe" in s.reasons


def test_a_list_of_two_invoices_splits_the_payment_in_the_order_quoted():
    docs = [doc("G000100008", "600.00", "2026-08-24"), doc("G000100009", "400.00", "2026-08-24")]
    a = answer(docs, pay("P1", "1000.00", "2026-10-20", "FACTURES G000100008/09"))
    assert first(a) == ("reference", [("P1", "G000100008", "600.00"),
                                      ("P1", "G000100009", "400.00")])  # fmt: skip


def test_a_payment_equal_to_one_open_amount_after_a_partial_payment():
    docs = [doc("G1", "1000.00", "2026-06-01"), doc("G2", "250.00", "2026-06-01")]
    earlier = pay("P0", "600.00", "2026-07-01", "G1")
    allocations = [Allocation(1, SourceKind.PAYMENT, "P0", "G1", D("600.00"))]
    p = pay("P1", "400.00", "2026-08-02", "MICROSOFT IRELAND")
    led = compute(docs, [earlier, p], allocations)
    a = Suggester(led).answer(p)
    assert first(a) == ("amount", [("P1", "G1", "400.00")])
    assert a.suggestions[0].reasons[0] == (
        "the payment, 400.00 EUR, equals what G1 still owes after earlier payments and credits"
    )
    assert a.suggestions[0].reasons[1] == (
        "issued 2026-06-01, before the payment; due 2026-07-31, 2 day(s) before the payment"
    )


def test_equal_amounts_prefer_the_invoice_due_nearest_the_payment():
    docs = [doc("G1", "500.00", "2026-01-10"), doc("G2", "500.00", "2026-06-10"),
            doc("G3", "500.00", "2026-12-01")]  # fmt: skip
    a = answer(docs, pay("P1", "500.00", "2026-08-12"))
    assert [s.lines[0].invoice for s in a.suggestions] == ["G2", "G1"]  # G3: issued after
    assert "2 open EUR invoices owe this amount" in a.suggestions[0].reasons[-1]


def test_a_combination_of_one_billing_run_preferring_fewer_and_older_invoices():
    docs = [doc("G1", "100.00", "2026-08-01"), doc("G2", "250.00", "2026-08-01"),
            doc("G3", "150.00", "2026-08-01"), doc("G4", "200.00", "2026-08-01"),
            doc("G5", "350.00", "2026-03-01")]  # fmt: skip
    a = answer(docs, pay("P1", "450.00", "2026-10-01"))
    kind, lines = first(a)
    assert kind == "combination"
    assert lines == [("P1", "G2", "250.00"), ("P1", "G4", "200.00")]  # two, not three
    assert "one billing run: all issued 2026-08-01" in a.suggestions[0].reasons
    assert all(len(s.lines) <= 3 for s in a.suggestions)


def test_a_payment_equal_to_an_invoice_less_an_unapplied_credit_note():
    docs = [doc("G1", "1000.00", "2026-08-01"), doc("C1", "-150.00", "2026-08-20", CREDIT)]
    a = answer(docs, pay("P1", "850.00", "2026-09-30"))
    assert first(a) == ("credit", [("C1", "G1", "150.00"), ("P1", "G1", "850.00")])
    assert "less credit note C1 (150.00 EUR not yet applied)" in a.suggestions[0].reasons[0]


def test_the_wrong_currency_is_never_proposed_but_flagged_with_the_invoice_meant():
    docs = [doc("G1", "2000.00", "2026-08-01"), doc("G2", "2000.00", "2026-08-01", currency="USD")]
    a = answer(docs, pay("P1", "2000.00", "2026-09-30", "VIR G1", currency="GBP"))
    assert a.suggestions == [] and a.flags == ["wrong_currency"]
    assert a.notes[0].startswith("the text quotes G1, billed in EUR (2000.00 EUR open), but the "
                                 "payment is in GBP: it was probably meant for G1")  # fmt: skip
    b = answer(docs[:1], pay("P2", "2000.00", "2026-09-30", "NO REFERENCE", currency="USD"))
    assert b.suggestions == [] and "the amount is exactly what G1 owes" in b.notes[0]


def test_no_evidence_falls_back_to_oldest_due_first_and_says_so():
    docs = [doc("G1", "100.00", "2026-05-01"), doc("G2", "300.00", "2026-04-01")]
    a = answer(docs, pay("P1", "333.33", "2026-07-15"))
    assert first(a) == ("fallback", [("P1", "G2", "300.00"), ("P1", "G1", "33.33")])
    assert a.suggestions[0].reasons[0].startswith("fallback: no invoice number, amount or date")
    assert a.suggestions[0].score == 10


def test_a_payment_with_nothing_open_in_its_currency_is_still_answered():
    a = answer([doc("G1", "100.00", "2026-05-01")], pay("P1", "7.00", "2026-07-15", "", "CHF"))
    assert a.answered and a.suggestions == [] and a.notes == ["no open CHF invoice to suggest"]


def test_rejected_suggestions_are_not_proposed_again():
    docs = [doc("G1", "500.00", "2026-06-10"), doc("G2", "500.00", "2026-06-11")]
    p = pay("P1", "500.00", "2026-08-10")
    led = compute(docs, [p], [])
    top = Suggester(led).answer(p).suggestions[0]
    again = Suggester(led, rejected={("P1", top.signature)}).answer(p)
    assert top.signature not in [s.signature for s in again.suggestions]
    assert again.suggestions[0].lines[0].invoice != top.lines[0].invoice


def test_generated_corpus_first_proposals_are_right():
    corpus = generate(payments=1000, invoices=6000, seed=7)
    led = compute(corpus.documents, corpus.payments, [])
    answers = Suggester(led).answers(corpus.payments)
    assert len(answers) == 1000 and all(a.answered for a in answers)
    right, wrong, wrong_currency = score(corpus, answers)
    assert wrong_currency == 0
    assert right >= 980, [(w, corpus.kinds[w]) for w in wrong]


# ------------------------------------------------------------------ workspace and CLI


def test_suggest_accept_and_reject_from_the_command_line(cli, cli_json, write_invoices,
                                                         write_text):  # fmt: skip
    from conftest import invoice

    cli("import", write_invoices([
        invoice("G000000001", "2026-08-01", "1000.00"),
        invoice("G000000002", "2026-08-01", "500.00"),
        invoice("G000000003", "2026-08-01", "250.00"),
    ]))  # fmt: skip
    cli("import", write_text("pay.csv", "Date;Montant;Devise;Libellé\n"
                             "28/09/2026;1 250,00;EUR;MSFT g 000 000 001 et 003\n"
                             "30/09/2026;500,00;EUR;VIREMENT MICROSOFT\n"))  # fmt: skip
    answers = {a["payment"]: a for a in cli_json("suggest")}
    p1 = answers["P1"]["suggestions"][0]
    assert p1["kind"] == "reference"
    assert [(ln["invoice"], ln["amount"]) for ln in p1["lines"]] == [("G000000001", "1000.00")]
    assert "250.00 EUR would stay unallocated" in p1["reasons"]
    p2 = answers["P2"]["suggestions"][0]
    assert (p2["kind"], p2["lines"][0]["invoice"], p2["lines"][0]["amount"]) == (
        "amount", "G000000002", "500.00")  # fmt: skip
    assert cli_json("suggest", "P2")[0]["suggestions"][0]["id"] == p2["id"]

    code, out, err = cli("reject", p1["id"])
    assert code == 0, err
    assert p1["id"] not in [s["id"] for s in cli_json("suggest", "P1")[0]["suggestions"]]

    result = cli_json("accept", p2["id"])
    assert len(result["allocations"]) == 1
    invoices = {i["number"]: i for i in cli_json("invoices")}
    assert invoices["G000000002"]["open"] == "0.00"
    assert "P2" not in [a["payment"] for a in cli_json("suggest")]
    (settled,) = cli_json("suggest", "P2")
    assert settled["suggestions"] == [] and settled["notes"] == [
        "fully allocated: nothing to suggest"
    ]
    code, _out, err = cli("suggest", "P9")
    assert code == 2 and "no payment 'P9'" in err
    code, _out, err = cli("accept", p2["id"])
    assert code == 2 and "no suggestion" in err  # nothing twice
    code, _out, _err = cli("undo")
    assert code == 0 and cli_json("invoices")[1]["open"] == "500.00"
