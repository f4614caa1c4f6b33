"""A new site's first start: the desktop asks for the first administrator (not a
sign-in nobody could pass), refuses weak input in words, then signs them in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tiered_workstation.app.bootstrap import Services
from tiered_workstation.app.first_admin import needs_first_admin
from tiered_workstation.app.sign_in import sign_in
from tiered_workstation.qt.app import QtWorkstation, run_gui, settings_store
from tiered_workstation.qt.i18n import install_translators, remove_translators
from tiered_workstation.qt.qt_first_admin import QtFirstAdminDialog
from tiered_workstation.qt.theme import LIGHT, apply_theme
from tiered_workstation.storage.enums import Role

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _fill(dialog: QtFirstAdminDialog, user: str, password: str, repeat: str) -> None:
    dialog.username.setText(user)
    dialog.display_name.setText("张伟")
    dialog.password.setText(password)
    dialog.repeat.setText(repeat)


def test_the_form_refuses_weak_input_then_makes_the_administrator(
        qtbot, services: Services, tmp_path: Path) -> None:
    assert needs_first_admin(services.database)
    station = QtWorkstation(services, settings_store("CH01", tmp_path / "ui.ini"))
    try:
        dialog = station.first_admin_dialog()
        qtbot.addWidget(dialog)
        for (user, password, repeat), words in {
                ("Admin", "abc12345", "abc12345"): "lower-case letters",
                ("admin", "abc1", "abc1"): "at least 8 characters",
                ("admin", "abcdefghij", "abcdefghij"): "mix letters with digits",
                ("admin", "abc12345", "abc12346"): "The two passwords differ."}.items():
            _fill(dialog, user, password, repeat)
            qtbot.mouseClick(dialog.make, Qt.MouseButton.LeftButton)
            assert words in dialog.error.text()
        assert needs_first_admin(services.database)
        _fill(dialog, "admin", "abc12345", "abc12345")
        qtbot.mouseClick(dialog.make, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.created == "admin", timeout=10000)
        assert dialog.result() == dialog.DialogCode.Accepted
        account = sign_in(services.database, "admin", "abc12345", "CH01")
        assert account.roles == (Role.ADMIN,)
        assert account.display_name == "张伟"
        assert not needs_first_admin(services.database)
    finally:
        station.release()


def test_the_first_start_asks_for_the_administrator_then_the_sign_in_knows_them(
        qtbot, services: Services, tmp_path: Path, qapp: QApplication) -> None:
    station = QtWorkstation(services, settings_store("CH01", tmp_path / "ui.ini"))
    seen: list[str] = []

    def answer() -> None:  # play the user at whichever modal dialog is up
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QtFirstAdminDialog):
            seen.append("first")
            _fill(dialog, "admin", "abc12345", "abc12345")
            dialog.make.click()
        elif dialog is not None and hasattr(dialog, "sign_in"):
            seen.append(f"sign-in as {dialog.username.text()}")
            dialog.password.setText("abc12345")
            dialog.sign_in.click()
            return
        QTimer.singleShot(100, answer)

    QTimer.singleShot(100, answer)
    try:
        session = station.ask_sign_in(qapp)
    finally:
        station.release()
    assert seen[0] == "first"
    assert "sign-in as admin" in seen  # the new user name is filled in for them
    assert session is not None
    assert session.username == "admin"


def test_screenshots_of_the_first_start(qtbot, services: Services, tmp_path: Path,
                                        qapp: QApplication) -> None:
    apply_theme(qapp, LIGHT)
    station = QtWorkstation(services, settings_store("CH01", tmp_path / "ui.ini"))
    try:
        for language in ("en", "zh_CN"):
            translators = install_translators(qapp, language)
            dialog = station.first_admin_dialog()
            qtbot.addWidget(dialog)
            _fill(dialog, "admin", "abc12345", "abc1234")
            dialog.make.click()
            dialog.show()
            qtbot.waitExposed(dialog)
            assert dialog.error.text()
            assert dialog.grab().save(str(SCREENSHOTS / f"first-start-{language}.png"))
            dialog.close()
            remove_translators(qapp, translators)
    finally:
        station.release()


def test_started_from_the_menu_without_a_site_the_desktop_says_what_to_do(
        qtbot, tmp_path: Path, monkeypatch, qapp: QApplication) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TW_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    seen: list[str] = []

    def close_the_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            seen.append(box.detailedText())
            box.accept()
            return
        QTimer.singleShot(50, close_the_box)

    QTimer.singleShot(50, close_the_box)
    assert run_gui(None) == 2
    assert "could not be opened" in seen[0]
    assert "/etc/tiered-ws/" in seen[0]
    assert "was not found" in seen[1]
