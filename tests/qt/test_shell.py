"""The shell: login, navigation by role, persisted window state, clean shutdown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from support import PASSWORD
from tiered_workstation.qt.app import QtWorkstation, settings_store
from tiered_workstation.storage.enums import Role


def sign_in(qtbot, station: QtWorkstation, user: str, password: str):
    dialog = station.login_dialog()
    qtbot.addWidget(dialog)
    dialog.username.setText(user)
    dialog.password.setText(password)
    qtbot.mouseClick(dialog.sign_in, Qt.MouseButton.LeftButton)
    return dialog


def test_login_with_the_right_password_opens_the_session(qtbot, workstation) -> None:
    dialog = sign_in(qtbot, workstation, "rev.chest", PASSWORD)
    with qtbot.waitSignal(dialog.logged_in, timeout=10000) as signal:
        pass
    session = signal.args[0]
    assert session.username == "rev.chest"
    assert session.role is Role.REVIEWER
    assert dialog.result() == dialog.DialogCode.Accepted


def test_wrong_password_says_so_and_keeps_the_dialog_open(qtbot, workstation) -> None:
    dialog = sign_in(qtbot, workstation, "rev.chest", "wrong")
    qtbot.waitUntil(lambda: dialog.sign_in.isEnabled(), timeout=10000)
    assert dialog.error.text() == "Unknown user name or wrong password."
    assert dialog.session is None
    assert dialog.password.text() == ""
    empty = sign_in(qtbot, workstation, "", "")
    assert empty.error.text() == "Enter your user name and password."


def test_a_person_with_two_roles_chooses_one(qtbot, workstation) -> None:
    dialog = sign_in(qtbot, workstation, "triage", PASSWORD)
    qtbot.waitUntil(lambda: dialog.role.isVisibleTo(dialog), timeout=10000)
    roles = [dialog.role.itemData(i) for i in range(dialog.role.count())]
    assert roles == ["attending", "triage"]
    dialog.role.setCurrentIndex(1)
    with qtbot.waitSignal(dialog.logged_in) as signal:
        qtbot.mouseClick(dialog.sign_in, Qt.MouseButton.LeftButton)
    assert signal.args[0].role is Role.TRIAGE


def test_window_state_and_last_page_persist(qtbot, workstation, tmp_path: Path) -> None:
    dialog = sign_in(qtbot, workstation, "rev.chest", PASSWORD)
    qtbot.waitSignal(dialog.logged_in, timeout=10000).wait()
    window = workstation.open_main_window(dialog.session)
    qtbot.addWidget(window)
    window.resize(700, 500)  # inside the offscreen screen (restore clamps to it)
    board = window.pages["status"]
    board.date_filter.setCurrentIndex(2)
    window.save_state()
    again = QtWorkstation(workstation.services, settings_store("CH01", tmp_path / "ui.ini"))
    try:
        reopened = again.open_main_window(dialog.session)
        qtbot.addWidget(reopened)
        assert reopened.size().width() == 700
        assert reopened.current_page == "status"
        assert reopened.pages["status"].date_filter.currentIndex() == 2
    finally:
        again.release()


def test_embedded_node_starts_and_shutdown_leaves_no_thread(qtbot, workstation) -> None:
    with qtbot.waitSignal(workstation.node_started, timeout=20000):
        workstation.start_node(long_poll_seconds=1)
    assert workstation.services.node.is_running
    workstation.shutdown()
    assert not workstation.services.node.is_running


def test_every_desk_fits_a_1440_wide_screen_in_both_languages(qtbot, workstation,
                                                              qapp) -> None:
    from tiered_workstation.qt.i18n import install_translators
    from tiered_workstation.qt.qt_login import SignedIn

    people = (SignedIn("admin", "系统管理员", "CH01", (Role.ADMIN,), Role.ADMIN),
              SignedIn("rev.chest", "刘主任", "CH01", (Role.REVIEWER,), Role.REVIEWER))
    for language in ("en", "zh_CN"):
        translators = install_translators(qapp, language)
        try:
            for person in people:
                window = workstation.open_main_window(person)
                qtbot.addWidget(window)
                assert {"viewer", "status"} <= set(window.pages)
                # as built, before any page is shown: the reading desk's report buttons
                # for a chosen exam are hidden and take no width
                assert window.minimumSizeHint().width() <= 1440, (language, person.role)
                window.close()
        finally:
            for translator in translators:
                qapp.removeTranslator(translator)


def test_the_sign_in_language_switch_takes_effect_and_is_remembered(qtbot, workstation,
                                                                    qapp) -> None:
    from PySide6.QtCore import QTimer

    from tiered_workstation.qt.labels import state_label
    from tiered_workstation.storage.enums import ExamState

    seen: list[tuple[str, str]] = []

    def act() -> None:  # runs inside each dialog's exec(): the first switches, the next closes
        dialog = qapp.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, act)
            return
        seen.append((dialog.windowTitle(), dialog.language_box.currentData()))
        if len(seen) == 1:
            dialog.language_box.activated.emit(dialog.language_box.findData("zh_CN"))
            QTimer.singleShot(50, act)
        else:
            dialog.reject()

    workstation.store.setValue("ui/language", "en")
    QTimer.singleShot(50, act)
    assert workstation.ask_sign_in(qapp) is None
    assert seen[0] == ("Tiered Workstation — sign in", "en")
    assert seen[1] == ("分级诊疗影像工作站 — 登录", "zh_CN")  # asked again, in Chinese
    assert state_label(ExamState.FINAL) == "已签发"
    assert workstation.store.value("ui/language") == "zh_CN"
    assert workstation.language() == "zh_CN"
    workstation.release()
    assert state_label(ExamState.FINAL) == "Signed"  # the translators go with the station
