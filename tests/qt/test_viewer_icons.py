"""The viewer's tool row: icons shipped in the package match resources/, every tool and
action has one that renders, and each button keeps its name as tooltip."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QIcon

from tiered_workstation.qt.tasks import TaskRunner
from tiered_workstation.qt.viewer.qt_tool_icons import ICONS, icon_path, tinted_pixmap
from tiered_workstation.qt.viewer.qt_viewer_page import QtViewerPage

RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "icons" / "viewer"


def test_package_icons_are_the_resources_byte_for_byte() -> None:
    sources = {p.name: p.read_bytes() for p in RESOURCES.iterdir() if p.is_file()}
    shipped = {p.name: p.read_bytes() for p in ICONS.iterdir() if p.is_file()}
    assert sources
    assert shipped == sources
    assert "LICENSE" in sources


def test_every_button_has_an_icon_that_renders_and_a_tooltip(qtbot) -> None:
    page = QtViewerPage(TaskRunner())
    qtbot.addWidget(page)
    buttons = page.toolbar.buttons
    assert len(buttons) == 20
    for name, button in buttons.items():
        assert not QIcon(str(icon_path(name))).isNull(), name
        image = tinted_pixmap(name, QColor("#e3e8ee")).toImage()
        assert any(image.pixelColor(x, y).alpha() > 0
                   for x in range(image.width()) for y in range(image.height())), name
        assert not button.icon().isNull()
        assert button.text() == ""
        assert button.toolTip().startswith(button.accessibleName())
        assert button.accessibleName()
    assert buttons["invert"].toolTip() == "Invert (I)"
    assert page.tool_buttons[next(iter(page.tool_buttons))] is buttons["window"]
