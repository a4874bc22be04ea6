"""Our books against Microsoft's (issue 17): Microsoft's reported paid amount as a status kept
with the day of its download, ``agree`` and each of its reasons, the alert without a mark,
the calendar's received invoices and due dates, a void note without its original, and the
request e-mail to bposcapp@microsoft.com (text and draft .eml)."""

from __future__ import annotations

import email
import json
from datetime import date
from decimal import Decimal
from email import policy

import pytest

from conftest import invoice
from core.rules.agree import View, latest, view_date

D = date
PAYMENTS = (
    "Date,Amount,Currency,Reference\n"
    "2026-03-02,1000.00,EUR,G000000001\n"  # P1: past its 5 business days on 20 March
    "2026-03-18,500.00,EUR,G000000002\n"  # P2: still inside them
    "2026-03-02,200.00,EUR,G000000004\n"  # P3: to a disputed invoice
    "2026-03-02,250.00,EUR,G000000006\n"  # P4: Microsoft shows it
    "2026-03-12,700.00,EUR,VIREMENT\n"  # P5: no invoice quoted, not allocated
)


def download(paid: dict[str, str] | None = None) -> list[dict]:
    """The invoice list as Partner Center reports it, with ``paidAmount`` per invoice."""
    paid = paid or {}
    items = [
        invoice("G000000001", "2026-02-02", "1000.00"),
        invoice("G000000002", "2026-02-02", "500.00"),
        invoice("G000000003", "2026-02-20", "300.00"),  # the newest: the credit lands here
        invoice("G000000004", "2026-02-10", "200.00"),
        invoice("G000000005", "2026-02-10", "400.00"),
        invoice("G000000006", "2026-02-10", "250.00"),
        invoice("G000000007", "2026-03-10", "-100.00", documentType="credit_note"),
    ]
    for item in items:
        item["paidAmount"] = Decimal(paid.get(item["id"], "0"))
    return items


MARCH_20 = {"G000000004": "150.00", "G000000005": "100.00", "G000000006": "250.00"}


@pytest.fixture
def books(ws, write_invoices, write_text):
    """Six invoices and a credit note downloaded on 20 March, five payments, one dispute."""
    ws.imports.import_file(write_invoices(download(MARCH_20), "invoices 2026-03-20.json"))
    ws.imports.import_file(write_text("payments.csv", PAYMENTS))
    ws.allocations.auto_allocate(apply=True)
    ws.claims.open_dispute("G000000004", "50.00", "two licences too many", on=D(2026, 3, 15))
    return ws


# ------------------------------------------------------------------ Microsoft's view


def test_the_day_a_view_was_taken_is_the_files_when_it_says_one():
    today = D(2026, 11, 28)
    assert view_date("invoices 2026-07-20.json", today) == D(2026, 7, 20)
    assert view_date("Invoices_20260720.json", today) == D(2026, 7, 20)
    assert view_date("invoices.json", today) == today
    assert view_date("invoices-2026-02-30.json", today) == today  # not a date
    assert view_date("invoices-2027-01-05.json", today) == today  # not yet
    # older than the newest invoice it lists: not the day it was downloaded
    assert view_date("invoices-2026-07-20.json", today, newest=D(2026, 8, 1)) == today
    views = [View("G1", Decimal("0.00"), D(2026, 7, 10)), View("G1", Decimal("500.00"),
                                                                D(2026, 7, 20))]  # fmt: skip
    assert latest(views, D(2026, 7, 15))["G1"].paid == Decimal("0.00")
    assert latest(views, D(2026, 7, 20))["G1"].paid == Decimal("500.00")
    assert latest(views, D(2026, 7, 1)) == {}


def test_a_later_download_changes_microsofts_view_not_the_invoice(ws, write_invoices, cli_json):
    first = [invoice("G000900011", "2026-06-08", "800.00", "USD")]
    ws.imports.import_file(write_invoices(first, "invoices 2026-07-10.json"))
    later = [invoice("G000900011", "2026-06-08", "800.00", "USD", paidAmount=Decimal("500.00")),
             invoice("G000900012", "2026-07-15", "-500.00", "USD",
                     documentType="credit_note")]  # fmt: skip
    done = ws.imports.import_file(write_invoices(later, "invoices 2026-07-20.json"))
    summary = done.result
    assert (dict(summary.created), dict(summary.updated), dict(summary.unchanged)) == (
        {"documents": 1}, {}, {"documents": 1})  # fmt: skip
    assert "1 documents created, 1 documents unchanged" in done.lines[0]
    assert "  note: Microsoft's view as of 2026-07-20: the paid amount of 1 invoice(s) " \
           "changed (G000900011), not the invoices themselves" in done.lines  # fmt: skip
    assert [(v.paid, v.seen_on) for v in ws.agree.views("G000900011")] == [
        (Decimal("0.00"), D(2026, 7, 10)), (Decimal("500.00"), D(2026, 7, 20))]  # fmt: skip
    (g11,) = [i for i in cli_json("invoices") if i["number"] == "G000900011"]
    assert g11["paid_amount_reported"] == "500.00"
    ws.journal.undo()  # the later download goes, and with it Microsoft's later view
    assert [(v.paid, v.seen_on) for v in ws.agree.views("G000900011")] == [
        (Decimal("0.00"), D(2026, 7, 10))]  # fmt: skip
    (g11,) = cli_json("invoices")
    assert g11["paid_amount_reported"] == "0.00"
    assert ws.agree.compare(D(2026, 7, 20)).view_of == D(2026, 7, 10)


def test_a_file_without_paid_amounts_keeps_microsofts_view(ws, write_invoices, write_text):
    ws.imports.import_file(write_invoices([invoice("G000000001", "2026-02-02", "1000.00",
                                                   paidAmount=Decimal("400.00"))]))  # fmt: skip
    listed = write_text("list.csv", "Number,Date,Total,Currency\nG000000001,2026-02-02,1000.00,"
                                    "EUR\n")  # fmt: skip
    ws.imports.import_file(listed)
    (doc,) = ws.books.documents()
    assert doc.paid_amount_reported == Decimal("400.00")
    assert len(ws.agree.views()) == 1


# ------------------------------------------------------------------ agree


def test_agree_gives_each_difference_its_reason_and_the_totals(books, cli, cli_json):
    said = cli_json("agree", "--as-of", "2026-03-20")
    assert said == {
        "as_of": "2026-03-20",
        "microsoft_view_of": "2026-03-20",
        "invoices": [
            {"number": "G000000001", "currency": "EUR", "ours_paid": "1000.00",
             "microsoft_paid": "0.00", "difference": "1000.00",
             "reason": "unallocated_at_microsoft", "payments": ["P1"]},
            {"number": "G000000002", "currency": "EUR", "ours_paid": "500.00",
             "microsoft_paid": "0.00", "difference": "500.00", "reason": "in_processing",
             "payments": ["P2"]},
            {"number": "G000000003", "currency": "EUR", "ours_paid": "100.00",
             "microsoft_paid": "0.00", "difference": "100.00", "reason": "credit_not_applied",
             "payments": ["G000000007"]},
            {"number": "G000000004", "currency": "EUR", "ours_paid": "200.00",
             "microsoft_paid": "150.00", "difference": "50.00", "reason": "disputed",
             "payments": ["P3"]},
            {"number": "G000000005", "currency": "EUR", "ours_paid": "0.00",
             "microsoft_paid": "100.00", "difference": "-100.00", "reason": "unexplained",
             "payments": []},
        ],  # G000000006: Microsoft shows P4, no difference, not listed
        "totals": {"EUR": {"ours_due": "600.00", "microsoft_due": "2150.00",
                           "difference": "1550.00"}},
    }  # fmt: skip
    code, out, _ = cli("agree", "--as-of", "2026-03-20")
    assert code == 0
    assert out.splitlines()[0] == "as of 2026-03-20: Microsoft's invoice download of 2026-03-20"
    assert any(ln.startswith("G000000001  EUR") and ln.endswith("unallocated_at_microsoft  P1")
               for ln in out.splitlines())  # fmt: skip
    assert out.splitlines()[-1].split() == ["EUR", "600.00", "2150.00", "1550.00"]
    before = cli_json("agree", "--as-of", "2026-03-19")  # no download taken by then
    assert (before["microsoft_view_of"], before["invoices"]) == (None, [])
    assert before["totals"]["EUR"]["difference"] == "0.00"


def test_a_newer_download_that_shows_the_money_agrees(books, write_invoices):
    paid = MARCH_20 | {"G000000001": "1000.00", "G000000002": "500.00", "G000000003": "100.00",
                       "G000000004": "200.00", "G000000005": "0.00"}  # fmt: skip
    books.imports.import_file(write_invoices(download(paid), "invoices 2026-03-27.json"))
    found = books.agree.compare(D(2026, 3, 27))
    assert (found.view_of, found.invoices) == (D(2026, 3, 27), [])
    assert found.totals["EUR"].difference == Decimal("0.00")
    # as of the 20th the earlier download still speaks
    assert len(books.agree.compare(D(2026, 3, 20)).invoices) == 5


# ------------------------------------------------------------------ alerts


def test_a_download_not_showing_a_payment_is_an_alert_without_a_mark(books, write_invoices):
    found, _, lives = books.alerts.findings(D(2026, 3, 20))
    unallocated = [f.as_dict() for f in found if f.kind == "unallocated_at_microsoft"]
    assert [(f["payment"], f["amount"], f["date"], f["action"]) for f in unallocated] == [
        ("P1", "1000.00", "2026-03-20", "request")]  # fmt: skip
    assert "G000000001 is not in Partner Center's invoice download of 2026-03-20" in (
        unallocated[0]["message"])  # fmt: skip
    states = {life.id: life.state for life in lives}
    assert (states["P1"], states["P2"], states["P4"]) == (
        "unallocated_at_microsoft", "processing", "applied")  # fmt: skip
    # the clerk knows better since: the mark counts while there is no newer download
    books.alerts.mark("P1", "applied", D(2026, 3, 23))
    found, _, lives = books.alerts.findings(D(2026, 3, 24))
    assert not [f for f in found if f.subject == "P1"]
    assert {life.id: life.state for life in lives}["P1"] == "applied"
    # a newer download (P2 applied since) that still does not show P1: the alert is back
    paid = MARCH_20 | {"G000000002": "500.00"}
    books.imports.import_file(write_invoices(download(paid), "invoices 2026-03-25.json"))
    found, _, lives = books.alerts.findings(D(2026, 3, 25))
    assert [(f.subject, f.on) for f in found if f.kind == "unallocated_at_microsoft"] == [
        ("P1", D(2026, 3, 25))]  # fmt: skip
    assert {life.id: life.state for life in lives}["P2"] == "applied"


# ------------------------------------------------------------------ calendar, void notes


def test_the_calendar_lists_the_rebill_and_the_invoices_own_due_date(ws, write_invoices):
    ws.settings.set("billing_experiences", "new_commerce")
    august = invoice("G000000001", "2026-09-05", "1000.00", invoiceType="OneTime", amendments=[
        invoice("G000000002", "2026-09-20", "-1000.00", documentType="void_note",
                amendsOf="G000000001", invoiceType="OneTime"),
        invoice("G000000003", "2026-09-20", "990.00", amendsOf="G000000001",
                invoiceType="OneTime")])  # fmt: skip
    september = invoice("G000000004", "2026-10-05", "400.00", invoiceType="OneTime")
    ws.imports.import_file(write_invoices([august, september]))
    periods = ws.alerts.calendar(D(2026, 9, 1), D(2026, 10, 31)).periods
    assert [(p.start, p.received, p.invoice_date, p.due) for p in periods] == [
        # the rebill, due 60 days after its own date (not the expected 7 November)
        (D(2026, 8, 1), ("G000000003",), D(2026, 9, 8), D(2026, 11, 19)),
        (D(2026, 9, 1), ("G000000004",), D(2026, 10, 8), D(2026, 12, 4)),
    ]  # fmt: skip
    expected = ws.alerts.calendar(D(2026, 11, 1), D(2026, 11, 30)).periods
    assert [(p.received, p.due) for p in expected] == [((), D(2027, 1, 7))]


def test_a_void_note_without_its_original_is_kept_and_said(ws, write_invoices):
    void = invoice("G000000009", "2026-09-20", "-300.00", documentType="void_note",
                   amendsOf="G000000008")  # fmt: skip
    done = ws.imports.import_file(write_invoices([void]))
    assert any(
        "G000000009: void note of G000000008, which is not in the workspace" in line
        for line in done.lines
    )  # the import summary says so (core.rules.chains)
    found, _, _ = ws.alerts.findings(D(2026, 9, 30))
    (f,) = [f.as_dict() for f in found if f.stage == "voided original"]
    assert (f["kind"], f["document"], f["amount"], f["action"]) == (
        "missing_document", "G000000009", "300.00", "import")  # fmt: skip
    assert "import the Partner Center invoice list that holds G000000008" in f["message"]


# ------------------------------------------------------------------ the request e-mail


def _draft(path) -> email.message.EmailMessage:
    return email.message_from_bytes(path.read_bytes(), policy=policy.default)


def _text(msg: email.message.EmailMessage) -> str:
    """The e-mail's text (written with the CRLF line ends of an .eml file)."""
    return msg.get_body(("plain",)).get_content().replace("\r\n", "\n")


def test_the_request_of_an_allocated_payment_is_the_clerks_allocation(books, tmp_path, cli):
    code, out, err = cli("export", "request", "P1", "-o", tmp_path / "p1.eml")
    assert code == 0, err
    assert out.splitlines() == [
        f"written: {tmp_path / 'p1.eml'}",
        "attached: remittance-advice-P1.pdf (remittance advice)",
    ]
    msg = _draft(tmp_path / "p1.eml")
    assert (msg["To"], msg["X-Unsent"]) == ("bposcapp@microsoft.com", "1")
    assert msg["Subject"] == ("Unallocated payment of 1000.00 EUR made on 2026-03-02: please "
                              "apply it to our invoices")  # fmt: skip
    text = _text(msg)
    assert "  - invoice G000000001: 1000.00 EUR\n\nTotal: 1000.00 EUR\n" in text
    assert "proposed" not in text.lower()
    for fact in (
        "Payment date:    2026-03-02",
        "Amount:          1000.00 EUR",
        "Currency:        EUR",
        "Bank reference:  (not recorded)",
    ):
        assert fact in text
    (pdf,) = list(msg.iter_attachments())
    assert (pdf.get_content_type(), pdf.get_filename()) == (
        "application/pdf", "remittance-advice-P1.pdf")  # fmt: skip
    assert pdf.get_content().startswith(b"%PDF")
    code, out, _ = cli("export", "request", "P1")  # the text, as before, with its addressee
    assert out.startswith("To: bposcapp@microsoft.com\nSubject: Unallocated payment of 1000.00")


def test_the_request_of_an_unallocated_payment_is_a_proposal_marked_as_one(books, tmp_path):
    done = books.documents.save_letter("request", "P5", tmp_path / "p5.eml")
    assert done.lines == (
        f"written: {tmp_path / 'p5.eml'}",
        "no remittance advice attached: the invoices add up to 600.00 of the payment's 700.00 "
        "EUR",
        "the invoices marked (proposed) are a proposal: the payment is not (wholly) allocated "
        "in our books; check them before sending",
    )  # fmt: skip
    msg = _draft(tmp_path / "p5.eml")
    text = _text(msg)
    assert text.startswith("PROPOSAL TO CHECK BEFORE SENDING")
    # the oldest due first, each up to what it owes (G000000003 less the credit note's 100)
    assert ("  - invoice G000000005: 400.00 EUR (proposed)\n"
            "  - invoice G000000003: 200.00 EUR (proposed)\n\nTotal: 600.00 EUR\n"
            "(The remaining 100.00 EUR matches no open invoice yet.)") in text  # fmt: skip
    assert not list(msg.iter_attachments())
    books.allocations.allocate("P5", [("G000000005", "400.00")])  # part of it by the clerk
    books.documents.save_letter("request", "P5", tmp_path / "p5.txt")
    text = (tmp_path / "p5.txt").read_text(encoding="utf-8")
    assert ("  - invoice G000000005: 400.00 EUR\n"
            "  - invoice G000000003: 200.00 EUR (proposed)\n") in text  # fmt: skip


def test_a_full_proposal_is_attached_as_its_remittance_advice(ws, write_invoices, write_text,
                                                              tmp_path):  # fmt: skip
    ws.imports.import_file(
        write_invoices(
            [
                invoice("G000000001", "2026-02-02", "600.00"),
                invoice("G000000002", "2026-02-10", "400.00"),
            ]
        )
    )
    ws.imports.import_file(write_text("p.csv", "Date,Amount,Currency,Reference\n"
                                               "2026-03-02,1000.00,EUR,VIREMENT\n"))  # fmt: skip
    done = ws.documents.save_letter("request", "P1", tmp_path / "p1.eml")
    assert done.lines[1] == "attached: remittance-advice-P1.pdf (remittance advice)"
    msg = _draft(tmp_path / "p1.eml")
    assert "  - invoice G000000001: 600.00 EUR (proposed)\n  - invoice G000000002: 400.00 EUR " \
           "(proposed)\n" in _text(msg)  # fmt: skip
    (pdf,) = list(msg.iter_attachments())
    assert pdf.get_content().startswith(b"%PDF")


def test_the_ticket_stays_text(books, tmp_path, cli):
    code, _, err = cli("export", "ticket", "P1", "-o", tmp_path / "t.eml")
    assert code == 2 and "support form" in err
    assert cli("export", "ticket", "P1", "-o", tmp_path / "t.txt")[0] == 0
    assert (tmp_path / "t.txt").read_text(encoding="utf-8").startswith("Subject: Payment made")


def test_agree_reads_and_says_so_in_its_help(cli, capsys):
    from core.cli import build_parser

    args = build_parser().parse_args(["agree"])
    assert args.writes is False
    with pytest.raises(SystemExit):
        build_parser().parse_args(["agree", "--help"])
    assert "Only the invoices with a difference are listed" in " ".join(
        capsys.readouterr().out.split())  # fmt: skip
    assert json.loads(json.dumps({"ok": True}))  # the module's JSON is plain: see above
