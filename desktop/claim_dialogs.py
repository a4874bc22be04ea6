"""Record a dispute or an SLA credit claim: the form, checked by the workspace on OK.

OK asks the workspace (``submitted``); a value it refuses is said by its field and the
dialog stays open with everything typed, to correct it (:meth:`ClaimForm.refuse`); the
dialog closes once the claim is recorded."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop.screens import fit
from widgets.formats import speak


class ClaimForm(QDialog):
    """A form whose OK asks the workspace; its refusal shown by the field it is about."""

    submitted = Signal()  # OK: the action asks the workspace, then accept() or refuse()

    #: the words a refusal starts with (the core's), and the field they are about
    FIELDS: tuple[tuple[str, str], ...] = ()

    def _form(self) -> QFormLayout:
        self.form = QFormLayout(self)
        self.refusals: dict[str, QLabel] = {}
        self.general = self._refusal("general")
        self.form.addRow(self.general)
        return self.form

    def _refusal(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"refusal-{name}")
        label.setStyleSheet("color: #b3261e;")
        label.setWordWrap(True)
        label.hide()
        self.refusals[name] = label
        return label

    def _row(self, name: str, label: str, field: QWidget) -> None:
        """A field, and under it the place its refusal is said."""
        self.form.addRow(label, field)
        self.form.addRow("", self._refusal(name))
        setattr(self, f"_{name}_field", field)

    def _ok_cancel(self) -> None:
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.form.addRow(self.buttons)
        fit(self, 520, self.sizeHint().height() + 40)

    def _submit(self) -> None:
        self.refuse("")
        self.submitted.emit()

    def refused_field(self, said: str) -> str:
        """Which field a refusal is about (by the core's words), else ``general``."""
        lowered = said.lower()
        return next((name for words, name in self.FIELDS if lowered.startswith(words)
                     or f": {words}" in lowered), "general")  # fmt: skip

    def refuse(self, said: str) -> None:
        """Say the workspace's refusal by its field (nothing typed is lost); "" clears."""
        name = self.refused_field(said) if said else ""
        for key, label in self.refusals.items():
            label.setText(speak(said) if key == name else "")  # in the window's language
            label.setVisible(key == name)
        field = getattr(self, f"_{name}_field", None)
        if field is not None:
            field.setFocus()


class DisputeDialog(ClaimForm):
    """Dispute an amount on an invoice or one of its lines."""

    FIELDS = (("disputed amount", "amount"), ("expected at most", "amount"),
              ("a dispute needs a reason", "reason"))  # fmt: skip

    def __init__(self, target: str, amount: str, currency: str, reason: str = "",
                 parent=None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(self.tr("Dispute %s") % target)
        self.target = target
        self.amount = QLineEdit(amount)
        self.reason = QLineEdit(reason)
        self.reason.setPlaceholderText(self.tr("What is wrong with the amount"))
        self.ticket = QLineEdit()
        self.ticket.setPlaceholderText(self.tr("Support ticket number"))
        self.opened = QDateEdit(QDate.currentDate())
        self.opened.setCalendarPopup(True)
        self._form()
        self._row("amount", self.tr("Disputed amount (%s)") % currency, self.amount)
        self._row("reason", self.tr("Reason"), self.reason)
        self._row("ticket", self.tr("Ticket"), self.ticket)
        self._row("opened", self.tr("Opened on"), self.opened)
        self._ok_cancel()

    def values(self) -> tuple[str, str, str, str, date]:
        return (self.target, self.amount.text(), self.reason.text(), self.ticket.text(),
                self.opened.date().toPython())  # fmt: skip


class SlaClaimDialog(ClaimForm):
    """Claim an SLA credit: the service, the month, its availability (below 99.9 %)."""

    FIELDS = (("an sla claim names the service", "service"), ("month", "month"),
              ("availability", "availability"), ("claimed credit", "credit"),
              ("expected at most", "credit"), ("expected a number", "credit"),
              ("currency", "currency"), ("expected a three-letter", "currency"),
              ("ticket", "ticket"))  # fmt: skip

    def __init__(self, currency: str = "EUR", parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New SLA credit claim"))
        self.service = QLineEdit()
        self.service.setPlaceholderText(self.tr("e.g. Dynamics 365 Sales"))
        last = date.today().replace(day=1)
        prev = date(last.year - (last.month == 1), (last.month - 2) % 12 + 1, 1)
        self.month = QLineEdit(f"{prev:%Y-%m}")
        self.availability = QLineEdit()
        self.availability.setPlaceholderText(self.tr("e.g. 99.5 (below 99.9)"))
        self.credit = QLineEdit()
        self.currency = QLineEdit(currency)
        self.ticket = QLineEdit()
        self.opened = QDateEdit(QDate.currentDate())
        self.opened.setCalendarPopup(True)
        form = self._form()
        said = self.tr("Monthly availability below 99.9 % entitles to a credit.")
        form.insertRow(0, QLabel(said))
        self._row("service", self.tr("Service"), self.service)
        self._row("month", self.tr("Month (YYYY-MM)"), self.month)
        self._row("availability", self.tr("Availability (%)"), self.availability)
        self._row("credit", self.tr("Credit claimed"), self.credit)
        self._row("currency", self.tr("Currency"), self.currency)
        self._row("ticket", self.tr("Ticket"), self.ticket)
        self._row("opened", self.tr("Opened on"), self.opened)
        self._ok_cancel()

    def values(self) -> tuple:
        return (self.service.text(), self.month.text(), self.availability.text(),
                self.credit.text(), self.currency.text(), self.ticket.text(),
                self.opened.date().toPython())  # fmt: skip
