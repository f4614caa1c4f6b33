"""SHA-256 of archived files, computed off the association threads.

A file is durable (fsync + rename) and indexed before the sender hears
"stored"; its checksum is for integrity checks and duplicate detection, so it
is computed afterwards by one worker thread.  Rows whose checksum is still
empty after a crash are picked up again when the node starts.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable

from sqlalchemy import select, update

from ..storage.archive import DicomArchive, file_sha256
from ..storage.database import Database
from ..storage.imaging import Instance

LOGGER = logging.getLogger(__name__)
PENDING = ""  # Instance.sha256 before the worker has been there
QUIET_S = 0.5  # wait for this long without incoming images before hashing
_STOP = (-1, "")


class ChecksumWorker:
    def __init__(self, database: Database, archive: DicomArchive,
                 last_activity: Callable[[], float] = lambda: 0.0):
        self.database = database
        self.archive = archive
        self.last_activity = last_activity  # monotonic time of the last received image
        self._queue: queue.Queue[tuple[int, str]] = queue.Queue()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="tw-checksums", daemon=True)
        self._thread.start()
        with self.database.session() as session:
            pending = session.execute(select(Instance.id, Instance.path).where(
                Instance.sha256 == PENDING)).all()
        for row in pending:
            self.submit(row.id, row.path)
        if pending:
            LOGGER.info("computing %d checksums left from the last run", len(pending))

    def submit(self, instance_id: int, path: str) -> None:
        self._queue.put((instance_id, path))

    def wait_idle(self) -> None:
        """Block until every submitted file has its checksum (tests, shutdown)."""
        self._queue.join()

    def stop(self, timeout: float = 120) -> None:
        """Finish the files already queued, then stop."""
        if self._thread is None:
            return
        self._queue.put(_STOP)
        self._thread.join(timeout)
        self._thread = None

    def _wait_for_quiet(self) -> None:
        """Leave the two cores to receiving while images are streaming in."""
        for _ in range(600):  # at most ~5 minutes of postponing per file
            quiet_for = time.monotonic() - self.last_activity()
            if quiet_for >= QUIET_S:
                return
            time.sleep(QUIET_S - quiet_for)

    def _run(self) -> None:
        while True:
            instance_id, path = self._queue.get()
            try:
                if (instance_id, path) == _STOP:
                    return
                self._wait_for_quiet()
                digest = file_sha256(self.archive.absolute(path))
                with self.database.transaction() as session:
                    session.execute(update(Instance).where(
                        Instance.id == instance_id, Instance.sha256 == PENDING)
                        .values(sha256=digest))
            except Exception:
                LOGGER.exception("could not checksum archived file %s", path)
            finally:
                self._queue.task_done()
