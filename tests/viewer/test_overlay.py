"""The viewer's corner texts say the view and the side, not codes that mean nothing."""

from __future__ import annotations

from pydicom.dataset import Dataset

from tiered_workstation.viewer.overlay import corner_texts


def header(**values: str) -> Dataset:
    ds = Dataset()
    ds.Modality, ds.SeriesDescription = "DX", "Chest PA"
    for keyword, value in values.items():
        setattr(ds, keyword, value)
    return ds


def test_the_view_and_a_real_side_are_shown_an_unpaired_part_is_not() -> None:
    assert corner_texts(header(ViewPosition="PA", ImageLaterality="U"))["br"] == [
        "DX Chest PA", "PA"]
    assert corner_texts(header(ViewPosition="CC", ImageLaterality="R"))["br"] == [
        "DX Chest PA", "CC R"]
    assert corner_texts(header())["br"] == ["DX Chest PA"]
