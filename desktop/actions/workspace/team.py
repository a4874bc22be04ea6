"""Team workspaces: connecting to one, and seeing other clerks' changes as they happen."""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from desktop.operations import translate

if TYPE_CHECKING:  # pragma: no cover
    from desktop.main_window import MainWindow

log = logging.getLogger(__name__)


def connect_team(window: MainWindow) -> None:
    """File > Connect to a team workspace."""
    from desktop.actions.workspace.files import open_workspace
    from desktop.team_dialog import ConnectDialog

    dialog = ConnectDialog(window)
    window.connect_dialog = dialog

    def accepted() -> None:
        dialog.keep()
        open_workspace(window, dialog.url().render_as_string(hide_password=False))

    dialog.accepted.connect(accepted)
    dialog.open()


class LiveView:
    """On a team workspace, listen for other clerks' changes (a thread of its own with its
    own server connection) and show them by refreshing, a burst at a time."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._stop: threading.Event | None = None
        window.others_changed.connect(self._others_changed)

    def start(self) -> None:
        self.stop()
        ws = self.window.ws
        if ws.url is None:
            return
        stop = self._stop = threading.Event()
        threading.Thread(target=ws.listen, name="live-view", daemon=True,
                         args=(self.window.others_changed.emit, stop)).start()  # fmt: skip

    def stop(self) -> None:
        if self._stop is not None:
            self._stop.set()
            self._stop = None

    def _others_changed(self, what: list) -> None:
        log.info("changes by other clerks: %s", ", ".join(what[:10]))
        self.window.live_refreshes += 1
        said = translate(
            "MainWindow", "Other clerks changed the workspace: the lists are up to date"
        )
        self.window.refresh(said)
