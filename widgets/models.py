"""Table models that adapt the core's row descriptions (:mod:`core.views`) to Qt views.

A model holds plain dictionaries and answers ``data()`` from them: no widget
per row, so a hundred thousand invoices scroll like ten.  Amounts are shown
with their currency and sorted by value; overdue, partly paid and voided
rows carry a colour and an icon cue.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

HANDLED_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, SORT_ROLE, ROW_ROLE, Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole,
})  # fmt: skip
OVERDUE = QColor("#b3261e")
PARTLY = QColor("#8a5a00")
MUTED = QColor("#80868b")


@dataclass(frozen=True)
class Col:
    title: str
    key: str
    kind: str = "text"  # text, money, int, date, list


INVOICE_COLUMNS = (
    Col(QT_TRANSLATE_NOOP("Columns", "Invoice"), "number"),
    Col(QT_TRANSLATE_NOOP("Columns", "Type"), "document_type"),
    Col(QT_TRANSLATE_NOOP("Columns", "Date"), "date", "date"),
    Col(QT_TRANSLATE_NOOP("Columns", "Due"), "due_date", "date"),
    Col(QT_TRANSLATE_NOOP("Columns", "Currency"), "currency"),
    Col(QT_TRANSLATE_NOOP("Columns", "Total"), "total", "money"),
    Col(QT_TRANSLATE_NOOP("Columns", "Open"), "open", "money"),
    Col(QT_TRANSLATE_NOOP("Columns", "Days past due"), "days_past_due", "int"),
    Col(QT_TRANSLATE_NOOP("Columns", "Status"), "status"),
)
CREDIT_COLUMNS = (
    Col(QT_TRANSLATE_NOOP("Columns", "Credit note"), "number"),
    Col(QT_TRANSLATE_NOOP("Columns", "Date"), "date", "date"),
    Col(QT_TRANSLATE_NOOP("Columns", "Currency"), "currency"),
    Col(QT_TRANSLATE_NOOP("Columns", "Total"), "total", "money"),
    Col(QT_TRANSLATE_NOOP("Columns", "Applied"), "applied", "money"),
    Col(QT_TRANSLATE_NOOP("Columns", "Unapplied"), "unapplied", "money"),
)
CUSTOMER_COLUMNS = (
    Col(QT_TRANSLATE_NOOP("Columns", "Customer"), "customer"),
    Col(QT_TRANSLATE_NOOP("Columns", "Currency"), "currency"),
    Col(QT_TRANSLATE_NOOP("Columns", "Open"), "open", "money"),
    Col(QT_TRANSLATE_NOOP("Columns", "Overdue"), "overdue", "money"),
    Col(QT_TRANSLATE_NOOP("Columns", "More than 90 days"), "90+", "money"),
    Col(QT_TRANSLATE_NOOP("Columns", "Not due"), "not_due", "money"),
)
PAYMENT_COLUMNS = (
    Col(QT_TRANSLATE_NOOP("Columns", "Payment"), "id"),
    Col(QT_TRANSLATE_NOOP("Columns", "Date"), "date", "date"),
    Col(QT_TRANSLATE_NOOP("Columns", "Currency"), "currency"),
    Col(QT_TRANSLATE_NOOP("Columns", "Amount"), "amount", "money"),
    Col(QT_TRANSLATE_NOOP("Columns", "Allocated"), "allocated", "money"),
    Col(QT_TRANSLATE_NOOP("Columns", "Unallocated"), "unallocated", "money"),
    Col(QT_TRANSLATE_NOOP("Columns", "Flags"), "flags", "list"),
    Col(QT_TRANSLATE_NOOP("Columns", "Reference"), "reference"),
)


def sort_key(col: Col, value) -> tuple:
    """A comparable key: money by its exact value, missing values first."""
    if value in (None, ""):
        return (0, Decimal(0), "")
    if col.kind == "money":
        try:
            return (1, Decimal(value), "")
        except InvalidOperation:
            return (1, Decimal(0), str(value))
    if col.kind == "int":
        return (1, Decimal(value), "")
    return (1, Decimal(0), str(value))


def money_text(amount: str | None, currency: str) -> str:
    """``1234.50`` → ``1,234.50 EUR`` (money is always shown with its currency)."""
    if amount in (None, ""):
        return ""
    sign = "-" if amount.startswith("-") else ""
    whole, _, frac = amount.lstrip("-").partition(".")
    groups = f"{int(whole):,}"
    return f"{sign}{groups}{'.' + frac if frac else ''} {currency}"


class RowsModel(QAbstractTableModel):
    """A read-only table of row dictionaries described by :class:`Col` columns."""

    def __init__(self, columns: tuple[Col, ...], parent=None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.rows: list[dict] = []
        self._order: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: list[dict]) -> None:
        """New rows, kept in the order the clerk last sorted by."""
        self.beginResetModel()
        self.rows = list(rows)
        if self._order is not None:
            self._sort_rows(*self._order)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("Columns", self.columns[section].title)
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows themselves, once, by exact value (a proxy comparing pairs in Python
        would cross into Python a million times for 100,000 rows)."""
        if not (0 <= column < len(self.columns)):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort_rows(column, order)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        self._order = (column, order)
        col = self.columns[column]
        self.rows.sort(key=lambda r: sort_key(col, r.get(col.key)),
                       reverse=order == Qt.SortOrder.DescendingOrder)  # fmt: skip

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if role not in HANDLED_ROLES:
            return None  # asked for every cell and role on each repaint: answer fast
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row = self.rows[index.row()]
        col = self.columns[index.column()]
        value = row.get(col.key)
        if role == Qt.ItemDataRole.DisplayRole:
            if col.kind == "money":
                return money_text(value, row.get("currency", ""))
            if col.kind == "list":
                return ", ".join(value or [])
            if value is None:
                return "date unknown" if col.key == "date" and row.get("date_unknown") else ""
            return str(value)
        if role == SORT_ROLE:
            return sort_key(col, value)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and col.kind in ("money", "int"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            notes = row.get("notes") or []
            return "\n".join(notes) if notes else None
        return None

    @staticmethod
    def _colour(row: dict):
        status = row.get("status", "")
        if status in ("voided", "void_note") or row.get("counted") is False:
            return QBrush(MUTED)
        if (row.get("days_past_due") or 0) > 0 and row.get("open") not in (None, "0.00", "0"):
            return QBrush(OVERDUE)
        if status == "partly_paid" or "currency_mismatch" in (row.get("flags") or []):
            return QBrush(PARTLY)
        return None


class FilterProxy(QSortFilterProxyModel):
    """Sorts by value; filters on a search text (any column) and a currency."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.currency = ""
        self.text = ""
        self.bucket = ""
        self.status = ""

    def set_text(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "text", text.strip().lower()))

    def set_status(self, status: str) -> None:
        self._refilter(lambda: setattr(self, "status", status))

    def set_bucket(self, bucket: str) -> None:
        self._refilter(lambda: setattr(self, "bucket", bucket))

    def set_currency(self, currency: str) -> None:
        self._refilter(lambda: setattr(self, "currency", currency))

    def _refilter(self, change) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:  # pragma: no cover - older Qt
            change()
            self.invalidateFilter()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """The rows are sorted where they are kept; the proxy only filters."""
        self.sourceModel().sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        model = self.sourceModel()
        row = model.rows[source_row]
        if self.currency and row.get("currency") != self.currency:
            return False
        if self.bucket and row.get("bucket") != self.bucket:
            return False
        if self.status and row.get("status") != self.status:
            return False
        if not self.text:
            return True
        return any(self.text in str(v).lower() for v in row.values() if isinstance(v, str | int))
