"""A lesson's timeline: what the teacher did in the viewer, and when, beside the voice.

Recording keeps each viewer action with its time from the start of the narration;
playback asks for the viewer's state at any moment and drives the real viewer to it,
so the images move in step with the voice. That is sharper than a video (the learner
sees the real pixels, at their own window) and far smaller.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from itertools import pairwise
from typing import Any


class ActionKind(StrEnum):
    SERIES = "series"  # {"series": series instance UID}
    SLICE = "slice"    # {"index": int}
    WINDOW = "window"  # {"center": float, "width": float}
    ZOOM = "zoom"      # {"factor": float}
    PAN = "pan"        # {"x": float, "y": float}: the offset, in viewer pixels
    MARK = "mark"      # {"x", "y", "label"; "tool", "points", "frame"}: the teacher points
    CLEAR = "clear"    # the marks go


@dataclass(frozen=True)
class ViewerAction:
    at_ms: int
    kind: ActionKind
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Mark:
    """Where the teacher pointed or drew: ``x``/``y`` in image columns/rows; ``tool``
    and ``points`` (row, column pairs) give the drawn shape, ``frame`` the slice."""

    x: float
    y: float
    label: str = ""
    tool: str = "arrow"
    points: tuple[tuple[float, float], ...] = ()
    frame: int = 0


@dataclass(frozen=True)
class ViewerState:
    """What the viewer shows at one moment of the lesson."""

    series: str = ""
    index: int = 0
    center: float | None = None
    width: float | None = None
    zoom: float = 1.0
    pan: tuple[float, float] = (0.0, 0.0)
    marks: tuple[Mark, ...] = ()


class TimelineError(ValueError):
    """A stored timeline that cannot be replayed (bad kind, time going backwards)."""


@dataclass(frozen=True)
class Timeline:
    actions: tuple[ViewerAction, ...] = ()

    @property
    def duration_ms(self) -> int:
        return self.actions[-1].at_ms if self.actions else 0

    def state_at(self, ms: int, start: ViewerState | None = None) -> ViewerState:
        """The viewer's state after every action up to and including ``ms``."""
        state = start or ViewerState()
        for action in self.actions:
            if action.at_ms > ms:
                break
            state = _apply(state, action)
        return state

    def to_json(self) -> str:
        return json.dumps([{"at_ms": a.at_ms, "kind": a.kind.value, "values": a.values}
                           for a in self.actions], ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Timeline:
        try:
            rows = json.loads(text or "[]")
            actions = tuple(ViewerAction(int(r["at_ms"]), ActionKind(r["kind"]),
                                         dict(r.get("values", {}))) for r in rows)
        except (ValueError, KeyError, TypeError) as exc:
            raise TimelineError(f"The lesson's timeline cannot be read: {exc}") from None
        if any(b.at_ms < a.at_ms for a, b in pairwise(actions)):
            raise TimelineError("The lesson's timeline goes back in time.")
        return cls(actions)


class TimelineRecorder:
    """Keeps viewer actions with their time since ``start()`` (monotonic clock)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._started: float | None = None
        self._actions: list[ViewerAction] = []

    def start(self) -> None:
        self._started, self._actions = self._clock(), []

    @property
    def recording(self) -> bool:
        return self._started is not None

    def record(self, kind: ActionKind, **values: Any) -> None:
        if self._started is None:
            return  # not recording: the viewer is just being used
        at = round((self._clock() - self._started) * 1000)
        if self._actions and self._actions[-1].kind is kind and kind not in (
                ActionKind.MARK, ActionKind.CLEAR) and at - self._actions[-1].at_ms < 40:
            self._actions[-1] = ViewerAction(at, kind, values)  # a drag: keep its end
        else:
            self._actions.append(ViewerAction(at, kind, values))

    def stop(self) -> Timeline:
        self._started = None
        return Timeline(tuple(self._actions))


def _apply(state: ViewerState, action: ViewerAction) -> ViewerState:
    v = action.values
    match action.kind:
        case ActionKind.SERIES:
            return replace(state, series=str(v["series"]), index=0, marks=())
        case ActionKind.SLICE:
            return replace(state, index=int(v["index"]))
        case ActionKind.WINDOW:
            return replace(state, center=float(v["center"]), width=float(v["width"]))
        case ActionKind.ZOOM:
            return replace(state, zoom=float(v["factor"]))
        case ActionKind.PAN:
            return replace(state, pan=(float(v["x"]), float(v["y"])))
        case ActionKind.MARK:
            points = tuple((float(r), float(c)) for r, c in v.get("points", ()))
            mark = Mark(float(v["x"]), float(v["y"]), str(v.get("label", "")),
                        str(v.get("tool", "arrow")), points, int(v.get("frame", state.index)))
            return replace(state, marks=(*state.marks, mark))
        case ActionKind.CLEAR:
            return replace(state, marks=())
    return state
