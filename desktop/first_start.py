"""The first start: which workspace the window opens, and on the very first start the
choice between creating the clerk's own workspace (with the company's details) and
exploring the demo.

The workspace opened is the one named on the command line, else the last one opened, else
the default one the command line uses too (:func:`core.places.default_workspace`) when it
exists; with none of these, this is a first start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.screens import fit

#: the settings the dialog asks for, in its order (keys of :mod:`core.settings`)
FIELDS = ("company_name", "company_address", "company_account", "currency")
CURRENCIES = ("EUR", "USD", "GBP", "CHF", "CAD", "AUD", "DKK", "SEK", "NOK", "PLN", "JPY")


def starting_workspace(given: Path | str | None) -> Path | str | None:
    """The workspace to open: ``given``, the last one opened, or the default one when it
    exists; ``None`` on a first start."""
    from core.places import default_workspace
    from desktop.actions.workspace.files import recent_workspaces

    if given is not None:
        return given
    recent = recent_workspaces()
    if recent:
        return recent[0]
    default = default_workspace()
    if not isinstance(default, Path) or default.exists():
        return default
    return None


def create_workspace(path: Path, values: dict[str, str]) -> Path:
    """A new workspace file with the company's details, each set by the core's settings
    service (checked and audited as in the preferences)."""
    from core.workspace import Workspace

    path.parent.mkdir(parents=True, exist_ok=True)
    with Workspace(path) as ws:
        for key in FIELDS:
            if values.get(key, "").strip():
                ws.settings.set(key, values[key])
    return path


class FirstStartDialog(QDialog):
    """Welcome: create my workspace (company name, address, account, currency), or explore
    the demo.  ``choice`` is ``"create"`` or ``"demo"`` once it is accepted."""

    def __init__(self, target: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to CSP Reconciler"))
        self.setObjectName("first-start")
        self.target = target
        self.choice = ""
        intro = QLabel(self.tr(
            "Create your workspace: the file that keeps your Microsoft invoices, your payments "
            "and how they match. Your company's details go on the remittance advices and the "
            "bank transfers; you can change them later in the preferences."))  # fmt: skip
        intro.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Nuage Conseil SAS"))
        self.address = QPlainTextEdit()
        self.address.setPlaceholderText(self.tr("Street, postcode and town"))
        self.address.setFixedHeight(self.address.fontMetrics().lineSpacing() * 3 + 12)
        self.address.setTabChangesFocus(True)
        self.account = QLineEdit()
        self.account.setPlaceholderText(self.tr("Your bank account's IBAN (to pay Microsoft from)"))
        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.addItems(CURRENCIES)
        self.where = QLabel(self.tr("Saved as %s") % target)
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form = QFormLayout()
        self.errors: dict[str, QLabel] = {}
        for key, label, widget in (
            ("company_name", self.tr("Company name"), self.name),
            ("company_address", self.tr("Address"), self.address),
            ("company_account", self.tr("Bank account (IBAN)"), self.account),
            ("currency", self.tr("Currency"), self.currency),
        ):
            self.form.addRow(label, widget)
            error = QLabel()
            error.setObjectName(f"error-{key}")
            error.setWordWrap(True)
            error.setStyleSheet("color: #b00020")
            error.hide()
            self.form.addRow("", error)
            self.errors[key] = error
        self.buttons = QDialogButtonBox()
        self.create = self.buttons.addButton(
            self.tr("Create my workspace"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create.setDefault(True)
        self.demo = self.buttons.addButton(
            self.tr("Explore the demo"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.demo.setToolTip(self.tr("A made-up partner's invoices and payments, to try "
                                     "everything; your own workspace can be created later "
                                     "(File > New workspace…)"))  # fmt: skip
        self.create.clicked.connect(self._create)
        self.demo.clicked.connect(self._demo)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.form)
        layout.addWidget(self.where)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        fit(self, 560, self.sizeHint().height() + 60)  # room for a refusal or two

    def values(self) -> dict[str, str]:
        return {
            "company_name": self.name.text(),
            "company_address": self.address.toPlainText(),
            "company_account": self.account.text(),
            "currency": self.currency.currentText(),
        }

    def refused(self) -> dict[str, str]:
        """What the core's settings refuse of the values typed, by field."""
        from core.settings import validate

        out = {}
        for key, value in self.values().items():
            if not value.strip():
                if key == "company_name":
                    out[key] = self.tr("Your company's name, as on your invoices")
                continue
            try:
                validate(key, value)
            except ValueError as exc:  # said by its field: the setting's name goes
                out[key] = str(exc).removeprefix(f"{key}: ")
        return out

    def _create(self) -> None:
        refused = self.refused()
        for key, label in self.errors.items():
            label.setText(refused.get(key, ""))
            label.setVisible(key in refused)
        if refused:
            return  # the dialog stays open, with what was typed, each refusal by its field
        self.choice = "create"
        self.accept()

    def _demo(self) -> None:
        self.choice = "demo"
        self.accept()


def first_start(parent: QWidget | None = None) -> Path | None:
    """Ask on the first start: the workspace created, the demo, or ``None`` (closed)."""
    from core.places import default_workspace

    target = default_workspace()
    assert isinstance(target, Path)  # no $CSP_RECON_DB server: a first start has a file
    dialog = FirstStartDialog(target, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    if dialog.choice == "demo":
        from desktop.app import demo_workspace

        return demo_workspace()
    return create_workspace(target, dialog.values())
