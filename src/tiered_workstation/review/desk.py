"""The reading and triage desks' use cases: each call opens its own session.

The Qt pages call these from the task runner's database thread; they never
open a session themselves.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..security.sealing import Sealer
from ..storage.database import Database
from ..storage.enums import PeerReviewGrade
from ..storage.exams import Exam
from ..storage.sites import SpecialtyGroup
from ..workflow.actors import Actor
from ..workflow.agreement import Agreement
from ..workflow.assignment import (
    Proposal,
    Reader,
    RuleSpec,
    assign,
    load_rules,
    readers_of,
    save_rules,
)
from ..workflow.machine import Changes, ExamWorkflow
from . import peer_review
from .consultation import conclude, post_message, request_consultation
from .drafts import autosave
from .reading import (
    ReportView,
    Scope,
    WorkRow,
    open_report,
    proposal_for,
    signed_row,
    worklist,
)
from .signoff import add_addendum, return_for_revision, sign_report
from .submit import submit_preliminary
from .templates import TemplateBook


def _exam(session: Session, exam_id: int) -> Exam:
    exam = session.get(Exam, exam_id)
    if exam is None:
        raise LookupError(f"No exam {exam_id}.")
    return exam


def key_images(folder: Path | None, limit: int = 6) -> list[tuple[str, bytes]]:
    """The key images (PNG) the viewer saved for a study, oldest first."""
    if folder is None or not folder.is_dir():
        return []
    return [(path.stem, path.read_bytes()) for path in sorted(folder.glob("key-*.png"))[:limit]]


class ReadingDesk:
    """Writing, reviewing, consulting on and signing reports."""

    def __init__(self, database: Database, workflow: ExamWorkflow, sealer: Sealer) -> None:
        self._database = database
        self._workflow = workflow
        self._sealer = sealer

    def work_rows(self, scope: Scope, username: str) -> list[WorkRow]:
        with self._database.session() as session:
            return worklist(session, scope, username)

    def signed_row(self, study_instance_uid: str) -> WorkRow | None:
        with self._database.session() as session:
            return signed_row(session, study_instance_uid)

    def report_view(self, exam_id: int, username: str, templates: TemplateBook,
                    language: str) -> ReportView:
        with self._database.session() as session:
            return open_report(session, exam_id, username, templates, language)

    def save_draft(self, exam_id: int, actor: Actor, findings: str, impression: str) -> None:
        with self._database.transaction() as session:
            autosave(session, exam_id, actor.username, findings, impression)

    def submit(self, exam_id: int, actor: Actor, findings: str, impression: str) -> Changes:
        with self._database.transaction() as session:
            return submit_preliminary(session, self._workflow, _exam(session, exam_id), actor,
                                      findings=findings, impression=impression,
                                      sealer=self._sealer)

    def send_back(self, exam_id: int, actor: Actor, findings: str, impression: str,
                  reason: str) -> Changes:
        with self._database.transaction() as session:
            return return_for_revision(session, self._workflow, _exam(session, exam_id),
                                       actor, findings=findings, impression=impression,
                                       reason=reason)

    def sign(self, exam_id: int, actor: Actor, password: str, findings: str,
             impression: str, key_image_folder: Path | None = None,
             grade: PeerReviewGrade | None = None) -> Changes:
        images = key_images(key_image_folder)
        with self._database.transaction() as session:
            return sign_report(session, self._workflow, _exam(session, exam_id), actor,
                               password=password, findings=findings, impression=impression,
                               images=images, grade=grade)

    def proposed_grade(self, exam_id: int, username: str, findings: str,
                       impression: str) -> Agreement | None:
        """What signing this text would grade another doctor's preliminary (or None)."""
        with self._database.session() as session:
            return peer_review.propose(session, _exam(session, exam_id), username,
                                       findings=findings, impression=impression)

    def addendum(self, exam_id: int, actor: Actor, password: str, text: str) -> Changes:
        with self._database.transaction() as session:
            return add_addendum(session, self._workflow, _exam(session, exam_id), actor,
                                password=password, text=text)

    def consult(self, exam_id: int, actor: Actor, question: str) -> Changes:
        with self._database.transaction() as session:
            return request_consultation(session, self._workflow, _exam(session, exam_id),
                                        actor, question)

    def post(self, exam_id: int, actor: Actor, text: str) -> None:
        with self._database.transaction() as session:
            post_message(session, _exam(session, exam_id), actor, text)

    def close_consultation(self, exam_id: int, actor: Actor, conclusion: str) -> Changes:
        with self._database.transaction() as session:
            return conclude(session, self._workflow, _exam(session, exam_id), actor,
                            conclusion)


class TriageDesk:
    """Giving exams to reading groups and readers, and the rules that propose whom."""

    def __init__(self, database: Database, workflow: ExamWorkflow) -> None:
        self._database = database
        self._workflow = workflow

    def proposal(self, exam_id: int) -> Proposal:
        with self._database.session() as session:
            return proposal_for(session, exam_id)

    def give_to(self, exam_id: int, actor: Actor, group: str | None, reader: str | None,
                reason: str) -> Changes:
        with self._database.transaction() as session:
            return assign(session, self._workflow, _exam(session, exam_id), actor,
                          group_code=group or None, assignee=reader or None, reason=reason)

    def groups_and_readers(self) -> tuple[list[tuple[str, str]], dict[str, list[Reader]]]:
        """Reading groups (code, name) and each group's readers with their open exams."""
        with self._database.session() as session:
            groups = [(g.code, g.name) for g in session.scalars(
                select(SpecialtyGroup).order_by(SpecialtyGroup.code))]
            return groups, {code: readers_of(session, code) for code, _ in groups}

    def rules(self) -> list[RuleSpec]:
        with self._database.session() as session:
            return load_rules(session)

    def save_rules(self, actor: Actor, rules: list[RuleSpec]) -> None:
        with self._database.transaction() as session:
            save_rules(session, actor, rules)
