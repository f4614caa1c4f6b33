"""Column padding that respects terminal width of Chinese characters (two cells each)."""

from __future__ import annotations

import unicodedata


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def pad(text: str, width: int) -> str:
    """``text`` left-aligned in ``width`` terminal cells (never cut)."""
    return text + " " * max(0, width - display_width(text))
