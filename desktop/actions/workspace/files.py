"""Workspace files: open one, create one, the demo, and the recently opened ones."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from desktop.operations import QueryOp, translate

if TYPE_CHECKING:  # pragma: no cover
    from desktop.main_window import MainWindow


def recent_workspaces() -> list[Path]:
    value = QSettings("CSP Reconciler", "CSP Reconciler").value("recent", []) or []
    paths = [Path(v) for v in (value if isinstance(value, list) else [value])]
    return [p for p in paths if p.exists()][:8]


def remember_workspace(path: Path | str) -> None:
    if not isinstance(path, Path):  # a team workspace: see desktop.team_dialog
        return
    paths = [str(path.resolve())] + [str(p) for p in recent_workspaces() if p != path.resolve()]
    QSettings("CSP Reconciler", "CSP Reconciler").setValue("recent", paths[:8])


def fill_recent(window: MainWindow) -> None:
    menu = window.recent_menu
    menu.clear()
    for path in recent_workspaces():
        action = QAction(str(path), window)
        action.triggered.connect(lambda _=False, p=path: open_workspace(window, p))
        menu.addAction(action)
    menu.setEnabled(bool(menu.actions()))


def _folder(window: MainWindow) -> Path:
    return Path(window.path).parent if isinstance(window.path, Path) else Path.home()


def choose_workspace(window: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(
        window, translate("MainWindow", "Open workspace"), str(_folder(window)),
        translate("MainWindow", "CSP Reconciler workspace (*.db *.csprecon);;All files (*)"),
    )  # fmt: skip
    if path:
        open_workspace(window, Path(path))


def choose_new_workspace(window: MainWindow) -> None:
    path, _ = QFileDialog.getSaveFileName(
        window, translate("MainWindow", "New workspace"), str(_folder(window) / "workspace.db"),
        translate("MainWindow", "CSP Reconciler workspace (*.db)"),
    )  # fmt: skip
    if path:
        open_workspace(window, Path(path))


def open_demo(window: MainWindow) -> None:
    from desktop.app import demo_workspace

    open_workspace(window, demo_workspace())


def open_workspace(window: MainWindow, path: Path | str) -> None:
    """Close this workspace and open another (created when new); every change is saved
    as it is made, so there is nothing to save first."""
    from core.workspace import Workspace

    def swap(old, job):
        new = Workspace(path)
        old.close()
        return new

    def done(ws) -> None:
        remember_workspace(path)
        window.workspace_opened(ws, path)
        fill_recent(window)

    QueryOp(window, swap).success(done).run()
