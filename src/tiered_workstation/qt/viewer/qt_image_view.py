"""One viewport of the 2D viewer: an image with window/level, zoom, pan, rotate/flip,
stack scroll, corner overlays and measurements.

The 8-bit frame comes from the pipeline's lookup table over only the pixels
the screen can show (``viewer.view.fit_step``); the widget wraps it in a QImage
without copying and lets QPainter place it.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...viewer.annotations import Measurement, Tool
from ...viewer.display import DisplayLut, Window
from ...viewer.editing import handle_at, shape_at
from ...viewer.frames import DecodedImage
from ...viewer.measure import (
    Calibration,
    SpacingSource,
    angle_deg,
    calibration_of,
    cobb_angle_deg,
    distance_mm,
    ellipse_mask,
    rectangle_mask,
    roi_stats,
)
from ...viewer.view import fit_scale, fit_step

ZOOM_STEP = 1.25
LOUPE_PX = 220          # the magnifier's size on screen
LOUPE_FACTOR = 3.0      # screen pixels per image pixel inside it
GRAB_PX = 6.0           # how near (screen pixels) the mouse must be to take a mark
EDITING_TOOLS = (Tool.WINDOW, Tool.PAN, Tool.ZOOM)   # with these, a mark can be taken
MIN_ZOOM, MAX_ZOOM = 0.1, 40.0


class QtImageView(QWidget):
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

    def loupe_pixels(self) -> np.ndarray | None:
        """The 8-bit full-resolution patch under the magnifier (rows, columns)."""
        if self.loupe_at is None or self.image is None:
            return None
        row, column = self.widget_to_image(self.loupe_at)
        half = int(LOUPE_PX / LOUPE_FACTOR / 2)
        rows, columns = self._shape()
        r0, c0 = max(int(row) - half, 0), max(int(column) - half, 0)
        r1, c1 = min(int(row) + half, rows), min(int(column) + half, columns)
        if r1 <= r0 or c1 <= c0:
            return None
        if self.image.colour:
            patch = self.image.display(self.frame)[r0:r1, c0:c1]
        else:
            assert self._lut is not None
            patch = self._lut.apply(self.image.frames[self.frame][r0:r1, c0:c1])
        return np.ascontiguousarray(255 - patch if self.inverted else patch)

    def _paint_loupe(self, painter: QPainter) -> None:
        patch = self.loupe_pixels()
        if patch is None or self.loupe_at is None:
            return
        height, width = patch.shape[:2]
        fmt = QImage.Format.Format_RGB888 if patch.ndim == 3 else \
            QImage.Format.Format_Grayscale8
        image = QImage(patch.data, width, height, patch.strides[0], fmt)
        box = QRectF(self.loupe_at.x() - LOUPE_PX / 2, self.loupe_at.y() - LOUPE_PX / 2,
                     LOUPE_PX, LOUPE_PX)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.drawImage(QRectF(box.x(), box.y(), width * LOUPE_FACTOR,
                                 height * LOUPE_FACTOR), image)
        painter.setPen(QPen(QColor("#2b6cb0"), 2))
        painter.drawRect(box)
        painter.restore()

    @staticmethod
    def _draw_arrow(painter: QPainter, tip: QPointF, tail: QPointF) -> None:
        painter.drawLine(tip, tail)
        angle = math.atan2(tail.y() - tip.y(), tail.x() - tip.x())
        for side in (-0.45, 0.45):
            painter.drawLine(tip, tip + QPointF(14 * math.cos(angle + side),
                                                14 * math.sin(angle + side)))

    def _paint_crosshair(self, painter: QPainter) -> None:
        if self.crosshair is None:
            return
        rows, columns = self._shape()
        transform = self.image_to_widget()
        row, column = self.crosshair[0] + 0.5, self.crosshair[1] + 0.5
        pen = QPen(QColor(80, 220, 120, 200))
        pen.setWidthF(1.0)
        painter.setPen(pen)
        painter.drawLine(transform.map(QPointF(0, row)), transform.map(QPointF(columns, row)))
        painter.drawLine(transform.map(QPointF(column, 0)), transform.map(QPointF(column, rows)))

    def _paint_overlay(self, painter: QPainter) -> None:
        font = QFont(self.font())
        font.setPixelSize(13)
        painter.setFont(font)
        margin = 8
        line = 17
        for corner, lines in self.overlay.items():
            if corner == "bl" and self.probe:
                lines = [*lines, self.probe]
            for n, text in enumerate(lines):
                top = corner.startswith("t")
                y = margin + line * (n + 1) - 4 if top else \
                    self.height() - margin - line * (len(lines) - n - 1) - 4
                flags = Qt.AlignmentFlag.AlignLeft if corner.endswith("l") else \
                    Qt.AlignmentFlag.AlignRight
                box = QRectF(margin, y - line + 4, self.width() - 2 * margin, line)
                painter.setPen(QColor(0, 0, 0, 200))
                painter.drawText(box.translated(1, 1), flags, text)
                painter.setPen(QColor("#f2f5f8"))
                painter.drawText(box, flags, text)

    def _paint_measurements(self, painter: QPainter) -> None:
        transform = self.image_to_widget()
        pen = QPen(QColor("#ffd54f"))
        pen.setWidthF(1.6)
        painter.setPen(pen)
        items = [m for m in self.measurements if m.frame == self.frame]
        if self._drawing is not None:
            items.append(self._drawing)
        chosen = QPen(QColor("#4fc3f7"))
        chosen.setWidthF(2.2)
        for item in items:
            points = [transform.map(QPointF(c + 0.5, r + 0.5)) for r, c in item.points]
            painter.setPen(chosen if item is self.selected else pen)
            if item is self.selected:
                for point in points:   # its handles
                    painter.drawRect(QRectF(point - QPointF(3, 3), point + QPointF(3, 3)))
            if item.tool in (Tool.LINE, Tool.ANGLE):
                for a, b in itertools.pairwise(points):
                    painter.drawLine(a, b)
            elif item.tool is Tool.COBB:
                for a, b in zip(points[::2], points[1::2], strict=False):
                    painter.drawLine(a, b)
            elif item.tool is Tool.ARROW and len(points) == 2:
                self._draw_arrow(painter, points[0], points[1])
            elif len(points) == 2 and item.tool is Tool.RECTANGLE:
                painter.drawRect(QRectF(points[0], points[1]).normalized())
            elif len(points) == 2 and item.tool is Tool.ELLIPSE:
                painter.drawEllipse(QRectF(points[0], points[1]).normalized())
            if item.text and points:
                where = points[-1] + QPointF(8, -8)
                painter.setPen(QColor(0, 0, 0, 220))   # a shadow keeps it legible on bone
                painter.drawText(where + QPointF(1, 1), item.text)
                painter.setPen(chosen if item is self.selected else pen)
                painter.drawText(where, item.text)

    # -- measurements --------------------------------------------------------------------
    def describe(self, item: Measurement) -> str:
        """The result text shown next to a measurement."""
        unit = "mm" if self.calibration.calibrated else "px"
        if item.tool is Tool.LINE and len(item.points) == 2:
            return f"{distance_mm(item.points[0], item.points[1], self.calibration):.1f} {unit}"
        if item.tool is Tool.COBB and len(item.points) == 4:
            try:
                angle = cobb_angle_deg((item.points[0], item.points[1]),
                                       (item.points[2], item.points[3]), self.calibration)
            except ValueError:
                return ""
            return self.tr("Cobb {angle:.1f}°").format(angle=angle)
        if item.tool is Tool.TEXT:
            return item.text
        if item.tool is Tool.ANGLE and len(item.points) == 3:
            a, vertex, b = item.points
            try:
                return f"{angle_deg(a, vertex, b, self.calibration):.1f}°"
            except ValueError:
                return ""
        if item.tool in (Tool.RECTANGLE, Tool.ELLIPSE) and len(item.points) == 2 \
                and self.image is not None and not self.image.colour:
            shape = self._shape()
            mask = (rectangle_mask if item.tool is Tool.RECTANGLE else ellipse_mask)(
                shape, item.points[0], item.points[1])
            values = self.image.model.rescale(self.image.frames[item.frame])
            try:
                stats = roi_stats(values, mask, self.calibration)
            except ValueError:
                return ""
            area = f"{stats.area_mm2:.0f} {unit}²"
            return self.tr("mean {mean:.1f}, SD {sd:.1f}, area {area}").format(
                mean=stats.mean, sd=stats.sd, area=area)
        return ""

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

    def _on_screen(self, item: Measurement) -> list[tuple[float, float]]:
        transform = self.image_to_widget()
        mapped = [transform.map(QPointF(c + 0.5, r + 0.5)) for r, c in item.points]
        return [(p.x(), p.y()) for p in mapped]

    def _take(self, position: QPointF) -> bool:
        """Take the mark under the mouse: a point of it (to move that point), or its
        outline (to move it whole). Not while a shape is half drawn."""
        if self._drawing is not None:
            return False
        shown = [m for m in self.measurements if m.frame == self.frame]
        at = (position.x(), position.y())
        handle = handle_at([self._on_screen(m) for m in shown], at, GRAB_PX)
        if handle is not None:
            item, point = shown[handle[0]], handle[1]
        else:
            index = shape_at([(m.tool, self._on_screen(m)) for m in shown], at, GRAB_PX)
            if index is None:
                if self.selected is not None:
                    self.selected = None
                    self.update()
                return False
            item, point = shown[index], None
        self.selected = item
        self._editing = (item, point)
        self._edit_from = list(item.points)
        self.update()
        return True

    def _edit(self, position: QPointF) -> None:
        assert self._editing is not None
        assert self._drag_start is not None
        item, point = self._editing
        if point is not None:
            item.points[point] = self.widget_to_image(position)
        else:
            start = self.widget_to_image(self._drag_start)
            now = self.widget_to_image(position)
            d_row, d_column = now[0] - start[0], now[1] - start[1]
            item.points = [(r + d_row, c + d_column) for r, c in self._edit_from]
        if item.tool is not Tool.TEXT:
            item.text = self.describe(item)
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.delete_selected():
            return
        if self.image is not None and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.set_frame(self.frame + (-1 if key == Qt.Key.Key_Up else 1))  # as the wheel
            return
        if self.image is not None and key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self.set_frame(0 if key == Qt.Key.Key_Home else self.image.frame_count - 1)
            return
        super().keyPressEvent(event)

    # -- input ---------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.image is None:
            return
        position = event.position()
        button = event.button()
        tool = self.tool
        if button == Qt.MouseButton.LeftButton and tool in EDITING_TOOLS and \
                self._take(position):   # a drawing tool always draws, even from a mark
            self._drag_start = position
            return
        if button == Qt.MouseButton.MiddleButton:
            tool = Tool.PAN
        elif button == Qt.MouseButton.RightButton:
            tool = Tool.ZOOM
        self._drag_start = position
        self._drag_tool = tool
        self._drag_window = self.window
        self._drag_pan = QPointF(self.pan)
        self._drag_zoom = self.zoom
        if tool is Tool.CROSSHAIR:
            self.crosshair_placed.emit(*self.widget_to_image(position))
            return
        if tool is Tool.TEXT:
            self.text_requested.emit(*self.widget_to_image(position))
            return
        if tool is Tool.MAGNIFY:
            self.loupe_at = position
            self.update()
            return
        if tool in (Tool.LINE, Tool.RECTANGLE, Tool.ELLIPSE, Tool.ARROW, Tool.ANGLE, Tool.COBB):
            point = self.widget_to_image(position)
            if self._drawing is None or self._drawing.tool is not tool:
                self._drawing = Measurement(tool, self.frame, [point, point])
            elif tool is Tool.COBB:   # the second end-plate line starts here
                self._drawing.points.extend([point, point])
            else:                     # the angle's third point
                self._drawing.points.append(point)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.image is None:
            return
        if self._drag_start is None:
            self._hover(event.position())
            return
        if self._editing is not None:
            self._edit(event.position())
            return
        delta = event.position() - self._drag_start
        tool = self._drag_tool
        if tool is Tool.WINDOW and self._drag_window is not None:
            self.set_window(self.dragged_window(self._drag_window, delta.x(), delta.y()))
        elif tool is Tool.PAN:
            self.pan = self._drag_pan + delta
            self.view_changed.emit()
            self.update()
        elif tool is Tool.ZOOM:
            self.set_zoom(self._drag_zoom * math.pow(1.01, -delta.y()))
        elif tool is Tool.CROSSHAIR:
            self.crosshair_placed.emit(*self.widget_to_image(event.position()))
        elif tool is Tool.MAGNIFY:
            self.loupe_at = event.position()
            self.update()
        elif self._drawing is not None:
            self._drawing.points[-1] = self.widget_to_image(event.position())
            self._drawing.text = self.describe(self._drawing)
            self.update()

    def probe_at(self, position: QPointF) -> str:
        """The image pixel under ``position`` and its value in output units ("" outside)."""
        if self.image is None:
            return ""
        row, column = (round(v) for v in self.widget_to_image(position))
        rows, columns = self._shape()
        if not (0 <= row < rows and 0 <= column < columns):
            return ""
        pixel = self.image.frames[self.frame][row, column]
        if self.image.colour:
            value = " ".join(str(int(v)) for v in pixel)
            return self.tr("x {x}  y {y}  RGB {value}").format(x=column, y=row, value=value)
        number = float(self.image.model.rescale(np.array([pixel]))[0])
        shown = f"{number:.0f}" if number.is_integer() or abs(number) >= 100 else f"{number:.2f}"
        if str(self.image.header.get("Modality", "")) == "CT":
            return self.tr("x {x}  y {y}  {value} HU").format(x=column, y=row, value=shown)
        return self.tr("x {x}  y {y}  value {value}").format(x=column, y=row, value=shown)

    def _hover(self, position: QPointF) -> None:
        """Show the pixel under the mouse; a hand over a mark that can be taken."""
        probe = self.probe_at(position)
        if probe != self.probe:
            self.probe = probe
            self.update()
        if self.tool not in EDITING_TOOLS:
            self.unsetCursor()
            return
        shown = [m for m in self.measurements if m.frame == self.frame]
        at = (position.x(), position.y())
        over = self._drawing is None and (
            handle_at([self._on_screen(m) for m in shown], at, GRAB_PX) is not None or
            shape_at([(m.tool, self._on_screen(m)) for m in shown], at, GRAB_PX) is not None)
        if over:
            self.setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            self.unsetCursor()

    def leaveEvent(self, event: QEvent) -> None:
        if self.probe:
            self.probe = ""
            self.update()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._drag_start = None
        if self._editing is not None:
            item, _ = self._editing
            self._editing = None
            if item.points != self._edit_from:
                self.measurements_changed.emit()
            return
        if self.loupe_at is not None:
            self.loupe_at = None
            self.update()
        drawing = self._drawing
        if drawing is None:
            return
        if not drawing.complete:
            return  # an angle's third point or a Cobb's second line comes with the next drag
        self._drawing = None
        self._finish(drawing)

    def dragged_window(self, start: Window, dx: float, dy: float) -> Window:
        """Right widens the window, down raises the level (as in most viewers);
        one screen pixel moves about 1/1000 of the image's value range."""
        per_pixel = max(self._value_span / 1000.0, 0.1 if self._value_span < 50 else 1.0)
        return start.moved(dy * per_pixel, dx * per_pixel)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.image is None:
            return
        notches = event.angleDelta().y() / 120
        stack = self.image.frame_count > 1
        if stack and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.set_frame(self.frame - int(math.copysign(1, notches)) if notches else
                           self.frame)
        else:
            self.set_zoom(self.zoom * math.pow(ZOOM_STEP, notches))
