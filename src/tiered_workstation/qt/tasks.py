"""One task runner for the GUI: database work, network work, results on the GUI thread.

Database work runs one call at a time on a single thread (SQLite has one
writer anyway and ordering stays simple); network work runs on a small pool.
Callers chain what happens next, and the callbacks run on the GUI thread:

    tasks.db(load_rows, ...).success(model.set_rows).failure(show_error)

Widgets never start threads of their own; :meth:`TaskRunner.shutdown` joins
every thread the runner started, so the application exits with none left.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

LOGGER = logging.getLogger(__name__)


class Op:
    """A submitted task; attach what to do with its result on the GUI thread."""

    def __init__(self) -> None:
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self.future: Future[Any] | None = None

    def success(self, callback: Callable[[Any], None]) -> Op:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Op:
        self._on_failure = callback
        return self

    def _deliver(self, future: Future[Any]) -> None:
        error = future.exception()
        if error is None:
            if self._on_success is not None and _alive(self._on_success):
                self._on_success(future.result())
        elif self._on_failure is not None:
            if _alive(self._on_failure):
                self._on_failure(error)
        else:
            LOGGER.error("background task failed", exc_info=error)


def _alive(callback: Callable[..., None]) -> bool:
    """False for a method of a widget that was closed and deleted while its task ran:
    its result has no one left to show it to."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


class TaskRunner(QObject):
    """Runs callables off the GUI thread and hands results back to it."""

    _finished = Signal(object, object)  # (Op, Future), delivered on the GUI thread
    failed = Signal(str)  # a task without its own failure handler went wrong

    def __init__(self, parent: QObject | None = None, *, network_threads: int = 4) -> None:
        super().__init__(parent)
        self._db = ThreadPoolExecutor(1, thread_name_prefix="tw-db")
        self._net = ThreadPoolExecutor(network_threads, thread_name_prefix="tw-net")
        self._closed = False
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    def db(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Op:
        """Database work, serialised on one thread."""
        return self._submit(self._db, fn, args, kwargs)

    def net(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Op:
        """Network or other slow, independent work, on the pool."""
        return self._submit(self._net, fn, args, kwargs)

    def _submit(self, pool: ThreadPoolExecutor, fn: Callable[..., Any],
                args: tuple[Any, ...], kwargs: dict[str, Any]) -> Op:
        op = Op()
        if self._closed:
            LOGGER.warning("task %r not started: the application is closing", fn)
            return op
        op.future = pool.submit(fn, *args, **kwargs)
        op.future.add_done_callback(lambda future: self._finished.emit(op, future))
        return op

    @Slot(object, object)
    def _on_finished(self, op: Op, future: Future[Any]) -> None:
        if self._closed:
            return
        try:
            op._deliver(future)
        except Exception:
            LOGGER.exception("a task's result handler failed")

    def shutdown(self, *, wait: bool = True) -> None:
        """Refuse new tasks, drop queued ones and join the threads."""
        self._closed = True
        self._db.shutdown(wait=wait, cancel_futures=True)
        self._net.shutdown(wait=wait, cancel_futures=True)
