"""``tiered-ws gui --self-test``: does the desktop start on this machine?

For IT staff after an installation, and for the bundle's tests: it starts Qt, opens
the site (looking at its schema, never upgrading it), shows the first window the user
would meet (first-start or sign-in) in the
site's language, renders a frame with VTK off screen, and says what it found; with
``--screenshot`` it saves that window as a PNG. Nothing is changed at the site.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog

from ..app.bootstrap import open_site
from ..app.first_admin import needs_first_admin
from ..app.upgrades import schema_revisions
from ..dicom.codec_check import check_codecs
from .app import QtWorkstation, settings_store
from .app_icons import DESKTOP_ID, add_bundled_font, application_icon
from .i18n import install_translators
from .theme import LIGHT, apply_theme

CJK_SAMPLE = "影像"


def _vtk_frame() -> str:
    import vtkmodules.vtkRenderingOpenGL2  # noqa: F401  (the OpenGL back end)
    from vtkmodules.vtkRenderingCore import vtkRenderer, vtkRenderWindow

    window = vtkRenderWindow()
    window.SetOffScreenRendering(1)
    window.SetSize(64, 64)
    window.AddRenderer(vtkRenderer())
    window.Render()
    name = window.GetClassName()
    window.Finalize()
    return name


def run_self_test(config_path: str | None, screenshot: Path | None,
                  out: Callable[[str], None]) -> int:
    """Each check as a line to ``out``; 0 when all passed."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Tiered Workstation")
    app.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(application_icon())
    add_bundled_font()
    failures = 0

    def say(ok: bool, line: str) -> None:
        nonlocal failures
        failures += not ok
        out(f"{'ok  ' if ok else 'FAIL'} {line}")

    say(True, f"Qt for Python {pyside_version}, platform '{app.platformName()}'")
    fonts = [f for f in QFontDatabase.families() if CJK_SAMPLE in f or
             QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(f)]
    say(bool(fonts), f"Chinese font: {fonts[0] if fonts else 'none (install fonts-wqy-microhei)'}")
    say(not application_icon().isNull(), "application icon")
    for codec in check_codecs():
        say(codec.ok, f"codec {codec.name}" + (f": {codec.detail}" if codec.detail else ""))
    # the schema is only looked at: the first real start upgrades it, after a backup
    with open_site(config_path, require_schema=False) as services:
        current, head = schema_revisions(services.database)
        say(current is not None, f"database schema {current or '(none: run tiered-ws init)'}"
            + ("" if current in (None, head) else
               f"; the first start of this version upgrades it to {head}, after a backup"))
        store = settings_store(services.settings.site.code)
        apply_theme(app, str(store.value("ui/theme", LIGHT)))
        workstation = QtWorkstation(services, store)
        try:
            language = workstation.language()
            translators = install_translators(app, language)
            say(language == "en" or bool(translators), f"interface language: {language}")
            first = current is not None and needs_first_admin(services.database)
            dialog: QDialog = workstation.first_admin_dialog() if first \
                else workstation.login_dialog(language)
            dialog.show()
            QCoreApplication.processEvents()
            say(dialog.isVisible(), f"window: {dialog.windowTitle()}")
            if screenshot is not None:
                saved = dialog.grab().save(str(screenshot))
                say(saved, f"screenshot: {screenshot}")
            dialog.close()
        finally:
            workstation.release()
    try:
        say(True, f"VTK off-screen frame: {_vtk_frame()}")
    except Exception as exc:
        say(False, f"VTK off-screen frame: {exc}")
    out("The desktop can start here." if not failures else
        f"{failures} check(s) failed: see above.")
    return 0 if not failures else 1
