"""The main window: a shell of tabs, menus and a status bar over one workspace.

What the clerk can do lives in :mod:`desktop.actions` (one module per noun), each action
a workspace call run through :mod:`desktop.operations`.  The shell shows the workspace,
applies the changes those calls return (their lines in the status bar, a refresh of what
they touched) and is the one channel for problems (:meth:`MainWindow.show_error`).
"""

from __future__ import annotations

import gc
import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QMessageBox, QTabWidget

from core.changes import LEDGER, Change
from core.views import add_customers, can_redo, customer_snapshot, snapshot
from core.workspace import Workspace
from desktop import menus
from desktop.actions import (
    agree,
    alerts,
    allocations,
    charges,
    claims,
    imports,
    invoices,
    journal,
    navigation,
    reconcile,
    suggestions,
    window_state,
)
from desktop.actions.plans import pay
from desktop.actions.workspace import files, team
from desktop.operations import QueryOp
from desktop.screens import fit
from desktop.worker import Worker
from widgets.agree_page import AgreePage
from widgets.alerts_page import AlertsPage
from widgets.charges_page import ChargesPage, ClaimsPage
from widgets.dashboard import Dashboard
from widgets.models import (
    CREDIT_COLUMNS,
    CUSTOMER_COLUMNS,
    INVOICE_COLUMNS,
    PAYMENT_COLUMNS,
    customer_columns,
)
from widgets.pages import InvoicesPage, PaymentsPage, TablePage
from widgets.plans_page import PlansPage
from widgets.reconcile_page import ReconcilePage

log = logging.getLogger(__name__)

#: What the lists, the dashboard and the other pages show: a change touching any of these
#: reads the whole workspace again; "lines" alone only the split by customer; "notes" and
#: "suggestions" only the invoice detail and the suggestions shown (see ``changed``).
SNAPSHOT = LEDGER | {"plans", "claims", "settings", "marks"}


class MainWindow(QMainWindow):
    ready = Signal()  # the workspace's data is on screen, but for the split by customer
    loaded = Signal()  # all of it, customers too
    changed = Signal(object)  # a Change was applied
    exported = Signal(str)  # a document was written
    printed = Signal(int)  # pages sent to the printer
    previewed = Signal(str)  # a remittance advice is shown
    language_changed = Signal(str)
    others_changed = Signal(list)  # a team workspace: other clerks' changes, announced
    suggested = Signal()  # suggestions are on screen
    restored = Signal(str)  # a backup was put back (what was said)
    reconciled = Signal()  # the Reconcile tab shows the suggestions read
    plans_shown = Signal()  # the Plan and pay tab shows the plans read

    def __init__(self, path: Path | str, as_of: date | None = None) -> None:
        super().__init__()
        self.path = path
        self.as_of = as_of or date.today()
        self.worker = Worker(self)
        self.ws = files.open_for_window(path)  # a damaged file: read-only, see _damage
        self.snap: dict | None = None
        self.agreement: dict | None = None  # our books against Microsoft's (desktop.actions.agree)
        self.agree_stale = True
        self.redoable = False  # the journal's answer, read with each refresh and change
        self.undoable = False  # (see desktop.actions.journal.read)
        self.summary = ""
        self.live_refreshes = 0
        self.live = team.LiveView(self)
        self.live.start()
        fit(self, 1180, 760)
        self.setAcceptDrops(True)
        self._pages()
        menus.build(self)
        self._title()
        window_state.restore(self)  # size, splitters and columns as the clerk left them
        files.remember_workspace(path)
        self.watch = files.FileWatch(self)  # the file deleted or replaced underneath
        self._damage()
        self.changed.connect(lambda change: invoices.changed(self, change))
        self.changed.connect(lambda change: suggestions.changed(self, change))
        self.changed.connect(lambda change: reconcile.changed(self, change))
        self.refresh()

    # ------------------------------------------------------------------ pages

    def _pages(self) -> None:
        """The tabs and their pages (built again, in the new language, by set_language)."""
        self.tabs = QTabWidget()
        self.dashboard = Dashboard()
        self.invoices = InvoicesPage(INVOICE_COLUMNS)
        self.payments = PaymentsPage(PAYMENT_COLUMNS)
        self.credits = TablePage(CREDIT_COLUMNS)
        self.reconcile_page = ReconcilePage()
        self.plans_page = PlansPage()
        self.customers = TablePage(CUSTOMER_COLUMNS)
        self.alerts_page = AlertsPage()
        self.charges_page = ChargesPage()
        self.claims_page = ClaimsPage()
        self.agree_page = AgreePage()
        for page, title in ((self.dashboard, self.tr("Dashboard")),
                            (self.invoices, self.tr("Invoices")),
                            (self.payments, self.tr("Payments")),
                            (self.credits, self.tr("Credit notes")),
                            (self.reconcile_page, self.tr("Reconcile")),
                            (self.plans_page, self.tr("Plan and pay")),
                            (self.customers, self.tr("Customers")),
                            (self.alerts_page, self.tr("Alerts and calendar")),
                            (self.charges_page, self.tr("Charges explained")),
                            (self.claims_page, self.tr("Disputes and claims")),
                            (self.agree_page, self.tr("Agree with Microsoft"))):  # fmt: skip
            self.tabs.addTab(page, title)
        self.setCentralWidget(self.tabs)  # deletes the previous pages
        self._connect_pages()

    def _connect_pages(self) -> None:
        """Each page's requests to the action that answers them."""
        self.alerts_page.action_requested.connect(lambda *a: alerts.act(self, *a))
        self.charges_page.customer_chosen.connect(lambda c: charges.show_customer(self, c))
        self.charges_page.checks_requested.connect(lambda: charges.run_checks(self))
        self.charges_page.dispute_requested.connect(lambda ln: claims.dispute_line(self, ln))
        self.claims_page.new_sla_requested.connect(lambda: claims.new_sla_claim(self))
        self.claims_page.link_requested.connect(lambda c: claims.link(self, c))
        self.claims_page.withdraw_requested.connect(lambda c: claims.withdraw(self, c))
        self.invoices.invoice_selected.connect(lambda row: invoices.show_detail(self, row))
        self.agree_page.invoice_requested.connect(lambda n: agree.show_invoice(self, n))
        self.agree_page.letter_requested.connect(lambda *a: agree.letter(self, *a))
        for page in (self.invoices, self.payments, self.credits, self.customers):
            page.view.selectionModel().selectionChanged.connect(  # the clerk's, not a refresh's
                lambda *_a, p=page: p.restoring or navigation.selection_totals(self)
            )
        self.tabs.currentChanged.connect(lambda _i: navigation.selection_totals(self))
        self.tabs.currentChanged.connect(lambda _i: agree.tab_changed(self))
        self.tabs.currentChanged.connect(lambda _i: reconcile.tab_changed(self))
        reconcile.connect(self)
        self.tabs.currentChanged.connect(lambda _i: pay.tab_changed(self))
        pay.connect(self)
        self.dashboard.chart.bucket_clicked.connect(lambda *a: navigation.show_bucket(self, *a))
        self.dashboard.focus_requested.connect(lambda *a: navigation.show_focus(self, *a))
        for page in (self.invoices, self.payments):
            page.remove_requested.connect(lambda aid: allocations.remove(self, aid))
            page.open_requested.connect(lambda key: navigation.open_document(self, key))
        self.payments.view.doubleClicked.connect(lambda i: allocations.payment_opened(self, i))
        self.invoices.view.doubleClicked.connect(lambda i: allocations.invoice_opened(self, i))
        self.credits.view.doubleClicked.connect(
            lambda _i: allocations.allocate_credit_selected(self)
        )

    def set_language(self, language: str) -> None:
        """Switch the interface language now: menus and pages are built again in it, the
        data already loaded is shown again, and the choice is kept for the next start."""
        from PySide6.QtWidgets import QApplication

        from desktop import i18n

        i18n.switch(QApplication.instance(), language)
        tab = self.tabs.currentIndex()
        window_state.save(self, geometry=False)
        self._pages()
        window_state.restore(self, geometry=False)
        menus.build(self)
        self._title()
        if self.snap is not None:
            self._show(self.snap)
        if self.agreement is not None:
            self.agree_page.show_agreement(self.agreement)
        if hasattr(self, "next_undo"):  # Undo and Redo named again, in the new language
            journal.show(self, {"undo": self.next_undo, "redo": self.next_redo})
        self.tabs.setCurrentIndex(tab)
        self.language_changed.emit(language)

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
            where = files.title_name(self)  # a demo is said to be one
        from core.i18n import say
        from widgets.formats import speak

        day = speak(say("{day}", day=self.as_of))  # the locale's way; ISO as the CLI in English
        self.setWindowTitle(f"CSP Reconciler — {where}{mode} — " + self.tr("as of %s") % day)
        self._apply_role()  # the menus exist: _title follows menus.build wherever it is called

    def apply_role(self) -> None:
        self._apply_role()

    def _apply_role(self) -> None:
        """Grey out what the clerk's role may not do (the server refuses it anyway)."""
        ws = self.ws
        writable = not ws.readonly
        for name, what in (("import", "import"), ("allocate", "allocate"), ("auto", "allocate"),
                           ("undo", "allocate"), ("redo", "allocate"), ("note", "note"),
                           ("dispute", "claim"), ("sla", "claim")):  # fmt: skip
            getattr(self, f"{name}_action").setEnabled(ws.may(what) and writable)
        self.redo_action.setEnabled(self.redo_action.isEnabled() and self.redoable)
        self.undo_action.setEnabled(self.undo_action.isEnabled() and self.undoable)
        self.reconcile_page.set_may_change(ws.may("allocate") and writable)
        self.plans_page.set_may_change(ws.may("allocate") and writable)
        claims_allowed = ws.may("claim") and writable
        self.charges_page.may_dispute = claims_allowed
        self.claims_page.may_change = claims_allowed
        self.claims_page._selection()

    def workspace_opened(self, ws: Workspace, path: Path | str, message: str | None = None) -> None:
        """Another workspace in place of this one (see desktop.actions.workspace.files);
        ``message`` is said once it is shown."""
        self.ws, self.path = ws, path
        for page in (self.invoices, self.payments, self.credits, self.customers):
            page.forget_selection()  # nothing of the last workspace stays on screen
        self.watch.opened()
        self._title()
        self.live.start()
        self.refresh(message)
        self._damage()

    def _damage(self) -> None:
        """A damaged file is shown read-only, with what to do about it."""
        if self.ws.store.damage:
            from core.workspace import WorkspaceDamaged

            self.show_error(WorkspaceDamaged(self.ws.store.damage))

    # ------------------------------------------------------------------ data

    def refresh(self, message: str | None = None) -> None:
        """Read the workspace again and show it; then ``message`` in the status bar (else
        how many invoices and payments it holds)."""
        if not self.watch.check():  # the file deleted (nothing to read) or replaced (reopened)
            return
        as_of = self.as_of
        self.statusBar().showMessage(self.tr("Loading…"))
        QueryOp(self, lambda ws, job: snapshot(ws, as_of, customers=False)).success(
            lambda snap: self._show(snap, message)
        ).run()
        agree.refresh(self)

    def _show(self, snap: dict, message: str | None = None) -> None:
        """The workspace on screen in two steps: everything but the split by customer
        first (``ready``), then the customers (``loaded``), read separately because in a
        large workspace they take as long as the rest."""
        self.snap = snap
        self.set_can_redo(snap["can_redo"])
        self.dashboard.show_snapshot(snap)
        self.invoices.set_rows(snap["invoices"])
        self.payments.set_rows(snap["payments"])
        self.credits.set_rows(snap["credits"])
        self.alerts_page.show_alerts(snap["alerts"], snap["periods"], snap["as_of"])
        self.claims_page.show_claims(snap["claims"])
        reconcile.shown(self)
        pay.shown(self)
        from widgets.aging_chart import bucket_label

        self.customers.model.set_columns(customer_columns(snap["buckets"], bucket_label))
        self.summary = self.tr("%d invoices, %d payments") % (
            len(snap["invoices"]), len(snap["payments"]))  # fmt: skip
        self.statusBar().showMessage(message or self.summary)
        self.ready.emit()
        if snap["customers"] is not None:
            self._show_customers(snap)
            return
        self.customers.model.set_rows([])
        self._read_customers(snap)

    def _read_customers(self, snap: dict) -> None:
        ledger = snap["ledger"]

        def done(found) -> None:
            if snap is self.snap:  # not a workspace refreshed or swapped since
                add_customers(snap, found)
                self._show_customers(snap)

        QueryOp(self, lambda ws, job: customer_snapshot(ws, ledger)).success(done).run()

    def _show_customers(self, snap: dict) -> None:
        self.customers.set_rows(snap["customers"])
        self.charges_page.show_customers(snap["line_customers"])
        self.invoices.update_filters()  # the invoices' customers, for the customer filter
        pay.documents(self)  # with their customers
        self.dashboard.chart.show_aging(snap["aging"], snap["customers"], snap["buckets"])
        # The workspace's rows live until the next refresh: keep Python's cyclic garbage
        # collector from walking them on each full collection (a one-second freeze of the
        # window with 100,000 invoices). They are still freed as soon as they are replaced.
        gc.freeze()
        self.loaded.emit()

    def apply_change(self, change: Change, show_lines: bool = True) -> None:
        """A change made: say what it said, read again only what it touched (and whether
        there is something to redo, which a refresh reads with the rest)."""
        message = " · ".join(change.lines) if show_lines and change.lines else None
        if change.touched & SNAPSHOT:
            self.refresh(message)
        else:
            QueryOp(self, lambda ws, job: can_redo(ws)).success(self.set_can_redo).run()
            if "lines" in change.touched and self.snap is not None:
                self._read_customers(self.snap)
        if message and not change.touched & SNAPSHOT:
            self.statusBar().showMessage(message)
        self.changed.emit(change)

    def set_can_redo(self, can: bool) -> None:
        """Edit > Redo only when the journal has something to redo; Undo and Redo named
        after the change they would take back or do again (read next)."""
        self.redoable = can
        self._apply_role()
        if not self.ws.readonly and self.ws.may("allocate"):
            journal.read(self)

    # ------------------------------------------------------------------ errors

    def show_error(self, exc: BaseException) -> None:
        """The one channel for problems: what went wrong and what to do (a refused change
        comes with the lists read afresh: see desktop.operations.CollectionOp)."""
        from core.errors import Refused, WorkspaceError
        from core.workspace import plain_error, refusal

        log.warning("action failed: %s", exc)
        title = self.tr("CSP Reconciler")
        said = refusal(exc)
        plain = plain_error(exc, self.ws.where)  # disk full, read-only, damaged: plainly
        if said is not None:  # a read the role may not make
            exc = Refused(self.tr("The server refused: your role may not see this (%s).") % said)
        elif plain is not None:
            exc = WorkspaceError(plain)
        elif type(exc).__module__.split(".")[0] in ("sqlalchemy", "sqlite3", "psycopg"):
            log.error("database error", exc_info=exc)  # never its SQL on screen
            exc = WorkspaceError(self.tr("The workspace could not be read or changed: an "
                                         "unexpected database error (the details are in the "
                                         "log). Nothing was changed."))  # fmt: skip
        if isinstance(exc, Refused):
            title = self.tr("Not allowed")
        from widgets.formats import error_text

        self.last_error = error_text(exc)  # a core refusal in the window's language
        box = QMessageBox(QMessageBox.Icon.Warning, title, self.last_error, parent=self)
        self.error_box = box
        box.open()  # not exec(): the window stays alive and testable

    # ------------------------------------------------------------------ entry points

    def import_files(self, files: list[Path]) -> None:
        imports.import_files(self, files)

    def open_workspace(self, path: Path | str) -> None:
        files.open_workspace(self, path)

    def connect_team(self) -> None:
        team.connect_team(self)

    def save_preferences(self, changes: dict[str, str]) -> None:
        from desktop.actions import preferences

        preferences.save(self, changes)

    # ------------------------------------------------------------------ events

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        dropped = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if dropped:
            imports.import_files(self, dropped)

    def changeEvent(self, event) -> None:
        from PySide6.QtCore import QEvent

        watch = getattr(self, "watch", None)
        if watch is not None and event.type() == QEvent.Type.ActivationChange and (
            self.isActiveWindow()
        ):
            watch.check()  # back to the window: is its file still there?
        super().changeEvent(event)

    def closeEvent(self, event) -> None:
        window_state.save(self)
        self.watch.timer.stop()
        self.live.stop()
        self.worker.stop()
        self.ws.close()
        super().closeEvent(event)

    def screenshot_when_loaded(self, path: Path, app) -> None:
        def shoot() -> None:
            QTimer.singleShot(200, lambda: (self.grab().save(str(path)), app.quit()))

        self.loaded.connect(shoot)
