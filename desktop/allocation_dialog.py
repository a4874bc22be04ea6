"""Allocate a payment or credit note, or settle an invoice: amounts to edit, each change
checked by the core (``ws.allocations.check`` / ``check_settle``), never by the dialog."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt, Signal
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
from desktop.screens import fit
from widgets.formats import edit_text, money_text

Requests = list[tuple[str, Decimal]]
#: ``check(requests, answer)``: ask the core, off the GUI thread, whether these amounts
#: can be recorded; ``answer`` gets what would be recorded, or the refusal (an exception).
Check = Callable[[Requests, Callable[[object], None]], None]
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


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
        self.message = QLabel()
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

    def requests(self) -> Requests | None:
        """(key, amount) for each non-zero amount, or None with the unreadable one named."""
        out = []
        column = self.table.columnCount() - 1
        for r, key in enumerate(self.keys):
            raw = self.table.item(r, column).text().strip() or "0"
            try:
                amount = parse_decimal(raw)
            except (ValueError, InvalidOperation):
                self.message.setText(self.tr("%s: '%s' is not an amount") % (key, raw))
                self.table.setCurrentCell(r, column)
                return None
            if amount:
                out.append((key, amount))
        return out

    def _update(self, *_args) -> None:
        self.message.setText("")
        self._ok().setEnabled(False)
        self._asked += 1
        requests = self.requests()
        self._show_totals(requests)
        if requests:
            asked = self._asked
            self._check(requests, lambda answer: self._answered(asked, answer))

    def _show_totals(self, requests: Requests | None) -> None:
        """What remains, when the dialog shows it."""

    def _answered(self, asked: int, answer: object) -> None:
        if asked != self._asked:  # amounts edited since: a newer answer is coming
            return
        ok = not isinstance(answer, Exception)
        self.message.setText("" if ok else str(answer))
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
        by_number = {i["number"]: i for i in invoices}
        self.rows = [(by_number[n], amount) for n, amount in proposal if n in by_number]
        self._setup_check(check, [inv["number"] for inv, _ in self.rows])
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("%s of %s to allocate. Edit the amounts; leave 0 to skip.")
                                % (money_text(self.available, self.currency), name)))  # fmt: skip
        self.table = QTableWidget(len(self.rows), 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Invoice"), self.tr("Due"), self.tr("Still owes"), self.tr("Allocate")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        for r, (inv, amount) in enumerate(self.rows):
            self.table.setItem(r, 0, _fixed(inv["number"]))
            self.table.setItem(r, 1, _fixed(inv["due_date"] or ""))
            self.table.setItem(r, 2, _fixed(money_text(inv["open"], self.currency), True))
            edit = QTableWidgetItem(edit_text(amount))
            edit.setTextAlignment(RIGHT)
            self.table.setItem(r, 3, edit)
        self.table.itemChanged.connect(self._update)
        layout.addWidget(self.table)
        self.remaining = QLabel()
        layout.addWidget(self.remaining)
        layout.addWidget(self.message)
        in_order = self.buttons.addButton(
            self.tr("Allocate to the selected, in order"), QDialogButtonBox.ButtonRole.ActionRole
        )
        in_order.clicked.connect(self.allocate_selected_in_order)
        layout.addWidget(self.buttons)
        self._update()

    def _show_totals(self, requests: Requests | None) -> None:
        if requests is not None:
            left = self.available - sum((a for _, a in requests), Decimal(0))
            self.remaining.setText(
                self.tr("Remaining to allocate: %s") % money_text(left, self.currency)
            )

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
        fit(self, 640, 360)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("%s still owes %s.") % (
            invoice["number"], money_text(invoice["open"], cur))))  # fmt: skip
        sources = [(p["id"], p["unallocated"], p.get("reference", "")) for p in payments
                   if p["currency"] == cur and p["unallocated"] > 0]  # fmt: skip
        sources += [(c["number"], c["unapplied"], "") for c in credits
                    if c["currency"] == cur and c["unapplied"] > 0]  # fmt: skip
        number = invoice["number"]
        sources.sort(key=lambda s: (number not in (s[2] or "").upper(), s[0]))  # fmt: skip
        self.sources = sources
        self._setup_check(check, [sid for sid, _a, _r in sources])
        self.table = QTableWidget(len(sources), 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Payment or credit note"), self.tr("Available"), self.tr("Allocate")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        left = self.owed
        for r, (sid, available, _ref) in enumerate(sources):
            self.table.setItem(r, 0, _fixed(sid))
            self.table.setItem(r, 1, _fixed(money_text(available, cur)))
            take = min(left, available)
            left -= take
            self.table.setItem(r, 2, QTableWidgetItem(edit_text(take)))
        self.table.itemChanged.connect(self._update)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._update()
