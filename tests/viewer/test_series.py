"""Opening files, folders and a DICOMDIR; slices sorted in space; CT volumes assembled."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from pydicom.data import get_testdata_file

from tiered_workstation.dicom.synth import Demographics, ct_series, dx_dataset
from tiered_workstation.viewer.frames import load
from tiered_workstation.viewer.series import VolumeError, assemble_volume, open_paths

DICOMDIR = Path(get_testdata_file("DICOMDIR"))


def write_ct(folder: Path, slices: int = 12, thickness: float = 2.5) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, ds in enumerate(ct_series(Demographics(), slices=slices, size=64,
                                     thickness=thickness)):
        path = folder / f"{random.Random(n).randrange(10**6):06d}-{n}.dcm"  # not in order
        ds.save_as(path, enforce_file_format=True)
        paths.append(path)
    return paths


def test_a_folder_becomes_sorted_series(tmp_path: Path) -> None:
    write_ct(tmp_path / "ct")
    dx_dataset(Demographics(), size=64).save_as(tmp_path / "dx.dcm", enforce_file_format=True)
    (tmp_path / "notes.txt").write_text("not dicom")
    opened = open_paths([tmp_path])
    assert opened.skipped == 1
    assert sorted(s.modality for s in opened.series) == ["CT", "DX"]
    ct = next(s for s in opened.series if s.modality == "CT")
    z = [i.position[2] for i in ct.instances]
    assert z == sorted(z, reverse=True)        # head first, as radiologists scroll
    assert [i.instance_number for i in ct.instances] == list(range(1, 13))


def test_dicomdir_is_followed(tmp_path: Path) -> None:
    opened = open_paths([DICOMDIR])
    assert opened.series, "the DICOMDIR's images were not found"
    assert sum(s.image_count for s in opened.series) >= 10
    assert {"CT", "MR"} <= {s.modality for s in opened.series}


def test_ct_volume_in_patient_space(tmp_path: Path) -> None:
    paths = write_ct(tmp_path / "ct", slices=12, thickness=2.5)
    random.Random(3).shuffle(paths)
    volume = assemble_volume([load(p) for p in paths])
    assert volume.voxels.shape == (12, 64, 64)
    assert volume.voxels.dtype == np.int16          # integral rescale kept compact
    assert volume.spacing[0] == pytest.approx(2.5)
    assert volume.spacing[1] == pytest.approx(360 / 64, abs=1e-3)
    assert volume.uniform
    assert volume.origin[2] == pytest.approx(-27.5)  # the lowest slice first
    assert volume.normal == (0.0, 0.0, 1.0)
    body_centre = volume.voxels[:, 32, 32]
    assert np.all(np.abs(body_centre.astype(float) - 40) < 80)   # soft tissue in HU
    assert volume.voxels[0, 0, 0] < -900                          # air in HU


def test_volume_refuses_what_cannot_be_stacked(tmp_path: Path) -> None:
    paths = write_ct(tmp_path / "ct", slices=3)
    images = [load(p) for p in paths]
    with pytest.raises(VolumeError, match="same position"):
        assemble_volume([images[0], images[0]])
    with pytest.raises(VolumeError, match="at least two"):
        assemble_volume(images[:1])
