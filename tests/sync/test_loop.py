"""Community ⇄ center over real HTTPS with mutual TLS: registration, sealed
requisition scans, the event feed back, community-prelim reports, print ack and
the returning patient's history."""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from datetime import date

from PIL import Image
from sqlalchemy import select

from support import id_card
from sync.conftest import SIGNER_PASSWORD, Consortium
from tiered_workstation.app.bootstrap import Services
from tiered_workstation.registration.identity import OrderInput, PatientInput
from tiered_workstation.registration.service import RegistrationPolicy, register_exam
from tiered_workstation.review.signoff import sign_report
from tiered_workstation.review.submit import submit_preliminary
from tiered_workstation.storage.enums import (
    ExamState,
    PeerReviewGrade,
    ReadingMode,
    Role,
    Sex,
    VersionKind,
)
from tiered_workstation.storage.exams import Exam, RequisitionAttachment
from tiered_workstation.storage.messaging import OutboxMessage
from tiered_workstation.storage.reports import Assignment, Report
from tiered_workstation.storage.teaching import PeerReview
from tiered_workstation.workflow.actors import Actor
from tiered_workstation.workflow.signing import check_version
from tiered_workstation.workflow.transitions import Action

COMMUNITY_TECH = Actor("tech.cm01", Role.TECHNICIAN, "CM01", "王技师")
COMMUNITY_DOCTOR = Actor("dr.cm01", Role.COMMUNITY_DOCTOR, "CM01", "李医生")
TRIAGE = Actor("triage.ch01", Role.TRIAGE, "CH01", "分诊")
ATTENDING = Actor("att.ch01", Role.ATTENDING, "CH01", "赵医生")
REVIEWER = Actor("rev.chest", Role.REVIEWER, "CH01", "刘主任")
DEVICE = Actor.system("CM01", "MPPS from DR01")
FORWARDER = Actor.system("CM01", "forwarder")
PRINTER = Actor.system("CM01", "auto-print")


def wait_until(what: str, check: Callable[[], bool], timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def state_at(services: Services, accession: str) -> ExamState | None:
    with services.database.session() as session:
        exam = session.scalar(select(Exam).where(Exam.accession_number == accession))
        return exam.state if exam else None


def jpeg_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("L", (400, 300), 200).save(buffer, "JPEG")
    return buffer.getvalue()


def register(services: Services, patient: PatientInput, mode: ReadingMode,
             requisitions: list[tuple[str, bytes]] = ()) -> str:
    policy = RegistrationPolicy("CM01", services.settings.site.tz)
    with services.database.transaction() as session:
        exam, _ = register_exam(session, services.workflow, policy, COMMUNITY_TECH, patient,
                                OrderInput("DXCHEST2", "DR 胸部正侧位", "DX", "CHEST",
                                           reading_mode=mode, scheduled_station_ae="DR01"),
                                requisitions=requisitions, store=services.requisitions)
        return exam.accession_number


def image_and_transfer(services: Services, accession: str) -> None:
    for action, actor in ((Action.SCHEDULE, COMMUNITY_TECH), (Action.START_ACQUISITION, DEVICE),
                          (Action.COMPLETE_ACQUISITION, DEVICE),
                          (Action.CONFIRM_TRANSFER, FORWARDER)):
        services.workflow.run(services.database, accession, action, actor)


def assign(center: Services, accession: str) -> None:
    with center.database.transaction() as session:
        exam = session.scalar(select(Exam).where(Exam.accession_number == accession))
        session.add(Assignment(exam_id=exam.id, assignee_username=REVIEWER.username,
                               group_code="chest", assigned_by=TRIAGE.username))
        center.workflow.apply(session, exam, Action.ASSIGN, TRIAGE, note="chest group")


def sign(center: Services, accession: str, findings: str, impression: str,
         password: str = SIGNER_PASSWORD) -> None:
    with center.database.transaction() as session:
        exam = session.scalar(select(Exam).where(Exam.accession_number == accession))
        sign_report(session, center.workflow, exam, REVIEWER, password=password,
                    findings=findings, impression=impression)


def final_text(services: Services, accession: str) -> tuple[str, str] | None:
    with services.database.session() as session:
        report = session.scalar(select(Report).join(Exam, Exam.id == Report.exam_id).where(
            Exam.accession_number == accession))
        if report is None:
            return None
        finals = [v for v in report.versions if v.kind is VersionKind.FINAL]
        return (finals[-1].findings, finals[-1].impression) if finals else None


def test_the_loop_between_two_sites(consortium: Consortium) -> None:
    center, community = consortium.center, consortium.community
    consortium.enroll_reviewer()
    scan = jpeg_bytes()
    national_id = id_card(1, 7)
    zhang = PatientInput("张三", Sex.MALE, "Zhang^San", date(1961, 1, 8),
                         national_id=national_id)
    li = PatientInput("李四", Sex.FEMALE, "Li^Si", date(1975, 3, 2))
    # the center is up but the community has not started syncing: messages queue
    first = register(community, zhang, ReadingMode.CENTER_FULL, [("申请单.jpg", scan)])
    second = register(community, li, ReadingMode.COMMUNITY_PRELIM)
    with community.database.session() as session:
        queued = session.scalars(select(OutboxMessage)).all()
        assert [m.topic for m in queued] == ["exam.transition", "exam.requisitions",
                                             "exam.transition"]
        sealed = queued[1].payload
    # the scan is sealed at rest: neither its bytes nor their base64 are in the database
    raw_db = (community.settings.data_dir / "tiered.db").read_bytes()
    import base64

    assert base64.b64encode(scan)[:200] not in raw_db
    assert "data_base64" not in str(sealed)

    community.sync.start(long_poll_seconds=1)
    wait_until("registrations at the center", lambda: state_at(center, second) is not None)
    with center.database.session() as session:
        exam = session.scalar(select(Exam).where(Exam.accession_number == first))
        assert (exam.site_code, exam.patient.name, exam.patient.national_id) == (
            "CM01", "张三", national_id)
        wait_until("the requisition scan", lambda: session.scalar(
            select(RequisitionAttachment.sha256)) is not None)
    with center.database.session() as session:
        attachment = session.scalar(select(RequisitionAttachment))
        from pathlib import Path

        assert Path(attachment.stored_path).read_bytes() == scan

    for accession in (first, second):
        image_and_transfer(community, accession)
        wait_until("transfer at the center",
                   lambda a=accession: state_at(center, a) is ExamState.TRANSFERRED)
        assign(center, accession)
        wait_until("assignment at the community",
                   lambda a=accession: state_at(community, a) is ExamState.ASSIGNED)

    # center-full: the attending writes at the center, the reviewer signs
    findings = "双肺纹理清晰，未见实质性病变。心影不大。"
    with center.database.transaction() as session:
        exam = session.scalar(select(Exam).where(Exam.accession_number == first))
        submit_preliminary(session, center.workflow, exam, ATTENDING, findings=findings,
                           impression="心肺未见异常。", sealer=center.sync.sealer)
    sign(center, first, findings, "心肺未见异常。")
    wait_until("the final report at the community",
               lambda: final_text(community, first) is not None)
    assert state_at(community, first) is ExamState.FINAL
    assert final_text(community, first) == (findings, "心肺未见异常。")
    # the signature and the signer's certificate travelled with it, and verify there
    ca = community.settings.dicom.tls.ca_certificates.read_bytes()
    with community.database.session() as session:
        exam = session.scalar(select(Exam).where(Exam.accession_number == first))
        final = session.scalar(select(Report).where(Report.exam_id == exam.id)).latest
        check = check_version(exam, final, ca)
        assert check.valid, check.reason
        assert check.signer == "刘主任"

    # community-prelim: the community doctor writes, the center sees the text
    prelim = "右下肺见斑片状模糊影。"
    with community.database.transaction() as session:
        exam = session.scalar(select(Exam).where(Exam.accession_number == second))
        submit_preliminary(session, community.workflow, exam, COMMUNITY_DOCTOR,
                           findings=prelim, impression="右下肺炎症。",
                           sealer=community.sync.sealer)
    wait_until("the preliminary at the center",
               lambda: state_at(center, second) is ExamState.PRELIMINARY)
    with center.database.session() as session:
        report = session.scalar(select(Report).join(Exam, Exam.id == Report.exam_id).where(
            Exam.accession_number == second))
        assert [(v.kind, v.findings, v.author_name) for v in report.versions] == [
            (VersionKind.PRELIMINARY, prelim, "李医生")]
    sign(center, second, prelim + "边界不清。", "右下肺炎症，建议复查。")
    wait_until("the signed report at the community",
               lambda: state_at(community, second) is ExamState.FINAL)
    # the grade of 李医生's preliminary came back with it, as the center keeps it
    graded = []
    for services in (center, community):
        with services.database.session() as session:
            graded.append(session.execute(select(
                PeerReview.author_username, PeerReview.author_site, PeerReview.grade,
                PeerReview.findings_distance, PeerReview.impression_changed).join(
                Exam, Exam.id == PeerReview.exam_id).where(
                Exam.accession_number == second)).one())
    assert graded[0] == graded[1]
    assert graded[1][:3] == ("dr.cm01", "CM01", PeerReviewGrade.MINOR)
    assert graded[1][4] is False  # only advice was added to the impression

    # the community prints; the center hears of it
    community.workflow.run(community.database, first, Action.PRINT, PRINTER)
    wait_until("the print at the center", lambda: state_at(center, first) is ExamState.PRINTED)

    # every message delivered once, both sites agree on every exam
    with community.database.session() as session:
        assert all(m.delivered_at for m in session.scalars(select(OutboxMessage)))
    for accession in (first, second):
        assert state_at(center, accession) is state_at(community, accession)

    # 张三 also had a CT at the center itself
    center_tech = Actor("tech.ch01", Role.TECHNICIAN, "CH01", "中心技师")
    with center.database.transaction() as session:
        ct, _ = register_exam(session, center.workflow, center.registration, center_tech,
                              zhang, OrderInput("CTCHEST", "CT 胸部平扫", "CT", "CHEST"))
        center_accession = ct.accession_number
    # a returning patient: the history from the center across both sites, by national
    # ID or by name + birth date
    client = consortium.client_for("CM01")
    (by_id,) = client.lookup(national_id=national_id)
    assert [(e.accession_number, e.site_code, e.state,
             e.report.impression if e.report else None) for e in by_id.exams] == [
        (center_accession, "CH01", ExamState.REGISTERED, None),
        (first, "CM01", ExamState.PRINTED, "心肺未见异常。")]
    (by_name,) = client.lookup(name="李四", birth_date=date(1975, 3, 2))
    assert by_name.exams[0].report.status == "final"
    assert client.lookup(name="李四", birth_date=date(1975, 3, 3)) == []
