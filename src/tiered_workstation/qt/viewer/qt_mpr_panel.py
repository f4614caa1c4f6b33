"""MPR and 3D: axial, coronal and sagittal planes with a linked crosshair and thick-slab
MIP, and a volume rendering (VTK, offscreen, on a worker) with presets."""

from __future__ import annotations

import logging

import numpy as np
from pydicom.dataset import Dataset
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...viewer.display import PixelModel, Window
from ...viewer.frames import DecodedImage
from ...viewer.mpr import Cursor, Plane, centre, cursor_at, reslice
from ...viewer.series import Volume
from ..tasks import TaskRunner
from .qt_image_view import QtImageView, Tool

LOGGER = logging.getLogger(__name__)
SLABS_MM = (0.0, 5.0, 10.0, 20.0)


def plane_image(pixels: np.ndarray, header: Dataset, windows: tuple[Window, ...]) -> DecodedImage:
    """A reformatted plane as an image the 2D view can show (output units, int16)."""
    frames = np.ascontiguousarray(pixels.astype(np.int16, copy=False))[np.newaxis]
    model = PixelModel(bits_stored=16, signed=True, photometric="MONOCHROME2",
                       windows=windows, stored_range=(-32768, 32767))
    return DecodedImage(header, frames, model)


class QtMprPanel(QWidget):
    """Three planes and a 3D view of one volume."""

    cursor_moved = Signal(object)    # Cursor
    rendered = Signal()              # a 3D picture is shown

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self.volume: Volume | None = None
        self.header = Dataset()
        self.cursor = Cursor(0, 0, 0)
        self.window = Window(40, 400, "Mediastinum")
        self._windows: tuple[Window, ...] = ()
        self.planes: dict[Plane, QtImageView] = {}
        grid = QGridLayout()
        grid.setSpacing(2)
        names = {Plane.AXIAL: self.tr("Axial"), Plane.CORONAL: self.tr("Coronal"),
                 Plane.SAGITTAL: self.tr("Sagittal")}
        for n, plane in enumerate(Plane):
            view = QtImageView()
            view.tool = Tool.CROSSHAIR
            view.crosshair_placed.connect(lambda r, c, p=plane: self._clicked(p, r, c))
            view.window_changed.connect(self._window_from_view)
            self.planes[plane] = view
            view.setProperty("planeName", names[plane])
            grid.addWidget(view, n // 2, n % 2)
        self.render_view = QLabel(self.tr("3D"))
        self.render_view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.render_view.setStyleSheet("background: black; color: #8b96a3;")
        self.render_view.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        grid.addWidget(self.render_view, 1, 1)

        self.slab = QComboBox()
        for mm in SLABS_MM:
            self.slab.addItem(self.tr("Thin") if mm == 0 else self.tr("MIP {mm:.0f} mm").format(
                mm=mm), mm)
        self.slab.currentIndexChanged.connect(lambda _i: self.refresh())
        self.preset = QComboBox()
        for key, label in (("bone", self.tr("Bone")), ("soft_tissue", self.tr("Soft tissue")),
                           ("lung", self.tr("Lung"))):
            self.preset.addItem(label, key)
        self.preset.currentIndexChanged.connect(lambda _i: self.render_3d())
        self.azimuth = 0.0
        self._render_request = 0   # only the newest rendering is shown
        left = QToolButton()
        left.setText("⟲")
        left.clicked.connect(lambda: self.turn(-30))
        right = QToolButton()
        right.setText("⟳")
        right.clicked.connect(lambda: self.turn(30))
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Slab")))
        controls.addWidget(self.slab)
        controls.addSpacing(16)
        controls.addWidget(QLabel(self.tr("3D")))
        controls.addWidget(self.preset)
        controls.addWidget(left)
        controls.addWidget(right)
        controls.addStretch(1)
        self.status = QLabel()
        self.status.setObjectName("muted")
        controls.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addLayout(grid, 1)

    def set_volume(self, volume: Volume, header: Dataset, windows: tuple[Window, ...],
                   window: Window) -> None:
        self.volume = volume
        self.header = header
        self._windows = windows
        self.window = window
        self.cursor = centre(volume)
        for view in self.planes.values():
            view.image = None
        self.refresh()
        for view in self.planes.values():
            view.set_window(window)
        spacing = " × ".join(f"{s:.2f}" for s in volume.spacing)
        note = "" if volume.uniform else self.tr(" · slice gaps differ: distances are "
                                                 "approximate")
        self.status.setText(self.tr("{n} slices, voxels {spacing} mm").format(
            n=volume.voxels.shape[0], spacing=spacing) + note)
        self.render_3d()

    def refresh(self) -> None:
        if self.volume is None:
            return
        slab = float(self.slab.currentData() or 0.0)
        for plane, view in self.planes.items():
            cut = reslice(self.volume, plane, self.cursor, slab)
            view.replace_image(plane_image(cut.pixels, self.header, self._windows),
                               aspect=cut.row_mm / cut.column_mm)
            view.crosshair = cut.crosshair
            view.overlay = {"tl": [view.property("planeName")], "tr": [],
                            "bl": [f"W {self.window.width:.0f}  L {self.window.center:.0f}"],
                            "br": [self.tr("MIP {mm:.0f} mm").format(mm=slab)] if slab else []}
            view.update()

    def _clicked(self, plane: Plane, row: float, column: float) -> None:
        if self.volume is None:
            return
        self.cursor = cursor_at(self.volume, plane, self.cursor, row, column)
        self.refresh()
        self.cursor_moved.emit(self.cursor)

    def _window_from_view(self, window: Window) -> None:
        if window == self.window:
            return
        self.window = window
        for view in self.planes.values():
            if view.window != window:
                view.set_window(window)

    def turn(self, degrees: float) -> None:
        self.azimuth = (self.azimuth + degrees) % 360
        self.render_3d()

    def render_3d(self) -> None:
        if self.volume is None:
            return
        from .vtk_volume import Preset, render_volume  # VTK only when 3D is shown

        size = (max(self.render_view.width(), 256), max(self.render_view.height(), 256))
        self._render_request += 1
        request = self._render_request
        if self.render_view.pixmap().isNull():
            self.render_view.setText(self.tr("Rendering…"))
        self._tasks.net(render_volume, self.volume, Preset(self.preset.currentData()),
                        size, self.azimuth, 10.0).success(
            lambda pixels: self._show_render(request, pixels)).failure(self._render_failed)

    def _show_render(self, request: int, pixels: np.ndarray) -> None:
        if request != self._render_request:
            return  # a newer preset or angle was asked for meanwhile
        height, width = pixels.shape[:2]
        image = QImage(pixels.data, width, height, pixels.strides[0],
                       QImage.Format.Format_RGB888).copy()
        self.render_view.setPixmap(QPixmap.fromImage(image).scaled(
            self.render_view.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))
        self.rendered.emit()

    def _render_failed(self, exc: BaseException) -> None:
        LOGGER.warning("3D rendering failed: %s", exc)
        self.render_view.setText(self.tr("3D rendering is not available here: {error}")
                                 .format(error=exc))
