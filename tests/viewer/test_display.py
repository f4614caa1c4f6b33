"""The display chain against pydicom's bundled test files and pydicom's own (independent)
LUT functions: every compressed syntax they include, rescale, windows, VOI LUT,
MONOCHROME1, colour and multi-frame."""

from __future__ import annotations

import copy

import numpy as np
import pytest
from pydicom import dcmread
from pydicom.data import get_testdata_file
from pydicom.dataset import Dataset
from pydicom.pixels import apply_modality_lut, apply_voi_lut
from pydicom.sequence import Sequence

from tiered_workstation.viewer.display import VoiFunction, Window, pixel_model, voi
from tiered_workstation.viewer.frames import DecodeError, decode, load

# The same 64×64 MR image in every syntax pydicom ships it in.
MR_SYNTAXES = ["MR_small_implicit.dcm", "MR_small_bigendian.dcm", "MR_small_expb.dcm",
               "MR_small_RLE.dcm", "MR_small_jpeg_ls_lossless.dcm",
               "MR_small_jp2klossless.dcm", "MR_small_padded.dcm"]
MONOCHROME = ["CT_small.dcm", "MR_small.dcm", "JPEG2000.dcm", "JPGExtended.dcm",
              "JPEGLSNearLossless_16.dcm", "JPEGLSNearLossless_08.dcm", "693_J2KI.dcm",
              "image_dfl.dcm", "examples_overlay.dcm", "liver_1frame.dcm"]


def read(name: str) -> Dataset:
    return dcmread(get_testdata_file(name))


def expected_grey(ds: Dataset, frame: np.ndarray, window: Window | None) -> np.ndarray:
    """pydicom's Modality LUT + VOI, scaled to 0..255 by the range pydicom's output can take."""
    ds = copy.deepcopy(ds)
    if window is not None:
        ds.WindowCenter, ds.WindowWidth = window.center, window.width
        ds.VOILUTFunction = window.function.value
        ds.pop("VOILUTSequence", None)
    rescaled = apply_modality_lut(frame, ds)
    out = apply_voi_lut(rescaled, ds, prefer_lut="VOILUTSequence" in ds).astype(np.float64)
    if "VOILUTSequence" in ds:
        top = float(np.max(ds.VOILUTSequence[0].LUTData))
        level = out / top
    else:
        extremes = apply_voi_lut(np.array([-1e9, 1e9]), ds).astype(np.float64)
        level = (out - extremes[0]) / (extremes[1] - extremes[0])
    if ds.PhotometricInterpretation == "MONOCHROME1":
        level = 1.0 - level
    return np.round(level * 255.0)


@pytest.mark.filterwarnings("ignore:The pixel data is .* excess padding:UserWarning")
@pytest.mark.parametrize("name", MR_SYNTAXES)
def test_every_syntax_decodes_to_the_same_pixels(name: str) -> None:
    reference = decode(read("MR_small.dcm")).frames
    image = decode(read(name))
    assert image.frames.shape == (1, 64, 64)
    np.testing.assert_array_equal(image.frames, reference)


@pytest.mark.parametrize("name", MONOCHROME)
def test_displayed_grey_matches_pydicoms_lut_chain(name: str) -> None:
    ds = read(name)
    image = decode(ds)
    window = image.default_window()
    shown = image.display(0, image.display_lut(window)).astype(np.float64)
    expected = expected_grey(ds, image.frames[0], window)
    assert shown.dtype == np.float64
    assert np.abs(shown - expected).max() <= 1.0   # rounding at the window's edges
    assert shown.std() > 0                          # not a blank frame


def test_rescale_is_applied_before_the_window() -> None:
    ds = read("CT_small.dcm")
    model = pixel_model(ds)
    assert (model.slope, model.intercept) == (1.0, -1024.0)
    image = decode(ds)
    lung = Window(-600, 1500, "lung")
    lut = image.display_lut(lung)
    stored = np.array([[int(-1350 - model.intercept)]], dtype=np.int16)  # -1350 HU
    assert lut.apply(stored)[0, 0] == 0          # below the window: black
    stored_center = np.array([[int(-600 - model.intercept)]], dtype=np.int16)
    assert abs(int(lut.apply(stored_center)[0, 0]) - 128) <= 1


@pytest.mark.filterwarnings("ignore:overflow encountered in exp:RuntimeWarning")  # pydicom's
@pytest.mark.parametrize("function", list(VoiFunction))
def test_window_functions_follow_the_standard(function: VoiFunction) -> None:
    ds = read("MR_small.dcm")
    window = Window(600.0, 1600.0, function=function)
    image = decode(ds)
    shown = image.display(0, image.display_lut(window)).astype(np.float64)
    np.testing.assert_allclose(shown, expected_grey(ds, image.frames[0], window), atol=1.0)


def test_linear_window_edges() -> None:
    window = Window(100.0, 11.0)   # C.11.2.1.2.1: x <= c-0.5-(w-1)/2 -> 0; x > c-0.5+(w-1)/2 -> 1
    values = np.array([94.5, 95.0, 99.5, 104.5, 105.0])
    np.testing.assert_allclose(voi(values, window), [0.0, 0.05, 0.5, 1.0, 1.0])


def test_monochrome1_is_inverted() -> None:
    ds = read("MR_small.dcm")
    ds.PhotometricInterpretation = "MONOCHROME1"
    image = decode(ds)
    normal = decode(read("MR_small.dcm"))
    window = normal.default_window()
    inverted = image.display(0, image.display_lut(window)).astype(int)
    plain = normal.display(0, normal.display_lut(window)).astype(int)
    np.testing.assert_array_equal(inverted, 255 - plain)
    np.testing.assert_allclose(inverted, expected_grey(ds, image.frames[0], window), atol=1)


@pytest.mark.parametrize(("photometric", "shape", "inverted"), [
    ("MONOCHROME1", "INVERSE", True),     # as DX and MG require it: one inversion, not two
    ("MONOCHROME1", "IDENTITY", True),    # a wrong shape does not undo the photometric
    ("MONOCHROME2", "INVERSE", True),
    ("MONOCHROME2", "IDENTITY", False),
])
def test_an_images_presentation_lut_shape_does_not_invert_monochrome1_back(
        photometric: str, shape: str, inverted: bool) -> None:
    ds = read("MR_small.dcm")
    plain = decode(read("MR_small.dcm"))
    window = plain.default_window()
    ds.PhotometricInterpretation = photometric
    ds.PresentationLUTShape = shape
    image = decode(ds)
    assert image.model.inverted is inverted
    shown = image.display(0, image.display_lut(window)).astype(int)
    normal = plain.display(0, plain.display_lut(window)).astype(int)
    np.testing.assert_array_equal(shown, 255 - normal if inverted else normal)


def test_voi_lut_sequence_is_used_when_chosen() -> None:
    ds = read("MR_small.dcm")
    item = Dataset()
    item.LUTDescriptor = [4096, 0, 12]
    item.LUTData = [min(4095, v * 2) for v in range(4096)]  # a steep gamma-free ramp
    item.LUTExplanation = "Soft tissue"
    ds.VOILUTSequence = Sequence([item])
    image = decode(ds)
    name, table = image.model.voi_luts[0]
    assert name == "Soft tissue"
    lut = image.display_lut()
    lut = type(lut)(image.model, image.frames.dtype, None, table)
    shown = image.display(0, lut).astype(np.float64)
    np.testing.assert_allclose(shown, expected_grey(ds, image.frames[0], None), atol=1)


def test_file_windows_are_offered_with_their_names() -> None:
    ds = read("MR_small.dcm")
    ds.WindowCenter = [600, 40]
    ds.WindowWidth = [1600, 400]
    ds.WindowCenterWidthExplanation = ["T1", "Narrow"]
    model = pixel_model(ds)
    assert [(w.center, w.width, w.name) for w in model.windows] == [
        (600.0, 1600.0, "T1"), (40.0, 400.0, "Narrow")]


def test_colour_and_multiframe() -> None:
    rgb = decode(read("SC_rgb_rle_2frame.dcm"))
    assert rgb.colour
    assert rgb.frame_count == 2
    assert rgb.display(1).shape == (100, 100, 3)
    reference = decode(read("SC_rgb_dcmtk_+eb+cr.dcm")).display(0).astype(int)
    for name in ("SC_rgb_dcmtk_+eb+cy+n1.dcm", "SC_rgb_dcmtk_+eb+cy+np.dcm"):  # JPEG in YBR
        ybr = decode(read(name)).display(0).astype(int)
        assert np.abs(ybr - reference).mean() < 3   # lossy JPEG: close, not equal
    wide = decode(read("SC_rgb_rle_16bit.dcm"))
    np.testing.assert_array_equal(wide.display(0), (wide.frames[0] >> 8).astype(np.uint8))
    palette = decode(read("examples_palette.dcm"))
    assert palette.colour
    assert palette.display(0).shape == (350, 800, 3)
    cine = decode(read("examples_ybr_color.dcm"))
    assert cine.frame_count == 30


def test_what_cannot_be_shown_is_said(tmp_path) -> None:
    with pytest.raises(DecodeError, match="cannot be decoded here"):
        decode(read("JPEG-lossy.dcm"))   # a damaged 12-bit JPEG no decoder accepts
    with pytest.raises(DecodeError, match="no image"):
        decode(read("rtplan.dcm"))
    junk = tmp_path / "junk.dcm"
    junk.write_bytes(b"not dicom at all" * 20)
    with pytest.raises(DecodeError, match="not a DICOM file"):
        load(junk)
