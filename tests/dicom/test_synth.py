"""Synthetic images are valid, plausible and usable end to end."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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

    background, lung, heart = noise(10, 10), noise(450, 310), noise(600, 560)
    assert background < lung < heart
    assert heart > 3 * background
    # the detector blur correlates neighbours (white noise would give about 0)
    y, x = (axis.ravel() for axis in np.mgrid[0:40, 0:40])
    patch = pixels[10:50, 10:50].ravel()
    trend = np.c_[np.ones_like(y), y, x, y * y, x * x, x * y]
    residual = (patch - trend @ np.linalg.lstsq(trend, patch, rcond=None)[0]).reshape(40, 40)
    assert np.corrcoef(residual[:, :-1].ravel(), residual[:, 1:].ravel())[0, 1] > 0.4


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
