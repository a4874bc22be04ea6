"""Column mapping for a spreadsheet no importer recognises: a preview, one choice per field.

The fields, the first guesses and the check of the mapping are the core's
(``ws.imports.layout_fields``, ``guess_columns``, ``check_layout``)."""

from __future__ import annotations

from collections.abc import Callable
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

from core.i18n import phrase
from desktop.screens import fit, remember_size
from widgets.formats import error_text, speak

NONE = "—"
#: kind → ((field, required), ...), {field: the column guessed}
Kinds = dict[str, tuple[list[tuple[str, bool]], dict[str, str]]]
#: ``check(kind, columns, answer)``: the core's verdict, off the GUI thread; ``answer`` gets
#: the layout's key, or the refusal (an exception).
Check = Callable[[str, dict[str, str], Callable[[object], None]], None]


class MappingDialog(QDialog):
    """Which column holds the date, the amount...; remembered for this header layout."""

    def __init__(self, path: Path, header: list[str], rows: list[list[str]], kinds: Kinds,
                 check: Check, parent=None):  # fmt: skip
        super().__init__(parent)
        self.path, self.header, self.kinds, self._check = path, header, kinds, check
        self.setWindowTitle(self.tr("Which column is which? — %s") % path.name)
        fit(self, 760, 480)
        remember_size(self, "mapping")
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
        table.setAccessibleName(self.tr("The file's first rows"))
        layout.addWidget(table)
        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Payments"), "payments")
        self.kind.addItem(self.tr("Invoice list"), "invoices")
        self.kind.currentIndexChanged.connect(self._kind_changed)
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
        """One choice per field of the kind, pre-filled with the core's guesses."""
        while self.form.rowCount():
            self.form.removeRow(0)
        self.combos = {}
        fields, guesses = self.kinds[self.kind.currentData()]
        for name, required in fields:
            combo = QComboBox()
            combo.addItems([NONE, *self.header])
            if name in guesses:
                combo.setCurrentText(guesses[name])
            combo.currentIndexChanged.connect(self._changed)
            self.combos[name] = combo
            # the field's name in the window's language (the core's English otherwise)
            self.form.addRow(speak(phrase(name)) + (" *" if required else ""), combo)

    def _kind_changed(self) -> None:
        self._fields()
        self._changed()

    def _changed(self) -> None:
        """A choice changed: the reason shown no longer holds; the core is asked again (its
        answer shown only if the mapping is still refused)."""
        if not self.message.text():
            return
        self.message.setText("")
        mapping = self.mapping()

        def answer(verdict) -> None:
            if mapping == self.mapping() and isinstance(verdict, Exception):
                self.message.setText(error_text(verdict))

        self._check(self.kind.currentData(), mapping, answer)

    def mapping(self) -> dict[str, str]:
        return {k: c.currentText() for k, c in self.combos.items() if c.currentText() != NONE}

    def _accept(self) -> None:
        """OK once the core accepts the mapping; else its reason, under the fields."""
        self.message.setText("")
        mapping = self.mapping()

        def answer(verdict) -> None:
            if mapping != self.mapping():  # changed while the core was asked
                return
            if isinstance(verdict, Exception):
                self.message.setText(error_text(verdict))  # in the window's language
            else:
                self.accept()

        self._check(self.kind.currentData(), mapping, answer)
