"""Every workspace call of the window goes through here, one way (Anki's aqt.operations).

``QueryOp`` reads: the call runs on the window's worker thread (:mod:`desktop.worker`)
and its result comes back to ``success`` on the GUI thread.  ``CollectionOp`` changes the
workspace: on success the :class:`~core.changes.Change` it returns is applied, its
``lines`` shown (status bar, or a summary box) and only what its ``touched`` names read
again.  A failure of either goes to the window's one error channel (``show_error``).

An action is then a few lines: read the widget, build an op over one service call, run it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from core.changes import Change

if TYPE_CHECKING:  # pragma: no cover
    from desktop.main_window import MainWindow
    from desktop.worker import Job

#: ``translate("MainWindow", "text")``: the actions speak in the window's name, so that one
#: translation context serves the shell and its actions (pyside6-lupdate reads the literal).
translate = QCoreApplication.translate

Call = Callable[[Any, "Job"], Any]


class QueryOp:
    """Read from the workspace off the GUI thread; ``success`` gets the result."""

    def __init__(self, window: MainWindow, call: Call) -> None:
        self.window = window
        self.call = call
        self._success: Callable[[Any], None] | None = None
        self._progress: QProgressDialog | None = None

    def success(self, fn: Callable[[Any], None]) -> QueryOp:
        self._success = fn
        return self

    def with_progress(self, label: str) -> QueryOp:
        """A progress bar with Cancel while it runs (shown after 300 ms)."""
        dialog = QProgressDialog(label, translate("MainWindow", "Cancel"), 0, 0, self.window)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        self._progress = dialog
        return self

    @property
    def progress_dialog(self) -> QProgressDialog | None:
        return self._progress

    def run(self) -> Job:
        ws, call = self.window.ws, self.call
        on_progress = self._show_progress if self._progress is not None else None
        job = self.window.worker.submit(lambda job: call(ws, job), self._done, self._failed,
                                        on_progress)  # fmt: skip
        if self._progress is not None:
            self._progress.canceled.connect(job.cancel.set)
        return job

    def _show_progress(self, done: int, total: int) -> None:
        assert self._progress is not None
        self._progress.setMaximum(max(total, 1))
        self._progress.setValue(min(done, total))

    def _finished(self) -> None:
        if self._progress is not None:
            self._progress.reset()

    def _done(self, result: Any) -> None:
        self._finished()
        if self._success is not None:
            self._success(result)

    def _failed(self, exc: BaseException) -> None:
        self._finished()
        self.window.show_error(exc)


class CollectionOp(QueryOp):
    """Change the workspace off the GUI thread, then apply the :class:`Change` returned:
    its lines in the status bar (or a summary box), a refresh of what it touched only.
    ``success`` gets the change's ``result``.

    A refused change reads the lists again after saying why: what the clerk saw was
    likely out of date (another clerk's change, on a team workspace).
    """

    def __init__(self, window: MainWindow, call: Call) -> None:
        super().__init__(window, call)
        self._summary: Callable[[Change], object] | None = None

    def summary_box(self, title: str) -> CollectionOp:
        """Show the lines in a box (first line as its text, all of them as details)."""
        return self.summary_by(lambda change: show_summary(self.window, title, change.lines))

    def summary_by(self, show: Callable[[Change], object]) -> CollectionOp:
        """Show the change with ``show`` (a box of the action's own), not in the status
        bar."""
        self._summary = show
        return self

    def _failed(self, exc: BaseException) -> None:
        super()._failed(exc)
        self.window.refresh()

    def _done(self, result: Any) -> None:
        self._finished()
        change: Change = result
        if self._summary is not None:
            self._summary(change)
            self.window.apply_change(change, show_lines=False)
        else:
            self.window.apply_change(change)
        if self._success is not None:
            self._success(change.result)


def merged(action: str, changes: Iterable[Change], result: Any = None) -> Change:
    """Several changes made by one action (each file of an import, each setting saved) as
    one: their lines in order, everything they touched."""
    changes = list(changes)
    lines = tuple(line for c in changes for line in c.lines)
    touched = frozenset().union(*(c.touched for c in changes))
    return Change(action, lines, touched, result)


def show_summary(window: MainWindow, title: str, lines: Iterable[str], shown: str | None = None,
                 icon=QMessageBox.Icon.Information) -> QMessageBox:  # fmt: skip
    """What a change said, in a box: ``shown`` (else its first line), every line under
    Details."""
    lines = list(lines)
    window.last_summary = "\n".join(lines)
    box = QMessageBox(icon, title, title, parent=window)
    box.setDetailedText(window.last_summary)
    box.setText(shown or (lines[0] if lines else translate("MainWindow", "Nothing")))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    window.summary_box = box
    box.open()
    return box
