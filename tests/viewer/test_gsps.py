"""Measurements as a DICOM presentation state: checked by dcmtk (dcmpschk), rendered by
dcmtk (dcmp2pgm) with our window, rotation and flip, and read back exactly."""

from __future__ import annotations

import re
import subprocess
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest
from pydicom import dcmread

from tiered_workstation.dicom.synth import Demographics, ct_series, dx_dataset
from tiered_workstation.viewer.annotations import Measurement, Tool
from tiered_workstation.viewer.display import VoiFunction, Window
from tiered_workstation.viewer.frames import load
from tiered_workstation.viewer.gsps import (
    GSPS_SOP_CLASS,
    Presentation,
    PresentationStateError,
    dicom_spatial,
    presentation_state,
    presentation_states,
    view_spatial,
    write_presentation_state,
)
from tiered_workstation.viewer.gsps_read import (
    read_presentation_state_file,
    read_presentation_states,
    read_state,
)
from tiered_workstation.viewer.series import open_paths

ASCII = Demographics(patient_name="Zhang^San", study_description="CT chest")


def every_tool(uid: str) -> list[Measurement]:
    return [Measurement(Tool.LINE, 0, [(10, 20), (100, 120)], "135.2 mm", uid),
            Measurement(Tool.ANGLE, 0, [(10, 20), (50, 50), (100, 20)], "77.3°", uid),
            Measurement(Tool.COBB, 0, [(10, 20), (20, 80), (100, 20), (120, 90)], "Cobb 19.6°",
                        uid),
            Measurement(Tool.RECTANGLE, 0, [(30, 30), (60, 90)], "mean 2010.4, SD 12.0", uid),
            Measurement(Tool.ELLIPSE, 0, [(130, 30), (160, 90)], "mean 1830.2, SD 9.5", uid),
            Measurement(Tool.ARROW, 0, [(200, 200), (220, 220)], "", uid),
            Measurement(Tool.TEXT, 0, [(240, 10)], "结节？", uid)]


def check(path: Path) -> str:
    done = subprocess.run(["dcmpschk", str(path)], capture_output=True, text=True, timeout=30,
                          check=False)
    return done.stdout + done.stderr


def test_every_tool_survives_the_round_trip_with_chinese_text(tmp_path: Path) -> None:
    dx = dx_dataset(Demographics(), size=256, charset="GB18030")
    uid = str(dx.SOPInstanceUID)
    items = every_tool(uid)
    exported = presentation_state(items, {uid: dx}, Presentation({uid: Window(2000, 1500)}),
                                  creator="李^四")
    assert (exported.annotations, exported.left_out) == (7, 0)
    path = write_presentation_state(tmp_path / "pr.dcm", exported.dataset)
    back = read_presentation_state_file(path)
    assert [(m.tool, m.frame, m.text, m.sop_instance_uid) for m in back] == \
        [(m.tool, m.frame, m.text, m.sop_instance_uid) for m in items]
    for mine, theirs in zip(items, back, strict=True):
        assert np.allclose(mine.points, theirs.points)

    ds = dcmread(path)
    assert (ds.SOPClassUID, ds.Modality) == (GSPS_SOP_CLASS, "PR")
    assert ds.SpecificCharacterSet == "ISO_IR 192"
    assert str(ds.PatientName) == str(dx.PatientName) == "张^三"  # re-encoded from GB18030
    assert ds.StudyInstanceUID == dx.StudyInstanceUID
    assert str(ds.ContentCreatorName) == "李^四"
    # dcmtk 3.6.7 checks value characters as if they were Latin-1: the only complaints
    # it may raise are about the fields that hold Chinese
    complaints = set(re.findall(r"Affected attribute: (\w+)", check(path)))
    assert complaints <= {"PatientName", "StudyDescription", "UnformattedTextValue",
                          "ContentCreatorName"}


def test_dcmtk_accepts_a_multi_image_state_and_the_modality_lut(tmp_path: Path) -> None:
    slices = ct_series(ASCII, slices=3, size=32)
    headers = {str(s.SOPInstanceUID): s for s in slices}
    middle = str(slices[1].SOPInstanceUID)
    items = [Measurement(Tool.LINE, 0, [(1, 2), (10, 12)], "12.3 mm", middle),
             Measurement(Tool.ELLIPSE, 0, [(1, 2), (10, 12)], "mean 3.0 HU", middle),
             Measurement(Tool.LINE, 0, [(1, 2), (3, 4)], "1.0 mm", "1.2.3.not.opened")]
    lung = Window(-600, 1500)
    exported = presentation_state(items, headers, Presentation({u: lung for u in headers}),
                                  creator="Li^Si")
    assert (exported.annotations, exported.left_out) == (2, 1)   # the unknown image is said
    path = write_presentation_state(tmp_path / "pr.dcm", exported.dataset)
    assert "Test passed" in check(path)
    ds = dcmread(path)
    assert len(ds.ReferencedSeriesSequence[0].ReferencedImageSequence) == 3
    assert (float(ds.RescaleIntercept), ds.RescaleType) == (-1024.0, "HU")
    voi = ds.SoftcopyVOILUTSequence
    assert [(float(v.WindowCenter), float(v.WindowWidth)) for v in voi] == [(-600.0, 1500.0)]


@pytest.mark.parametrize(("rotation", "flip_h", "flip_v"),
                         [(0, False, False), (90, False, False), (270, True, False),
                          (90, False, True), (180, True, True)])
def test_dcmtk_renders_what_the_viewport_showed(tmp_path: Path, rotation: int, flip_h: bool,
                                               flip_v: bool) -> None:
    dx = dx_dataset(ASCII, size=96)
    image_path = tmp_path / "dx.dcm"
    dx.save_as(image_path, enforce_file_format=True)
    uid = str(dx.SOPInstanceUID)
    window = Window(1800, 1200)
    exported = presentation_state([], {uid: dx}, Presentation(
        {uid: window}, rotation=rotation, flip_horizontal=flip_h, flip_vertical=flip_v))
    state = write_presentation_state(tmp_path / "pr.dcm", exported.dataset)
    picture = tmp_path / "shown.pgm"
    subprocess.run(["dcmp2pgm", "-p", str(state), str(image_path), str(picture)], check=True,
                   timeout=30, capture_output=True)
    header, body = picture.read_bytes().split(b"255\n", 1)
    width, height = (int(v) for v in header.split()[1:3])
    rendered = np.frombuffer(body, np.uint8)[:width * height].reshape(height, width)

    image = load(image_path)
    shown = image.display(0, image.display_lut(window))   # what our viewport shows …
    if flip_h:
        shown = shown[:, ::-1]                            # … flipped first …
    if flip_v:
        shown = shown[::-1, :]
    shown = np.rot90(shown, -rotation // 90)              # … then turned clockwise
    assert rendered.shape == shown.shape
    assert np.abs(rendered.astype(int) - shown.astype(int)).max() <= 1


def test_spatial_round_trip_and_inverse_polarity() -> None:
    for rotation in (0, 90, 180, 270):
        assert view_spatial(*dicom_spatial(rotation, True, False)) == (rotation, True)
        assert view_spatial(*dicom_spatial(rotation, False, False)) == (rotation, False)
    mono1 = dx_dataset(ASCII, size=32)
    mono1.PhotometricInterpretation = "MONOCHROME1"
    uid = str(mono1.SOPInstanceUID)
    windows = {uid: Window(1000, 500)}
    assert presentation_state([], {uid: mono1}, Presentation(windows)).dataset \
        .PresentationLUTShape == "INVERSE"
    assert presentation_state([], {uid: mono1}, Presentation(windows, inverted=True)).dataset \
        .PresentationLUTShape == "IDENTITY"


def test_nothing_to_save_and_not_a_state_are_said(tmp_path: Path) -> None:
    dx = dx_dataset(ASCII, size=32)
    with pytest.raises(PresentationStateError, match="nothing to save"):
        presentation_state([], {str(dx.SOPInstanceUID): dx})
    image_path = tmp_path / "dx.dcm"
    dx.save_as(image_path, enforce_file_format=True)
    with pytest.raises(PresentationStateError, match="not a grayscale softcopy"):
        read_presentation_state_file(image_path)
    (tmp_path / "broken.dcm").write_bytes(b"DICM" * 10)
    with pytest.raises(PresentationStateError, match="cannot be read"):
        read_presentation_state_file(tmp_path / "broken.dcm")


def test_a_folder_with_a_state_lists_it_beside_the_images(tmp_path: Path) -> None:
    dx = dx_dataset(ASCII, size=64)
    dx.save_as(tmp_path / "dx.dcm", enforce_file_format=True)
    uid = str(dx.SOPInstanceUID)
    exported = presentation_state(every_tool(uid)[:1], {uid: dx})
    write_presentation_state(tmp_path / "pr.dcm", exported.dataset)
    opened = open_paths([tmp_path])
    assert [s.modality for s in opened.series] == ["DX"]
    assert opened.presentation_states == [tmp_path / "pr.dcm"]
    assert opened.skipped == 0


def test_window_orientation_and_polarity_are_read_back(tmp_path: Path) -> None:
    slices = ct_series(ASCII, slices=2, size=32)
    headers = {str(s.SOPInstanceUID): s for s in slices}
    first, second = headers
    windows = {first: Window(40, 400), second: Window(-600, 1500, "", VoiFunction.SIGMOID)}
    exported = presentation_state([], headers, Presentation(
        windows, inverted=True, rotation=90, flip_horizontal=True))
    state = read_state(dcmread(write_presentation_state(tmp_path / "pr.dcm",
                                                        exported.dataset)))
    assert state.images == frozenset(headers)
    assert {uid: (w.center, w.width, w.function) for uid, w in state.windows.items()} == {
        uid: (w.center, w.width, w.function) for uid, w in windows.items()}
    assert (state.rotation, state.flip_horizontal, state.inverse) == (90, True, True)

    ds = exported.dataset                        # a window for every image (no reference)
    del ds.SoftcopyVOILUTSequence[0].ReferencedImageSequence
    del ds.SoftcopyVOILUTSequence[1]
    kept = float(ds.SoftcopyVOILUTSequence[0].WindowCenter)
    assert {w.center for w in read_state(ds).windows.values()} == {kept}
    assert set(read_state(ds).windows) == set(headers)


def test_the_newest_state_of_an_image_wins_and_another_series_adds(tmp_path: Path) -> None:
    dx = dx_dataset(ASCII, size=64)
    other = dx_dataset(ASCII, size=64, seed=1)
    other.SeriesInstanceUID = "2.25.777"
    headers = {str(dx.SOPInstanceUID): dx, str(other.SOPInstanceUID): other}
    uid, other_uid = headers

    def state(name: str, items: list[Measurement], when: str) -> Path:
        exported = presentation_state(items, headers, creator="Li^Si",
                                      now=datetime.strptime(when, "%Y-%m-%d %H:%M"))
        return write_presentation_state(tmp_path / name, exported.dataset)
    newer = state("b.dcm", [Measurement(Tool.TEXT, 0, [(5, 5)], "after review", uid)],
                  "2026-11-29 10:31")
    older = state("a.dcm", [Measurement(Tool.TEXT, 0, [(5, 5)], "first look", uid)],
                  "2026-11-29 09:02")
    beside = state("c.dcm", [Measurement(Tool.ARROW, 0, [(1, 1), (9, 9)], "", other_uid)],
                   "2026-11-29 08:00")
    combined = read_presentation_states([newer, beside, older])
    assert sorted((m.sop_instance_uid, m.text) for m in combined.marks) == sorted(
        [(uid, "after review"), (other_uid, "")])
    assert (combined.creator, combined.created) == ("Li^Si", "2026-11-29 10:31")


def test_a_mixed_study_gets_one_state_per_modality_lut_and_colour_is_said(
        tmp_path: Path) -> None:
    dx = dx_dataset(ASCII, size=64)
    ct = ct_series(ASCII, slices=1, size=32)[0]
    photo = dx_dataset(ASCII, size=16, seed=2)       # a colour picture of the same study
    photo.PhotometricInterpretation, photo.SamplesPerPixel = "RGB", 3
    headers = {str(h.SOPInstanceUID): h for h in (dx, ct, photo)}
    dx_uid, ct_uid, photo_uid = headers
    items = [Measurement(Tool.LINE, 0, [(1, 1), (9, 9)], "11.3 mm", dx_uid),
             Measurement(Tool.LINE, 0, [(2, 2), (8, 8)], "4.2 mm", ct_uid),
             Measurement(Tool.ARROW, 0, [(1, 1), (5, 5)], "", photo_uid)]
    states = presentation_states(items, headers, Presentation({ct_uid: Window(40, 400)}))
    assert (len(states.datasets), states.annotations, states.colour, states.left_out) == \
        (2, 2, 1, 0)
    by_rescale = {float(ds.RescaleIntercept): ds for ds in states.datasets}
    assert by_rescale[-1024.0].GraphicAnnotationSequence[0].ReferencedImageSequence[0] \
        .ReferencedSOPInstanceUID == ct_uid
    assert "SoftcopyVOILUTSequence" in by_rescale[-1024.0]
    assert by_rescale[0.0].GraphicAnnotationSequence[0].ReferencedImageSequence[0] \
        .ReferencedSOPInstanceUID == dx_uid
    assert len({ds.SeriesInstanceUID for ds in states.datasets}) == 1   # one save, one series
    assert sorted(ds.InstanceNumber for ds in states.datasets) == [1, 2]
    for n, ds in enumerate(states.datasets):
        assert "Test passed" in check(write_presentation_state(tmp_path / f"{n}.dcm", ds))
    with pytest.raises(PresentationStateError, match="grayscale"):
        presentation_states(items[2:], headers)
