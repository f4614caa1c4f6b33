"""With a second screen attached the reading desk's images go full size onto it; with one,
they sit beside the report. Qt's offscreen platform is given two screens in a child
process (the suite's own process has one)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = r"""
from PySide6.QtWidgets import QApplication
app = QApplication([])
from tiered_workstation.qt.tasks import TaskRunner
from tiered_workstation.qt.viewer.qt_viewer_dock import QtViewerDock
from tiered_workstation.qt.viewer.qt_viewer_page import QtViewerPage
from tiered_workstation.qt.widgets import home
tasks = TaskRunner()
viewer, page_home, reading_home = QtViewerPage(tasks), home(), home()
dock = QtViewerDock(viewer, page_home)
dock.beside(reading_home)
app.processEvents()
window = viewer.window()
facts = {"screens": len(app.screens()), "desk": reading_home.screen().name(),
         "beside_report": viewer.parentWidget() is reading_home,
         "on": window.screen().name(), "left": window.geometry().left(),
         "width": window.geometry().width(), "visible": window.isVisible()}
dock.to_page()
facts["back"] = viewer.parentWidget() is page_home
facts["screen_window_hidden"] = dock.screen_window is None or not dock.screen_window.isVisible()
dock.close()
tasks.shutdown()
print(json.dumps(facts))
"""

# without fake frames and synchronous events: the offscreen platform would move a window back
# onto the first screen, which no real window manager does
SCREENS = {"windowFrameMargins": False, "synchronousWindowSystemEvents": False, "screens": [
    {"name": "reading", "x": 0, "y": 0, "width": 1440, "height": 900, "logicalDpi": 96,
     "logicalBaseDpi": 96, "dpr": 1},
    {"name": "images", "x": 1440, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96,
     "logicalBaseDpi": 96, "dpr": 1}]}


def run(tmp_path: Path, platform: str) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": platform}
    result = subprocess.run([sys.executable, "-c", "import json\n" + SCRIPT],
                            capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_images_go_to_the_second_screen_and_come_back(tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(SCREENS))
    facts = run(tmp_path, f"offscreen:configfile={config}")
    assert facts["screens"] == 2
    assert not facts["beside_report"]
    assert facts["on"] != facts["desk"], facts  # not the reading desk's screen
    assert facts["on"] in ("images", "reading")
    assert facts["width"] > 1000
    assert facts["visible"]
    assert facts["back"]
    assert facts["screen_window_hidden"]


def test_with_one_screen_the_images_sit_beside_the_report(tmp_path: Path) -> None:
    facts = run(tmp_path, "offscreen")
    assert facts["screens"] == 1
    assert facts["beside_report"]
    assert facts["back"]
