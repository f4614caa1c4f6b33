"""A radiograph without a useful window opens with the window of its anatomy: synthetic
films with collimator bands, a stated shutter and a direct-exposure background, in both
polarities and in rescaled units; pydicom's CR and the simulator's chest DX."""

from __future__ import annotations

import glob
from pathlib import Path

import numpy as np
import pydicom.data
import pytest
from pydicom import dcmread
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

from tiered_workstation.dicom.synth import Demographics, dx_dataset
from tiered_workstation.viewer.auto_window import (
    AUTO,
    is_full_range,
    radiograph_window,
    wants_auto_window,
)
from tiered_workstation.viewer.display import Window, pixel_model
from tiered_workstation.viewer.frames import decode
from tiered_workstation.viewer.shutters import field_mask

SIZE = 600
ANATOMY = (1200.0, 2800.0)   # attenuation-ordered stored values (MONOCHROME2: dense = high)
_Y, _X = np.mgrid[0:SIZE, 0:SIZE] / SIZE
BODY = ((_X - 0.5) / 0.28) ** 2 + ((_Y - 0.5) / 0.33) ** 2 < 1
BACKGROUND = 300.0           # direct exposure: shown black
COLLIMATED = 3600.0          # the device's fill of the collimated border: shown white
TOP, BOTTOM, LEFT, RIGHT = 60, 540, 80, 520   # the exposed field (rows, columns)


def film(*, collimator_fill: str = "flat", seed: int = 0) -> np.ndarray:
    """A MONOCHROME2 radiograph: an elliptical body whose values span ANATOMY, direct
    exposure around it, collimated borders filled flat (or with a scatter gradient)."""
    rng = np.random.default_rng(seed)
    y, x = _Y, _X
    pattern = 0.5 + 0.25 * np.sin(9 * x) * np.cos(7 * y) + 0.25 * np.sin(23 * x + 5 * y)
    image = np.where(BODY, ANATOMY[0] + (ANATOMY[1] - ANATOMY[0]) * pattern, BACKGROUND)
    image += rng.normal(0, 8, image.shape)
    outside = np.ones_like(BODY)
    outside[TOP:BOTTOM, LEFT:RIGHT] = False
    if collimator_fill == "flat":
        image[outside] = COLLIMATED + rng.normal(0, 2, image.shape)[outside]
    else:  # scatter: brighter away from the field, never flat along a line
        scatter = 3300 + 700 * np.hypot(x - 0.5, y - 0.5) + rng.normal(0, 40, image.shape)
        image[outside] = scatter[outside]
    return np.clip(np.round(image), 0, 4095).astype(np.uint16)


def dataset(pixels: np.ndarray, *, photometric: str = "MONOCHROME2", modality: str = "DX",
            window: tuple[float, float] | None = None, slope: float = 1.0,
            intercept: float = 0.0) -> Dataset:
    ds = Dataset()
    ds.file_meta = FileMetaDataset()
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.SOPInstanceUID = generate_uid()
    ds.Modality = modality
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = photometric
    ds.Rows, ds.Columns = pixels.shape
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 12, 11, 0
    ds.RescaleSlope, ds.RescaleIntercept = slope, intercept
    if window is not None:
        ds.WindowCenter, ds.WindowWidth = window
    ds.PixelData = pixels.tobytes()
    return ds


def monochrome1(pixels: np.ndarray) -> np.ndarray:
    return (4095 - pixels).astype(np.uint16)


def ends(window: Window) -> tuple[float, float]:
    return window.center - window.width / 2, window.center + window.width / 2


def anatomy(pixels: np.ndarray, slope: float = 1.0, intercept: float = 0.0) -> np.ndarray:
    """The 1st and 99th percentiles of the body's own values, in output units."""
    return np.sort(np.percentile(pixels[BODY], [1, 99]) * slope + intercept)


def assert_on_anatomy(window: Window, expected: np.ndarray) -> None:
    """The window spans the anatomy's values, within 3 % of their span at either end."""
    first, last = ends(window)
    tolerance = 0.03 * (expected[1] - expected[0])
    assert window.name == AUTO
    assert abs(first - expected[0]) <= tolerance, (first, last, expected)
    assert abs(last - expected[1]) <= tolerance, (first, last, expected)


@pytest.mark.parametrize("window", [None, (2048, 4096), (2000, 3800)])
def test_a_film_without_a_useful_window_opens_on_its_anatomy(window) -> None:
    pixels = film()
    image = decode(dataset(pixels, window=window))
    assert_on_anatomy(image.default_window(), anatomy(pixels))


@pytest.mark.parametrize(("window", "shape"), [(None, None), ((2048, 4096), None),
                                             ((2048, 4096), "INVERSE")])
def test_monochrome1_is_windowed_on_its_anatomy_too(window, shape) -> None:
    # MONOCHROME1: the direct exposure is the high end and the collimator the low end
    # (a DX states it twice, with an INVERSE Presentation LUT Shape)
    pixels = monochrome1(film())
    ds = dataset(pixels, photometric="MONOCHROME1", window=window)
    if shape:
        ds.PresentationLUTShape = shape
    image = decode(ds)
    assert_on_anatomy(image.default_window(), anatomy(pixels))


def test_the_window_is_in_rescaled_units() -> None:
    pixels = film()
    image = decode(dataset(pixels, slope=0.5, intercept=-100, window=(923.75, 2048)))
    assert_on_anatomy(image.default_window(), anatomy(pixels, 0.5, -100))


def test_without_the_border_and_background_steps_the_window_would_miss() -> None:
    # the film's borders and background are what the steps remove: the raw 1st-99th
    # percentiles of the whole image land on them, so the test above means something
    pixels = film().astype(np.float64)
    first, last = np.percentile(pixels, [1, 99])
    assert first < BACKGROUND + 50
    assert last > COLLIMATED - 50


def test_a_stated_shutter_bounds_a_field_that_is_not_flat_at_its_edges() -> None:
    pixels = film(collimator_fill="scatter")
    ds = dataset(pixels, window=(2048, 4096))
    unstated = decode(ds).default_window()
    assert ends(unstated)[1] > anatomy(pixels)[1] + 300   # the scatter is taken for anatomy
    ds.ShutterShape = "RECTANGULAR"
    ds.ShutterLeftVerticalEdge, ds.ShutterRightVerticalEdge = LEFT + 1, RIGHT
    ds.ShutterUpperHorizontalEdge, ds.ShutterLowerHorizontalEdge = TOP + 1, BOTTOM
    assert_on_anatomy(decode(ds).default_window(), anatomy(pixels))


def test_a_sensible_file_window_is_kept() -> None:
    image = decode(dataset(film(), window=(1900, 1700)))
    window = image.default_window()
    assert (window.center, window.width, window.name) == (1900, 1700, "")


@pytest.mark.parametrize("modality", ["CT", "MR"])
def test_ct_and_mr_keep_their_file_window_however_wide(modality) -> None:
    image = decode(dataset(film(), modality=modality, window=(2048, 4096)))
    assert (image.default_window().center, image.default_window().width) == (2048, 4096)
    bare = decode(dataset(film(), modality=modality))
    assert bare.default_window().name == "full range"


def test_what_counts_as_full_range() -> None:
    model = pixel_model(dataset(film()))
    assert is_full_range(Window(2048, 4096), model)
    assert is_full_range(Window(1800, 3700), model)
    assert not is_full_range(Window(1800, 3000), model)
    assert wants_auto_window("CR", model)
    assert wants_auto_window("mg", model)
    assert not wants_auto_window("CT", model)
    assert not wants_auto_window("DX", pixel_model(dataset(film(), window=(1800, 3000))))


def test_shutter_shapes_give_the_field_and_bad_coordinates_are_ignored() -> None:
    rows, columns = np.arange(100), np.arange(200)
    ds = Dataset()
    ds.Rows, ds.Columns = 100, 200
    assert field_mask(ds, rows, columns) is None
    ds.ShutterShape = ["RECTANGULAR", "CIRCULAR"]
    ds.ShutterLeftVerticalEdge, ds.ShutterRightVerticalEdge = 11, 150
    ds.ShutterUpperHorizontalEdge, ds.ShutterLowerHorizontalEdge = 1, 100
    ds.CenterOfCircularShutter, ds.RadiusOfCircularShutter = [51, 101], 95
    mask = field_mask(ds, rows, columns)
    assert mask.shape == (100, 200)
    # along row 51: the rectangle's columns 11…150
    assert mask[50, 10:150].all()
    assert not mask[50, :10].any()
    assert not mask[50, 150:].any()
    assert mask[0, 100]
    assert not mask[0, 10]             # inside the rectangle, outside the circle
    ds.ShutterShape = "POLYGONAL"
    ds.VerticesOfThePolygonalShutter = [1, 1, 1, 200, 100, 1]   # a triangle
    mask = field_mask(ds, rows, columns)
    assert mask[10, 10]
    assert not mask[90, 150]
    # a CR plate's collimator in its own units (pydicom's RG1 has -184 … 184): not pixels
    del ds.ShutterShape
    ds.CollimatorShape = "RECTANGULAR"
    ds.CollimatorLeftVerticalEdge, ds.CollimatorRightVerticalEdge = -184, 184
    ds.CollimatorUpperHorizontalEdge, ds.CollimatorLowerHorizontalEdge = 907, 1299
    assert field_mask(ds, rows, columns) is None


def test_too_small_a_field_gives_no_window() -> None:
    model = pixel_model(dataset(film()))
    assert radiograph_window(model, np.full((6, 6), 1000, np.uint16)) is None


def _pydicom_cr() -> Path:
    root = Path(pydicom.data.__file__).parent
    return Path(glob.glob(str(root / "test_files" / "dicomdirtests" / "*" / "CR1" / "6154"))[0])


def test_pydicoms_cr_with_a_full_range_window_opens_on_its_values() -> None:
    ds = dcmread(_pydicom_cr())
    assert (ds.Modality, ds.PhotometricInterpretation) == ("CR", "MONOCHROME1")
    assert (float(ds.WindowCenter), float(ds.WindowWidth)) == (1600, 2800)  # 0.684 × 4096
    image = decode(ds)
    window = image.default_window()
    values = image.model.rescale(image.frames[0])
    first, last = ends(window)
    assert window.name == AUTO
    assert values.min() <= first < last <= values.max()
    assert window.width < 0.5 * 2800


def test_the_simulators_chest_opens_with_more_lung_contrast_than_its_file_window() -> None:
    ds = dx_dataset(Demographics(), size=600)
    assert (float(ds.WindowCenter), float(ds.WindowWidth)) == (2048, 4096)
    image = decode(ds)
    window = image.default_window()
    assert window.name == AUTO
    first, last = ends(window)
    frame = image.frames[0]
    assert first > 350 + 50          # the direct exposure at the sides is below the window
    assert last < 4095
    # lung (dark) against the heart's shadow (bright), as grey levels on screen
    lung, heart = frame[240:300, 160:200], frame[350:400, 320:360]
    file_lut = image.display_lut(image.model.windows[0])
    auto_lut = image.display_lut()
    contrast = [float(lut.apply(heart).mean()) - float(lut.apply(lung).mean())
                for lut in (file_lut, auto_lut)]
    assert contrast[1] > 1.15 * contrast[0]
