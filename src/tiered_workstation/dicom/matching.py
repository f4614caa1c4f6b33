"""Attribute matching of C-FIND keys as PS3.4 C.2.2.2 defines it (pure functions)."""

from __future__ import annotations

import re
from datetime import date, datetime


def is_universal(value: object) -> bool:
    """An empty key (or ``*`` alone) matches everything."""
    return value is None or str(value).strip() in ("", "*")


def wildcard_regex(pattern: str) -> re.Pattern[str]:
    """``*`` = any run of characters, ``?`` = one character; everything else literal."""
    parts = (".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern)
    return re.compile("".join(parts), re.DOTALL)


def match_text(pattern: object, *candidates: str) -> bool:
    """Single value or wildcard matching against any of ``candidates`` (case-sensitive
    per the standard, except that PN matching below is case-insensitive)."""
    if is_universal(pattern):
        return True
    regex = wildcard_regex(str(pattern).strip())
    return any(regex.fullmatch(c.strip()) for c in candidates if c is not None)


def match_person_name(pattern: object, *candidates: str) -> bool:
    """PN matching: wildcards, case-insensitive, with or without the '^' separators.

    ``张*`` matches 张三; ``Zhang^San``, ``ZHANG*`` and ``Zhang San`` match Zhang^San.
    A pattern with component groups (``Zhang^San=张^三``) matches on any group.
    """
    if is_universal(pattern):
        return True
    groups = [g for g in str(pattern).split("=") if g.strip("^ ")]
    forms: list[str] = []
    for candidate in candidates:
        if candidate:
            forms += [candidate, candidate.replace("^", ""), candidate.replace("^", " ")]
    for group in groups:
        g = group.rstrip("^ ")
        variants = {g, g.replace("^", ""), g.replace("^", " ")}
        for variant in variants:
            regex = re.compile(wildcard_regex(variant).pattern, re.IGNORECASE | re.DOTALL)
            if any(regex.fullmatch(f.strip()) for f in forms):
                return True
    return False


def parse_da(value: str) -> date:
    return datetime.strptime(value.strip(), "%Y%m%d").date()


def match_date_range(pattern: object, value: date | None) -> bool:
    """``20261128``, ``20261101-20261130``, ``-20261130`` or ``20261101-``."""
    if is_universal(pattern):
        return True
    if value is None:
        return False
    text = str(pattern).strip()
    if "-" not in text:
        return value == parse_da(text)
    start, _, end = text.partition("-")
    return ((not start.strip() or value >= parse_da(start))
            and (not end.strip() or value <= parse_da(end)))


def _hhmmss(value: str) -> str:
    digits = value.strip().split(".")[0]
    return (digits + "000000")[:6]


def match_time_range(pattern: object, value: str | None) -> bool:
    """``0800-1200``, ``0930``, ``-1200`` or ``0800-`` against an HHMMSS value."""
    if is_universal(pattern):
        return True
    if not value:
        return False
    text, actual = str(pattern).strip(), _hhmmss(value)
    if "-" not in text:
        return actual.startswith(text.split(".")[0])
    start, _, end = text.partition("-")
    return ((not start.strip() or actual >= _hhmmss(start))
            and (not end.strip() or actual <= _hhmmss(end)))
