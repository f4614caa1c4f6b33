"""The reading desks' actions and views, each one transaction or session, for the Qt
pages' workers (pages never open a database session themselves)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from ..printing.print_queue import request_print
from ..review.consultation import conclude, post_message, request_consultation
from ..review.drafts import autosave
from ..review.signoff import add_addendum, return_for_revision, sign_report
from ..review.submit import submit_preliminary
from ..review.templates import TemplateBook
from ..storage.exams import Exam
from ..storage.sites import SpecialtyGroup
from ..workflow.actors import Actor
from ..workflow.assignment import Reader, RuleSpec, assign, load_rules, readers_of, save_rules
from ..workflow.machine import Changes
from .bootstrap import Services
from .reading import (
    PrintRow,
    Proposal,
    ReportView,
    Scope,
    WorkRow,
    open_report,
    print_desk,
    proposal_for,
    worklist,
)


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


# -- what the reading, triage and reports pages show (each one read-only session) ------
def work_rows(services: Services, scope: Scope, username: str) -> list[WorkRow]:
    with services.database.session() as session:
        return worklist(session, scope, username)


def report_view(services: Services, exam_id: int, username: str, templates: TemplateBook,
                language: str) -> ReportView:
    with services.database.session() as session:
        return open_report(session, exam_id, username, templates, language)


def triage_proposal(services: Services, exam_id: int) -> Proposal:
    with services.database.session() as session:
        return proposal_for(session, exam_id)


def triage_rules(services: Services) -> list[RuleSpec]:
    with services.database.session() as session:
        return load_rules(session)


def save_triage_rules(services: Services, actor: Actor, rules: list[RuleSpec]) -> None:
    with services.database.transaction() as session:
        save_rules(session, actor, rules)


def printing_rows(services: Services) -> list[PrintRow]:
    with services.database.session() as session:
        return print_desk(session, services.settings.site.code)


def print_exam(services: Services, exam_id: int, actor: Actor) -> None:
    """Queue the exam's report for printing (a reprint is a copy) and print what is due."""
    with services.database.transaction() as session:
        request_print(session, _exam(session, exam_id), actor)
    if services.printer is not None:
        services.printer.queue.run_due()
