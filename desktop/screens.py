"""Windows sized for the screen they open on: never taller or wider than what it leaves
them (a laptop's 1366×768 less the task bar), so that their buttons stay in reach."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: What a window's frame (title bar, borders) takes around its contents, about.
FRAME = (16, 40)


def fit(widget: QWidget, width: int, height: int) -> None:
    """``widget.resize(width, height)``, at most the available geometry of its screen."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width = min(width, room.width() - FRAME[0])
        height = min(height, room.height() - FRAME[1])
    widget.resize(width, height)


def _settings():
    from PySide6.QtCore import QSettings

    return QSettings("CSP Reconciler", "CSP Reconciler")


def remember_size(dialog, key: str) -> None:
    """Open ``dialog`` at the size the clerk last gave it (within its screen, see
    :func:`fit`), and keep the size it has when it closes for the next time."""
    saved = _settings().value(f"dialogs/{key}")
    if saved is not None and hasattr(saved, "width") and saved.width() > 0:
        fit(dialog, saved.width(), saved.height())

    def keep(_result: int = 0) -> None:
        _settings().setValue(f"dialogs/{key}", dialog.size())

    dialog.finished.connect(keep)
