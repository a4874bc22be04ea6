"""Table models that adapt the core's row descriptions (:func:`core.views.snapshot`) to Qt
views.

A model holds plain dictionaries and answers ``data()`` from them: no widget
per row, so a hundred thousand invoices scroll like ten.  Amounts are shown
with their currency and sorted by value; overdue, partly paid and voided
rows carry a colour and an icon cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from core.money import format_amount
from widgets.formats import date_text, money_text, speak

ROW_ROLE = Qt.ItemDataRole.UserRole + 2
_DIGITS = re.compile(r"(\d+)")

HANDLED_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, ROW_ROLE, Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.DecorationRole,
})  # fmt: skip
OVERDUE = QColor("#b3261e")
PARTLY = QColor("#8a5a00")
MUTED = QColor("#80868b")


STATUS_LABELS = {
    "open": QT_TRANSLATE_NOOP("Status", "Open"),
    "partly_paid": QT_TRANSLATE_NOOP("Status", "Partly paid"),
    "paid": QT_TRANSLATE_NOOP("Status", "Paid"),
    "voided": QT_TRANSLATE_NOOP("Status", "Voided"),
    "void_note": QT_TRANSLATE_NOOP("Status", "Void note"),
    "credit_note": QT_TRANSLATE_NOOP("Status", "Credit note"),
    "invoice": QT_TRANSLATE_NOOP("Status", "Invoice"),
}


FLAG_LABELS = {
    "currency_mismatch": QT_TRANSLATE_NOOP("Status", "wrong currency"),
    "unknown_reference": QT_TRANSLATE_NOOP("Status", "unknown reference"),
    "voided_reference": QT_TRANSLATE_NOOP("Status", "voided reference"),
    "unallocated": QT_TRANSLATE_NOOP("Status", "unallocated"),
    "partly_allocated": QT_TRANSLATE_NOOP("Status", "partly allocated"),
    "over_allocated": QT_TRANSLATE_NOOP("Status", "over-allocated"),
}


def flag_label(flag: str) -> str:
    """A payment's flag in the interface's language (``currency_mismatch`` → "mauvaise
    devise"); in English the flag as the command line writes it."""
    label = FLAG_LABELS.get(flag)
    said = QCoreApplication.translate("Status", label) if label else flag
    return flag if said == label else said


def status_label(status: str) -> str:
    label = STATUS_LABELS.get(status)
    return QCoreApplication.translate("Status", label) if label else status


#: The cue a row carries: (colour, glyph) drawn as a small round icon.
CUES = {
    "overdue": ("#b3261e", "!"),
    "partly_paid": ("#c47f17", "½"),
    "voided": ("#80868b", "×"),
    "rebilled": ("#1f5fa8", "↻"),
    "mismatch": ("#c47f17", "≠"),
    "unallocated": ("#1f5fa8", "?"),
    "lines": ("#8e3b8e", "Σ"),
    "processing": ("#2e7d4f", "…"),
}


def cue_of(row: dict) -> str | None:
    status = row.get("status", "")
    if row.get("rebilled_as"):
        return "rebilled"
    if status in ("voided", "void_note"):
        return "voided"
    if _overdue(row):
        return "overdue"
    if status == "partly_paid":
        return "partly_paid"
    if "currency_mismatch" in (row.get("flags") or []):
        return "mismatch"
    return None


_ICONS: dict = {}


def cue_icon(cue: str):
    """A 14-pixel disc of the cue's colour with its glyph (made once per cue)."""
    if cue not in _ICONS:
        from PySide6.QtGui import QFont, QIcon, QPainter, QPixmap

        colour, glyph = CUES[cue]
        pixmap = QPixmap(28, 28)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(colour))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(1, 1, 26, 26)
        painter.setPen(QColor("white"))
        font = QFont()
        font.setPixelSize(18)
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, glyph)
        painter.end()
        _ICONS[cue] = QIcon(pixmap)
    return _ICONS[cue]


@dataclass(frozen=True)
class Col:
    title: str
    key: str
    kind: str = "text"  # text, money, int, date, list, label (a code shown translated)


INVOICE_COLUMNS = (
    Col(QT_TRANSLATE_NOOP("Columns", "Invoice"), "number"),
    Col(QT_TRANSLATE_NOOP("Columns", "Type"), "document_type", "label"),
    Col(QT_TRANSLATE_NOOP("Columns", "Date"), "date", "date"),
    Col(QT_TRANSLATE_NOOP("Columns", "Due"), "due_date", "date"),
    Col(QT_TRANSLATE_NOOP("Columns", "Currency"), "currency"),
    Col(QT_TRANSLATE_NOOP("Columns", "Total"), "total", "money"),
    Col(QT_TRANSLATE_NOOP("Columns", "Open"), "open", "money"),
    Col(QT_TRANSLATE_NOOP("Columns", "Days past due"), "days_past_due", "int"),
    Col(QT_TRANSLATE_NOOP("Columns", "Status"), "status", "label"),
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
)


def customer_columns(buckets: tuple[str, ...], label) -> tuple[Col, ...]:
    """The customers table: totals, then one column per aging bucket (the workspace's)."""
    from core.aging import DATE_UNKNOWN

    return CUSTOMER_COLUMNS + tuple(Col(label(b), b, "money") for b in (*buckets, DATE_UNKNOWN))


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
    """A comparable key: money by its exact value, missing values first, text naturally
    (its runs of digits by their value: P2 before P10)."""
    if value is None or value == "":
        return (0, Decimal(0), ())
    if col.kind in ("money", "int"):
        return (1, value, ())
    return (1, Decimal(0), natural_key(str(value)))


def natural_key(text: str) -> tuple:
    """``"P10"`` → ``(("P", 10, ""), "P10")``: text and numbers alternate, so that two keys
    compare part by part (the text itself after, to order ``P01`` and ``P1`` apart)."""
    parts = _DIGITS.split(text)
    if len(parts) == 3:  # one run of digits (G000123456, P12): the common case, quicker
        return (parts[0], int(parts[1]), parts[2]), text
    return tuple(int(p) if n % 2 else p for n, p in enumerate(parts)), text


def flat_natural_key(text: str) -> str | None:
    """:func:`natural_key` as one string that sorts the same (a hundred thousand strings
    sort several times quicker than as many nested tuples): each text part closed by a
    NUL, each number padded to 40 digits, then the text itself.  None for a text it cannot
    stand for (a NUL in it, a number of more than 40 digits)."""
    if "\x00" in text:
        return None
    out = []
    for n, part in enumerate(_DIGITS.split(text)):
        if n % 2:
            digits = part.lstrip("0")
            if len(digits) > 40:
                return None
            out.append(digits.rjust(40, "0"))
        else:
            out.append(part + "\x00")
    out.append("\x00")
    out.append(text)
    return "".join(out)


#: texts' flat natural keys, kept from one sort to the next (the same numbers each refresh)
_NATURAL: dict[str, str | None] = {}


class RowsModel(QAbstractTableModel):
    """A read-only table of row dictionaries described by :class:`Col` columns."""

    def __init__(self, columns: tuple[Col, ...], parent=None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.rows: list[dict] = []
        self._order: tuple[int, Qt.SortOrder] | None = None
        self._looks: dict[int, tuple] = {}
        self._align = self._alignments()

    def _alignments(self) -> list:
        right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return [right if c.kind in ("money", "int") else None for c in self.columns]

    def set_columns(self, columns: tuple[Col, ...]) -> None:
        if columns != self.columns:
            self.beginResetModel()
            self.columns = columns
            self._order = None
            self._looks.clear()
            self._align = self._alignments()
            self.endResetModel()

    def set_rows(self, rows: list[dict]) -> None:
        """New rows, kept in the order the clerk last sorted by."""
        self.beginResetModel()
        self.rows = list(rows)
        self._looks.clear()  # keyed by the rows' identity: the new ones are other objects
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
        key = col.key
        reverse = order == Qt.SortOrder.DescendingOrder
        if col.kind in ("money", "int"):  # as sort_key orders them, without its padding

            def by(r: dict) -> tuple:
                v = r.get(key)
                return (0, 0) if v is None or v == "" else (1, v)

            self.rows.sort(key=by, reverse=reverse)
            return
        # a text: one string per row ("" for none: first), kept for the next refresh
        if len(_NATURAL) > 1_000_000:
            _NATURAL.clear()
        cached, flat = _NATURAL, flat_natural_key
        keys: list = []
        for r in self.rows:
            v = r.get(key)
            if v is None or v == "":
                keys.append("")
                continue
            text = str(v)
            if text not in cached:
                cached[text] = flat(text)
            keys.append(cached[text])
        if None in keys:  # a text no string stands for: the parts themselves
            keys = [sort_key(col, r.get(key)) for r in self.rows]
        order_of = sorted(range(len(keys)), key=keys.__getitem__, reverse=reverse)
        rows = self.rows
        self.rows = [rows[n] for n in order_of]

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if role not in HANDLED_ROLES:
            return None  # asked for every cell and role on each repaint: answer fast
        r = index.row()
        if not (0 <= r < len(self.rows)):
            return None
        row = self.rows[r]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._look(row)[0][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._look(row)[1]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._align[index.column()]
        if role == Qt.ItemDataRole.DecorationRole:
            return self._look(row)[2] if index.column() == 0 else None
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        return None

    def _look(self, row: dict) -> tuple:
        """A row's texts, colour and icon, worked out once (a repaint asks for each cell and
        role of the visible rows)."""
        key = id(row)
        look = self._looks.get(key)
        if look is None:
            cue = cue_of(row)
            look = ([self._text(row, col) for col in self.columns], self._colour(row),
                    cue_icon(cue) if cue else None)  # fmt: skip
            self._looks[key] = look
        return look

    @staticmethod
    def _text(row: dict, col: Col) -> str:
        value = row.get(col.key)
        if col.kind == "money":
            return money_text(value, row.get("currency", ""))
        if col.kind == "list":
            return ", ".join(flag_label(f) for f in value or [])
        if value is None:
            if col.key == "date" and row.get("date_unknown"):
                return QCoreApplication.translate("Columns", "date unknown")
            return ""
        if col.kind == "date":
            return date_text(value)
        if col.kind == "label":
            return status_label(value)
        if col.key == "days_past_due" and not _nonzero(row.get("open")):
            return ""  # settled: how late it was no longer matters
        return str(value)

    @staticmethod
    def _tooltip(row: dict) -> str | None:
        tips = [speak(n) for n in row.get("notes") or []]
        if row.get("rebilled_as"):
            text = QCoreApplication.translate("Columns", "Rebilled as %s")
            tips.append(text % row["rebilled_as"])
        if row.get("voided_by"):
            text = QCoreApplication.translate("Columns", "Voided by %s")
            tips.append(text % row["voided_by"])
        if row.get("processing_until"):
            text = QCoreApplication.translate("Columns", "Microsoft may take until %s to apply it")
            tips.append(text % date_text(row["processing_until"]))
        return "\n".join(tips) if tips else None

    @staticmethod
    def _colour(row: dict):
        if row.get("counted") is False:
            return QBrush(MUTED)
        cue = cue_of(row)
        if cue is None:
            return None
        return QBrush({"overdue": OVERDUE, "voided": MUTED, "rebilled": MUTED}.get(cue, PARTLY))


def _nonzero(amount: Decimal | None) -> bool:
    return amount is not None and amount != 0


def _overdue(row: dict) -> bool:
    return (
        bool(row.get("counted"))
        and (row.get("days_past_due") or 0) > 0
        and _nonzero(row.get("open"))
    )


#: Named selections the dashboard's "needs attention" list and the aging chart open.
FOCUS = {
    "overdue": _overdue,
    "unallocated": lambda r: _nonzero(r.get("unallocated")),
    "currency_mismatch": lambda r: "currency_mismatch" in (r.get("flags") or []),
    "lines_differ": lambda r: _nonzero(r.get("lines_difference")),
    "processing": lambda r: bool(r.get("processing_until")),
}


def focus_matches(focus: str, row: dict) -> bool:
    if focus.startswith("bucket:"):
        return row.get("bucket") == focus[len("bucket:") :]
    return FOCUS[focus](row)


class FilterProxy(QSortFilterProxyModel):
    """Filters on a search text (any column), currency, status, customer, a date range
    and a named focus (``overdue``, ``bucket:61-90``...); the rows sort where they are kept."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.currency = ""
        self.text = ""
        self.focus = ""
        self.status = ""
        self.customer = ""
        self.date_from = ""
        self.date_to = ""

    def set_text(self, text: str) -> None:
        text = text.strip().lower()
        if text != self.text:  # each filtering asks about every row
            self._refilter(lambda: setattr(self, "text", text))

    def set_status(self, status: str) -> None:
        self._refilter(lambda: setattr(self, "status", status))

    def set_focus(self, focus: str) -> None:
        self._refilter(lambda: setattr(self, "focus", focus))

    def set_bucket(self, bucket: str) -> None:
        self.set_focus(f"bucket:{bucket}" if bucket else "")

    def set_currency(self, currency: str) -> None:
        self._refilter(lambda: setattr(self, "currency", currency))

    def set_customer(self, customer: str) -> None:
        self._refilter(lambda: setattr(self, "customer", customer))

    def set_dates(self, date_from: str, date_to: str) -> None:
        """ISO bounds, both included; empty for no bound."""
        self._refilter(lambda: (setattr(self, "date_from", date_from),
                                setattr(self, "date_to", date_to)))  # fmt: skip

    @property
    def _filtering(self) -> bool:
        return bool(self.currency or self.text or self.focus or self.status or self.customer
                    or self.date_from or self.date_to)  # fmt: skip

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
        if not self._filtering:
            return True  # asked about every row after each reset: answer at once
        row = self.sourceModel().rows[source_row]
        if self.currency and row.get("currency") != self.currency:
            return False
        if self.status and row.get("status") != self.status:
            return False
        if self.customer and self.customer not in row_customers(row):
            return False
        if self.date_from or self.date_to:
            day = row.get("date") or ""
            if (
                not day
                or (self.date_from and day < self.date_from)
                or (self.date_to and day > self.date_to)
            ):
                return False
        if self.focus and not focus_matches(self.focus, row):
            return False
        if not self.text:
            return True
        return any(self.text in str(v).lower() for v in _searchable(row))


def row_customers(row: dict) -> list[str]:
    if "customer" in row:
        return [row["customer"]]
    return row.get("customers") or []


def _searchable(row: dict):
    for v in row.values():
        if isinstance(v, Decimal):
            yield format_amount(v, row.get("currency", ""))
        elif isinstance(v, str | int):
            yield v
        elif isinstance(v, list) and v and isinstance(v[0], str):
            yield from v
