"""Planned payments and the documents made from them (issue 4, first part)."""

from datetime import date
from decimal import Decimal

import bankfiles
import openpyxl
import pytest
from pypdf import PdfReader

from conftest import invoice
from core.exports.pdf import write_pdf
from core.exports.remittance import Before, RemittanceError, RemittanceLine, as_text
from core.exports.xlsx import write_xlsx

INVOICES = [
    invoice("G000000001", "2026-01-08", "1000.00"),
    invoice("G000000002", "2026-02-08", "250.00"),
    invoice("G000000003", "2026-02-08", "-300.00", documentType="credit_note"),
]


@pytest.fixture
def planned(ws, write_invoices):
    ws.settings.set("company_name", "Nuage Conseil SAS — Société Générale d'Équipement")
    ws.settings.set("company_account", "FR76 3000 4000 0312 3456 7890 143")
    ws.settings.set("payee_account_EUR", "IE29 AIBK 9311 5212 3456 78")
    ws.imports.import_file(write_invoices(INVOICES))
    # the credit note Microsoft would apply by itself: the clerk nets it in the plan instead
    (plan_id,) = ws.plans.plan(
        ["G000000001", "G000000002"], ["G000000003"], __import__("datetime").date(2026, 3, 10)
    ).result
    return plan_id


def test_plan_nets_credit_notes_and_computes_the_wire(ws, planned):
    p = ws.plans.list()[planned]
    assert (p.reference, str(p.amount), p.status) == ("RA-20260310-1", "950.00", "planned")
    assert [(ln.kind, ln.invoice, str(ln.amount)) for ln in p.lines] == [
        ("invoice", "G000000001", "1000.00"),
        ("invoice", "G000000002", "250.00"),
        ("credit", "G000000002", "250.00"),
        ("credit", "G000000001", "50.00"),
    ]


def test_the_bank_statement_confirms_the_plan_without_a_second_payment(ws, planned, tmp_path):
    moves = [
        (
            bankfiles.date(2026, 3, 11),
            __import__("decimal").Decimal("-950.00"),
            "EUR",
            "MICROSOFT IRELAND",
            "RA-20260310-1",
            [],
        )
    ]
    summary = ws.imports.import_file(bankfiles.camt053(tmp_path / "s.xml", movements=moves)).result
    assert summary.created["payments"] == 1
    assert any("confirmed and allocated as planned" in w for w in summary.warnings)
    p = ws.plans.list()[planned]
    assert (p.status, p.payment_id) == ("confirmed", "P1")
    ledger = ws.books.ledger()
    assert ledger.balance()["EUR"].amount_due == 0
    assert ledger.payments["P1"].remaining == 0
    assert ledger.credits["G000000003"].remaining == 0


def test_remittance_text_pdf_and_xlsx_say_the_same_numbers(ws, planned, tmp_path):
    rem = ws.documents.remittance("RA-20260310-1")
    assert rem.bank_text() == ("RA-20260310-1 G000000001 950.00 G000000002 0.00", True)
    text = as_text(rem)
    assert "Control total: 950.00 EUR = transfer amount 950.00 EUR" in text
    pdf = write_pdf(rem, tmp_path / "ra.pdf")
    pages = " ".join(page.extract_text() for page in PdfReader(pdf).pages).replace("\n", " ")
    for fact in (
        "RA-20260310-1",
        "G000000001",
        "1000.00",
        "-250.00",
        "950.00",
        "Société Générale d'Équipement",
        "IE29 AIBK 9311 5212 3456 78",
        "page 1 of 1",
    ):
        assert fact in pages
    write_pdf(rem, tmp_path / "ra-letter.pdf", page="letter")
    assert PdfReader(tmp_path / "ra-letter.pdf").pages[0].mediabox.width == 612
    book = openpyxl.load_workbook(write_xlsx(rem, tmp_path / "ra.xlsx"))
    sheet = book.active
    rows = [r for r in sheet.iter_rows(values_only=True) if r[0] and str(r[0]).startswith("G0")]
    assert [(r[0], r[3]) for r in rows] == [
        ("G000000001", 1000),
        ("G000000002", 250),
        ("G000000002", -250),
        ("G000000001", -50),
    ]
    formulas = [c.value for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == ["=SUM(D13:D16)"]
    assert sheet.freeze_panes == "A13" and sheet.auto_filter.ref == "A12:H16"


def test_a_long_company_name_is_shortened_in_the_footer_never_over_the_page_number(
    ws, planned, tmp_path
):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from core.exports.pdf import FONT, footer_left

    name = "Nuage Conseil et Services Informatiques d'Île-de-France " * 3
    ws.settings.set("company_name", name.strip()[:140])
    rem = ws.documents.remittance("RA-20260310-1")
    pages = PdfReader(write_pdf(rem, tmp_path / "ra.pdf")).pages  # (registers the fonts)
    right = f"Generated {rem.generated:%Y-%m-%d %H:%M} — page 1 of 1"
    room = A4[0] - 42 * mm - stringWidth(right, FONT, 8)
    left = footer_left(rem, room, stringWidth)
    assert left.startswith("Nuage Conseil et Services") and "…" in left
    assert left.endswith("— remittance advice RA-20260310-1")
    assert stringWidth(left, FONT, 8) <= room < stringWidth(f"{name} — x", FONT, 8)
    assert left in pages[-1].extract_text()
    ws.settings.set("company_name", "Nuage SAS")
    assert footer_left(ws.documents.remittance("RA-20260310-1"), room, stringWidth) == (
        "Nuage SAS — remittance advice RA-20260310-1"
    )


def test_a_long_invoice_list_points_to_the_advice_instead_of_being_cut(ws, write_invoices):
    ws.imports.import_file(
        write_invoices([invoice(f"G{n:09d}", "2026-01-08", "10.00") for n in range(1, 31)])
    )
    (plan_id,) = ws.plans.plan([f"G{n:09d}" for n in range(1, 31)]).result
    text, fits = ws.documents.remittance(f"plan:{plan_id}").bank_text()
    assert not fits and text.endswith("30 INVOICES SEE REMITTANCE ADVICE") and len(text) <= 140


def test_many_pages_repeat_the_header_and_count_pages(ws, write_invoices, tmp_path):
    ws.imports.import_file(
        write_invoices([invoice(f"G{n:09d}", "2026-01-08", "10.00") for n in range(1, 121)])
    )
    (plan_id,) = ws.plans.plan([f"G{n:09d}" for n in range(1, 121)]).result
    pdf = write_pdf(ws.documents.remittance(f"plan:{plan_id}"), tmp_path / "long.pdf")
    pages = [p.extract_text() for p in PdfReader(pdf).pages]
    assert len(pages) >= 3
    assert all(f"of {len(pages)}" in p for p in pages)
    assert all("Invoice total" in p for p in pages if "G0000" in p)  # header on every page
    assert "1200.00" in pages[-1]


def test_a_payment_with_money_left_unallocated_gets_no_advice(ws, write_invoices, write_text):
    ws.imports.import_file(write_invoices(INVOICES[:1]))
    ws.imports.import_file(
        write_text("p.csv", "Date,Amount,Currency,Reference\n2026-03-01,1200,EUR,G000000001\n")
    )
    ws.allocations.auto_allocate(apply=True)
    with pytest.raises(
        RemittanceError, match=r"the lines add up to 1000\.00 EUR, the transfer is 1200\.00"
    ):
        ws.documents.remittance("P1")


def test_imported_text_never_becomes_a_formula(ws, write_invoices, tmp_path):
    ws.settings.set("company_name", '=HYPERLINK("http://x","click")')
    ws.imports.import_file(write_invoices(INVOICES[:1]))
    (plan_id,) = ws.plans.plan(["G000000001"], reference="+cmd|' /C calc'!A0").result
    book = openpyxl.load_workbook(
        write_xlsx(ws.documents.remittance(f"plan:{plan_id}"), tmp_path / "x.xlsx")
    )
    cells = [c for row in book.active.iter_rows() for c in row if c.value is not None]
    assert [c.value for c in cells if c.data_type == "f"] == ["=SUM(D13:D13)"]
    assert any(c.value == "+cmd|' /C calc'!A0" and c.data_type == "s" for c in cells)


def test_request_and_ticket_texts(cli, write_invoices, write_text):
    cli("import", write_invoices(INVOICES[:2]))
    cli(
        "import",
        write_text(
            "p.csv",
            "Date,Amount,Currency,Reference\n"
            "2026-03-01,1100.00,EUR,VIREMENT\n"
            "2026-03-02,250.00,USD,G000000002\n",
        ),
    )
    code, out, err = cli("export", "request", "P1")
    assert code == 0, err
    # not allocated in our books: a proposal, marked as one for the clerk to check
    assert ("  - invoice G000000001: 1000.00 EUR (proposed)\n"
            "  - invoice G000000002: 100.00 EUR (proposed)") in out  # fmt: skip
    assert "Total: 1100.00 EUR" in out
    code, out, err = cli("export", "ticket", "P2")
    assert "Payment made in the wrong currency" in out
    assert "Invoice number(s): G000000002" in out and "Amount:            250.00 USD" in out
    code, out, err = cli("plan", "G000000001", "--date", "2026-03-05")
    assert (code, out.strip()) == (0, "1")
    code, out, err = cli("plan", "G000009999")
    assert code == 2 and "no invoice G000009999" in err


def test_report_workbook_numbers_and_safety(ws, tmp_path, write_invoices, write_recon):
    from datetime import date as d

    from core.exports.report import write_report

    ws.imports.import_file(
        write_invoices(
            [
                invoice("G000000001", "2026-01-08", "1000.00"),
                invoice(
                    "G000000002",
                    "2026-01-08",
                    "100.00",
                    amendments=[
                        invoice(
                            "G000000003",
                            "2026-01-20",
                            "-100.00",
                            documentType="void_note",
                            amendsOf="G000000002",
                        ),
                        invoice("G000000004", "2026-01-20", "90.00", amendsOf="G000000002"),
                    ],
                ),
            ]
        )
    )
    ws.imports.import_file(
        write_recon(
            [
                ("G000000001", '=HYPERLINK("http://evil","x")', "600.00"),
                ("G000000001", "+cmd|' /C calc'!A0", "400.00"),
            ]
        )
    )
    path = write_report(ws, tmp_path / "report.xlsx", d(2026, 4, 30))
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [
        "Cover",
        "Summary",
        "Alerts",
        "Aging",
        "Aging by customer",
        "Open invoices",
        "Allocations",
        "Unallocated payments",
        "Credit notes",
        "Void and rebill",
        "Customer charges",
        "Charges explained",
        "Disputes and claims",
    ]
    summary = list(book["Summary"].iter_rows(min_row=4, values_only=True))
    assert summary[0][:3] == ("EUR", 1190, -100)  # issued (with the voided original) less voided
    assert summary[0][3:7] == ("=B4+C4", 0, 0, "=D4+E4+F4")
    # a reader that does not compute (a preview, a script) sees the figures too
    computed = openpyxl.load_workbook(path, data_only=True)
    assert [r[3:7] for r in computed["Summary"].iter_rows(min_row=4, values_only=True)] == [
        (1090, 0, 0, 1090)]  # fmt: skip
    opened = list(computed["Open invoices"].iter_rows(min_row=4, values_only=True))
    assert opened[-1][0] == "Total (of the rows shown)" and opened[-1][5:8] == (
        sum(r[5] for r in opened[:-1]), sum(r[6] for r in opened[:-1]), 1090)  # fmt: skip
    aging = list(book["Aging"].iter_rows(min_row=4, values_only=True))
    assert aging == [("EUR", 0, 0, 1090, 0, 0, 0, 1090)]  # 52 and 40 days late
    rows = [r for r in book["Alerts"].iter_rows(min_row=4, values_only=True) if r[0]]
    found = ws.alerts.findings(d(2026, 4, 30))[0]
    assert [(r[0], r[2], r[4], r[5] and Decimal(str(r[5]))) for r in rows] == [
        (f.kind.replace("_", " "), f.subject, f.currency, f.amount) for f in found]  # fmt: skip
    assert rows[0][:3] == ("suspension risk", None, "G000000001")  # 1000.00, the most urgent
    charges = list(book["Customer charges"].iter_rows(min_row=4, max_row=5, values_only=True))
    assert sorted(r[0] for r in charges) == ["+cmd|' /C calc'!A0", '=HYPERLINK("http://evil","x")']
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    assert cell.value.startswith(("=SUBTOTAL(109,", "=B", "=D")), cell.value
    chains = list(book["Void and rebill"].iter_rows(min_row=4, values_only=True))
    assert chains[0][0] == "G000000002" and chains[0][4:8] == (
        "G000000003",
        "G000000004",
        90,
        "G000000004",
    )


def test_report_tables_lose_nothing_to_excels_row_and_cell_limits(tmp_path, monkeypatch):
    """Past the last row a table goes on on a "(2)" sheet; a text longer than a cell holds is
    cut with a note, and is whole on the "Long texts" sheet (the rows limit is lowered here
    so that the test writes 20 rows, not a million)."""
    import xlsxwriter

    from core.exports import report

    monkeypatch.setattr(report, "MAX_ROWS", 8)  # rows 4..7 hold data, row 8 the totals
    path = tmp_path / "r.xlsx"
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    f = report._Formats(book)
    columns = [("Invoice", "text", 14), ("Currency", "cur", 9), ("Open", "money", 15)]
    s = report._Sheet(book, f, "Open invoices", "Open invoices", columns)
    long = "".join(f"line {n:06d} of a very long customer text; " for n in range(3000))
    for n in range(1, 11):
        s.add([long if n == 6 else f"G{n:09d}", "EUR", Decimal(n)])
    s.close()
    f.write_long_texts()
    book.close()
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Open invoices", "Open invoices (2)", "Open invoices (3)",
                             "Long texts"]  # fmt: skip
    values = [r for name in wb.sheetnames[:3]
              for r in wb[name].iter_rows(min_row=4, values_only=True)]  # fmt: skip
    data = [r for r in values if r[1] == "EUR"]
    assert [r[2] for r in data] == list(range(1, 11))
    assert [r for r in values if r[1] is None and r[0]] == [
        ("Total (of the rows shown)", None, "=SUBTOTAL(109,C4:C7)")] * 2 + [
        ("Total (of the rows shown)", None, "=SUBTOTAL(109,C4:C5)")]  # fmt: skip
    cut = data[5][0]
    assert len(long) == 126_000 and len(cut) == report.MAX_CELL
    assert cut.endswith(" … [cut: 126,000 characters; the whole text is on the sheet "
                        "'Long texts' from row 4]")  # fmt: skip
    assert long.startswith(cut[: cut.index(" … [cut")])
    pieces = list(wb["Long texts"].iter_rows(min_row=4, values_only=True))
    assert [(c, k) for c, k, _t in pieces] == [("'Open invoices (2)'!A5", k) for k in range(1, 5)]
    assert "".join(t for _c, _k, t in pieces) == long


def test_pain001_batch_is_valid_iso20022_with_structured_reference_where_it_fits(
    cli, write_invoices, tmp_path
):
    import xml.etree.ElementTree as ET

    from core.exports import pain001

    cli("import", write_invoices(INVOICES[:2]))
    cli("set", "company_name", "Nuage Conseil SAS")
    cli("set", "company_account", "FR76 3000 4000 0312 3456 7890 143")
    assert cli("plan", "G000000001", "--date", "2026-03-10")[0] == 0
    code, _, err = cli("plan", "G000000001", "G000000002", "--date", "2026-03-10")
    assert (code, err.strip()) == (
        2,
        "csp-recon: G000000001 is already in planned payment RA-20260310-1",
    )
    assert cli("plan", "G000000002", "--date", "2026-03-11", "--reference", "REF 2")[0] == 0
    out = tmp_path / "batch.xml"
    code, _, err = cli("export", "pain001", "plan:1", "REF 2", "-o", out)
    assert code == 2 and "payee_account_EUR" in err  # Microsoft's account not recorded yet
    cli("set", "payee_account_EUR", "IE29AIBK93115212345678")
    code, stdout, err = cli("export", "pain001", "plan:1", "REF 2", "-o", out)
    assert code == 0, err
    ns = {"p": pain001.NS}
    root = ET.parse(out).getroot()
    txs = root.findall(".//p:CdtTrfTxInf", ns)
    assert [t.find("p:Amt/p:InstdAmt", ns).text for t in txs] == ["1000.00", "250.00"]
    assert root.find(".//p:GrpHdr/p:CtrlSum", ns).text == "1250.00"
    assert txs[0].find(".//p:RfrdDocInf/p:Nb", ns).text == "G000000001"
    assert txs[0].find(".//p:RmtdAmt", ns).text == "1000.00"
    pain001.validate(out.read_bytes())  # the ISO 20022 schema itself
    broken = out.read_bytes().replace(b"<CtrlSum>1250.00</CtrlSum>", b"<CtrlSum>a</CtrlSum>")
    with pytest.raises(pain001.Pain001Error):
        pain001.validate(broken)


def test_pain001_texts_are_in_the_epc_character_set_whatever_the_clerk_typed(
    ws, write_invoices, tmp_path
):
    """A tab, a right-to-left override and ``< = | @`` pass the ISO schema but banks reject
    them under the EPC's SEPA character set: every text of the file is written in that set."""
    import xml.etree.ElementTree as ET

    from sqlalchemy import insert

    from core.exports import pain001
    from core.store import schema as t

    ws.imports.import_file(write_invoices(INVOICES[:2]))
    ws.settings.set("company_name", "Société Générale <Nuage>=|@ Conseil")
    ws.settings.set("company_account", "FR76 3000 4000 0312 3456 7890 143")
    ws.settings.set("payee_account_EUR", "IE29AIBK93115212345678")
    with ws.store.change() as conn:  # stored by a version that did not check settings
        name = "Microsoft Ireland Operations Ltd \u202egpj.exe"
        conn.execute(insert(t.settings).values(key="payee_name", value=name))
    ws.plans.plan(["G000000001"], when=date(2026, 3, 10), reference="/A//B <Ü>=|@/")
    ws.plans.plan(["G000000002"], when=date(2026, 3, 11), reference="Straße & Co")
    out = tmp_path / "batch.xml"
    ws.documents.save_pain001(["plan:1", "plan:2"], out)
    root = ET.parse(out).getroot()
    texts = [(e.tag.rsplit("}", 1)[1], e.text) for e in root.iter() if (e.text or "").strip()]
    assert all(set(text) <= pain001.EPC_CHARACTERS for _tag, text in texts), texts
    got = {(tag, text) for tag, text in texts if tag in ("Nm", "EndToEndId", "Ustrd", "Nb")}
    assert got >= {
        ("Nm", "Societe Generale Nuage Conseil"),
        ("Nm", "Microsoft Ireland Operations Ltd gpj.exe"),
        ("EndToEndId", "A/B-U"),
        ("EndToEndId", "Strasse-+-Co"),
    }, got
    pain001.validate(out.read_bytes())
    assert pain001.epc_reference("//") == ""
    assert pain001.epc_text("VIR\tNOV\u202e", 140) == "VIR NOV"  # stored before plans were checked
    assert pain001.epc_text("Œuvre «Ça» – 12 €", 140) == "OEuvre 'Ca' - 12 EUR"


def test_a_plan_reference_no_bank_would_carry_is_refused(cli, write_invoices):
    cli("import", write_invoices(INVOICES[:1]))
    for given, said in [
        ("   ", "a payment reference cannot be blank: leave it out to get RA-DATE-N"),
        ("x" * 36, "a payment reference is at most 35 characters (what the bank transfer "
                   "carries), got 36"),
        ("VIR\tNOV", "a payment reference is printable text, without tabs or line breaks"),
    ]:  # fmt: skip
        code, out, err = cli("plan", "G000000001", "--reference", given)
        assert (code, out, err) == (2, "", f"csp-recon: {said}\n"), given
    code, out, _ = cli("plan", "G000000001", "--reference", " VIR NOV 2026 ")
    assert (code, out) == (0, "1\n")
    code, out, _ = cli("plans", "--json")
    assert [p["reference"] for p in __import__("json").loads(out)] == ["VIR NOV 2026"]


def test_pain001_never_pays_a_plan_twice_nor_a_transfer_outside_euros(ws, write_invoices, tmp_path):
    from core.exports.pain001 import Pain001Error

    pounds = invoice("G000000009", "2026-01-08", "80.00", "GBP")
    ws.imports.import_file(write_invoices([*INVOICES[:1], pounds]))
    ws.settings.set("company_account", "FR76 3000 4000 0312 3456 7890 143")
    ws.settings.set("payee_account_EUR", "IE29AIBK93115212345678")
    ws.settings.set("payee_account_GBP", "GB33BUKB20201555555555")
    ws.plans.plan(["G000000001"], when=date(2026, 3, 10))
    ws.plans.plan(["G000000009"], when=date(2026, 3, 10))
    out = tmp_path / "p.xml"
    with pytest.raises(Pain001Error, match=r"^RA-20260310-1 named twice: a file pays each"):
        ws.documents.save_pain001(["plan:1", "RA-20260310-1"], out)
    with pytest.raises(Pain001Error, match=r"^RA-20260310-2 is in GBP: a pain\.001 file here"):
        ws.documents.save_pain001(["plan:2"], out)
    assert not out.exists()


# ---------------------------------------------- a credit memo Microsoft applied, named (issue 17)

CREDITED = [
    invoice("G000000011", "2026-01-08", "1000.00"),
    invoice("G000000012", "2026-02-08", "500.00"),
    # Microsoft applies it to the newest open invoices: 500.00 to G000000012, 100.00 to G000000011
    invoice("G000000013", "2026-02-10", "-600.00", documentType="credit_note"),
]
CREDITED_PAYMENTS = (
    "Date,Amount,Currency,Reference\n"
    "2026-02-01,200.00,EUR,G000000011\n"
    "2026-03-01,700.00,EUR,G000000011\n"
)
NAMED = (
    "balance after earlier payments (200.00) and credit note G000000013 applied by Microsoft "
    "(100.00)"
)


@pytest.fixture
def credited(ws, write_invoices, write_text):
    ws.imports.import_file(write_invoices(CREDITED))
    ws.imports.import_file(write_text("p.csv", CREDITED_PAYMENTS))
    ws.allocations.auto_allocate(apply=True)
    return ws


def _rows(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if ln.startswith("G0")]


def test_the_advice_names_a_credit_memo_microsoft_applied_with_its_share(credited, tmp_path):
    ws = credited
    ledger = ws.books.ledger()
    assert [(a.allocation.source_id, str(a.applied)) for a in
            ledger.invoices["G000000011"].allocations] == [
        ("P1", "200.00"), ("G000000013", "100.00"), ("P2", "700.00")]  # fmt: skip
    # the payment made after the credit memo: one line, one figure for the credit (its share
    # of this invoice, not the 600.00 of the credit memo)
    rem = ws.documents.remittance("P2")
    assert _rows(as_text(rem)) == [
        f"G000000011  2026-01-08         1000.00          700.00            0.00  {NAMED}"
    ]
    # the payment made before it: nothing was applied before, the rest stays open
    assert _rows(as_text(ws.documents.remittance("P1"))) == [
        "G000000011  2026-01-08         1000.00          200.00          800.00  partial payment: "
        "the rest stays open"
    ]
    pages = "".join(p.extract_text() for p in PdfReader(write_pdf(rem, tmp_path / "p2.pdf")).pages)
    assert (
        " ".join(pages.split()).count("credit note G000000013 applied by Microsoft (100.00)") == 1
    )
    sheet = openpyxl.load_workbook(write_xlsx(rem, tmp_path / "p2.xlsx")).active
    rows = [r for r in sheet.iter_rows(values_only=True) if r[0] == "G000000011"]
    assert [(r[2], r[3], r[4], r[5], r[7]) for r in rows] == [(1000, 700, 0, "invoice", NAMED)]


def test_a_plan_after_a_credit_memo_names_it_and_a_partial_payment_too(credited, write_text):
    ws = credited
    ws.allocations.unallocate(next(a.id for a in ws.books.allocations() if a.source_id == "P2"))
    (plan_id,) = ws.plans.plan(["G000000011"], when=date(2026, 3, 5)).result
    assert _rows(as_text(ws.documents.remittance(f"plan:{plan_id}"))) == [
        f"G000000011  2026-01-08         1000.00          700.00            0.00  {NAMED}"
    ]
    # a partial payment made after the credit memo names it as well
    ws.imports.import_file(write_text("p3.csv", "Date,Amount,Currency,Reference\n"
                                      "2026-03-03,300.00,EUR,G000000011\n"))  # fmt: skip
    ws.allocations.allocate("P3", [("G000000011", "300.00")])
    assert _rows(as_text(ws.documents.remittance("P3"))) == [
        "G000000011  2026-01-08         1000.00          300.00          400.00  partial payment: "
        "the rest stays open; after earlier payments (200.00) and credit note G000000013 "
        "applied by Microsoft (100.00)"
    ]


def test_a_credit_note_the_clerk_applied_is_named_without_microsoft():
    line = RemittanceLine("invoice", "G1", None, Decimal("100.00"), Decimal("40.00"),
                          Decimal("0.00"), before=(Before(Decimal("60.00"), "G9"),),
                          currency="EUR")  # fmt: skip
    assert line.note == "balance after credit note G9 (60.00)"
    # earlier payments only: as before, no figure
    paid = RemittanceLine(
        "invoice",
        "G1",
        None,
        Decimal("100.00"),
        Decimal("40.00"),
        Decimal("0.00"),
        before=(Before(Decimal("60.00")),),
        currency="EUR",
    )
    assert paid.note == "balance after earlier payments"
