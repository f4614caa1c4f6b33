"""Every page, in Chinese, with a busy morning's data: no English source string and no raw
code (``center-full``) is left on screen for any role at the center or a community."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from support import PASSWORD, TECH
from sync.conftest import Consortium
from tiered_workstation.app.bootstrap import Services
from tiered_workstation.demo.board import seed_board
from tiered_workstation.qt.app import QtWorkstation, settings_store
from tiered_workstation.qt.i18n import install_translators, remove_translators
from tiered_workstation.qt.qt_login import SignedIn
from tiered_workstation.storage.enums import ExamState, PrintStatus, Priority, ReadingMode, Role
from tiered_workstation.workflow.accounts import add_user

TRANSLATION_SOURCE = (Path(__file__).resolve().parents[2] / "resources" / "translations"
                      / "tiered_workstation_zh_CN.ts")
ROWS_READ = 40  # of each table or list: enough to meet every kind of row
PAGE_SETTLE_MS = 400


def english_sources() -> tuple[set[str], list[re.Pattern[str]]]:
    """Source strings whose translation differs from them: exact ones, and patterns for
    those with placeholders ({name}, %n) that still have words of their own."""
    exact: set[str] = set()
    patterns: list[re.Pattern[str]] = []
    for message in ET.parse(TRANSLATION_SOURCE).iter("message"):
        source = message.findtext("source") or ""
        translated = "".join(message.find("translation").itertext()).strip()
        if not re.search("[A-Za-z]{2,}", source) or translated == source:
            continue  # a sign (!), or a proper noun or unit kept as it is (DICOM, GSPS)
        placeholder = re.compile(r"\{[^}]*\}|%n|%\d")
        if placeholder.search(source):
            literal = placeholder.sub("", source)
            if len(re.findall(r"[A-Za-z]{3,}", literal)) >= 2:
                parts = [re.escape(p) for p in placeholder.split(source)]
                patterns.append(re.compile(".+?".join(parts), re.S))
        else:
            exact.add(source.strip())
    return exact, patterns


RAW_CODES = {e.value for enum in (ExamState, ReadingMode, Priority, PrintStatus, Role)
             for e in enum if len(e.value) > 2}


def visible_texts(window: QWidget) -> Iterator[tuple[str, str]]:
    """(widget class, text) of what a person can see in ``window`` now."""
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        kind = type(widget).__name__
        if isinstance(widget, QLabel):
            yield kind, re.sub(r"<[^>]+>", "", widget.text())
        elif isinstance(widget, QAbstractButton):
            yield kind, widget.text().replace("&", "")
        elif isinstance(widget, QLineEdit | QPlainTextEdit):
            yield kind, widget.placeholderText()
        elif isinstance(widget, QGroupBox):
            yield kind, widget.title()
        elif isinstance(widget, QTabWidget):
            yield from ((kind, widget.tabText(i)) for i in range(widget.count()))
        if isinstance(widget, QComboBox):
            yield from ((kind, widget.itemText(i)) for i in range(widget.count()))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model, top = widget.model(), QModelIndex()
            columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(top)
            for column in range(columns):
                yield kind, str(model.headerData(column, Qt.Orientation.Horizontal) or "")
                for row in range(min(model.rowCount(top), ROWS_READ)):
                    yield kind, str(model.index(row, column).data() or "")


def leftovers(window: QWidget, where: str) -> list[str]:
    exact, patterns = english_sources()
    found = []
    for kind, text in visible_texts(window):
        shown = text.strip().removesuffix(" *").strip()
        if not shown:
            continue
        english = shown in exact or any(p.fullmatch(shown) for p in patterns)
        raw = shown in RAW_CODES or any(code in re.split(r"[\s,;()·/]+", shown)
                                        for code in RAW_CODES if "-" in code)
        if english or raw:
            found.append(f"{where}: {kind} “{shown}”")
    return sorted(set(found))


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "zh_CN")
    yield
    remove_translators(qapp, translators)


def sweep(qtbot, station: QtWorkstation, site: str, roles: list[tuple[str, str, Role]]
          ) -> list[str]:
    found: list[str] = []
    for username, name, role in roles:
        window = station.open_main_window(SignedIn(username, name, site, (role,), role))
        qtbot.addWidget(window)
        window.resize(1440, 900)
        window.show()
        for key in list(window.pages):
            window.show_page(key)
            qtbot.wait(PAGE_SETTLE_MS)  # the page's rows arrive from the task runner
            found += leftovers(window, f"{site} {role.value} {key}")
        window.close()
    return found


def test_every_center_page_is_chinese_with_a_busy_morning(qtbot, services: Services,
                                                          tmp_path: Path, chinese) -> None:
    seed_board(services, datetime.now(UTC).replace(microsecond=0), password=PASSWORD)
    with services.database.transaction() as session:
        add_user(session, TECH, username="admin", display_name="系统管理员",
                 password=PASSWORD, roles=[Role.ADMIN], site_code="CH01")
    station = QtWorkstation(services, settings_store("CH01", tmp_path / "ui.ini"))
    try:
        found = sweep(qtbot, station, "CH01", [
            ("admin", "系统管理员", Role.ADMIN), ("triage", "王医生", Role.TRIAGE),
            ("rev.chest", "刘主任", Role.REVIEWER), ("att.chest", "陈主治", Role.ATTENDING)])
    finally:
        station.release()
    assert found == [], "\n".join(found)


def test_every_community_page_is_chinese(qtbot, consortium: Consortium, tmp_path: Path,
                                        chinese) -> None:
    community = consortium.community
    station = QtWorkstation(community, settings_store("CM01", tmp_path / "ui.ini"))
    try:
        found = sweep(qtbot, station, "CM01", [
            ("tech.li", "李技师", Role.TECHNICIAN), ("doc.li", "李医生", Role.COMMUNITY_DOCTOR)])
    finally:
        station.release()
    assert found == [], "\n".join(found)
