"""Language: Simplified Chinese or English, from the site setting or the system locale."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LOGGER = logging.getLogger(__name__)
TRANSLATIONS = Path(__file__).with_name("translations")
CHINESE = "zh_CN"
ENGLISH = "en"


def choose_language(setting: str, system_locale: str | None = None) -> str:
    """``zh_CN`` or ``en``: the setting, or for ``auto`` the system's locale."""
    if setting in (CHINESE, ENGLISH):
        return setting
    name = system_locale if system_locale is not None else QLocale.system().name()
    return CHINESE if name.lower().startswith("zh") else ENGLISH


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load our translation and Qt's own (dialog buttons) for ``language``.

    The translators are returned so the caller keeps them alive; English needs none.
    """
    if language == ENGLISH:
        return []
    installed = []
    ours = QTranslator(app)
    if ours.load(str(TRANSLATIONS / f"tiered_workstation_{language}.qm")):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        LOGGER.warning("no %s translation in %s; the interface stays in English",
                       language, TRANSLATIONS)
    qt_own = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    return installed
