"""Our books against Microsoft's: the invoices whose paid amount differs from what Partner
Center's latest invoice download reports, each with the reason and the payments involved,
and the amounts due per currency by both (:func:`core.views.agreement`).

The page shows what it is given and asks for the rest by signal: show an invoice, write
or copy the request e-mail for a payment Microsoft left unallocated."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from widgets.formats import date_text
from widgets.models import ROW_ROLE, Col, RowsModel

REASON_LABELS = {
    "in_processing": QT_TRANSLATE_NOOP("AgreePage", "in processing"),
    "unallocated_at_microsoft": QT_TRANSLATE_NOOP("AgreePage", "unallocated at Microsoft"),
    "credit_not_applied": QT_TRANSLATE_NOOP("AgreePage", "credit note not applied"),
    "disputed": QT_TRANSLATE_NOOP("AgreePage", "disputed"),
    "unexplained": QT_TRANSLATE_NOOP("AgreePage", "unexplained"),
}
#: What the clerk does about each reason (shown for the invoice selected).
REASON_HINTS = {
    "in_processing": QT_TRANSLATE_NOOP(
        "AgreePage", "The payment was still within Microsoft's 5 business days of processing "
        "when the download was taken: nothing to do yet, a later download should show it."),
    "unallocated_at_microsoft": QT_TRANSLATE_NOOP(
        "AgreePage", "Microsoft has not applied the payment past its 5 business days: send "
        "the request e-mail to bposcapp@microsoft.com (write it as a draft with the "
        "remittance advice attached, or copy its text)."),
    "credit_not_applied": QT_TRANSLATE_NOOP(
        "AgreePage", "Microsoft's download does not show a credit note our books apply to "
        "this invoice: ask billing support to apply it."),
    "disputed": QT_TRANSLATE_NOOP(
        "AgreePage", "A dispute is open on this invoice: the difference is part of what is "
        "discussed with billing support."),
    "unexplained": QT_TRANSLATE_NOOP(
        "AgreePage", "No payment in processing or left unallocated explains this difference: "
        "check the invoice's payments against Microsoft's download."),
}  # fmt: skip
DIFFERENCE_COLUMNS = (
    Col(QT_TRANSLATE_NOOP("Columns", "Invoice"), "number"),
    Col(QT_TRANSLATE_NOOP("Columns", "Currency"), "currency"),
    Col(QT_TRANSLATE_NOOP("Columns", "Paid in our books"), "ours_paid", "money"),
    Col(QT_TRANSLATE_NOOP("Columns", "Paid according to Microsoft"), "microsoft_paid", "money"),
    Col(QT_TRANSLATE_NOOP("Columns", "Difference"), "difference", "money"),
    Col(QT_TRANSLATE_NOOP("Columns", "Reason"), "reason_label"),
    Col(QT_TRANSLATE_NOOP("Columns", "Payments"), "payments", "list"),
)
TOTAL_COLUMNS = (
    Col(QT_TRANSLATE_NOOP("Columns", "Currency"), "currency"),
    Col(QT_TRANSLATE_NOOP("Columns", "Our amount due"), "ours_due", "money"),
    Col(QT_TRANSLATE_NOOP("Columns", "Microsoft's amount due"), "microsoft_due", "money"),
    Col(QT_TRANSLATE_NOOP("Columns", "Difference"), "difference", "money"),
)


def reason_label(reason: str) -> str:
    label = REASON_LABELS.get(reason)
    return QCoreApplication.translate("AgreePage", label) if label else reason


def _table(model: RowsModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class AgreePage(QWidget):
    """The invoices that differ (double-click one to see it among the invoices), what to do
    about the one selected, and the amounts due per currency."""

    invoice_requested = Signal(str)
    #: the request e-mail of a payment: ("open" it in the mail program, "write" a draft .eml
    #: where the clerk says, or "copy" its text), payment
    letter_requested = Signal(str, str)
    shown_agreement = Signal()  # an agreement is on screen

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.agreement: dict | None = None
        self.view_note = QLabel(self)
        self.view_note.setStyleSheet("font-weight: bold")
        self.view_note.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.model = RowsModel(DIFFERENCE_COLUMNS, self)
        self.table = _table(self.model, self)
        self.table.setAccessibleName(self.tr("Invoices that differ"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(lambda _i: self._show_invoice())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selected())
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.show_invoice = QPushButton(self.tr("Show the invoice"), self)
        self.show_invoice.clicked.connect(self._show_invoice)
        self.open_mail = QPushButton(self.tr("&Open the request e-mail"), self)
        self.open_mail.setToolTip(self.tr(
            "The e-mail asking Microsoft to apply the payment, opened in your mail program "
            "ready to send, the remittance advice attached"))  # fmt: skip
        self.open_mail.clicked.connect(lambda: self._letter("open", self.open_mail))
        self.write = QPushButton(self.tr("Write the request e-mail…"), self)
        self.write.setToolTip(self.tr(
            "A draft e-mail to bposcapp@microsoft.com with the remittance advice attached, "
            "ready to send"))  # fmt: skip
        self.write.clicked.connect(lambda: self._letter("write", self.write))
        self.copy = QPushButton(self.tr("Copy the request e-mail"), self)
        self.copy.clicked.connect(lambda: self._letter("copy", self.copy))
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        for button in (self.show_invoice, self.open_mail, self.write, self.copy):
            buttons.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.totals_title = QLabel(self.tr("<b>Amount due per currency</b>"), self)
        self.totals_model = RowsModel(TOTAL_COLUMNS, self)
        self.totals = _table(self.totals_model, self)
        self.totals.setAccessibleName(self.tr("Amount due per currency"))
        self.totals.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.totals.horizontalHeader().setStretchLastSection(False)
        self.totals.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.totals.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        self.totals.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.totals.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        totals = QHBoxLayout()
        totals.addWidget(self.totals)
        totals.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view_note)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.totals_title)
        layout.addLayout(totals)
        self._selected()

    def show_agreement(self, agreement: dict) -> None:
        """Show :func:`core.views.agreement`'s answer (the selected invoice stays selected
        when it still differs)."""
        kept = self.current()
        self.agreement = agreement
        as_of = date_text(agreement["as_of"])
        if agreement["view_of"]:
            self.view_note.setText(self.tr("As of %s, against Microsoft's invoice download of %s")
                                   % (as_of, date_text(agreement["view_of"])))  # fmt: skip
        else:
            self.view_note.setText(self.tr(
                "As of %s: no Partner Center invoice download of that date or earlier has been "
                "imported (import the invoice list downloaded from Partner Center to compare)")
                % as_of)  # fmt: skip
        rows = [dict(r, reason_label=reason_label(r["reason"])) for r in agreement["invoices"]]
        if rows:
            self.summary.setText(self.tr(
                "%n invoice(s) whose paid amount differs from what Microsoft's download "
                "reports:", "", len(rows)))  # fmt: skip
        elif agreement["view_of"]:
            self.summary.setText(self.tr("No difference: Microsoft's view agrees with our books."))
        else:
            self.summary.setText("")
        self.summary.setVisible(bool(self.summary.text()))
        self.model.set_rows(rows)
        self.totals_model.set_rows(agreement["totals"])
        for view in (self.table, self.totals):
            view.resizeColumnsToContents()
        self.totals.setFixedHeight(self.totals.horizontalHeader().sizeHint().height()
                                   + self.totals.verticalHeader().length()
                                   + 2 * self.totals.frameWidth())  # fmt: skip
        if kept is not None:
            self.select(kept["number"])
        self._selected()
        self.shown_agreement.emit()

    def select(self, number: str) -> bool:
        for r, row in enumerate(self.model.rows):
            if row["number"] == number:
                self.table.selectRow(r)
                return True
        return False

    def current(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def _selected(self) -> None:
        row = self.current()
        self.show_invoice.setEnabled(row is not None)
        requests = bool(row and row["requests"])
        for button in (self.open_mail, self.write, self.copy):
            button.setEnabled(requests)
        hint = REASON_HINTS.get(row["reason"]) if row else None
        self.hint.setText(QCoreApplication.translate("AgreePage", hint) if hint else "")

    def _show_invoice(self) -> None:
        row = self.current()
        if row is not None:
            self.invoice_requested.emit(row["number"])

    def _letter(self, action: str, button: QPushButton) -> None:
        """The request e-mail of the payment left unallocated; of which one, by a menu,
        when several are (their order: oldest first)."""
        row = self.current()
        payments = row["requests"] if row else []
        if len(payments) == 1:
            self.letter_requested.emit(action, payments[0])
        elif payments:
            menu = QMenu(self)
            for pid in payments:
                menu.addAction(pid, lambda p=pid: self.letter_requested.emit(action, p))
            self.payment_menu = menu
            menu.popup(button.mapToGlobal(button.rect().bottomLeft()))
