"""The registration desk fits a 1440×900 screen in the main window, in English and
Chinese, with every field and the Register button in view and nothing to scroll."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QScrollArea, QWidget

from tiered_workstation.qt.i18n import install_translators
from tiered_workstation.qt.qt_login import SignedIn
from tiered_workstation.storage.enums import Role

SCREEN_WIDTH, USABLE_HEIGHT = 1440, 860  # 900 less the title bar and a taskbar


def inside(widget: QWidget, window: QWidget) -> bool:
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return window.rect().contains(QRect(top_left, widget.size()))


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_whole_form_is_in_view_without_scrolling(qtbot, workstation, qapp, language,
                                                     tmp_path: Path) -> None:
    translators = install_translators(qapp, language)
    try:
        window = workstation.open_main_window(SignedIn("tech.li", "李技师", "CH01",
                                                      (Role.TECHNICIAN,), Role.TECHNICIAN))
        qtbot.addWidget(window)
        window.show_page("registration")
        window.resize(SCREEN_WIDTH, USABLE_HEIGHT)
        window.show()
        qtbot.waitExposed(window)
        page = window.pages["registration"]
        for state in ("empty", "errors"):
            if state == "errors":
                page.submit()  # four fields say what is missing
            qtbot.wait(50)
            assert window.size().width() <= SCREEN_WIDTH, language
            assert window.size().height() <= USABLE_HEIGHT, (language, window.size())
            for widget in [page.submit_button, page.clear_button, *page.fields.values(),
                           *page.rows.captions.values()]:
                assert widget.isVisible(), widget
                assert inside(widget, window), (language, state, widget)
            for key in ("name", "sex", "procedure_code") if state == "errors" else ():
                assert page.errors[key].isVisible()
                assert inside(page.errors[key], window)
            for area in window.findChildren(QScrollArea):
                if area.isVisible() and page.isAncestorOf(area):
                    assert area.verticalScrollBar().maximum() == 0, (language, state, area)
            window.grab().save(str(tmp_path / f"registration-{language}-{state}.png"))
        window.close()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
