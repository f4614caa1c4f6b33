"""Submitting a preliminary report, wherever it is written.

At the center (center-full) the attending's report reaches the community with
the feed.  At a community (community-prelim) the report body goes into the
outbox sealed, in the same transaction as the transition and ahead of it, so
the center has the text before it sees the exam move to ``preliminary``.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from ..security.sealing import Sealer
from ..storage.enums import VersionKind
from ..storage.exams import Exam
from ..workflow.actors import Actor
from ..workflow.handwriting import attach_handwriting
from ..workflow.machine import Changes, ExamWorkflow
from ..workflow.outbox import queue_preliminary_report
from ..workflow.reports import save_version
from ..workflow.transitions import Action
from .drafts import discard_draft


def submit_preliminary(session: Session, workflow: ExamWorkflow, exam: Exam, actor: Actor, *,
                       findings: str, impression: str, sealer: Sealer) -> Changes:
    version = save_version(session, exam, actor, findings=findings, impression=impression,
                           kind=VersionKind.PRELIMINARY, at=workflow.clock())
    attach_handwriting(session, version)  # the reader's, printed beside their name
    workflow.check(session, exam, Action.SUBMIT_PRELIMINARY, actor)
    destination = workflow.destination_for(exam)
    if destination and not workflow.site.is_center:
        queue_preliminary_report(session, exam, version, sealer, destination)
    discard_draft(session, exam.id, actor.username)
    return workflow.apply(session, exam, Action.SUBMIT_PRELIMINARY, actor)
