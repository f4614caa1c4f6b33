"""Patient history at a community: earlier exams and their reports, from the real center."""

from __future__ import annotations

from support import TECH
from sync.conftest import Consortium
from tiered_workstation.qt.qt_history_page import QtHistoryPage
from tiered_workstation.qt.tasks import TaskRunner
from tiered_workstation.registration.identity import OrderInput, PatientInput
from tiered_workstation.registration.service import register_exam
from tiered_workstation.storage.enums import PatientSource, Role, Sex, VersionKind
from tiered_workstation.workflow.actors import Actor
from tiered_workstation.workflow.reports import save_version

ID_CARD = "11010519491231002X"
READER = Actor("rev.chest", Role.REVIEWER, "CH01", "刘主任")


def test_history_shows_the_centers_exams_and_report(qtbot, consortium: Consortium) -> None:
    center = consortium.center
    with center.database.transaction() as session:
        exam, _ = register_exam(session, center.workflow, center.registration, TECH,
                                PatientInput("王芳", Sex.FEMALE, "Wang^Fang",
                                             national_id=ID_CARD, local_patient_id="BL-42"),
                                OrderInput("DXCHEST2", "DR 胸部正侧位", "DX", "CHEST",
                                           referring_physician="陈医生",
                                           patient_source=PatientSource.INPATIENT,
                                           requesting_department="心内科",
                                           admission_id="ZY-9"))
        save_version(session, exam, READER, findings="两肺纹理清晰，未见实变。",
                     impression="胸部未见异常。", kind=VersionKind.PRELIMINARY,
                     from_other_site=True)
    tasks = TaskRunner()
    try:
        page = QtHistoryPage(consortium.community, tasks)
        qtbot.addWidget(page)
        page.query.setText("王芳")
        page.search()
        assert "birth date" in page.status.text()       # a name alone is not enough
        page.query.setText(ID_CARD.lower())
        with qtbot.waitSignal(page.searched, timeout=20_000):
            page.search()
        assert page.people.count() == 1
        assert page.people.item(0).text().startswith("王芳  F  1949-12-31")
        assert page.exams.rowCount() == 1
        assert page.exams.item(0, 2).text() == "DR 胸部正侧位"
        assert page.exams.item(0, 1).text() == "CH01"
        text = page.report.toPlainText()
        assert "两肺纹理清晰，未见实变。" in text
        assert "胸部未见异常。" in text
        assert "刘主任" in text
        for caption, value in [("Record number", "BL-42"), ("Patient source", "Inpatient"),
                               ("Admission ID", "ZY-9"), ("Requesting department", "心内科"),
                               ("Requesting doctor", "陈医生")]:
            assert f"{caption}\n{value}" in text, text
    finally:
        tasks.shutdown(wait=True)
