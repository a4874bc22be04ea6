"""Undo and redo the last change (whoever's it was, on a team workspace: the audit says)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.changes import TOUCHABLE, Change
from desktop.operations import CollectionOp

if TYPE_CHECKING:  # pragma: no cover
    from desktop.main_window import MainWindow


def undo(window: MainWindow) -> None:
    CollectionOp(window, lambda ws, job: Change("undo", (ws.undo(),), TOUCHABLE)).run()


def redo(window: MainWindow) -> None:
    CollectionOp(window, lambda ws, job: Change("redo", (ws.redo(),), TOUCHABLE)).run()
