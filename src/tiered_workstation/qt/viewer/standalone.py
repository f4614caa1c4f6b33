"""`tiered-ws view PATH…`: the viewer in its own window, without a site or a login."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication, QMainWindow

from ..gui_gc import GuiThreadCollector
from ..i18n import choose_language, install_translators
from ..tasks import TaskRunner
from ..theme import DARK, apply_theme
from .qt_viewer_page import QtViewerPage


def run_viewer(paths: list[str]) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    GuiThreadCollector(app)  # Qt objects are freed on the GUI thread only
    assert isinstance(app, QApplication)
    app.setApplicationName("Tiered Workstation Viewer")
    translators = install_translators(app, choose_language("auto"))
    apply_theme(app, DARK)  # reading rooms are dim
    tasks = TaskRunner()
    window = QMainWindow()
    folder = Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.AppDataLocation)) / "annotations"
    page = QtViewerPage(tasks, annotations=folder)
    window.setCentralWidget(page)
    window.setWindowTitle(app.translate("QtViewerPage", "Tiered Workstation — Viewer"))
    window.resize(1440, 900)
    window.show()
    page.open(list(paths))
    try:
        return app.exec()
    finally:
        tasks.shutdown(wait=True)
        del translators
