"""Preferences: company details for documents, payees for bank statements, payment term."""

from __future__ import annotations

import json

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
)

# (setting key, label, kind): kind "line", "text" (several lines), "list" (JSON list, one a line)
FIELDS = (
    ("company_name", "Company name", "line"),
    ("company_address", "Company address", "text"),
    ("company_account", "Company IBAN (transfers are sent from)", "line"),
    ("company_bic", "Company BIC", "line"),
    ("payee_account_EUR", "Microsoft's EUR account (IBAN on the invoice)", "line"),
    ("payee_names", "Other payee names in bank statements (one a line)", "list"),
    ("payee_ibans", "Payee IBANs in bank statements (one a line)", "list"),
)


class PreferencesDialog(QDialog):
    """Shows the workspace's settings; ``changes()`` says what the clerk edited."""

    def __init__(self, settings: dict[str, str], term_days: int, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.original = settings
        form = QFormLayout(self)
        self.editors: dict[str, QLineEdit | QPlainTextEdit] = {}
        for key, label, kind in FIELDS:
            value = settings.get(key, "") or ""
            if kind == "list":
                value = "\n".join(json.loads(value or "[]"))
            editor = QLineEdit(value) if kind == "line" else QPlainTextEdit(value)
            if kind != "line":
                editor.setFixedHeight(64)
            self.editors[key] = editor
            form.addRow(self.tr(label), editor)
        self.term = QSpinBox(minimum=1, maximum=365, value=term_days, suffix=self.tr(" days"))
        form.addRow(self.tr("Payment term"), self.term)
        form.addRow(QLabel(self.tr("Every change is recorded in the audit log and can be undone.")))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def changes(self) -> dict[str, str]:
        out = {}
        for key, _label, kind in FIELDS:
            editor = self.editors[key]
            text = editor.text() if isinstance(editor, QLineEdit) else editor.toPlainText()
            if kind == "list":
                text = json.dumps([t.strip() for t in text.splitlines() if t.strip()])
                if text == "[]" and not self.original.get(key):
                    continue
            if text != (self.original.get(key) or ""):
                out[key] = text
        if str(self.term.value()) != str(self.original.get("term_days", "60")):
            out["term_days"] = str(self.term.value())
        return out
