"""The application's own icons (window, task bar, tray) and, in the desktop bundle, its
CJK font; built into the package from resources/icons/app by scripts/build_resources.py."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QIcon

from ..printing.fonts import bundled_font

LOGGER = logging.getLogger(__name__)
FOLDER = Path(__file__).with_name("icons") / "app"
DESKTOP_ID = "org.tieredworkstation.TieredWorkstation"


def application_icon() -> QIcon:
    return QIcon(str(FOLDER / "tiered-ws.svg"))


def tray_icon() -> QIcon:
    return QIcon(str(FOLDER / "tiered-ws-tray.svg"))


def add_bundled_font() -> None:
    """Make the bundle's CJK font known to Qt, for machines that have no Chinese font."""
    path = bundled_font()
    if path is not None and QFontDatabase.addApplicationFont(str(path)) < 0:
        LOGGER.warning("the bundled font %s could not be loaded", path)
