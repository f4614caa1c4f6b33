"""Which drawn mark, or which point of it, lies under the mouse (screen coordinates)."""

from __future__ import annotations

from tiered_workstation.viewer.annotations import Tool
from tiered_workstation.viewer.editing import handle_at, outline, shape_at


def test_the_nearest_point_within_reach_is_taken() -> None:
    shapes = [[(10.0, 10.0), (100.0, 10.0)], [(103.0, 12.0), (200.0, 200.0)]]
    assert handle_at(shapes, (101.0, 11.0), 6.0) == (0, 1)     # 1.4 px beats 2.2 px
    assert handle_at(shapes, (199.0, 203.0), 6.0) == (1, 1)
    assert handle_at(shapes, (150.0, 100.0), 6.0) is None


def test_outlines_are_found_as_they_are_drawn() -> None:
    line = (Tool.LINE, [(0.0, 0.0), (100.0, 0.0)])
    rectangle = (Tool.RECTANGLE, [(200.0, 200.0), (300.0, 260.0)])
    ellipse = (Tool.ELLIPSE, [(400.0, 0.0), (500.0, 100.0)])   # a circle of radius 50
    cobb = (Tool.COBB, [(0.0, 300.0), (50.0, 300.0), (0.0, 400.0), (50.0, 420.0)])
    note = (Tool.TEXT, [(600.0, 600.0)])
    shapes = [line, rectangle, ellipse, cobb, note]
    assert shape_at(shapes, (50.0, 4.0), 6.0) == 0             # beside the line's middle
    assert shape_at(shapes, (50.0, 10.0), 6.0) is None
    assert shape_at(shapes, (300.0, 230.0), 6.0) == 1          # on the right edge …
    assert shape_at(shapes, (250.0, 230.0), 6.0) is None       # … not inside the box
    assert shape_at(shapes, (450.0 + 50 * 0.7071, 50.0 + 50 * 0.7071), 3.0) == 2
    assert shape_at(shapes, (450.0, 50.0), 6.0) is None        # the centre is not the rim
    assert shape_at(shapes, (25.0, 351.0), 6.0) is None        # between the Cobb lines
    assert shape_at(shapes, (25.0, 410.0), 6.0) == 3
    assert shape_at(shapes, (603.0, 598.0), 6.0) == 4
    assert len(outline(Tool.ANGLE, [(0.0, 0.0), (1.0, 1.0), (2.0, 0.0)])) == 2
