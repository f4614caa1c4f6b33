"""Multiplanar reformatting of a volume: axial, coronal and sagittal planes through one
point, with thick-slab maximum intensity projection.

Planes are shown as radiologists read them: axial from the feet (patient's
left on the screen's right), coronal and sagittal with the head at the top.
For a volume whose slices are axial (``Volume.normal`` ≈ +z) the three planes
are array slices — no interpolation, so a reformatted pixel is a stored one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

import numpy as np

from .series import Volume


class Plane(StrEnum):
    AXIAL = "axial"
    CORONAL = "coronal"
    SAGITTAL = "sagittal"


@dataclass(frozen=True)
class Cursor:
    """The crosshair's voxel: slice (low → high along the normal), row, column."""

    slice: int
    row: int
    column: int

    def clamped(self, shape: tuple[int, ...]) -> Cursor:
        return Cursor(min(max(self.slice, 0), shape[0] - 1), min(max(self.row, 0), shape[1] - 1),
                      min(max(self.column, 0), shape[2] - 1))


@dataclass(frozen=True)
class Reslice:
    pixels: np.ndarray            # 2D, output units
    row_mm: float                 # spacing between displayed rows
    column_mm: float              # spacing between displayed columns
    crosshair: tuple[float, float]  # (row, column) of the cursor in this image


def centre(volume: Volume) -> Cursor:
    z, y, x = volume.voxels.shape
    return Cursor(z // 2, y // 2, x // 2)


def _slab(data: np.ndarray, axis: int, index: int, slab_mm: float, spacing: float) -> np.ndarray:
    half = round(slab_mm / spacing / 2) if slab_mm > spacing else 0
    lo, hi = max(index - half, 0), min(index + half + 1, data.shape[axis])
    taken = np.take(data, range(lo, hi), axis=axis)
    return taken.max(axis=axis) if hi - lo > 1 else np.take(data, index, axis=axis)


def reslice(volume: Volume, plane: Plane, cursor: Cursor, slab_mm: float = 0.0) -> Reslice:
    """The plane through ``cursor``; a slab thicker than one voxel is a MIP over it."""
    data = volume.voxels
    cursor = cursor.clamped(data.shape)
    dz, dy, dx = volume.spacing
    top = data.shape[0] - 1
    if plane is Plane.AXIAL:
        pixels = _slab(data, 0, cursor.slice, slab_mm, dz)
        return Reslice(pixels, dy, dx, (cursor.row, cursor.column))
    if plane is Plane.CORONAL:  # rows = slices, head (high index) at the top
        pixels = _slab(data, 1, cursor.row, slab_mm, dy)[::-1]
        return Reslice(pixels, dz, dx, (top - cursor.slice, cursor.column))
    pixels = _slab(data, 2, cursor.column, slab_mm, dx)[::-1]
    return Reslice(pixels, dz, dy, (top - cursor.slice, cursor.row))


def cursor_at(volume: Volume, plane: Plane, cursor: Cursor, row: float,
              column: float) -> Cursor:
    """The new crosshair when ``(row, column)`` of ``plane``'s image is clicked."""
    top = volume.voxels.shape[0] - 1
    r, c = round(row), round(column)
    if plane is Plane.AXIAL:
        moved = replace(cursor, row=r, column=c)
    elif plane is Plane.CORONAL:
        moved = replace(cursor, slice=top - r, column=c)
    else:
        moved = replace(cursor, slice=top - r, row=c)
    return moved.clamped(volume.voxels.shape)
