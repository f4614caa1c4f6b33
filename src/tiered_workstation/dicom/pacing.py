"""Faster response streams from pynetdicom.

pynetdicom's DUL thread sleeps ``_run_loop_delay`` (1 ms) whenever its queue
is empty, which paces a long C-FIND answer at about one response per
millisecond (measured: 3,047 worklist answers took 5 s, of which our handler
used 0.5 s).  While a handler streams responses we shorten that sleep, and
restore it afterwards so idle associations stay cheap.  ``_run_loop_delay`` is
a private attribute: if a pynetdicom release drops it, this does nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

STREAMING_DELAY_S = 0.00005


@contextmanager
def streaming(assoc: Any) -> Iterator[None]:
    dul = getattr(assoc, "dul", None)
    previous = getattr(dul, "_run_loop_delay", None)
    if previous is None:
        yield
        return
    dul._run_loop_delay = STREAMING_DELAY_S
    try:
        yield
    finally:
        dul._run_loop_delay = previous
