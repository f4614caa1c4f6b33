"""Measurements in patient units, saying which pixel spacing they rest on.

Radiologists need to know what a millimetre means on a projection image:
Pixel Spacing (0028,0030) is in the patient (calibrated, or for CT/MR the
slice plane); Imager Pixel Spacing (0018,1164) is at the detector, which
magnifies the patient by the source-to-image / source-to-object ratio. When
the file gives the Estimated Radiographic Magnification Factor, the detector
spacing is corrected by it. Points are (row, column) in pixels, at pixel
centres.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
from pydicom.dataset import Dataset


class SpacingSource(StrEnum):
    PIXEL_SPACING = "pixel_spacing"              # in the patient (or the slice plane)
    IMAGER_CORRECTED = "imager_corrected"        # detector spacing ÷ magnification factor
    IMAGER = "imager"                            # at the detector: ~10 % large for chest PA
    NONE = "none"                                # no spacing: results in pixels


@dataclass(frozen=True)
class Calibration:
    row_mm: float      # distance between rows (vertical), mm
    column_mm: float   # distance between columns (horizontal), mm
    source: SpacingSource

    @property
    def calibrated(self) -> bool:
        return self.source is not SpacingSource.NONE


def _pair(value: object) -> tuple[float, float] | None:
    try:
        row, column = (float(v) for v in value)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        return None
    return (row, column) if row > 0 and column > 0 else None


def calibration_of(ds: Dataset) -> Calibration:
    """The spacing measurements on ``ds`` use, and where it comes from."""
    pixel = _pair(ds.get("PixelSpacing"))
    imager = _pair(ds.get("ImagerPixelSpacing"))
    if pixel is not None and (imager is None or pixel != imager):
        return Calibration(*pixel, SpacingSource.PIXEL_SPACING)
    if imager is not None:
        factor = float(ds.get("EstimatedRadiographicMagnificationFactor", 0) or 0)
        if factor > 0 and factor != 1.0:
            return Calibration(imager[0] / factor, imager[1] / factor,
                               SpacingSource.IMAGER_CORRECTED)
        return Calibration(*imager, SpacingSource.IMAGER)
    if pixel is not None:
        return Calibration(*pixel, SpacingSource.PIXEL_SPACING)
    return Calibration(1.0, 1.0, SpacingSource.NONE)


Point = tuple[float, float]


def distance_mm(a: Point, b: Point, cal: Calibration) -> float:
    """Length of the line a–b (in pixels when the image has no spacing)."""
    return math.hypot((b[0] - a[0]) * cal.row_mm, (b[1] - a[1]) * cal.column_mm)


def _direction(a: Point, b: Point, cal: Calibration) -> tuple[float, float]:
    return ((b[0] - a[0]) * cal.row_mm, (b[1] - a[1]) * cal.column_mm)


def angle_deg(a: Point, vertex: Point, b: Point, cal: Calibration) -> float:
    """The angle a–vertex–b in degrees (0…180), in patient geometry."""
    u, v = _direction(vertex, a, cal), _direction(vertex, b, cal)
    norm = math.hypot(*u) * math.hypot(*v)
    if norm == 0:
        raise ValueError("An angle needs three distinct points.")
    cosine = max(-1.0, min(1.0, (u[0] * v[0] + u[1] * v[1]) / norm))
    return math.degrees(math.acos(cosine))


def cobb_angle_deg(line1: tuple[Point, Point], line2: tuple[Point, Point],
                   cal: Calibration) -> float:
    """The Cobb angle between two end-plate lines (0…90 degrees)."""
    u, v = _direction(*line1, cal), _direction(*line2, cal)
    norm = math.hypot(*u) * math.hypot(*v)
    if norm == 0:
        raise ValueError("Each Cobb line needs two distinct points.")
    cosine = abs(u[0] * v[0] + u[1] * v[1]) / norm
    return math.degrees(math.acos(min(1.0, cosine)))


@dataclass(frozen=True)
class RoiStats:
    mean: float
    sd: float
    minimum: float
    maximum: float
    pixels: int
    area_mm2: float


def rectangle_mask(shape: tuple[int, int], a: Point, b: Point) -> np.ndarray:
    """Pixels whose centres lie in the rectangle with corners a and b."""
    rows, columns = np.ogrid[:shape[0], :shape[1]]
    r0, r1 = sorted((a[0], b[0]))
    c0, c1 = sorted((a[1], b[1]))
    return (rows >= r0) & (rows <= r1) & (columns >= c0) & (columns <= c1)


def ellipse_mask(shape: tuple[int, int], a: Point, b: Point) -> np.ndarray:
    """Pixels whose centres lie in the ellipse inscribed in the rectangle a–b."""
    rows, columns = np.ogrid[:shape[0], :shape[1]]
    centre_r, centre_c = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
    radius_r, radius_c = max(abs(b[0] - a[0]) / 2, 0.5), max(abs(b[1] - a[1]) / 2, 0.5)
    return ((rows - centre_r) / radius_r) ** 2 + ((columns - centre_c) / radius_c) ** 2 <= 1.0


def roi_stats(values: np.ndarray, mask: np.ndarray, cal: Calibration) -> RoiStats:
    """Mean, SD (population), range and area of ``values`` (output units) inside ``mask``."""
    inside = values[mask].astype(np.float64)
    if inside.size == 0:
        raise ValueError("The region contains no pixel centre.")
    return RoiStats(float(inside.mean()), float(inside.std()), float(inside.min()),
                    float(inside.max()), int(inside.size),
                    float(inside.size * cal.row_mm * cal.column_mm))
