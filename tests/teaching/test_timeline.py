"""A lesson's timeline of viewer actions replays to the viewer state at any moment."""

from __future__ import annotations

import pytest

from tiered_workstation.teaching.timeline import (
    ActionKind,
    Timeline,
    TimelineError,
    TimelineRecorder,
    ViewerState,
)


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _recorded() -> Timeline:
    clock = Clock()
    recorder = TimelineRecorder(clock)
    recorder.record(ActionKind.SLICE, index=9)  # before start: just using the viewer
    recorder.start()
    recorder.record(ActionKind.SERIES, series="1.2.3")
    for n, index in enumerate((10, 11, 12, 13)):  # a scroll: each step a second apart
        clock.now = 101.0 + n
        recorder.record(ActionKind.SLICE, index=index)
    clock.now = 105.0
    recorder.record(ActionKind.WINDOW, center=-600, width=1500)
    clock.now = 105.01  # a drag of the window within 40 ms: one action, its end kept
    recorder.record(ActionKind.WINDOW, center=-550, width=1400)
    clock.now = 106.5
    recorder.record(ActionKind.MARK, x=120.5, y=88, label="结节")
    clock.now = 108.0
    recorder.record(ActionKind.ZOOM, factor=2)
    recorder.record(ActionKind.PAN, x=30, y=-12)
    clock.now = 110.0
    recorder.record(ActionKind.CLEAR)
    return recorder.stop()


def test_the_state_at_any_moment_follows_the_teacher() -> None:
    timeline = _recorded()
    assert timeline.duration_ms == 10_000
    assert timeline.state_at(0) == ViewerState(series="1.2.3")
    assert timeline.state_at(2_500).index == 11
    at_six = timeline.state_at(6_000)
    assert (at_six.index, at_six.center, at_six.width) == (13, -550.0, 1400.0)
    assert at_six.marks == ()
    at_seven = timeline.state_at(7_000)
    assert [(m.x, m.y, m.label) for m in at_seven.marks] == [(120.5, 88.0, "结节")]
    at_nine = timeline.state_at(9_000)
    assert (at_nine.zoom, at_nine.pan) == (2.0, (30.0, -12.0))
    assert timeline.state_at(10_000).marks == ()
    assert len([a for a in timeline.actions if a.kind is ActionKind.WINDOW]) == 1


def test_the_timeline_survives_storage_and_refuses_nonsense() -> None:
    timeline = _recorded()
    again = Timeline.from_json(timeline.to_json())
    assert again == timeline
    assert "结节" in timeline.to_json()  # stored readable, not escaped
    with pytest.raises(TimelineError, match="back in time"):
        Timeline.from_json('[{"at_ms": 5, "kind": "slice", "values": {"index": 1}},'
                           ' {"at_ms": 2, "kind": "slice", "values": {"index": 2}}]')
    with pytest.raises(TimelineError, match="cannot be read"):
        Timeline.from_json('[{"at_ms": 1, "kind": "teleport"}]')
    assert Timeline.from_json("").duration_ms == 0
