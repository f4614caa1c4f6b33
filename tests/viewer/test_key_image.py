"""A frame rendered for a report, without a screen: in the window the viewer opens it
with, compared with pydicom's own VOI transform of the same file."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image
from pydicom import dcmread
from pydicom.data import get_testdata_file
from pydicom.pixels import apply_modality_lut, apply_voi_lut

from tiered_workstation.viewer.key_image import key_image_png


def test_the_png_is_the_frame_in_the_files_window() -> None:
    path = get_testdata_file("MR_small.dcm")   # Window Center 600, Width 1600
    ds = dcmread(path)
    expected = apply_voi_lut(apply_modality_lut(ds.pixel_array, ds), ds)
    # pydicom windows into the stored value range (signed here), we into 0…255
    low, high = ((-(2 ** (ds.BitsStored - 1)), 2 ** (ds.BitsStored - 1) - 1)
                 if ds.PixelRepresentation else (0, 2 ** ds.BitsStored - 1))
    expected = np.round((expected - low) / (high - low) * 255)
    picture = Image.open(io.BytesIO(key_image_png(path)))
    assert picture.format == "PNG"
    assert picture.mode == "L"
    assert picture.size == (ds.Columns, ds.Rows)
    assert np.abs(np.asarray(picture, dtype=float) - expected).max() <= 1


def test_a_large_frame_is_scaled_to_the_longest_side() -> None:
    picture = Image.open(io.BytesIO(key_image_png(get_testdata_file("MR_small.dcm"),
                                                  longest_side=32)))
    assert picture.size == (32, 32)
