"""``csp-reconciler [WORKSPACE] [--as-of DATE] [--screenshot FILE.png]``: the desktop application.

Without a workspace it opens the last one opened, else the default one the command line
uses too; on the very first start it offers to create the clerk's workspace or to explore
the demo (see :mod:`desktop.first_start`).  On macOS a workspace double-clicked in the
Finder reaches the running application as a file-open event.  ``--screenshot`` opens the
window, waits until the workspace is loaded, saves a picture of the window and exits 0.
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import sys
import traceback
from datetime import date
from pathlib import Path


def log_folder() -> Path:
    from platformdirs import user_log_dir

    folder = Path(user_log_dir("CSP Reconciler", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _logging() -> Path:
    path = log_folder() / "csp-reconciler.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3,
                                                   encoding="utf-8")  # fmt: skip
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler])
    return path


def demo_workspace() -> Path:
    from platformdirs import user_data_dir

    from core.demo import write_demo

    folder = Path(user_data_dir("CSP Reconciler", appauthor=False)) / "demo"
    db = folder / "workspace.db"
    if not db.exists():
        write_demo(folder)
    return db


def workspace_location(text: str) -> Path | str:
    from core.workspace import location

    return location(text)


class FileOpened:
    """The workspace files the system asks the application to open (macOS: a double-click
    in the Finder, a file dropped on the Dock icon): opened in the window, or kept until it
    exists."""

    def __init__(self, app) -> None:
        from PySide6.QtCore import QObject

        self.window = None
        self.pending: list[Path] = []

        class Filter(QObject):
            def eventFilter(inner, _obj, event) -> bool:  # Qt's signature
                return self.event(event)

        self.filter = Filter(app)
        app.installEventFilter(self.filter)

    def event(self, event) -> bool:
        from PySide6.QtCore import QEvent

        if event.type() != QEvent.Type.FileOpen:
            return False
        path = Path(event.file())
        if self.window is not None:
            self.window.open_workspace(path)
        else:
            self.pending.append(path)
        return True

    def take(self) -> Path | None:
        return self.pending.pop() if self.pending else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="csp-reconciler")
    parser.add_argument("workspace", nargs="?", type=workspace_location,
                        help="a workspace file, or a team workspace: "
                        "postgresql+psycopg://USER@HOST:PORT/DBNAME")  # fmt: skip
    parser.add_argument("--as-of", type=date.fromisoformat, default=None)
    parser.add_argument("--screenshot", type=Path, default=None, metavar="FILE.png")
    parser.add_argument(
        "--language",
        choices=("en", "fr"),
        default=None,
        help="interface language (default: the preferences, else the system's)",
    )
    args = parser.parse_args(argv)
    log_path = _logging()
    import os

    headless = (
        sys.platform.startswith("linux")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
        and not os.environ.get("QT_QPA_PLATFORM")
    )
    from desktop.first_start import starting_workspace

    workspace = starting_workspace(args.workspace)
    if workspace is None and (headless or args.screenshot):
        workspace = demo_workspace()  # nobody to ask: the demo, as before
    if headless:
        # No screen (a server, CI): draw the window offscreen and leave a picture of it.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        args.screenshot = args.screenshot or (
            workspace.with_name("window.png") if isinstance(workspace, Path) else Path("window.png")
        )
        print(
            f"csp-reconciler: no display here; the window is drawn offscreen and saved as "
            f"{args.screenshot} (run it in a desktop session to use it)",
            file=sys.stderr,
        )

    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("CSP Reconciler")
    opened = FileOpened(app)
    # the desktop entry's name (installer/build.py): the window groups with its launcher
    app.setDesktopFileName("csp-reconciler")
    from desktop import i18n

    i18n.install(app, args.language or i18n.chosen_language())

    def excepthook(kind, value, tb) -> None:
        logging.getLogger("desktop").error("".join(traceback.format_exception(kind, value, tb)))
        message = f"Something went wrong: {value}\n\nDetails are in {log_path}"
        QMessageBox.critical(None, "CSP Reconciler", message)

    sys.excepthook = excepthook
    from core.errors import WorkspaceError

    if workspace is None:
        from desktop.first_start import first_start

        workspace = opened.take() or first_start()
        if workspace is None:
            return 0  # closed without choosing
    try:
        window = MainWindow(workspace, args.as_of)
    except WorkspaceError as exc:  # a team server out of reach, a workspace in use...
        QMessageBox.critical(None, "CSP Reconciler", str(exc))
        return 2
    opened.window = window
    if args.screenshot:
        window.screenshot_when_loaded(args.screenshot, app)
    window.show()
    return app.exec()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
