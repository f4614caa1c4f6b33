"""Reformatting a volume of known content: planes, orientation, spacing, slab MIP."""

from __future__ import annotations

import numpy as np
import pytest

from tiered_workstation.viewer.mpr import Cursor, Plane, centre, cursor_at, reslice
from tiered_workstation.viewer.series import Volume


def volume() -> Volume:
    voxels = np.zeros((40, 60, 80), np.int16)      # 40 slices, low (feet) to high (head)
    voxels[30:, 10, 20] = 1000                     # a rod in the upper slices only
    voxels[5, 30, 40] = 500                        # one bright voxel low down
    return Volume(voxels, (2.5, 0.7, 0.6), (0.0, 0.0, -97.5), (1.0, 0.0, 0.0),
                  (0.0, 1.0, 0.0), (0.0, 0.0, 1.0), True)


def test_planes_have_the_right_shape_spacing_and_head_up() -> None:
    v = volume()
    cursor = Cursor(35, 10, 20)
    axial = reslice(v, Plane.AXIAL, cursor)
    assert axial.pixels.shape == (60, 80)
    assert (axial.row_mm, axial.column_mm) == (0.7, 0.6)
    assert axial.pixels[10, 20] == 1000
    coronal = reslice(v, Plane.CORONAL, cursor)
    assert coronal.pixels.shape == (40, 80)
    assert (coronal.row_mm, coronal.column_mm) == (2.5, 0.6)
    # the rod is in slices 30-39 (the head end): the top ten rows of the coronal image
    assert np.all(coronal.pixels[:10, 20] == 1000)
    assert np.all(coronal.pixels[10:, 20] == 0)
    assert coronal.crosshair == (4, 20)
    sagittal = reslice(v, Plane.SAGITTAL, cursor)
    assert sagittal.pixels.shape == (40, 60)
    assert (sagittal.row_mm, sagittal.column_mm) == (2.5, 0.7)
    assert sagittal.pixels[0, 10] == 1000


def test_clicking_a_plane_moves_the_crosshair_in_the_others() -> None:
    v = volume()
    start = centre(v)
    moved = cursor_at(v, Plane.CORONAL, start, row=34, column=40)
    assert moved == Cursor(5, start.row, 40)
    assert reslice(v, Plane.AXIAL, Cursor(moved.slice, 30, 40)).pixels[30, 40] == 500
    assert cursor_at(v, Plane.AXIAL, start, 500, -3) == Cursor(start.slice, 59, 0)  # clamped


@pytest.mark.parametrize(("slab", "seen"), [(0.0, 0), (2.0, 0), (10.0, 500)])
def test_thick_slab_mip_finds_what_the_thin_plane_misses(slab: float, seen: int) -> None:
    v = volume()
    # axial plane at slice 7; the bright voxel is 2 slices (5 mm) below
    image = reslice(v, Plane.AXIAL, Cursor(7, 0, 0), slab_mm=slab).pixels
    assert image[30, 40] == seen
