"""Peer reviews travel from the center to the community whose doctor was graded.

The center adds its peer review to the feed event of the sign-off; the community keeps
the same row, so its own teaching dashboard shows its doctors' agreement. A later
sign-off (after an addendum's re-sign) replaces it; applying it twice changes nothing.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..storage.exams import Exam
from ..storage.teaching import PeerReview
from .schemas import PeerReviewIn

FIELDS = tuple(PeerReviewIn.model_fields)


def as_payload(session: Session, accession_number: str) -> dict[str, Any] | None:
    """The exam's peer review as the feed carries it to the patient's community (None
    when there is none, or when its preliminary was not written there)."""
    found = session.execute(select(PeerReview, Exam.site_code).join(
        Exam, Exam.id == PeerReview.exam_id).where(
        Exam.accession_number == accession_number)).first()
    if found is None or found[0].author_site != found[1]:
        return None
    review = found[0]
    return PeerReviewIn.model_validate(
        {name: getattr(review, name) for name in FIELDS}).model_dump(mode="json")


def apply(session: Session, exam: Exam, data: PeerReviewIn) -> PeerReview:
    """Keep (or replace) the exam's peer review as the center sent it."""
    review = session.scalar(select(PeerReview).where(PeerReview.exam_id == exam.id))
    if review is None:
        review = PeerReview(exam_id=exam.id)
        session.add(review)
    for name in FIELDS:
        setattr(review, name, getattr(data, name))
    session.flush()
    return review
