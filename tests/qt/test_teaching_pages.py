"""Teaching from the desktop: a signed exam becomes a case in the case editor."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from review.conftest import REVIEWER, Reading, by_accession
from review.conftest import reading as reading
from teaching.conftest import TODAY, TZ, archive_marked_images, seed_peer_reviews
from tiered_workstation.qt.app import QtWorkstation, settings_store
from tiered_workstation.qt.qt_login import SignedIn
from tiered_workstation.qt.review.qt_reading_page import QtReadingPage
from tiered_workstation.qt.teaching.qt_dashboard_page import QtTeachingDashboard
from tiered_workstation.qt.teaching.qt_library_page import QtLibraryPage
from tiered_workstation.storage.enums import Role, StudyActivity
from tiered_workstation.storage.teaching import Course, StudyRecord, TeachingCase


@pytest.fixture
def station(reading: Reading, tmp_path: Path, qapp) -> QtWorkstation:
    station = QtWorkstation(reading.services, settings_store("CH01", tmp_path / "ui.ini"))
    yield station
    station.release()


def test_the_case_editor_makes_a_case_of_a_signed_exam(qtbot, reading: Reading, station,
                                                       tmp_path: Path) -> None:
    services = reading.services
    accession = reading.read_and_sign(findings="张三：右下肺见斑片状模糊影。",
                                      impression="右下肺炎症。")
    archive_marked_images(reading, accession, tmp_path)
    with services.database.session() as session:
        exam_id = by_accession(session, accession).id
    page = QtReadingPage(services, SignedIn("rev.chest", "刘主任", "CH01", (Role.REVIEWER,),
                                            Role.REVIEWER), station.tasks, station.bridge)
    qtbot.addWidget(page)
    page.open_exam(exam_id)
    qtbot.waitUntil(lambda: page.view is not None)
    assert page.teaching_button.isVisibleTo(page)
    assert not page.sign_button.isVisibleTo(page)
    seen = []

    def fill(editor):  # the editor, answered as a reviewer would
        seen.append(editor.series.count())
        editor.title.setText("右下肺炎 — 轮廓征")
        editor.diagnosis.setText("社区获得性肺炎")
        editor.difficulty.setCurrentIndex(1)
        editor.tags.setText("肺炎，轮廓征")
        editor.points.setPlainText("右心缘模糊提示右中叶病变。")
        editor.resize(560, 620)
        editor.grab().save(str(tmp_path / "case-editor.png"))
        return editor.draft()
    page.ask_case = fill
    page.make_teaching_case()
    qtbot.waitUntil(lambda: "library" in page.message.text(), timeout=15000)
    assert seen == [1]  # the DX series; the marks go with it unasked
    with services.database.session() as session:
        case = session.scalar(select(TeachingCase))
        assert case.title == "右下肺炎 — 轮廓征"
        assert case.tag_list == ["肺炎", "轮廓征"]
        assert case.difficulty == 2
        assert case.body_part == "CHEST"
        assert "张三" not in case.findings
        assert len(case.instances) == 2


def _case(reading: Reading, tmp_path: Path) -> str:
    accession = reading.read_and_sign(findings="双肺纹理增多，右下肺见斑片状模糊影，边界不清。",
                                      impression="右下肺炎症。")
    archive_marked_images(reading, accession, tmp_path)
    with reading.services.database.session() as session:
        exam_id = by_accession(session, accession).id
    from tiered_workstation.teaching.cases import CaseDraft

    return reading.services.teaching_desk.make_case(exam_id, REVIEWER, CaseDraft(
        title="右下肺炎", diagnosis="社区获得性肺炎", body_part="CHEST", difficulty=2,
        tags=("肺炎", "轮廓征"), teaching_points="右心缘模糊提示右中叶病变（轮廓征）。"))


def test_the_library_finds_a_case_and_the_quiz_marks_the_learner(
        qtbot, reading: Reading, station, tmp_path: Path) -> None:
    uid = _case(reading, tmp_path)
    page = QtLibraryPage(reading.services.teaching_desk,
                         SignedIn("att.chest", "陈主治", "CH01", (Role.ATTENDING,),
                                  Role.ATTENDING), station.tasks)
    qtbot.addWidget(page)
    page.resize(1440, 860)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1)
    qtbot.waitUntil(lambda: page.body_part.count() == 2)  # all, and CHEST
    page.tag.setText("骨折")
    page.search()
    qtbot.waitUntil(lambda: page.table.rowCount() == 0)
    page.tag.setText("肺炎")
    page.body_part.setCurrentIndex(page.body_part.findData("CHEST"))
    page.search()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.case is not None)
    assert "轮廓征" in page.reader.toPlainText()
    assert "右下肺炎症" in page.reader.toPlainText()
    page.grab().save(str(tmp_path / "library.png"))
    with qtbot.waitSignal(page.open_requested) as opened:
        page.take_quiz()
    assert len(opened.args[0]) == 2
    assert all(Path(p).exists() for p in opened.args[0])
    assert "右下肺炎症" not in page.reader.toPlainText()  # the answer stays hidden
    assert page.table.isColumnHidden(0)                   # no title, no diagnosis listed
    assert page.table.isColumnHidden(1)
    assert page.quiz.diff.isHidden()
    page.quiz.findings.setPlainText("双肺纹理增多，右下肺见片状影。")
    page.quiz.impression.setPlainText("右下肺炎症，建议复查。")
    page.quiz.reveal()
    assert not page.table.isColumnHidden(1)
    assert page.quiz.result is not None
    assert 0.4 < page.quiz.result.agreement < 1
    assert "斑" in page.quiz.diff.toPlainText()
    assert "%" in page.quiz.score.text()
    page.grab().save(str(tmp_path / "quiz.png"))

    def records() -> list[tuple[StudyActivity, float | None]]:
        with reading.services.database.session() as session:
            return [(r.activity, r.quiz_agreement) for r in session.scalars(
                select(StudyRecord).where(StudyRecord.case_uid == uid)
                .order_by(StudyRecord.id))]
    qtbot.waitUntil(lambda: len(records()) == 2)
    assert records() == [(StudyActivity.OPENED, None),
                         (StudyActivity.QUIZ, page.quiz.result.agreement)]


def test_the_dashboard_shows_each_doctors_agreement_and_exports_it(
        qtbot, reading: Reading, station, new_exam, tmp_path: Path) -> None:
    services = reading.services
    accessions = seed_peer_reviews(services, new_exam)
    page = QtTeachingDashboard(services.teaching_desk, station.tasks, tz=TZ,
                               site_name="中心医院", today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1440, 860)
    qtbot.waitUntil(lambda: page.data is not None)
    assert page.doctors.rowCount() == 2
    assert page.doctors.item(0, 0).text() == "李医生"  # the least agreeing first
    assert page.doctors.item(0, 3).text() == "60%"
    assert page.doctors.item(0, 9).text() == "Chest 33%"  # the body part in words
    assert page.doctors.item(0, 10).text() == "右下肺炎"
    assert [s.name() for s in page.chart.series()] == ["李医生", "吴医生"]
    assert page.chart.series()[0].count() == 2  # two weeks with grades
    assert "7" in page.headline.text()
    assert page.majors.rowCount() == 1
    with qtbot.waitSignal(page.open_requested) as opened:
        page.majors.cellDoubleClicked.emit(0, 0)
    assert opened.args == [accessions[1]]
    page.grab().save(str(tmp_path / "dashboard.png"))
    page.export_csv(tmp_path / "progress.csv")
    page.export_pdf(tmp_path / "progress.pdf")
    qtbot.waitUntil(lambda: (tmp_path / "progress.pdf").exists()
                    and (tmp_path / "progress.csv").exists(), timeout=10000)
    assert "李医生" in (tmp_path / "progress.csv").read_text(encoding="utf-8-sig")


def test_the_viewer_makes_a_case_of_the_signed_exam_it_shows(qtbot, reading: Reading,
                                                             station, tmp_path: Path) -> None:
    services = reading.services
    accession = reading.read_and_sign(findings="右下肺见斑片状模糊影。", impression="右下肺炎症。")
    archive_marked_images(reading, accession, tmp_path)
    window = station.open_main_window(SignedIn("rev.chest", "刘主任", "CH01", (Role.REVIEWER,),
                                               Role.REVIEWER))
    qtbot.addWidget(window)
    viewer = window.pages["viewer"]
    assert viewer.teaching_button.isVisibleTo(viewer)
    asked = []

    def fill(editor):
        asked.append(editor.series.count())
        editor.title.setText("从阅片窗口建立的病例")
        return editor.draft()
    window.ask_case = fill
    window.open_images(accession_number=accession)
    qtbot.waitUntil(lambda: bool(viewer.series), timeout=10_000)
    viewer.teaching_button.click()
    qtbot.waitUntil(lambda: "library" in viewer.message.text(), timeout=15_000)
    assert asked == [1]
    with services.database.session() as session:
        case = session.scalar(select(TeachingCase))
        assert case.title == "从阅片窗口建立的病例"
        assert case.source_exam_id == by_accession(session, accession).id
    viewer.open([p for p in services.teaching_desk.files(case.uid)])  # a case, not an exam
    qtbot.waitUntil(lambda: viewer.series[0].study_instance_uid == case.study_instance_uid,
                    timeout=10_000)
    viewer.teaching_button.click()
    qtbot.waitUntil(lambda: "Only a signed exam" in viewer.message.text(), timeout=10_000)
    window.close()


def test_a_reviewer_makes_a_course_of_the_chosen_cases(qtbot, reading: Reading, station,
                                                       tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    uids = [_case(reading, tmp_path / "a"), _case(reading, tmp_path / "b")]
    page = QtLibraryPage(reading.services.teaching_desk,
                         SignedIn("rev.chest", "刘主任", "CH01", (Role.REVIEWER,), Role.REVIEWER),
                         station.tasks)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.table.rowCount() == 2)
    page.ask_course = lambda cases: "胸片入门" if cases == 2 else ""
    page.make_course()
    assert "Choose the cases first" in page.course_note.text()
    page.table.selectAll()
    page.make_course()
    qtbot.waitUntil(lambda: "made of 2 case(s)" in page.course_note.text(), timeout=10_000)
    with reading.services.database.session() as session:
        course = session.scalar(select(Course))
        assert course.title == "胸片入门"
        assert [e.case.uid for e in course.entries] == [c.uid for c in page.cases]
        assert set(uids) == {e.case.uid for e in course.entries}
