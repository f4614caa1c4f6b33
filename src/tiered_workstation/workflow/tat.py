"""Turnaround time: how long each segment of the closed loop took, against the target."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from ..storage.enums import ExamState

S = ExamState
# (label, segment starts when the exam first reaches, ends when it first reaches)
SEGMENTS: tuple[tuple[str, ExamState, ExamState], ...] = (
    ("Acquisition", S.REGISTERED, S.ACQUIRED),
    ("Transfer to center", S.ACQUIRED, S.TRANSFERRED),
    ("Triage", S.TRANSFERRED, S.ASSIGNED),
    ("Preliminary report", S.ASSIGNED, S.PRELIMINARY),
    ("Review and sign-off", S.PRELIMINARY, S.FINAL),
    ("Printing", S.FINAL, S.PRINTED),
)
AT_RISK_FRACTION = 0.8


class TatStatus(StrEnum):
    ON_TRACK = "on_track"  # green
    AT_RISK = "at_risk"  # amber: past 80 % of the target
    OVERDUE = "overdue"  # red: target passed, not printed yet
    MET = "met"  # printed within the target
    MISSED = "missed"  # printed after the target


@dataclass(frozen=True)
class TatSegment:
    label: str
    start: datetime | None
    end: datetime | None

    @property
    def duration(self) -> timedelta | None:
        return self.end - self.start if self.start and self.end else None


@dataclass(frozen=True)
class TatReport:
    segments: tuple[TatSegment, ...]
    elapsed: timedelta
    target: timedelta
    finished: bool
    status: TatStatus


def first_reached(steps: Iterable[tuple[ExamState, datetime]]) -> dict[ExamState, datetime]:
    """The first time each state was entered, from (state, time) timeline entries."""
    reached: dict[ExamState, datetime] = {}
    for state, at in sorted(steps, key=lambda step: step[1]):
        reached.setdefault(state, at)
    return reached


def compute_tat(steps: Iterable[tuple[ExamState, datetime]], target: timedelta,
                now: datetime) -> TatReport:
    """Segment durations and status of one exam's loop, registration → printed."""
    reached = first_reached(steps)
    start = reached.get(S.REGISTERED)
    if start is None:
        raise ValueError("the timeline has no registration")
    end = reached.get(S.PRINTED)
    elapsed = (end or now) - start
    segments = tuple(TatSegment(label, reached.get(a), reached.get(b)) for label, a, b in SEGMENTS)
    if end is not None:
        status = TatStatus.MET if elapsed <= target else TatStatus.MISSED
    elif elapsed >= target:
        status = TatStatus.OVERDUE
    elif elapsed >= target * AT_RISK_FRACTION:
        status = TatStatus.AT_RISK
    else:
        status = TatStatus.ON_TRACK
    return TatReport(segments, elapsed, target, end is not None, status)


def format_duration(value: timedelta | None) -> str:
    """``12 min 05 s`` / ``1 h 02 min`` / ``—``."""
    if value is None:
        return "—"
    seconds = int(value.total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    return f"{minutes} min {secs:02d} s"
