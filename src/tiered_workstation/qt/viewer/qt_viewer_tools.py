"""The viewer's row of tools: mouse tools, one-click actions, link, MPR / 3D and cine, as
icon buttons whose translated names are their tooltips and accessible names."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QButtonGroup, QToolButton, QWidget

from ..flow_layout import FlowLayout
from .qt_image_view import Tool
from .qt_tool_icons import ICON_SIZE, tool_icon

# name (icon and objectName) → (label, callable, shortcut or "")
Actions = dict[str, tuple[str, Callable[[], object], str]]

TOOL_ICONS = {
    Tool.WINDOW: "window", Tool.PAN: "pan", Tool.ZOOM: "zoom", Tool.LINE: "line",
    Tool.ANGLE: "angle", Tool.COBB: "cobb", Tool.RECTANGLE: "rectangle",
    Tool.ELLIPSE: "ellipse", Tool.ARROW: "arrow", Tool.TEXT: "text", Tool.MAGNIFY: "magnify",
}


class QtViewerTools(QWidget):
    """The tool buttons; ``tool_chosen`` says which mouse tool is now active."""

    tool_chosen = Signal(object)  # Tool

    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("viewerTools")
        row = FlowLayout(self)  # wraps where the viewer shares the screen with a report
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        names = {
            Tool.WINDOW: QCoreApplication.translate("QtViewerPage", "W/L"),
            Tool.PAN: QCoreApplication.translate("QtViewerPage", "Pan"),
            Tool.ZOOM: QCoreApplication.translate("QtViewerPage", "Zoom"),
            Tool.LINE: QCoreApplication.translate("QtViewerPage", "Length"),
            Tool.ANGLE: QCoreApplication.translate("QtViewerPage", "Angle"),
            Tool.COBB: QCoreApplication.translate("QtViewerPage", "Cobb"),
            Tool.RECTANGLE: QCoreApplication.translate("QtViewerPage", "Rectangle"),
            Tool.ELLIPSE: QCoreApplication.translate("QtViewerPage", "Ellipse"),
            Tool.ARROW: QCoreApplication.translate("QtViewerPage", "Arrow"),
            Tool.TEXT: QCoreApplication.translate("QtViewerPage", "Text"),
            Tool.MAGNIFY: QCoreApplication.translate("QtViewerPage", "Magnifier"),
        }
        self.buttons: dict[str, QToolButton] = {}  # icon name → button
        self.tool_buttons: dict[Tool, QToolButton] = {}
        for tool, label in names.items():
            button = self._button(TOOL_ICONS[tool], label, checkable=True)
            button.setChecked(tool is Tool.WINDOW)
            button.clicked.connect(lambda _c=False, t=tool: self.tool_chosen.emit(t))
            self.group.addButton(button)
            self.tool_buttons[tool] = button
            row.addWidget(button)
        for name, (label, action, keys) in actions.items():
            button = self._button(name, label, keys=keys)
            button.clicked.connect(action)
            row.addWidget(button)
        self.link_button = self._button(
            "link", QCoreApplication.translate("QtViewerPage", "Link"), checkable=True,
            detail=QCoreApplication.translate(
                "QtViewerPage",
                "Scroll, zoom, pan and window all viewports together (comparison with a prior)",
            ))
        self.mpr_button = self._button(
            "mpr", QCoreApplication.translate("QtViewerPage", "MPR / 3D"), checkable=True)
        self.cine_button = self._button(
            "cine", QCoreApplication.translate("QtViewerPage", "Cine"), checkable=True)
        for button in (self.link_button, self.mpr_button, self.cine_button):
            row.addWidget(button)
        self._tint()

    def show_tool(self, tool: Tool) -> None:
        self.tool_buttons[tool].setChecked(True)

    def changeEvent(self, event: QEvent) -> None:  # the theme changed: tint anew
        if event.type() == QEvent.Type.PaletteChange:
            self._tint()
        super().changeEvent(event)

    def _tint(self) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.ButtonText)
        active = palette.color(QPalette.ColorRole.Link)
        disabled = QColor(text)
        disabled.setAlphaF(0.35)
        for name, button in self.buttons.items():
            button.setIcon(tool_icon(name, text, active, disabled))

    def _button(self, name: str, label: str, *, checkable: bool = False, keys: str = "",
                detail: str = "") -> QToolButton:
        button = QToolButton()
        button.setObjectName(f"viewerTool_{name}")
        button.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        button.setAccessibleName(label)
        tip = f"{label} ({keys})" if keys else label
        button.setToolTip(f"{tip}\n{detail}" if detail else tip)
        button.setCheckable(checkable)
        self.buttons[name] = button
        return button
