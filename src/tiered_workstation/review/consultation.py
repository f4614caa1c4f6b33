"""Consultation: a hard case goes to the expert group for discussion before signing.

The reviewer asks a question (the exam moves to ``in_consultation``); members of
the group answer in a thread (text, optionally a key image); the reviewer
records the conclusion, which returns the exam to ``preliminary`` for signing.
Each message is published on the bus so group members get an alert.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..events import Event
from ..storage.database import publish_after_commit
from ..storage.enums import ExamState
from ..storage.exams import Exam
from ..storage.reports import ConsultationMessage
from ..storage.sites import GroupMember, User
from ..workflow.actors import Actor
from ..workflow.audit import record_audit
from ..workflow.errors import WorkflowError
from ..workflow.machine import Changes, ExamWorkflow
from ..workflow.transitions import Action

CONSULTATION_TOPIC = "consultation.message"
EXPERT_GROUP = "expert"


def request_consultation(session: Session, workflow: ExamWorkflow, exam: Exam, actor: Actor,
                         question: str, group_code: str = EXPERT_GROUP) -> Changes:
    """Ask the expert group about ``exam``; the question opens the thread."""
    if not question.strip():
        raise WorkflowError("Write the question for the expert group.")
    changes = workflow.apply(session, exam, Action.REQUEST_CONSULTATION, actor, note=question)
    _post(session, exam, actor, question, None, False, group_code)
    return changes


def post_message(session: Session, exam: Exam, actor: Actor, text: str,
                 key_image_uid: str | None = None,
                 group_code: str = EXPERT_GROUP) -> ConsultationMessage:
    """A group member's contribution to an open consultation."""
    if exam.state is not ExamState.IN_CONSULTATION:
        raise WorkflowError(f"Exam {exam.accession_number} is not in consultation.")
    if not text.strip():
        raise WorkflowError("The message is empty.")
    return _post(session, exam, actor, text, key_image_uid, False, group_code)


def conclude(session: Session, workflow: ExamWorkflow, exam: Exam, actor: Actor,
             conclusion: str, group_code: str = EXPERT_GROUP) -> Changes:
    """Record the group's conclusion and hand the report back for signing."""
    if exam.state is not ExamState.IN_CONSULTATION:
        raise WorkflowError(f"Exam {exam.accession_number} is not in consultation.")
    if not conclusion.strip():
        raise WorkflowError("Write the group's conclusion.")
    _post(session, exam, actor, conclusion, None, True, group_code)
    return workflow.apply(session, exam, Action.CONCLUDE_CONSULTATION, actor,
                          note=conclusion)


def thread(session: Session, exam_id: int) -> list[ConsultationMessage]:
    return list(session.scalars(select(ConsultationMessage).where(
        ConsultationMessage.exam_id == exam_id).order_by(ConsultationMessage.id)))


def group_members(session: Session, group_code: str) -> list[str]:
    return list(session.scalars(select(User.username).join(GroupMember).where(
        GroupMember.group_code == group_code, User.active.is_(True)).order_by(User.username)))


def _post(session: Session, exam: Exam, actor: Actor, text: str, key_image_uid: str | None,
          is_conclusion: bool, group_code: str) -> ConsultationMessage:
    message = ConsultationMessage(exam_id=exam.id, author_username=actor.username,
                                  author_name=actor.display_name, text=text,
                                  key_image_uid=key_image_uid, is_conclusion=is_conclusion)
    session.add(message)
    session.flush()
    record_audit(session, actor, "consultation.conclude" if is_conclusion
                 else "consultation.message", object_type="exam",
                 object_id=exam.accession_number, detail={"message": message.id})
    members = [m for m in group_members(session, group_code) if m != actor.username]
    publish_after_commit(session, Event(CONSULTATION_TOPIC, {
        "exam_id": exam.id, "accession_number": exam.accession_number,
        "patient_name": exam.patient.name, "author": actor.label, "text": text,
        "conclusion": is_conclusion, "group": group_code, "notify": members}))
    return message
