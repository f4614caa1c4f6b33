"""What the reading desks show: worklists by scope, one exam's report with its versions,
draft, consultation thread and triage proposal.

Plain data for the Qt pages, computed in a worker thread's session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..storage.enums import ExamState, Priority, ReadingMode, VersionKind
from ..storage.exams import Exam
from ..storage.reports import Assignment, Report
from ..storage.sites import User
from ..workflow.assignment import Proposal, current_assignment, propose
from ..workflow.report_diff import ReportDiff
from ..workflow.reports import compare_versions
from .consultation import thread
from .drafts import Draft, load_draft
from .templates import ReportTemplate, TemplateBook

OPEN = (ExamState.ASSIGNED, ExamState.PRELIMINARY, ExamState.IN_CONSULTATION)


class Scope(StrEnum):
    MINE = "mine"  # assigned to me, to write
    GROUP = "group"  # my groups' exams nobody or somebody reads
    REVIEW = "review"  # preliminary reports waiting for a reviewer
    CONSULTATION = "consultation"  # in consultation
    TRIAGE = "triage"  # transferred, not assigned yet
    RETURNED = "returned"  # my reports that came back (final or returned) – the diff


@dataclass(frozen=True)
class WorkRow:
    exam_id: int
    accession_number: str
    study_instance_uid: str
    patient_name: str
    procedure: str
    modality: str
    body_part: str
    site_code: str
    priority: Priority
    state: ExamState
    reading_mode: ReadingMode
    assignee: str
    group: str
    since: datetime  # in this state since


@dataclass(frozen=True)
class VersionRow:
    number: int
    kind: VersionKind
    author: str
    at: datetime
    findings: str
    impression: str
    comment: str
    signed: bool


@dataclass(frozen=True)
class MessageRow:
    author: str
    text: str
    at: datetime
    conclusion: bool
    key_image_uid: str | None


@dataclass(frozen=True)
class ReportView:
    row: WorkRow
    clinical_info: str
    versions: tuple[VersionRow, ...]
    draft: Draft | None
    messages: tuple[MessageRow, ...]
    template: ReportTemplate | None
    phrases: tuple[str, ...]

    @property
    def current_text(self) -> tuple[str, str]:
        """What the editor should show: the draft, else the newest written version."""
        if self.draft is not None:
            return self.draft.findings, self.draft.impression
        written = [v for v in self.versions if v.kind is not VersionKind.ADDENDUM]
        if written:
            return written[-1].findings, written[-1].impression
        return "", ""

    def diff(self, old: int, new: int) -> ReportDiff:
        """Differences between two versions, by number."""
        by_number = {v.number: v for v in self.versions}
        return compare_versions(by_number[old], by_number[new])  # type: ignore[arg-type]

    def teaching_pair(self) -> tuple[int, int] | None:
        """(author's last preliminary, newest review/final after it), when both exist."""
        prelims = [v for v in self.versions if v.kind is VersionKind.PRELIMINARY]
        if not prelims:
            return None
        later = [v for v in self.versions if v.number > prelims[-1].number
                 and v.kind in (VersionKind.REVIEW, VersionKind.FINAL)]
        return (prelims[-1].number, later[-1].number) if later else None


def worklist(session: Session, scope: Scope, username: str, limit: int = 500) -> list[WorkRow]:
    user = session.scalar(select(User).where(User.username == username))
    groups = user.groups if user is not None else frozenset()
    query = select(Exam).order_by(Exam.priority.desc(), Exam.state_changed_at).limit(limit)
    active = select(Assignment.exam_id).where(Assignment.active.is_(True))
    if scope is Scope.MINE:
        query = query.where(Exam.state == ExamState.ASSIGNED, Exam.id.in_(
            active.where(Assignment.assignee_username == username)))
    elif scope is Scope.GROUP:
        query = query.where(Exam.state.in_(OPEN), Exam.id.in_(
            active.where(Assignment.group_code.in_(groups or {""}))))
    elif scope is Scope.REVIEW:
        query = query.where(Exam.state == ExamState.PRELIMINARY)
    elif scope is Scope.CONSULTATION:
        query = query.where(Exam.state == ExamState.IN_CONSULTATION)
    elif scope is Scope.TRIAGE:
        query = query.where(Exam.state == ExamState.TRANSFERRED)
    elif scope is Scope.RETURNED:
        mine = select(Report.exam_id).where(Report.versions.any(
            author_username=username, kind=VersionKind.PRELIMINARY))
        query = query.where(Exam.id.in_(mine), or_(
            Exam.state.in_((ExamState.FINAL, ExamState.PRINTED)),
            Exam.state == ExamState.ASSIGNED))
    return [_row(session, exam) for exam in session.scalars(query)]


def signed_row(session: Session, study_instance_uid: str) -> WorkRow | None:
    """The signed exam of a study (what a teaching case may be made from), if any."""
    exam = session.scalar(select(Exam).where(
        Exam.study_instance_uid == study_instance_uid,
        Exam.state.in_((ExamState.FINAL, ExamState.PRINTED))))
    return _row(session, exam) if exam is not None else None


def _row(session: Session, exam: Exam) -> WorkRow:
    assignment = current_assignment(session, exam.id)
    assignee = ""
    if assignment and assignment.assignee_username:
        assignee = session.scalar(select(User.display_name).where(
            User.username == assignment.assignee_username)) or assignment.assignee_username
    return WorkRow(exam.id, exam.accession_number, exam.study_instance_uid, exam.patient.name,
                   exam.procedure_description, exam.modality, exam.body_part, exam.site_code,
                   exam.priority, exam.state, exam.reading_mode, assignee,
                   assignment.group_code or "" if assignment else "", exam.state_changed_at)


def open_report(session: Session, exam_id: int, username: str, templates: TemplateBook,
                language: str) -> ReportView:
    exam = session.get(Exam, exam_id)
    if exam is None:
        raise LookupError(f"No exam {exam_id}.")
    report = session.scalar(select(Report).where(Report.exam_id == exam.id))
    versions = tuple(VersionRow(v.number, v.kind, v.author_name or v.author_username,
                                v.created_at, v.findings, v.impression, v.comment,
                                v.signature is not None)
                     for v in (report.versions if report else []))
    messages = tuple(MessageRow(m.author_name or m.author_username, m.text, m.created_at,
                                m.is_conclusion, m.key_image_uid)
                     for m in thread(session, exam.id))
    return ReportView(_row(session, exam), exam.clinical_info, versions,
                      load_draft(session, exam.id, username), messages,
                      templates.template(exam.procedure_code, language),
                      tuple(templates.phrases_for(exam.body_part, language)))


def proposal_for(session: Session, exam_id: int) -> Proposal:
    exam = session.get(Exam, exam_id)
    if exam is None:
        raise LookupError(f"No exam {exam_id}.")
    return propose(session, exam)
