"""Where the one viewer is shown: on its own page, beside the report on the reading desk,
or — when a second screen is attached — full size on that screen while reading.

There is one :class:`QtViewerPage`; it moves between its homes (Qt reparents it), so
the images, marks and priors a reader opened stay open whichever way they look.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from ..widgets import home
from .qt_viewer_page import QtViewerPage


class QtViewerDock(QObject):
    """Moves the viewer between its page, a reading desk's image area and a second
    screen's window."""

    def __init__(self, viewer: QtViewerPage, page_home: QWidget,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.viewer = viewer
        self.page_home = page_home
        self._screen_window: QWidget | None = None
        self._put(page_home)

    @property
    def place(self) -> QWidget:
        """The home the viewer is in now."""
        return self.viewer.parentWidget()

    @property
    def screen_window(self) -> QWidget | None:
        return self._screen_window

    def to_page(self) -> None:
        """Back on the viewer's own page (the reader chose the Viewer)."""
        self._hide_screen_window()
        self._put(self.page_home)

    def beside(self, reading_home: QWidget) -> None:
        """While reading: on the second screen when there is one, else beside the report."""
        desk = reading_home.screen()  # the screen the reading desk is on
        others = [s for s in QGuiApplication.screens() if s is not desk]
        if others:
            window = self._window_on(others[0])
            self._put(window)
            window.show()
            window.setGeometry(others[0].availableGeometry())  # once shown: it is kept
        else:
            self._hide_screen_window()
            self._put(reading_home)

    def settle(self, reading_home: QWidget) -> None:
        """Where the viewer waits while nothing is shown: beside the report, so the reading
        desk's layout is laid out (and restored) with it."""
        self._put(reading_home)

    def _put(self, target: QWidget) -> None:
        if self.viewer.parentWidget() is not target:
            target.layout().addWidget(self.viewer)
        self.viewer.show()

    def _window_on(self, screen: object) -> QWidget:
        if self._screen_window is None:
            self._screen_window = home()
            self._screen_window.setWindowTitle(QCoreApplication.translate(
                "QtMainWindow", "Tiered Workstation — images"))
            self._screen_window.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        window = self._screen_window
        window.winId()  # a native window, so it can be put on a screen
        window.windowHandle().setScreen(screen)
        window.setGeometry(screen.availableGeometry())
        return window

    def _hide_screen_window(self) -> None:
        if self._screen_window is not None:
            self._screen_window.hide()

    def close(self) -> None:
        if self._screen_window is not None:
            self._put(self.page_home)
            self._screen_window.close()
            self._screen_window.deleteLater()
            self._screen_window = None
