"""A community's study records arriving at the center, which keeps them all.

Each is applied once (by message and by record UID) and only from the site it names:
a community cannot report another community's doctors.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..storage.teaching import StudyRecord
from ..workflow.outbox import STUDY_TOPIC
from . import inbox
from .schemas import StudyRecordIn


def apply_study_record(session: Session, message: StudyRecordIn, source_site: str) -> str:
    message_id = str(message.message_id)
    if inbox.seen(session, message_id):
        return inbox.DUPLICATE
    if message.site_code != source_site:
        raise inbox.ApplyError(403, f"site_code: {source_site} cannot send study records "
                                    f"of {message.site_code}")
    if session.scalar(select(StudyRecord.id).where(StudyRecord.uid == str(message.uid))):
        inbox.remember(session, message_id, source_site, STUDY_TOPIC)
        return inbox.DUPLICATE
    session.add(StudyRecord(
        uid=str(message.uid), username=message.username, user_name=message.user_name,
        site_code=message.site_code, case_uid=message.case_uid,
        lesson_uid=message.lesson_uid, activity=message.activity,
        started_at=message.started_at, finished_at=message.finished_at,
        quiz_findings=message.quiz_findings, quiz_impression=message.quiz_impression,
        quiz_agreement=message.quiz_agreement))
    inbox.remember(session, message_id, source_site, STUDY_TOPIC)
    return inbox.APPLIED
