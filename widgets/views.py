"""A table view for lists of any size: uniform rows of one line each, the columns measured
on the first rows only, nothing sized per row, and no item kept per cell (the cells are
read from the model when asked)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


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
