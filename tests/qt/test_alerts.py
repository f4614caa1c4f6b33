"""Arrival alerts at the center: banner, sound request, urgent repeat, acknowledgement."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from support import TECH
from tiered_workstation.app.bootstrap import Services
from tiered_workstation.qt.alerts import QtAlertBanner, QtAlertCenter
from tiered_workstation.registration.identity import OrderInput, PatientInput
from tiered_workstation.registration.service import RegistrationPolicy, register_exam
from tiered_workstation.storage.enums import Priority, Sex
from tiered_workstation.workflow.actors import Actor
from tiered_workstation.workflow.transitions import Action

DEVICE = Actor.system("CM01", "DR01")


def community_exam_arrives(services: Services, name: str, priority: Priority) -> str:
    """A CM01 exam registered, imaged and forwarded to this center."""
    policy = RegistrationPolicy(site_code="CM01", timezone=services.settings.site.tz,
                                uid_root="2.25")
    order = OrderInput("DXCHEST2", "DR 胸部正侧位", "DX", "CHEST", priority=priority)
    with services.database.transaction() as session:
        exam, _ = register_exam(session, services.workflow, policy, TECH,
                                PatientInput(name, Sex.MALE, "Zhang^San"), order)
        accession = exam.accession_number
    for action in (Action.COMPLETE_ACQUISITION, Action.CONFIRM_TRANSFER):
        services.workflow.run(services.database, accession, action, DEVICE)
    return accession


def alert_center(qtbot, workstation, **alert_settings) -> tuple[QtAlertCenter, QtAlertBanner]:
    services = workstation.services
    services.settings = dataclasses.replace(services.settings, alerts=dataclasses.replace(
        services.settings.alerts, **alert_settings))
    center = QtAlertCenter(services, workstation.tasks, workstation.bridge,
                           clock=lambda: datetime(2026, 11, 28, 10, 0))
    banner = QtAlertBanner(center)
    qtbot.addWidget(banner)
    return center, banner


def test_new_community_exam_raises_a_banner_and_a_sound(qtbot, workstation) -> None:
    center, banner = alert_center(qtbot, workstation)
    sounds: list[str] = []
    center.sound_requested.connect(sounds.append)
    with qtbot.waitSignal(center.alert_raised, timeout=5000) as raised:
        community_exam_arrives(workstation.services, "张三", Priority.ROUTINE)
    alert = raised.args[0]
    assert (alert.patient_name, alert.site_name, alert.urgent) == ("张三", "Community 1", False)
    assert sounds == ["routine"]
    assert banner.isVisibleTo(banner.parentWidget() or banner)
    assert banner.text.text() == "New exam: 张三 · DR 胸部正侧位 · Community 1"
    banner.acknowledge.click()
    assert center.pending == []
    assert banner.isHidden()


def test_urgent_alert_repeats_until_acknowledged(qtbot, workstation) -> None:
    center, _ = alert_center(qtbot, workstation, speech=True)
    center._repeat.setInterval(100)  # the site setting is at least 10 s
    sounds: list[str] = []
    spoken: list[str] = []
    center.sound_requested.connect(sounds.append)
    center.speech_requested.connect(spoken.append)
    community_exam_arrives(workstation.services, "王伟", Priority.URGENT)
    qtbot.waitUntil(lambda: len(sounds) >= 3, timeout=5000)
    assert set(sounds) == {"urgent"}
    assert spoken[0] == "急诊新检查：王伟，胸部正侧位，Community 1"
    center.acknowledge()
    count = len(sounds)
    qtbot.wait(400)
    assert len(sounds) == count
    assert not center._repeat.isActive()


def test_quiet_hours_keep_the_banner_but_not_the_sound(qtbot, workstation) -> None:
    center, banner = alert_center(qtbot, workstation, quiet_start="09:00", quiet_end="11:00")
    sounds: list[str] = []
    center.sound_requested.connect(sounds.append)
    with qtbot.waitSignal(center.alert_raised, timeout=5000):
        community_exam_arrives(workstation.services, "李四", Priority.ROUTINE)
    assert sounds == []
    assert not banner.isHidden()


def test_without_a_sound_device_the_alert_still_shows(qtbot, workstation, caplog) -> None:
    center, banner = alert_center(qtbot, workstation)
    with qtbot.waitSignal(center.alert_raised, timeout=5000):
        community_exam_arrives(workstation.services, "赵六", Priority.ROUTINE)
    qtbot.wait(200)
    played = center.player.play("routine")  # offscreen CI machines have no sound server
    if not played:
        assert "arrival alerts are silent" in caplog.text
    assert not banner.isHidden()
