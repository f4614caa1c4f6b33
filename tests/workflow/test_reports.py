"""Report versions are kept forever and any two can be compared."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tiered_workstation.app.bootstrap import Services
from tiered_workstation.storage.enums import ExamState, ReportStatus, Role, VersionKind
from tiered_workstation.storage.exams import Exam
from tiered_workstation.workflow.actors import Actor
from tiered_workstation.workflow.errors import WorkflowError
from tiered_workstation.workflow.report_diff import render_marked
from tiered_workstation.workflow.reports import compare_versions, report_of, save_version

ATT = Actor("att", Role.ATTENDING, "CH01", "陈主治")
REV = Actor("rev", Role.REVIEWER, "CH01", "刘主任")


def exam_in(services: Services, accession: str, state: ExamState):
    session = services.database.session()
    exam = session.scalar(select(Exam).where(Exam.accession_number == accession))
    exam.state = state
    return session, exam


def test_every_save_is_a_new_version_and_status_follows(services: Services, new_exam) -> None:
    session, exam = exam_in(services, new_exam(), ExamState.ASSIGNED)
    with session:
        v1 = save_version(session, exam, ATT, findings="双肺清晰", impression="未见异常",
                          kind=VersionKind.DRAFT)
        assert report_of(session, exam).status is ReportStatus.DRAFT
        v2 = save_version(session, exam, ATT, findings="双肺清晰。", impression="未见明显异常",
                          kind=VersionKind.PRELIMINARY)
        v3 = save_version(session, exam, REV, findings="双肺清晰。", impression="心肺未见异常",
                          kind=VersionKind.REVIEW, comment="范围更准确")
        session.commit()
        report = report_of(session, exam)
        assert [v.number for v in report.versions] == [1, 2, 3]
        assert (v1.findings, v1.author_username) == ("双肺清晰", "att")
        assert report.status is ReportStatus.PRELIMINARY
        assert report.latest_of(VersionKind.PRELIMINARY) is v2
        assert v3.comment == "范围更准确"
        assert render_marked(compare_versions(v1, v3).impression) == "{+心肺+}未见异常"
        assert render_marked(compare_versions(v2, v3).impression) == "{+心肺+}未见[-明显-]异常"
        diff = compare_versions(v2, v3)
        assert diff.changed
        assert not compare_versions(v3, v3).changed


def test_signed_report_takes_only_addenda(services: Services, new_exam) -> None:
    session, exam = exam_in(services, new_exam(), ExamState.FINAL)
    with session:
        with pytest.raises(WorkflowError, match="cannot be edited while the exam is 'final'"):
            save_version(session, exam, REV, findings="x", impression="y",
                         kind=VersionKind.REVIEW)
        with pytest.raises(WorkflowError, match="needs some text"):
            save_version(session, exam, REV, findings="", impression=" ",
                         kind=VersionKind.ADDENDUM)
        addendum = save_version(session, exam, REV, findings="", impression="补充：建议随访",
                                kind=VersionKind.ADDENDUM)
        assert addendum.number == 1


def test_no_report_before_assignment(services: Services, new_exam) -> None:
    session, exam = exam_in(services, new_exam(), ExamState.ACQUIRED)
    with session, pytest.raises(WorkflowError, match="'acquired'"):
        save_version(session, exam, ATT, findings="x", impression="y", kind=VersionKind.DRAFT)
