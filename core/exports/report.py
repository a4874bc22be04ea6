"""The Excel report: where every invoice, payment and credit stands, as of a date.

One workbook (xlsxwriter, streamed: a 100,000-invoice workspace writes in
seconds): a cover; a balance bridge per currency; aging per currency,
customer and invoice; open invoices; the allocations ledger; unallocated
payments with their age; credit notes and where they went; void/rebill
chains; customer charges per subscription.  Every text from an imported file
is written as text (``write_string``): never a formula, link or DDE call.
Totals rows are formulas Excel recomputes.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

from core.aging import DATE_UNKNOWN, bucket_names, bucket_of, by_currency, by_customer
from core.explain import shown
from core.ledger import Ledger
from core.model import SourceKind
from core.money import currency_decimals

MAX_ROWS = 1_048_576  # a worksheet's rows (Excel's limit)
MAX_CELL = 32_767  # a cell's characters (Excel's limit)
LONG_TEXTS = "Long texts"


class _Sheet:
    """A table on a worksheet: typed cells, header, totals, filter, frozen panes, print setup.

    Nothing is lost to Excel's limits: past its last row the table continues on a sheet of
    the same name with "(2)", "(3)"...; a text longer than a cell holds is cut with a note
    saying where the whole text is (the "Long texts" sheet, in pieces a cell each)."""

    def __init__(self, book, formats, name: str, title: str, columns: list[tuple[str, str, int]]):
        self.book, self.f, self.name, self.title = book, formats, name, title
        self.columns = columns  # (header, kind, width); kind: text, date, int, money:CUR, cur
        self.parts = 0
        self._start()

    def _start(self) -> None:
        self.parts += 1
        suffix = f" ({self.parts})" if self.parts > 1 else ""
        self.ws = self.book.add_worksheet(self.name[: 31 - len(suffix)] + suffix)
        self.ws.write_string(0, 0, self.title + (" (continued)" if suffix else ""),
                             self.f["title"])  # fmt: skip
        for c, (header, _kind, width) in enumerate(self.columns):
            self.ws.write_string(2, c, header, self.f["header"])
            self.ws.set_column(c, c, width)
        self.row = 3
        self.sums: dict[int, Decimal] = defaultdict(Decimal)  # each money column's total
        self.ws.freeze_panes(3, 0)
        self.ws.set_landscape()
        self.ws.fit_to_pages(1, 0)
        self.ws.repeat_rows(2)
        self.ws.set_footer("&L&A&RPage &P of &N")

    def add(self, values: list) -> None:
        if self.row >= MAX_ROWS - 1:  # the last row is for the totals
            self.close()
            self._start()
        for c, value in enumerate(values):
            kind = self.columns[c][1]
            if value is None or value == "":
                continue
            if kind == "text" or isinstance(value, str):
                self.ws.write_string(self.row, c, self._fitted(str(value), c))
            elif kind == "date":
                self.ws.write_datetime(
                    self.row, c, datetime(value.year, value.month, value.day), self.f["date"]
                )
            elif kind == "datetime":
                self.ws.write_datetime(self.row, c, value, self.f["datetime"])
            elif kind == "int":
                self.ws.write_number(self.row, c, value)
            else:  # money in the currency named by the row's "cur" column
                cur = values[self._currency_col()] or "EUR"
                self.ws.write_number(self.row, c, value, self.f.money(cur))
                self.sums[c] += Decimal(value)
        self.row += 1

    def _fitted(self, text: str, col: int) -> str:
        if len(text) <= MAX_CELL:
            return text
        quoted = self.ws.name.replace("'", "''")
        where = f"'{quoted}'!{_col(col)}{self.row + 1}"
        first = self.f.long_text(where, text)
        note = (f" … [cut: {len(text):,} characters; the whole text is on the sheet "
                f"'{LONG_TEXTS}' from row {first}]")  # fmt: skip
        return text[: MAX_CELL - len(note)] + note

    def _currency_col(self) -> int:
        return next(i for i, col in enumerate(self.columns) if col[1] == "cur")

    def close(self, totals: bool = True) -> None:
        last = self.row - 1
        if self.row > 3:
            self.ws.autofilter(2, 0, last, len(self.columns) - 1)
        money_cols = [i for i, col in enumerate(self.columns) if col[1] == "money"]
        if totals and money_cols and self.row > 3:
            self.ws.write_string(self.row, 0, "Total (of the rows shown)", self.f["bold"])
            for c in money_cols:
                letter = _col(c)
                self.ws.write_formula(  # with its value, for readers that do not compute
                    self.row,
                    c,
                    f"=SUBTOTAL(109,{letter}4:{letter}{last + 1})",
                    self.f["total"],
                    self.sums[c],
                )


def _col(index: int) -> str:
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


class _Formats(dict):
    def __init__(self, book):
        super().__init__(
            title=book.add_format({"bold": True, "font_size": 14}),
            header=book.add_format(
                {"bold": True, "bg_color": "#E8EDF3", "bottom": 1, "text_wrap": True,
                 "valign": "top"}
            ),
            bold=book.add_format({"bold": True}),
            total=book.add_format({"bold": True, "top": 1, "num_format": "#,##0.00"}),
            date=book.add_format({"num_format": "yyyy-mm-dd", "align": "left"}),
            datetime=book.add_format({"num_format": "yyyy-mm-dd hh:mm", "align": "left"}),
        )  # fmt: skip
        self.book = book
        self._money: dict[str, object] = {}
        self.long: list[tuple[str, str]] = []  # (cell, whole text) written last
        self._long_rows = 4  # the next free row of the "Long texts" sheet (1-based)

    def long_text(self, where: str, text: str) -> int:
        """Keep ``text`` of the cell ``where`` for the "Long texts" sheet; the row it starts
        on."""
        first = self._long_rows
        self.long.append((where, text))
        self._long_rows += -(-len(text) // MAX_CELL)
        return first

    def write_long_texts(self) -> None:
        """The texts longer than a cell, in pieces of a cell each, one after the other."""
        if not self.long:
            return
        sheet = self.book.add_worksheet(LONG_TEXTS)
        sheet.write_string(0, 0, "Texts longer than a cell holds, whole, in pieces",
                           self["title"])  # fmt: skip
        for c, (header, width) in enumerate([("Cell", 24), ("Piece", 8), ("Text", 120)]):
            sheet.write_string(2, c, header, self["header"])
            sheet.set_column(c, c, width)
        row = 3
        for where, text in self.long:
            for k in range(0, len(text), MAX_CELL):
                sheet.write_string(row, 0, where)
                sheet.write_number(row, 1, k // MAX_CELL + 1)
                sheet.write_string(row, 2, text[k : k + MAX_CELL])
                row += 1

    def money(self, currency: str):
        if currency not in self._money:
            d = currency_decimals(currency)
            body = "#,##0" + ("." + "0" * d if d else "")
            self._money[currency] = self.book.add_format(
                {"num_format": f'{body} "{currency}";-{body} "{currency}"'}
            )
        return self._money[currency]


class _Workspace(Protocol):
    """What the report reads of a workspace (``core.workspace.Workspace``): where it is, its
    settings and the books, alerts, charges and claims services."""

    @property
    def path(self) -> Path: ...

    @property
    def url(self) -> str | None: ...

    @property
    def where(self) -> str: ...

    @property
    def books(self) -> Any: ...

    @property
    def settings(self) -> Any: ...

    @property
    def alerts(self) -> Any: ...

    @property
    def charges(self) -> Any: ...

    @property
    def claims(self) -> Any: ...


def write_report(ws: _Workspace, path: Path, as_of: date) -> Path:
    import xlsxwriter

    ledger = ws.books.ledger(as_of)
    book = xlsxwriter.Workbook(
        str(path),
        {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
         "strings_to_numbers": False, "default_date_format": "yyyy-mm-dd"},
    )  # fmt: skip
    f = _Formats(book)
    _cover(book, f, ws, ledger, as_of)
    _summary(book, f, ledger, as_of)
    buckets = (*bucket_names(ledger.aging_limits), DATE_UNKNOWN)
    _alerts(book, f, ws, ledger, as_of)
    _aging(book, f, ledger, as_of, buckets)
    _aging_by_customer(book, f, ws, ledger, buckets)
    _open_invoices(book, f, ledger, as_of)
    _allocations(book, f, ws, ledger)
    _unallocated_payments(book, f, ws, ledger, as_of)
    _credit_notes(book, f, ledger)
    _void_and_rebill(book, f, ledger)
    _customer_charges(book, f, ws, ledger)
    _charges_explained(book, f, ws)
    _disputes_and_claims(book, f, ws)
    f.write_long_texts()
    book.close()
    return path


def _cover(book, f: _Formats, ws: _Workspace, ledger: Ledger, as_of: date) -> None:
    generated = datetime.now().replace(microsecond=0)
    cover = book.add_worksheet("Cover")
    cover.set_column(0, 0, 28)
    cover.set_column(1, 1, 60)
    cover.write_string(0, 0, "CSP Reconciler report", f["title"])
    for r, (label, value) in enumerate(
        [
            ("Company", ws.settings.get("company_name", "") or ""),
            ("Workspace", ws.path.name if ws.url is None else ws.where),
            ("As of", as_of),
            ("Generated", generated),
            ("Payment term", f"{ledger.term_days} days from the invoice date"),
        ],
        start=2,
    ):
        cover.write_string(r, 0, label, f["bold"])
        if isinstance(value, datetime):
            cover.write_datetime(r, 1, value, f["datetime"])
        elif isinstance(value, date):
            cover.write_datetime(r, 1, datetime(value.year, value.month, value.day), f["date"])
        else:
            cover.write_string(r, 1, value)
    cover.write_string(8, 0, "Sheets", f["bold"])
    sheets = [
        "Summary", "Aging", "Aging by customer", "Open invoices", "Allocations",
        "Unallocated payments", "Credit notes", "Void and rebill", "Customer charges",
    ]  # fmt: skip
    for i, name in enumerate(sheets, start=9):
        cover.write_string(i, 1, name)


def _summary(book, f: _Formats, ledger: Ledger, as_of: date) -> None:
    """The balance bridge from invoiced to amount due, per currency."""
    bridge = defaultdict(lambda: defaultdict(Decimal))
    for inv in ledger.invoices.values():
        cur = inv.document.currency
        if inv.status == "void_note":
            continue
        bridge[cur]["issued"] += inv.document.total
        if not inv.counted:
            bridge[cur]["voided"] += inv.document.total
        else:
            for a in inv.allocations:
                key = "paid" if a.allocation.source_kind == SourceKind.PAYMENT else "credited"
                bridge[cur][key] += a.applied
    balance = ledger.balance()
    s = _Sheet(book, f, "Summary", f"Balance as of {as_of.isoformat()}: from invoiced to due",
               [("Currency", "cur", 10),
                ("Invoices issued (incl. voided originals)", "money", 22),
                ("Less voided originals", "money", 18), ("Counted invoices", "money", 18),
                ("Less payments allocated", "money", 18),
                ("Less credit notes applied", "money", 18), ("Amount due", "money", 18),
                ("Unallocated payments (not deducted)", "money", 20),
                ("Unapplied credits", "money", 18)])  # fmt: skip
    for cur in sorted(set(bridge) | set(balance)):
        b = bridge[cur]
        r = s.row + 1
        s.add([cur, b["issued"], -b["voided"], None, -b["paid"], -b["credited"], None,
               balance[cur].unallocated_payments if cur in balance else Decimal(0),
               balance[cur].unapplied_credits if cur in balance else Decimal(0)])  # fmt: skip
        fmt = f.money(cur)
        counted = b["issued"] - b["voided"]
        s.ws.write_formula(s.row - 1, 3, f"=B{r}+C{r}", fmt, counted)
        s.ws.write_formula(s.row - 1, 6, f"=D{r}+E{r}+F{r}", fmt,
                           counted - b["paid"] - b["credited"])  # fmt: skip
    s.close(totals=False)


def _alerts(book, f: _Formats, ws: _Workspace, ledger: Ledger, as_of: date) -> None:
    found, _calendar, _lives = ws.alerts.findings(as_of, ledger=ledger)
    s = _Sheet(book, f, "Alerts", f"What is due, missing or stuck as of {as_of.isoformat()}, "
               "most urgent first", [("Kind", "text", 22), ("Stage", "text", 12),
               ("Concerns", "text", 22), ("Date", "date", 11), ("Currency", "cur", 8),
               ("Amount", "money", 14), ("What to do", "text", 110)])  # fmt: skip
    for a in found:
        s.add([a.kind.replace("_", " "), a.stage, a.subject, a.on, a.currency or "",
               a.amount, a.message])  # fmt: skip
    s.close(totals=False)  # amounts in several currencies and kinds: no one total


def _aging(book, f: _Formats, ledger: Ledger, as_of: date, buckets: tuple[str, ...]) -> None:
    """Aging per currency."""
    s = _Sheet(book, f, "Aging", f"Open amounts by days past due, as of {as_of.isoformat()}",
               [("Currency", "cur", 10)] + [(b, "money", 15) for b in buckets]
               + [("Total", "money", 16)])  # fmt: skip
    for cur, row in by_currency(ledger).items():
        s.add([cur, *(row.get(b, Decimal(0)) for b in buckets), row["total"]])
    s.close(totals=False)


def _aging_by_customer(
    book, f: _Formats, ws: _Workspace, ledger: Ledger, buckets: tuple[str, ...]
) -> None:
    s = _Sheet(book, f, "Aging by customer", "Open amounts per customer (shares of each invoice "
               "in proportion to its lines)",
               [("Currency", "cur", 10), ("Customer", "text", 34)]
               + [(b, "money", 15) for b in buckets]
               + [("Total", "money", 16)])  # fmt: skip
    for cur, customers in by_customer(ledger, ws.books.customer_weights()).items():
        for customer, row in customers.items():
            s.add(
                [
                    cur,
                    customer or "(unknown)",
                    *(row.get(b, Decimal(0)) for b in buckets),
                    row["total"],
                ]
            )
    s.close()


def _open_invoices(book, f: _Formats, ledger: Ledger, as_of: date) -> None:
    """Open invoices, with due dates and days past due."""
    s = _Sheet(
        book,
        f,
        "Open invoices",
        f"Open invoices as of {as_of.isoformat()}",
        [
            ("Invoice", "text", 14),
            ("Type", "text", 12),
            ("Date", "date", 12),
            ("Due date", "date", 12),
            ("Currency", "cur", 9),
            ("Total", "money", 15),
            ("Paid and credited", "money", 15),
            ("Open", "money", 15),
            ("Days past due", "int", 9),
            ("Bucket", "text", 11),
            ("Status", "text", 12),
        ],
    )
    for inv in sorted(ledger.invoices.values(),
                      key=lambda i: (i.due_date or date.max, i.document.number)):  # fmt: skip
        if not inv.counted or inv.open == 0:
            continue
        d = inv.document
        s.add([d.number, d.invoice_type.value or d.document_type.value, d.date, inv.due_date,
               d.currency, d.total, inv.applied, inv.open, inv.days_past_due,
               bucket_of(inv.days_past_due, ledger.aging_limits), inv.status])  # fmt: skip
    s.close()


def _allocations(book, f: _Formats, ws: _Workspace, ledger: Ledger) -> None:
    """The allocations ledger."""
    who = ws.books.allocation_audit()
    s = _Sheet(book, f, "Allocations", "Every allocation: money → invoice",
               [("#", "int", 7), ("Source", "text", 14), ("Kind", "text", 9),
                ("Source date", "date", 12), ("Invoice", "text", 14), ("Aimed at", "text", 14),
                ("Currency", "cur", 9), ("Amount", "money", 15), ("Method", "text", 14),
                ("Recorded", "datetime", 17), ("By", "text", 12)])  # fmt: skip
    rows = []
    for src in [*ledger.payments.values(), *ledger.credits.values()]:
        for a in src.allocations:
            rows.append((a.allocation.id, src, a))
    for n, src, a in sorted(rows, key=lambda r: r[0]):
        at, user = who.get(n, (None, ""))
        s.add([n, src.id, src.kind.value, src.date, a.target or "", a.allocation.invoice_number,
               src.currency, a.applied, a.allocation.method, at, user])  # fmt: skip
    s.close()


def _unallocated_payments(book, f: _Formats, ws: _Workspace, ledger: Ledger, as_of: date) -> None:
    s = _Sheet(book, f, "Unallocated payments", "Payments with money not applied to an invoice",
               [("Payment", "text", 10), ("Date", "date", 12), ("Age (days)", "int", 10),
                ("Currency", "cur", 9), ("Amount", "money", 15), ("Unallocated", "money", 15),
                ("Flags", "text", 26), ("Reference", "text", 50)])  # fmt: skip
    refs = {p.id: p.reference for p in ws.books.payments()}
    for p in sorted(ledger.payments.values(), key=lambda p: (p.date or date.min, p.id)):
        if p.remaining > 0:
            s.add([p.id, p.date, (as_of - p.date).days if p.date else None, p.currency, p.amount,
                   p.remaining, ", ".join(p.flags), refs.get(p.id, "")])  # fmt: skip
    s.close()


def _credit_notes(book, f: _Formats, ledger: Ledger) -> None:
    s = _Sheet(book, f, "Credit notes", "Credit notes and where they went",
               [("Credit note", "text", 14), ("Date", "date", 12), ("Currency", "cur", 9),
                ("Credit", "money", 15), ("Applied to", "text", 14), ("Amount", "money", 15),
                ("Unapplied", "money", 15)])  # fmt: skip
    for c in sorted(ledger.credits.values(), key=lambda c: (c.date or date.min, c.id)):
        if not c.allocations:
            s.add([c.id, c.date, c.currency, c.amount, "", None, c.remaining])
        for i, a in enumerate(c.allocations):
            s.add([c.id, c.date, c.currency, c.amount if i == 0 else None, a.target or "",
                   a.applied, c.remaining if i == 0 else None])  # fmt: skip
    s.close(totals=False)


def _void_and_rebill(book, f: _Formats, ledger: Ledger) -> None:
    s = _Sheet(book, f, "Void and rebill", "Voided invoices, their void notes and rebills",
               [("Original", "text", 14), ("Date", "date", 12), ("Currency", "cur", 9),
                ("Total", "money", 15), ("Voided by", "text", 14), ("Rebilled as", "text", 14),
                ("Rebill total", "money", 15), ("Counts now", "text", 14)])  # fmt: skip
    for inv in sorted(ledger.invoices.values(), key=lambda i: i.document.number):
        if inv.status != "voided":
            continue
        final = ledger.resolve(inv.document.number)
        rebill = ledger.invoices.get(inv.rebilled_as) if inv.rebilled_as else None
        s.add([inv.document.number, inv.document.date, inv.document.currency,
               inv.document.total, inv.voided_by or "", inv.rebilled_as or "",
               rebill.document.total if rebill else None, final or "nothing"])  # fmt: skip
    s.close(totals=False)


def _customer_charges(book, f: _Formats, ws: _Workspace, ledger: Ledger) -> None:
    s = _Sheet(book, f, "Customer charges", "Charges per customer and invoice, from the "
               "reconciliation lines (for re-billing)",
               [("Customer", "text", 34), ("Customer id", "text", 38),
                ("Invoice", "text", 14), ("Currency", "cur", 9),
                ("Lines", "int", 8), ("Charges", "money", 15)])  # fmt: skip
    for row in ws.books.customer_charges():
        inv = ledger.invoices.get(row[2])
        if inv is not None and inv.counted:  # a voided invoice's lines are re-billed by its rebill
            s.add(row)
    s.close()


def _charges_explained(book, f: _Formats, ws: _Workspace) -> None:
    """Why lines cost what they do, per customer; the lines that contradict a rule first."""

    def order(ex):
        return (not ex.checks, ex.line.customer_name.lower(), ex.line.invoice_number, ex.label)

    explained = sorted(ws.charges.explained_lines(), key=order)
    s = _Sheet(book, f, "Charges explained", "Lines converted, prorated or credited, per "
               "customer; those that contradict the published rules first (checks)",
               [("Check", "text", 22), ("Customer", "text", 30), ("Line", "text", 16),
                ("Product", "text", 28), ("From", "date", 11), ("To", "date", 11),
                ("Currency", "cur", 8), ("Subtotal", "money", 13), ("Expected", "money", 13),
                ("Explanation", "text", 120)])  # fmt: skip
    for ex in explained:
        ln = ex.line
        checks = ex.checks or [None]
        for c in checks:
            s.add([c.kind if c else "", ln.customer_name or ln.customer_id, ex.label,
                   ln.product, ln.charge_start, ln.charge_end, ln.currency, ln.subtotal,
                   None if c is None or c.expected is None else shown(c.expected, ln.currency),
                   " ".join(ex.text())])  # fmt: skip
    s.close(totals=False)


def _disputes_and_claims(book, f: _Formats, ws: _Workspace) -> None:
    s = _Sheet(book, f, "Disputes and claims", "Disputed amounts and SLA credit claims; open "
               "ones until the credit note that settles them is linked",
               [("#", "int", 6), ("Kind", "text", 10), ("Concerns", "text", 30),
                ("Currency", "cur", 8), ("Amount", "money", 13), ("Reason", "text", 50),
                ("Ticket", "text", 14), ("Opened", "date", 11), ("Age (days)", "int", 10),
                ("State", "text", 10), ("Credit note", "text", 14)])  # fmt: skip
    for c in sorted(ws.claims.list(), key=lambda c: (c["state"] != "open", c["id"])):
        about = (c["line"] or c["invoice"]) if c["kind"] == "dispute" else (
            f"{c['service']} {c['month']} ({c['availability']} %)")  # fmt: skip
        s.add([c["id"], "dispute" if c["kind"] == "dispute" else "SLA credit", about,
               c["currency"], Decimal(c["amount"]), c["reason"], c["ticket"],
               date.fromisoformat(c["opened_on"]), c["age_days"], c["state"],
               c["credit_note"] or ""])  # fmt: skip
    s.close(totals=False)
