"""The reading desks' actions, each one transaction, for the Qt pages' workers."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from ..review.consultation import conclude, post_message, request_consultation
from ..review.drafts import autosave
from ..review.signoff import add_addendum, return_for_revision, sign_report
from ..review.submit import submit_preliminary
from ..storage.exams import Exam
from ..storage.sites import SpecialtyGroup
from ..workflow.actors import Actor
from ..workflow.assignment import Reader, assign, readers_of
from ..workflow.machine import Changes
from .bootstrap import Services


def _exam(session, exam_id: int) -> Exam:
    exam = session.get(Exam, exam_id)
    if exam is None:
        raise LookupError(f"No exam {exam_id}.")
    return exam


def save_draft(services: Services, exam_id: int, actor: Actor, findings: str,
               impression: str) -> None:
    with services.database.transaction() as session:
        autosave(session, exam_id, actor.username, findings, impression)


def submit(services: Services, exam_id: int, actor: Actor, findings: str,
           impression: str) -> Changes:
    with services.database.transaction() as session:
        return submit_preliminary(session, services.workflow, _exam(session, exam_id), actor,
                                  findings=findings, impression=impression,
                                  sealer=services.sync.sealer)


def send_back(services: Services, exam_id: int, actor: Actor, findings: str,
              impression: str, reason: str) -> Changes:
    with services.database.transaction() as session:
        return return_for_revision(session, services.workflow, _exam(session, exam_id), actor,
                                   findings=findings, impression=impression, reason=reason)


def key_images(folder: Path | None, limit: int = 6) -> list[tuple[str, bytes]]:
    """The key images (PNG) the viewer saved for a study, oldest first."""
    if folder is None or not folder.is_dir():
        return []
    return [(path.stem, path.read_bytes()) for path in sorted(folder.glob("key-*.png"))[:limit]]


def sign(services: Services, exam_id: int, actor: Actor, password: str, findings: str,
         impression: str, key_image_folder: Path | None = None) -> Changes:
    images = key_images(key_image_folder)
    with services.database.transaction() as session:
        return sign_report(session, services.workflow, _exam(session, exam_id), actor,
                           password=password, findings=findings, impression=impression,
                           images=images)


def addendum(services: Services, exam_id: int, actor: Actor, password: str,
             text: str) -> Changes:
    with services.database.transaction() as session:
        return add_addendum(session, services.workflow, _exam(session, exam_id), actor,
                            password=password, text=text)


def consult(services: Services, exam_id: int, actor: Actor, question: str) -> Changes:
    with services.database.transaction() as session:
        return request_consultation(session, services.workflow, _exam(session, exam_id),
                                    actor, question)


def post(services: Services, exam_id: int, actor: Actor, text: str) -> None:
    with services.database.transaction() as session:
        post_message(session, _exam(session, exam_id), actor, text)


def close_consultation(services: Services, exam_id: int, actor: Actor,
                       conclusion: str) -> Changes:
    with services.database.transaction() as session:
        return conclude(session, services.workflow, _exam(session, exam_id), actor, conclusion)


def give_to(services: Services, exam_id: int, actor: Actor, group: str | None,
            reader: str | None, reason: str) -> Changes:
    with services.database.transaction() as session:
        return assign(session, services.workflow, _exam(session, exam_id), actor,
                      group_code=group or None, assignee=reader or None, reason=reason)


def groups_and_readers(services: Services) -> tuple[list[tuple[str, str]],
                                                    dict[str, list[Reader]]]:
    """Reading groups (code, name) and each group's readers with their open exams."""
    with services.database.session() as session:
        groups = [(g.code, g.name) for g in session.scalars(
            select(SpecialtyGroup).order_by(SpecialtyGroup.code))]
        return groups, {code: readers_of(session, code) for code, _ in groups}
