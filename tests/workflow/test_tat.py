"""Turnaround time segments and the green/amber/red status against the target."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tiered_workstation.storage.enums import ExamState as S
from tiered_workstation.workflow.tat import TatStatus, compute_tat, format_duration

T0 = datetime(2026, 11, 28, 0, 30, tzinfo=UTC)
TARGET = timedelta(minutes=30)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


FULL = [(S.REGISTERED, at(0)), (S.SCHEDULED, at(1)), (S.IN_PROGRESS, at(3)),
        (S.ACQUIRED, at(8)), (S.TRANSFERRED, at(10)), (S.ASSIGNED, at(12)),
        (S.PRELIMINARY, at(18)), (S.IN_CONSULTATION, at(20)), (S.PRELIMINARY, at(23)),
        (S.FINAL, at(26)), (S.PRINTED, at(27))]


def test_segments_use_first_arrival_in_each_state() -> None:
    tat = compute_tat(FULL, TARGET, now=at(60))
    durations = {s.label: s.duration for s in tat.segments}
    assert durations == {
        "Acquisition": timedelta(minutes=8), "Transfer to center": timedelta(minutes=2),
        "Triage": timedelta(minutes=2), "Preliminary report": timedelta(minutes=6),
        "Review and sign-off": timedelta(minutes=8), "Printing": timedelta(minutes=1)}
    assert tat.elapsed == timedelta(minutes=27)
    assert tat.finished
    assert tat.status is TatStatus.MET


@pytest.mark.parametrize(("now_minutes", "status"), [
    (10, TatStatus.ON_TRACK), (23.9, TatStatus.ON_TRACK), (24, TatStatus.AT_RISK),
    (29.9, TatStatus.AT_RISK), (30, TatStatus.OVERDUE), (90, TatStatus.OVERDUE)])
def test_open_exam_status_by_elapsed_time(now_minutes: float, status: TatStatus) -> None:
    tat = compute_tat(FULL[:5], TARGET, now=at(now_minutes))
    assert tat.status is status
    assert not tat.finished
    assert tat.segments[2].duration is None  # triage not done yet


def test_printed_late_is_missed() -> None:
    late = [*FULL[:-1], (S.PRINTED, at(45))]
    assert compute_tat(late, TARGET, now=at(50)).status is TatStatus.MISSED


def test_timeline_without_registration_is_an_error() -> None:
    with pytest.raises(ValueError, match="no registration"):
        compute_tat([(S.ACQUIRED, at(1))], TARGET, now=at(2))


def test_duration_formatting() -> None:
    assert format_duration(timedelta(minutes=12, seconds=5)) == "12 min 05 s"
    assert format_duration(timedelta(hours=1, minutes=2)) == "1 h 02 min"
    assert format_duration(None) == "—"
