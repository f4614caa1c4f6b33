"""The viewer's tool icons (Tabler outline SVGs shipped in ``qt/icons/viewer``), tinted
with the theme's text colour, and the accent colour while a tool is checked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "icons" / "viewer"
ICON_SIZE = 22


def icon_path(name: str) -> Path:
    return ICONS / f"{name}.svg"


def tinted_pixmap(name: str, colour: QColor, size: int = ICON_SIZE, ratio: float = 2.0) -> QPixmap:
    """The icon ``name`` drawn in ``colour`` (its strokes are ``currentColor``)."""
    text = icon_path(name).read_text(encoding="utf-8").replace("currentColor", colour.name())
    renderer = QSvgRenderer(QByteArray(text.encode("utf-8")))
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter, QRectF(0, 0, pixmap.width(), pixmap.height()))
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def tool_icon(name: str, text: QColor, active: QColor, disabled: QColor) -> QIcon:
    icon = QIcon()
    icon.addPixmap(tinted_pixmap(name, text), QIcon.Mode.Normal, QIcon.State.Off)
    icon.addPixmap(tinted_pixmap(name, active), QIcon.Mode.Normal, QIcon.State.On)
    icon.addPixmap(tinted_pixmap(name, active), QIcon.Mode.Active, QIcon.State.On)
    icon.addPixmap(tinted_pixmap(name, text), QIcon.Mode.Active, QIcon.State.Off)
    for state in (QIcon.State.Off, QIcon.State.On):
        icon.addPixmap(tinted_pixmap(name, disabled), QIcon.Mode.Disabled, state)
    return icon
