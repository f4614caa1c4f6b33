"""Review, sign-off with Ed25519, tamper detection, addenda, return for revision."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select

from review.conftest import ATTENDING, PASSWORD, REVIEWER, Reading, by_accession
from tiered_workstation.review.signoff import (
    add_addendum,
    return_for_revision,
    review_diff,
    sign_report,
)
from tiered_workstation.review.submit import submit_preliminary
from tiered_workstation.security.signatures import SigningError
from tiered_workstation.storage.enums import ExamState, VersionKind
from tiered_workstation.storage.messaging import AuditEvent
from tiered_workstation.storage.reports import Report
from tiered_workstation.workflow.report_diff import apply_new, apply_old
from tiered_workstation.workflow.signing import check_version

FINDINGS = "双肺纹理增多，右下肺见片状模糊影。心影大小形态正常。"


def _preliminary(reading: Reading) -> str:
    accession = reading.new_exam()
    services = reading.services
    with services.database.transaction() as session:
        submit_preliminary(session, services.workflow, by_accession(session, accession),
                           ATTENDING, findings=FINDINGS, impression="右下肺炎症。",
                           sealer=services.sync.sealer)
    return accession


def _sign(reading: Reading, accession: str, findings: str, impression: str,
          password: str = PASSWORD, images=()) -> None:
    services = reading.services
    with services.database.transaction() as session:
        sign_report(session, services.workflow, by_accession(session, accession), REVIEWER,
                    password=password, findings=findings, impression=impression,
                    images=images)


def test_signed_report_verifies_and_keeps_the_reviewers_edit(reading: Reading) -> None:
    accession = _preliminary(reading)
    edited = FINDINGS.replace("片状模糊影", "斑片状模糊影，边界不清")
    _sign(reading, accession, edited, "右下肺炎症，建议抗炎治疗后复查。",
          images=[("右下肺", b"\x89PNG fake but hashed")])
    with reading.services.database.session() as session:
        exam = by_accession(session, accession)
        report = session.scalar(select(Report).where(Report.exam_id == exam.id))
        kinds = [v.kind for v in report.versions]
        assert kinds == [VersionKind.PRELIMINARY, VersionKind.REVIEW, VersionKind.FINAL]
        final = report.versions[-1]
        assert exam.state is ExamState.FINAL
        check = check_version(exam, final, reading.ca_certificate)
        assert check.valid, check.reason
        assert check.signer == "刘主任"
        # the author sees exactly what the reviewer changed
        original, later, diff = review_diff(report)
        assert (original.kind, later.kind) == (VersionKind.PRELIMINARY, VersionKind.FINAL)
        assert apply_old(diff.findings) == FINDINGS
        assert apply_new(diff.findings) == edited
        assert "斑" in "".join(s.text for s in diff.findings if s.op == "insert")
        assert session.scalar(select(AuditEvent).where(
            AuditEvent.action == "report.sign_final")) is not None


def test_any_change_after_signing_is_detected(reading: Reading) -> None:
    accession = _preliminary(reading)
    _sign(reading, accession, FINDINGS, "右下肺炎症。", images=[("a", b"image-1")])
    ca = reading.ca_certificate
    with reading.services.database.session() as session:
        exam = by_accession(session, accession)
        final = session.scalar(select(Report).where(Report.exam_id == exam.id)).latest
        assert check_version(exam, final, ca).valid
        final.impression = "未见异常。"  # one altered sentence
        assert check_version(exam, final, ca).reason == \
            "the report text differs from what was signed"
        final.impression = "右下肺炎症。"
        final.images[0].sha256 = "0" * 64  # a swapped key image
        assert not check_version(exam, final, ca).valid
        final.images[0].sha256 = hashlib.sha256(b"image-1").hexdigest()
        exam.accession_number = "CM019999999999"  # the report moved to another exam
        assert not check_version(exam, final, ca).valid
        session.rollback()


def test_wrong_password_signs_nothing(reading: Reading) -> None:
    accession = _preliminary(reading)
    with pytest.raises(SigningError, match="password"):
        _sign(reading, accession, FINDINGS, "x", password="not-the-password")
    with reading.services.database.session() as session:
        exam = by_accession(session, accession)
        assert exam.state is ExamState.PRELIMINARY
        report = session.scalar(select(Report).where(Report.exam_id == exam.id))
        assert [v.kind for v in report.versions] == [VersionKind.PRELIMINARY]


def test_return_for_revision_then_addendum(reading: Reading) -> None:
    accession = _preliminary(reading)
    services = reading.services
    with services.database.transaction() as session:
        return_for_revision(session, services.workflow, by_accession(session, accession),
                            REVIEWER, findings=FINDINGS + "右侧肋膈角变钝。",
                            impression="右下肺炎症。", reason="请补充胸腔积液描述")
    with services.database.session() as session:
        exam = by_accession(session, accession)
        assert exam.state is ExamState.ASSIGNED
        report = session.scalar(select(Report).where(Report.exam_id == exam.id))
        assert report.latest.kind is VersionKind.REVIEW
        assert report.latest.comment == "请补充胸腔积液描述"
    with services.database.transaction() as session:
        submit_preliminary(session, services.workflow, by_accession(session, accession),
                           ATTENDING, findings=FINDINGS + "右侧肋膈角变钝，少量积液。",
                           impression="右下肺炎症，右侧少量胸腔积液。",
                           sealer=services.sync.sealer)
    _sign(reading, accession, FINDINGS + "右侧肋膈角变钝，少量积液。",
          "右下肺炎症，右侧少量胸腔积液。")
    with services.database.transaction() as session:
        add_addendum(session, services.workflow, by_accession(session, accession), REVIEWER,
                     password=PASSWORD, text="补充：左肺尖陈旧性病灶。")
    with services.database.session() as session:
        exam = by_accession(session, accession)
        report = session.scalar(select(Report).where(Report.exam_id == exam.id))
        addendum = report.latest
        assert addendum.kind is VersionKind.ADDENDUM
        assert check_version(exam, addendum, reading.ca_certificate).valid
        assert exam.state is ExamState.FINAL
