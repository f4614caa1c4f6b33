"""Language: Simplified Chinese or English.

The site's setting decides; where it says ``auto``, the choice made on the
sign-in screen (remembered per workstation); then the system locale; and a
machine with no locale at all (C / POSIX, as on most hospital PCs) at a site in
mainland China's time zone starts in Chinese.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LOGGER = logging.getLogger(__name__)
TRANSLATIONS = Path(__file__).with_name("translations")
CHINESE = "zh_CN"
ENGLISH = "en"
LANGUAGES = (CHINESE, ENGLISH)
CHINA_TIME_ZONES = frozenset({"Asia/Shanghai", "Asia/Chongqing", "Asia/Chungking",
                              "Asia/Harbin", "Asia/Urumqi", "Asia/Kashgar", "PRC"})


def choose_language(setting: str, system_locale: str | None = None, *,
                    user_choice: str = "", timezone: str = "") -> str:
    """``zh_CN`` or ``en``: the site's setting; for ``auto`` the user's choice, then the
    system's locale, then (no locale) the site's time zone."""
    if setting in LANGUAGES:
        return setting
    if user_choice in LANGUAGES:
        return user_choice
    name = system_locale if system_locale is not None else QLocale.system().name()
    if name.lower().startswith("zh"):
        return CHINESE
    if _no_locale(name) and timezone in CHINA_TIME_ZONES:
        return CHINESE
    return ENGLISH


def _no_locale(name: str) -> bool:
    return name in ("", "C", "POSIX") or name.startswith(("C.", "POSIX."))


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)


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
