"""Remittance advice as an Excel workbook (openpyxl).

One row per invoice, real numbers in the currency's format, totals as
formulas Excel recomputes, frozen header, filter, print setup.  Text from
imported files is always written as text: never a formula, link or DDE call.
"""

from __future__ import annotations

from pathlib import Path

from core.exports.remittance import Remittance
from core.money import currency_decimals

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def number_format(currency: str) -> str:
    decimals = currency_decimals(currency)
    body = "#,##0" + ("." + "0" * decimals if decimals else "")
    return f'{body} "{currency}";-{body} "{currency}"'


def put_text(ws, row: int, col: int, value: str):
    """A cell that holds ``value`` as text whatever it starts with."""
    cell = ws.cell(row=row, column=col)
    cell.value = value
    cell.data_type = "s"  # openpyxl would otherwise read "=..." as a formula
    return cell


def write_xlsx(rem: Remittance, path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    wb = Workbook()
    ws = wb.active
    ws.title = "Remittance"
    fmt = number_format(rem.currency)
    bold = Font(bold=True)
    put_text(ws, 1, 1, "Remittance advice").font = Font(bold=True, size=14)
    facts = [
        ("Reference", rem.reference),
        ("Value date", rem.value_date),
        ("Transfer amount", rem.amount),
        ("Currency", rem.currency),
        ("Payer", rem.payer.name + (f" — {rem.payer.account}" if rem.payer.account else "")),
        ("Payee", rem.payee.name + (f" — {rem.payee.account}" if rem.payee.account else "")),
        ("Bank transfer reference", rem.bank_text()[0]),
        ("Generated", rem.generated),
    ]
    for i, (label, value) in enumerate(facts, start=3):
        put_text(ws, i, 1, label).font = bold
        if isinstance(value, str):
            put_text(ws, i, 2, value)
        else:
            cell = ws.cell(row=i, column=2, value=value)
            if label == "Transfer amount":
                cell.number_format = fmt
            elif label == "Value date":
                cell.number_format = "yyyy-mm-dd"
            else:
                cell.number_format = "yyyy-mm-dd hh:mm"
            cell.alignment = Alignment(horizontal="left")
    top = 3 + len(facts) + 1
    headers = ["Invoice", "Invoice date", "Invoice total", "Paid now", "Still open", "Kind",
               "Credit note", "Note"]  # fmt: skip
    fill = PatternFill("solid", fgColor="E8EDF3")
    for c, h in enumerate(headers, start=1):
        cell = put_text(ws, top, c, h)
        cell.font, cell.fill = bold, fill
        cell.border = Border(bottom=Side(style="thin"))
    for r, ln in enumerate(rem.lines, start=top + 1):
        put_text(ws, r, 1, ln.invoice)
        if ln.invoice_date:
            ws.cell(row=r, column=2, value=ln.invoice_date).number_format = "yyyy-mm-dd"
        for c, value in ((3, ln.invoice_total), (4, ln.signed), (5, ln.remaining)):
            ws.cell(row=r, column=c, value=value).number_format = fmt
        put_text(ws, r, 6, ln.kind)
        put_text(ws, r, 7, ln.credit_note)
        put_text(ws, r, 8, ln.note)
    last = top + len(rem.lines)
    total_row = last + 1
    put_text(ws, total_row, 1, "Total").font = bold
    cell = ws.cell(row=total_row, column=4, value=f"=SUM(D{top + 1}:D{last})")
    cell.number_format, cell.font = fmt, bold
    put_text(ws, total_row + 1, 1, "Transfer amount").font = bold
    ws.cell(row=total_row + 1, column=4, value=rem.amount).number_format = fmt
    ws.freeze_panes = ws.cell(row=top + 1, column=1)
    ws.auto_filter.ref = f"A{top}:H{last}"
    for col, width in zip("ABCDEFGH", (16, 13, 17, 17, 17, 9, 14, 30), strict=True):
        ws.column_dimensions[col].width = width
    ws.column_dimensions["B"].width = max(13, min(60, len(str(facts[4][1])) + 2))
    # the note names what an invoice received before (a credit note and its figure): readable
    ws.column_dimensions["H"].width = max(30, min(90, max((len(ln.note) for ln in rem.lines),
                                                          default=0) + 2))  # fmt: skip
    ws.print_title_rows = f"{top}:{top}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = "Page &P of &N"
    wb.save(path)
    return path
