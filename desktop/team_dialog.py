"""File > Connect to a team workspace: a PostgreSQL server, database and user; the password
kept in the system's keyring when the clerk asks (and one is available), never in a file.

The last connection is remembered per user (QSettings) without its password; the URL shown
in titles and logs never carries it either.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
)
from sqlalchemy.engine import URL

log = logging.getLogger(__name__)
KEYRING_SERVICE = "CSP Reconciler team workspace"


def _keyring():
    """The system keyring, or None where there is none (a server, a bare Linux session)."""
    try:
        import keyring
        from keyring.backends.fail import Keyring as NoKeyring

        backend = keyring.get_keyring()
        return None if isinstance(backend, NoKeyring) else keyring
    except Exception:  # noqa: BLE001 - no keyring package or a broken backend
        return None


def account(url: URL) -> str:
    """The keyring entry's name for a connection: user@host:port/database."""
    return f"{url.username}@{url.host}:{url.port}/{url.database}"


def saved_password(url: URL) -> str | None:
    ring = _keyring()
    if ring is None:
        return None
    try:
        return ring.get_password(KEYRING_SERVICE, account(url))
    except Exception as exc:  # noqa: BLE001 - a locked or broken keyring: ask instead
        log.warning("keyring: %s", exc)
        return None


def remember_password(url: URL, password: str | None) -> None:
    ring = _keyring()
    if ring is None:
        return
    try:
        if password:
            ring.set_password(KEYRING_SERVICE, account(url), password)
        elif ring.get_password(KEYRING_SERVICE, account(url)) is not None:
            ring.delete_password(KEYRING_SERVICE, account(url))
    except Exception as exc:  # noqa: BLE001 - not kept: it is asked next time
        log.warning("keyring: %s", exc)


def last_connection() -> URL | None:
    value = QSettings("CSP Reconciler", "CSP Reconciler").value("team/last", "")
    if not value:
        return None
    host, _, rest = str(value).partition("\t")
    port, user, database = [*rest.split("\t"), "", "", ""][:3]
    return URL.create("postgresql+psycopg", username=user, host=host,
                      port=int(port or 5432), database=database)  # fmt: skip


def remember_connection(url: URL) -> None:
    QSettings("CSP Reconciler", "CSP Reconciler").setValue(
        "team/last", "\t".join([url.host or "", str(url.port or 5432), url.username or "",
                                url.database or ""]))  # fmt: skip


class ConnectDialog(QDialog):
    """Server, port, database, user and password of a team workspace."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to a team workspace"))
        form = QFormLayout(self)
        last = last_connection()
        self.host = QLineEdit(last.host if last else "", self)
        self.host.setPlaceholderText(self.tr("server name or address"))
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(last.port if last and last.port else 5432)
        self.database = QLineEdit(last.database if last else "", self)
        self.user = QLineEdit(last.username if last else "", self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember the password in the system keyring"), self)
        ring = _keyring() is not None
        self.remember.setEnabled(ring)
        if last is not None:
            kept = saved_password(last)
            if kept:
                self.password.setText(kept)
                self.remember.setChecked(True)
        form.addRow(self.tr("Server"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Database"), self.database)
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", self.remember)
        if not ring:
            note = QLabel(self.tr("No system keyring here: the password is asked each time "
                                  "(or kept by PostgreSQL's own ~/.pgpass)."), self)  # fmt: skip
            note.setWordWrap(True)
            form.addRow("", note)
        self.error = QLabel("", self)
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        form.addRow("", self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Connect"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def url(self, with_password: bool = True) -> URL:
        return URL.create(
            "postgresql+psycopg",
            username=self.user.text().strip(),
            password=(self.password.text() or None) if with_password else None,
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
        )

    def _check(self) -> None:
        missing = [label for label, edit in ((self.tr("server"), self.host),
                   (self.tr("database"), self.database), (self.tr("user"), self.user))
                   if not edit.text().strip()]  # fmt: skip
        if missing:
            self.error.setText(self.tr("Fill in: %s") % ", ".join(missing))
            return
        self.accept()

    def keep(self) -> None:
        """Remember this connection (and the password, when asked) for next time."""
        url = self.url(with_password=False)
        remember_connection(url)
        remember_password(url, self.password.text() if self.remember.isChecked() else None)
