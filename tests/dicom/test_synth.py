"""Synthetic images are valid, plausible and usable end to end."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
from pydicom import dcmread
from pydicom.uid import JPEGLSLossless
from sqlalchemy import func, select

from dicom.conftest import AE, RunningNode
from tiered_workstation.dicom.synth import Demographics, chest_pixels, ct_series, dx_dataset
from tiered_workstation.storage.imaging import Instance


def test_dx_compresses_like_a_real_film() -> None:
    ds = dx_dataset(Demographics(), size=1024)
    raw = len(ds.PixelData)
    pixels = ds.pixel_array
    assert pixels.max() < 4096  # 12 bits stored
    assert pixels.std() > 300  # structure, not a flat field
    ds.compress(JPEGLSLossless, generate_instance_uid=False)
    assert 2.4 < raw / len(ds.PixelData) < 3.5  # published JPEG-LS figures for chest films


def test_dx_noise_grows_behind_dense_anatomy() -> None:
    pixels = chest_pixels(1000, seed=3).astype(np.float64)

    def noise(y: int, x: int) -> float:  # second differences cancel smooth anatomy
        return float(np.diff(pixels[y:y + 40, x:x + 40], n=2, axis=1).std())

    # the lung patch is peripheral: nearer the hilum vessels cross it (not smooth anatomy)
    background, lung, heart = noise(10, 10), noise(560, 150), noise(600, 560)
    assert background < lung < heart
    assert heart > 3 * background
    # the detector blur correlates neighbours (white noise would give about 0)
    y, x = (axis.ravel() for axis in np.mgrid[0:40, 0:40])
    patch = pixels[10:50, 10:50].ravel()
    trend = np.c_[np.ones_like(y), y, x, y * y, x * x, x * y]
    residual = (patch - trend @ np.linalg.lstsq(trend, patch, rcond=None)[0]).reshape(40, 40)
    assert np.corrcoef(residual[:, :-1].ravel(), residual[:, 1:].ravel())[0, 1] > 0.4


def body_extent(pixels: np.ndarray) -> tuple[float, float]:
    """The body's width across the mid-chest rows and its height down the middle column,
    as fractions of the image (the background is below 700)."""
    size = pixels.shape[0]
    across = pixels[int(0.35 * size):int(0.45 * size)].mean(axis=0) > 700
    down = pixels[:, int(0.45 * size):int(0.55 * size)].mean(axis=1) > 700
    width, height = (np.flatnonzero(a)[-1] - np.flatnonzero(a)[0] + 1 for a in (across, down))
    return width / size, height / size


def spine_at(pixels: np.ndarray) -> float:
    """Where across the image the vertebral column runs: the band of columns whose grey
    value repeats most strongly, top to bottom, at the vertebral pitch (about 2.7 cm)."""
    size = pixels.shape[0]
    rows = pixels[int(0.1 * size):int(0.9 * size)].astype(np.float64)
    bands = rows.reshape(rows.shape[0], 30, size // 30).mean(axis=2)
    spectrum = np.abs(np.fft.rfft(bands - bands.mean(axis=0), axis=0))
    pitch = np.argmin(np.abs(np.fft.rfftfreq(rows.shape[0], d=1 / size) - 430 / 27))
    strength = spectrum[pitch - 1:pitch + 2].max(axis=0) / spectrum[1:].mean(axis=0)
    return (int(np.argmax(strength)) + 0.5) / 30


def test_pa_and_lateral_are_two_projections_as_a_dr_labels_them() -> None:
    pa, lateral = (dx_dataset(Demographics(), size=600, view=view) for view in ("PA", "LL"))
    assert [ds.ViewPosition for ds in (pa, lateral)] == ["PA", "LL"]
    assert [list(ds.PatientOrientation) for ds in (pa, lateral)] == [["L", "F"], ["P", "F"]]
    assert [ds.ViewCodeSequence[0].CodeValue for ds in (pa, lateral)] == [
        "272479007", "399173006"]  # SNOMED CT postero-anterior, left lateral (CID 4010)
    assert [ds.SeriesDescription for ds in (pa, lateral)] == ["Chest PA", "Chest LAT"]
    assert {ds.ImageLaterality for ds in (pa, lateral)} == {"U"}  # an unpaired body part
    assert pa.AnatomicRegionSequence[0].CodeValue == "43799004"  # chest


def test_the_lateral_shows_a_side_view_of_the_chest() -> None:
    pa, lateral = (chest_pixels(600, seed=1, view=view) for view in ("PA", "LL"))
    (pa_width, pa_height), (lat_width, lat_height) = body_extent(pa), body_extent(lateral)
    assert pa_width / pa_height > 0.75       # shoulder to shoulder
    assert lat_width / lat_height < 0.6      # sternum to back: narrower
    assert 0.4 < spine_at(pa) < 0.6          # the spine in the middle behind the mediastinum
    assert spine_at(lateral) > 0.58          # the spine at the back (the patient faces left)
    chest = pa[int(0.35 * 600):int(0.45 * 600)].mean(axis=0)
    assert chest[180] < chest[300] - 1000  # the right lung, dark beside the mediastinum,
    assert chest[420] < chest[300] - 1000  # and the left one on its other side
    assert np.abs(pa.astype(int) - lateral.astype(int)).mean() > 300


def test_an_image_carries_the_time_it_was_exposed() -> None:
    shanghai = ZoneInfo("Asia/Shanghai")
    started = datetime(2026, 3, 2, 23, 59, 40, tzinfo=shanghai)
    exposed = datetime(2026, 3, 3, 0, 0, 5, tzinfo=shanghai)
    ds = dx_dataset(Demographics(), size=16, view="LL", study_started=started,
                    acquired=exposed)
    assert (ds.StudyDate, ds.StudyTime) == ("20260302", "235940")
    for prefix in ("Series", "Acquisition", "Content"):
        assert (ds[f"{prefix}Date"].value, ds[f"{prefix}Time"].value) == ("20260303", "000005")
    assert ds.AcquisitionDateTime == "20260303000005+0800"
    assert ds.TimezoneOffsetFromUTC == "+0800"
    now = dx_dataset(Demographics(), size=16)  # by default: now, on this machine's clock
    stamped = datetime.strptime(now.AcquisitionDateTime, "%Y%m%d%H%M%S%z")
    assert abs((stamped - datetime.now().astimezone()).total_seconds()) < 60


def test_ct_series_geometry_and_hounsfield_units() -> None:
    series = ct_series(Demographics(), slices=10, size=128)
    assert len({ds.SOPInstanceUID for ds in series}) == 10
    assert len({ds.SeriesInstanceUID for ds in series}) == 1
    z = [ds.ImagePositionPatient[2] for ds in series]
    assert z == sorted(z, reverse=True)
    hu = series[3].pixel_array * series[3].RescaleSlope + series[3].RescaleIntercept
    assert hu.min() <= -1000  # air
    assert (np.abs(hu - 40) < 50).mean() > 0.2  # soft tissue
    assert ((hu < -700) & (hu > -900)).mean() > 0.05  # lung
    assert hu.max() > 600  # bone


def test_synth_command_writes_and_sends(node: RunningNode, tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("tiered-ws")
    result = subprocess.run([str(exe), "synth", "dx", "--out", str(tmp_path), "--count", "2",
                             "--size", "256", "--name", "李四", "--phonetic", "Li^Si",
                             "--charset", "GB18030", "--send", f"{AE}@127.0.0.1:{node.port}",
                             "--calling-ae", "PYSCU", "--compress", "jpeg-ls"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Sent 2/2" in result.stdout
    assert dcmread(tmp_path / "dx0001.dcm").SpecificCharacterSet == "GB18030"
    with node.services.database.session() as session:
        assert session.scalar(select(func.count()).select_from(Instance)) == 2
        assert set(session.scalars(select(Instance.transfer_syntax_uid))) == {JPEGLSLossless}
