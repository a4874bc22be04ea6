"""The window's lists as a clerk uses them at any size: the alerts grouped by kind with
their counts and amounts, sorted and filtered, the selection kept when the workspace is read
again, and no widget item or row measurement per finding (pytest-qt, offscreen)."""

from datetime import date
from decimal import Decimal

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import QAbstractItemModel, QDate, Qt
from PySide6.QtWidgets import QHeaderView, QTableView, QTableWidget

from core.demo import write_demo
from desktop.main_window import MainWindow
from widgets.alerts_page import AlertsPage
from widgets.findings import FindingsModel

TODAY = date(2026, 11, 23)

#: the demo's findings by kind, most urgent first: (kind, count, amounts)
DEMO_KINDS = [
    ["Every kind", "10", ""],
    ["suspension risk", "2", "1,957.70 EUR"],
    ["wrong account", "1", "8,790.00 EUR"],
    ["wrong currency", "1", "2,000.00 USD"],
    ["overdue", "1", "3,480.00 EUR"],
    ["unallocated at Microsoft", "1", "1,500.00 EUR"],
    ["missing document", "1", "1,875.20 EUR"],
    ["lines do not add up", "1", "1.00 EUR"],
    ["due soon", "1", "6,300.00 EUR"],
    ["in processing", "1", "5,850.75 EUR"],
]


@pytest.fixture(autouse=True)
def own_settings(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale("en_US"))


@pytest.fixture
def window(qtbot, tmp_path):
    db = write_demo(tmp_path / "demo", today=TODAY)
    w = MainWindow(db, TODAY)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.loaded, timeout=20000):
        w.show()
    yield w
    w.close()


def cells(view: QTableView) -> list[list[str]]:
    model = view.model()
    return [[str(model.index(r, c).data() or "") for c in range(model.columnCount())]
            for r in range(model.rowCount())]  # fmt: skip


def subjects(page: AlertsPage) -> list[str]:
    return [f["subject"] for f in page.listed()]


def finding(n: int) -> dict:
    kinds = ("overdue", "due_soon", "missing_document", "in_processing")
    kind = kinds[n % len(kinds)]
    return {"kind": kind, "subject": f"G{100_000_000 + n:09d}", "stage": "",
            "document": f"G{100_000_000 + n:09d}", "payment": None, "period": None,
            "amount": f"{n % 1000}.{n % 100:02d}", "currency": "EUR" if n % 5 else "USD",
            "date": f"2026-{1 + n % 10:02d}-{1 + n % 27:02d}",
            "message": f"Finding {n}: something to do about it, in a sentence long enough "
                       "to wrap if the rows were sized to their contents.",
            "action": "invoice"}  # fmt: skip


def test_the_alerts_are_grouped_by_kind_with_their_counts_and_amounts(window):
    page = window.alerts_page
    assert cells(page.kinds) == DEMO_KINDS
    assert page.kind() == ""  # every kind, until the clerk chooses one
    assert page.table.rowCount() == 10

    page.kinds.selectRow(1)  # suspension risk
    assert page.kind() == "suspension_risk"
    assert subjects(page) == ["G000100002", "G000100013"]
    assert [r[3] for r in cells(page.table)] == ["1,215.40 EUR", "742.30 EUR"]
    page.choose_kind("")
    assert page.table.rowCount() == 10

    # a day of the grid: the summary counts that day's findings only
    page.grid.clicked.emit(QDate(2026, 11, 23))
    assert cells(page.kinds) == [["Every kind", "1", ""],
                                 ["due soon", "1", "6,300.00 EUR"]]  # fmt: skip
    assert subjects(page) == ["G000100008"]
    page.show_all.click()
    assert cells(page.kinds) == DEMO_KINDS


def test_the_findings_sort_by_any_column_and_filter_by_text(window):
    page = window.alerts_page
    urgent_first = subjects(page)
    assert urgent_first[:3] == ["G000100002", "G000100013", "P3"]

    page.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # amount, by its value
    amounts = [f["amount"] for f in page.listed()]
    assert amounts[:3] == ["8790.00", "6300.00", "5850.75"]
    assert amounts[-1] == "1.00"
    page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # concerns, numbers by value
    assert subjects(page) == sorted(urgent_first, key=lambda s: (s[0], int(s[1:])))
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # kind: most urgent first
    assert [f["kind"] for f in page.listed()][:2] == ["suspension_risk", "suspension_risk"]

    page.search.setText("p5")  # any column, whatever the case
    assert subjects(page) == ["P5"]
    page.search.setText("request e-mail")  # what to do
    assert set(subjects(page)) == {"P4", "P5"}
    page.search.clear()
    assert page.table.rowCount() == 10


def test_the_finding_selected_and_the_kind_chosen_stay_after_a_refresh(qtbot, window):
    page = window.alerts_page
    page.choose_kind("unallocated_at_microsoft")
    page.table.selectRow(0)
    assert page.current()["subject"] == "P5"
    assert page.act_button.text() == "Copy the request e-mail"
    assert page.detail.text().startswith("P5: 1500.00 EUR unallocated at Microsoft")
    old = page.current()
    with qtbot.waitSignal(window.loaded, timeout=20000):
        window.refresh()
    assert page.current() is not old  # the rows were read again ...
    assert page.current()["subject"] == "P5"  # ... and the same finding is selected
    assert page.kind() == "unallocated_at_microsoft"
    assert page.kinds.selectionModel().selectedRows()[0].row() == 5
    assert page.act_button.isEnabled()
    assert page.detail.text().startswith("P5: 1500.00 EUR")


def test_ten_thousand_findings_load_into_a_model_without_items_or_sized_rows(qtbot):
    page = AlertsPage()
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    findings = [finding(n) for n in range(10_000)]
    page.show_alerts(findings, [], TODAY)
    qtbot.wait(50)

    assert not isinstance(page.table, QTableWidget)  # no item per cell
    assert isinstance(page.table.model(), QAbstractItemModel)
    assert isinstance(page.model, FindingsModel)
    assert page.table.rowCount() == 10_000
    assert page.table.model().rowCount() == 10_000
    # uniform rows: none sized to its contents, and only the rows measured or painted
    # had their texts worked out
    rows = page.table.verticalHeader()
    assert rows.sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed
    assert {page.table.rowHeight(r) for r in (0, 1, 5_000, 9_999)} == {rows.defaultSectionSize()}
    assert len(page.model._looks) <= 1_000
    # grouped by kind: exact counts and amounts
    by_kind = {r[0]: r[1:] for r in cells(page.kinds)}
    assert by_kind["Every kind"][0] == "10,000"
    assert by_kind["overdue"][0] == "2,500"
    overdue = [f for f in findings if f["kind"] == "overdue"]
    expected = {cur: sum((Decimal(f["amount"]) for f in overdue if f["currency"] == cur),
                         Decimal(0)) for cur in ("EUR", "USD")}  # fmt: skip
    assert by_kind["overdue"][1] == f"{expected['EUR']:,.2f} EUR, {expected['USD']:,.2f} USD"
    page.choose_kind("missing_document")
    assert page.table.rowCount() == 2_500
    page.table.scrollToBottom()
    qtbot.wait(20)
    assert len(page.model._looks) <= 1_000


def test_every_list_of_the_window_is_a_view_of_a_model(window):
    """No list keeps an item per cell but the dashboard's balance and aging (a row per
    currency) and what needs attention (a line per kind); the lists of any length have
    uniform rows."""
    from PySide6.QtWidgets import QAbstractItemView, QListWidget

    tables = window.findChildren(QTableWidget)
    assert {id(t) for t in tables} == {id(window.dashboard.balance), id(window.dashboard.aging)}
    lists = window.findChildren(QListWidget)  # but the dashboard's lines, one per kind
    assert {id(w) for w in lists} == {id(window.dashboard.attention)}
    for view in (window.alerts_page.table, window.alerts_page.kinds, window.charges_page.table,
                 window.claims_page.table):  # fmt: skip
        assert isinstance(view, QAbstractItemView) and not isinstance(view, QTableWidget)
        assert view.verticalHeader().sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed


def test_the_lines_checked_are_listed_from_a_model(qtbot, window):
    page = window.charges_page
    window.tabs.setCurrentWidget(page)
    page.checks_button.click()
    qtbot.waitUntil(lambda: page.summary.text().startswith("Every line checked"), timeout=20000)
    from widgets.views import CellsModel

    assert isinstance(page.table.model(), CellsModel)
    assert [r[0] for r in cells(page.table)] == ["G000100009#2", "G000100011#5"]
    assert [r[7] for r in cells(page.table)] == ["conversion differs", "refund outside its window"]
    page.table.selectRow(1)
    assert page.selected_line()["line"] == "G000100011#5"
    assert page.dispute_button.isEnabled()


def test_a_text_column_sorts_as_its_natural_order():
    """The one-string sort key of a text column orders texts as the natural key does (P2
    before P10, P01 and P1 apart, punctuation and spaces as they compare)."""
    import random

    from widgets.models import flat_natural_key, natural_key

    rng = random.Random(7)
    alphabet = "aAbZz0123456789-. /_!é"
    for _ in range(100):
        texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 9)))
                 for _ in range(200)]  # fmt: skip
        texts += ["P1", "P01", "P10", "P2", "G000100002", "G000100013", "a", "a1", "ab1", "a!1",
                  "1", "01", "a-1", "a 1", "9" * 39]  # fmt: skip
        assert sorted(texts, key=flat_natural_key) == sorted(texts, key=natural_key)
    assert flat_natural_key("x" + "1" * 41) is None  # too long a number: the parts sort it


def test_a_long_list_is_searched_after_a_pause_in_typing(qtbot):
    """Each search of 100,000 rows takes most of a second: a long list waits for the clerk
    to stop typing (or press Enter); a short one and an empty text are applied at once."""
    page = AlertsPage()
    qtbot.addWidget(page)
    page.show_alerts([finding(n) for n in range(25_000)], [], TODAY)
    page.search.setText("G100000123")
    assert page.table.rowCount() == 25_000  # not yet: the clerk may still be typing
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=3000)
    page.search.setText("G10000012")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # Enter: at once
    assert subjects(page) == [f"G{100_000_120 + n:09d}" for n in range(10)]
    page.search.clear()  # every row again, at once
    assert page.table.rowCount() == 25_000

    short = AlertsPage()
    qtbot.addWidget(short)
    short.show_alerts([finding(n) for n in range(100)], [], TODAY)
    short.search.setText("G100000012")
    assert subjects(short) == ["G100000012"]


def test_the_invoices_sorted_and_selected_stay_so_after_a_refresh(qtbot, window):
    from PySide6.QtCore import QItemSelectionModel

    from widgets.models import ROW_ROLE

    page = window.invoices
    numbers = sorted(r["number"] for r in window.snap["invoices"])
    page.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    shown = [page.proxy.index(r, 0).data(ROW_ROLE)["number"] for r in range(page.proxy.rowCount())]
    assert shown == numbers[::-1]
    page.view.sortByColumn(5, Qt.SortOrder.AscendingOrder)  # total, by its value
    totals = [page.proxy.index(r, 0).data(ROW_ROLE)["total"] for r in range(page.proxy.rowCount())]
    assert totals == sorted(totals)
    flags = QItemSelectionModel.SelectionFlag
    page.view.selectionModel().select(page.proxy.index(2, 0), flags.Select | flags.Rows)
    page.view.selectionModel().select(page.proxy.index(4, 0), flags.Select | flags.Rows)
    chosen = sorted(r["number"] for r in page.selected_rows())
    with qtbot.waitSignal(window.loaded, timeout=20000):
        window.refresh()
    assert sorted(r["number"] for r in page.selected_rows()) == chosen
    again = [page.proxy.index(r, 0).data(ROW_ROLE)["total"] for r in range(page.proxy.rowCount())]
    assert again == totals  # still by total
