"""Keep a full archive disk from losing images silently.

pynetdicom writes an incoming dataset to the archive's disk as its PDUs
arrive, before any handler of ours runs; when the disk fills up there, the
association thread dies with ENOSPC and the device only sees an abort.  So the
node refuses new associations while free space is below ``dicom.min_free_mb``
(the device retries later; nothing already received is touched), and a thread
that still dies of ENOSPC is reported as a full disk, in words, not only as a
traceback.
"""

from __future__ import annotations

import errno
import logging
import shutil
import threading
from pathlib import Path

from ..problems import ProblemKind, problem

LOGGER = logging.getLogger(__name__)
_install_lock = threading.Lock()
_installed = False


def free_mb(path: Path) -> float:
    """Free space on the disk holding ``path``, in MB (of 2**20 bytes)."""
    return shutil.disk_usage(path).free / 2**20


def disk_is_low(path: Path, min_free_mb: int) -> float | None:
    """The free MB when below ``min_free_mb``, else None."""
    free = free_mb(path)
    return free if free < min_free_mb else None


def watch_thread_deaths() -> None:
    """Report threads that die of ENOSPC as a full disk (installed once per process)."""
    global _installed
    with _install_lock:
        if _installed:
            return
        previous = threading.excepthook

        def hook(args: threading.ExceptHookArgs) -> None:
            exc = args.exc_value
            if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
                name = args.thread.name if args.thread else "?"
                LOGGER.error("the disk filled up during a transfer (thread %s): %s; the "
                             "sender was cut off and must send again", name, exc,
                             exc_info=(args.exc_type, exc, args.exc_traceback),
                             extra=problem(ProblemKind.DISK_FULL, peer="?"))
                return
            previous(args)

        threading.excepthook = hook
        _installed = True
