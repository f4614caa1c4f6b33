"""The viewer's row of tools: mouse tools, one-click actions, link, MPR / 3D and cine."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QButtonGroup, QToolButton, QWidget

from ..flow_layout import FlowLayout
from .qt_image_view import Tool


class QtViewerTools(QWidget):
    """The tool buttons; ``tool_chosen`` says which mouse tool is now active."""

    tool_chosen = Signal(object)  # Tool

    def __init__(
        self, actions: dict[str, Callable[[], object]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
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
        self.tool_buttons: dict[Tool, QToolButton] = {}
        for tool, label in names.items():
            button = self._button(label, checkable=True)
            button.setChecked(tool is Tool.WINDOW)
            button.clicked.connect(lambda _c=False, t=tool: self.tool_chosen.emit(t))
            self.group.addButton(button)
            self.tool_buttons[tool] = button
            row.addWidget(button)
        for label, action in actions.items():
            button = self._button(label)
            button.clicked.connect(action)
            row.addWidget(button)
        self.link_button = self._button(
            QCoreApplication.translate("QtViewerPage", "Link"), checkable=True
        )
        self.link_button.setToolTip(
            QCoreApplication.translate(
                "QtViewerPage",
                "Scroll, zoom, pan and window all viewports together (comparison with a prior)",
            )
        )
        self.mpr_button = self._button(
            QCoreApplication.translate("QtViewerPage", "MPR / 3D"), checkable=True
        )
        self.cine_button = self._button(
            QCoreApplication.translate("QtViewerPage", "Cine"), checkable=True
        )
        for button in (self.link_button, self.mpr_button, self.cine_button):
            row.addWidget(button)

    def show_tool(self, tool: Tool) -> None:
        self.tool_buttons[tool].setChecked(True)

    @staticmethod
    def _button(label: str, *, checkable: bool = False) -> QToolButton:
        button = QToolButton()
        button.setText(label)
        button.setCheckable(checkable)
        return button
