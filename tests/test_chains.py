"""Amendment chains (issue 17, "Also wrong today"): a circle through ``amendsOf`` or a void
note of a void note is refused, the whole file, naming the element; a void note of an invoice
the workspace does not have is kept and the import summary says so."""

from decimal import Decimal

import pytest

from conftest import invoice
from core.errors import ImportFailed
from core.model import Document, DocumentType, Source
from core.rules import chains


def void(number: str, day: str, total: str, of: str) -> dict:
    return invoice(number, day, total, documentType="void_note", amendsOf=of)


def refused(ws, path) -> list[str]:
    with pytest.raises(ImportFailed) as caught:
        ws.imports.import_file(path)
    assert caught.value.kind == "invalid"
    return [str(e) for e in caught.value.errors]


def numbers(ws) -> list[str]:
    return sorted(d.number for d in ws.books.documents())


def test_a_circle_within_the_file_is_refused_naming_the_element(ws, write_invoices):
    path = write_invoices([
        invoice("G000900001", "2026-03-12", "1000.00", amendsOf="G000900002"),
        invoice("G000900002", "2026-04-03", "1000.00", documentType="adjustment_note",
                amendsOf="G000900001"),
    ])  # fmt: skip
    assert refused(ws, path) == [
        f"{path}:items[0]: G000900001 amends G000900002 (items[1]), which amends G000900001: "
        "a circular amendment chain"
    ]
    assert numbers(ws) == []
    assert ws.journal.log() == []  # nothing imported, not even the file's record


def test_a_circle_through_a_nested_amendment_names_both_elements(ws, write_invoices):
    rebill = invoice("G000900002", "2026-04-03", "1000.00", documentType="adjustment_note")
    path = write_invoices([
        invoice("G000900001", "2026-03-12", "1000.00", amendsOf="G000900002",
                amendments=[rebill]),
    ])  # fmt: skip
    assert refused(ws, path) == [
        f"{path}:items[0]: G000900001 amends G000900002 (items[0].amendments[0]), which amends "
        "G000900001: a circular amendment chain"
    ]
    assert numbers(ws) == []


def test_a_circle_closed_with_stored_documents_is_refused(ws, write_invoices):
    first = write_invoices(
        [invoice("G000900011", "2026-03-12", "500.00", amendsOf="G000900013")], "a.json"
    )
    second = write_invoices([
        invoice("G000900012", "2026-03-20", "500.00", documentType="adjustment_note",
                amendsOf="G000900011"),
    ], "b.json")  # fmt: skip
    ws.imports.import_file(first)
    ws.imports.import_file(second)
    closing = write_invoices([
        invoice("G000900020", "2026-04-01", "80.00"),
        invoice("G000900013", "2026-04-12", "500.00", documentType="adjustment_note",
                amendsOf="G000900012"),
    ], "c.json")  # fmt: skip
    assert refused(ws, closing) == [
        f"{closing}:items[1]: G000900013 amends G000900012 (already in the workspace), which "
        "amends G000900011 (already in the workspace), which amends G000900013: a circular "
        "amendment chain"
    ]
    assert numbers(ws) == ["G000900011", "G000900012"]  # nothing of c.json, not even G000900020
    assert ws.books.ledger().balance()["EUR"].amount_due == Decimal("1000.00")


def test_a_void_note_of_a_void_note_is_refused(ws, write_invoices):
    path = write_invoices([
        invoice("G000900001", "2026-03-12", "1000.00"),
        void("G000900002", "2026-04-03", "-1000.00", of="G000900001"),
        void("G000900003", "2026-04-05", "1000.00", of="G000900002"),
    ])  # fmt: skip
    assert refused(ws, path) == [
        f"{path}:items[2]: G000900003 voids G000900002 (items[1]), itself a void note (of "
        "G000900001): a void note cannot be voided"
    ]
    assert numbers(ws) == []


def test_a_void_note_of_a_stored_void_note_is_refused(ws, write_invoices):
    ws.imports.import_file(write_invoices([
        invoice("G000900001", "2026-03-12", "1000.00"),
        void("G000900002", "2026-04-03", "-1000.00", of="G000900001"),
    ], "a.json"))  # fmt: skip
    path = write_invoices([void("G000900003", "2026-04-05", "1000.00", of="G000900002")], "b.json")
    assert refused(ws, path) == [
        f"{path}:items[0]: G000900003 voids G000900002 (already in the workspace), itself a "
        "void note (of G000900001): a void note cannot be voided"
    ]
    assert numbers(ws) == ["G000900001", "G000900002"]


def test_two_void_notes_voiding_each_other_are_one_circle(ws, write_invoices):
    path = write_invoices([
        void("G000900002", "2026-04-03", "-1000.00", of="G000900003"),
        void("G000900003", "2026-04-05", "1000.00", of="G000900002"),
    ])  # fmt: skip
    assert refused(ws, path) == [
        f"{path}:items[0]: G000900002 amends G000900003 (items[1]), which amends G000900002: "
        "a circular amendment chain"
    ]


def test_a_circle_in_a_clerks_invoice_list_names_the_row(ws, write_text):
    path = write_text(
        "invoices.csv",
        "Number,Date,Total,Currency,Document type,Amends\n"
        "G000900031,2026-03-12,100.00,EUR,invoice,\n"
        "G000900032,2026-03-13,200.00,EUR,invoice,G000900033\n"
        "G000900033,2026-03-14,200.00,EUR,adjustment_note,G000900032\n",
    )
    assert refused(ws, path) == [
        f"{path}:3: G000900032 amends G000900033 (row 4), which amends G000900032: a circular "
        "amendment chain"
    ]
    assert numbers(ws) == []


def test_a_void_note_without_its_invoice_is_kept_and_said(ws, write_invoices):
    path = write_invoices([void("G000900005", "2026-04-03", "-1000.00", of="G000900004")])
    done = ws.imports.import_file(path)
    said = (
        "G000900005: void note of G000900004, which is not in the workspace: import the "
        "invoice list that has it"
    )
    assert said in done.result.warnings
    assert f"  note: {said}" in done.lines
    assert numbers(ws) == ["G000900005"]
    assert not ws.books.ledger().invoices["G000900005"].counted  # kept, never owed
    # the invoice list that has the original: it arrives voided, nothing more to say
    later = ws.imports.import_file(
        write_invoices([invoice("G000900004", "2026-03-12", "1000.00")], "later.json")
    )
    assert later.result.warnings == []
    ledger = ws.books.ledger()
    assert (ledger.invoices["G000900004"].status, ledger.invoices["G000900004"].counted) == (
        "voided",
        False,
    )


def test_the_documentation_sample_shape_still_imports(ws, write_invoices):
    # the voided invoice itself marked void_note, its replacement nested (amendsOf it)
    rebill = invoice("G000024131", "2018-02-08", "107661.12", "CHF",
                     documentType="adjustment_note", amendsOf="G000024130")  # fmt: skip
    sample = invoice("G000024130", "2018-02-08", "586366.00", "CHF", documentType="void_note",
                     amendments=[rebill])  # fmt: skip
    done = ws.imports.import_file(write_invoices([sample]))
    assert done.result.warnings == []
    assert numbers(ws) == ["G000024130", "G000024131"]


def test_the_rule_overlays_the_file_on_the_stored_chains():
    def doc(number: str, kind: DocumentType, amends: str | None, element: str) -> Document:
        return Document(number, kind, "EUR", Decimal("1.00"), None, amends=amends,
                        source=Source("f.json", element=element))  # fmt: skip

    stored = {"A": ("invoice", "B"), "B": ("invoice", None)}
    # the file says B now amends A: the stored B (amending nothing) is what it replaces
    file = [doc("B", DocumentType.ADJUSTMENT_NOTE, "A", "items[0]")]
    with pytest.raises(ImportFailed) as caught:
        chains.check("f.json", file, stored)
    assert [str(e) for e in caught.value.errors] == [
        "f.json:items[0]: B amends A (already in the workspace), which amends B: a circular "
        "amendment chain"
    ]
    # the file says A amends nothing any more: no circle
    assert chains.check("f.json", [doc("A", DocumentType.INVOICE, None, "items[0]")],
                        {"A": ("invoice", "B"), "B": ("invoice", "A")}) == []  # fmt: skip
    assert chains.void_without_original("G2", "G1") == (
        "G2: void note of G1, which is not in the workspace: import the invoice list that has it"
    )
