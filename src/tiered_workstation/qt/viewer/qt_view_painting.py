"""What a viewport paints over its image: the loupe, the crosshair, the corner overlays
and the measurements with their results (a mixin of ``QtImageView``)."""

from __future__ import annotations

import itertools
import math

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QPainter,
    QPen,
)

from ...viewer.annotations import Measurement, Tool
from ...viewer.measure import (
    angle_deg,
    cobb_angle_deg,
    distance_mm,
    ellipse_mask,
    rectangle_mask,
    roi_stats,
)
from ...viewer.overlay import share_row

LOUPE_PX = 220          # the magnifier's size on screen
LOUPE_FACTOR = 3.0      # screen pixels per image pixel inside it


class ViewPainting:
    """Painting for ``QtImageView``: it uses the view's image, transform and marks.
    Its words are translated in the ``QtImageView`` context, as before the split."""

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
        metrics = QFontMetrics(font)
        corners = {corner: list(lines) for corner, lines in self.overlay.items()}
        if self.probe:
            corners["bl"] = [*corners.get("bl", []), self.probe]
        room = max(self.width() - 2 * margin - 12, 40)  # two corners of a row, and a gap
        for corner, lines in corners.items():
            across = corners.get(corner[0] + ("r" if corner.endswith("l") else "l"), [])
            for n, text in enumerate(lines):
                top = corner.startswith("t")
                # the text on the same row in the other corner (rows of the bottom corners
                # are counted from the bottom)
                k = n if top else len(across) - (len(lines) - n)
                other = across[k] if 0 <= k < len(across) else ""
                limit = share_row(metrics.horizontalAdvance(text),
                                  metrics.horizontalAdvance(other), room,
                                  first=corner.endswith("l")) + 1
                y = margin + line * (n + 1) - 4 if top else \
                    self.height() - margin - line * (len(lines) - n - 1) - 4
                flags = Qt.AlignmentFlag.AlignLeft if corner.endswith("l") else \
                    Qt.AlignmentFlag.AlignRight
                box = QRectF(margin, y - line + 4, self.width() - 2 * margin, line)
                text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, limit)
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
            return QCoreApplication.translate(
                "QtImageView", "Cobb {angle:.1f}°").format(angle=angle)
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
            return QCoreApplication.translate(
                "QtImageView", "mean {mean:.1f}, SD {sd:.1f}, area {area}").format(
                mean=stats.mean, sd=stats.sd, area=area)
        return ""

