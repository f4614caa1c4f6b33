"""The live status board follows the event bus; filters, search and the drawer work."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView
from sqlalchemy import select

from support import TECH
from tiered_workstation.app.bootstrap import Services
from tiered_workstation.qt.status.board_colours import TAT_COLOURS, board_colours
from tiered_workstation.qt.status.qt_board_model import QtBoardModel
from tiered_workstation.qt.status.qt_status_page import QtStatusPage
from tiered_workstation.qt.theme import DARK, LIGHT, apply_theme
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
    assert readers == {first: "刘主任", second: "—"}
    reviewers = dict(zip(texts(page, "accession"), texts(page, "reviewer"), strict=True))
    assert reviewers == {first: "刘主任", second: "—"}  # who signed; unknown until then
    assert page.model.headerData(QtBoardModel.COLUMNS.index("reviewer"),
                                 Qt.Orientation.Horizontal) == "Reviewer"


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


def test_state_colour_only_on_the_state_text_and_turnaround_only_on_elapsed(
        qtbot, workstation, new_exam, qapp) -> None:
    signed = new_exam(name="张三")
    new_exam(name="李四")
    walk_to_final(workstation.services, signed)
    foreground = Qt.ItemDataRole.ForegroundRole
    for theme in (LIGHT, DARK):
        apply_theme(qapp, theme)
        page = board(qtbot, workstation)
        qtbot.waitUntil(lambda p=page: p.proxy.rowCount() == 2, timeout=5000)
        colours = board_colours(theme)
        now = datetime.now(UTC)
        for r in range(page.proxy.rowCount()):
            row = page.proxy.source_row(r)
            cells = {column: page.proxy.index(r, n).data(foreground)
                     for n, column in enumerate(QtBoardModel.COLUMNS)}
            assert cells.pop("state").color().name() == colours.state[row.state]
            tat = colours.tat[row.tat_status(page.model.target, now)][0]
            assert cells.pop("elapsed").color().name() == tat
            assert cells.pop("priority") is None  # routine exams: no "!"
            assert all(brush is None for brush in cells.values()), cells  # nothing else
        states = {page.proxy.source_row(r).state: page.proxy.index(
            r, QtBoardModel.COLUMNS.index("state")).data(foreground).color().name()
            for r in range(2)}
        assert states[ExamState.FINAL] != states[ExamState.REGISTERED]
    apply_theme(qapp, LIGHT)


def arrow_points_down(header: QHeaderView, section: int) -> bool:
    """Read the sort arrow off the painted header: ▼ is widest at its top."""
    image = header.grab().toImage()
    right = header.sectionViewportPosition(section) + header.sectionSize(section)
    widths = [sum(QColor(image.pixel(x, y)).lightness() < 170
                  for x in range(right - 16, right))
              for y in range(image.height())]
    drawn = [w for w in widths if w]
    assert len(drawn) >= 2, widths  # an arrow is there
    assert drawn[0] != drawn[-1]
    return drawn[0] > drawn[-1]


def registered_order(page: QtStatusPage) -> list[datetime]:
    return [page.proxy.source_row(r).registered_at for r in range(page.proxy.rowCount())]


def test_sort_indicator_agrees_with_the_rows_at_start_and_after_clicks(
        qtbot, workstation, new_exam, tmp_path) -> None:
    accessions = [new_exam(name=name) for name in ("张三", "李四", "王五")]
    start = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    with workstation.services.database.transaction() as session:
        for n, accession in enumerate(accessions):
            exam = session.scalar(select(Exam).where(Exam.accession_number == accession))
            exam.registered_at = start + timedelta(minutes=10 * n)
    page = board(qtbot, workstation)
    page.date_filter.setCurrentIndex(page.date_filter.findData(30))
    page.resize(1500, 400)
    page.show()
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 3, timeout=5000)
    header = page.table.horizontalHeader()
    registered = QtBoardModel.COLUMNS.index("registered")

    assert header.sortIndicatorSection() == registered
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert registered_order(page) == sorted(registered_order(page), reverse=True)
    assert texts(page, "accession") == accessions[::-1]  # newest first
    assert arrow_points_down(header, registered)  # ▼, not ▲

    def click(column: str) -> None:
        n = QtBoardModel.COLUMNS.index(column)
        x = header.sectionViewportPosition(n) + header.sectionSize(n) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(x, header.height() // 2))

    click("registered")
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert texts(page, "accession") == accessions  # oldest first
    assert not arrow_points_down(header, registered)  # ▲
    click("accession")
    assert header.sortIndicatorSection() == QtBoardModel.COLUMNS.index("accession")
    shown = texts(page, "accession")
    ascending = header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert shown == sorted(accessions, reverse=not ascending)
    click("accession")
    assert header.sortIndicatorOrder() == (Qt.SortOrder.DescendingOrder if ascending
                                           else Qt.SortOrder.AscendingOrder)
    assert texts(page, "accession") == shown[::-1]

    # a restored header brings its order with it
    store = QSettings(str(tmp_path / "board.ini"), QSettings.Format.IniFormat)
    page.save_state(store)
    again = board(qtbot, workstation)
    again.date_filter.setCurrentIndex(again.date_filter.findData(30))
    qtbot.waitUntil(lambda: again.proxy.rowCount() == 3, timeout=5000)
    again.restore_state(store)
    restored = again.table.horizontalHeader()
    assert restored.sortIndicatorSection() == header.sortIndicatorSection()
    assert restored.sortIndicatorOrder() == header.sortIndicatorOrder()
    assert texts(again, "accession") == texts(page, "accession")
    # a header saved with other columns (before Reviewer) is not applied to these
    store.remove("status/columns")
    old = board(qtbot, workstation)
    old.restore_state(store)
    assert old.table.horizontalHeader().sortIndicatorSection() == registered
    assert old.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_a_cancelled_exam_has_no_turnaround_colour(qtbot, workstation, new_exam) -> None:
    accession = new_exam()
    workstation.services.workflow.run(workstation.services.database, accession,
                                      Action.CANCEL, TECH, note="patient left")
    page = board(qtbot, workstation)
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1, timeout=5000)
    index = page.proxy.index(0, QtBoardModel.COLUMNS.index("elapsed"))
    grey = board_colours(LIGHT).state[ExamState.CANCELLED]
    assert index.data(Qt.ItemDataRole.ForegroundRole).color().name() == grey
    assert index.data(Qt.ItemDataRole.BackgroundRole) is None
    assert index.data(Qt.ItemDataRole.ToolTipRole) is None


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
