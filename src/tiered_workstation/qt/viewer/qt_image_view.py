"""One viewport of the 2D viewer: an image with window/level, zoom, pan, rotate/flip,
stack scroll, corner overlays and measurements.  What it paints over the image is in
``qt_view_painting``, what the mouse and keyboard do in ``qt_view_tools``.

The 8-bit frame comes from the pipeline's lookup table over only the pixels
the screen can show (``viewer.view.fit_step``); the widget wraps it in a QImage
without copying and lets QPainter place it.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QPainter,
    QPaintEvent,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...viewer.annotations import Measurement, Tool
from ...viewer.display import DisplayLut, Window
from ...viewer.frames import DecodedImage
from ...viewer.measure import (
    Calibration,
    SpacingSource,
    calibration_of,
)
from ...viewer.view import fit_scale, fit_step
from .qt_view_painting import ViewPainting
from .qt_view_tools import ViewTools

MIN_ZOOM, MAX_ZOOM = 0.1, 40.0


class QtImageView(ViewPainting, ViewTools, QWidget):
    """Shows one image (all its frames); the page wires tools, presets and overlays."""

    window_changed = Signal(object)       # Window
    frame_changed = Signal(int)
    view_changed = Signal()               # zoom, pan, rotation or flips
    measurement_added = Signal(object)    # Measurement
    crosshair_placed = Signal(float, float)  # (row, column) clicked with the crosshair tool
    text_requested = Signal(float, float)    # (row, column) where a text note goes
    measurements_changed = Signal()          # added, removed or cleared
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 200)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.image: DecodedImage | None = None
        self.calibration = Calibration(1.0, 1.0, SpacingSource.NONE)
        self.window: Window | None = None
        self.frame = 0
        self.zoom = 1.0               # × the fitted size
        self.pan = QPointF(0, 0)      # widget pixels
        self.rotation = 0             # degrees, multiple of 90
        self.flip_h = False
        self.flip_v = False
        self.inverted = False
        self.tool = Tool.WINDOW
        self.measurements: list[Measurement] = []
        self.aspect = 1.0             # row spacing ÷ column spacing (MPR planes)
        self.crosshair: tuple[float, float] | None = None
        self.overlay: dict[str, list[str]] = {"tl": [], "tr": [], "bl": [], "br": []}
        self._lut: DisplayLut | None = None
        self._cache: tuple[tuple[object, ...], QImage, np.ndarray] | None = None
        self._drag_start: QPointF | None = None
        self._drag_window: Window | None = None
        self._drag_pan = QPointF(0, 0)
        self._drag_zoom = 1.0
        self._drawing: Measurement | None = None
        self.selected: Measurement | None = None   # taken with the mouse: Delete removes it
        self._editing: tuple[Measurement, int | None] | None = None  # its point, or all of it
        self._edit_from: list[tuple[float, float]] = []
        self.probe = ""            # the pixel under the mouse and its value (HU for CT)
        self._drag_tool = Tool.WINDOW
        self.loupe_at: QPointF | None = None   # widget position of the magnifier
        self._value_span = 1000.0

    # -- content -------------------------------------------------------------------------
    def set_image(self, image: DecodedImage) -> None:
        self.image = image
        self.calibration = calibration_of(image.header)
        self.frame = 0
        self.measurements = []
        self.selected = None
        lo_hi = image.model.rescale(np.array([image.frames.min(), image.frames.max()]))
        self._value_span = max(float(lo_hi.max() - lo_hi.min()), 1.0)
        self.reset_view()
        self.set_window(image.default_window())

    def clear_image(self) -> None:
        """Show nothing ("No image"): another patient's study must not stay on screen."""
        self.image = None
        self._cache = None
        self._lut = None
        self.measurements = []
        self.selected = None
        self.overlay = {"tl": [], "tr": [], "bl": [], "br": []}
        self.update()

    def replace_image(self, image: DecodedImage, aspect: float = 1.0) -> None:
        """New pixels of the same kind (an MPR plane moving): keep zoom, pan and window."""
        first = self.image is None
        self.image = image
        self.aspect = aspect
        self._cache = None
        if first or self.window is None:
            self.set_image(image)
            return
        self._lut = None if image.colour else image.display_lut(self.window)
        self.update()

    def set_window(self, window: Window) -> None:
        if self.image is None:
            return
        self.window = window
        self._lut = None if self.image.colour else self.image.display_lut(window)
        self._cache = None
        self.window_changed.emit(window)
        self.update()

    def set_frame(self, index: int) -> None:
        if self.image is None:
            return
        index = max(0, min(self.image.frame_count - 1, index))
        if index != self.frame:
            self.frame = index
            self._cache = None
            self.frame_changed.emit(index)
            self.update()

    def reset_view(self) -> None:
        self.zoom, self.pan, self.rotation = 1.0, QPointF(0, 0), 0
        self.flip_h = self.flip_v = False
        self._cache = None
        self.view_changed.emit()
        self.update()

    def set_zoom(self, zoom: float) -> None:
        self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        self._cache = None
        self.view_changed.emit()
        self.update()

    def actual_size(self) -> None:
        """1:1 — one image pixel per screen pixel."""
        if self.image is not None:
            self.set_zoom(1.0 / self._fit())

    def rotate(self, degrees: int) -> None:
        self.rotation = (self.rotation + degrees) % 360
        self.view_changed.emit()
        self.update()

    def flip(self, horizontal: bool) -> None:
        if horizontal:
            self.flip_h = not self.flip_h
        else:
            self.flip_v = not self.flip_v
        self.view_changed.emit()
        self.update()

    def toggle_invert(self) -> None:
        self.inverted = not self.inverted
        self._cache = None
        self.update()

    # -- geometry ------------------------------------------------------------------------
    def _shape(self) -> tuple[int, int]:
        assert self.image is not None
        return int(self.image.frames.shape[1]), int(self.image.frames.shape[2])

    def _fit(self) -> float:
        rows, columns = self._shape()
        height = rows * self.aspect
        if self.rotation % 180:
            height, columns = columns, height
        return fit_scale((round(height), round(columns)),
                         (max(self.height(), 1), max(self.width(), 1)))

    def scale(self) -> float:
        """Screen pixels per image pixel."""
        return self._fit() * self.zoom

    def image_to_widget(self) -> QTransform:
        rows, columns = self._shape()
        s = self.scale()
        transform = QTransform()
        transform.translate(self.width() / 2 + self.pan.x(), self.height() / 2 + self.pan.y())
        transform.rotate(self.rotation)
        transform.scale(-s if self.flip_h else s, (-s if self.flip_v else s) * self.aspect)
        transform.translate(-columns / 2, -rows / 2)
        return transform

    def widget_to_image(self, point: QPointF) -> tuple[float, float]:
        """(row, column) of the image under a widget point (pixel centres at .5)."""
        inverse, _ = self.image_to_widget().inverted()
        mapped = inverse.map(point)
        return mapped.y() - 0.5, mapped.x() - 0.5

    # -- painting ------------------------------------------------------------------------
    def _frame_image(self) -> QImage:
        assert self.image is not None
        step = fit_step(self._shape(), (max(self.height(), 1), max(self.width(), 1)),
                        self.zoom)
        key = (self.frame, id(self._lut), step, self.inverted)
        if self._cache is not None and self._cache[0] == key:
            return self._cache[1]
        if self.image.colour:
            shown = self.image.display(self.frame)[::step, ::step]
        else:
            assert self._lut is not None
            shown = self._lut.apply(self.image.frames[self.frame][::step, ::step])
        if self.inverted:
            shown = 255 - shown
        shown = np.ascontiguousarray(shown)
        height, width = shown.shape[:2]
        if shown.ndim == 3:
            qimage = QImage(shown.data, width, height, 3 * width, QImage.Format.Format_RGB888)
        else:
            qimage = QImage(shown.data, width, height, width, QImage.Format.Format_Grayscale8)
        self._cache = (key, qimage, shown)  # the array must outlive the QImage
        return qimage

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("black"))
        if self.image is None:
            painter.setPen(QColor("#8b96a3"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No image"))
            return
        qimage = self._frame_image()
        painter.save()
        # smooth scaling when the picture rests; nearest while a drag changes it every frame
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform,
                              self._drag_start is None)
        painter.setTransform(self.image_to_widget())
        rows, columns = self._shape()
        painter.drawImage(QRectF(0, 0, columns, rows), qimage,
                          QRectF(0, 0, qimage.width(), qimage.height()))
        painter.restore()
        self._paint_measurements(painter)
        self._paint_crosshair(painter)
        self._paint_loupe(painter)
        self._paint_overlay(painter)

    def _finish(self, item: Measurement) -> None:
        item.text = self.describe(item)
        if self.image is not None:
            item.sop_instance_uid = str(self.image.header.get("SOPInstanceUID", ""))
        self.measurements.append(item)
        self.measurement_added.emit(item)
        self.measurements_changed.emit()
        self.update()

    def add_text(self, row: float, column: float, text: str) -> None:
        """A text note at (row, column)."""
        if text.strip():
            self._finish(Measurement(Tool.TEXT, self.frame, [(row, column)], text.strip()))

    def clear_measurements(self) -> None:
        self.measurements.clear()
        self.selected = None
        self.measurements_changed.emit()
        self.update()

    def delete_selected(self) -> bool:
        """Remove the measurement taken with the mouse (Delete or Backspace)."""
        if self.selected is None or self.selected not in self.measurements:
            return False
        self.measurements.remove(self.selected)
        self.selected = None
        self.measurements_changed.emit()
        self.update()
        return True
