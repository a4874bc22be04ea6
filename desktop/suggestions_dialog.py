"""Suggested allocations: each with how sure it is and why; the clerk accepts or rejects.

A payment is shown as the clerk knows it (its date, reference and amount), the score as a
confidence in words (its number and meaning in the tooltip), and the advice in the words of
the window's menus."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
)

from desktop.screens import fit, remember_size
from widgets.formats import date_text, money_text, speak

ID_ROLE = Qt.ItemDataRole.UserRole + 20
#: the scores from which a suggestion is said to be of high, then medium confidence
HIGH, MEDIUM = 80, 50
#: the command line's words in the engine's advice, and the window's for the same
_CLI_WORDS = ("(export ticket)", "(export du ticket)")


def confidence(score: int) -> str:
    """A score (0-100) in words."""
    if score >= HIGH:
        return QCoreApplication.translate("Suggestions", "High")
    if score >= MEDIUM:
        return QCoreApplication.translate("Suggestions", "Medium")
    return QCoreApplication.translate("Suggestions", "Low")


def confidence_tip(score: int) -> str:
    return QCoreApplication.translate(
        "Suggestions",
        "Score %1 out of 100: how strongly the evidence (the invoice number quoted, the "
        "amount, the dates) points to this allocation. High from 80, medium from 50; a high "
        "score is still checked before anything is recorded.",
    ).replace("%1", str(score))


class SuggestionsDialog(QDialog):
    """One row per suggestion (best first for each payment); below, why."""

    accept_requested = Signal(str)
    reject_requested = Signal(str)
    show_all_requested = Signal()  # the clerk wants every payment's, not the selected one's

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.payment: str | None = None  # the payment shown alone, else every one
        snap = getattr(parent, "snap", None) or {}
        self.payments = {p["id"]: p for p in snap.get("payments", [])}
        self.setWindowTitle(self.tr("Suggested allocations"))
        fit(self, 980, 560)
        remember_size(self, "suggestions")
        self.summary = QLabel()
        self.only = QLabel()
        self.show_all = QPushButton(self.tr("Show &all payments"))
        self.show_all.clicked.connect(self._show_all)
        limited = QHBoxLayout()
        limited.addWidget(self.only, 1)
        limited.addWidget(self.show_all)
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName(self.tr("Suggestions"))
        self.table.setHorizontalHeaderLabels([self.tr("Payment"), self.tr("Unallocated"),
                                              self.tr("Confidence"), self.tr("Evidence"),
                                              self.tr("Proposed allocation")])  # fmt: skip
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        self.reasons = QTextBrowser()
        self.reasons.setAccessibleName(self.tr("Why it is proposed"))
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
        layout.addLayout(limited)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.answers: list[dict] = []
        self._selected()

    def limit_to(self, payment: str | None) -> None:
        """Show one payment's suggestions (the one selected in Payments), said in the title
        and above the list with a way to see every payment's; ``None``: every payment's."""
        self.payment = payment
        if payment is None:
            self.setWindowTitle(self.tr("Suggested allocations"))
        else:
            self.setWindowTitle(self.tr("Suggested allocations — %s only") % payment)
            self.only.setText(self.tr("Only the payment selected in Payments: %s")
                              % self.describe(payment))  # fmt: skip
        self.only.setVisible(payment is not None)
        self.show_all.setVisible(payment is not None)

    def _show_all(self) -> None:
        self.limit_to(None)
        self.show_all_requested.emit()

    def describe(self, payment: str) -> str:
        """A payment as the clerk knows it: its date, reference and amount."""
        p = self.payments.get(payment)
        if p is None:
            return payment
        parts = [payment, date_text(str(p.get("date") or "")), p.get("reference") or "",
                 money_text(p.get("amount"), p["currency"])]  # fmt: skip
        return " — ".join(x for x in parts if x)

    def speak(self, text: object) -> str:
        """The engine's advice in the window's words (menus, not commands)."""
        said = speak(text)
        for words in _CLI_WORDS:
            said = said.replace(words, self.tr("(Alerts and calendar: Copy the support ticket)"))
        return said

    def show_answers(self, answers: list[dict]) -> None:
        """The engine's answers (:func:`core.suggestions.answer_json`)."""
        self.limit_to(self.payment)
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
                values = [self.describe(a["payment"]), money_text(a["unallocated"], cur), "",
                          self.tr("none"),
                          self.tr("Wrong currency: nothing to propose (see below)") if flagged
                          else self.tr("Nothing to propose (see below)")]  # fmt: skip
            else:
                lines = ", ".join(
                    f"{ln['source']} → {ln['invoice']} {money_text(ln['amount'], cur)}"
                    for ln in s["lines"]
                )
                kind = QCoreApplication.translate("Suggestions", _KINDS.get(s["kind"], s["kind"]))
                values = [self.describe(a["payment"]) if s["rank"] == 1 else "",
                          money_text(a["unallocated"], cur) if s["rank"] == 1 else "",
                          confidence(s["score"]), kind, lines]  # fmt: skip
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(confidence_tip(s["score"]) if c == 2 and s else value)
                item.setData(ID_ROLE, (a, s))
                if c == 1:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        for c in range(4):
            self.table.resizeColumnToContents(c)
        # a payment's description is long: at most a third of the table (its tooltip says it
        # all), so the proposed allocation stays in view on a 1366-pixel screen
        third = max(240, self.table.viewport().width() // 3)
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), third))
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
        parts = [f"<b>{escape(self.describe(a['payment']))}</b>"]
        if s is not None:
            sure = self.tr("%s confidence (score %s out of 100)") % (confidence(s["score"]),
                                                                     s["score"])  # fmt: skip
            parts[0] += f"<br>{escape(sure)}"
            parts.append("<ul>" + "".join(f"<li>{escape(self.speak(r))}</li>"
                                          for r in s["reasons"]) + "</ul>")  # fmt: skip
        if a["notes"]:
            parts.append("<p>" + "<br>".join(escape(self.speak(n)) for n in a["notes"])
                         + "</p>")  # fmt: skip
        if a["search_cut_short"]:
            parts.append("<p><i>" + self.tr("The combination search was cut short.") + "</i></p>")
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
