"""Character-level differences between report texts, readable in Chinese and English.

Chinese has no spaces, so the unit of comparison is the character; runs of
Latin letters and digits stay whole so an English edit shows as changed
words, not scattered letters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

_TOKEN_RE = re.compile(r"[A-Za-z0-9]+(?:[.'][A-Za-z0-9]+)*|\s+|.", re.DOTALL)


class DiffOp(StrEnum):
    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


@dataclass(frozen=True)
class DiffSegment:
    op: DiffOp
    text: str


def tokenize(text: str) -> list[str]:
    """Split into single CJK/punctuation characters, whitespace runs and Latin words."""
    return _TOKEN_RE.findall(text)


def diff_text(old: str, new: str) -> list[DiffSegment]:
    """Segments that turn ``old`` into ``new`` (a replacement is a delete then an insert)."""
    a, b = tokenize(old), tokenize(new)
    matcher = SequenceMatcher(a=a, b=b, autojunk=False)
    segments: list[DiffSegment] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _append(segments, DiffOp.EQUAL, "".join(a[i1:i2]))
            continue
        if tag in ("delete", "replace"):
            _append(segments, DiffOp.DELETE, "".join(a[i1:i2]))
        if tag in ("insert", "replace"):
            _append(segments, DiffOp.INSERT, "".join(b[j1:j2]))
    return segments


def _append(segments: list[DiffSegment], op: DiffOp, text: str) -> None:
    if not text:
        return
    if segments and segments[-1].op is op:
        segments[-1] = DiffSegment(op, segments[-1].text + text)
    else:
        segments.append(DiffSegment(op, text))


def apply_old(segments: list[DiffSegment]) -> str:
    return "".join(s.text for s in segments if s.op is not DiffOp.INSERT)


def apply_new(segments: list[DiffSegment]) -> str:
    return "".join(s.text for s in segments if s.op is not DiffOp.DELETE)


def render_marked(segments: list[DiffSegment]) -> str:
    """Plain-text rendering: ``[-deleted-]`` and ``{+inserted+}``."""
    marks = {DiffOp.EQUAL: "{}", DiffOp.DELETE: "[-{}-]", DiffOp.INSERT: "{{+{}+}}"}
    return "".join(marks[s.op].format(s.text) for s in segments)


@dataclass(frozen=True)
class ReportDiff:
    findings: list[DiffSegment]
    impression: list[DiffSegment]

    @property
    def changed(self) -> bool:
        return any(s.op is not DiffOp.EQUAL for s in (*self.findings, *self.impression))
