"""A refused import: an error, its reasons in view (file, row, the file's own column) in a
window the clerk can enlarge, select and copy from."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QStyle,
    QVBoxLayout,
)

from desktop.screens import fit, remember_size


class ImportReport(QDialog):
    """What the import said: a headline (``text``), the reasons the files were refused
    in a list (``reasons``), and every line of the import under it (``detailedText``)."""

    def __init__(self, title: str, headline: str, reasons: list[str], lines: list[str],
                 icon: QMessageBox.Icon, parent=None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("import-report")
        self.setSizeGripEnabled(True)
        self._icon, self._text, self._lines = icon, headline, lines
        style = self.style()
        pixmap = {
            QMessageBox.Icon.Critical: QStyle.StandardPixmap.SP_MessageBoxCritical,
            QMessageBox.Icon.Warning: QStyle.StandardPixmap.SP_MessageBoxWarning,
        }.get(icon, QStyle.StandardPixmap.SP_MessageBoxInformation)
        picture = QLabel()
        picture.setPixmap(style.standardIcon(pixmap).pixmap(32, 32))
        picture.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.headline = QLabel(headline)
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(picture)
        top.addWidget(self.headline, 1)
        self.reasons = QPlainTextEdit("\n".join(reasons))
        self.reasons.setReadOnly(True)
        self.reasons.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.reasons.setAccessibleName(self.tr("Reasons"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = self.buttons.addButton(self.tr("&Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.setToolTip(self.tr("Copy every line of the import, to send or keep"))
        copy.clicked.connect(self.copy)
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("Why:")))
        layout.addWidget(self.reasons, 1)
        layout.addWidget(self.buttons)
        fit(self, 720, 360)
        remember_size(self, "import-report")

    # the QMessageBox words the window's other boxes answer to
    def icon(self) -> QMessageBox.Icon:
        return self._icon

    def text(self) -> str:
        return self._text

    def detailedText(self) -> str:  # QMessageBox's name
        return "\n".join(self._lines)

    def copy(self) -> None:
        clipboard = QGuiApplication.clipboard() if QApplication.instance() else None
        if clipboard is not None:
            clipboard.setText(self.detailedText())
