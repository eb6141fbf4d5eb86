"""`run_in_background`: the one way the desk runs long work (import, extraction) off the GUI thread.

The work function gets a `Job` and may call `job.progress(done, total, label)`, `job.emit(item)` and check
`job.cancelled`. Every callback (on_item, on_progress, on_done, on_error) runs in the GUI thread, through queued
signals of a QObject that lives there; the work function itself must never touch widgets or the project.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot


class Job(QObject):
    _progress = Signal(int, int, str)
    _item = Signal(object)
    _done = Signal(object)
    _error = Signal(object, str)
    finished = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._cancel = threading.Event()
        self.on_item: Callable[[Any], None] | None = None
        self.on_progress: Callable[[int, int, str], None] | None = None
        self.on_done: Callable[[Any], None] | None = None
        self.on_error: Callable[[BaseException, str], None] | None = None
        self.running = True
        q = Qt.ConnectionType.QueuedConnection
        self._progress.connect(self._deliver_progress, q)
        self._item.connect(self._deliver_item, q)
        self._done.connect(self._deliver_done, q)
        self._error.connect(self._deliver_error, q)

    # -- called from the worker thread
    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def progress(self, done: int, total: int, label: str = "") -> None:
        self._progress.emit(done, total, label)

    def emit(self, item: Any) -> None:
        self._item.emit(item)

    # -- called from the GUI thread
    def cancel(self) -> None:
        self._cancel.set()

    @Slot(int, int, str)
    def _deliver_progress(self, done: int, total: int, label: str) -> None:
        if self.on_progress:
            self.on_progress(done, total, label)

    @Slot(object)
    def _deliver_item(self, item: Any) -> None:
        if self.on_item:
            self.on_item(item)

    @Slot(object)
    def _deliver_done(self, result: Any) -> None:
        self.running = False
        try:
            if self.on_done:
                self.on_done(result)
        finally:
            self.finished.emit()

    @Slot(object, str)
    def _deliver_error(self, exc: BaseException, tb: str) -> None:
        self.running = False
        try:
            if self.on_error:
                self.on_error(exc, tb)
        finally:
            self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Job], Any], job: Job) -> None:
        super().__init__()
        self.fn = fn
        self.job = job
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(self.job)
        except BaseException as exc:
            self.job._error.emit(exc, traceback.format_exc())
        else:
            self.job._done.emit(result)


def run_in_background(
    fn: Callable[[Job], Any],
    *,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException, str], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    on_item: Callable[[Any], None] | None = None,
    pool: QThreadPool | None = None,
) -> Job:
    job = Job()
    job.on_done, job.on_error, job.on_progress, job.on_item = on_done, on_error, on_progress, on_item
    (pool or QThreadPool.globalInstance()).start(_Runnable(fn, job))
    return job
