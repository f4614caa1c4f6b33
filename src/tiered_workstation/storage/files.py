"""Writing files so a crash leaves either the whole new file or the old one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def fsync_dir(path: Path) -> None:
    """Make a rename inside ``path`` durable."""
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(target: Path, produce: Callable[[BinaryIO], None], *,
                     temp_dir: Path | None = None, mode: int | None = None) -> Path:
    """Write via a temporary file (in ``temp_dir``, default the target's folder) that is
    fsync'd, then renamed over ``target``; the folder entry is fsync'd too."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=temp_dir or target.parent, prefix=f".{target.name}.",
                               suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            produce(handle)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_dir(target.parent)
    return target
