"""The billing calendar as a month grid beside the alerts: what is due, missing or stuck, each
with what to do and the action one click away (Enter or double-click, or the button)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QItemSelectionModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from widgets.findings import (
    FINDING_ROLE,
    KIND_ROLE,
    FindingsModel,
    FindingsProxy,
    KindsModel,
    finding_key,
)
from widgets.formats import date_text, speak
from widgets.views import LazyTable, SearchDelay

ACTION_LABELS = {
    "invoice": QT_TRANSLATE_NOOP("AlertsPage", "Show the invoice"),
    "payment": QT_TRANSLATE_NOOP("AlertsPage", "Show the payment"),
    "import": QT_TRANSLATE_NOOP("AlertsPage", "Import files…"),
    "request": QT_TRANSLATE_NOOP("AlertsPage", "Copy the request e-mail"),
    "ticket": QT_TRANSLATE_NOOP("AlertsPage", "Copy the support ticket"),
    "mark": QT_TRANSLATE_NOOP("AlertsPage", "Mark unallocated at Microsoft"),
}
URGENT = {"suspension_risk", "wrong_currency", "wrong_account", "overdue"}


class AlertsPage(QWidget):
    """Month grid (dates with something due, published or stuck are marked; clicking a day
    keeps that day's findings), the findings grouped by kind (how many, how much; choosing
    a kind keeps its findings) and the findings, most urgent first, in a lazy table."""

    #: a finding's action: (action, subject, kind)
    action_requested = Signal(str, str, str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.findings: list[dict] = []
        self.periods: list[dict] = []
        self.day: date | None = None
        self._measured = False  # the findings' columns fitted to their first rows
        self.grid = QCalendarWidget(self)
        self.grid.setGridVisible(True)
        self.grid.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.grid.clicked.connect(self._day_chosen)
        self.grid.setAccessibleName(self.tr("Billing calendar"))
        self.day_note = QLabel(self)
        self.day_note.setWordWrap(True)
        self.show_all = QPushButton(self.tr("Every day"), self)
        self.show_all.clicked.connect(lambda: self._day_chosen(None))
        left = QVBoxLayout()
        left.addWidget(self.grid)
        left.addWidget(self.day_note)
        left.addWidget(self.show_all)
        left.addStretch(1)
        self.kinds_model = KindsModel(self)
        self.kinds = LazyTable(self)
        self.kinds.setModel(self.kinds_model)
        self.kinds.setAlternatingRowColors(False)
        self.kinds.setToolTip(self.tr("Click a kind to see only its findings"))
        self.kinds.setAccessibleName(self.tr("Findings by kind"))
        self.kinds.selectionModel().currentRowChanged.connect(self._kind_chosen)
        self.model = FindingsModel(self)
        self.proxy = FindingsProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit(self, placeholderText=self.tr("Search the findings"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search the findings"))
        self.searching = SearchDelay(self.search, self._search, self.model.rowCount)
        self.table = LazyTable(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Findings"))
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setSortingEnabled(True)  # by no column until the clerk clicks one
        self.table.activated.connect(lambda _index: self.act())
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.detail = QLabel(self)  # the finding selected, in full
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName(self.tr("The finding selected"))
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
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
        right.addWidget(self.kinds, 0)
        right.addWidget(self.search)
        right.addWidget(self.table, 1)
        right.addWidget(self.detail)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 0)
        layout.addLayout(right, 1)

    def show_alerts(self, findings: list[dict], periods: list[dict], as_of: date) -> None:
        """New findings (the workspace read again): the kind chosen and the finding selected
        stay chosen and selected while they exist."""
        kept = self.current()
        self.findings, self.periods = findings, periods
        self.grid.setDateTextFormat(QDate(), QTextCharFormat())  # clears every mark
        marks: dict[str, str] = {}
        for f in findings:
            day = f["date"]
            if day and marks.get(day) != "urgent":
                marks[day] = "urgent" if f["kind"] in URGENT else "finding"
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
        self.model.set_rows(findings)
        self._fill()
        if kept is not None:
            self.select(finding_key(kept))
        if not self.table.selectionModel().hasSelection():
            self._selected()

    def _day_chosen(self, qdate: QDate | None) -> None:
        self.day = date(qdate.year(), qdate.month(), qdate.day()) if qdate else None
        self._fill()

    def _kind_chosen(self, current, _previous=None) -> None:
        self.proxy.set_kind(current.data(KIND_ROLE) or "" if current.isValid() else "")
        self._selected()

    def _search(self, text: str) -> None:
        self.proxy.set_text(text)
        self._selected()

    def kind(self) -> str:
        """The kind whose findings are shown ("" for every kind)."""
        return self.proxy.kind

    def choose_kind(self, kind: str) -> None:
        """Show only the findings of ``kind`` ("" for every kind)."""
        row = max(self.kinds_model.row_of(kind), 0)
        self.kinds.selectRow(row)

    def shown(self) -> list[dict]:
        """The findings of the day chosen (of every day when none is)."""
        if self.day is None:
            return self.findings
        return [f for f in self.findings if f["date"] == self.day.isoformat()]

    def listed(self) -> list[dict]:
        """The findings in the table, in its order (the day, kind and search applied)."""
        return [self.proxy.index(r, 0).data(FINDING_ROLE) for r in range(self.proxy.rowCount())]

    def _fill(self) -> None:
        """The summary by kind and the table for the day chosen; the kind chosen kept."""
        rows = self.shown()
        kind = self.proxy.kind
        iso = self.day.isoformat() if self.day else ""
        self.proxy.set_dates(iso, iso)
        self.kinds_model.set_findings(rows)
        self.kinds.resizeColumnsToContents()
        header = self.kinds.horizontalHeader().height()
        self.kinds.setFixedHeight(header + 4 + self.kinds_model.rowCount() * (
            self.kinds.verticalHeader().defaultSectionSize()))  # fmt: skip
        self.choose_kind(kind if self.kinds_model.row_of(kind) >= 0 else "")
        if self.model.rowCount() and not self._measured:  # later, the clerk's widths stay
            for column in range(self.model.columnCount() - 1):  # what to do: the rest
                self.table.resizeColumnToContents(column)  # the first rows only (LazyTable)
            self._measured = True
        if self.day is None:
            self.day_note.setText(self.tr(
                "%n finding(s); marked days: due dates, documents published, payment windows.",
                "", len(rows)))  # fmt: skip
        else:
            events = [
                self.tr("documents published (%s)") % p["experience"].replace("_", " ")
                for p in self.periods
                if p["available"] == iso
            ]
            events += [self.tr("expected invoices due") for p in self.periods
                       if p["due"] == iso]  # fmt: skip
            self.day_note.setText(
                date_text(iso) + ": " + ("; ".join([*events, self.tr("%n finding(s)", "",
                                                                      len(rows))]))
            )  # fmt: skip
        self._selected()

    def select(self, key: tuple) -> bool:
        """Select the finding of ``key`` (kind, subject) if it is in the table."""
        for r, f in enumerate(self.model.rows):
            if finding_key(f) == key:
                index = self.proxy.mapFromSource(self.model.index(r, 0))
                if not index.isValid():
                    return False
                flags = QItemSelectionModel.SelectionFlag
                self.table.selectionModel().setCurrentIndex(
                    index, flags.ClearAndSelect | flags.Rows)  # fmt: skip
                self.table.scrollTo(index)
                return True
        return False

    def current(self) -> dict | None:
        """The finding selected, as the core made it (its sentences still translatable: a
        row read through the model's data is a copy of plain texts)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        r = self.proxy.mapToSource(rows[0]).row()
        return self.model.rows[r] if 0 <= r < len(self.model.rows) else None

    def _selected(self, *_args) -> None:
        f = self.current()
        self.act_button.setEnabled(bool(f and f["action"]))
        self.write_button.setVisible(bool(f and f["action"] == "request"))
        self.act_button.setText(
            QCoreApplication.translate("AlertsPage", ACTION_LABELS[f["action"]])
            if f and f["action"] in ACTION_LABELS else self.tr("Do it"))  # fmt: skip
        self.detail.setText(speak(f["message"]) if f else "")

    def act(self) -> None:
        f = self.current()
        if f and f["action"]:
            self.action_requested.emit(f["action"], f["subject"], f["kind"])

    def write(self) -> None:
        """The request e-mail of the payment selected, as a draft (.eml) to send."""
        f = self.current()
        if f and f["action"] == "request":
            self.action_requested.emit("write_request", f["subject"], f["kind"])
