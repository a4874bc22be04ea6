"""Preferences: company details for documents, payees for bank statements, payment term,
aging buckets (saved in the workspace, audited) and the interface language (per user)."""

from __future__ import annotations

import json

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
)

from core.aging import parse_limits

# (setting key, label, kind): kind "line", "text" (several lines), "list" (JSON list, one a line)
FIELDS = (
    ("company_name", QT_TRANSLATE_NOOP("Preferences", "Company name"), "line"),
    ("company_address", QT_TRANSLATE_NOOP("Preferences", "Company address"), "text"),
    ("company_account",
     QT_TRANSLATE_NOOP("Preferences", "Company IBAN (transfers are sent from)"), "line"),
    ("company_bic", QT_TRANSLATE_NOOP("Preferences", "Company BIC"), "line"),
    ("payee_account_EUR",
     QT_TRANSLATE_NOOP("Preferences", "Microsoft's EUR account (IBAN on the invoice)"), "line"),
    ("payee_bic_EUR", QT_TRANSLATE_NOOP("Preferences", "Microsoft's EUR BIC"), "line"),
    ("billing_experiences",
     QT_TRANSLATE_NOOP("Preferences", "Billing experiences (new_commerce, legacy)"), "line"),
    ("billing_anniversary_day",
     QT_TRANSLATE_NOOP("Preferences", "Legacy billing anniversary (day 1–31)"), "line"),
    ("partner_tier", QT_TRANSLATE_NOOP("Preferences", "Partner tier (direct or indirect)"),
     "line"),
    ("holiday_country",
     QT_TRANSLATE_NOOP("Preferences", "Public holidays of (country code: FR, DE, GB…)"), "line"),
    ("payee_names",
     QT_TRANSLATE_NOOP("Preferences", "Other payee names in bank statements (one a line)"),
     "list"),
    ("payee_ibans",
     QT_TRANSLATE_NOOP("Preferences", "Payee IBANs in bank statements (one a line)"), "list"),
)  # fmt: skip
DEFAULT_BUCKETS = "30,60,90"


class PreferencesDialog(QDialog):
    """Shows the workspace's settings; ``changes()`` says what the clerk edited."""

    def __init__(self, settings: dict[str, str], term_days: int, parent=None,
                 language: str = "en") -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        from desktop.screens import remember_size

        remember_size(self, "preferences")  # within the screen, as the clerk left it
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
            form.addRow(QCoreApplication.translate("Preferences", label), editor)
        self.term = QSpinBox(minimum=1, maximum=365, value=term_days, suffix=self.tr(" days"))
        self.term.setToolTip(self.tr("Days from the invoice date to its due date (Microsoft: 60)"))
        form.addRow(self.tr("Payment term"), self.term)
        self.buckets = QLineEdit(settings.get("aging_buckets") or DEFAULT_BUCKETS)
        self.buckets.setToolTip(
            self.tr(
                "Upper limits of the aging buckets in days past due, "
                "e.g. 30,60,90 gives 1–30, 31–60, 61–90 and over 90"
            )
        )
        self.buckets.textChanged.connect(self._check)
        form.addRow(self.tr("Aging buckets (days)"), self.buckets)
        from desktop import i18n

        self.language = QComboBox()
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        form.addRow(self.tr("Language"), self.language)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setWordWrap(True)
        form.addRow(self.message)
        form.addRow(QLabel(self.tr("Every change is recorded in the audit log and can be undone.")))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def _check(self, *_args) -> None:
        try:
            parse_limits(self.buckets.text())
        except ValueError as exc:
            self.message.setText(str(exc))
            ok = False
        else:
            self.message.setText("")
            ok = True
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def chosen_language(self) -> str:
        return self.language.currentData()

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
        buckets = ",".join(map(str, parse_limits(self.buckets.text())))
        if buckets != (self.original.get("aging_buckets") or DEFAULT_BUCKETS):
            out["aging_buckets"] = buckets
        return out
