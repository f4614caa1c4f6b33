"""Report versions: every save is kept; any two can be compared."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..storage.base import utcnow
from ..storage.enums import ExamState, ReportStatus, VersionKind
from ..storage.exams import Exam
from ..storage.reports import Report, ReportVersion
from .actors import Actor
from .audit import record_audit
from .errors import WorkflowError
from .report_diff import ReportDiff, diff_text
from .signing import EmbeddedImage, add_images

_STATUS_AFTER = {
    VersionKind.PRELIMINARY: ReportStatus.PRELIMINARY,
    VersionKind.REVIEW: ReportStatus.PRELIMINARY,
    VersionKind.FINAL: ReportStatus.FINAL,
}
_WRITABLE = {ExamState.ASSIGNED, ExamState.PRELIMINARY, ExamState.IN_CONSULTATION}


def report_of(session: Session, exam: Exam) -> Report | None:
    return session.scalar(select(Report).where(Report.exam_id == exam.id))


def save_version(session: Session, exam: Exam, actor: Actor, *, findings: str, impression: str,
                 kind: VersionKind, comment: str = "", at: datetime | None = None,
                 from_other_site: bool = False, signature: bytes | None = None,
                 signer_certificate: str | None = None,
                 images: Sequence[EmbeddedImage] = ()) -> ReportVersion:
    """Append a new version to the exam's report (creating the report if needed).

    Versions are never edited or deleted.  A signed report only takes
    addenda; a report cannot be written before the exam is assigned.  A version
    ``from_other_site`` (received through sync) was checked where it was written.
    """
    if from_other_site:
        pass
    elif kind is VersionKind.ADDENDUM:
        if exam.state not in (ExamState.FINAL, ExamState.PRINTED):
            raise WorkflowError(f"Exam {exam.accession_number} has no signed report to add "
                                "an addendum to.")
        if not (findings.strip() or impression.strip()):
            raise WorkflowError("An addendum needs some text.")
    elif exam.state not in _WRITABLE:
        raise WorkflowError(f"The report of exam {exam.accession_number} cannot be edited "
                            f"while the exam is '{exam.state}'.")
    when = at or utcnow()
    report = report_of(session, exam)
    if report is None:
        report = Report(exam_id=exam.id, created_at=when, status=ReportStatus.DRAFT)
        session.add(report)
        session.flush()
    version = ReportVersion(
        number=len(report.versions) + 1, kind=kind, findings=findings, impression=impression,
        comment=comment, author_username=actor.username, author_name=actor.display_name,
        author_role=actor.role, created_at=when, signature=signature,
        signer_certificate=signer_certificate)
    add_images(version, images)
    report.versions.append(version)
    report.status = _STATUS_AFTER.get(kind, report.status)
    report.updated_at = when
    session.flush()
    record_audit(session, actor, f"report.{kind.value}", object_type="exam",
                 object_id=exam.accession_number, detail={"version": version.number})
    return version


def compare_versions(old: ReportVersion, new: ReportVersion) -> ReportDiff:
    """Character-level differences of findings and impression between two versions."""
    return ReportDiff(findings=diff_text(old.findings, new.findings),
                      impression=diff_text(old.impression, new.impression))
