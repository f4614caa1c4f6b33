"""Measurements on synthetic images of known geometry, with the spacing they rest on."""

from __future__ import annotations

import math

import numpy as np
import pytest
from pydicom.dataset import Dataset

from tiered_workstation.viewer.measure import (
    Calibration,
    SpacingSource,
    angle_deg,
    calibration_of,
    cobb_angle_deg,
    distance_mm,
    ellipse_mask,
    rectangle_mask,
    roi_stats,
)

CT = Calibration(0.7, 0.7, SpacingSource.PIXEL_SPACING)


def dataset(**elements: object) -> Dataset:
    ds = Dataset()
    for keyword, value in elements.items():
        setattr(ds, keyword, value)
    return ds


def test_spacing_source_is_chosen_and_named() -> None:
    assert calibration_of(dataset(PixelSpacing=[0.7, 0.6])) == Calibration(
        0.7, 0.6, SpacingSource.PIXEL_SPACING)
    detector = dataset(ImagerPixelSpacing=[0.143, 0.143])
    assert calibration_of(detector).source is SpacingSource.IMAGER
    magnified = dataset(ImagerPixelSpacing=[0.143, 0.143],
                        EstimatedRadiographicMagnificationFactor=1.1)
    corrected = calibration_of(magnified)
    assert corrected.source is SpacingSource.IMAGER_CORRECTED
    assert corrected.row_mm == pytest.approx(0.13)
    calibrated = dataset(ImagerPixelSpacing=[0.143, 0.143], PixelSpacing=[0.13, 0.13])
    assert calibration_of(calibrated).source is SpacingSource.PIXEL_SPACING
    same = dataset(ImagerPixelSpacing=[0.143, 0.143], PixelSpacing=[0.143, 0.143])
    assert calibration_of(same).source is SpacingSource.IMAGER   # a copy, not a calibration
    none = calibration_of(dataset())
    assert (none.source, none.calibrated) == (SpacingSource.NONE, False)


def test_distance_uses_row_and_column_spacing() -> None:
    anisotropic = Calibration(2.0, 0.5, SpacingSource.PIXEL_SPACING)
    assert distance_mm((0, 0), (3, 0), anisotropic) == pytest.approx(6.0)
    assert distance_mm((0, 0), (0, 8), anisotropic) == pytest.approx(4.0)
    assert distance_mm((10, 10), (13, 14), CT) == pytest.approx(5 * 0.7)


def test_angles_and_cobb() -> None:
    assert angle_deg((0, 10), (0, 0), (10, 0), CT) == pytest.approx(90.0)
    assert angle_deg((0, 10), (0, 0), (10, 10), CT) == pytest.approx(45.0)
    # end plates tilted +10° and -15° from horizontal: Cobb 25°
    def line(deg: float) -> tuple[tuple[float, float], tuple[float, float]]:
        rad = math.radians(deg)
        return (0.0, 0.0), (-100 * math.sin(rad), 100 * math.cos(rad))
    assert cobb_angle_deg(line(10), line(-15), CT) == pytest.approx(25.0)
    assert cobb_angle_deg(line(80), line(-80), CT) == pytest.approx(20.0)  # acute angle
    with pytest.raises(ValueError, match="three distinct points"):
        angle_deg((1, 1), (1, 1), (2, 2), CT)


def test_roi_statistics_on_a_known_disc() -> None:
    image = np.full((200, 200), -1000.0)
    rows, columns = np.ogrid[:200, :200]
    disc = (rows - 100) ** 2 + (columns - 100) ** 2 <= 40 ** 2
    image[disc] = 40.0 + (rows + 0 * columns)[disc] % 2 * 20.0   # 40/60 stripes: mean 50, SD 10
    inside = roi_stats(image, ellipse_mask(image.shape, (75, 75), (125, 125)), CT)
    assert inside.mean == pytest.approx(50.0, abs=0.5)
    assert inside.sd == pytest.approx(10.0, abs=0.1)
    assert inside.area_mm2 == pytest.approx(math.pi * 25 ** 2 * 0.49, rel=0.03)
    square = roi_stats(image, rectangle_mask(image.shape, (0, 0), (9, 9)), CT)
    assert (square.pixels, square.mean, square.sd) == (100, -1000.0, 0.0)
    assert square.area_mm2 == pytest.approx(49.0)
    with pytest.raises(ValueError, match="no pixel centre"):
        roi_stats(image, np.zeros_like(disc), CT)
