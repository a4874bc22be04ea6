"""Printing a remittance advice: text and lines on the printer (vector), never a picture of
each page; the data is the core's remittance advice, as for the PDF."""

from datetime import date, datetime
from decimal import Decimal

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from core.demo import write_demo
from core.exports.remittance import Party, Remittance, RemittanceLine
from core.workspace import Workspace
from desktop.printing import print_remittance

TODAY = date(2026, 11, 23)


def to_pdf(tmp_path, name: str) -> QPrinter:
    """A 1,200 dpi printer writing a PDF (what a print to file or a PDF printer does)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setResolution(1200)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / name))
    return printer


def text_of(path) -> list[str]:
    document = QPdfDocument()
    document.load(str(path))
    return [document.getAllText(i).text() for i in range(document.pageCount())]


def test_the_advice_is_printed_as_text(qapp, tmp_path):
    with Workspace(write_demo(tmp_path / "demo", today=TODAY)) as ws:
        rem = ws.documents.remittance("P4")
    assert print_remittance(rem, to_pdf(tmp_path, "printed.pdf")) == 1
    # a page drawn as a picture weighed 4.8 MB at 1,200 dpi (1 GB of memory at its peak)
    assert (tmp_path / "printed.pdf").stat().st_size < 200_000
    (page,) = text_of(tmp_path / "printed.pdf")  # words a PDF reader finds: not an image
    words = " ".join(page.split())
    for said in ("Remittance advice", "Nuage Conseil SAS", "Reference P4",
                 "G000100006 2026-08-24 4200.00 4200.00 0.00",
                 "G000100007 2026-08-24 1650.75 1650.75 0.00",
                 "Control total 5850.75 EUR = transfer amount 5850.75 EUR",
                 "Bank transfer reference P4 G000100006 4200.00 G000100007 1650.75",
                 "page 1 of 1"):  # fmt: skip
        assert said in words, said


def test_a_long_advice_runs_over_pages_each_with_its_header_and_footer(qapp, tmp_path):
    lines = [RemittanceLine("invoice", f"G{100000 + n:09d}", date(2026, 9, 1), Decimal("10.00"),
                            Decimal("10.00"), Decimal("0.00"), currency="EUR")
             for n in range(150)]  # fmt: skip
    rem = Remittance("PAY-LONG", date(2026, 11, 20), "EUR", Decimal("1500.00"),
                     Party("Nuage Conseil SAS"), Party("Microsoft Ireland Operations Ltd"),
                     lines, datetime(2026, 11, 23, 9, 30))  # fmt: skip
    pages = print_remittance(rem, to_pdf(tmp_path, "long.pdf"))
    texts = text_of(tmp_path / "long.pdf")
    assert pages == len(texts) >= 3
    for n, page in enumerate(texts, start=1):
        words = " ".join(page.split())
        assert "Invoice Invoice date Invoice total (EUR)" in words  # the header, repeated
        assert f"Generated 2026-11-23 09:30 — page {n} of {pages}" in words
    every = " ".join(" ".join(texts).split())
    assert all(ln.invoice in every for ln in lines)  # none lost between pages
    assert "Total 1500.00" in every
