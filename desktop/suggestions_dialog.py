"""Suggested allocations: each with its score and reasons; the clerk accepts or rejects."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
)

from desktop.screens import fit
from widgets.formats import money_text, speak

ID_ROLE = Qt.ItemDataRole.UserRole + 20


class SuggestionsDialog(QDialog):
    """One row per suggestion (best first for each payment); below, why."""

    accept_requested = Signal(str)
    reject_requested = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.payment: str | None = None  # the payment shown alone, else every one
        self.setWindowTitle(self.tr("Suggested allocations"))
        fit(self, 980, 560)
        self.summary = QLabel()
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Payment"), self.tr("Unallocated"),
                                              self.tr("Score"), self.tr("Evidence"),
                                              self.tr("Proposed allocation")])  # fmt: skip
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        self.reasons = QTextBrowser()
        self.reasons.setPlaceholderText(self.tr("Select a suggestion to see why it is made."))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.reasons)
        splitter.setSizes([380, 140])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        role = QDialogButtonBox.ButtonRole.ActionRole
        self.accept_button = self.buttons.addButton(self.tr("&Accept"), role)
        self.accept_button.setToolTip(self.tr("Allocate as proposed (Ctrl+Z undoes it)"))
        self.accept_button.clicked.connect(lambda: self._request(self.accept_requested))
        self.reject_button = self.buttons.addButton(self.tr("&Reject"), role)
        self.reject_button.setToolTip(self.tr("Never propose this allocation again"))
        self.reject_button.clicked.connect(lambda: self._request(self.reject_requested))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.answers: list[dict] = []
        self._selected()

    def show_answers(self, answers: list[dict]) -> None:
        """The engine's answers (:func:`core.suggestions.answer_json`)."""
        self.answers = answers
        rows = []
        for a in answers:
            for s in a["suggestions"]:
                rows.append((a, s))
            if not a["suggestions"]:
                rows.append((a, None))
        self.table.setRowCount(len(rows))
        for r, (a, s) in enumerate(rows):
            cur = a["currency"]
            if s is None:
                flagged = "wrong_currency" in a["flags"]
                values = [a["payment"], money_text(a["unallocated"], cur), "", self.tr("none"),
                          self.tr("Wrong currency: nothing to propose (see below)") if flagged
                          else self.tr("Nothing to propose (see below)")]  # fmt: skip
            else:
                lines = ", ".join(
                    f"{ln['source']} → {ln['invoice']} {money_text(ln['amount'], cur)}"
                    for ln in s["lines"]
                )
                kind = QCoreApplication.translate("Suggestions", _KINDS.get(s["kind"], s["kind"]))
                values = [a["payment"] if s["rank"] == 1 else "",
                          money_text(a["unallocated"], cur) if s["rank"] == 1 else "",
                          str(s["score"]), kind, lines]  # fmt: skip
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                item.setData(ID_ROLE, (a, s))
                if c in (1, 2):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        for c in range(4):
            self.table.resizeColumnToContents(c)
        count = sum(len(a["suggestions"]) for a in answers)
        self.summary.setText(self.tr("%n payment(s) with money left; ", "", len(answers))
                             + self.tr("%n suggestion(s)", "", count))  # fmt: skip
        if rows:
            self.table.selectRow(0)
        self._selected()

    def current(self) -> tuple[dict, dict | None] | None:
        items = self.table.selectedItems()
        return items[0].data(ID_ROLE) if items else None

    def _selected(self) -> None:
        chosen = self.current()
        suggestion = chosen[1] if chosen else None
        self.accept_button.setEnabled(suggestion is not None)
        self.reject_button.setEnabled(suggestion is not None)
        if chosen is None:
            self.reasons.clear()
            return
        a, s = chosen
        parts = [f"<b>{escape(a['payment'])}</b>"]
        if s is not None:
            parts[0] += f" — {escape(s['id'])} ({self.tr('score')} {s['score']})"
            parts.append("<ul>" + "".join(f"<li>{escape(speak(r))}</li>" for r in s["reasons"])
                         + "</ul>")  # fmt: skip
        if a["notes"]:
            parts.append("<p>" + "<br>".join(escape(speak(n)) for n in a["notes"]) + "</p>")
        if a["search_cut_short"]:
            parts.append(f"<p><i>{self.tr('The combination search was cut short.')}</i></p>")
        self.reasons.setHtml("".join(parts))

    def _request(self, signal) -> None:
        chosen = self.current()
        if chosen and chosen[1] is not None:
            self.accept_button.setEnabled(False)
            self.reject_button.setEnabled(False)
            signal.emit(chosen[1]["id"])


_KINDS = {
    "reference": QT_TRANSLATE_NOOP("Suggestions", "invoice number"),
    "amount": QT_TRANSLATE_NOOP("Suggestions", "amount"),
    "credit": QT_TRANSLATE_NOOP("Suggestions", "amount and credit note"),
    "combination": QT_TRANSLATE_NOOP("Suggestions", "several invoices"),
    "fallback": QT_TRANSLATE_NOOP("Suggestions", "fallback: oldest due"),
}
