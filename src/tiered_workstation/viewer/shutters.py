"""The exposed field a radiograph states: its Display Shutter, else its X-Ray Collimator.

Both modules give the field in pixel coordinates (PS3.3 C.7.6.11 and C.8.7.3: the upper
left pixel is row 1, column 1), as a rectangle, a circle and/or a polygon; when several
shapes are given, the field is where they all let the image through. Some devices put
other coordinates there (a CR plate's millimetres, negative edges); a shape that does not
fall inside the image is ignored rather than trusted.
"""

from __future__ import annotations

import numpy as np
from pydicom.dataset import Dataset

# The least share of the image a stated field must keep to be believed.
MIN_FIELD_SHARE = 0.05


def _ints(value: object) -> list[float]:
    if value is None or value == "":
        return []
    if isinstance(value, str | bytes) or not hasattr(value, "__iter__"):
        return [float(value)]  # type: ignore[arg-type]
    return [float(v) for v in value]  # type: ignore[union-attr]


def _rectangle(ds: Dataset, kind: str, rows: np.ndarray, columns: np.ndarray,
               height: int, width: int) -> np.ndarray | None:
    edges = [_ints(ds.get(f"{kind}{side}")) for side in (
        "LeftVerticalEdge", "RightVerticalEdge", "UpperHorizontalEdge", "LowerHorizontalEdge")]
    if any(len(edge) != 1 for edge in edges):
        return None
    left, right, upper, lower = (edge[0] - 1 for edge in edges)  # to 0-based
    if not (0 <= left < right < width and 0 <= upper < lower < height):
        return None
    return ((rows[:, None] >= upper) & (rows[:, None] <= lower)
            & (columns[None, :] >= left) & (columns[None, :] <= right))


def _circle(ds: Dataset, kind: str, rows: np.ndarray, columns: np.ndarray,
            height: int, width: int) -> np.ndarray | None:
    centre = _ints(ds.get(f"CenterOfCircular{kind}"))
    radius = _ints(ds.get(f"RadiusOfCircular{kind}"))
    if len(centre) != 2 or len(radius) != 1 or radius[0] <= 0:
        return None
    row, column = centre[0] - 1, centre[1] - 1
    if not (0 <= row < height and 0 <= column < width):
        return None
    return ((rows[:, None] - row) ** 2 + (columns[None, :] - column) ** 2) <= radius[0] ** 2


def _polygon(ds: Dataset, kind: str, rows: np.ndarray, columns: np.ndarray,
             height: int, width: int) -> np.ndarray | None:
    vertices = _ints(ds.get(f"VerticesOfThePolygonal{kind}"))
    if len(vertices) < 6 or len(vertices) % 2:
        return None
    ys = np.asarray(vertices[0::2]) - 1
    xs = np.asarray(vertices[1::2]) - 1
    if ys.min() < 0 or ys.max() >= height or xs.min() < 0 or xs.max() >= width:
        return None
    y = rows[:, None].astype(np.float64)
    x = columns[None, :].astype(np.float64)
    inside = np.zeros((len(rows), len(columns)), dtype=bool)
    for (y0, x0), (y1, x1) in zip(zip(ys, xs, strict=True),
                                  zip(np.roll(ys, 1), np.roll(xs, 1), strict=True),
                                  strict=True):
        if y0 == y1:
            continue
        crosses = (y0 > y) != (y1 > y)  # the even-odd rule, one edge at a time
        x_at = x0 + (y - y0) * (x1 - x0) / (y1 - y0)
        inside ^= crosses & (x < x_at)
    return inside


SHAPES = {"RECTANGULAR": _rectangle, "CIRCULAR": _circle, "POLYGONAL": _polygon}


def field_mask(ds: Dataset, rows: np.ndarray, columns: np.ndarray) -> np.ndarray | None:
    """Which of the pixels at 0-based ``rows`` × ``columns`` lie in the stated field, as a
    boolean (len(rows), len(columns)) array; None when no usable shutter or collimator."""
    height = int(ds.get("Rows", 0) or 0)
    width = int(ds.get("Columns", 0) or 0)
    if not height or not width:
        return None
    for kind in ("Shutter", "Collimator"):
        shapes = [str(s).strip().upper() for s in _text(ds.get(f"{kind}Shape"))]
        masks = [SHAPES[s](ds, kind, rows, columns, height, width) for s in shapes
                 if s in SHAPES]
        masks = [m for m in masks if m is not None]
        if not masks:
            continue
        mask = np.logical_and.reduce(masks)
        if mask.mean() >= MIN_FIELD_SHARE:
            return mask
    return None


def _text(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]  # type: ignore[union-attr]
