"""Peer review at sign-off: how far the final is from another doctor's preliminary.

The reviewer sees the proposed grade (``propose``) beside the report and confirms or
changes it; ``record`` keeps it with the distances when the report is signed. Only a
preliminary written by someone other than the signer is graded: a doctor does not
grade their own work.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..storage.enums import PeerReviewGrade, Role, VersionKind
from ..storage.exams import Exam
from ..storage.reports import Report, ReportVersion
from ..storage.teaching import PeerReview
from ..workflow.actors import Actor
from ..workflow.agreement import Agreement, measure
from ..workflow.reports import report_of


def graded_preliminary(report: Report | None, signer: str) -> ReportVersion | None:
    """The last preliminary of ``report``, when someone other than ``signer`` wrote it."""
    if report is None:
        return None
    prelims = [v for v in report.versions if v.kind is VersionKind.PRELIMINARY]
    if not prelims or prelims[-1].author_username == signer:
        return None
    return prelims[-1]


def propose(session: Session, exam: Exam, signer: str, *, findings: str,
            impression: str) -> Agreement | None:
    """The distances and proposed grade if ``signer`` signed this text now (None when
    there is no one else's preliminary to grade)."""
    prelim = graded_preliminary(report_of(session, exam), signer)
    if prelim is None:
        return None
    return measure(prelim.findings, prelim.impression, findings, impression)


def record(session: Session, exam: Exam, reviewer: Actor, final: ReportVersion,
           grade: PeerReviewGrade | None = None) -> PeerReview | None:
    """Keep the peer review of ``final`` (the reviewer's ``grade``, else the proposed
    one); a later sign-off of the same exam replaces it."""
    prelim = graded_preliminary(final.report, reviewer.username)
    if prelim is None:
        return None
    agreement = measure(prelim.findings, prelim.impression, final.findings,
                        final.impression)
    review = session.scalar(select(PeerReview).where(PeerReview.exam_id == exam.id))
    if review is None:
        review = PeerReview(exam_id=exam.id)
        session.add(review)
    review.author_username, review.author_name = prelim.author_username, prelim.author_name
    # a community doctor writes at the patient's site; anyone else at the reviewer's
    review.author_site = exam.site_code if prelim.author_role is Role.COMMUNITY_DOCTOR \
        else reviewer.site_code
    review.reviewer_username, review.reviewer_name = reviewer.username, reviewer.display_name
    review.modality, review.body_part = exam.modality, exam.body_part
    review.findings_distance = agreement.findings_distance
    review.impression_distance = agreement.impression_distance
    review.impression_changed = agreement.impression_changed
    review.proposed_grade = agreement.proposed_grade
    review.grade = grade or agreement.proposed_grade
    review.reviewed_at = final.created_at
    session.flush()
    return review
