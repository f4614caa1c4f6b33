"""Column padding that respects terminal width of Chinese characters (two cells each)."""

from __future__ import annotations

import unicodedata


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def pad(text: str, width: int) -> str:
    """``text`` left-aligned in ``width`` terminal cells (never cut)."""
    return text + " " * max(0, width - display_width(text))


def table(header: tuple[str, ...], rows: list[tuple[str, ...]], gap: int = 2) -> list[str]:
    """Lines of a plain-text table whose columns are as wide as their widest cell."""
    widths = [max(display_width(row[i]) for row in (header, *rows)) for i in range(len(header))]
    return [(" " * gap).join(pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip()
            for row in (header, *rows)]
