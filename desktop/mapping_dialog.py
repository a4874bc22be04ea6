"""Column mapping for a spreadsheet no importer recognises: a preview, one choice per field."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from core.importers.mapped import fields
from core.importers.tabular import fold, read_table, text

NONE = "—"


def preview(path: Path, rows: int = 5) -> tuple[list[str], list[list[str]]]:
    table = read_table(path)
    out = []
    for _n, cells in table.rows:
        out.append([text(c) for c in cells])
        if len(out) >= rows:
            break
    return table.header, out


class MappingDialog(QDialog):
    """Which column holds the date, the amount...; remembered for this header layout."""

    def __init__(self, path: Path, header: list[str], rows: list[list[str]], parent=None):
        super().__init__(parent)
        self.path, self.header = path, header
        self.setWindowTitle(self.tr("Which column is which? — %s") % path.name)
        self.resize(760, 480)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "This layout is new. Say once which columns hold what; files with the same "
            "columns will import directly.")))  # fmt: skip
        table = QTableWidget(len(rows), len(header))
        table.setHorizontalHeaderLabels(header)
        for r, row in enumerate(rows):
            for c, value in enumerate(row[: len(header)]):
                table.setItem(r, c, QTableWidgetItem(value))
        table.setMaximumHeight(180)
        layout.addWidget(table)
        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Payments"), "payments")
        self.kind.addItem(self.tr("Invoice list"), "invoices")
        self.kind.currentIndexChanged.connect(self._fields)
        form.addRow(self.tr("The file lists"), self.kind)
        layout.addLayout(form)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.combos: dict[str, QComboBox] = {}
        self.message = QLabel()
        self.message.setStyleSheet("color: #b3261e;")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._fields()

    def _fields(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.combos = {}
        for name, required in fields(self.kind.currentData()):
            combo = QComboBox()
            combo.addItems([NONE, *self.header])
            guess = next((h for h in self.header if fold(h) == fold(name)), None)
            if guess:
                combo.setCurrentText(guess)
            self.combos[name] = combo
            self.form.addRow(name + (" *" if required else ""), combo)

    def mapping(self) -> dict[str, str]:
        return {k: c.currentText() for k, c in self.combos.items() if c.currentText() != NONE}

    def _accept(self) -> None:
        missing = [n for n, req in fields(self.kind.currentData())
                   if req and n not in self.mapping()]  # fmt: skip
        if missing:
            self.message.setText(self.tr("Choose a column for: %s") % ", ".join(missing))
            return
        self.accept()
