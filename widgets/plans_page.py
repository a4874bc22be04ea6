"""Plan and pay: the open invoices (and the credit notes to net against them) ticked, a
value date and a reference, then Plan payment; below, the planned payments and where each
stands (planned, processing at Microsoft, confirmed by a statement, unallocated or applied
at Microsoft), with their remittance advice and the SEPA file of one or several.

The page shows what it is given and asks for the rest by signal: the plan's amounts, its
checks and its documents are the core's."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from widgets.formats import date_text, money_text

KEY_ROLE = Qt.ItemDataRole.UserRole + 31

#: where a planned payment stands (core.services.plans.Plans.overview's ``state``)
STATES = {
    "planned": QT_TRANSLATE_NOOP("PlansPage", "planned, not yet on a statement"),
    "processing": QT_TRANSLATE_NOOP("PlansPage", "paid, processing at Microsoft until %s"),
    "confirmed": QT_TRANSLATE_NOOP("PlansPage", "confirmed by a statement"),
    "unallocated": QT_TRANSLATE_NOOP("PlansPage", "unallocated at Microsoft"),
    "applied": QT_TRANSLATE_NOOP("PlansPage", "applied at Microsoft"),
}


def state_text(row: dict) -> str:
    text = QCoreApplication.translate("PlansPage", STATES.get(row["state"], row["state"]))
    return text % date_text(row["until"]) if "%s" in text else text


def _table(headers: list[str], stretch: int, multi: bool) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                           else QAbstractItemView.SelectionMode.SingleSelection)  # fmt: skip
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _item(text: str, key=None, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if key is not None:
        item.setData(KEY_ROLE, key)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class PlansPage(QWidget):
    plan_requested = Signal(list, list, object, str)  # invoices, credits, value date, reference
    preview_requested = Signal(str)  # a plan's reference
    save_requested = Signal(str)
    copy_requested = Signal(str)
    pain001_requested = Signal(list)  # the references of the plans selected

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.documents: list[dict] = []
        self.plans: list[dict] = []
        self.planned_in: dict[str, str] = {}  # an invoice in a plan not yet paid: its plan
        self.to_pay = _table([self.tr("Pay"), self.tr("Document"), self.tr("Type"),
                              self.tr("Due"), self.tr("Open"), self.tr("Planned in"),
                              self.tr("Customers")], 6, multi=False)  # fmt: skip
        self.to_pay.setAccessibleName(self.tr("Open invoices and credit notes to net"))
        self.to_pay.itemChanged.connect(lambda _item: self._ticked())
        self.value_date = QDateEdit()
        self.value_date.setCalendarPopup(True)
        self.value_date.setToolTip(self.tr("The day the bank is to make the transfer"))
        self.value_date.setAccessibleName(self.tr("Value date"))
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("Reference (default RA-date-number)"))
        self.reference.setMaxLength(35)
        self.reference.setAccessibleName(self.tr("Reference"))
        self.reference.setToolTip(self.tr("The transfer's reference, at most 35 characters"))
        self.chosen = QLabel()
        self.plan_button = QPushButton(self.tr("&Plan payment"))
        self.plan_button.setToolTip(self.tr(
            "Record the transfer settling the ticked invoices, less the ticked credit notes, "
            "and show its remittance advice"))  # fmt: skip
        self.plan_button.clicked.connect(self._plan)
        self.list = _table([self.tr("Plan"), self.tr("Reference"), self.tr("Value date"),
                            self.tr("Amount"), self.tr("State"), self.tr("Payment"),
                            self.tr("Invoices")], 6, multi=True)  # fmt: skip
        self.list.setAccessibleName(self.tr("Planned payments"))
        self.list.itemSelectionChanged.connect(self._selected)
        self.list.doubleClicked.connect(lambda _i: self._one(self.preview_requested))
        self.preview_button = QPushButton(self.tr("Remittance &advice…"))
        self.preview_button.clicked.connect(lambda: self._one(self.preview_requested))
        self.save_button = QPushButton(self.tr("&Save as PDF, Excel or bank text…"))
        self.save_button.clicked.connect(lambda: self._one(self.save_requested))
        self.copy_button = QPushButton(self.tr("&Copy bank reference"))
        self.copy_button.clicked.connect(lambda: self._one(self.copy_requested))
        self.pain_button = QPushButton(self.tr("SEPA &transfers (pain.001)…"))
        self.pain_button.setToolTip(self.tr("One pain.001 file for every plan selected"))
        self.pain_button.clicked.connect(
            lambda: self.pain001_requested.emit(self.selected_references())
        )
        self._build()
        self._ticked()
        self._selected()

    def _build(self) -> None:
        plan_box = QGroupBox(self.tr("Plan a payment: tick the invoices to pay and the credit "
                                     "notes to net"))  # fmt: skip
        form = QHBoxLayout()
        form.addWidget(QLabel(self.tr("Value date:")))
        form.addWidget(self.value_date)
        form.addWidget(self.reference, 1)
        form.addWidget(self.plan_button)
        top = QVBoxLayout(plan_box)
        top.addWidget(self.to_pay, 1)
        top.addWidget(self.chosen)
        top.addLayout(form)
        list_box = QGroupBox(self.tr("Planned payments"))
        buttons = QHBoxLayout()
        for button in (self.preview_button, self.save_button, self.copy_button,
                       self.pain_button):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)
        bottom = QVBoxLayout(list_box)
        bottom.addWidget(self.list, 1)
        bottom.addLayout(buttons)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("plans-splitter")
        self.splitter.addWidget(plan_box)
        self.splitter.addWidget(list_box)
        self.splitter.setSizes([360, 260])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

    # ------------------------------------------------------------------ shown

    def show_documents(self, invoices: list[dict], credits: list[dict], as_of: date) -> None:
        """The open invoices and the credit notes with money left, ticks kept."""
        if self.value_date.date() < QDate(as_of.year, as_of.month, as_of.day):
            self.value_date.setDate(QDate(as_of.year, as_of.month, as_of.day))
        self.documents = (
            [dict(r, kind="invoice") for r in invoices
             if r["document_type"] == "invoice" and r["open"] > 0]
            + [dict(r, kind="credit") for r in credits if r["unapplied"] > 0]
        )  # fmt: skip
        self._show_documents()

    def _show_documents(self) -> None:
        """The documents to pay: an invoice already in a plan not yet paid is shown with
        its plan, and not offered again."""
        ticked = set(self.ticked_invoices()) | set(self.ticked_credits())
        self.to_pay.blockSignals(True)
        self.to_pay.setRowCount(len(self.documents))
        for r, d in enumerate(self.documents):
            tick = _item("", d["number"])
            planned = self.planned_in.get(d["number"], "")
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            tick.setFlags(flags if planned else flags | Qt.ItemFlag.ItemIsUserCheckable)
            tick.setCheckState(Qt.CheckState.Checked if d["number"] in ticked and not planned
                               else Qt.CheckState.Unchecked)  # fmt: skip
            credit = d["kind"] == "credit"
            left = -d["unapplied"] if credit else d["open"]
            cells = (tick, _item(d["number"]),
                     _item(self.tr("credit note") if credit else self.tr("invoice")),
                     _item(date_text(d.get("due_date")) if not credit else ""),
                     _item(money_text(left, d["currency"]), right=True), _item(planned),
                     _item(", ".join(d.get("customers") or [])))  # fmt: skip
            for c, item in enumerate(cells):
                self.to_pay.setItem(r, c, item)
        self.to_pay.blockSignals(False)
        self._ticked()

    def show_plans(self, plans: list[dict]) -> None:
        """The planned payments (:meth:`core.services.plans.Plans.overview`), newest first;
        the selection kept."""
        kept = set(self.selected_references())
        self.plans = sorted(plans, key=lambda p: -p["id"])
        self.planned_in = {n: p["reference"] for p in self.plans if p["status"] == "planned"
                           for n in p["invoices"]}  # fmt: skip
        self._show_documents()
        self.list.setRowCount(len(self.plans))
        for r, p in enumerate(self.plans):
            cells = (_item(str(p["id"]), p["reference"]), _item(p["reference"]),
                     _item(date_text(p["date"])),
                     _item(money_text(p["amount"], p["currency"]), right=True),
                     _item(state_text(p)), _item(p["payment"] or ""),
                     _item(" ".join(p["invoices"])))  # fmt: skip
            for c, item in enumerate(cells):
                self.list.setItem(r, c, item)
        for r, p in enumerate(self.plans):
            if p["reference"] in kept:
                self.list.selectRow(r)
        self._selected()

    def select_plan(self, reference: str) -> None:
        for r, p in enumerate(self.plans):
            if p["reference"] == reference:
                self.list.clearSelection()
                self.list.selectRow(r)

    # ------------------------------------------------------------------ the clerk

    def _ticks(self, kind: str) -> list[str]:
        out = []
        for r, d in enumerate(self.documents):
            item = self.to_pay.item(r, 0)
            if d["kind"] == kind and item is not None and (
                item.checkState() == Qt.CheckState.Checked
            ):
                out.append(d["number"])
        return out

    def ticked_invoices(self) -> list[str]:
        return self._ticks("invoice")

    def ticked_credits(self) -> list[str]:
        return self._ticks("credit")

    def tick(self, *numbers: str) -> None:
        for r, d in enumerate(self.documents):
            item = self.to_pay.item(r, 0)
            if d["number"] in numbers and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                item.setCheckState(Qt.CheckState.Checked)

    def _ticked(self) -> None:
        """What is ticked, per currency: invoices less credit notes."""
        per: dict[str, Decimal] = {}
        for d in self.documents:
            if d["number"] in self.ticked_invoices():
                per[d["currency"]] = per.get(d["currency"], Decimal(0)) + d["open"]
            elif d["number"] in self.ticked_credits():
                per[d["currency"]] = per.get(d["currency"], Decimal(0)) - d["unapplied"]
        invoices, credits = len(self.ticked_invoices()), len(self.ticked_credits())
        if not invoices:
            self.chosen.setText(self.tr("Tick the invoices to pay."))
        else:
            amounts = ", ".join(money_text(v, c) for c, v in sorted(per.items()))
            self.chosen.setText(self.tr("%n invoice(s)", "", invoices) + ", "
                                + self.tr("%n credit note(s)", "", credits) + ": "
                                + amounts)  # fmt: skip
        self.plan_button.setEnabled(invoices > 0)

    def _plan(self) -> None:
        day = self.value_date.date()
        self.plan_requested.emit(self.ticked_invoices(), self.ticked_credits(),
                                 date(day.year(), day.month(), day.day()),
                                 self.reference.text().strip())  # fmt: skip

    def planned(self) -> None:
        """A plan was recorded: the ticks and the reference are cleared."""
        self.reference.clear()
        for r in range(self.to_pay.rowCount()):
            self.to_pay.item(r, 0).setCheckState(Qt.CheckState.Unchecked)

    def selected_references(self) -> list[str]:
        rows = sorted({i.row() for i in self.list.selectionModel().selectedRows()})
        return [self.list.item(r, 0).data(KEY_ROLE) for r in rows]

    def _selected(self) -> None:
        count = len(self.selected_references())
        for button in (self.preview_button, self.save_button, self.copy_button):
            button.setEnabled(count == 1)
        self.pain_button.setEnabled(count > 0)

    def _one(self, signal) -> None:
        refs = self.selected_references()
        if refs:
            signal.emit(refs[0])
