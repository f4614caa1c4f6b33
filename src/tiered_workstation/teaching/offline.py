"""Opening an offline case: its files stay encrypted on disk and are decrypted, when
the case is opened, into a private folder in memory (``/dev/shm``, mode 0700) that
is removed when the program closes it, so no plaintext image lands on the disk.
A case looked at online is fetched into the same folder and known until then."""

from __future__ import annotations

import atexit
import hashlib
import logging
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from ..security.at_rest import AtRestError, open_sealed
from .lessons import LessonSummary
from .library import CaseDetail
from .timeline import Timeline

LOGGER = logging.getLogger(__name__)
MEMORY = Path("/dev/shm")
PURPOSE = "teaching files at rest"  # the site key's purpose for these files
MEMORY_FREE_MIN = 512 << 20  # a small /dev/shm (a container's 64 MB) would fill up


def _roomy(folder: Path) -> bool:
    if not (folder.is_dir() and os.access(folder, os.W_OK)):
        return False
    stat = os.statvfs(folder)
    return stat.f_bavail * stat.f_frsize >= MEMORY_FREE_MIN


@dataclass(frozen=True)
class OnlineVisit:
    """A case of the center's library looked at online: fetched into memory, not kept."""

    detail: CaseDetail
    files: list[Path]
    lessons: list[tuple[LessonSummary, Path | str, Timeline]]  # a file, or a stream's URL


class OfflineVault:
    """Decrypted views of offline files, one per encrypted file, made on first use."""

    def __init__(self, teaching_dir: Path, key: bytes) -> None:
        self.teaching_dir = teaching_dir
        self.key = key
        self._lock = threading.Lock()
        self._folder: Path | None = None
        self._open: dict[str, Path] = {}
        self.visits: dict[str, OnlineVisit] = {}
        atexit.register(self.close)

    def _scratch(self) -> Path:
        if self._folder is None:
            base = MEMORY if _roomy(MEMORY) else None  # else a private temporary folder
            self._folder = Path(tempfile.mkdtemp(prefix="tiered-ws-offline-", dir=base))
            os.chmod(self._folder, 0o700)
        return self._folder

    def plain(self, name: str, suffix: str = ".dcm") -> Path:
        """The decrypted file of ``name`` (its path in the teaching archive); its chunks'
        tags prove it is what the download stored (checked against the center's SHA-256)."""
        with self._lock:
            done = self._open.get(name)
            if done is not None and done.exists():
                return done
            target = self._scratch() / (hashlib.sha1(name.encode()).hexdigest() + suffix)
            try:
                with open(target, "wb") as out:
                    for chunk in open_sealed(self.teaching_dir / name, self.key, name):
                        out.write(chunk)
            except (AtRestError, OSError):
                target.unlink(missing_ok=True)
                raise
            self._open[name] = target
            return target

    def memory_folder(self) -> Path:
        """The private folder in memory (for a case looked at online, not kept)."""
        with self._lock:
            return self._scratch()

    def close(self) -> None:
        with self._lock:
            if self._folder is not None:
                shutil.rmtree(self._folder, ignore_errors=True)
                LOGGER.debug("removed the decrypted offline files in %s", self._folder)
            self._folder = None
            self._open.clear()
            self.visits.clear()
