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
