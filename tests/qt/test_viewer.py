"""The 2D viewer: hanging a chest pair, W/L drag by the expected amount, zoom, stack
scroll, measurements with their result text, and what a damaged file says."""

from __future__ import annotations

import math
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydicom import dcmread
from pydicom.uid import generate_uid
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent

from tiered_workstation.dicom.synth import Demographics, ct_series, dx_dataset
from tiered_workstation.qt.tasks import TaskRunner
from tiered_workstation.qt.viewer.qt_image_view import QtImageView, Tool
from tiered_workstation.qt.viewer.qt_viewer_page import QtViewerPage
from tiered_workstation.viewer.display import Window

WAIT_MS = 20_000


@pytest.fixture
def page(qtbot) -> Iterator[QtViewerPage]:
    tasks = TaskRunner()
    viewer = QtViewerPage(tasks)
    qtbot.addWidget(viewer)
    viewer.resize(1200, 800)
    viewer.show()
    yield viewer
    tasks.shutdown(wait=True)


def chest_pair(folder: Path) -> list[Path]:
    study, paths = generate_uid(), []
    for n, view in enumerate(("PA", "LL")):
        demo = Demographics(patient_name="王芳", patient_phonetic="Wang^Fang")
        ds = dx_dataset(demo, size=600, seed=n, instance_number=n + 1)
        ds.StudyInstanceUID, ds.SeriesInstanceUID = study, generate_uid()
        ds.SeriesNumber, ds.ViewPosition, ds.SeriesDescription = n + 1, view, f"Chest {view}"
        path = folder / f"{view}.dcm"
        ds.save_as(path, enforce_file_format=True)
        paths.append(path)
    return paths


def ct_folder(folder: Path, slices: int = 20) -> Path:
    folder.mkdir()
    for n, ds in enumerate(ct_series(Demographics(), slices=slices, size=128)):
        ds.save_as(folder / f"{n:03d}.dcm", enforce_file_format=True)
    return folder


def shown(qtbot, viewer: QtViewerPage, count: int) -> None:
    qtbot.waitUntil(lambda: sum(v.image is not None for v in viewer.views[:count]) == count,
                    timeout=WAIT_MS)


def test_chest_pair_hangs_side_by_side_with_overlays(qtbot, page, tmp_path: Path) -> None:
    page.open(chest_pair(tmp_path))
    shown(qtbot, page, 2)
    assert page.layout_box.currentData() == "1x2"
    left, right = page.views[0], page.views[1]
    assert left.image.header.ViewPosition == "PA"
    assert right.image.header.ViewPosition == "LL"
    assert left.overlay["tl"][0] == "王芳"           # the Chinese name, not the pinyin
    assert left.overlay["br"][-1] == "spacing: at detector"
    assert left.overlay["bl"][0].startswith("W ")
    image = left.grab().toImage()
    centre = image.pixelColor(image.width() // 2, image.height() // 2)
    assert centre.value() > 20   # the radiograph is drawn, not a black viewport


def test_window_level_drag_moves_by_the_expected_amount(qtbot, page, tmp_path) -> None:
    page.open(chest_pair(tmp_path)[:1])
    shown(qtbot, page, 1)
    view = page.view
    view.set_window(Window(2000.0, 3000.0))
    start = view.window
    per_pixel = view.dragged_window(start, 1, 0).width - start.width
    assert per_pixel > 0
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(300, 300))
    qtbot.mouseMove(view, QPoint(340, 310))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(340, 310))
    assert view.window.width == pytest.approx(start.width + 40 * per_pixel)
    assert view.window.center == pytest.approx(start.center + 10 * per_pixel)
    assert page.view.overlay["bl"][0] == (f"W {view.window.width:.0f}  "
                                         f"L {view.window.center:.0f}")


def test_zoom_fit_and_actual_size(qtbot, page, tmp_path) -> None:
    page.open(chest_pair(tmp_path)[:1])
    shown(qtbot, page, 1)
    view = page.view
    fitted = view.scale()
    view.set_zoom(view.zoom * 2)
    assert view.scale() == pytest.approx(2 * fitted)
    view.actual_size()
    assert view.scale() == pytest.approx(1.0)
    view.reset_view()
    assert view.scale() == pytest.approx(fitted)


def test_length_and_roi_measurements_report_mm(qtbot, page, tmp_path) -> None:
    page.open(chest_pair(tmp_path)[:1])
    shown(qtbot, page, 1)
    view: QtImageView = page.view
    page.set_tool(Tool.LINE)
    transform = view.image_to_widget()
    a = transform.map(QPointF(100.5, 100.5)).toPoint()    # image (row 100, column 100)
    b = transform.map(QPointF(400.5, 100.5)).toPoint()    # 300 columns to the right
    with qtbot.waitSignal(view.measurement_added) as added:
        qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=a)
        qtbot.mouseMove(view, b)
        qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=b)
    line = added.args[0]
    spacing = view.calibration.column_mm
    length = float(line.text.split()[0])
    assert line.text.endswith(" mm")
    assert length == pytest.approx(300 * spacing, rel=0.02)   # within a screen pixel's worth
    page.set_tool(Tool.RECTANGLE)
    with qtbot.waitSignal(view.measurement_added) as added:
        qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=a)
        qtbot.mouseMove(view, b + QPoint(0, 40))
        qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=b + QPoint(0, 40))
    assert added.args[0].text.startswith("mean ")
    assert "mm²" in added.args[0].text


def test_ct_stack_scrolls_with_the_wheel_and_offers_presets(qtbot, page, tmp_path) -> None:
    page.open([ct_folder(tmp_path / "ct")])
    shown(qtbot, page, 1)
    view = page.view
    assert page.layout_box.currentData() == "1x1"
    assert view.image.frame_count == 20
    assert float(view.image.header.ImagePositionPatient[2]) == 0.0   # head first
    labels = [page.presets.itemText(i) for i in range(page.presets.count())]
    assert {"Lung", "Mediastinum", "Bone"} <= set(labels)  # a chest CT: chest presets
    assert not {"Brain", "Abdomen"} & set(labels)
    page.presets.activated.emit(labels.index("Lung"))
    assert (view.window.center, view.window.width) == (-600, 1500)
    centre = view.rect().center()
    for _ in range(3):
        qtbot.wait(1)
        view.wheelEvent(_wheel(centre, -120))
    assert view.frame == 3
    assert view.overlay["bl"][2] == "Image 4/20"
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)                  # the arrows step as the wheel
    assert view.frame == 4
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.frame == 2
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.frame == 19
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.frame == 0


def _wheel(position: QPoint, delta: int) -> QWheelEvent:
    return QWheelEvent(QPointF(position), QPointF(position), QPoint(0, 0), QPoint(0, delta),
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                       Qt.ScrollPhase.NoScrollPhase, False)


def test_a_damaged_file_is_said_in_words(qtbot, page, tmp_path) -> None:
    broken = tmp_path / "broken.dcm"
    good = chest_pair(tmp_path)[0]
    broken.write_bytes(good.read_bytes()[: 40_000])   # cut off inside the pixel data
    with qtbot.waitSignal(page.problem, timeout=WAIT_MS) as said:
        page.open([broken])
    assert "damaged or incomplete" in said.args[0] or "cannot" in said.args[0]


def drag(qtbot, view: QtImageView, a: tuple[float, float], b: tuple[float, float]) -> None:
    transform = view.image_to_widget()
    start = transform.map(QPointF(a[1] + 0.5, a[0] + 0.5)).toPoint()
    end = transform.map(QPointF(b[1] + 0.5, b[0] + 0.5)).toPoint()
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view, end)
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=end)


def test_cobb_text_annotations_are_kept_and_key_image_saved(qtbot, page, tmp_path) -> None:
    page.annotations = tmp_path / "annotations"
    paths = chest_pair(tmp_path)
    page.open(paths[:1])
    shown(qtbot, page, 1)
    view = page.view
    page.set_tool(Tool.COBB)
    # two end plates: horizontal, and rising 100 px over 300 px (18.4° on square pixels)
    drag(qtbot, view, (200, 100), (200, 400))
    assert view.measurements == []                 # one line is not a Cobb angle yet
    with qtbot.waitSignal(view.measurement_added) as added:
        drag(qtbot, view, (400, 100), (300, 400))
    expected = math.degrees(math.atan2(100 * view.calibration.row_mm,
                                       300 * view.calibration.column_mm))
    assert added.args[0].text.startswith("Cobb ")
    assert float(added.args[0].text.split()[1].rstrip("°")) == pytest.approx(expected, abs=0.6)
    view.add_text(50, 50, "左下肺结节？")
    key = page.save_key_image()
    assert key is not None
    assert key.is_file()
    assert key.read_bytes().startswith(b"\x89PNG")

    page.open(paths[:1])                           # open the study again: all comes back
    qtbot.waitUntil(lambda: len(page.view.measurements) == 2, timeout=WAIT_MS)
    tools = [m.tool for m in page.view.measurements]
    assert tools == [Tool.COBB, Tool.TEXT]
    assert page.view.measurements[1].text == "左下肺结节？"
    assert all(m.key_image for m in page.view.measurements)


def test_linked_viewports_follow_each_other(qtbot, page, tmp_path) -> None:
    folder = ct_folder(tmp_path / "ct", slices=10)
    page.open([folder])
    shown(qtbot, page, 1)
    page.set_layout("1x2")
    page.show_series(0, 1)                         # the same series beside it, as a prior
    qtbot.waitUntil(lambda: page.views[1].image is not None, timeout=WAIT_MS)
    left, right = page.views[0], page.views[1]
    left.set_window(Window(-600, 1500))
    assert right.window != left.window             # not linked: independent
    page.link_button.setChecked(True)
    left.set_window(Window(40, 400))
    left.set_frame(6)
    left.set_zoom(2.0)
    assert right.window == Window(40, 400)
    assert right.frame == 6
    assert right.zoom == 2.0
    assert right.overlay["bl"][2] == "Image 7/10"


def test_magnifier_shows_full_resolution_pixels_and_full_screen(qtbot, page, tmp_path) -> None:
    page.open(chest_pair(tmp_path)[:1])
    shown(qtbot, page, 1)
    view = page.view
    page.set_tool(Tool.MAGNIFY)
    centre = view.image_to_widget().map(QPointF(300.5, 300.5)).toPoint()
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=centre)
    patch = view.loupe_pixels()
    assert patch is not None
    row, column = (int(v) for v in view.widget_to_image(QPointF(centre)))
    top, left = row - patch.shape[0] // 2, column - patch.shape[1] // 2
    expected = view._lut.apply(view.image.frames[0][top:top + patch.shape[0],
                                                    left:left + patch.shape[1]])
    assert patch.shape == expected.shape           # every pixel, not every other
    assert (patch == expected).all()
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=centre)
    assert view.loupe_at is None
    page.toggle_full_screen()
    assert page.window().isFullScreen()
    assert page.thumbnails.isHidden()
    page.toggle_full_screen()
    assert not page.window().isFullScreen()
    assert not page.thumbnails.isHidden()


def test_a_bad_site_hanging_file_is_said_and_the_shipped_rules_used(qtbot, tmp_path) -> None:
    own = tmp_path / "hanging_protocols.json"
    own.write_text('[{"name": "x", "modalities": ["DX"], "layout": "9x9"}]', encoding="utf-8")
    tasks = TaskRunner()
    try:
        viewer = QtViewerPage(tasks, hanging_rules=own)
        qtbot.addWidget(viewer)
        assert "hanging protocols were not used" in viewer.message.text()
        assert viewer.hanging_rules[0].name == "Chest PA + lateral"
    finally:
        tasks.shutdown(wait=True)


def test_marks_on_a_ct_slice_go_out_as_gsps_and_come_back_on_that_slice(qtbot, page,
                                                                       tmp_path) -> None:
    page.annotations = tmp_path / "annotations"
    page.creator = "李^四"
    folder = ct_folder(tmp_path / "ct", slices=10)
    page.open([folder])
    shown(qtbot, page, 1)
    view = page.view
    view.set_frame(6)
    page.set_tool(Tool.LINE)
    with qtbot.waitSignal(view.measurement_added):
        drag(qtbot, view, (30, 30), (30, 90))
    page.presets.activated.emit([page.presets.itemText(i) for i in range(
        page.presets.count())].index("Lung"))
    view.rotate(90)
    slice_uid = view.image.source(6)[0]
    state = tmp_path / "out" / "notes-PR.dcm"
    with qtbot.waitSignal(page.state_saved, timeout=WAIT_MS):
        page.export_presentation_state(state)
    assert "1 mark" in page.message.text()
    written = dcmread(state)
    annotation = written.GraphicAnnotationSequence[0]
    assert annotation.ReferencedImageSequence[0].ReferencedSOPInstanceUID == slice_uid
    assert written.ImageRotation == 90
    assert float(written.SoftcopyVOILUTSequence[0].WindowCenter) == -600.0
    assert str(written.ContentCreatorName) == "李^四"

    # another reader opens the images with the state, without our annotation files
    shutil.copy(state, folder / "notes-PR.dcm")
    other_tasks = TaskRunner()
    other = QtViewerPage(other_tasks)
    qtbot.addWidget(other)
    other.resize(800, 600)
    other.show()
    try:
        other.open([folder])
        qtbot.waitUntil(lambda: bool(other.view.image is not None and other.view.measurements),
                        timeout=WAIT_MS)
        mark = other.view.measurements[0]
        assert (mark.tool, mark.frame) == (Tool.LINE, 6)      # on slice 7, where it was drawn
        assert mark.text.endswith("mm")
        assert "presentation state" in other.message.text()
        qtbot.waitUntil(lambda: other.view.rotation == 90, timeout=WAIT_MS)
        assert (other.view.window.center, other.view.window.width) == (-600, 1500)  # lung
        assert not other.view.flip_h
        assert not other.view.inverted
    finally:
        other_tasks.shutdown(wait=True)


def test_a_mark_is_adjusted_moved_and_deleted_with_the_mouse(qtbot, page, tmp_path) -> None:
    page.open(chest_pair(tmp_path)[:1])
    shown(qtbot, page, 1)
    view = page.view
    page.set_tool(Tool.LINE)
    with qtbot.waitSignal(view.measurement_added) as added:
        drag(qtbot, view, (100, 100), (100, 300))              # 200 columns
    line = added.args[0]
    column_mm = view.calibration.column_mm
    assert float(line.text.split()[0]) == pytest.approx(200 * column_mm, rel=0.03)

    page.set_tool(Tool.WINDOW)                                  # back to reading
    window = view.window
    with qtbot.waitSignal(view.measurements_changed):
        drag(qtbot, view, (100, 300), (100, 400))               # its end point, further
    assert view.window == window                                # taking a mark is not W/L
    assert view.selected is line
    assert float(line.text.split()[0]) == pytest.approx(300 * column_mm, rel=0.03)

    with qtbot.waitSignal(view.measurements_changed):
        drag(qtbot, view, (100, 250), (150, 250))               # by its middle: all of it
    assert line.points[0][0] == pytest.approx(150, abs=2)
    assert line.points[1][0] == pytest.approx(150, abs=2)
    assert float(line.text.split()[0]) == pytest.approx(300 * column_mm, rel=0.03)

    view.setFocus()
    with qtbot.waitSignal(view.measurements_changed):
        qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert view.measurements == []
    assert view.selected is None


def test_the_pixel_under_the_mouse_is_read_out_in_hounsfield_units(qtbot, page,
                                                                   tmp_path) -> None:
    folder = ct_folder(tmp_path / "ct", slices=5)
    page.open([folder])
    shown(qtbot, page, 1)
    view = page.view
    view.set_frame(2)
    row, column = 64, 40                                        # inside the body
    at = view.image_to_widget().map(QPointF(column + 0.5, row + 0.5))
    qtbot.mouseMove(view, at.toPoint())
    qtbot.waitUntil(lambda: bool(view.probe), timeout=WAIT_MS)
    source = dcmread(next(p for p in folder.iterdir()
                          if dcmread(p, stop_before_pixels=True).SOPInstanceUID ==
                          view.image.source(2)[0]))
    expected = int(source.pixel_array[row, column]) * float(source.RescaleSlope) + \
        float(source.RescaleIntercept)                          # pydicom, independently
    assert view.probe == f"x {column}  y {row}  {expected:.0f} HU"
    qtbot.mouseMove(view, QPoint(2, 2))                         # outside the image: nothing
    qtbot.waitUntil(lambda: view.probe == "", timeout=WAIT_MS)
