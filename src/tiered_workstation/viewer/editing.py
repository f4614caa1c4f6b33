"""Finding a drawn measurement under the mouse, to move a point of it, move it whole,
or delete it.

Works in screen coordinates (x, y), so the tolerance is what the hand feels
whatever the zoom: the caller maps each measurement's points to the screen.
Shapes are drawn as the viewport draws them: lines, angles and arrows as
polylines, a Cobb angle as two lines, a rectangle or an ellipse in the box its
two corners span, a text note at its anchor.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

from .annotations import Tool

Point = tuple[float, float]
ELLIPSE_STEPS = 72


def _segment_distance(p: Point, a: Point, b: Point) -> float:
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy)
                                             / length))
    return math.hypot(p[0] - (ax + t * dx), p[1] - (ay + t * dy))


def outline(tool: Tool, points: Sequence[Point]) -> list[tuple[Point, Point]]:
    """The segments a measurement is drawn with (an ellipse as a fine polygon)."""
    if tool in (Tool.LINE, Tool.ANGLE, Tool.ARROW):
        return list(itertools.pairwise(points))
    if tool is Tool.COBB:
        return [(points[n], points[n + 1]) for n in range(0, len(points) - 1, 2)]
    if tool in (Tool.RECTANGLE, Tool.ELLIPSE) and len(points) >= 2:
        (x0, y0), (x1, y1) = points[0], points[1]
        if tool is Tool.RECTANGLE:
            corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]
        else:
            cx, cy, rx, ry = (x0 + x1) / 2, (y0 + y1) / 2, abs(x1 - x0) / 2, abs(y1 - y0) / 2
            corners = [(cx + rx * math.cos(2 * math.pi * k / ELLIPSE_STEPS),
                        cy + ry * math.sin(2 * math.pi * k / ELLIPSE_STEPS))
                       for k in range(ELLIPSE_STEPS + 1)]
        return list(itertools.pairwise(corners))
    return []


def handle_at(shapes: Sequence[Sequence[Point]], at: Point,
              tolerance: float) -> tuple[int, int] | None:
    """(shape, point) of the drawn point nearest ``at`` within ``tolerance``; the last
    drawn shape wins a tie, as it is drawn on top."""
    best: tuple[float, int, int] | None = None
    for index, points in enumerate(shapes):
        for number, point in enumerate(points):
            distance = math.hypot(point[0] - at[0], point[1] - at[1])
            if distance <= tolerance and (best is None or distance <= best[0]):
                best = (distance, index, number)
    return None if best is None else (best[1], best[2])


def shape_at(shapes: Sequence[tuple[Tool, Sequence[Point]]], at: Point,
             tolerance: float) -> int | None:
    """Index of the shape whose outline (or, for a text note, anchor) passes nearest
    ``at`` within ``tolerance``."""
    best: tuple[float, int] | None = None
    for index, (tool, points) in enumerate(shapes):
        if tool is Tool.TEXT:
            distances = [math.hypot(p[0] - at[0], p[1] - at[1]) for p in points[:1]]
        else:
            distances = [_segment_distance(at, a, b) for a, b in outline(tool, points)]
        if distances and min(distances) <= tolerance and (
                best is None or min(distances) <= best[0]):
            best = (min(distances), index)
    return None if best is None else best[1]
