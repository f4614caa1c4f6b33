"""The live status board follows the event bus; filters, search and the drawer work."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from sqlalchemy import select

from support import TECH
from tiered_workstation.app.bootstrap import Services
from tiered_workstation.qt.status.qt_board_model import TAT_COLOURS, QtBoardModel
from tiered_workstation.qt.status.qt_status_page import QtStatusPage
from tiered_workstation.registration.identity import OrderInput, PatientInput
from tiered_workstation.registration.service import register_exam
from tiered_workstation.storage.enums import ExamState, PatientSource, Role, Sex, VersionKind
from tiered_workstation.storage.exams import Exam
from tiered_workstation.storage.reports import Assignment
from tiered_workstation.workflow.actors import Actor
from tiered_workstation.workflow.reports import save_version
from tiered_workstation.workflow.tat import TatStatus
from tiered_workstation.workflow.transitions import Action

DEVICE = Actor.system("CH01", "DR01")
TRIAGE = Actor("triage", Role.TRIAGE, "CH01", "王医生")
READER = Actor("rev.chest", Role.REVIEWER, "CH01", "刘主任")


def board(qtbot, workstation) -> QtStatusPage:
    s = workstation.services
    page = QtStatusPage(s.board_desk, s.settings, workstation.tasks, workstation.bridge,
                        reader_name="刘主任")
    qtbot.addWidget(page)
    return page


def texts(page: QtStatusPage, column: str) -> list[str]:
    n = QtBoardModel.COLUMNS.index(column)
    return [page.proxy.index(r, n).data() for r in range(page.proxy.rowCount())]


def walk_to_final(services: Services, accession: str) -> None:
    """Image, assign to 刘主任, write, submit and sign, through the workflow."""
    db, wf = services.database, services.workflow
    for action, actor in [(Action.SCHEDULE, TECH), (Action.START_ACQUISITION, DEVICE),
                          (Action.COMPLETE_ACQUISITION, DEVICE),
                          (Action.CONFIRM_TRANSFER, DEVICE)]:
        wf.run(db, accession, action, actor)
    with db.transaction() as session:
        exam = session.scalar(select(Exam).where(Exam.accession_number == accession))
        session.add(Assignment(exam_id=exam.id, assignee_username="rev.chest",
                               assigned_by="triage"))
        wf.apply(session, exam, Action.ASSIGN, TRIAGE, note="刘主任")
        save_version(session, exam, READER, findings="双肺纹理清晰。", impression="未见异常。",
                     kind=VersionKind.PRELIMINARY)
        wf.apply(session, exam, Action.SUBMIT_PRELIMINARY, READER)
        wf.apply(session, exam, Action.SIGN, READER)


def test_board_loads_then_follows_events_up_to_the_signature(qtbot, workstation,
                                                             new_exam) -> None:
    first = new_exam(name="张三")
    page = board(qtbot, workstation)
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1, timeout=5000)
    assert texts(page, "patient") == ["张三1"]
    assert texts(page, "state") == ["Registered"]
    [record] = texts(page, "patient_id")  # the record number, not the consortium UUID
    assert record.startswith("CH01")
    assert len(record) == 14

    second = new_exam(name="李四")  # not on the board yet: fetched by id from the event
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 2, timeout=5000)
    walk_to_final(workstation.services, first)
    qtbot.waitUntil(lambda: "Signed" in texts(page, "state"), timeout=5000)
    by_accession = dict(zip(texts(page, "accession"), texts(page, "state"), strict=True))
    assert by_accession == {first: "Signed", second: "Registered"}
    readers = dict(zip(texts(page, "accession"), texts(page, "reader"), strict=True))
    assert readers[first] == "刘主任"


def test_filters_search_and_mine(qtbot, workstation, new_exam) -> None:
    first, second = new_exam(name="张三"), new_exam(name="李四")
    page = board(qtbot, workstation)
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 2, timeout=5000)
    walk_to_final(workstation.services, first)
    qtbot.waitUntil(lambda: "Signed" in texts(page, "state"), timeout=5000)

    page.state_filter.setCurrentIndex(page.state_filter.findData(ExamState.FINAL.value))
    assert texts(page, "accession") == [first]
    page.state_filter.setCurrentIndex(page.state_filter.findData("open"))
    assert sorted(texts(page, "accession")) == [first, second]  # signed is open until printed
    page.state_filter.setCurrentIndex(page.state_filter.findData(ExamState.REGISTERED.value))
    assert texts(page, "accession") == [second]
    page.state_filter.setCurrentIndex(0)
    page.search.setText("李")  # (QTest cannot type CJK characters)
    assert texts(page, "accession") == [second]
    page.search.clear()
    page.mine.setChecked(True)
    assert texts(page, "accession") == [first]
    page.mine.setChecked(False)
    page.modality_filter.setCurrentIndex(page.modality_filter.findData("CT"))
    assert texts(page, "accession") == []
    assert page.counts.text().startswith("0 shown · 2 open")


def test_elapsed_column_turns_amber_then_red(qtbot, workstation, new_exam) -> None:
    new_exam()
    page = board(qtbot, workstation)
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1, timeout=5000)
    row = page.model.row_at(0)
    column = QtBoardModel.COLUMNS.index("elapsed")
    index = page.proxy.index(0, column)
    for minutes, status, shown in [(5, TatStatus.ON_TRACK, "5′00″"),
                                   (26, TatStatus.AT_RISK, "26′00″"),
                                   (45, TatStatus.OVERDUE, "45′00″"),
                                   (135, TatStatus.OVERDUE, "2:15")]:
        page.model.clock = lambda m=minutes: row.registered_at + timedelta(minutes=m)
        page.model.tick()
        assert index.data() == shown
        colour = index.data(Qt.ItemDataRole.ForegroundRole).color().name()
        assert colour == TAT_COLOURS[status][0]
    page.model.clock = lambda: datetime.now(UTC)


def test_selecting_an_exam_opens_its_timeline(qtbot, workstation, new_exam) -> None:
    accession = new_exam(name="张三")
    walk_to_final(workstation.services, accession)
    page = board(qtbot, workstation)
    page.show()
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1, timeout=5000)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.drawer.isVisible(), timeout=5000)
    drawer = page.drawer
    assert drawer.title.text().startswith("张三1")
    steps = [drawer.timeline.topLevelItem(i).text(1)
             for i in range(drawer.timeline.topLevelItemCount())]
    assert steps[0] == "Registered"
    assert steps[-1] == "Signed"
    assert len(steps) == 8
    assert "刘主任" in drawer.timeline.topLevelItem(7).text(2)
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    assert not drawer.isVisible()


def test_the_drawer_shows_the_requisitions_fields(qtbot, workstation) -> None:
    s = workstation.services
    with s.database.transaction() as session:
        register_exam(session, s.workflow, s.registration, TECH,
                      PatientInput("李梅", Sex.FEMALE, "Li^Mei", local_patient_id="BL-778"),
                      OrderInput("DXCHEST2", "DR Chest PA+LAT", "DX", "CHEST",
                                 referring_physician="王医生",
                                 patient_source=PatientSource.INPATIENT,
                                 requesting_department="呼吸内科", admission_id="ZY2026-31"))
    page = board(qtbot, workstation)
    page.show()
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1, timeout=5000)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.drawer.isVisible(), timeout=5000)
    text = page.drawer.request.text()
    for shown in ("Record number: BL-778", "Patient source: Inpatient",
                  "Admission ID: ZY2026-31", "Requesting department: 呼吸内科",
                  "Requesting doctor: 王医生"):
        assert shown in text
    assert "inpatient" not in text  # the label, not the enum value
