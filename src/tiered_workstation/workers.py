"""A background worker thread: do a round of work, sleep until woken or due, repeat.

The outbox delivery, the feed follower, the forwarder and the auto-printer
are all such loops; they differ only in what a round does and how long to wait.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

LOGGER = logging.getLogger(__name__)


class Worker:
    """Runs ``round()`` until stopped; ``round`` returns the seconds to wait before the
    next one (``wake()`` cuts the wait short).  An exception is logged and waited out."""

    def __init__(self, name: str, round_: Callable[[], float], *, error_wait: float = 5.0,
                 join_timeout: float = 30.0):
        self.name = name
        self._round = round_
        self._error_wait = error_wait
        self._join_timeout = join_timeout
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=self._join_timeout)
            self._thread = None

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds`` unless stopped; True if the worker is stopping."""
        return self._stop.wait(seconds)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                pause = self._round()
            except Exception:
                LOGGER.exception("%s: unexpected failure; trying again in %.0f s", self.name,
                                 self._error_wait)
                pause = self._error_wait
            self._wake.wait(pause)
            self._wake.clear()
