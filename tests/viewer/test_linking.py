"""Linked scrolling between stacks: by position in one frame of reference, by the
fraction of the way through otherwise."""

from __future__ import annotations

from pathlib import Path

from tiered_workstation.dicom.synth import Demographics, ct_series
from tiered_workstation.viewer.linking import linked_frame
from tiered_workstation.viewer.series import load_stack, open_paths


def stack(folder: Path, slices: int, thickness: float, study: str = ""):
    folder.mkdir(parents=True)
    for n, ds in enumerate(ct_series(Demographics(study_instance_uid=study), slices=slices,
                                     size=16, thickness=thickness)):
        ds.save_as(folder / f"{n}.dcm", enforce_file_format=True)
    series = open_paths([folder]).series[0]
    return load_stack([ref.path for ref in series.instances])


def test_two_reconstructions_of_one_scan_link_by_position(tmp_path: Path) -> None:
    thin = stack(tmp_path / "thin", 20, 2.5, study="2.25.1")       # z = 0 … -47.5 mm
    thick = stack(tmp_path / "thick", 10, 5.0, study="2.25.1")     # z = 0 … -45 mm
    assert thin.positions[:3] == (0.0, -2.5, -5.0)                  # head first
    assert linked_frame(thin, 4, thick) == 2                        # z -10 ↔ z -10
    assert linked_frame(thin, 5, thick) in (2, 3)                   # z -12.5: halfway
    assert linked_frame(thick, 3, thin) == 6                        # z -15 ↔ z -15
    assert linked_frame(thin, 19, thick) == 9                       # past the end: last


def test_a_prior_from_another_day_links_by_the_fraction_of_the_way(tmp_path: Path) -> None:
    today = stack(tmp_path / "today", 21, 2.5, study="2.25.2")
    prior = stack(tmp_path / "prior", 11, 5.0, study="2.25.3")      # its own table position
    assert linked_frame(today, 10, prior) == 5                      # the middle ↔ the middle
    assert linked_frame(today, 20, prior) == 10
    assert linked_frame(prior, 0, today) == 0
