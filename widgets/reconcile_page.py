"""Reconcile: the screen of the clerk's day (as a bank reconciliation window is).  On the
left the money not yet allocated; on the right, for the one selected, the core's ranked
suggestions with their amounts and reasons.  Enter accepts the highlighted suggestion (the
first unless the clerk chose another), Delete rejects it, the arrows move; "Accept all
confident" accepts every best suggestion scoring at least the threshold, as one change.

The page shows what it is given (:func:`core.suggestions.answer_json` answers) and asks for
the rest by signal: it never decides what to propose nor checks an allocation."""

from __future__ import annotations

from decimal import Decimal
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from widgets.formats import date_text, money_text, number_text, speak
from widgets.views import ROW_ROLE, CellsModel, LazyTable

ACCEPT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
REJECT_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)


def _table(model: CellsModel, name: str) -> LazyTable:
    table = LazyTable()
    table.setModel(model)
    table.setAccessibleName(name)
    return table


SOURCE_COLUMNS = (QT_TRANSLATE_NOOP("ReconcilePage", "Payment or credit note"),
                  QT_TRANSLATE_NOOP("ReconcilePage", "Date"),
                  QT_TRANSLATE_NOOP("ReconcilePage", "Unallocated"),
                  QT_TRANSLATE_NOOP("ReconcilePage", "Best score"),
                  QT_TRANSLATE_NOOP("ReconcilePage", "Reference"))  # fmt: skip
CANDIDATE_COLUMNS = (QT_TRANSLATE_NOOP("ReconcilePage", "#"),
                     QT_TRANSLATE_NOOP("ReconcilePage", "Score"),
                     QT_TRANSLATE_NOOP("ReconcilePage", "Evidence"),
                     QT_TRANSLATE_NOOP("ReconcilePage", "Proposed allocation"),
                     QT_TRANSLATE_NOOP("ReconcilePage", "Amount"))  # fmt: skip


class ReconcilePage(QWidget):
    accept_requested = Signal(str)  # a suggestion's id
    reject_requested = Signal(str)
    accept_all_requested = Signal(int)  # the threshold
    allocate_requested = Signal(str)  # the payment, to allocate by hand
    reload_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.answers: list[dict] = []
        self.payments: dict[str, dict] = {}
        self.may_change = True  # the clerk's role may allocate (and the file is writable)
        self.summary = QLabel()
        self.threshold = QSpinBox()
        self.threshold.setRange(1, 100)
        self.threshold.setValue(80)
        self.threshold.setPrefix(self.tr("score ≥ "))
        self.threshold.setToolTip(self.tr("The lowest score accepted by Accept all confident"))
        self.threshold.setAccessibleName(self.tr("Lowest score accepted"))
        self.accept_all = QPushButton(self.tr("Accept all &confident"))
        self.accept_all.setToolTip(self.tr(
            "Accept the best suggestion of every payment scoring at least this, as one "
            "change (Ctrl+Z undoes them all)"))  # fmt: skip
        self.accept_all.clicked.connect(
            lambda: self.accept_all_requested.emit(self.threshold.value())
        )
        self.source_model = CellsModel(SOURCE_COLUMNS, "ReconcilePage", self._source_cells,
                                       right=(2, 3), parent=self)  # fmt: skip
        self.sources = _table(self.source_model, self.tr("Money not yet allocated"))
        self.candidate_model = CellsModel(CANDIDATE_COLUMNS, "ReconcilePage",
                                          self._candidate_cells, right=(1, 4),
                                          parent=self)  # fmt: skip
        self.candidates = _table(self.candidate_model, self.tr("Suggested allocations"))
        self.sources.horizontalHeader().setStretchLastSection(True)
        self.candidates.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Stretch)  # fmt: skip
        self.candidates.horizontalHeader().setStretchLastSection(False)
        self.reasons = QTextBrowser()
        self.reasons.setPlaceholderText(self.tr("Select a payment to see what is proposed."))
        self.reasons.setAccessibleName(self.tr("Why it is proposed"))
        self.accept_button = QPushButton(self.tr("&Accept (Enter)"))
        self.accept_button.setToolTip(self.tr("Allocate as proposed (Ctrl+Z undoes it)"))
        self.accept_button.clicked.connect(lambda: self._request(self.accept_requested))
        self.reject_button = QPushButton(self.tr("&Reject (Del)"))
        self.reject_button.setToolTip(self.tr("Never propose this allocation again"))
        self.reject_button.clicked.connect(lambda: self._request(self.reject_requested))
        self.by_hand = QPushButton(self.tr("Allocate by &hand…"))
        self.by_hand.clicked.connect(self._by_hand)
        self.threshold.valueChanged.connect(lambda _v: self._summarize())
        self.sources.selectionModel().selectionChanged.connect(self._source_selected)
        self.candidates.selectionModel().selectionChanged.connect(self._candidate_selected)
        for table in (self.sources, self.candidates):
            table.installEventFilter(self)
        self._build()
        self._source_selected()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.threshold)
        top.addWidget(self.accept_all)
        right = QWidget()
        buttons = QHBoxLayout()
        for button in (self.accept_button, self.reject_button, self.by_hand):
            buttons.addWidget(button)
        buttons.addStretch(1)
        inner = QSplitter(Qt.Orientation.Vertical)
        inner.addWidget(self.candidates)
        inner.addWidget(self.reasons)
        inner.setSizes([220, 180])
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(inner, 1)
        column.addLayout(buttons)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("reconcile-splitter")
        self.splitter.addWidget(self.sources)
        self.splitter.addWidget(right)
        self.splitter.setSizes([480, 620])
        self.inner_splitter = inner
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

    # ------------------------------------------------------------------ shown

    def show_answers(self, answers: list[dict], payments: list[dict]) -> None:
        """The engine's answers for every payment with money left, with the payments'
        rows (their date and reference).  The payment selected stays selected, else the
        one now in its place."""
        kept = self.current_payment()
        rows = self.sources.selectionModel().selectedRows()
        row_before = rows[0].row() if rows else 0
        self.answers = [a for a in answers if a["unallocated"] not in ("0.00", "0")]
        self.payments = {p["id"]: p for p in payments}
        self.source_model.set_rows(self.answers)
        _fit(self.sources)
        self._summarize()
        keys = [a["payment"] for a in self.answers]
        if kept in keys:
            self.sources.selectRow(keys.index(kept))
        elif keys:
            self.sources.selectRow(min(row_before, len(keys) - 1))
        else:
            self._source_selected()

    def _summarize(self) -> None:
        """How many payments have money left, and how many a confident suggestion."""
        confident = sum(1 for a in self.answers
                        if a["suggestions"] and (a["suggestions"][0]["score"] or 0)
                        >= self.threshold.value())  # fmt: skip
        self.summary.setText(
            self.tr("%n payment(s) or credit note(s) with money left", "", len(self.answers))
            + " · " + self.tr("%n with a confident suggestion", "", confident)
        )  # fmt: skip
        self.accept_all.setEnabled(confident > 0 and self.may_change)

    def current_payment(self) -> str | None:
        rows = self.sources.selectionModel().selectedRows()
        if not rows:
            return None
        return rows[0].data(ROW_ROLE)["payment"]

    def current_answer(self) -> dict | None:
        pid = self.current_payment()
        return next((a for a in self.answers if a["payment"] == pid), None)

    def current_suggestion(self) -> dict | None:
        answer = self.current_answer()
        rows = self.candidates.selectionModel().selectedRows()
        if answer is None or not answer["suggestions"]:
            return None
        return answer["suggestions"][rows[0].row() if rows else 0]

    def _source_cells(self, a: dict) -> list[str]:
        p = self.payments.get(a["payment"], {})
        best = a["suggestions"][0]["score"] if a["suggestions"] else None  # a credit's: None
        return [a["payment"], date_text(p.get("date")), money_text(a["unallocated"], a["currency"]),
                "" if best is None else str(best), p.get("reference") or ""]  # fmt: skip

    def _candidate_cells(self, s: dict) -> list[str]:
        cur = s["currency"]
        lines = ", ".join(f"{ln['source']} → {ln['invoice']} {number_text(ln['amount'])}"
                          for ln in s["lines"])  # fmt: skip
        total = sum((Decimal(ln["amount"]) for ln in s["lines"]), Decimal(0))
        score = "" if s["score"] is None else str(s["score"])
        return [str(s["rank"]), score, _kind(s["kind"]), lines,
                money_text(total, cur)]  # fmt: skip

    def _source_selected(self, *_args) -> None:
        answer = self.current_answer()
        cur = answer["currency"] if answer else ""
        self.candidate_model.set_rows([dict(s, currency=cur) for s in answer["suggestions"]]
                                      if answer else [])  # fmt: skip
        _fit(self.candidates)
        if self.candidate_model.rows:
            self.candidates.selectRow(0)
        self.by_hand.setEnabled(answer is not None and self.may_change)
        self._candidate_selected()

    def _candidate_selected(self, *_args) -> None:
        answer, s = self.current_answer(), self.current_suggestion()
        self.accept_button.setEnabled(s is not None and self.may_change)
        self.reject_button.setEnabled(s is not None and s["score"] is not None  # not a credit's
                                      and self.may_change)  # fmt: skip
        if answer is None:
            self.reasons.clear()
            return
        parts = [f"<b>{escape(answer['payment'])}</b>: "
                 + escape(self.tr("%s unallocated")
                        % money_text(answer["unallocated"], answer["currency"]))]  # fmt: skip
        if s is not None:
            parts.append("<ul>" + "".join(f"<li>{escape(speak(r))}</li>" for r in s["reasons"])
                         + "</ul>")  # fmt: skip
        if answer["notes"]:
            notes = "<br>".join(escape(speak(n)) for n in answer["notes"])
            parts.append(f"<p><i>{notes}</i></p>")
        self.reasons.setHtml("".join(parts))

    # ------------------------------------------------------------------ the clerk

    def set_may_change(self, may: bool) -> None:
        self.may_change = may
        self._summarize()
        self._source_selected()

    def _request(self, signal) -> None:
        s = self.current_suggestion()
        if s is not None and self.may_change:
            signal.emit(s["id"])

    def _by_hand(self) -> None:
        pid = self.current_payment()
        if pid is not None:
            self.allocate_requested.emit(pid)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):  # fmt: skip
            if event.key() in ACCEPT_KEYS:
                self._request(self.accept_requested)
                return True
            if event.key() in REJECT_KEYS:
                self._request(self.reject_requested)
                return True
            if watched is self.sources and event.key() == Qt.Key.Key_Right:
                self.candidates.setFocus()
                return True
            if watched is self.candidates and event.key() == Qt.Key.Key_Left:
                self.sources.setFocus()
                return True
        return super().eventFilter(watched, event)


def _fit(table: LazyTable) -> None:
    """Columns as wide as their first rows, unless the clerk's widths were kept."""
    if not getattr(table, "widths_kept", False):
        table.resizeColumnsToContents()


def _kind(kind: str) -> str:
    return QCoreApplication.translate("ReconcilePage", _KINDS.get(kind, kind))


#: the evidence of a suggestion, as the clerk reads it (the engine's kinds)
_KINDS = {
    "reference": QT_TRANSLATE_NOOP("ReconcilePage", "invoice number quoted"),
    "amount": QT_TRANSLATE_NOOP("ReconcilePage", "same amount"),
    "credit": QT_TRANSLATE_NOOP("ReconcilePage", "amount less a credit note"),
    "combination": QT_TRANSLATE_NOOP("ReconcilePage", "several invoices add up"),
    "fallback": QT_TRANSLATE_NOOP("ReconcilePage", "oldest due first"),
    "credit_note": QT_TRANSLATE_NOOP("ReconcilePage", "credit note to apply"),
}
