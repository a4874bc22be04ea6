"""Undo and redo the last change (whoever's it was, on a team workspace: the audit says)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.operations import CollectionOp

if TYPE_CHECKING:  # pragma: no cover
    from desktop.main_window import MainWindow


def undo(window: MainWindow) -> None:
    CollectionOp(window, lambda ws, job: ws.journal.undo()).run()


def redo(window: MainWindow) -> None:
    CollectionOp(window, lambda ws, job: ws.journal.redo()).run()
