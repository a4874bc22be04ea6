"""Allocate a payment or credit note, or settle an invoice: amounts to edit, each change
checked by the core (``ws.allocations.check`` / ``check_settle``), never by the dialog."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from core.money import parse_decimal
from desktop.screens import fit, remember_size
from widgets.formats import date_text, edit_text, error_text, money_text

Requests = list[tuple[str, Decimal]]
#: ``check(requests, answer)``: ask the core, off the GUI thread, whether these amounts
#: can be recorded; ``answer`` gets what would be recorded, or the refusal (an exception).
Check = Callable[[Requests, Callable[[object], None]], None]
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
REFUSED = QColor("#fde7e9")  # the background of the amount refused


def _fixed(text: str, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if right:
        item.setTextAlignment(RIGHT)
    return item


class CheckedDialog(QDialog):
    """Amounts in the last column of ``table``, one row per ``keys``; every edit asks the
    core's check, whose answer enables OK or shows the refusal.  Enter while a check runs
    accepts as soon as it passes."""

    checked = Signal(bool)  # the core answered the latest amounts: recordable or not

    def _setup_check(self, check: Check, keys: list[str]) -> None:
        self._check, self.keys = check, keys
        self._asked = 0
        self._accept_when_checked = False
        self._edited: int | None = None  # the row whose amount was edited last
        self.refused_row: int | None = None  # the row whose amount is refused, marked
        self.message = QLabel()
        self.message.setObjectName("refusal")
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

    def _amount(self, row: int) -> Decimal | None:
        """The amount typed in ``row`` (blank is 0), or None when it is not an amount."""
        raw = self.table.item(row, self.table.columnCount() - 1).text().strip() or "0"
        try:
            return parse_decimal(raw)
        except (ValueError, InvalidOperation):
            return None

    def requests(self) -> Requests | None:
        """(key, amount) for each non-zero amount, or None with the unreadable one named."""
        out = []
        column = self.table.columnCount() - 1
        for r, key in enumerate(self.keys):
            amount = self._amount(r)
            if amount is None:
                raw = self.table.item(r, column).text().strip()
                self._refuse(r, self.tr("%s: '%s' is not an amount") % (key, raw))
                self.table.setCurrentCell(r, column)
                return None
            if amount:
                out.append((key, amount))
        return out

    def counted(self) -> Decimal:
        """What the amounts add up to, the refused one left out (it cannot be recorded)."""
        return sum((a for r in range(len(self.keys)) if r != self.refused_row
                    and (a := self._amount(r)) is not None), Decimal(0))  # fmt: skip

    def _update(self, item=None) -> None:
        if item is not None:
            self._edited = item.row()
        self._refuse(None, "")
        self._ok().setEnabled(False)
        self._asked += 1
        requests = self.requests()
        self._show_totals()
        if requests:
            asked = self._asked
            self._check(requests, lambda answer: self._answered(asked, answer))

    def _show_totals(self) -> None:
        """What remains, when the dialog shows it."""

    def _refuse(self, row: int | None, said: str) -> None:
        """Say a refusal by the amount it is about (its cell marked, the reason in its
        tooltip and just under the table); ``row`` None takes every mark away."""
        column = self.table.columnCount() - 1
        self.table.blockSignals(True)
        for r in range(self.table.rowCount()):
            cell = self.table.item(r, column)
            cell.setBackground(QBrush(REFUSED) if r == row else QBrush())
            cell.setToolTip(said if r == row else "")
        self.table.blockSignals(False)
        self.refused_row = row
        self.message.setText(said)
        if row is not None:
            self.table.scrollToItem(self.table.item(row, column))

    def _refused_row(self, said: str) -> int | None:
        """The row a refusal is about: the one it names, else the amount edited last."""
        named = [r for r, key in enumerate(self.keys) if key in said]
        return named[0] if named else self._edited

    def _answered(self, asked: int, answer: object) -> None:
        if asked != self._asked:  # amounts edited since: a newer answer is coming
            return
        ok = not isinstance(answer, Exception)
        if ok:
            self._refuse(None, "")
        else:
            said = error_text(answer)  # a refusal of the core in the window's language
            self._refuse(self._refused_row(said), said)
        self._show_totals()
        self._ok().setEnabled(ok)
        self.checked.emit(ok)
        if ok and self._accept_when_checked:
            self.accept()

    def _ok(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def keyPressEvent(self, event) -> None:
        """Enter confirms, also while the core is still checking the amounts."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._accept()
        else:
            super().keyPressEvent(event)

    def _accept(self) -> None:
        if self._ok().isEnabled():
            self.accept()
        elif self.requests():  # the check has not answered yet
            self._accept_when_checked = True


class AllocationDialog(CheckedDialog):
    """A payment's or credit note's money to the invoices the core proposes, pre-filled with
    its amounts (quoted invoices first, a voided one's rebill in its place, then the oldest
    due); edit them, watch what remains, confirm with Enter."""

    def __init__(self, source: dict, invoices: list[dict], proposal: list[tuple[str, Decimal]],
                 check: Check, parent=None) -> None:  # fmt: skip
        super().__init__(parent)
        self.source = source
        self.currency = source["currency"]
        self.available = source.get("unallocated", source.get("unapplied")) or Decimal(0)
        name = source.get("id") or source.get("number")
        self.setWindowTitle(self.tr("Allocate %s") % name)
        fit(self, 720, 420)
        remember_size(self, "allocate")
        by_number = {i["number"]: i for i in invoices}
        self.rows = [(by_number[n], amount) for n, amount in proposal if n in by_number]
        self._setup_check(check, [inv["number"] for inv, _ in self.rows])
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("%s of %s to allocate. Edit the amounts; leave 0 to skip.")
                                % (money_text(self.available, self.currency), name)))  # fmt: skip
        self.table = QTableWidget(len(self.rows), 4)
        self.table.setAccessibleName(self.tr("Invoices to allocate to"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Invoice"), self.tr("Due"), self.tr("Still owes"), self.tr("Allocate")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        for r, (inv, amount) in enumerate(self.rows):
            self.table.setItem(r, 0, _fixed(inv["number"]))
            self.table.setItem(r, 1, _fixed(date_text(inv["due_date"] or "")))
            self.table.setItem(r, 2, _fixed(money_text(inv["open"], self.currency), True))
            edit = QTableWidgetItem(edit_text(amount))
            edit.setTextAlignment(RIGHT)
            self.table.setItem(r, 3, edit)
        self.table.itemChanged.connect(self._update)
        layout.addWidget(self.table)
        layout.addWidget(self.message)  # the refusal by the table, its cell marked
        self.remaining = QLabel()
        layout.addWidget(self.remaining)
        in_order = self.buttons.addButton(
            self.tr("Allocate to the selected, in order"), QDialogButtonBox.ButtonRole.ActionRole
        )
        in_order.clicked.connect(self.allocate_selected_in_order)
        layout.addWidget(self.buttons)
        self._update()

    def _show_totals(self) -> None:
        left = money_text(self.available - self.counted(), self.currency)
        if self.refused_row is None:
            self.remaining.setText(self.tr("Remaining to allocate: %s") % left)
        else:
            said = self.tr("Remaining to allocate: %s, without the amount refused for %s")
            self.remaining.setText(said % (left, self.keys[self.refused_row]))

    def allocate_selected_in_order(self) -> None:
        """The selected invoices, top to bottom, each up to what it owes, while money lasts;
        every other row goes to zero."""
        selected = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        left = self.available
        self.table.blockSignals(True)
        for r, (inv, _) in enumerate(self.rows):
            amount = Decimal(0)
            if r in selected and left > 0:
                amount = min(left, inv["open"])
                left -= amount
            self.table.item(r, 3).setText(edit_text(amount))
        self.table.blockSignals(False)
        self._update()


class SettleDialog(CheckedDialog):
    """From an invoice: the payments and credit notes of its currency that can settle it,
    recorded together or not at all."""

    def __init__(self, invoice: dict, payments: list[dict], credits: list[dict], check: Check,
                 parent=None):  # fmt: skip
        super().__init__(parent)
        self.invoice = invoice
        cur = invoice["currency"]
        self.owed = invoice["open"]
        self.setWindowTitle(self.tr("Settle %s") % invoice["number"])
        fit(self, 720, 420)
        remember_size(self, "settle")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("%s still owes %s.") % (
            invoice["number"], money_text(invoice["open"], cur))))  # fmt: skip
        sources = [(p["id"], p["unallocated"], p.get("reference", "")) for p in payments
                   if p["currency"] == cur and p["unallocated"] > 0]  # fmt: skip
        sources += [(c["number"], c["unapplied"], "") for c in credits
                    if c["currency"] == cur and c["unapplied"] > 0]  # fmt: skip
        described = {p["id"]: self._payment(p) for p in payments}
        described |= {c["number"]: self._credit(c) for c in credits}
        number = invoice["number"]
        sources.sort(key=lambda s: (number not in (s[2] or "").upper(), s[0]))  # fmt: skip
        self.sources = sources
        self._setup_check(check, [sid for sid, _a, _r in sources])
        self.table = QTableWidget(len(sources), 3)
        self.table.setAccessibleName(self.tr("Payments and credit notes to settle with"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Payment or credit note"), self.tr("Available"), self.tr("Allocate")]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        left = self.owed
        for r, (sid, available, _ref) in enumerate(sources):
            self.table.setItem(r, 0, _fixed(described.get(sid, sid)))
            self.table.item(r, 0).setToolTip(described.get(sid, sid))
            self.table.setItem(r, 1, _fixed(money_text(available, cur), True))
            take = min(left, available)
            left -= take
            edit = QTableWidgetItem(edit_text(take))
            edit.setTextAlignment(RIGHT)
            self.table.setItem(r, 2, edit)
        self.table.itemChanged.connect(self._update)
        layout.addWidget(self.table)
        layout.addWidget(self.message)  # the refusal by the table, its cell marked
        self.remaining = QLabel()
        layout.addWidget(self.remaining)
        layout.addWidget(self.buttons)
        self._update()

    def _payment(self, p: dict) -> str:
        """A payment as the clerk knows it: its date, its reference, its amount."""
        parts = [p["id"], date_text(str(p.get("date") or "")), p.get("reference") or "",
                 money_text(p.get("amount"), p["currency"])]  # fmt: skip
        return " — ".join(x for x in parts if x)

    def _credit(self, c: dict) -> str:
        parts = [self.tr("credit note %s") % c["number"], date_text(str(c.get("date") or "")),
                 money_text(c.get("total", c.get("amount")), c["currency"])]  # fmt: skip
        return " — ".join(x for x in parts if x)

    def _show_totals(self) -> None:
        cur = self.invoice["currency"]
        left = money_text(self.owed - self.counted(), cur)
        if self.refused_row is None:
            self.remaining.setText(self.tr("Still owed after these: %s") % left)
        else:
            self.remaining.setText(self.tr("Still owed after these: %s, without the amount "
                                           "refused") % left)  # fmt: skip
