"""The billing calendar as a month grid beside the alerts: what is due, missing or stuck, each
with what to do and the action one click away (Enter or double-click, or the button)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from widgets.formats import date_text, money_text

KIND_LABELS = {
    "missing_document": QT_TRANSLATE_NOOP("AlertsPage", "missing document"),
    "due_soon": QT_TRANSLATE_NOOP("AlertsPage", "due soon"),
    "overdue": QT_TRANSLATE_NOOP("AlertsPage", "overdue"),
    "suspension_risk": QT_TRANSLATE_NOOP("AlertsPage", "suspension risk"),
    "in_processing": QT_TRANSLATE_NOOP("AlertsPage", "in processing"),
    "unallocated_at_microsoft": QT_TRANSLATE_NOOP("AlertsPage", "unallocated at Microsoft"),
    "wrong_currency": QT_TRANSLATE_NOOP("AlertsPage", "wrong currency"),
    "wrong_account": QT_TRANSLATE_NOOP("AlertsPage", "wrong account"),
    "lines_do_not_add_up": QT_TRANSLATE_NOOP("AlertsPage", "lines do not add up"),
}
ACTION_LABELS = {
    "invoice": QT_TRANSLATE_NOOP("AlertsPage", "Show the invoice"),
    "payment": QT_TRANSLATE_NOOP("AlertsPage", "Show the payment"),
    "import": QT_TRANSLATE_NOOP("AlertsPage", "Import files…"),
    "request": QT_TRANSLATE_NOOP("AlertsPage", "Copy the request e-mail"),
    "ticket": QT_TRANSLATE_NOOP("AlertsPage", "Copy the support ticket"),
    "mark": QT_TRANSLATE_NOOP("AlertsPage", "Mark unallocated at Microsoft"),
}
URGENT = {"suspension_risk", "wrong_currency", "wrong_account", "overdue"}
ROLE = Qt.ItemDataRole.UserRole + 1
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def kind_label(kind: str) -> str:
    return QCoreApplication.translate("AlertsPage", KIND_LABELS.get(kind, kind))


class AlertsPage(QWidget):
    """Month grid (dates with something due, published or stuck are marked; clicking a day
    keeps that day's findings) and the findings, most urgent first."""

    #: a finding's action: (action, subject, kind)
    action_requested = Signal(str, str, str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.findings: list[dict] = []
        self.periods: list[dict] = []
        self.day: date | None = None
        self.grid = QCalendarWidget(self)
        self.grid.setGridVisible(True)
        self.grid.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.grid.clicked.connect(self._day_chosen)
        self.day_note = QLabel(self)
        self.day_note.setWordWrap(True)
        self.show_all = QPushButton(self.tr("Every day"), self)
        self.show_all.clicked.connect(lambda: self._day_chosen(None))
        left = QVBoxLayout()
        left.addWidget(self.grid)
        left.addWidget(self.day_note)
        left.addWidget(self.show_all)
        left.addStretch(1)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Concerns"),
                                              self.tr("Date"), self.tr("Amount"),
                                              self.tr("What to do"), ""])  # fmt: skip
        self.table.setColumnHidden(5, True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.itemActivated.connect(lambda _item: self.act())
        self.table.itemSelectionChanged.connect(self._selected)
        self.act_button = QPushButton(self.tr("Do it"), self)
        self.act_button.setEnabled(False)
        self.act_button.clicked.connect(self.act)
        # beside "Copy the request e-mail": the same e-mail as a draft to send (.eml)
        self.write_button = QPushButton(self.tr("Write the request e-mail…"), self)
        self.write_button.setToolTip(self.tr(
            "A draft e-mail to bposcapp@microsoft.com with the remittance advice attached, "
            "ready to send"))  # fmt: skip
        self.write_button.hide()
        self.write_button.clicked.connect(self.write)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.write_button)
        buttons.addWidget(self.act_button)
        right = QVBoxLayout()
        right.addWidget(self.table, 1)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 0)
        layout.addLayout(right, 1)

    def show_alerts(self, findings: list[dict], periods: list[dict], as_of: date) -> None:
        self.findings, self.periods = findings, periods
        self.grid.setDateTextFormat(QDate(), QTextCharFormat())  # clears every mark
        marks: dict[str, str] = {}
        for f in findings:
            if f["date"]:
                marks[f["date"]] = "urgent" if f["kind"] in URGENT or marks.get(
                    f["date"]) == "urgent" else "finding"  # fmt: skip
        for p in periods:
            marks.setdefault(p["available"], "calendar")
            marks.setdefault(p["due"], "calendar")
        colours = {"urgent": "#f8c9c4", "finding": "#fde9b8", "calendar": "#d9e8f6"}
        for day, what in marks.items():
            fmt = QTextCharFormat()
            fmt.setBackground(QBrush(QColor(colours[what])))
            fmt.setFontWeight(700)
            self.grid.setDateTextFormat(QDate.fromString(day, Qt.DateFormat.ISODate), fmt)
        self.grid.setSelectedDate(QDate(as_of.year, as_of.month, as_of.day))
        self._fill()

    def _day_chosen(self, qdate: QDate | None) -> None:
        self.day = date(qdate.year(), qdate.month(), qdate.day()) if qdate else None
        self._fill()

    def shown(self) -> list[dict]:
        if self.day is None:
            return self.findings
        return [f for f in self.findings if f["date"] == self.day.isoformat()]

    def _fill(self) -> None:
        rows = self.shown()
        self.table.setRowCount(len(rows))
        for r, f in enumerate(rows):
            kind = kind_label(f["kind"]) + (f" ({f['stage']})" if f["stage"] else "")
            cells = [kind, f["subject"], date_text(f["date"]) if f["date"] else "",
                     money_text(f["amount"], f["currency"]) if f["amount"] else "",
                     f["message"]]  # fmt: skip
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ROLE, f)
                item.setToolTip(f["message"])
                if c == 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        if self.day is None:
            self.day_note.setText(self.tr(
                "%n finding(s); marked days: due dates, documents published, payment windows.",
                "", len(rows)))  # fmt: skip
        else:
            events = [
                self.tr("documents published (%s)") % p["experience"].replace("_", " ")
                for p in self.periods
                if p["available"] == self.day.isoformat()
            ]
            events += [self.tr("expected invoices due") for p in self.periods
                       if p["due"] == self.day.isoformat()]  # fmt: skip
            self.day_note.setText(
                date_text(self.day.isoformat())
                + ": "
                + ("; ".join([*events, self.tr("%n finding(s)", "", len(rows))]))
            )
        self._selected()

    def current(self) -> dict | None:
        items = self.table.selectedItems()
        return items[0].data(ROLE) if items else None

    def _selected(self) -> None:
        f = self.current()
        self.act_button.setEnabled(bool(f and f["action"]))
        self.write_button.setVisible(bool(f and f["action"] == "request"))
        self.act_button.setText(
            QCoreApplication.translate("AlertsPage", ACTION_LABELS[f["action"]])
            if f and f["action"] in ACTION_LABELS else self.tr("Do it"))  # fmt: skip

    def act(self) -> None:
        f = self.current()
        if f and f["action"]:
            self.action_requested.emit(f["action"], f["subject"], f["kind"])

    def write(self) -> None:
        """The request e-mail of the payment selected, as a draft (.eml) to send."""
        f = self.current()
        if f and f["action"] == "request":
            self.action_requested.emit("write_request", f["subject"], f["kind"])
