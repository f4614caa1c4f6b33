"""The program's log, kept for the log viewer and watched for problems people must hear.

A logging handler on the ``tiered_workstation`` logger copies each record
(from any thread) into a ring buffer on the GUI thread; records tagged with a
``problems.ProblemKind`` are also announced through ``problem_reported``.
"""

from __future__ import annotations

import contextlib
import logging
import traceback
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime

from PySide6.QtCore import QObject, Qt, Signal, Slot

from ..problems import ProblemKind, problem_of

CAPACITY = 5000
LOGGER_NAME = "tiered_workstation"


@dataclass(frozen=True)
class LogEntry:
    at: datetime
    level: int
    source: str
    message: str
    details: str = ""
    problem: ProblemKind | None = None
    facts: dict[str, str] = field(default_factory=dict)

    @property
    def level_name(self) -> str:
        return logging.getLevelName(self.level)


def entry_of(record: logging.LogRecord) -> LogEntry:
    try:
        message = record.getMessage()
    except Exception:  # a broken format string must not lose the record
        message = f"{record.msg!r} {record.args!r}"
    details = ""
    if record.exc_info and record.exc_info[1] is not None:
        details = "".join(traceback.format_exception(*record.exc_info)).rstrip()
    tagged = problem_of(record)
    source = record.name.removeprefix(LOGGER_NAME + ".")
    return LogEntry(datetime.fromtimestamp(record.created, UTC), record.levelno, source,
                    message, details, tagged[0] if tagged else None,
                    tagged[1] if tagged else {})


class _Handler(logging.Handler):
    def __init__(self, sink: QtLogCapture) -> None:
        super().__init__(logging.INFO)
        self._sink = sink

    def emit(self, record: logging.LogRecord) -> None:
        with contextlib.suppress(RuntimeError):  # the capture is gone; a worker still logs
            self._sink._incoming.emit(entry_of(record))


class QtLogCapture(QObject):
    """Keeps the last ``capacity`` log entries; signals each one on the GUI thread."""

    captured = Signal(object)          # LogEntry
    problem_reported = Signal(object)  # LogEntry with a problem
    _incoming = Signal(object)

    def __init__(self, parent: QObject | None = None, *, capacity: int = CAPACITY) -> None:
        super().__init__(parent)
        self.entries: deque[LogEntry] = deque(maxlen=capacity)
        self._incoming.connect(self._store, Qt.ConnectionType.QueuedConnection)
        self._handler = _Handler(self)
        self._previous_level: int | None = None
        self._quietened: list[logging.Handler] = []

    def install(self) -> None:
        """Start capturing INFO and above without making the console any chattier."""
        logger = logging.getLogger(LOGGER_NAME)
        if self._handler in logger.handlers:
            return
        effective = logger.getEffectiveLevel()
        if effective > logging.INFO:
            self._previous_level = logger.level
            for handler in logging.getLogger().handlers:  # keep the console as it was
                if handler.level == logging.NOTSET:
                    handler.setLevel(effective)
                    self._quietened.append(handler)
            logger.setLevel(logging.INFO)
        logger.addHandler(self._handler)

    def remove(self) -> None:
        logger = logging.getLogger(LOGGER_NAME)
        logger.removeHandler(self._handler)
        if self._previous_level is not None:
            logger.setLevel(self._previous_level)
            self._previous_level = None
        for handler in self._quietened:
            handler.setLevel(logging.NOTSET)
        self._quietened.clear()

    @Slot(object)
    def _store(self, entry: LogEntry) -> None:
        self.entries.append(entry)
        self.captured.emit(entry)
        if entry.problem is not None:
            self.problem_reported.emit(entry)
