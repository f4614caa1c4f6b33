"""The mouse and keyboard in a viewport: window/level, pan, zoom, stack scroll, the
measuring tools, and taking, moving and deleting marks (a mixin of ``QtImageView``)."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt
from PySide6.QtGui import (
    QKeyEvent,
    QMouseEvent,
    QWheelEvent,
)

from ...viewer.annotations import Measurement, Tool
from ...viewer.display import Window
from ...viewer.editing import handle_at, shape_at

ZOOM_STEP = 1.25
GRAB_PX = 6.0           # how near (screen pixels) the mouse must be to take a mark
EDITING_TOOLS = (Tool.WINDOW, Tool.PAN, Tool.ZOOM)   # with these, a mark can be taken


class ViewTools:
    """Input handling for ``QtImageView``: it changes the view's state and emits its
    signals.  Its words are translated in the ``QtImageView`` context."""

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
            return QCoreApplication.translate(
                "QtImageView", "x {x}  y {y}  RGB {value}").format(x=column, y=row, value=value)
        number = float(self.image.model.rescale(np.array([pixel]))[0])
        shown = f"{number:.0f}" if number.is_integer() or abs(number) >= 100 else f"{number:.2f}"
        if str(self.image.header.get("Modality", "")) == "CT":
            return QCoreApplication.translate(
                "QtImageView", "x {x}  y {y}  {value} HU").format(x=column, y=row, value=shown)
        return QCoreApplication.translate(
            "QtImageView", "x {x}  y {y}  value {value}").format(x=column, y=row, value=shown)

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
