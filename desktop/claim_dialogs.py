"""Record a dispute or an SLA credit claim: the form, checked by the workspace on OK."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
)


def _ok_cancel(dialog: QDialog, form: QFormLayout) -> None:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)


class DisputeDialog(QDialog):
    """Dispute an amount on an invoice or one of its lines."""

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
        form = QFormLayout(self)
        form.addRow(self.tr("Disputed amount (%s)") % currency, self.amount)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Ticket"), self.ticket)
        form.addRow(self.tr("Opened on"), self.opened)
        _ok_cancel(self, form)

    def values(self) -> tuple[str, str, str, str, date]:
        return (self.target, self.amount.text(), self.reason.text(), self.ticket.text(),
                self.opened.date().toPython())  # fmt: skip


class SlaClaimDialog(QDialog):
    """Claim an SLA credit: the service, the month, its availability (below 99.9 %)."""

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
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Monthly availability below 99.9 % entitles to a credit.")))
        form.addRow(self.tr("Service"), self.service)
        form.addRow(self.tr("Month (YYYY-MM)"), self.month)
        form.addRow(self.tr("Availability (%)"), self.availability)
        form.addRow(self.tr("Credit claimed"), self.credit)
        form.addRow(self.tr("Currency"), self.currency)
        form.addRow(self.tr("Ticket"), self.ticket)
        form.addRow(self.tr("Opened on"), self.opened)
        _ok_cancel(self, form)

    def values(self) -> tuple:
        return (self.service.text(), self.month.text(), self.availability.text(),
                self.credit.text(), self.currency.text(), self.ticket.text(),
                self.opened.date().toPython())  # fmt: skip
