"""Remittance advice as a printable PDF (reportlab): A4 or US Letter, fonts embedded.

The invoice table continues over pages with its header repeated; every page
says "page n of m" and when it was generated; totals and the control total
close the table.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core.exports.remittance import Remittance

FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"


def _register_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(FONTS / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont(BOLD, str(FONTS / "DejaVuSans-Bold.ttf")))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)


def write_pdf(rem: Remittance, path: Path, *, page: str = "A4") -> Path:
    from reportlab.lib.pagesizes import A4, letter
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    _register_fonts()
    size = {"A4": A4, "LETTER": letter}[page.upper()]
    styles = _styles()
    story = [
        Paragraph("Remittance advice", styles["title"]),
        Spacer(0, 4 * mm),
    ]
    story += [_parties(rem, size, styles), Spacer(0, 6 * mm)]
    story += [_invoice_table(rem, size, styles), Spacer(0, 5 * mm), *_closing(rem, styles)]
    doc = SimpleDocTemplate(
        str(path), pagesize=size, leftMargin=18 * mm, rightMargin=18 * mm,
        topMargin=18 * mm, bottomMargin=18 * mm,
        title=f"Remittance advice {rem.reference}", author=rem.payer.name,
    )  # fmt: skip
    doc.build(story, canvasmaker=_numbered_canvas(rem, size))
    return path


def _styles() -> dict[str, Any]:
    """The paragraph styles: base text, small grey notes, the title, table headers."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("base", fontName=FONT, fontSize=9, leading=12)
    small = ParagraphStyle("small", parent=base, fontSize=8, leading=10, textColor=colors.grey)
    title = ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=16, leading=20)
    head = ParagraphStyle("head", parent=base, fontName=BOLD)
    return {"base": base, "small": small, "title": title, "head": head}


def _numbered_canvas(rem: Remittance, size: tuple[float, float]) -> type:
    """A canvas that writes each page's footer once the page count is known."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    generated = rem.generated.strftime("%Y-%m-%d %H:%M")

    class NumberedCanvas(Canvas):
        """Two passes: the page count is known only at the end."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(FONT, 8)
                self.setFillColor(colors.grey)
                right = f"Generated {generated} — page {self._pageNumber} of {total}"
                room = size[0] - 36 * mm - 6 * mm - self.stringWidth(right, FONT, 8)
                self.drawString(18 * mm, 10 * mm, footer_left(rem, room, self.stringWidth))
                self.drawRightString(size[0] - 18 * mm, 10 * mm, right)
                super().showPage()
            super().save()

    return NumberedCanvas


def footer_left(rem: Remittance, room: float, width: Any) -> str:
    """The footer's left text within ``room`` points: a long company name is shortened
    (ending in …) so that it never runs into the page number; the reference stays whole."""
    what = f"remittance advice {rem.reference}"
    full = rem.payer.name
    for keep in range(len(full), 0, -1):
        name = full if keep == len(full) else f"{full[:keep].rstrip()}…"
        if width(f"{name} — {what}", FONT, 8) <= room:
            return f"{name} — {what}"
    return what


def _party(label: str, p, style) -> list:
    from reportlab.platypus import Paragraph

    lines = [f"<b>{label}</b>", _esc(p.name), *(_esc(a) for a in p.address)]
    if p.account:
        lines.append(f"Account: {_esc(p.account)}")
    return [Paragraph("<br/>".join(lines), style)]


def _parties(rem: Remittance, size: tuple[float, float], styles: dict[str, Any]):
    """Payer and payee side by side, then the reference, value date, amount and count."""
    from reportlab.lib.units import mm
    from reportlab.platypus import LongTable, Paragraph, TableStyle

    base = styles["base"]
    cur = rem.currency
    info = LongTable(
        [
            [_party("Payer", rem.payer, base), _party("Payee", rem.payee, base)],
            [
                Paragraph(
                    f"<b>Reference</b> {_esc(rem.reference)}<br/><b>Value date</b> "
                    f"{rem.value_date.isoformat()}",
                    base,
                ),
                Paragraph(
                    f"<b>Transfer amount</b> {rem.fmt(rem.amount)} {cur}<br/><b>Invoices</b> "
                    f"{sum(1 for ln in rem.lines if ln.kind == 'invoice')}",
                    base,
                ),
            ],
        ],
        colWidths=[(size[0] - 36 * mm) / 2] * 2,
    )
    info.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))  # fmt: skip
    return info


def _invoice_table(rem: Remittance, size: tuple[float, float], styles: dict[str, Any]):
    """One row per invoice (the header repeated on every page), closed by the total; the
    note, widest, names what the invoice received before (a credit note, with its figure)."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import LongTable, Paragraph, TableStyle

    cur = rem.currency
    header = ["Invoice", "Invoice date", f"Invoice total ({cur})", f"Paid now ({cur})",
              f"Still open ({cur})", "Note"]  # fmt: skip
    rows = [[Paragraph(h, styles["head"]) for h in header]]
    for ln in rem.lines:
        note = Paragraph(_esc(ln.note), styles["small"])
        rows.append([
            ln.invoice, ln.invoice_date.isoformat() if ln.invoice_date else "",
            rem.fmt(ln.invoice_total), rem.fmt(ln.signed), rem.fmt(ln.remaining), note,
        ])  # fmt: skip
    rows.append(["Total", "", "", rem.fmt(rem.control_total), "", ""])
    width = size[0] - 36 * mm
    table = LongTable(
        rows, repeatRows=1,
        colWidths=[w * width for w in (0.15, 0.12, 0.17, 0.14, 0.14, 0.28)],
    )  # fmt: skip
    table.setStyle(
        TableStyle([
            ("FONT", (0, 0), (-1, -1), FONT, 8.5),
            ("FONT", (0, -1), (-1, -1), BOLD, 8.5),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8edf3")),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.HexColor("#5b6b7f")),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black),
            ("ROWBACKGROUNDS", (0, 1), (-1, -2), [colors.white, colors.HexColor("#f7f9fb")]),
            ("ALIGN", (2, 1), (4, -1), "RIGHT"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ])
    )  # fmt: skip
    return table


def _closing(rem: Remittance, styles: dict[str, Any]) -> list:
    """The control total against the transfer amount, and the bank transfer reference."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer

    base = styles["base"]
    cur = rem.currency
    bank, fits = rem.bank_text()
    story = [
        Paragraph(
            f"<b>Control total</b> {rem.fmt(rem.control_total)} {cur} = transfer amount "
            f"{rem.fmt(rem.amount)} {cur}",
            base,
        ),
        Spacer(0, 2 * mm),
        Paragraph(f"<b>Bank transfer reference</b> {_esc(bank)}", base),
    ]
    if not fits:
        story.append(
            Paragraph(
                "The invoice list does not fit the transfer's 140 characters: this advice "
                "travels with the payment.",
                styles["small"],
            )
        )
    return story


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
