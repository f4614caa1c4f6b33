"""The registration desk: validation by field, pinyin, ID card, scans, returning
patients from a real center, registration that reaches the center, and offline
registration that is queued and already on the DR worklist (dcmtk findscu)."""

from __future__ import annotations

import dataclasses
import io
import subprocess
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PIL import Image
from pydicom import dcmread
from reportlab.pdfgen import canvas
from sqlalchemy import func, select

from dicom.test_worklist import query_file
from support import TECH
from sync.conftest import Consortium
from tiered_workstation.app.bootstrap import Services, bootstrap
from tiered_workstation.qt.event_bridge import QtEventBridge
from tiered_workstation.qt.qt_login import SignedIn
from tiered_workstation.qt.registration.qt_registration_page import QtRegistrationPage
from tiered_workstation.qt.tasks import TaskRunner
from tiered_workstation.registration.desk import SyncState
from tiered_workstation.registration.form import age_on
from tiered_workstation.registration.identity import OrderInput, PatientInput
from tiered_workstation.registration.service import register_exam
from tiered_workstation.storage.enums import ExamState, Role, Sex
from tiered_workstation.storage.exams import Exam, RequisitionAttachment

ID_CARD = "11010519491231002X"  # GB 11643 example: a woman born 1949-12-31
WAIT_MS = 20_000


@pytest.fixture
def open_desk(qtbot) -> Iterator[Callable[[Services], QtRegistrationPage]]:
    made: list[tuple[TaskRunner, QtEventBridge]] = []

    def make(services: Services) -> QtRegistrationPage:
        tasks, bridge = TaskRunner(), QtEventBridge(services.bus)
        made.append((tasks, bridge))
        site = services.settings.site.code
        session = SignedIn("tech.li", "李技师", site, (Role.TECHNICIAN,), Role.TECHNICIAN)
        page = QtRegistrationPage(services, session, tasks, bridge)
        qtbot.addWidget(page)
        page.resize(1440, 860)
        return page

    yield make
    for tasks, bridge in made:
        tasks.shutdown(wait=True)
        bridge.close()


def fill(page: QtRegistrationPage, *, name: str = "王芳", national_id: str = ID_CARD,
         procedure: str = "DXCHEST2") -> None:
    page.name.setText(name)
    page.name.textEdited.emit(name)
    page.national_id.setText(national_id)
    page.national_id.textEdited.emit(national_id)
    page.procedure.setCurrentIndex(page.procedure.findData(procedure))
    page.phone.setText("138 0013 8000")


def scan_files(folder: Path) -> list[Path]:
    png = folder / "申请单.png"
    Image.new("RGB", (850, 1100), "white").save(png)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.drawString(72, 720, "Requisition page 1")
    pdf.showPage()
    pdf.drawString(72, 720, "page 2")
    pdf.save()
    pdf_path = folder / "request.pdf"
    pdf_path.write_bytes(buffer.getvalue())
    return [png, pdf_path]


def test_empty_form_marks_each_missing_field_and_registers_nothing(
        qtbot, open_desk, services: Services) -> None:
    page = open_desk(services)
    assert page.submit() is not None
    shown = {key for key, label in page.errors.items() if not label.isHidden()}
    assert shown == {"name", "sex", "birth_date", "procedure_code"}
    assert page.errors["name"].text() == "Required."
    assert page.errors["procedure_code"].text() == "Choose the exam to perform."
    assert "correct the marked fields" in page.outcome.text()
    with services.database.session() as session:
        assert session.scalar(select(Exam)) is None


def test_pinyin_follows_the_name_until_typed_over(qtbot, open_desk, services) -> None:
    page = open_desk(services)
    page.name.textEdited.emit("单田芳")
    assert page.phonetic.text() == "Shan Tianfang"  # as people write it
    page.phonetic.textEdited.emit("Shan TianFang")
    page.phonetic.setText("Shan TianFang")
    page.name.textEdited.emit("单田芳芳")
    assert page.phonetic.text() == "Shan TianFang"   # the clerk's spelling is kept
    page.phonetic.setText("")
    page.phonetic.textEdited.emit("")
    page.name.textEdited.emit("欧阳娜娜")
    assert page.phonetic.text() == "Ouyang Nana"


def test_id_card_fills_birth_date_and_sex_and_a_bad_one_is_named(
        qtbot, open_desk, services) -> None:
    page = open_desk(services)
    page.national_id.textEdited.emit("110105194912310021")
    assert not page.errors["national_id"].isHidden()
    assert "check digit" in page.errors["national_id"].text()
    page.national_id.setText(ID_CARD)
    page.national_id.textEdited.emit(ID_CARD)
    assert page.errors["national_id"].isHidden()
    assert page.birth_date.text() == "1949-12-31"
    assert page.sex.currentData() == "F"


def test_scans_are_attached_with_thumbnails_and_preview(qtbot, open_desk, services,
                                                        tmp_path: Path) -> None:
    page = open_desk(services)
    junk = tmp_path / "notes.txt"
    junk.write_text("not a scan")
    with qtbot.waitSignal(page.scans.problem, timeout=WAIT_MS) as refused:
        page.scans.add_files([junk])
    assert refused.args == ["notes.txt is not a JPEG, PNG or PDF file."]
    for path in scan_files(tmp_path):
        with qtbot.waitSignal(page.scans.changed, timeout=WAIT_MS):
            page.scans.add_files([path])
    assert page.scans.count() == 2
    assert page.scans.thumbnails.count() == 2
    assert not page.scans.thumbnails.item(1).icon().isNull()
    assert not page.scans.preview.pixmap().isNull()       # the PDF's first page
    assert "2 pages" in page.scans.preview_caption.text()
    page.scans.thumbnails.setCurrentRow(0)
    page.scans.remove_current()
    assert [name for name, _ in page.scans.files()] == ["request.pdf"]


def test_registration_reaches_the_real_center_with_scans_and_returning_patient(
        qtbot, open_desk, consortium: Consortium, tmp_path: Path) -> None:
    center, community = consortium.center, consortium.community
    with center.database.transaction() as session:  # she was seen before, at the center
        earlier, _ = register_exam(session, center.workflow, center.registration, TECH,
                                   PatientInput("王芳", Sex.FEMALE, "Wang^Fang",
                                                national_id=ID_CARD),
                                   OrderInput("CTHEAD", "CT 头颅平扫", "CT", "HEAD"))
        known_id = earlier.patient.consortium_id
    community.sync.start(long_poll_seconds=1)
    page = open_desk(community)

    with qtbot.waitSignal(page.lookup_finished, timeout=WAIT_MS) as looked_up:
        fill(page)
    assert [p.consortium_id for p in looked_up.args[0].patients] == [known_id]
    assert "CT 头颅平扫" in page.matches.item(0).text()
    page.use_match()
    assert not page.returning_chip.isHidden()
    assert page.phonetic.text() == "Wang Fang"
    for path in scan_files(tmp_path):
        with qtbot.waitSignal(page.scans.changed, timeout=WAIT_MS):
            page.scans.add_files([path])

    with qtbot.waitSignal(page.registered, timeout=WAIT_MS) as done:
        page.submit()
    result = done.args[0]
    assert result.sync is SyncState.QUEUED
    assert "queued, will sync" in page.outcome.text()
    assert page.name.text() == ""   # ready for the next patient

    def at_center() -> None:
        with center.database.session() as session:
            exam = session.scalar(select(Exam).where(
                Exam.accession_number == result.accession_number))
            assert exam is not None
            assert exam.patient.consortium_id == known_id
            today = datetime.now(center.settings.site.tz).date()
            assert exam.patient_age == f"{age_on(date(1949, 12, 31), today):03d}Y"
            names = session.scalars(select(RequisitionAttachment.filename).where(
                RequisitionAttachment.exam_id == exam.id)).all()
            assert sorted(names) == ["request.pdf", "申请单.png"]
    qtbot.waitUntil(at_center, timeout=WAIT_MS)

    def shows_delivered() -> None:
        page.refresh_today()
        qtbot.wait(100)
        assert page.today.rowCount() == 1
        assert page.today.item(0, 1).text() == result.accession_number
        assert page.today.item(0, 7).text() == "At center"
    qtbot.waitUntil(shows_delivered, timeout=WAIT_MS)


def test_offline_registration_is_queued_and_on_the_dr_worklist_at_once(
        qtbot, open_desk, consortium: Consortium, tmp_path: Path) -> None:
    settings = consortium.community.settings
    offline = bootstrap(dataclasses.replace(settings, sync=dataclasses.replace(
        settings.sync, center_url="https://127.0.0.1:9", retry_max_seconds=1)))
    consortium.community.close()
    offline.node.start()
    offline.sync.start(long_poll_seconds=1)
    try:
        page = open_desk(offline)
        fill(page, name="赵六", national_id="")
        page.sex.setCurrentIndex(page.sex.findData("M"))
        page.age.setText("58")
        with qtbot.waitSignal(page.registered, timeout=WAIT_MS) as done:
            page.submit()
        accession = done.args[0].accession_number
        assert "queued, will sync" in page.outcome.text()

        def retrying() -> None:
            page.refresh_today()
            qtbot.wait(100)
            assert page.today.item(0, 7).text() == "Queued, will sync (center not reached)"
            assert "cannot be reached" in page.today.item(0, 7).toolTip()
        qtbot.waitUntil(retrying, timeout=WAIT_MS)

        query = tmp_path / "q.dcm"
        query_file(query, "GB18030", accession=accession)
        asked = dcmread(query, force=True)
        asked.PatientAge = ""
        asked.save_as(query, implicit_vr=False, little_endian=True)
        out = tmp_path / "answers"
        out.mkdir()
        found = subprocess.run(
            ["findscu", "-W", "-aet", "DR01", "-aec", settings.dicom.ae_title, "127.0.0.1",
             str(settings.dicom.port), str(query), "-X", "-od", str(out)],
            capture_output=True, text=True, timeout=60)
        assert found.returncode == 0, found.stderr
        answers = [dcmread(p) for p in sorted(out.glob("rsp*.dcm"))]
        assert [str(a.PatientName) for a in answers] == ["赵^六"]  # family^given
        assert answers[0].AccessionNumber == accession
        assert answers[0].PatientAge == "058Y"   # for the DR to write into the images
        with offline.database.session() as session:
            exam = session.scalar(select(Exam).where(Exam.accession_number == accession))
            assert exam.state is ExamState.REGISTERED
            assert exam.patient_age == "058Y"
            assert exam.patient.birth_date is None
    finally:
        offline.close()


def test_record_number_source_department_doctor_and_admission_id_are_registered(
        qtbot, open_desk, services: Services) -> None:
    page = open_desk(services)
    fill(page)
    page.sex.setCurrentIndex(page.sex.findData("F"))
    request = page.request
    assert not request.admission_id.isEnabled()  # an outpatient by default
    request.record_number.setText("MZ-0457")
    request.source.setCurrentIndex(request.source.findData("inpatient"))
    assert request.admission_id.isEnabled()
    assert request.source.currentText() == "Inpatient"
    request.admission_id.setText("ZY0815")
    request.department.setText("呼吸内科")
    page.referring.setText("王医生")
    page.submit()  # not like this site's numbers: a warning at the field first
    warning = page.errors["record_number"]
    assert not warning.isHidden()
    assert "This site's record numbers look like" in warning.text()
    assert f"{services.settings.site.code}{date.today():%Y}000001" in warning.text()
    with qtbot.waitSignal(page.registered, timeout=WAIT_MS) as done:
        page.submit()  # pressed again: kept as typed
    accession = done.args[0].accession_number
    with services.database.session() as session:
        exam = session.scalar(select(Exam).where(Exam.accession_number == accession))
        assert exam.patient.identifier_at(services.settings.site.code) == "MZ-0457"
        assert (exam.patient_source.value, exam.requesting_department, exam.referring_physician,
                exam.admission_id) == ("inpatient", "呼吸内科", "王医生", "ZY0815")
    assert request.record_number.text() == ""  # the form starts over
    assert request.source.currentData() == "outpatient"


def test_a_record_number_of_another_patient_is_refused_at_the_field(
        qtbot, open_desk, services: Services) -> None:
    site = services.settings.site.code
    number = f"{site}{date.today():%Y}000777"
    with services.database.transaction() as session:
        register_exam(session, services.workflow, services.registration, TECH,
                      PatientInput("李四", Sex.MALE, local_patient_id=number),
                      OrderInput("DXCHEST2", "DR Chest PA+LAT", "DX", "CHEST"))
    page = open_desk(services)
    fill(page)
    page.request.record_number.setText("   ")
    page.submit()
    assert "Only spaces" in page.errors["record_number"].text()
    page.request.record_number.setText("MZ\\1")
    page.submit()
    assert "backslash" in page.errors["record_number"].text()
    page.request.record_number.setText(number)  # the shape is right: no warning
    page.submit()
    qtbot.waitUntil(lambda: "another patient" in page.errors["record_number"].text(),
                    timeout=WAIT_MS)
    assert page.errors["record_number"].text() == (
        "This record number belongs to another patient (李四). Check the number, or find "
        "that patient under Returning patient.")
    assert page.name.text() == "王芳"  # nothing was lost
    with services.database.session() as session:
        assert session.scalar(select(func.count()).select_from(Exam)) == 1
