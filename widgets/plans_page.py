"""Plan and pay: the open invoices (and the credit notes to net against them) ticked, a
value date and a reference, then Plan payment; below, the planned payments and where each
stands (planned, sent to the bank, processing at Microsoft, confirmed by a statement,
unallocated or applied at Microsoft), with their remittance advice and the SEPA file of one
or several.

The page shows what it is given and asks for the rest by signal: the plan's amounts, its
checks and its documents are the core's."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from widgets.formats import date_text, money_text
from widgets.views import CellsModel, LazyTable

#: where a planned payment stands (core.services.plans.Plans.overview's ``state``)
STATES = {
    "planned": QT_TRANSLATE_NOOP("PlansPage", "planned, not yet on a statement"),
    "sent": QT_TRANSLATE_NOOP("PlansPage", "sent to the bank on %s"),
    "processing": QT_TRANSLATE_NOOP("PlansPage", "paid, processing at Microsoft until %s"),
    "confirmed": QT_TRANSLATE_NOOP("PlansPage", "confirmed by a statement"),
    "unallocated": QT_TRANSLATE_NOOP("PlansPage", "unallocated at Microsoft"),
    "applied": QT_TRANSLATE_NOOP("PlansPage", "applied at Microsoft"),
}


def state_text(row: dict) -> str:
    text = QCoreApplication.translate("PlansPage", STATES.get(row["state"], row["state"]))
    return text % date_text(row["until"]) if "%s" in text else text


PAY_COLUMNS = (QT_TRANSLATE_NOOP("PlansPage", "Pay"),
               QT_TRANSLATE_NOOP("PlansPage", "Document"),
               QT_TRANSLATE_NOOP("PlansPage", "Type"),
               QT_TRANSLATE_NOOP("PlansPage", "Due"),
               QT_TRANSLATE_NOOP("PlansPage", "Open"),
               QT_TRANSLATE_NOOP("PlansPage", "Planned in"),
               QT_TRANSLATE_NOOP("PlansPage", "Customers"))  # fmt: skip
PLAN_COLUMNS = (QT_TRANSLATE_NOOP("PlansPage", "Plan"),
                QT_TRANSLATE_NOOP("PlansPage", "Reference"),
                QT_TRANSLATE_NOOP("PlansPage", "Value date"),
                QT_TRANSLATE_NOOP("PlansPage", "Amount"),
                QT_TRANSLATE_NOOP("PlansPage", "State"),
                QT_TRANSLATE_NOOP("PlansPage", "Payment"),
                QT_TRANSLATE_NOOP("PlansPage", "Invoices"))  # fmt: skip


class TickModel(CellsModel):
    """The documents to pay, the first column a tick box: ``ticked`` holds their numbers;
    ``locked`` those that may not be ticked (already in a plan)."""

    ticks_changed = Signal()

    def __init__(self, cells, parent=None) -> None:
        super().__init__(PAY_COLUMNS, "PlansPage", cells, right=(4,), parent=parent)
        self.ticked: set[str] = set()
        self.locked: set[str] = set()

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() == 0 and self.rows[index.row()]["number"] not in self.locked:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0 and index.isValid():
            ticked = self.rows[index.row()]["number"] in self.ticked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        number = self.rows[index.row()]["number"]
        if number in self.locked:
            return False
        on = Qt.CheckState(value) == Qt.CheckState.Checked
        (self.ticked.add if on else self.ticked.discard)(number)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.ticks_changed.emit()
        return True

    def set_ticked(self, numbers: set[str]) -> None:
        self.ticked = {n for n in numbers if n not in self.locked}
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 0),
                                  [Qt.ItemDataRole.CheckStateRole])  # fmt: skip
        self.ticks_changed.emit()


def _fit(table: LazyTable) -> None:
    """Columns as wide as their first rows, unless the clerk's widths were kept."""
    if not getattr(table, "widths_kept", False):
        table.resizeColumnsToContents()


def _table(model: CellsModel, multi: bool) -> LazyTable:
    table = LazyTable()
    table.setModel(model)
    if multi:
        table.setSelectionMode(LazyTable.SelectionMode.ExtendedSelection)
    return table


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
        self.may_change = True  # the clerk's role may plan payments (the file is writable)
        self.pay_model = TickModel(self._document_cells, self)
        self.pay_model.ticks_changed.connect(self._ticked)
        self.to_pay = _table(self.pay_model, multi=False)
        self.to_pay.setAccessibleName(self.tr("Open invoices and credit notes to net"))
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
        self.plan_model = CellsModel(PLAN_COLUMNS, "PlansPage", self._plan_cells, right=(0, 3),
                                     parent=self)  # fmt: skip
        self.list = _table(self.plan_model, multi=True)
        self.list.setAccessibleName(self.tr("Planned payments"))
        self.list.selectionModel().selectionChanged.connect(self._selected)
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
        ticked = self.pay_model.ticked
        self.pay_model.locked = set(self.planned_in)
        self.pay_model.set_rows(self.documents)
        _fit(self.to_pay)
        self.pay_model.set_ticked(ticked)

    def _document_cells(self, d: dict) -> list[str]:
        credit = d["kind"] == "credit"
        left = -d["unapplied"] if credit else d["open"]
        return ["", d["number"], self.tr("credit note") if credit else self.tr("invoice"),
                "" if credit else date_text(d.get("due_date")), money_text(left, d["currency"]),
                self.planned_in.get(d["number"], ""),
                ", ".join(d.get("customers") or [])]  # fmt: skip

    def _plan_cells(self, p: dict) -> list[str]:
        return [str(p["id"]), p["reference"], date_text(p["date"]),
                money_text(p["amount"], p["currency"]), state_text(p), p["payment"] or "",
                " ".join(p["invoices"])]  # fmt: skip

    def show_plans(self, plans: list[dict]) -> None:
        """The planned payments (:meth:`core.services.plans.Plans.overview`), newest first;
        the selection kept."""
        kept = set(self.selected_references())
        self.plans = sorted(plans, key=lambda p: -p["id"])
        self.planned_in = {n: p["reference"] for p in self.plans if p["status"] == "planned"
                           for n in p["invoices"]}  # fmt: skip
        self._show_documents()
        self.plan_model.set_rows(self.plans)
        _fit(self.list)
        self._select(kept)
        self._selected()

    def _select(self, references: set[str]) -> None:
        from PySide6.QtCore import QItemSelection, QItemSelectionModel

        chosen = QItemSelection()
        for r, p in enumerate(self.plans):
            if p["reference"] in references:
                chosen.select(self.plan_model.index(r, 0),
                              self.plan_model.index(r, len(PLAN_COLUMNS) - 1))  # fmt: skip
        flag = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.list.selectionModel().select(chosen, flag)

    def select_plan(self, reference: str) -> None:
        self._select({reference})

    # ------------------------------------------------------------------ the clerk

    def _ticks(self, kind: str) -> list[str]:
        return [d["number"] for d in self.documents
                if d["kind"] == kind and d["number"] in self.pay_model.ticked]  # fmt: skip

    def ticked_invoices(self) -> list[str]:
        return self._ticks("invoice")

    def ticked_credits(self) -> list[str]:
        return self._ticks("credit")

    def tick(self, *numbers: str) -> None:
        self.pay_model.set_ticked(self.pay_model.ticked | set(numbers))

    def _ticked(self) -> None:
        """What is ticked, per currency: invoices less credit notes."""
        per: dict[str, Decimal] = {}
        ticked = self.pay_model.ticked
        invoices = credits = 0
        for d in self.documents:  # once over the documents (a workspace has 100,000)
            if d["number"] not in ticked:
                continue
            if d["kind"] == "invoice":
                per[d["currency"]] = per.get(d["currency"], Decimal(0)) + d["open"]
                invoices += 1
            else:
                per[d["currency"]] = per.get(d["currency"], Decimal(0)) - d["unapplied"]
                credits += 1
        if not invoices:
            self.chosen.setText(self.tr("Tick the invoices to pay."))
        else:
            amounts = ", ".join(money_text(v, c) for c, v in sorted(per.items()))
            counts = (self.tr("%n invoice(s)", "", invoices),
                      self.tr("%n credit note(s)", "", credits))  # fmt: skip
            text = self.tr("%1, %2: %3").replace("%1", counts[0]).replace("%2", counts[1])
            self.chosen.setText(text.replace("%3", amounts))
        self.plan_button.setEnabled(invoices > 0 and self.may_change)

    def set_may_change(self, may: bool) -> None:
        self.may_change = may
        self._ticked()

    def _plan(self) -> None:
        day = self.value_date.date()
        self.plan_requested.emit(self.ticked_invoices(), self.ticked_credits(),
                                 date(day.year(), day.month(), day.day()),
                                 self.reference.text().strip())  # fmt: skip

    def planned(self) -> None:
        """A plan was recorded: the ticks and the reference are cleared."""
        self.reference.clear()
        self.pay_model.set_ticked(set())

    def selected_references(self) -> list[str]:
        rows = sorted({i.row() for i in self.list.selectionModel().selectedRows()})
        return [self.plans[r]["reference"] for r in rows]

    def _selected(self, *_args) -> None:
        count = len(self.selected_references())
        for button in (self.preview_button, self.save_button, self.copy_button):
            button.setEnabled(count == 1)
        self.pain_button.setEnabled(count > 0)

    def _one(self, signal) -> None:
        refs = self.selected_references()
        if refs:
            signal.emit(refs[0])
