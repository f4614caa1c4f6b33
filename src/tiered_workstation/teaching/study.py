"""Learning from the library: the quiz, and the record of who studied what, and when.

In a quiz the case is shown as unknown; the learner writes a short report, then the
expert's report and the teaching points are revealed, with the learner's text shown
against the expert's by the same Chinese-aware diff the review loop uses. The score is
the learner's agreement with the expert: one minus the character edit distance,
weighted towards the impression (what the patient's doctor acts on).

Every case opened, lesson watched and quiz taken is a ``StudyRecord`` where the
learner is; a community sends its records to the center, which keeps them all.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from ..storage.base import utcnow
from ..storage.enums import StudyActivity
from ..storage.teaching import StudyRecord
from ..workflow.actors import Actor
from ..workflow.agreement import distance, interpretation
from ..workflow.outbox import STUDY_TOPIC, queue_message
from ..workflow.report_diff import ReportDiff, diff_text

IMPRESSION_WEIGHT = 0.6


@dataclass(frozen=True)
class QuizResult:
    diff: ReportDiff  # the learner's text (old) against the expert's (new)
    findings_distance: float
    impression_distance: float
    agreement: float  # 0 nothing in common .. 1 the expert's words


def mark_quiz(expert_findings: str, expert_impression: str, learner_findings: str,
              learner_impression: str) -> QuizResult:
    """The learner's text against the expert's; the impression is scored on its reading,
    without the expert's advice (建议…复查 is not what the learner was asked)."""
    findings = distance(learner_findings, expert_findings)
    impression = distance(interpretation(learner_impression),
                          interpretation(expert_impression))
    score = 1 - (IMPRESSION_WEIGHT * impression + (1 - IMPRESSION_WEIGHT) * findings)
    return QuizResult(ReportDiff(diff_text(learner_findings, expert_findings),
                                 diff_text(learner_impression, expert_impression)),
                      findings, impression, round(score, 4))


def record_study(session: Session, actor: Actor, case_uid: str, activity: StudyActivity, *,
                 started_at: datetime | None = None, lesson_uid: str = "",
                 quiz: tuple[str, str, float] | None = None,
                 center: str | None = None) -> StudyRecord:
    """Keep what ``actor`` studied; with ``center``, queue it for the center too."""
    record = StudyRecord(uid=str(uuid.uuid4()), username=actor.username,
                         user_name=actor.display_name, site_code=actor.site_code,
                         case_uid=case_uid, lesson_uid=lesson_uid, activity=activity,
                         started_at=started_at or utcnow(), finished_at=utcnow())
    if quiz is not None:
        record.quiz_findings, record.quiz_impression, record.quiz_agreement = quiz
    session.add(record)
    session.flush()
    if center:
        queue_message(session, center, STUDY_TOPIC, case_uid, study_payload(record))
    return record


def study_payload(record: StudyRecord) -> dict[str, Any]:
    return {"uid": record.uid, "username": record.username, "user_name": record.user_name,
            "site_code": record.site_code, "case_uid": record.case_uid,
            "lesson_uid": record.lesson_uid, "activity": record.activity.value,
            "started_at": record.started_at.isoformat(),
            "finished_at": record.finished_at.isoformat() if record.finished_at else None,
            "quiz_findings": record.quiz_findings, "quiz_impression": record.quiz_impression,
            "quiz_agreement": record.quiz_agreement}
