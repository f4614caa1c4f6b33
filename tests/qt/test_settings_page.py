"""Settings: an administrator's changes reach site.toml and read back; mistakes are named."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QTime

from tiered_workstation.app.site_file import render_site_toml
from tiered_workstation.config import PeerKind, PeerNode, load_settings
from tiered_workstation.qt.app import settings_store
from tiered_workstation.qt.qt_settings_page import QtSettingsPage
from tiered_workstation.storage.enums import Role


def site_file(workstation, tmp_path: Path) -> Path:
    settings = dataclasses.replace(workstation.services.settings, peers=(
        PeerNode("DR01", "192.168.1.20", 104, kind=PeerKind.MODALITY),))
    path = settings.data_dir / "site.toml"
    path.write_text(render_site_toml(settings, path.parent), encoding="utf-8")
    return path


def page_for(qtbot, workstation, path: Path, role: Role, tmp_path: Path) -> QtSettingsPage:
    page = QtSettingsPage(load_settings(path), path, role, workstation.tasks,
                          settings_store("CH01", tmp_path / "ui.ini"))
    qtbot.addWidget(page)
    return page


def test_saved_settings_read_back_from_the_file(qtbot, workstation, tmp_path) -> None:
    path = site_file(workstation, tmp_path)
    page = page_for(qtbot, workstation, path, Role.ADMIN, tmp_path)
    page.dicom_port.setValue(11300)
    page.quiet.setChecked(True)
    page.quiet_start.setTime(QTime(21, 30))
    page.quiet_end.setTime(QTime(6, 45))
    page.volume.setValue(40)
    page.peers.cellWidget(0, 4).setCurrentIndex(page.peers.cellWidget(0, 4).findData("GB18030"))
    page.language.setCurrentIndex(page.language.findData("zh_CN"))
    page.auto_print.setChecked(False)
    page.paper.setCurrentIndex(page.paper.findData("A5"))
    page.overload.setValue(12)
    page.retrieve.setCurrentIndex(page.retrieve.findData("get"))
    with qtbot.waitSignal(page.saved, timeout=5000):
        page.save_button.click()
    again = load_settings(path)
    assert again.dicom.port == 11300
    assert (again.alerts.quiet_start, again.alerts.quiet_end) == ("21:30", "06:45")
    assert again.alerts.volume == 40
    assert again.peer("DR01").charset == "GB18030"
    assert again.peer("DR01").host == "192.168.1.20"
    assert again.gui.language == "zh_CN"
    assert (again.printing.auto_print, again.printing.paper) == (False, "A5")
    assert again.workflow.overload_threshold == 12
    assert again.forward.retrieve_priors == "get"
    assert page.message.text().startswith("Saved to ")
    reopened = page_for(qtbot, workstation, path, Role.ADMIN, tmp_path)
    assert reopened.dicom_port.value() == 11300
    assert reopened.quiet.isChecked()
    assert not reopened.auto_print.isChecked()
    assert reopened.overload.value() == 12
    assert reopened.retrieve.currentData() == "get"


def test_a_wrong_value_is_named_and_nothing_is_written(qtbot, workstation, tmp_path) -> None:
    path = site_file(workstation, tmp_path)
    before = path.read_bytes()
    page = page_for(qtbot, workstation, path, Role.ADMIN, tmp_path)
    page.ae_title.setText("NOT A VALID AE TITLE!")
    qtbot.waitUntil(lambda: True)
    page.save_button.click()
    qtbot.waitUntil(lambda: page.message.text().startswith("Not saved"), timeout=5000)
    assert "dicom.ae_title" in page.message.text()
    assert path.read_bytes() == before


def test_only_an_administrator_edits_the_site_but_everyone_picks_a_theme(
        qtbot, workstation, tmp_path, qapp) -> None:
    path = site_file(workstation, tmp_path)
    page = page_for(qtbot, workstation, path, Role.REVIEWER, tmp_path)
    assert not page.save_button.isEnabled()
    assert not page.dicom_port.isEnabled()
    page.edit_hanging_rules()                  # the rules can be read, not changed
    qtbot.waitUntil(lambda: page.hanging_editor is not None, timeout=10_000)
    assert not page.hanging_editor.save_button.isEnabled()
    assert not page.hanging_editor.add_button.isEnabled()
    assert page.theme.isEnabled()
    page.theme.setCurrentIndex(page.theme.findData("dark"))
    assert qapp.property("tw_theme") == "dark"
    assert settings_store("CH01", tmp_path / "ui.ini").value("ui/theme") == "dark"
    page.theme.setCurrentIndex(page.theme.findData("light"))


def test_hanging_rules_edited_in_settings_hang_the_next_study(qtbot, workstation,
                                                              tmp_path) -> None:
    from PySide6.QtWidgets import QComboBox

    from qt.test_viewer import chest_pair
    from tiered_workstation.qt.qt_login import SignedIn
    from tiered_workstation.viewer.hanging import RULES_FILE, load_rules

    services = workstation.services
    services.settings = dataclasses.replace(services.settings,     # a site with its file
                                            source=site_file(workstation, tmp_path))
    window = workstation.open_main_window(SignedIn("admin", "管理员", "CH01", (Role.ADMIN,),
                                                  Role.ADMIN))
    qtbot.addWidget(window)
    settings, viewer = window.pages["settings"], window.pages["viewer"]
    settings.edit_hanging_rules()
    qtbot.waitUntil(lambda: settings.hanging_editor is not None, timeout=10_000)
    editor = settings.hanging_editor
    assert editor.rules() == load_rules()                  # the shipped rules, in order
    editor.table.selectRow(0)
    editor.add_button.click()                              # a new rule below the first …
    editor.table.item(1, 0).setText("DX 网格")
    editor.table.item(1, 1).setText("dx")
    editor.up_button.click()                               # … moved to the top
    assert editor.table.item(0, 0).text() == "DX 网格"
    layout = editor.table.cellWidget(0, 4)
    assert isinstance(layout, QComboBox)
    editor.table.item(0, 1).setText("")
    editor.save()
    assert "rule 1 is not valid: it needs at least one modality" in editor.message.text()
    editor.table.item(0, 1).setText("DX, CR")
    layout.setCurrentIndex(layout.findData("2x2"))
    with qtbot.waitSignal(settings.hanging_rules_saved, timeout=10_000):
        editor.save()
    written = load_rules(workstation.services.settings.data_dir / RULES_FILE)
    assert (written[0].name, written[0].modalities, written[0].layout) == (
        "DX 网格", frozenset({"DX", "CR"}), "2x2")
    assert written[1:] == load_rules()

    viewer.open(chest_pair(tmp_path))                      # the viewer follows at once
    qtbot.waitUntil(lambda: viewer.layout_box.currentData() == "2x2", timeout=20_000)
