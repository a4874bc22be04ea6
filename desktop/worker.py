"""Long work leaves the GUI thread through one mechanism: a single worker thread.

Every workspace call (load, import, allocate, undo, export) is a job run one
at a time on the worker, so the database is never used from two threads and
the window never freezes.  A job gets a ``Job`` handle to report progress and
to ask whether the clerk pressed Cancel; its result or its failure comes back
to the GUI thread by signal.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


@dataclass
class Job:
    id: int
    fn: Callable[[Job], object]
    on_done: Callable[[object], None] | None = None
    on_error: Callable[[BaseException], None] | None = None
    on_progress: Callable[[int, int], None] | None = None
    cancel: threading.Event = field(default_factory=threading.Event)
    worker: Worker | None = None

    def progress(self, done: int, total: int) -> None:
        if self.worker is not None:
            self.worker.progressed.emit(self.id, done, total)

    def cancelled(self) -> bool:
        return self.cancel.is_set()


class Worker(QObject):
    """A daemon thread taking jobs from a queue; results come back as signals."""

    finished = Signal(int, object)
    failed = Signal(int, object)
    progressed = Signal(int, int, int)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._jobs: dict[int, Job] = {}
        self._ids = itertools.count(1)
        self.finished.connect(self._on_finished)
        self.failed.connect(self._on_failed)
        self.progressed.connect(self._on_progress)
        self._thread = threading.Thread(target=self._run, name="workspace-worker", daemon=True)
        self._thread.start()

    def submit(
        self,
        fn: Callable[[Job], object],
        on_done: Callable[[object], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> Job:
        job = Job(next(self._ids), fn, on_done, on_error, on_progress, worker=self)
        self._jobs[job.id] = job
        self.busy_changed.emit(True)
        self._queue.put(job)
        return job

    def stop(self) -> None:
        self._queue.put(None)
        self._thread.join(timeout=10)

    def idle(self) -> bool:
        return not self._jobs

    def _run(self) -> None:
        while (job := self._queue.get()) is not None:
            try:
                result = job.fn(job)
            except BaseException as exc:
                log.debug("job %s failed", job.id, exc_info=True)
                self.failed.emit(job.id, exc)
            else:
                self.finished.emit(job.id, result)

    def _on_finished(self, job_id: int, result: object) -> None:
        job = self._jobs.pop(job_id, None)
        if job and job.on_done:
            job.on_done(result)
        self.busy_changed.emit(bool(self._jobs))

    def _on_failed(self, job_id: int, exc: object) -> None:
        job = self._jobs.pop(job_id, None)
        if job and job.on_error:
            job.on_error(exc)  # type: ignore[arg-type]
        self.busy_changed.emit(bool(self._jobs))

    def _on_progress(self, job_id: int, done: int, total: int) -> None:
        job = self._jobs.get(job_id)
        if job and job.on_progress:
            job.on_progress(done, total)
