"""Printing a remittance advice as text and lines (vector), from the same data the core's
PDF is written from (:meth:`core.services.documents.Documents.remittance`): the printer
gets the words, never a picture of them.

Drawing each PDF page as an image at the printer's resolution (what this module did) sent
a 9,921 × 14,031 picture per page at 1,200 dpi, about 5 MB each and 1 GB of memory at its
peak; the text is sharp at any resolution and a page weighs a few kilobytes.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QColor, QFont, QPageLayout, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from core.exports.remittance import Remittance

MARGIN_MM = 18.0
FOOTER_MM = 8.0


def remittance_html(rem: Remittance) -> str:
    """The advice as the PDF lays it out: the parties, the reference and amount, one row
    per invoice (the header repeated on each page), the control total and the transfer's
    reference; its words are the PDF's."""
    cur = rem.currency

    def party(label: str, p) -> str:
        lines = [f"<b>{label}</b>", escape(p.name), *(escape(a) for a in p.address)]
        if p.account:
            lines.append(f"Account: {escape(p.account)}")
        return "<br>".join(lines)

    count = sum(1 for ln in rem.lines if ln.kind == "invoice")
    head = ["Invoice", "Invoice date", f"Invoice total ({cur})", f"Paid now ({cur})",
            f"Still open ({cur})", "Note"]  # fmt: skip
    right = 'align="right"'
    rows = []
    for i, ln in enumerate(rem.lines):
        shade = ' bgcolor="#f7f9fb"' if i % 2 else ""
        rows.append(
            f"<tr{shade}><td>{escape(ln.invoice)}</td>"
            f"<td>{ln.invoice_date.isoformat() if ln.invoice_date else ''}</td>"
            f"<td {right}>{rem.fmt(ln.invoice_total)}</td><td {right}>{rem.fmt(ln.signed)}</td>"
            f"<td {right}>{rem.fmt(ln.remaining)}</td>"
            f'<td><font color="#777777">{escape(ln.note)}</font></td></tr>'
        )
    bank, fits = rem.bank_text()
    long_list = "" if fits else (
        "<p><font color='#777777'>The invoice list does not fit the transfer's 140 "
        "characters: this advice travels with the payment.</font></p>"
    )
    return f"""
<h2>Remittance advice</h2>
<table width="100%" cellpadding="3">
<tr><td width="50%" valign="top">{party("Payer", rem.payer)}</td>
<td width="50%" valign="top">{party("Payee", rem.payee)}</td></tr>
<tr><td><b>Reference</b> {escape(rem.reference)}<br><b>Value date</b>
{rem.value_date.isoformat()}</td>
<td><b>Transfer amount</b> {rem.fmt(rem.amount)} {cur}<br><b>Invoices</b> {count}</td></tr>
</table>
<br>
<table width="100%" cellpadding="3" cellspacing="0" border="0">
<thead><tr bgcolor="#e8edf3">{"".join(f"<th align='left'>{escape(h)}</th>" for h in head)}</tr>
</thead>
{"".join(rows)}
<tr><td><b>Total</b></td><td></td><td></td><td {right}><b>{rem.fmt(rem.control_total)}</b></td>
<td></td><td></td></tr>
</table>
<p><b>Control total</b> {rem.fmt(rem.control_total)} {cur} = transfer amount
{rem.fmt(rem.amount)} {cur}</p>
<p><b>Bank transfer reference</b> {escape(bank)}</p>
{long_list}
"""


def print_remittance(rem: Remittance, printer: QPrinter) -> int:
    """Print the advice on ``printer`` as text (each page with the PDF's footer: who, which
    advice, when, page n of m); the number of pages printed."""
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    painter = QPainter()
    if not painter.begin(printer):
        raise ValueError("the printer could not be opened")
    try:
        dpi = printer.resolution()
        mm = dpi / 25.4
        page = printer.pageLayout().paintRectPixels(dpi)
        body = QRectF(MARGIN_MM * mm, MARGIN_MM * mm, page.width() - 2 * MARGIN_MM * mm,
                      page.height() - 2 * MARGIN_MM * mm - FOOTER_MM * mm)  # fmt: skip
        document = QTextDocument()
        font = QFont("DejaVu Sans")
        font.setPointSizeF(9)
        document.setDefaultFont(font)
        document.documentLayout().setPaintDevice(printer)
        document.setHtml(remittance_html(rem))
        document.setPageSize(QSizeF(body.width(), body.height()))
        pages = max(1, document.pageCount())
        generated = rem.generated.strftime("%Y-%m-%d %H:%M")
        small = QFont(font)
        small.setPointSizeF(8)
        for index in range(pages):
            if index:
                printer.newPage()
            painter.save()
            painter.translate(body.left(), body.top() - index * body.height())
            document.drawContents(painter, QRectF(0, index * body.height(), body.width(),
                                                  body.height()))  # fmt: skip
            painter.restore()
            painter.setFont(small)
            painter.setPen(QColor("#808080"))
            base = page.height() - 10 * mm
            painter.drawText(int(body.left()), int(base),
                             f"{rem.payer.name} — remittance advice {rem.reference}")  # fmt: skip
            said = f"Generated {generated} — page {index + 1} of {pages}"
            width = painter.fontMetrics().horizontalAdvance(said)
            painter.drawText(int(body.right() - width), int(base), said)
    finally:
        painter.end()
    return pages
