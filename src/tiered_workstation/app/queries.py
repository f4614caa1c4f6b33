"""Read-only lookups the command line (and later the desks) show."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..storage.enums import AuditOutcome, ExamState
from ..storage.exams import Exam
from ..storage.messaging import AuditEvent


def exam_by_accession(session: Session, accession: str) -> Exam:
    exam = session.scalar(select(Exam).where(Exam.accession_number == accession))
    if exam is None:
        raise LookupError(f"No exam with accession number {accession}.")
    return exam


def recent_exams(session: Session, state: ExamState | None = None,
                 limit: int = 30) -> Sequence[Exam]:
    query = select(Exam).order_by(Exam.registered_at.desc(), Exam.id.desc()).limit(limit)
    if state is not None:
        query = query.where(Exam.state == state)
    return session.scalars(query).all()


def recent_audit(session: Session, limit: int = 30, who: str | None = None,
                 refused_only: bool = False) -> Sequence[AuditEvent]:
    query = select(AuditEvent).order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(limit)
    if who:
        query = query.where(or_(AuditEvent.actor_username == who, AuditEvent.object_id == who))
    if refused_only:
        query = query.where(AuditEvent.outcome != AuditOutcome.SUCCESS)
    return session.scalars(query).all()
