"""MPR and 3D of a real CT series: three planes with a linked crosshair, a slab MIP, and
a VTK volume rendering (offscreen EGL + Mesa) that is not blank."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, Qt

from qt.test_viewer import ct_folder, page, shown  # noqa: F401 - the page fixture
from tiered_workstation.qt.viewer.qt_viewer_page import QtViewerPage
from tiered_workstation.viewer.mpr import Plane

WAIT_MS = 60_000


def test_mpr_planes_crosshair_and_3d(qtbot, page: QtViewerPage, tmp_path: Path) -> None:  # noqa: F811
    page.open([ct_folder(tmp_path / "ct", slices=24)])
    shown(qtbot, page, 1)
    page.mpr_button.setChecked(True)
    qtbot.waitUntil(lambda: page.mpr is not None and page.mpr.volume is not None,
                    timeout=WAIT_MS)
    mpr = page.mpr
    assert page.centre.currentWidget() is mpr
    axial, coronal, sagittal = (mpr.planes[p] for p in Plane)
    assert axial.image.frames.shape[1:] == (128, 128)
    assert coronal.image.frames.shape[1:] == (24, 128)      # slices × columns
    assert coronal.aspect == mpr.volume.spacing[0] / mpr.volume.spacing[2]
    assert axial.crosshair == (64, 64)

    # click the top of the coronal plane: the crosshair moves to the head end
    transform = coronal.image_to_widget()
    point = transform.map(QPointF(30.5, 2.5)).toPoint()
    with qtbot.waitSignal(mpr.cursor_moved) as moved:
        qtbot.mouseClick(coronal, Qt.MouseButton.LeftButton, pos=point)
    cursor = moved.args[0]
    assert cursor.slice == 23 - 2
    assert cursor.column == 30
    assert sagittal.crosshair[0] == 2                         # the same height in sagittal

    mpr.slab.setCurrentIndex(mpr.slab.findData(10.0))
    assert axial.overlay["br"] == ["MIP 10 mm"]

    qtbot.waitUntil(lambda: not mpr.render_view.pixmap().isNull(), timeout=WAIT_MS)
    with qtbot.waitSignal(mpr.rendered, timeout=WAIT_MS):   # the body's soft tissue
        mpr.preset.setCurrentIndex(mpr.preset.findData("soft_tissue"))
    picture = mpr.render_view.pixmap().toImage()
    lit = sum(picture.pixelColor(x, y).value() > 30
              for x in range(0, picture.width(), 8) for y in range(0, picture.height(), 8))
    assert lit > 20, "the volume rendering came back blank"
