"""Errors for people: a refused association, a center out of reach and a full disk
reach the window as plain words with what to do; the log viewer has the details."""

from __future__ import annotations

import logging
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from sync.conftest import Consortium
from tiered_workstation.problems import ProblemKind, problem
from tiered_workstation.qt.app import QtWorkstation, settings_store
from tiered_workstation.qt.problem_bar import QtProblemBar
from tiered_workstation.qt.qt_log_page import QtLogPage
from tiered_workstation.qt.qt_login import SignedIn
from tiered_workstation.registration.identity import OrderInput, PatientInput
from tiered_workstation.registration.service import register_exam
from tiered_workstation.storage.enums import Role, Sex
from tiered_workstation.storage.messaging import OutboxMessage
from tiered_workstation.workflow.actors import Actor

REVIEWER = SignedIn("rev.chest", "刘主任", "CH01", (Role.REVIEWER,), Role.REVIEWER)
WAIT_MS = 20_000


def test_unknown_device_is_refused_and_said_in_plain_words(qtbot, workstation,
                                                           tmp_path: Path) -> None:
    window = workstation.open_main_window(REVIEWER)
    qtbot.addWidget(window)
    workstation.services.node.start()
    try:
        settings = workstation.services.settings
        with qtbot.waitSignal(workstation.problems.changed, timeout=WAIT_MS):
            echo = subprocess.run(["echoscu", "-aet", "STRANGER", "-aec",
                                   settings.dicom.ae_title, "127.0.0.1",
                                   str(settings.dicom.port)],
                                  capture_output=True, text=True, timeout=30, cwd=tmp_path)
        assert echo.returncode != 0   # dcmtk was refused, really
    finally:
        workstation.services.node.stop()
    problem_bar = window.findChild(QtProblemBar)
    assert not problem_bar.isHidden()
    assert problem_bar.headline.text().startswith(
        "A device that is not registered tried to connect: STRANGER (127.0.0.1) (at ")
    assert "Settings → DICOM devices and nodes" in problem_bar.advice.text()
    now = datetime.now(workstation.services.settings.site.tz)  # the site's clock, as the
    assert any(f"(at {t:%H:%M})" in problem_bar.headline.text()  # board's, not the PC's
               for t in (now, now - timedelta(minutes=1)))

    problem_bar.details.click()
    assert window.current_page == "log"
    page = window.pages["log"]
    assert isinstance(page, QtLogPage)
    assert page.problems_only.isChecked()
    details = page.details.toPlainText()
    assert "association rejected: STRANGER@127.0.0.1" in details
    assert "What to do: If it is one of yours" in details

    problem_bar.dismiss.click()
    assert problem_bar.isHidden()


def test_center_out_of_reach_is_one_message_with_a_count(qtbot, consortium: Consortium,
                                                         tmp_path: Path) -> None:
    community = consortium.community
    consortium.center.close()   # the link to the center is down
    station = QtWorkstation(community, settings_store("CM01", tmp_path / "ui.ini"))
    try:
        window = station.open_main_window(
            SignedIn("tech.li", "李技师", "CM01", (Role.TECHNICIAN,), Role.TECHNICIAN))
        qtbot.addWidget(window)
        clerk = Actor("tech.li", Role.TECHNICIAN, "CM01", "李技师")
        with community.database.transaction() as session:
            register_exam(session, community.workflow, community.registration, clerk,
                          PatientInput("赵六", Sex.MALE), OrderInput("DXCHEST2", "DR 胸部正侧位",
                                                                   "DX", "CHEST"))
        community.sync.start(long_poll_seconds=1)

        def told_twice() -> None:
            active = list(station.problems.active.values())
            assert [p.kind for p in active] == [ProblemKind.CENTER_UNREACHABLE]
            assert active[0].count >= 2
        qtbot.waitUntil(told_twice, timeout=WAIT_MS)
        bar = window.findChild(QtProblemBar)
        assert bar.headline.text().startswith("The center cannot be reached (")
        assert "times, last at" in bar.headline.text()
        assert "sent by themselves when the link is back" in bar.advice.text()
        with community.database.session() as session:  # and nothing was lost
            assert session.scalar(select(OutboxMessage).where(
                OutboxMessage.delivered_at.is_(None))) is not None
        community.sync.stop()
    finally:
        station.release()


def test_full_disk_is_serious_and_the_log_keeps_every_line(qtbot, workstation,
                                                           tmp_path: Path) -> None:
    window = workstation.open_main_window(REVIEWER)
    qtbot.addWidget(window)
    store_log = logging.getLogger("tiered_workstation.dicom.store")
    with qtbot.waitSignal(workstation.problems.changed, timeout=WAIT_MS):
        store_log.info("stored 1.2.3 from DR01")
        store_log.error("archive disk is full: refused 1.2.4 from DR01",
                        extra=problem(ProblemKind.DISK_FULL, peer="DR01"))
    bar = window.findChild(QtProblemBar)
    assert bar.property("serious") is True
    assert bar.headline.text().startswith("The image disk is full")
    page = window.pages["log"]
    assert isinstance(page, QtLogPage)
    messages = [e.message for e in page.model.entries()]
    assert messages[-2:] == ["stored 1.2.3 from DR01",
                             "archive disk is full: refused 1.2.4 from DR01"]
    page.level.setCurrentIndex(page.level.findData(logging.ERROR))
    assert page.proxy.rowCount() >= 1
    assert all(page.proxy.index(r, 1).data() == "Error" for r in range(page.proxy.rowCount()))
    page.level.setCurrentIndex(0)
    page.search.setText("1.2.3")
    assert page.proxy.rowCount() == 1
    saved = tmp_path / "log.txt"
    assert page.save_text(saved) == 1
    assert "INFO dicom.store: stored 1.2.3 from DR01" in saved.read_text(encoding="utf-8")
