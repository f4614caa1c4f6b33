"""Window presets follow the modality and the body part; a radiograph offers its own."""

from __future__ import annotations

import pytest

from tiered_workstation.dicom.synth import Demographics, ct_series, dx_dataset
from tiered_workstation.viewer.frames import decode
from tiered_workstation.viewer.overlay import body_regions, modality_presets, window_choices


def names(modality: str, body_part: str = "") -> list[str]:
    return [w.name for w in modality_presets(modality, body_part=body_part)]


def test_ct_of_an_unknown_body_part_offers_the_five_common_windows() -> None:
    assert names("CT") == ["Lung", "Mediastinum", "Bone", "Brain", "Abdomen"]
    assert [w.name for w in modality_presets("CT")] == names("CT", "WHOLEBODY")
    lung = modality_presets("CT")[0]
    assert (lung.center, lung.width) == (-600, 1500)


@pytest.mark.parametrize(("body_part", "expected"), [
    ("CHEST", ["Lung", "Mediastinum", "Bone"]),
    ("胸部", ["Lung", "Mediastinum", "Bone"]),
    ("HEAD", ["Brain", "Subdural", "Bone"]),
    ("brain", ["Brain", "Subdural", "Bone"]),
    ("ABDOMEN", ["Abdomen", "Liver", "Bone"]),
    ("PELVIS", ["Abdomen", "Liver", "Bone"]),
    ("CHEST_ABDOMEN_PELVIS", ["Lung", "Mediastinum", "Abdomen", "Liver", "Bone"]),
])
def test_ct_presets_follow_the_body_part(body_part: str, expected: list[str]) -> None:
    assert names("CT", body_part) == expected


def test_the_head_bone_window_is_the_wide_one() -> None:
    head_bone = modality_presets("CT", body_part="SKULL")[-1]
    chest_bone = modality_presets("CT", body_part="CHEST")[-1]
    assert (head_bone.name, chest_bone.name) == ("Bone", "Bone")
    assert head_bone.width > chest_bone.width


@pytest.mark.parametrize("modality", ["DX", "CR", "MG", "MR", "US"])
def test_other_modalities_have_no_fixed_presets(modality: str) -> None:
    assert names(modality, "CHEST") == []
    assert names(modality) == []


def test_body_regions() -> None:
    assert body_regions("CHESTABDOMEN") == ["chest", "abdomen"]
    assert body_regions("HEADNECK") == ["head"]
    assert body_regions("KNEE") == []


def test_a_radiograph_offers_its_automatic_window_first_then_its_files() -> None:
    image = decode(dx_dataset(Demographics(), size=300))
    choices = window_choices(image)
    assert [w.name for w in choices] == ["auto", ""]
    assert choices[0] == image.default_window()
    assert (choices[1].center, choices[1].width) == (2048, 4096)


def test_a_chest_ct_offers_its_files_windows_then_the_chests() -> None:
    image = decode(ct_series(Demographics(), slices=1, size=64)[0])
    choices = window_choices(image)
    assert [(w.center, w.width) for w in choices[:2]] == [(40, 400), (-600, 1500)]
    assert [w.name for w in choices[2:]] == ["Lung", "Mediastinum", "Bone"]
