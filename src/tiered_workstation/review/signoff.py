"""Review and sign-off at the center: edit, return, sign, add addenda.

Every reviewer edit is kept as its own ``review`` version before the signed
``final`` one, so the author can see exactly what changed (``review_diff``).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from ..storage.enums import PeerReviewGrade, VersionKind
from ..storage.exams import Exam
from ..storage.reports import Report, ReportVersion
from ..workflow.actors import Actor
from ..workflow.errors import WorkflowError
from ..workflow.machine import Changes, ExamWorkflow
from ..workflow.report_diff import ReportDiff
from ..workflow.reports import compare_versions, report_of, save_version
from ..workflow.signing import sign_version, signing_time
from ..workflow.transitions import Action
from . import peer_review
from .drafts import discard_draft

WRITTEN = (VersionKind.PRELIMINARY, VersionKind.REVIEW)


def save_review(session: Session, exam: Exam, actor: Actor, *, findings: str,
                impression: str, comment: str = "") -> ReportVersion | None:
    """Keep the reviewer's edit as a version when it changes the text (else None)."""
    report = report_of(session, exam)
    latest = report.latest_of(*WRITTEN) if report else None
    if latest is None:
        raise WorkflowError(f"Exam {exam.accession_number} has no preliminary report to "
                            "review.")
    if (latest.findings, latest.impression) == (findings, impression) and not comment:
        return None
    return save_version(session, exam, actor, findings=findings, impression=impression,
                        kind=VersionKind.REVIEW, comment=comment)


def return_for_revision(session: Session, workflow: ExamWorkflow, exam: Exam, actor: Actor,
                        *, findings: str, impression: str, reason: str) -> Changes:
    """Send the report back to its author with the reviewer's edits and a reason."""
    workflow.check(session, exam, Action.RETURN_FOR_REVISION, actor, note=reason)
    save_review(session, exam, actor, findings=findings, impression=impression,
                comment=reason)
    discard_draft(session, exam.id, actor.username)
    return workflow.apply(session, exam, Action.RETURN_FOR_REVISION, actor, note=reason)


def sign_report(session: Session, workflow: ExamWorkflow, exam: Exam, actor: Actor, *,
                password: str, findings: str, impression: str, comment: str = "",
                images: Sequence[tuple[str, bytes]] = (),
                grade: PeerReviewGrade | None = None) -> Changes:
    """Sign the final report (the reviewer's text, with key images) and move the exam to
    ``final``; a wrong password or missing key signs nothing. Another doctor's
    preliminary is graded (``grade``, else the grade proposed from the edit)."""
    workflow.check(session, exam, Action.SIGN, actor)
    if not findings.strip() and not impression.strip():
        raise WorkflowError("A final report needs findings or an impression.")
    save_review(session, exam, actor, findings=findings, impression=impression,
                comment=comment)
    when = signing_time(workflow.clock())
    final = save_version(session, exam, actor, findings=findings, impression=impression,
                         kind=VersionKind.FINAL, at=when, images=images)
    sign_version(session, exam, final, actor, password)
    peer_review.record(session, exam, actor, final, grade)
    discard_draft(session, exam.id, actor.username)
    return workflow.apply(session, exam, Action.SIGN, actor, at=when)


def add_addendum(session: Session, workflow: ExamWorkflow, exam: Exam, actor: Actor, *,
                 password: str, text: str) -> Changes:
    """Add a signed addendum to a signed report (the report prints again with it)."""
    when = signing_time(workflow.clock())
    addendum = save_version(session, exam, actor, findings=text, impression="",
                            kind=VersionKind.ADDENDUM, at=when)
    sign_version(session, exam, addendum, actor, password)
    return workflow.apply(session, exam, Action.ADD_ADDENDUM, actor, at=when)


def review_diff(report: Report) -> tuple[ReportVersion, ReportVersion, ReportDiff] | None:
    """The author's last preliminary against the newest later text (review or final):
    what the reviewer changed, the teaching view the author sees when it returns."""
    versions = report.versions
    prelims = [v for v in versions if v.kind is VersionKind.PRELIMINARY]
    if not prelims:
        return None
    original = prelims[-1]
    later = [v for v in versions if v.number > original.number
             and v.kind in (VersionKind.REVIEW, VersionKind.FINAL)]
    if not later:
        return None
    return original, later[-1], compare_versions(original, later[-1])

