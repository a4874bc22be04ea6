"""The main window: dashboard, invoices and payments of one workspace."""

from __future__ import annotations

import gc
import logging
import threading
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QMainWindow,
    QMenuBar,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.importers import ImportOptions
from core.money import quantum
from core.views import add_customers, customer_snapshot, snapshot
from core.workspace import ImportCancelled, ImportFailed, Workspace, WorkspaceBusy
from desktop.allocation_dialog import AllocationDialog
from desktop.worker import Worker
from widgets.alerts_page import AlertsPage
from widgets.charges_page import ChargesPage, ClaimsPage
from widgets.dashboard import Dashboard
from widgets.models import (
    CREDIT_COLUMNS,
    CUSTOMER_COLUMNS,
    INVOICE_COLUMNS,
    PAYMENT_COLUMNS,
    ROW_ROLE,
    FilterProxy,
    RowsModel,
    customer_columns,
    row_customers,
    status_label,
)

log = logging.getLogger(__name__)
NO_DATE = QDate(2000, 1, 1)  # a date filter at its minimum means "no bound"


def recent_workspaces() -> list[Path]:
    from PySide6.QtCore import QSettings

    value = QSettings("CSP Reconciler", "CSP Reconciler").value("recent", []) or []
    paths = [Path(v) for v in (value if isinstance(value, list) else [value])]
    return [p for p in paths if p.exists()][:8]


def remember_workspace(path: Path | str) -> None:
    from PySide6.QtCore import QSettings

    if not isinstance(path, Path):  # a team workspace: see desktop.team_dialog
        return

    paths = [str(path.resolve())] + [str(p) for p in recent_workspaces() if p != path.resolve()]
    QSettings("CSP Reconciler", "CSP Reconciler").setValue("recent", paths[:8])


class TablePage(QWidget):
    """A filterable, sortable table of one kind of row: search text, currency, status,
    customer and a date range, plus the focus the dashboard opened it with."""

    def __init__(self, columns, parent=None) -> None:
        super().__init__(parent)
        self.model = RowsModel(columns, self)
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit(placeholderText=self.tr("Search (number, reference, customer…)"))
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(self.tr("Shows the rows where any column contains this text"))
        self.search.textChanged.connect(self.proxy.set_text)
        self.currency = self._combo(self.tr("All currencies"), self.proxy.set_currency)
        self.currency.setToolTip(self.tr("Only this currency"))
        self.status = self._combo(self.tr("All statuses"), self.proxy.set_status)
        self.status.setToolTip(self.tr("Only this status"))
        self.customer = self._combo(self.tr("All customers"), self.proxy.set_customer)
        self.customer.setToolTip(self.tr("Only documents with lines of this customer"))
        self.date_from = self._date_edit(self.tr("From: any date"))
        self.date_to = self._date_edit(self.tr("To: any date"))
        self.date_from.setToolTip(self.tr("First date shown (document or payment date)"))
        self.date_to.setToolTip(self.tr("Last date shown (document or payment date)"))
        self.focus_chip = QPushButton()
        self.focus_chip.setToolTip(self.tr("Click to show every row again"))
        self.focus_chip.setStyleSheet(
            "QPushButton { background: #fdecc8; border: 1px solid #c47f17; border-radius: 10px;"
            " padding: 2px 10px; }"
        )
        self.focus_chip.clicked.connect(lambda: self.set_focus("", ""))
        self.focus_chip.hide()
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        # column widths from the first rows only: measuring 100,000 rows takes seconds
        self.view.horizontalHeader().setResizeContentsPrecision(200)
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

    def set_rows(self, rows: list[dict]) -> None:
        first_fill = self.model.rowCount() == 0
        self.model.set_rows(rows)
        self.update_filters()
        if first_fill:  # later reloads keep the widths the clerk may have set
            self.view.resizeColumnsToContents()

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


class InvoicesPage(TablePage):
    """Invoices, with a detail pane: void/rebill chain, allocations and line items."""

    def __init__(self, columns, window, parent=None) -> None:
        super().__init__(columns, parent)
        from PySide6.QtWidgets import QSplitter, QTextBrowser

        self.window_ = window
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.detail.setPlaceholderText(
            self.tr("Select an invoice to see its void/rebill chain, allocations and lines.")
        )
        splitter = QSplitter(Qt.Orientation.Vertical)
        layout = self.layout()
        layout.removeWidget(self.view)
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        splitter.setSizes([480, 200])
        layout.addWidget(splitter)
        self.view.selectionModel().selectionChanged.connect(self._selected)

    def _selected(self, *_args) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        row = rows[0]
        ws = self.window_.ws
        self.window_.worker.submit(
            lambda job: (
                ws.lines(row["number"]),
                ws.history(row["number"]),
                _explained(ws, row["number"]),
            ),
            lambda found: self.show_detail(row, *found),
            self.window_.show_error,
        )

    def show_detail(self, row: dict, lines, history=(), explained=()) -> None:
        from html import escape

        from widgets.formats import date_text, money_text

        cur = row["currency"]
        chain = []
        for label, key in ((self.tr("amends"), "amends"), (self.tr("voided by"), "voided_by"),
                           (self.tr("rebilled as"), "rebilled_as"),
                           (self.tr("rebill of"), "rebill_of")):  # fmt: skip
            if row.get(key):
                chain.append(f"{label} {escape(row[key])}")
        parts = [
            f"<h3>{escape(row['number'])} — {escape(status_label(row['status']))}</h3>",
            f"<p>{self.tr('Total')} {money_text(row['total'], cur)} · "
            f"{self.tr('Open')} {money_text(row['open'], cur)} · "
            f"{self.tr('Due')} {date_text(row['due_date']) or self.tr('date unknown')}"
            + (f" · {'; '.join(chain)}" if chain else "")
            + "</p>",
        ]
        allocations = row.get("allocations") or []
        if allocations:
            parts.append(f"<p><b>{self.tr('Allocations')}</b>: " + ", ".join(
                f"#{a['id']} {escape(a['source'])} {money_text(a['amount'], cur)}"
                for a in allocations) + "</p>")  # fmt: skip
        if lines:
            by_customer: dict[str, object] = {}
            for ln in lines:
                name = ln.customer_name or ln.customer_id
                by_customer[name] = by_customer.get(name, 0) + ln.total
            parts.append(
                f"<p><b>{self.tr('%n line(s)', '', len(lines))}</b>: "
                + ", ".join(f"{escape(k)} {money_text(format(v, 'f'), cur)}"
                            for k, v in sorted(by_customer.items())) + "</p>"
            )  # fmt: skip
        if row.get("lines_difference") not in (None, "0.00"):
            parts.append(
                f"<p style='color:#b3261e'>{self.tr('The lines add up to')} "
                f"{money_text(row['lines_total'], cur)}: "
                f"{self.tr('difference')} {money_text(row['lines_difference'], cur)}</p>"
            )
        worth = [ex for ex in explained if ex.explained]
        if worth:
            parts.append(f"<p><b>{self.tr('Charges explained')}</b></p><ul>" + "".join(
                f"<li{' style=color:#b3261e' if ex.checks else ''}><b>{escape(ex.label)}</b> "
                f"{escape(ex.line.product)}: " + escape(" ".join(ex.text())) + "</li>"
                for ex in worth[:50]) + "</ul>")  # fmt: skip
            if len(worth) > 50:
                more = self.tr("… and %n more in Charges explained", "", len(worth) - 50)
                parts.append(f"<p>{more}</p>")
        if history:
            parts.append(f"<p><b>{self.tr('History')}</b></p><ul>" + "".join(
                f"<li>{escape(date_text(e['at'][:10]))} {escape(e['at'][11:16])} · "
                f"{escape(e['user'])} · {escape(e['summary'])}</li>" for e in history
            ) + "</ul>")  # fmt: skip
        self.detail.setHtml("".join(parts))


def _explained(ws: Workspace, number: str) -> list:
    """An invoice's lines explained; none when it has no lines."""
    try:
        return ws.explain(number)
    except ValueError:
        return []


class MainWindow(QMainWindow):
    ready = Signal()  # the workspace's data is on screen, but for the split by customer
    loaded = Signal()  # all of it, customers too
    exported = Signal(str)  # a document was written
    printed = Signal(int)  # pages sent to the printer
    previewed = Signal(str)  # a remittance advice is shown
    language_changed = Signal(str)
    others_changed = Signal(list)  # a team workspace: other clerks' changes, announced
    suggested = Signal()  # suggestions are on screen

    def __init__(self, path: Path | str, as_of: date | None = None) -> None:
        super().__init__()
        self.path = path
        self.as_of = as_of or date.today()
        self.worker = Worker(self)
        self.ws = Workspace(path)
        self._live_stop: threading.Event | None = None
        self.live_refreshes = 0
        self.others_changed.connect(self._others_changed)
        self._start_live()
        self.snap: dict | None = None
        self.resize(1180, 760)
        self.setAcceptDrops(True)
        self._pages()
        self._actions()
        self._title()
        remember_workspace(path)
        self.refresh()

    # ------------------------------------------------------------------ team workspace

    def _start_live(self) -> None:
        """On a team workspace, listen for other clerks' changes (a thread of its own with
        its own server connection) and show them by refreshing, a burst at a time."""
        self._stop_live()
        ws = self.ws
        if ws.url is None:
            return
        from core.store.live import listen

        stop = self._live_stop = threading.Event()
        threading.Thread(
            target=listen, name="live-view", daemon=True,
            args=(ws.url, self.others_changed.emit, stop),
            kwargs={"ignore_pids": lambda: set(ws.engine.backend_pids)},
        ).start()  # fmt: skip

    def _stop_live(self) -> None:
        if self._live_stop is not None:
            self._live_stop.set()
            self._live_stop = None

    def _others_changed(self, what: list) -> None:
        log.info("changes by other clerks: %s", ", ".join(what[:10]))
        self.live_refreshes += 1
        self.refresh()
        self.statusBar().showMessage(
            self.tr("Other clerks changed the workspace: the lists are up to date"), 5000
        )

    def connect_team(self) -> None:
        """File > Connect to a team workspace."""
        from desktop.team_dialog import ConnectDialog

        dialog = ConnectDialog(self)
        self.connect_dialog = dialog

        def accepted() -> None:
            dialog.keep()
            url = dialog.url().render_as_string(hide_password=False)
            self.open_workspace(url)

        dialog.accepted.connect(accepted)
        dialog.open()

    def _apply_role(self) -> None:
        """Grey out what the clerk's role may not do (the server refuses it anyway)."""
        from core.store.roles import may

        role = self.ws.role
        for action, what in (
            (self.import_action, "import"),
            (self.allocate_action, "allocate"),
            (self.auto_action, "allocate"),
            (self.undo_action, "allocate"),
            (self.redo_action, "allocate"),
            (self.note_action, "note"),
            (self.dispute_action, "claim"),
            (self.sla_action, "claim"),
        ):
            action.setEnabled(may(role, what) and not self.ws.readonly)  # fmt: skip
        claims = may(role, "claim") and not self.ws.readonly
        self.charges_page.may_dispute = claims
        self.claims_page.may_change = claims
        self.claims_page._selection()

    def _pages(self) -> None:
        """The tabs and their pages (built again, in the new language, by set_language)."""
        self.tabs = QTabWidget()
        self.dashboard = Dashboard()
        self.invoices = InvoicesPage(INVOICE_COLUMNS, self)
        self.payments = TablePage(PAYMENT_COLUMNS)
        self.credits = TablePage(CREDIT_COLUMNS)
        self.customers = TablePage(CUSTOMER_COLUMNS)
        self.tabs.addTab(self.dashboard, self.tr("Dashboard"))
        self.tabs.addTab(self.invoices, self.tr("Invoices"))
        self.tabs.addTab(self.payments, self.tr("Payments"))
        self.tabs.addTab(self.credits, self.tr("Credit notes"))
        self.tabs.addTab(self.customers, self.tr("Customers"))
        self.alerts_page = AlertsPage()
        self.alerts_page.action_requested.connect(self.alert_action)
        self.tabs.addTab(self.alerts_page, self.tr("Alerts and calendar"))
        self.charges_page = ChargesPage()
        self.charges_page.customer_chosen.connect(self.show_customer_charges)
        self.charges_page.checks_requested.connect(self.run_checks)
        self.charges_page.dispute_requested.connect(self.dispute_line)
        self.tabs.addTab(self.charges_page, self.tr("Charges explained"))
        self.claims_page = ClaimsPage()
        self.claims_page.new_sla_requested.connect(self.new_sla_claim)
        self.claims_page.link_requested.connect(self.link_claim)
        self.claims_page.withdraw_requested.connect(self.withdraw_claim)
        self.tabs.addTab(self.claims_page, self.tr("Disputes and claims"))
        self.setCentralWidget(self.tabs)  # deletes the previous pages
        for page in (self.invoices, self.payments, self.credits, self.customers):
            page.view.selectionModel().selectionChanged.connect(self._selection_totals)
        self.dashboard.chart.bucket_clicked.connect(self.show_bucket)
        self.dashboard.focus_requested.connect(self.show_focus)
        self.payments.view.doubleClicked.connect(self._payment_opened)
        self.invoices.view.doubleClicked.connect(self._invoice_opened)
        self.credits.view.doubleClicked.connect(lambda _i: self.allocate_credit_selected())
        self.tabs.currentChanged.connect(self._selection_totals)

    def set_language(self, language: str) -> None:
        """Switch the interface language now: menus and pages are built again in it, the
        data already loaded is shown again, and the choice is kept for the next start."""
        from PySide6.QtWidgets import QApplication

        from desktop import i18n

        i18n.switch(QApplication.instance(), language)
        tab = self.tabs.currentIndex()
        self._pages()
        self._actions()
        self._title()
        if self.snap is not None:
            self._show(self.snap)
        self.tabs.setCurrentIndex(tab)
        self.language_changed.emit(language)

    # ------------------------------------------------------------------ actions

    def _actions(self) -> None:
        """The menus; rebuilt whole (old actions deleted with the old bar) when the language
        changes."""
        bar = QMenuBar(self)
        self.setMenuBar(bar)
        file_menu = bar.addMenu(self.tr("&File"))
        open_ws = QAction(self.tr("&Open workspace…"), bar, shortcut=QKeySequence("Ctrl+Shift+O"))
        open_ws.triggered.connect(self.choose_workspace)
        file_menu.addAction(open_ws)
        new_ws = QAction(self.tr("&New workspace…"), bar, shortcut=QKeySequence.New)
        new_ws.triggered.connect(self.choose_new_workspace)
        file_menu.addAction(new_ws)
        demo = QAction(self.tr("Open the &demo workspace"), bar)
        demo.triggered.connect(self.open_demo)
        file_menu.addAction(demo)
        team = QAction(self.tr("Connect to a &team workspace…"), bar,
                       shortcut=QKeySequence("Ctrl+Shift+T"))  # fmt: skip
        team.triggered.connect(self.connect_team)
        file_menu.addAction(team)
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self._fill_recent()
        file_menu.addSeparator()
        self.import_action = QAction(self.tr("&Import files…"), bar, shortcut=QKeySequence.Open)
        self.import_action.triggered.connect(self.choose_import)
        file_menu.addAction(self.import_action)
        preview = QAction(self.tr("Remittance advice of the selected payment…"), bar,
                          shortcut=QKeySequence("Ctrl+E"))  # fmt: skip
        preview.setToolTip(self.tr("See the advice as it will print; print, save or copy it"))
        preview.triggered.connect(self.choose_preview)
        file_menu.addAction(preview)
        remit = QAction(self.tr("Save &remittance advice of the selected payment as…"), bar,
                        shortcut=QKeySequence("Ctrl+Shift+E"))  # fmt: skip
        remit.triggered.connect(self.choose_remittance)
        file_menu.addAction(remit)
        report = QAction(self.tr("Export Excel &report…"), bar, shortcut=QKeySequence("Ctrl+R"))
        report.triggered.connect(self.choose_report)
        file_menu.addAction(report)
        printing = QAction(self.tr("&Print remittance advice of the selected payment…"), bar,
                           shortcut=QKeySequence.Print)  # fmt: skip
        printing.triggered.connect(lambda: self.choose_print())
        file_menu.addAction(printing)
        copy = QAction(self.tr("&Copy bank reference of the selected payment"), bar,
                       shortcut=QKeySequence("Ctrl+Shift+C"))  # fmt: skip
        copy.triggered.connect(self.copy_bank_reference)
        file_menu.addAction(copy)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), bar, shortcut=QKeySequence.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        edit = bar.addMenu(self.tr("&Edit"))
        self.undo_action = QAction(self.tr("&Undo last change"), bar, shortcut=QKeySequence.Undo)
        self.undo_action.triggered.connect(self.undo)
        edit.addAction(self.undo_action)
        self.redo_action = QAction(self.tr("&Redo"), bar, shortcut=QKeySequence.Redo)
        self.redo_action.triggered.connect(self.redo)
        edit.addAction(self.redo_action)
        pay = bar.addMenu(self.tr("&Payments"))
        self.allocate_action = QAction(self.tr("&Allocate selected payment…"), bar,
                                       shortcut=QKeySequence("Ctrl+L"))  # fmt: skip
        self.allocate_action.triggered.connect(self.allocate_selected)
        pay.addAction(self.allocate_action)
        settle = QAction(self.tr("&Settle the selected invoice…"), bar,
                         shortcut=QKeySequence("Ctrl+Shift+L"))  # fmt: skip
        settle.triggered.connect(self.settle_selected)
        pay.addAction(settle)
        apply_credit = QAction(self.tr("Apply the selected &credit note…"), bar,
                               shortcut=QKeySequence("Ctrl+Alt+L"))  # fmt: skip
        apply_credit.triggered.connect(self.allocate_credit_selected)
        pay.addAction(apply_credit)
        suggest = QAction(self.tr("S&uggested allocations…"), bar, shortcut=QKeySequence("Ctrl+G"))
        suggest.setToolTip(self.tr("Proposals with a score and reasons, for the selected payment "
                                   "or every payment with money left"))  # fmt: skip
        suggest.triggered.connect(self.show_suggestions)
        pay.addAction(suggest)
        self.note_action = QAction(self.tr("Add a &note to the selected invoice or payment…"),
                                   bar, shortcut=QKeySequence("Ctrl+Shift+N"))  # fmt: skip
        self.note_action.triggered.connect(self.choose_note)
        pay.addAction(self.note_action)
        self.auto_action = QAction(self.tr("Allocate by &quoted invoice numbers"), bar)
        self.auto_action.triggered.connect(self.auto_allocate)
        pay.addAction(self.auto_action)
        pay.addSeparator()
        self.dispute_action = QAction(self.tr("&Dispute an amount of the selected invoice…"), bar,
                                      shortcut=QKeySequence("Ctrl+Shift+D"))  # fmt: skip
        self.dispute_action.triggered.connect(self.dispute_selected)
        pay.addAction(self.dispute_action)
        self.sla_action = QAction(self.tr("New S&LA credit claim…"), bar)
        self.sla_action.triggered.connect(self.new_sla_claim)
        pay.addAction(self.sla_action)
        view = bar.addMenu(self.tr("&View"))
        prefs = QAction(self.tr("&Preferences…"), bar, shortcut=QKeySequence.Preferences)
        prefs.triggered.connect(self.edit_preferences)
        view.addAction(prefs)
        language = view.addMenu(self.tr("&Language"))
        from desktop import i18n

        for code, name in i18n.LANGUAGES.items():
            action = QAction(name, bar, checkable=True)
            action.setChecked(code == i18n.current_language())
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            language.addAction(action)
        view.addSeparator()
        for n, name in enumerate((self.tr("&Dashboard"), self.tr("&Invoices"),
                                  self.tr("Pa&yments"), self.tr("&Credit notes"),
                                  self.tr("C&ustomers"), self.tr("&Alerts and calendar"),
                                  self.tr("C&harges explained"), self.tr("Dis&putes and claims")),
                                 start=1):  # fmt: skip
            go = QAction(name, bar, shortcut=QKeySequence(f"Ctrl+{n}"))
            go.triggered.connect(lambda _=False, i=n - 1: self.tabs.setCurrentIndex(i))
            view.addAction(go)
        find = QAction(self.tr("&Find in this list"), bar, shortcut=QKeySequence.Find)
        find.triggered.connect(self.focus_search)
        view.addAction(find)
        reload_action = QAction(self.tr("Re&load"), bar, shortcut=QKeySequence.Refresh)
        reload_action.triggered.connect(self.refresh)
        view.addAction(reload_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        keys = QAction(self.tr("&Keyboard shortcuts"), bar, shortcut=QKeySequence.HelpContents)
        keys.triggered.connect(self.show_shortcuts)
        help_menu.addAction(keys)
        logs = QAction(self.tr("Open the &log folder"), bar)
        logs.triggered.connect(self.open_log_folder)
        help_menu.addAction(logs)
        about = QAction(self.tr("&About CSP Reconciler"), bar)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def focus_search(self) -> None:
        page = self.tabs.currentWidget()
        if isinstance(page, TablePage):
            page.search.setFocus()
            page.search.selectAll()

    def show_shortcuts(self) -> None:
        """Every menu action with its shortcut, read from the menus themselves."""
        rows = []
        for menu_action in self.menuBar().actions():
            menu = menu_action.menu()
            for action in menu.actions() if menu else ():
                key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                if key:
                    rows.append(f"<tr><td><b>{key}</b></td><td>"
                                f"{action.text().replace('&', '')}</td></tr>")  # fmt: skip
        box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("Keyboard shortcuts"),
                          "<table cellspacing=6>" + "".join(rows) + "</table>",
                          parent=self)  # fmt: skip
        self.shortcuts_box = box
        box.open()

    def open_log_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from desktop.app import log_folder

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_folder())))

    def show_about(self) -> None:
        from core import __version__ as number

        QMessageBox.about(self, self.tr("About CSP Reconciler"), self.tr(
            "<b>CSP Reconciler</b> %s<br>Invoices, payments and remittance advice for "
            "Microsoft Cloud Solution Provider partners.<br>Workspace: %s") % (
            number, self.path))  # fmt: skip

    def _title(self) -> None:
        ws = self.ws
        mode = self.tr(" (read-only)") if ws.readonly else ""
        if ws.url is not None:
            from sqlalchemy.engine import make_url

            from core.workspace import ROLE_NAMES

            u = make_url(ws.url)
            role = ROLE_NAMES.get(ws.role, ws.role) or self.tr("owner")
            where = self.tr("team workspace %s on %s — %s (%s)") % (u.database, u.host, ws.user,
                                                                   role)  # fmt: skip
        else:
            where = Path(self.path).name
        self.setWindowTitle(f"CSP Reconciler — {where}{mode} — "
                            + self.tr("as of %s") % self.as_of.isoformat())  # fmt: skip
        self._apply_role()  # the menus exist: _title follows _actions wherever it is called

    # ------------------------------------------------------------------ workspaces

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in recent_workspaces():
            action = QAction(str(path), self)
            action.triggered.connect(lambda _=False, p=path: self.open_workspace(p))
            self.recent_menu.addAction(action)
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    def choose_workspace(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open workspace"), str(self.path.parent),
            self.tr("CSP Reconciler workspace (*.db *.csprecon);;All files (*)"),
        )  # fmt: skip
        if path:
            self.open_workspace(Path(path))

    def choose_new_workspace(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("New workspace"), str(self.path.parent / "workspace.db"),
            self.tr("CSP Reconciler workspace (*.db)"),
        )  # fmt: skip
        if path:
            self.open_workspace(Path(path))

    def open_demo(self) -> None:
        from desktop.app import demo_workspace

        self.open_workspace(demo_workspace())

    def open_workspace(self, path: Path) -> None:
        """Close this workspace and open another (created when new); every change is saved
        as it is made, so there is nothing to save first."""
        old = self.ws

        def swap(job):
            new = Workspace(path)
            old.close()
            return new

        def done(ws: Workspace) -> None:
            self.ws, self.path = ws, path
            remember_workspace(path)
            self._fill_recent()
            self._title()
            self._start_live()
            self.refresh()

        self.worker.submit(swap, done, self.show_error)

    def edit_preferences(self) -> None:
        ws = self.ws
        self.worker.submit(lambda job: (ws.settings(), ws.term_days), self._show_preferences,
                           self.show_error)  # fmt: skip

    def _show_preferences(self, loaded) -> None:
        from desktop import i18n
        from desktop.preferences import PreferencesDialog

        settings, term = loaded
        dialog = PreferencesDialog(settings, term, self, i18n.current_language())
        self.preferences_dialog = dialog

        def accepted() -> None:
            if dialog.chosen_language() != i18n.current_language():
                self.set_language(dialog.chosen_language())
            changes = dialog.changes()
            if changes:
                self.save_preferences(changes)

        dialog.accepted.connect(accepted)
        dialog.open()

    def save_preferences(self, changes: dict[str, str]) -> None:
        ws = self.ws

        def run(job):
            for key, value in changes.items():
                ws.set_setting(key, value)
            return len(changes)

        self.worker.submit(run, lambda n: self.refresh(), self.show_error)

    # ------------------------------------------------------------------ data

    def refresh(self) -> None:
        ws, as_of = self.ws, self.as_of
        self.statusBar().showMessage(self.tr("Loading…"))
        self.worker.submit(lambda job: snapshot(ws, as_of, customers=False), self._show,
                           self.show_error)  # fmt: skip

    def _show(self, snap: dict) -> None:
        """The workspace on screen in two steps: everything but the split by customer
        first (``ready``), then the customers (``loaded``), read separately because in a
        large workspace they take as long as the rest."""
        self.snap = snap
        self.dashboard.show_snapshot(snap)
        self.invoices.set_rows(snap["invoices"])
        self.payments.set_rows(snap["payments"])
        self.credits.set_rows(snap["credits"])
        self.alerts_page.show_alerts(snap["alerts"], snap["periods"], snap["as_of"])
        self.claims_page.show_claims(snap["claims"])
        from widgets.aging_chart import bucket_label

        self.customers.model.set_columns(customer_columns(snap["buckets"], bucket_label))
        self.summary = self.tr("%d invoices, %d payments") % (
            len(snap["invoices"]), len(snap["payments"]))  # fmt: skip
        self.statusBar().showMessage(self.summary)
        self.ready.emit()
        if snap["customers"] is not None:
            self._show_customers(snap)
            return
        self.customers.model.set_rows([])
        ws, ledger = self.ws, snap["ledger"]

        def done(found) -> None:
            if snap is self.snap:  # not a workspace refreshed or swapped since
                add_customers(snap, found)
                self._show_customers(snap)

        self.worker.submit(lambda job: customer_snapshot(ws, ledger), done, self.show_error)

    def _show_customers(self, snap: dict) -> None:
        self.customers.set_rows(snap["customers"])
        self.charges_page.show_customers(snap["line_customers"])
        self.invoices.update_filters()  # the invoices' customers, for the customer filter
        self.dashboard.chart.show_aging(snap["aging"], snap["customers"], snap["buckets"])
        # The workspace's rows live until the next refresh: keep Python's cyclic garbage
        # collector from walking them on each full collection (a one-second freeze of the
        # window with 100,000 invoices). They are still freed as soon as they are replaced.
        gc.freeze()
        self.loaded.emit()

    def show_bucket(self, currency: str, bucket: str, customer: str = "") -> None:
        """Drill down from the aging chart: the open invoices of that bucket."""
        from widgets.aging_chart import bucket_label

        page = self.invoices
        page.search.clear()
        page.choose(page.currency, currency)
        page.choose(page.customer, customer)
        label = self.tr("Open invoices: %s, %s") % (bucket_label(bucket), currency)
        if customer:
            label += f", {customer}"
        page.set_focus(f"bucket:{bucket}", label)
        self.tabs.setCurrentWidget(page)

    def show_focus(self, page_name: str, focus: str, label: str) -> None:
        """Open the invoices or payments the dashboard's "needs attention" line is about."""
        if page_name == "alerts":
            self.tabs.setCurrentWidget(self.alerts_page)
            return
        if page_name == "claims":
            self.tabs.setCurrentWidget(self.claims_page)
            return
        page = self.invoices if page_name == "invoices" else self.payments
        page.search.clear()
        page.choose(page.currency, "")
        page.set_focus(focus, label)
        self.tabs.setCurrentWidget(page)

    def _selection_totals(self, *_args) -> None:
        """The status bar adds up the selected rows: what they still owe or hold, per
        currency."""
        from widgets.formats import money_text

        page = self.tabs.currentWidget()
        keys = {self.invoices: ("open", self.tr("open")),
                self.payments: ("unallocated", self.tr("unallocated")),
                self.credits: ("unapplied", self.tr("unapplied")),
                self.customers: ("open", self.tr("open"))}  # fmt: skip
        if page not in keys:
            self.statusBar().showMessage(getattr(self, "summary", ""))
            return
        key, word = keys[page]
        rows = page.selected_rows()
        totals: dict[str, Decimal] = {}
        for row in rows:
            totals[row["currency"]] = totals.get(row["currency"], Decimal(0)) + Decimal(
                row.get(key) or 0
            )
        if totals:
            amounts = ", ".join(money_text(format(v, "f"), c) for c, v in sorted(totals.items()))
            self.statusBar().showMessage(
                self.tr("%n selected: ", "", len(rows)) + f"{amounts} {word}"
            )
        else:
            self.statusBar().showMessage(getattr(self, "summary", ""))

    # ------------------------------------------------------------------ import

    def choose_import(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Import files"))
        if files:
            self.import_files([Path(f) for f in files])

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            self.import_files(files)

    def import_files(self, files: list[Path]) -> None:
        """Import off the GUI thread with a progress bar and Cancel; then a summary."""
        dialog = QProgressDialog(self.tr("Importing…"), self.tr("Cancel"), 0, 0, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        ws = self.ws
        self.import_dialog = dialog

        def run(job):
            results = []
            for path in files:
                if job.cancelled():
                    break
                try:
                    results.append(("ok", ws.import_file(path, ImportOptions(),
                                                         progress=job.progress,
                                                         cancelled=job.cancelled)))  # fmt: skip
                except ImportCancelled:
                    results.append(("cancelled", path))
                except ImportFailed as exc:
                    results.append(("failed", exc))
                except Exception as exc:
                    log.exception("import of %s failed", path)
                    results.append(
                        (
                            "failed",
                            ImportFailed(
                                str(path),
                                [f"{path.name}: {exc} (an unexpected error; details in the log)"],
                            ),
                        )
                    )
            return results

        def progress(done: int, total: int) -> None:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(min(done, total))

        job = self.worker.submit(run, self._import_done, self.show_error, progress)
        dialog.canceled.connect(job.cancel.set)

    def _import_done(self, results) -> None:
        self.import_dialog.reset()
        lines = []
        for status, item in results:
            if status == "cancelled":
                lines.append(self.tr("%s: cancelled, nothing was stored") % Path(item).name)
            elif status == "ok":
                s = item
                parts = [f"{n} {k} created" for k, n in s.created.items()]
                parts += [f"{n} {k} unchanged" for k, n in s.unchanged.items()]
                lines.append(f"{Path(s.file).name}: " + (", ".join(parts) or "nothing new"))
                lines += [f"  skipped: {x}" for x in s.skipped[:20]]
            else:
                errors = getattr(item, "errors", None) or [item]
                lines.append(self.tr("%s: not imported") % Path(getattr(item, "file", "")).name)
                lines += [f"  {e}" for e in errors[:20]]
        self.last_import_summary = "\n".join(lines)
        unknown = [
            Path(item.file)
            for status, item in results
            if status == "failed"
            and Path(getattr(item, "file", "")).suffix.lower() in (".csv", ".xlsx", ".txt")
            and any("not a file CSP Reconciler can read" in str(e) for e in item.errors)
        ]
        if unknown:
            self.ask_mapping(unknown[0])
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Import finished"),
                          self.tr("Import finished"), parent=self)  # fmt: skip
        box.setDetailedText(self.last_import_summary)
        box.setText(self.last_import_summary.splitlines()[0] if lines else self.tr("Nothing"))
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.open()
        self.refresh()

    # ------------------------------------------------------------------ export

    def alert_action(self, action: str, subject: str, kind: str) -> None:
        """A finding's action, one click away: show its invoice or payment, import the
        missing file, copy the e-mail or ticket to send, or mark the payment."""
        from PySide6.QtWidgets import QApplication

        if action in ("invoice", "payment"):
            page = self.invoices if action == "invoice" else self.payments
            page.set_focus("", "")
            page.search.setText(subject)
            self.tabs.setCurrentWidget(page)
        elif action == "import":
            self.choose_import()
        elif action in ("request", "ticket"):
            ws = self.ws

            def copied(text: str) -> None:
                QApplication.clipboard().setText(text)
                self.statusBar().showMessage(
                    self.tr("The text for Microsoft about %s is in the clipboard: paste it into "
                            "your e-mail or the support ticket") % subject, 8000)  # fmt: skip

            self.worker.submit(lambda job: ws.letter(action, subject), copied, self.show_error)
        elif action == "mark":
            ws, when = self.ws, self.as_of
            self.worker.submit(lambda job: ws.mark_payment(subject, "unallocated", when),
                               lambda _said: self.refresh(), self.show_error)  # fmt: skip

    def choose_note(self) -> None:
        """A note on the invoice, payment or credit note selected in the list on screen."""
        from PySide6.QtWidgets import QInputDialog

        page = self.tabs.currentWidget()
        rows = page.selected_rows() if isinstance(page, TablePage) else []
        subject = rows[0].get("number") or rows[0].get("id") if rows else None
        if not subject or page is self.customers:
            self.statusBar().showMessage(self.tr("Select an invoice, payment or credit note first"))
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Note on %s") % subject)
        dialog.setLabelText(self.tr("Note (who called, what was agreed, the ticket number…)"))
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        self.note_dialog = dialog
        dialog.textValueSelected.connect(lambda text: self.add_note(subject, text))
        dialog.open()

    # ------------------------------------------------------------------ charges and claims

    def show_customer_charges(self, customer_id: str) -> None:
        """A customer's lines, each explained (read on the worker thread)."""
        ws = self.ws
        dates = {r["number"]: r["date"] or "" for r in (self.snap or {}).get("invoices", [])}
        name = next((n for c, n, _ in (self.snap or {}).get("line_customers") or [] if c ==
                     customer_id), customer_id) or customer_id  # fmt: skip
        self.worker.submit(
            lambda job: [ex.as_dict() for ex in ws.customer_explanations(customer_id)],
            lambda found: self.charges_page.show_lines(name, found, dates),
            self.show_error,
        )

    def run_checks(self) -> None:
        ws = self.ws
        self.statusBar().showMessage(self.tr("Checking every line…"))

        def done(found) -> None:
            self.charges_page.show_checks(found)
            self.statusBar().showMessage(self.tr("%n line(s) flagged", "", len(found)), 5000)

        self.worker.submit(lambda job: [ex.as_dict() for ex in ws.flagged_lines()], done,
                           self.show_error)  # fmt: skip

    def dispute_line(self, line: dict) -> None:
        """Dispute an explained line: the difference from the expected amount, when flagged."""
        check = next((c for c in line["checks"] if c["expected"] is not None), None)
        amount = ""
        if check:
            difference = abs(Decimal(check["actual"]) - Decimal(check["expected"]))
            amount = format(difference.quantize(quantum(line["currency"])), "f")
        reason = check["message"].split(":")[0] if check else ""
        self._open_dispute(line["line"], amount, line["currency"], reason)

    def dispute_selected(self) -> None:
        rows = self.invoices.selected_rows() if self.tabs.currentWidget() is self.invoices else []
        if not rows:
            self.statusBar().showMessage(self.tr("Select an invoice first"))
            return
        row = rows[0]
        self._open_dispute(row["number"], "", row["currency"], "")

    def _open_dispute(self, target: str, amount: str, currency: str, reason: str) -> None:
        from desktop.claim_dialogs import DisputeDialog

        dialog = DisputeDialog(target, amount, currency, reason, self)
        self.claim_dialog = dialog
        ws = self.ws

        def accepted() -> None:
            values = dialog.values()
            self.worker.submit(lambda job: ws.open_dispute(*values), self._claim_recorded,
                               self.show_error)  # fmt: skip

        dialog.accepted.connect(accepted)
        dialog.open()

    def new_sla_claim(self) -> None:
        from desktop.claim_dialogs import SlaClaimDialog

        currencies = sorted((self.snap or {}).get("balance", {})) or ["EUR"]
        dialog = SlaClaimDialog(currencies[0], self)
        self.claim_dialog = dialog
        ws = self.ws

        def accepted() -> None:
            values = dialog.values()
            self.worker.submit(lambda job: ws.open_sla_claim(*values), self._claim_recorded,
                               self.show_error)  # fmt: skip

        dialog.accepted.connect(accepted)
        dialog.open()

    def _claim_recorded(self, claim_id) -> None:
        self.statusBar().showMessage(self.tr("Claim #%s recorded") % claim_id, 5000)
        self.refresh()
        self.tabs.setCurrentWidget(self.claims_page)

    def link_claim(self, claim: dict) -> None:
        """Close a claim with the credit note that settles it (credit notes of its currency)."""
        from PySide6.QtWidgets import QInputDialog

        notes = [c["number"] for c in (self.snap or {}).get("credits", [])
                 if c["currency"] == claim["currency"]]  # fmt: skip
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Claim #%s settled by") % claim["id"])
        dialog.setLabelText(self.tr("Credit note"))
        dialog.setComboBoxItems(notes)
        dialog.setComboBoxEditable(True)
        self.claim_dialog = dialog
        ws = self.ws
        dialog.textValueSelected.connect(lambda number: self.worker.submit(
            lambda job: ws.close_claim(claim["id"], number), lambda _c: self.refresh(),
            self.show_error))  # fmt: skip
        dialog.open()

    def withdraw_claim(self, claim: dict) -> None:
        ws = self.ws
        self.worker.submit(lambda job: ws.close_claim(claim["id"]), lambda _c: self.refresh(),
                           self.show_error)  # fmt: skip

    def add_note(self, subject: str, text: str) -> None:
        ws = self.ws

        def done(note_id) -> None:
            self.statusBar().showMessage(self.tr("Note recorded on %s") % subject, 5000)
            self.refresh()

        self.worker.submit(lambda job: ws.add_note(subject, text), done, self.show_error)

    def _selected_payment(self) -> str | None:
        rows = self.payments.selected_rows()
        if not rows:
            self.statusBar().showMessage(self.tr("Select a payment first"))
            return None
        return rows[0]["id"]

    def choose_preview(self) -> None:
        pid = self._selected_payment()
        if pid is not None:
            self.preview_remittance(pid)

    def _remittance_pdf(self, what: str, done) -> None:
        """Write the remittance advice of ``what`` as PDF (a temporary file) off the GUI
        thread, then hand its path to ``done``."""
        import tempfile

        ws = self.ws
        folder = Path(tempfile.mkdtemp(prefix="csp-remittance-"))

        def run(job):
            from core.exports.pdf import write_pdf

            return write_pdf(ws.remittance(what), folder / f"remittance-{what}.pdf")

        self.worker.submit(run, done, self.show_error)

    def preview_remittance(self, what: str) -> None:
        """The advice as it will print, in a preview window."""

        def done(pdf: Path) -> None:
            from desktop.remittance_preview import RemittancePreview

            dialog = RemittancePreview(what, pdf, self)
            dialog.print_requested.connect(lambda: self.choose_print(what, pdf))
            dialog.save_requested.connect(lambda: self.choose_remittance(what))
            dialog.copy_requested.connect(lambda: self.copy_bank_reference(what))
            self.preview_dialog = dialog
            dialog.open()
            self.previewed.emit(what)

        self._remittance_pdf(what, done)

    def choose_remittance(self, pid: str | None = None) -> None:
        pid = pid or self._selected_payment()
        if pid is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save remittance advice"), f"remittance-{pid}.pdf",
            self.tr("PDF (*.pdf);;Excel workbook (*.xlsx);;Text (*.txt)"),
        )  # fmt: skip
        if path:
            self.export_remittance(pid, Path(path))

    def export_remittance(self, what: str, path: Path) -> None:
        """Write the advice (format from the file's extension) off the GUI thread."""
        ws = self.ws

        def run(job):
            rem = ws.remittance(what)
            if path.suffix.lower() == ".xlsx":
                from core.exports.xlsx import write_xlsx

                write_xlsx(rem, path)
            elif path.suffix.lower() == ".txt":
                from core.exports.remittance import as_text

                path.write_text(as_text(rem), encoding="utf-8")
            else:
                from core.exports.pdf import write_pdf

                write_pdf(rem, path)
            return path

        self.worker.submit(run, self._exported, self.show_error)

    def choose_print(self, pid: str | None = None, pdf: Path | None = None) -> None:
        """Choose a printer and print the advice (the preview's own PDF when it has one)."""
        pid = pid or self._selected_payment()
        if pid is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_remittance(pid, printer, pdf)

    def print_remittance(self, what: str, printer, pdf: Path | None = None) -> None:
        """Draw the advice's PDF pages onto the printer (written first when not given)."""

        def done(pdf: Path) -> None:
            from desktop.printing import print_pdf

            try:
                pages = print_pdf(pdf, printer)
            except ValueError as exc:
                self.show_error(exc)
                return
            self.statusBar().showMessage(self.tr("Printed %n page(s)", "", pages))
            self.printed.emit(pages)

        if pdf is not None:
            done(pdf)
        else:
            self._remittance_pdf(what, done)

    def choose_report(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save Excel report"), f"report-{self.as_of.isoformat()}.xlsx",
            self.tr("Excel workbook (*.xlsx)"),
        )  # fmt: skip
        if path:
            self.export_report(Path(path))

    def export_report(self, path: Path) -> None:
        ws, as_of = self.ws, self.as_of

        def run(job):
            from core.exports.report import write_report

            return write_report(ws, path, as_of)

        self.worker.submit(run, self._exported, self.show_error)

    def _exported(self, path: Path) -> None:
        self.last_export = path
        self.statusBar().showMessage(self.tr("Saved %s") % path)
        self.exported.emit(str(path))
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("CSP Reconciler"),
                          self.tr("Saved %s") % path, parent=self)  # fmt: skip
        open_button = box.addButton(self.tr("Open"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)

        def clicked(button) -> None:
            if button is open_button:
                from PySide6.QtCore import QUrl
                from PySide6.QtGui import QDesktopServices

                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

        box.buttonClicked.connect(clicked)
        box.open()

    def copy_bank_reference(self, pid: str | None = None) -> None:
        pid = pid or self._selected_payment()
        if pid is None:
            return
        ws = self.ws

        def done(text: str) -> None:
            from PySide6.QtWidgets import QApplication

            QApplication.clipboard().setText(text)
            self.statusBar().showMessage(self.tr("Copied: %s") % text)

        self.worker.submit(lambda job: ws.remittance(pid).bank_text()[0], done, self.show_error)

    def ask_mapping(self, path: Path) -> None:
        """A spreadsheet no importer knows: ask which column is which, then import it."""
        from desktop.mapping_dialog import MappingDialog, preview

        try:
            header, rows = preview(path)
        except Exception as exc:  # noqa: BLE001 - unreadable: the summary already said so
            log.info("no preview of %s: %s", path, exc)
            return
        if not header:
            return
        dialog = MappingDialog(path, header, rows, self)
        self.mapping_dialog = dialog
        ws = self.ws

        def save() -> None:
            kind, columns = dialog.kind.currentData(), dialog.mapping()
            self.worker.submit(lambda job: ws.save_layout(header, kind, columns),
                               lambda _key: self.import_files([path]), self.show_error)  # fmt: skip

        dialog.accepted.connect(save)
        dialog.open()

    # ------------------------------------------------------------------ allocation

    def allocate_selected(self) -> None:
        rows = self.payments.selected_rows()
        if not rows or self.snap is None:
            self.statusBar().showMessage(self.tr("Select a payment to allocate first"))
            return
        self._open_allocation(rows[0], rows[0]["id"])

    def _open_allocation(self, source: dict, source_id: str) -> None:
        """The allocation dialog for a payment or credit note row; OK allocates."""
        dialog = AllocationDialog(source, self.snap["invoices"], self)
        self.allocation_dialog = dialog
        dialog.accepted.connect(lambda: self._allocate(source_id, dialog.requests() or []))
        dialog.open()

    def show_suggestions(self) -> None:
        """The suggestions engine's proposals (for the selected payment when the Payments
        list is in front), to accept or reject one by one."""
        from desktop.suggestions_dialog import SuggestionsDialog

        payment = None
        if self.tabs.currentWidget() is self.payments and self.payments.selected_rows():
            payment = self.payments.selected_rows()[0]["id"]
        dialog = SuggestionsDialog(self)
        self.suggestions_dialog = dialog
        dialog.accept_requested.connect(lambda sid: self._suggestion(sid, True, payment))
        dialog.reject_requested.connect(lambda sid: self._suggestion(sid, False, payment))
        dialog.open()
        self._load_suggestions(payment)

    def _load_suggestions(self, payment: str | None) -> None:
        ws = self.ws

        def run(job):
            from core.suggestions import answer_json

            return [answer_json(a) for a in ws.suggest(payment)]

        def done(answers) -> None:
            self.suggestions_dialog.show_answers(answers)
            self.suggested.emit()

        self.worker.submit(run, done, self.show_error)

    def _suggestion(self, suggestion_id: str, accept: bool, payment: str | None) -> None:
        ws = self.ws

        def run(job):
            if accept:
                return ws.accept_suggestion(suggestion_id)
            return ws.reject_suggestion(suggestion_id)

        def done(_result) -> None:
            if accept:
                self.refresh()
            self._load_suggestions(payment)

        self.worker.submit(run, done, self.show_error)

    def _payment_opened(self, index) -> None:
        """Double-click: allocate what is left of a payment, else show its remittance advice."""
        row = index.data(ROW_ROLE)
        if Decimal(row["unallocated"]) > 0:
            self.allocate_selected()
        else:
            self.preview_remittance(row["id"])

    def _invoice_opened(self, index) -> None:
        if Decimal(index.data(ROW_ROLE)["open"]) > 0:
            self.settle_selected()

    def allocate_credit_selected(self) -> None:
        rows = self.credits.selected_rows()
        if not rows or self.snap is None:
            self.statusBar().showMessage(self.tr("Select a credit note to apply first"))
            return
        if Decimal(rows[0]["unapplied"]) <= 0:
            self.statusBar().showMessage(self.tr("%s is fully applied") % rows[0]["number"])
            return
        self._open_allocation(rows[0], rows[0]["number"])

    def settle_selected(self) -> None:
        rows = self.invoices.selected_rows()
        if not rows or self.snap is None:
            self.statusBar().showMessage(self.tr("Select an invoice to settle first"))
            return
        from desktop.allocation_dialog import SettleDialog

        invoice = rows[0]
        dialog = SettleDialog(invoice, self.snap["payments"], self.snap["credits"], self)
        self.settle_dialog = dialog
        dialog.accepted.connect(lambda: self.settle(invoice["number"], dialog.requests() or []))
        dialog.open()

    def settle(self, invoice: str, requests) -> None:
        """Each payment or credit note to the invoice, one audited allocation each."""
        ws = self.ws

        def run(job):
            return [ws.allocate(source, [(invoice, amount)]) for source, amount in requests]

        self.worker.submit(run, lambda ids: self.refresh(), self.show_error)

    def _allocate(self, source: str, requests) -> None:
        ws = self.ws
        self.worker.submit(lambda job: ws.allocate(source, requests),
                           lambda ids: self.refresh(), self.show_error)  # fmt: skip

    def auto_allocate(self) -> None:
        ws = self.ws
        self.worker.submit(lambda job: ws.auto_allocate(apply=True),
                           lambda r: self.refresh(), self.show_error)  # fmt: skip

    def undo(self) -> None:
        ws = self.ws
        self.worker.submit(lambda job: ws.undo(), self._changed, self.show_error)

    def redo(self) -> None:
        ws = self.ws
        self.worker.submit(lambda job: ws.redo(), self._changed, self.show_error)

    def _changed(self, what: str) -> None:
        self.statusBar().showMessage(what)
        self.refresh()

    # ------------------------------------------------------------------ errors

    def show_error(self, exc: BaseException) -> None:
        """The one channel for problems: what went wrong and what to do.  On a team
        workspace a change refused because of another clerk's (or the server's refusal)
        comes with the lists read afresh."""
        from core.allocation import AllocationRefused
        from core.store.database import Refused, refusal

        log.warning("action failed: %s", exc)
        title = self.tr("CSP Reconciler")
        said = refusal(exc)
        if said is not None:  # a read the role may not make
            exc = Refused(self.tr("The server refused: your role may not see this (%s).") % said)
        if isinstance(exc, Refused):
            title = self.tr("Not allowed")
        self.last_error = str(exc)
        box = QMessageBox(QMessageBox.Icon.Warning, title, str(exc), parent=self)
        self.error_box = box
        box.open()  # not exec(): the window stays alive and testable
        if self.ws.url is not None and isinstance(exc, AllocationRefused | WorkspaceBusy):
            self.refresh()

    def closeEvent(self, event) -> None:
        self._stop_live()
        self.worker.stop()
        self.ws.close()
        super().closeEvent(event)

    def screenshot_when_loaded(self, path: Path, app) -> None:
        def shoot() -> None:
            QTimer.singleShot(200, lambda: (self.grab().save(str(path)), app.quit()))

        self.loaded.connect(shoot)
