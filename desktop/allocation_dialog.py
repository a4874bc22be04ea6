"""Allocate a payment or credit note: open invoices of its currency, amounts to edit."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
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
from widgets.formats import money_text


def suggest(source: dict, invoices: list[dict]) -> list[tuple[dict, Decimal]]:
    """Open invoices of the source's currency with a suggested amount each: invoices the
    remittance text quotes first, then the oldest due, up to what the source has left."""
    cur = source["currency"]
    left = Decimal(source.get("unallocated") or source.get("unapplied") or "0")
    text = (source.get("reference") or "").upper()
    rows = [i for i in invoices
            if i["counted"] and i["currency"] == cur and Decimal(i["open"]) > 0]  # fmt: skip
    rows.sort(key=lambda i: (i["number"] not in text, i["due_date"] or "9999", i["number"]))
    out = []
    for inv in rows:
        take = min(left, Decimal(inv["open"]))
        out.append((inv, max(take, Decimal(0))))
        left -= max(take, Decimal(0))
    return out


class AllocationDialog(QDialog):
    """Edit the amounts, watch what remains, confirm with Enter."""

    def __init__(self, source: dict, invoices: list[dict], parent=None) -> None:
        super().__init__(parent)
        self.source = source
        self.currency = source["currency"]
        self.available = Decimal(source.get("unallocated") or source.get("unapplied") or "0")
        self.setWindowTitle(self.tr("Allocate %s") % (source.get("id") or source.get("number")))
        self.resize(720, 420)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("%s of %s to allocate. Edit the amounts; leave 0 to skip.")
                                % (money_text(str(self.available), self.currency),
                                   source.get("id") or source.get("number"))))  # fmt: skip
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Invoice"), self.tr("Due"), self.tr("Still owes"), self.tr("Allocate")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.rows = suggest(source, invoices)
        self.table.setRowCount(len(self.rows))
        for r, (inv, amount) in enumerate(self.rows):
            for c, value in enumerate(
                (inv["number"], inv["due_date"] or "", money_text(inv["open"], self.currency))
            ):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if c == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
            edit = QTableWidgetItem(str(amount))
            edit.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(r, 3, edit)
        self.table.itemChanged.connect(self._update)
        layout.addWidget(self.table)
        self.remaining = QLabel()
        self.message = QLabel()
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setWordWrap(True)
        layout.addWidget(self.remaining)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        in_order = self.buttons.addButton(
            self.tr("Allocate to the selected, in order"), QDialogButtonBox.ButtonRole.ActionRole
        )
        in_order.clicked.connect(self.allocate_selected_in_order)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update()

    def requests(self) -> list[tuple[str, Decimal]] | None:
        """(invoice, amount) for each non-zero amount, or None with a message shown."""
        out = []
        for r, (inv, _) in enumerate(self.rows):
            raw = self.table.item(r, 3).text().strip() or "0"
            try:
                amount = parse_decimal(raw)
            except (ValueError, InvalidOperation):
                self._refuse(r, self.tr("%s: '%s' is not an amount") % (inv["number"], raw))
                return None
            if amount < 0:
                self._refuse(r, self.tr("%s: the amount cannot be negative") % inv["number"])
                return None
            if amount > Decimal(inv["open"]):
                self._refuse(r, self.tr("%s still owes %s") % (
                    inv["number"], money_text(inv["open"], self.currency)))  # fmt: skip
                return None
            if amount:
                out.append((inv["number"], amount))
        total = sum((a for _, a in out), Decimal(0))
        if total > self.available:
            self._refuse(None, self.tr("%s allocated, only %s available") % (
                money_text(str(total), self.currency),
                money_text(str(self.available), self.currency)))  # fmt: skip
            return None
        return out

    def allocate_selected_in_order(self) -> None:
        """The selected invoices, top to bottom, each up to what it owes, while money lasts;
        every other row goes to zero."""
        selected = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        left = self.available
        self.table.blockSignals(True)
        for r, (inv, _) in enumerate(self.rows):
            amount = Decimal(0)
            if r in selected and left > 0:
                amount = min(left, Decimal(inv["open"]))
                left -= amount
            self.table.item(r, 3).setText(str(amount))
        self.table.blockSignals(False)
        self._update()

    def _refuse(self, row: int | None, message: str) -> None:
        self.message.setText(message)
        if row is not None:
            self.table.setCurrentCell(row, 3)

    def _update(self, *_args) -> None:
        self.message.setText("")
        requests = self.requests()
        ok = requests is not None and bool(requests)
        if requests is not None:
            left = self.available - sum((a for _, a in requests), Decimal(0))
            self.remaining.setText(
                self.tr("Remaining to allocate: %s") % money_text(str(left), self.currency)
            )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def _accept(self) -> None:
        if self.requests():
            self.accept()


class SettleDialog(QDialog):
    """From an invoice: the payments and credit notes of its currency that can settle it."""

    def __init__(self, invoice: dict, payments: list[dict], credits: list[dict], parent=None):
        super().__init__(parent)
        self.invoice = invoice
        cur = invoice["currency"]
        self.owed = Decimal(invoice["open"])
        self.setWindowTitle(self.tr("Settle %s") % invoice["number"])
        self.resize(640, 360)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("%s still owes %s.") % (
            invoice["number"], money_text(invoice["open"], cur))))  # fmt: skip
        sources = [
            (p["id"], Decimal(p["unallocated"]), p.get("reference", ""))
            for p in payments
            if p["currency"] == cur and Decimal(p["unallocated"]) > 0
        ]
        sources += [
            (c["number"], Decimal(c["unapplied"]), self.tr("credit note"))
            for c in credits
            if c["currency"] == cur and Decimal(c["unapplied"]) > 0
        ]
        number = invoice["number"]
        sources.sort(key=lambda s: (number not in (s[2] or "").upper(), s[0]))  # fmt: skip
        self.sources = sources
        self.table = QTableWidget(len(sources), 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Payment or credit note"), self.tr("Available"), self.tr("Allocate")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        left = self.owed
        for r, (sid, available, _ref) in enumerate(sources):
            for c, value in enumerate((sid, money_text(str(available), cur))):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(r, c, item)
            take = min(left, available)
            left -= take
            self.table.setItem(r, 2, QTableWidgetItem(str(take)))
        layout.addWidget(self.table)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b3261e;")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def requests(self) -> list[tuple[str, Decimal]] | None:
        """(source, amount) pairs, or None with the reason shown."""
        out, total = [], Decimal(0)
        cur = self.invoice["currency"]
        for r, (sid, available, _ref) in enumerate(self.sources):
            raw = self.table.item(r, 2).text().strip() or "0"
            try:
                amount = parse_decimal(raw)
            except (ValueError, InvalidOperation):
                self.message.setText(self.tr("%s: '%s' is not an amount") % (sid, raw))
                return None
            if amount < 0 or amount > available:
                self.message.setText(self.tr("%s has %s available") % (
                    sid, money_text(str(available), cur)))  # fmt: skip
                return None
            if amount:
                out.append((sid, amount))
                total += amount
        if total > self.owed:
            self.message.setText(self.tr("%s still owes %s") % (
                self.invoice["number"], money_text(str(self.owed), cur)))  # fmt: skip
            return None
        return out

    def _accept(self) -> None:
        if self.requests():
            self.accept()
