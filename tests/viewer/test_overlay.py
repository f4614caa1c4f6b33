"""The viewer's corner texts say the view and the side, not codes that mean nothing."""

from __future__ import annotations

from pydicom.dataset import Dataset

from tiered_workstation.viewer.overlay import corner_texts, share_row


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


def test_top_left_shows_the_record_number_and_an_age_as_076y() -> None:
    tl = corner_texts(header(PatientName="王^芳", PatientID="CM012026000007", PatientSex="F",
                             PatientBirthDate="19500601", StudyDate="20261202"))["tl"]
    assert tl == ["王芳", "CM012026000007", "F 076Y", "1950-06-01"]
    # the day before her birthday she is still 75; the file's own age wins
    assert corner_texts(header(PatientSex="F", PatientBirthDate="19501203",
                               StudyDate="20261202"))["tl"] == ["F 075Y", "1950-12-03"]
    assert corner_texts(header(PatientAge="045Y", PatientBirthDate="19500601",
                               StudyDate="20261202"))["tl"] == ["045Y", "1950-06-01"]
    assert corner_texts(header(PatientBirthDate="20260901",
                               StudyDate="20261202"))["tl"] == ["003M", "2026-09-01"]


def test_a_corner_row_too_narrow_for_both_keeps_the_patients_side_whole() -> None:
    room = 162  # a 190-pixel viewport of a 1×2 layout beside the report
    record_number, study_time = 105, 110
    left = share_row(record_number, study_time, room, first=True)
    right = share_row(study_time, record_number, room, first=False)
    assert left == record_number
    assert left + right == room
    # a very long left text still leaves the right its third
    assert share_row(400, study_time, room, first=True) == room - room // 3
    assert share_row(study_time, 400, room, first=False) == room // 3
    # a short right text keeps its width; and both whole when they fit
    assert share_row(30, 400, room, first=False) == 30
    assert share_row(60, 50, room, first=True) == 60
