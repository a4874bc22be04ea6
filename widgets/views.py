"""A table view for lists of any size: uniform rows of one line each, the columns measured
on the first rows only, nothing sized per row, and no item kept per cell (the cells are
read from the model when asked)."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QListView, QTableView

#: a row's own record (its dict), as the list pages answer it
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class _Cell:
    """A cell's text, read from the model when asked (see :meth:`LazyTable.item`)."""

    def __init__(self, index: QModelIndex) -> None:
        self._index = index

    def text(self) -> str:
        return str(self._index.data() or "")

    def data(self, role: int):
        return self._index.data(role)


class LazyTable(QTableView):
    """A table view of uniform rows: one line each (the whole text in the tooltip), the
    columns measured on the first rows only, nothing sized per row."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        rows = self.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        columns = self.horizontalHeader()
        columns.setStretchLastSection(True)
        columns.setResizeContentsPrecision(200)  # the first rows tell the widths

    # What a QTableWidget answered, read from the model (no item is kept per cell).
    def rowCount(self) -> int:
        model = self.model()
        return model.rowCount() if model is not None else 0

    def item(self, row: int, column: int) -> _Cell | None:
        model = self.model()
        if model is None or not (0 <= row < model.rowCount()):
            return None
        return _Cell(model.index(row, column))


class CellsModel(QAbstractTableModel):
    """Rows of any kind shown as texts: ``cells(row)`` gives a row's texts, worked out when
    the row is first shown and kept until the rows change; ``ROW_ROLE`` answers the row
    itself, ``colour(row)`` its text colour (or None); the ``right`` columns are aligned
    right (amounts, counts)."""

    def __init__(self, columns: tuple[str, ...], context: str, cells, right=(), colour=None,
                 parent=None, tip=None) -> None:  # fmt: skip
        super().__init__(parent)
        self.columns, self.context = columns, context
        self._cells, self._colour, self._tip = cells, colour, tip
        self._right = frozenset(right)
        self.rows: list = []
        self._texts: dict[int, list[str]] = {}

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = rows
        self._texts = {}
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate(self.context, self.columns[section])
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        r = index.row()
        if not index.isValid() or not (0 <= r < len(self.rows)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            texts = self._texts.get(r)
            if texts is None:
                texts = self._texts[r] = self._cells(self.rows[r])
            return texts[index.column()]
        if role == ROW_ROLE:
            return self.rows[r]
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(self.rows[r]) if self._colour else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if index.column() in self._right else None
        if role == Qt.ItemDataRole.ToolTipRole and self._tip is not None:
            return self._tip(self.rows[r])
        return None


class LazyList(QListView):
    """A list view of uniform rows over a model, answering what a QListWidget answered
    (``count``, ``item(row).text()``, ``setCurrentRow``) without an item per row."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setUniformItemSizes(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    def count(self) -> int:
        model = self.model()
        return model.rowCount() if model is not None else 0

    def item(self, row: int) -> _Cell | None:
        model = self.model()
        if model is None or not (0 <= row < model.rowCount()):
            return None
        return _Cell(model.index(row, 0))

    def setCurrentRow(self, row: int) -> None:
        model = self.model()
        if model is not None:
            self.setCurrentIndex(model.index(row, 0))


#: a list this long is searched after a pause in typing, not at each key (each search of
#: 100,000 rows takes most of a second)
LONG_LIST = 20_000


class SearchDelay(QObject):
    """Applies a search field's text to ``apply``: at once for a short list or an empty
    text, after a pause in typing (or on Enter) for a long one (``size()`` rows)."""

    PAUSE_MS = 300

    def __init__(self, edit: QLineEdit, apply, size, parent=None) -> None:
        super().__init__(parent or edit)
        self.edit, self.apply, self.size = edit, apply, size
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(self.PAUSE_MS)
        self.timer.timeout.connect(self.now)
        edit.textChanged.connect(self._changed)
        edit.returnPressed.connect(self.now)

    def _changed(self, text: str) -> None:
        if not text or self.size() < LONG_LIST:
            self.now()
        else:
            self.timer.start()

    def now(self) -> None:
        """The text as it is, applied now (a search typed is then not waited for)."""
        self.timer.stop()
        self.apply(self.edit.text())
