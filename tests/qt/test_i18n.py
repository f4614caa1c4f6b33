"""Simplified Chinese is shipped complete, compiled, and chosen by locale."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from tiered_workstation.qt.i18n import TRANSLATIONS, choose_language, install_translators
from tiered_workstation.qt.labels import state_label
from tiered_workstation.storage.enums import ExamState

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "resources" / "translations" / "tiered_workstation_zh_CN.ts"


def test_language_follows_the_setting_then_the_locale() -> None:
    assert choose_language("auto", "zh_CN") == "zh_CN"
    assert choose_language("auto", "zh_TW") == "zh_CN"
    assert choose_language("auto", "en_US") == "en"
    assert choose_language("en", "zh_CN") == "en"
    assert choose_language("zh_CN", "de_DE") == "zh_CN"


def test_a_chinese_site_on_a_machine_without_locale_starts_in_chinese() -> None:
    for locale in ("C", "POSIX", "C.UTF-8", ""):
        assert choose_language("auto", locale, timezone="Asia/Shanghai") == "zh_CN"
        assert choose_language("auto", locale, timezone="Europe/Berlin") == "en"
    assert choose_language("auto", "en_US", timezone="Asia/Shanghai") == "en"  # a choice


def test_the_site_setting_then_the_users_choice_then_the_locale() -> None:
    assert choose_language("auto", "zh_CN", user_choice="en") == "en"
    assert choose_language("auto", "C", user_choice="zh_CN", timezone="UTC") == "zh_CN"
    assert choose_language("en", "zh_CN", user_choice="zh_CN") == "en"
    assert choose_language("auto", "zh_CN", user_choice="klingon") == "zh_CN"


def test_every_message_is_translated() -> None:
    root = ET.parse(SOURCE).getroot()
    unfinished = [m.findtext("source") for m in root.iter("message")
                  if m.find("translation").get("type") == "unfinished"
                  or not "".join(m.find("translation").itertext()).strip()]  # or plurals
    assert unfinished == []


def test_the_source_lists_every_string_of_the_code(tmp_path: Path) -> None:
    copy = tmp_path / "check.ts"
    copy.write_bytes(SOURCE.read_bytes())
    bin_dir = Path(sys.executable).parent
    sources = sorted(str(p) for p in (TRANSLATIONS.parent).rglob("*.py"))
    run = subprocess.run([str(bin_dir / "pyside6-lupdate"), *sources, "-ts", str(copy),
                          "-no-obsolete"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "0 new" in run.stdout, "run scripts/update_translations.sh: " + run.stdout


def test_compiled_translation_is_current(tmp_path: Path) -> None:
    compiled = tmp_path / "check.qm"
    bin_dir = Path(sys.executable).parent
    subprocess.run([str(bin_dir / "pyside6-lrelease"), str(SOURCE), "-qm", str(compiled)],
                   check=True, capture_output=True, timeout=120)
    assert compiled.read_bytes() == (TRANSLATIONS / "tiered_workstation_zh_CN.qm").read_bytes()


def test_chinese_interface_once_installed(qapp) -> None:
    translators = install_translators(qapp, "zh_CN")
    try:
        assert state_label(ExamState.FINAL) == "已签发"
        assert QCoreApplication.translate("QtMainWindow", "Status board") == "状态看板"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    assert state_label(ExamState.FINAL) == "Signed"
