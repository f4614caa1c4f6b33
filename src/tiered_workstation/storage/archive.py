"""The DICOM file archive: files keyed by UIDs, written atomically and durably.

A file is first complete in a temporary name in the archive's own folder, is
fsync'd, then renamed into place, and the directory entry is fsync'd — so
after a crash a file either exists whole or not at all.  Files are stored as
received; the archive never re-encodes a dataset.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
from pathlib import Path
from typing import BinaryIO

from .files import fsync_dir, write_atomically

INCOMING = ".incoming"


def _safe(uid: str) -> str:
    if not uid or not all(c.isdigit() or c == "." for c in uid) or len(uid) > 64:
        raise ValueError(f"{uid!r} is not a valid DICOM UID")
    return uid


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


class DicomArchive:
    """Files under ``root/<study>/<series>/<sop>[.vN].dcm``."""

    def __init__(self, root: Path):
        self.root = root
        self.incoming = root / INCOMING
        self.incoming.mkdir(parents=True, exist_ok=True)

    def clear_incoming(self) -> int:
        """Delete partial files of transfers that never finished; returns how many."""
        removed = 0
        for leftover in self.incoming.iterdir():
            if leftover.is_file():
                leftover.unlink(missing_ok=True)
                removed += 1
        return removed

    def relative_path(self, study_uid: str, series_uid: str, sop_uid: str,
                      version: int = 1) -> Path:
        suffix = "" if version == 1 else f".v{version}"
        return Path(_safe(study_uid), _safe(series_uid), f"{_safe(sop_uid)}{suffix}.dcm")

    def absolute(self, relative: str | Path) -> Path:
        return self.root / relative

    def adopt(self, source: Path, relative: Path) -> Path:
        """Move a complete file into the archive (rename when on the same disk)."""
        target = self.root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(source, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.replace(source, target)
        except OSError as exc:
            if exc.errno != errno.EXDEV:
                raise
            self._copy_in(source, target)
        fsync_dir(target.parent)
        return target

    def write_bytes(self, data: bytes, relative: Path) -> Path:
        """Write ``data`` atomically to ``relative`` (temp file + fsync + rename)."""
        return write_atomically(self.root / relative, lambda out: out.write(data),
                                temp_dir=self.incoming)

    def _copy_in(self, source: Path, target: Path) -> None:
        def copy(out: BinaryIO) -> None:
            with source.open("rb") as src:
                shutil.copyfileobj(src, out, 1 << 20)

        write_atomically(target, copy, temp_dir=self.incoming)
