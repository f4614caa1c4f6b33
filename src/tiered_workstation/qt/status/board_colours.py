"""The board's colours, as plain values (no Qt): what each colour means, per theme.

Two families never mix. Turnaround (green, amber, red) colours only the elapsed
column; the exam's state colours only the State column's text, in cool hues and
neutrals that cannot be mistaken for a turnaround colour. Every state has one
colour, shared only by the states that mean the same thing to a radiologist
(e.g. *Signed* and *Printed*: the report is done). Each colour is readable as
small text (WCAG contrast ≥ 4.5) on its theme's table rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ...storage.enums import ExamState
from ...workflow.tat import TatStatus

LIGHT, DARK = "light", "dark"  # the names of qt.theme's themes


class Meaning(StrEnum):
    """What a state says about the exam's place in the loop."""

    WAITING = "waiting"  # registered or booked, not imaged yet
    IMAGING = "imaging"  # on the modality, or images taken at the site
    TO_READ = "to_read"  # at the center, waiting for (or given to) a reader
    READING = "reading"  # a preliminary report exists: being reviewed or discussed
    REPORTED = "reported"  # signed (and maybe printed): done
    CANCELLED = "cancelled"


STATE_MEANING: dict[ExamState, Meaning] = {
    ExamState.REGISTERED: Meaning.WAITING,
    ExamState.SCHEDULED: Meaning.WAITING,
    ExamState.IN_PROGRESS: Meaning.IMAGING,
    ExamState.ACQUIRED: Meaning.IMAGING,
    ExamState.TRANSFERRED: Meaning.TO_READ,
    ExamState.ASSIGNED: Meaning.TO_READ,
    ExamState.PRELIMINARY: Meaning.READING,
    ExamState.IN_CONSULTATION: Meaning.READING,
    ExamState.FINAL: Meaning.REPORTED,
    ExamState.PRINTED: Meaning.REPORTED,
    ExamState.CANCELLED: Meaning.CANCELLED,
}

# waiting is the table's own text colour: nothing has happened yet
MEANING_COLOURS: dict[str, dict[Meaning, str]] = {
    LIGHT: {Meaning.WAITING: "#1d2733", Meaning.IMAGING: "#00727a",
            Meaning.TO_READ: "#4a45d0", Meaning.READING: "#9b2a9b",
            Meaning.REPORTED: "#1b5e9e", Meaning.CANCELLED: "#6b717a"},
    DARK: {Meaning.WAITING: "#e3e8ee", Meaning.IMAGING: "#4fc9cf",
           Meaning.TO_READ: "#a3a8ff", Meaning.READING: "#ea94e0",
           Meaning.REPORTED: "#6fb1f0", Meaning.CANCELLED: "#8d939c"},
}

# (text, cell background or None): the elapsed column
TAT_COLOURS: dict[TatStatus, tuple[str, str | None]] = {
    TatStatus.ON_TRACK: ("#17703a", "#e3f4e8"),
    TatStatus.AT_RISK: ("#8a5a00", "#fff1cc"),
    TatStatus.OVERDUE: ("#b3261e", "#fde3e1"),
    TatStatus.MET: ("#4d6b57", None),
    TatStatus.MISSED: ("#8c3b36", None),
}
TAT_COLOURS_DARK: dict[TatStatus, tuple[str, str | None]] = {
    TatStatus.ON_TRACK: ("#7fd49a", "#183826"),
    TatStatus.AT_RISK: ("#f2c35b", "#3d3114"),
    TatStatus.OVERDUE: ("#ff8a80", "#4a1d1a"),
    TatStatus.MET: ("#8fb59b", None),
    TatStatus.MISSED: ("#e0857d", None),
}

# the "!" of an urgent or STAT exam: alarm red, like overdue
URGENT_COLOURS = {LIGHT: "#b3261e", DARK: "#ff8a80"}


@dataclass(frozen=True)
class BoardColours:
    tat: dict[TatStatus, tuple[str, str | None]]
    state: dict[ExamState, str]
    urgent: str


def board_colours(theme: str) -> BoardColours:
    """The board's colours on theme ``theme`` (light unless it is the dark one)."""
    theme = DARK if theme == DARK else LIGHT
    meanings = MEANING_COLOURS[theme]
    return BoardColours(tat=TAT_COLOURS_DARK if theme == DARK else TAT_COLOURS,
                        state={s: meanings[m] for s, m in STATE_MEANING.items()},
                        urgent=URGENT_COLOURS[theme])


STATE_COLOURS = board_colours(LIGHT).state
STATE_COLOURS_DARK = board_colours(DARK).state


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#rrggbb``."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    value = colour.lstrip("#")
    r, g, b = (int(value[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two colours, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)),
                             reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
