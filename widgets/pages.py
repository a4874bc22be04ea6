"""The list pages of the main window: a filterable, sortable table of one kind of row,
and the invoices with a detail pane.  They show what they are given and ask for the rest
by signal: they never touch the workspace themselves."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from widgets.models import ROW_ROLE, FilterProxy, RowsModel, row_customers, status_label
from widgets.views import SearchDelay

NO_DATE = QDate(2000, 1, 1)  # a date filter at its minimum means "no bound"


class TablePage(QWidget):
    """A filterable, sortable table of one kind of row: search text, currency, status,
    customer and a date range, plus the focus the dashboard opened it with."""

    remove_requested = Signal(int)  # an allocation in a detail pane: remove it
    open_requested = Signal(str)  # a payment, credit note or invoice named there: open it

    def __init__(self, columns, parent=None) -> None:
        super().__init__(parent)
        self.model = RowsModel(columns, self)
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit(placeholderText=self.tr("Search (number, reference, customer…)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setToolTip(self.tr("Shows the rows where any column contains this text"))
        self.searching = SearchDelay(self.search, self.proxy.set_text, self.model.rowCount)
        self.currency = self._combo(self.tr("All currencies"), self.proxy.set_currency)
        self.currency.setToolTip(self.tr("Only this currency"))
        self.status = self._combo(self.tr("All statuses"), self.proxy.set_status)
        self.status.setToolTip(self.tr("Only this status"))
        self.customer = self._combo(self.tr("All customers"), self.proxy.set_customer)
        self.customer.setToolTip(self.tr("Only documents with lines of this customer"))
        for combo, name in ((self.currency, self.tr("Currency")), (self.status, self.tr("Status")),
                            (self.customer, self.tr("Customer"))):  # fmt: skip
            combo.setAccessibleName(name)
        self.date_from = self._date_edit(self.tr("From: any date"))
        self.date_to = self._date_edit(self.tr("To: any date"))
        self.date_from.setToolTip(self.tr("First date shown (document or payment date)"))
        self.date_to.setToolTip(self.tr("Last date shown (document or payment date)"))
        self.date_from.setAccessibleName(self.tr("From date"))
        self.date_to.setAccessibleName(self.tr("To date"))
        self.focus_chip = QPushButton()
        self.focus_chip.setToolTip(self.tr("Click to show every row again"))
        self.focus_chip.setStyleSheet(
            "QPushButton { background: #fdecc8; border: 1px solid #c47f17; border-radius: 10px;"
            " padding: 2px 10px; }"
        )
        self.focus_chip.clicked.connect(self.clear_filters)
        self.focus_chip.hide()
        self.focus_chip.setAccessibleName(self.tr("Show every row again"))
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setAccessibleName(self.tr("List"))  # a page of its own names it better
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        # column widths from the first rows only: measuring 100,000 rows takes seconds
        self.view.horizontalHeader().setResizeContentsPrecision(200)
        #: the rows selected when the model was last reset (their keys, the current one's,
        #: its position), selected again in the next rows (see set_rows) ...
        self._kept: tuple[list, object, int] | None = None
        self.restoring = False  # ... while which the selection is not the clerk's doing
        self.model.modelAboutToBeReset.connect(self._keep_selection)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        for widget in (self.currency, self.status, self.customer, self.date_from, self.date_to):
            bar.addWidget(widget, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.focus_chip, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.view)
        for a, b in ((self.search, self.currency), (self.currency, self.status),
                     (self.status, self.customer), (self.customer, self.date_from),
                     (self.date_from, self.date_to), (self.date_to, self.view)):  # fmt: skip
            QWidget.setTabOrder(a, b)

    def _combo(self, everything: str, apply) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, "")
        combo.currentIndexChanged.connect(lambda _i: apply(combo.currentData() or ""))
        return combo

    def _date_edit(self, any_text: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(any_text)  # shown while the date is the minimum: no bound
        edit.setDate(NO_DATE)
        edit.dateChanged.connect(self._dates_changed)
        return edit

    def _dates_changed(self, *_args) -> None:
        def iso(edit: QDateEdit) -> str:
            return "" if edit.date() == NO_DATE else edit.date().toString("yyyy-MM-dd")

        self.proxy.set_dates(iso(self.date_from), iso(self.date_to))

    def set_dates(self, first: date | None, last: date | None) -> None:
        for edit, day in ((self.date_from, first), (self.date_to, last)):
            edit.setDate(QDate(day.year, day.month, day.day) if day else NO_DATE)

    def set_focus(self, focus: str, label: str) -> None:
        """Show only the rows of a named focus (``overdue``, ``bucket:1-30``…), labelled."""
        self.proxy.set_focus(focus)
        self.focus_chip.setText(f"{label}  ✕")
        self.focus_chip.setVisible(bool(focus))

    def clear_filters(self) -> None:
        """Every row again: the focus, and the filters a drill-down set with it, cleared."""
        self.set_focus("", "")
        self.search.clear()
        for combo in (self.currency, self.status, self.customer):
            self.choose(combo, "")
        self.set_dates(None, None)

    def forget_selection(self) -> None:
        """Another workspace: nothing of the last one stays selected (nor in a pane)."""
        self._kept = None
        self.view.clearSelection()
        self.view.selectionModel().clearCurrentIndex()

    def select_key(self, key: object) -> bool:
        """Select the row standing for ``key`` (every row shown again if it was filtered
        out); False when there is none."""
        found = next((n for n, r in enumerate(self.model.rows) if row_key(r) == key), None)
        if found is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(found, 0))
        if not index.isValid():
            self.clear_filters()
            index = self.proxy.mapFromSource(self.model.index(found, 0))
        self.view.selectRow(index.row())
        self.view.scrollTo(index)
        return True

    def _link(self, url) -> None:
        """A link of a detail pane: ``remove:ID`` an allocation, ``open:KEY`` a document."""
        what, _, key = url.toString().partition(":")
        if what == "remove":
            self.remove_requested.emit(int(key))
        elif what == "open":
            self.open_requested.emit(key)

    def set_rows(self, rows: list[dict]) -> None:
        """New rows (the workspace read again): the rows the clerk had selected stay
        selected, and current, or the nearest row when theirs is no longer shown."""
        first_fill = self.model.rowCount() == 0
        self.model.set_rows(rows)
        self.update_filters()
        # later reloads keep the widths the clerk may have set, as does a window whose
        # widths were kept from the last time (desktop.actions.window_state)
        if first_fill and not getattr(self.view, "widths_kept", False):
            self.view.resizeColumnsToContents()
        self._select_kept()

    def _keep_selection(self) -> None:
        """Before the rows go: which were selected, which was current and where."""
        if not self.model.rows:
            return  # emptied while read again (the customers): keep what was kept
        selection = self.view.selectionModel()
        current = selection.currentIndex()
        keys = [row_key(i.data(ROW_ROLE)) for i in selection.selectedRows()]
        if not keys:  # nothing selected, or nothing since a reset whose rows are to come
            return
        current_key = row_key(current.data(ROW_ROLE)) if current.isValid() else keys[0]
        self._kept = (keys, current_key, current.row() if current.isValid() else 0)

    def _select_kept(self) -> None:
        if self._kept is None or not self.model.rows:
            return
        keys, current_key, position = self._kept
        self._kept = None
        wanted = set(keys) | {current_key}
        found = {row_key(r): n for n, r in enumerate(self.model.rows) if row_key(r) in wanted}
        shown = {k: self.proxy.mapFromSource(self.model.index(n, 0)) for k, n in found.items()}
        shown = {k: i for k, i in shown.items() if i.isValid()}
        still = [k for k in (current_key, *keys) if k in shown]
        if still:
            current = shown[still[0]]
        else:  # filtered out or gone: the row now where it was
            if not self.proxy.rowCount():
                return
            current = self.proxy.index(min(position, self.proxy.rowCount() - 1), 0)
        flags = QItemSelectionModel.SelectionFlag
        selection = self.view.selectionModel()
        self.restoring = True
        try:
            selection.setCurrentIndex(current, flags.ClearAndSelect | flags.Rows)
            for key in keys:
                if key in shown and shown[key] != current:
                    selection.select(shown[key], flags.Select | flags.Rows)
        finally:
            self.restoring = False
        self.view.scrollTo(current)

    def update_filters(self) -> None:
        """The filters' choices from the rows (after the rows changed, or gained their
        customers)."""
        rows = self.model.rows
        self._refill(self.currency, sorted({r["currency"] for r in rows}))
        statuses = sorted({r["status"] for r in rows if r.get("status")})
        self._refill(self.status, statuses, status_label)
        self.status.setVisible(bool(statuses))
        customers = sorted({c for r in rows for c in row_customers(r)})
        self._refill(self.customer, customers)
        self.customer.setVisible(bool(customers))
        has_dates = any("date" in r for r in rows)
        self.date_from.setVisible(has_dates)
        self.date_to.setVisible(has_dates)

    @staticmethod
    def _refill(combo: QComboBox, values: list[str], label=str) -> None:
        """New choices, keeping the clerk's current choice when it still exists."""
        current = combo.currentData() or ""
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for value in values:
            combo.addItem(label(value), value)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        if index < 0 and current:
            combo.currentIndexChanged.emit(0)

    def choose(self, combo: QComboBox, value: str) -> None:
        """Pick a value of a filter (``""`` for all)."""
        combo.setCurrentIndex(max(combo.findData(value), 0))

    def selected_rows(self) -> list[dict]:
        return [i.data(ROW_ROLE) for i in self.view.selectionModel().selectedRows()]


def allocation_list(allocations: list[tuple[int, str, object]], currency: str) -> str:
    """Allocations (id, the other side, amount) as a list whose other side opens it and
    whose "remove" link removes the allocation (an automatic application of a credit note,
    a negative id, is taken out of Microsoft's rule)."""
    from html import escape

    from widgets.formats import money_text

    auto = QCoreApplication.translate("InvoicesPage", "by Microsoft's rule")
    remove = QCoreApplication.translate("TablePage", "remove")
    tip = QCoreApplication.translate("TablePage", "Remove this allocation (Ctrl+Z puts it back)")
    items = []
    for aid, other, amount in allocations:
        items.append(
            "<li>" + (f"#{aid} " if aid > 0 else "")
            + f"<a href='open:{escape(other)}'>{escape(other)}</a>"
            + (f" ({auto})" if aid < 0 else "") + f" {money_text(amount, currency)}"
            + f" · <a href='remove:{aid}' title='{escape(tip)}'>{remove}</a></li>"
        )  # fmt: skip
    return "<ul>" + "".join(items) + "</ul>"


def row_key(row: dict) -> object:
    """What a row stands for, whatever its amounts: a payment's id, a document's number, a
    customer and currency."""
    if "id" in row:
        return row["id"]
    if "number" in row:
        return row["number"]
    return (row.get("customer"), row.get("currency"))


class InvoicesPage(TablePage):
    """Invoices, with a detail pane: void/rebill chain, allocations and line items.  The
    window reads what the pane shows of the invoice selected (``invoice_selected``)."""

    invoice_selected = Signal(dict)

    def __init__(self, columns, parent=None) -> None:
        super().__init__(columns, parent)
        from PySide6.QtWidgets import QSplitter, QTextBrowser

        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.view.setAccessibleName(self.tr("Invoices"))
        self.detail.setAccessibleName(self.tr("The invoice selected"))
        self.detail.anchorClicked.connect(self._link)
        self.detail.setPlaceholderText(
            self.tr("Select an invoice to see its void/rebill chain, allocations and lines.")
        )
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("invoices-splitter")
        layout = self.layout()
        layout.removeWidget(self.view)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.detail)
        self.splitter.setSizes([480, 200])
        layout.addWidget(self.splitter)
        self.view.selectionModel().selectionChanged.connect(self._selected)

    def _selected(self, *_args) -> None:
        """The pane follows the selection: the invoice selected, read afresh (after a
        change the rows are new and selected again), or nothing."""
        rows = self.selected_rows()
        if rows:
            self.invoice_selected.emit(rows[0])
        else:
            self.detail.clear()

    def set_rows(self, rows: list[dict]) -> None:
        super().set_rows(rows)
        if not self.selected_rows():  # a reset says nothing to the selection's followers
            self.detail.clear()

    def shown_number(self) -> str | None:
        """The invoice the pane is to show: the first selected."""
        rows = self.selected_rows()
        return rows[0]["number"] if rows else None

    def show_detail(self, row: dict, lines, history=(), explained=()) -> None:
        from html import escape

        from widgets.formats import date_text, money_text, speak

        cur = row["currency"]
        # (the words out of the f-strings below: pyside6-lupdate does not look inside them)
        total, still_open, due = self.tr("Total"), self.tr("Open"), self.tr("Due")
        unknown, lines_word, difference = (
            self.tr("date unknown"), self.tr("The lines add up to"), self.tr("difference"))
        allocated, explained_word, history_word = (
            self.tr("Allocations"), self.tr("Charges explained"), self.tr("History"))
        chain = []
        for label, key in ((self.tr("amends"), "amends"), (self.tr("voided by"), "voided_by"),
                           (self.tr("rebilled as"), "rebilled_as"),
                           (self.tr("rebill of"), "rebill_of")):  # fmt: skip
            if row.get(key):
                chain.append(f"{label} {escape(row[key])}")
        parts = [
            f"<h3>{escape(row['number'])} — {escape(status_label(row['status']))}</h3>",
            f"<p>{total} {money_text(row['total'], cur)} · "
            f"{still_open} {money_text(row['open'], cur)} · "
            f"{due} {date_text(row['due_date']) or unknown}"
            + (f" · {'; '.join(chain)}" if chain else "")
            + "</p>",
        ]
        allocations = row.get("allocations") or []
        if allocations:
            parts.append(f"<p><b>{allocated}</b></p>" + allocation_list(
                [(a["id"], a["source"], a["amount"]) for a in allocations], cur))  # fmt: skip
        if lines:
            by_customer: dict[str, object] = {}
            for ln in lines:
                name = ln.customer_name or ln.customer_id
                by_customer[name] = by_customer.get(name, 0) + ln.total
            parts.append(
                "<p><b>" + self.tr("%n line(s)", "", len(lines)) + "</b>: "
                + ", ".join(f"{escape(k)} {money_text(format(v, 'f'), cur)}"
                            for k, v in sorted(by_customer.items())) + "</p>"
            )  # fmt: skip
        if row.get("lines_difference"):
            parts.append(
                f"<p style='color:#b3261e'>{lines_word} "
                f"{money_text(row['lines_total'], cur, exact=True)}: "
                f"{difference} "
                f"{money_text(row['lines_difference'], cur, exact=True)}</p>"
            )
        worth = [ex for ex in explained if ex.explained]
        if worth:
            parts.append(f"<p><b>{explained_word}</b></p><ul>" + "".join(
                f"<li{' style=color:#b3261e' if ex.checks else ''}><b>{escape(ex.label)}</b> "
                f"{escape(ex.line.product)}: " + escape(" ".join(map(speak, ex.text()))) + "</li>"
                for ex in worth[:50]) + "</ul>")  # fmt: skip
            if len(worth) > 50:
                more = self.tr("… and %n more in Charges explained", "", len(worth) - 50)
                parts.append(f"<p>{more}</p>")
        if history:
            parts.append(f"<p><b>{history_word}</b></p><ul>" + "".join(
                f"<li>{escape(date_text(e['at'][:10]))} {escape(e['at'][11:16])} · "
                f"{escape(e['user'])} · {escape(e['summary'])}</li>" for e in history
            ) + "</ul>")  # fmt: skip
        self.detail.setHtml("".join(parts))


class PaymentsPage(TablePage):
    """Payments, with a pane of the one selected: its reference and its allocations, each
    invoice opened or the allocation removed from there."""

    def __init__(self, columns, parent=None) -> None:
        super().__init__(columns, parent)
        from PySide6.QtWidgets import QSplitter, QTextBrowser

        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.detail.anchorClicked.connect(self._link)
        self.view.setAccessibleName(self.tr("Payments"))
        self.detail.setAccessibleName(self.tr("The payment selected"))
        self.detail.setPlaceholderText(self.tr("Select a payment to see its allocations."))
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("payments-splitter")
        layout = self.layout()
        layout.removeWidget(self.view)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.detail)
        self.splitter.setSizes([480, 160])
        layout.addWidget(self.splitter)
        self.view.selectionModel().selectionChanged.connect(self._selected)

    def _selected(self, *_args) -> None:
        from html import escape

        from widgets.formats import date_text, money_text

        rows = self.selected_rows()
        if not rows:
            self.detail.clear()
            return
        row, cur = rows[0], rows[0]["currency"]
        parts = [f"<h3>{escape(row['id'])} — {date_text(row['date'])} · "
                 f"{money_text(row['amount'], cur)}</h3>",
                 f"<p>{escape(row.get('reference') or '')}</p>",
                 "<p>" + escape(self.tr("Unallocated: %s") % money_text(row["unallocated"], cur))
                 + "</p>"]  # fmt: skip
        allocations = row.get("allocations") or []
        if allocations:
            parts.append("<p><b>" + self.tr("Allocations") + "</b></p>" + allocation_list(
                [(a["id"], a["invoice"], a["amount"]) for a in allocations], cur))  # fmt: skip
        self.detail.setHtml("".join(parts))

    def set_rows(self, rows: list[dict]) -> None:
        super().set_rows(rows)
        if not self.selected_rows():
            self.detail.clear()
