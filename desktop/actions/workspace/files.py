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
    """A new workspace file, named ``.csprecon`` (the ending the installers register)."""
    from core.places import SUFFIX, with_suffix

    path, _ = QFileDialog.getSaveFileName(
        window, translate("MainWindow", "New workspace"),
        str(_folder(window) / f"workspace{SUFFIX}"),
        translate("MainWindow", "CSP Reconciler workspace (*.csprecon)"),
    )  # fmt: skip
    if path:
        open_workspace(window, with_suffix(Path(path)))


def title_name(window: MainWindow) -> str:
    """The workspace's name for the title bar, a demo's said to be one; and on a demo a
    banner in the status bar offering to create the clerk's own workspace."""
    from core.places import is_demo

    demo = is_demo(window.path)
    banner = window.__dict__.get("demo_banner")
    if demo and banner is None:
        banner = _demo_banner(window)
    if banner is not None:
        banner.setVisible(demo)
    name = Path(window.path).name if isinstance(window.path, Path) else str(window.path)
    return translate("MainWindow", "DEMO (made-up data) — %s") % name if demo else name


def _demo_banner(window: MainWindow):
    from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

    banner = QWidget()
    banner.setObjectName("demo-banner")
    banner.setStyleSheet("#demo-banner { background: #fff4ce; border-radius: 3px; }")
    row = QHBoxLayout(banner)
    row.setContentsMargins(6, 0, 6, 0)
    said = QLabel(translate("MainWindow", "This is the demo: made-up invoices and payments."))
    create = QPushButton(translate("MainWindow", "Create my workspace…"))
    create.clicked.connect(lambda: create_own_workspace(window))
    row.addWidget(said)
    row.addWidget(create)
    banner.create = create  # type: ignore[attr-defined]
    window.statusBar().addPermanentWidget(banner)
    window.demo_banner = banner
    return banner


def create_own_workspace(window: MainWindow) -> None:
    """From the demo: the first start's dialog (company details), then the new workspace
    opened in the window."""
    from core.places import default_workspace
    from desktop.first_start import FirstStartDialog, create_workspace

    target = default_workspace()
    if not isinstance(target, Path) or target.exists():
        choose_new_workspace(window)  # the default is taken: the clerk names another
        return
    dialog = FirstStartDialog(target, window)
    dialog.demo.hide()
    window.first_start_dialog = dialog

    def chosen() -> None:
        if dialog.choice == "create":
            open_workspace(window, create_workspace(target, dialog.values()))

    dialog.accepted.connect(chosen)
    dialog.open()


def open_demo(window: MainWindow) -> None:
    from desktop.app import demo_workspace

    open_workspace(window, demo_workspace())


def open_workspace(window: MainWindow, path: Path | str, message: str | None = None) -> None:
    """Close this workspace and open another (created when new); every change is saved
    as it is made, so there is nothing to save first."""

    def swap(old, job):
        if isinstance(path, Path) and path.resolve() == Path(old.path).resolve():
            old.close()  # the same file again (replaced underneath): its lock let go first
            return open_for_window(path)
        new = open_for_window(path)
        old.close()
        return new

    def done(ws) -> None:
        from core.places import is_demo

        remember_workspace(path)
        window.workspace_opened(ws, path, message)
        fill_recent(window)
        banner = window.__dict__.get("demo_banner")
        if banner is not None:  # a team workspace's title does not ask (see title_name)
            banner.setVisible(is_demo(path) if isinstance(path, Path) else False)

    QueryOp(window, swap).success(done).run()


# ------------------------------------------------------------------ the file underneath


def identity(path: Path | str) -> tuple[int, int] | None:
    """Which file ``path`` is now (device and inode), None when it is gone or a server."""
    if not isinstance(path, Path):
        return None
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


class FileWatch:
    """Notice a workspace file deleted or replaced underneath the window (by another program,
    a sync client, a restore elsewhere): checked on Reload, when the window comes to the front
    and every few seconds.  A deleted file is never written again (its changes would be lost
    with it); a replaced one is opened again, as it is now."""

    INTERVAL_MS = 5000

    def __init__(self, window: MainWindow) -> None:
        from PySide6.QtCore import QTimer

        self.window = window
        self.known = identity(window.path)
        self.lost = False
        self.timer = QTimer(window)
        self.timer.setInterval(self.INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def opened(self) -> None:
        """A workspace (re)opened by the window: this is the file to watch."""
        self.known, self.lost = identity(self.window.path), False

    def check(self) -> bool:
        """Whether the file is still the one opened; say so plainly when it is not."""
        window = self.window
        if self.known is None or self.lost or not isinstance(window.path, Path):
            return not self.lost
        now = identity(window.path)
        if now == self.known:
            return True
        from core.errors import WorkspaceError

        if now is None:
            self.lost = True
            window.ws.store.detach(translate("MainWindow", "the file was deleted or moved"))
            window._title()
            said = translate(
                "MainWindow", "%s was deleted or moved by another program. What you see is "
                "what it held when it was last read; nothing more can be saved to it. Restore "
                "a backup (File > Backups…) or open another workspace.")  # fmt: skip
            window.show_error(WorkspaceError(said % window.path))
            return False
        self.known = now
        said = translate("MainWindow", "%s was replaced by another program: opened again, as "
                         "it is now") % window.path  # fmt: skip
        open_workspace(window, window.path, said)
        return False


def open_for_window(path: Path | str):
    """The workspace for the window: a damaged file is opened read-only (it is never
    written), so that it can be seen and a backup put back (File > Backups…)."""
    from core.workspace import (
        Workspace,
        WorkspaceDamaged,
        WorkspaceError,
        WorkspaceReadOnly,
        plain_error,
    )

    try:
        try:
            return Workspace(path)
        except WorkspaceDamaged as exc:
            ws = Workspace(path, readonly=True)
            ws.store.damage = str(exc)
            return ws
        except WorkspaceReadOnly:  # a read-only folder or disk: shown, never changed
            ws = Workspace(path, readonly=True)
            ws.store.detach(translate("MainWindow", "the file or its folder is read-only"))
            return ws
    except WorkspaceError:
        raise
    except Exception as exc:  # a full disk, a read-only disk...: said plainly, or a bug
        said = plain_error(exc, str(path))
        if said is None:
            raise
        raise WorkspaceError(said) from exc


def restore_backup(window: MainWindow, backup: Path) -> None:
    """Put a backup in place of this workspace file: closed first, opened again after (the
    file it replaced is kept among the backups)."""
    from core.services.backups import restore

    path = window.path

    def swap(old, job):
        old.close()
        try:
            kept, failure = restore(path, backup), None
        except Exception as exc:  # noqa: BLE001 - said in the window once it is open again
            kept, failure = None, exc
        return open_for_window(path), kept, failure

    def done(result) -> None:
        ws, kept, failure = result
        window.workspace_opened(ws, path)
        if failure is not None:
            window.show_error(failure)
            return
        said = translate("MainWindow", "Restored %s from %s.") % (path, backup.name)
        if kept is not None:
            said += " " + translate("MainWindow", "The file it replaced is kept as %s.") % (
                kept.path.name)  # fmt: skip
        window.statusBar().showMessage(said)
        window.restored.emit(said)

    window.watch.known = None  # the file is about to be replaced: by us (see FileWatch)
    QueryOp(window, swap).success(done).run()
