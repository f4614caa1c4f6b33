"""Rows of the live status board: one per exam, loaded in bulk, updated by events.

The board shows thousands of exams and receives many state changes a second,
so rows are plain values: loaded with a handful of bulk queries (exams with
patients, the assignments and assigning notes, the report authors, the print
time; never one per row) and then kept current from ``exam.transition`` event
payloads without touching the database again.

Who is who, as radiologists say it: the *reader* (报告医师) wrote the
preliminary report, and until someone has, the reader is whoever the exam is
assigned to; the *reviewer* (审核医师) signed the final report, and is unknown
(empty) until then.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from ..storage.database import Database
from ..storage.enums import ExamState, Priority, VersionKind
from ..storage.exams import Exam, ExamTransition
from ..storage.reports import Assignment, Report, ReportVersion
from ..storage.sites import Site, User
from ..workflow.tat import AT_RISK_FRACTION, TatStatus
from ..workflow.transitions import Action
from .timeline import exam_detail

OPEN_STATES = frozenset(ExamState) - {ExamState.PRINTED, ExamState.CANCELLED}


@dataclass(frozen=True)
class BoardRow:
    exam_id: int
    accession_number: str
    patient_name: str
    patient_phonetic: str
    sex: str
    birth_date: date | None
    procedure: str
    modality: str
    body_part: str
    site_code: str
    state: ExamState
    priority: Priority
    assignee: str  # who the exam is assigned to (display name, else the group)
    registered_at: datetime
    state_changed_at: datetime
    printed_at: datetime | None
    patient_id: str = ""  # the hospital record number (病历号) at the exam's site
    author: str = ""  # who wrote the (latest) preliminary report, by display name
    reviewer: str = ""  # who signed the final report, by display name

    @property
    def reader(self) -> str:
        """Who reads the exam: the preliminary's author, else the assigned reader."""
        return self.author or self.assignee

    def involves(self, name: str) -> bool:
        """Whether ``name`` (a display name) is assigned, read or signed this exam."""
        return name in (self.assignee, self.author, self.reviewer)

    def elapsed(self, now: datetime) -> timedelta:
        """Time since registration; frozen once the report has printed."""
        return (self.printed_at or now) - self.registered_at

    def tat_status(self, target: timedelta, now: datetime) -> TatStatus:
        """Green/amber/red against the loop's target (see ``workflow.tat``)."""
        elapsed = self.elapsed(now)
        if self.printed_at is not None:
            return TatStatus.MET if elapsed <= target else TatStatus.MISSED
        if elapsed >= target:
            return TatStatus.OVERDUE
        if elapsed >= target * AT_RISK_FRACTION:
            return TatStatus.AT_RISK
        return TatStatus.ON_TRACK

    def age_on(self, day: date) -> int | None:
        if self.birth_date is None:
            return None
        before_birthday = (day.month, day.day) < (self.birth_date.month, self.birth_date.day)
        return day.year - self.birth_date.year - before_birthday

    def matches(self, text: str) -> bool:
        """Free-text search: accession, record number, name, pinyin (any case), procedure."""
        needle = text.strip().casefold()
        if not needle:
            return True
        haystack = (self.accession_number, self.patient_id, self.patient_name,
                    self.patient_phonetic, self.patient_phonetic.replace("^", " "),
                    self.procedure)
        return any(needle in value.casefold() for value in haystack)

    def with_transition(self, payload: Mapping[str, Any], at: datetime) -> BoardRow:
        """This row after the ``exam.transition`` event ``payload`` (no database)."""
        state = ExamState(payload["to_state"])
        changes: dict[str, Any] = {"state": state, "state_changed_at": at}
        if state is ExamState.PRINTED and self.printed_at is None:
            changes["printed_at"] = at
        action = payload.get("action")
        if action == Action.ASSIGN.value and payload.get("note"):
            changes["assignee"] = str(payload["note"])
        actor = payload.get("actor") or {}
        name = str(actor.get("name") or actor.get("username") or "")
        if name and action == Action.SUBMIT_PRELIMINARY.value:
            changes["author"] = name
        elif name and action == Action.SIGN.value:
            changes["reviewer"] = name
        return dataclasses.replace(self, **changes)


def load_rows(session: Session, *, since: datetime | None = None,
              exam_ids: Sequence[int] | None = None, limit: int = 20000) -> list[BoardRow]:
    """Board rows, newest registration first: exams registered since ``since``
    plus every exam still open, or exactly ``exam_ids``."""
    query = select(Exam).options(joinedload(Exam.patient)).order_by(
        Exam.registered_at.desc(), Exam.id.desc()).limit(limit)
    if exam_ids is not None:
        query = query.where(Exam.id.in_(list(exam_ids)))
    elif since is not None:
        query = query.where((Exam.registered_at >= since) | Exam.state.in_(OPEN_STATES))
    exams = session.scalars(query).unique().all()
    if not exams:
        return []
    ids = [exam.id for exam in exams]
    assignees = _latest_assign_notes(session, ids)
    authors = _report_authors(session, ids)
    printed = dict(session.execute(
        select(ExamTransition.exam_id, func.min(ExamTransition.at))
        .where(ExamTransition.exam_id.in_(ids), ExamTransition.to_state == ExamState.PRINTED)
        .group_by(ExamTransition.exam_id)).all())
    return [_row(exam, assignees.get(exam.id, ""), printed.get(exam.id),
                 *authors.get(exam.id, ("", ""))) for exam in exams]


def _latest_assign_notes(session: Session, ids: list[int]) -> dict[int, str]:
    """Who each exam is assigned to: the active assignment's reader (or group), else
    the note of the latest assign step (what a community hears from the center)."""
    latest = (select(func.max(ExamTransition.id))
              .where(ExamTransition.exam_id.in_(ids),
                     ExamTransition.action == Action.ASSIGN.value)
              .group_by(ExamTransition.exam_id))
    assignees = dict(session.execute(select(ExamTransition.exam_id, ExamTransition.note)
                                     .where(ExamTransition.id.in_(latest))).all())
    assigned = session.execute(
        select(Assignment.exam_id, User.display_name, Assignment.assignee_username,
               Assignment.group_code)
        .outerjoin(User, User.username == Assignment.assignee_username)
        .where(Assignment.exam_id.in_(ids), Assignment.active)
        .order_by(Assignment.id)).all()
    for exam_id, name, username, group in assigned:
        assignees[exam_id] = name or username or group or assignees.get(exam_id, "")
    return assignees


def _report_authors(session: Session, ids: list[int]) -> dict[int, tuple[str, str]]:
    """(reader, reviewer) of each exam with a report, by display name, in one query:
    the author of the latest preliminary version and of the latest final one."""
    kinds = (VersionKind.PRELIMINARY, VersionKind.FINAL)
    latest = (select(func.max(ReportVersion.id))
              .join(Report, Report.id == ReportVersion.report_id)
              .where(Report.exam_id.in_(ids), ReportVersion.kind.in_(kinds))
              .group_by(ReportVersion.report_id, ReportVersion.kind))
    found = session.execute(
        select(Report.exam_id, ReportVersion.kind, ReportVersion.author_name,
               User.display_name, ReportVersion.author_username)
        .join(Report, Report.id == ReportVersion.report_id)
        .outerjoin(User, User.username == ReportVersion.author_username)
        .where(ReportVersion.id.in_(latest))).all()
    authors: dict[int, tuple[str, str]] = {}
    for exam_id, kind, author_name, display_name, username in found:
        name = author_name or display_name or username
        reader, reviewer = authors.get(exam_id, ("", ""))
        authors[exam_id] = (name, reviewer) if kind == VersionKind.PRELIMINARY \
            else (reader, name)
    return authors


def _row(exam: Exam, assignee: str, printed_at: datetime | None, author: str = "",
         reviewer: str = "") -> BoardRow:
    patient = exam.patient
    return BoardRow(
        exam_id=exam.id, accession_number=exam.accession_number,
        patient_name=patient.name, patient_phonetic=patient.name_phonetic,
        sex=patient.sex.value, birth_date=patient.birth_date,
        procedure=exam.procedure_description, modality=exam.modality,
        body_part=exam.body_part, site_code=exam.site_code, state=exam.state,
        priority=exam.priority, assignee=assignee, registered_at=exam.registered_at,
        state_changed_at=exam.state_changed_at, printed_at=printed_at,
        patient_id=patient.identifier_at(exam.site_code) or "", author=author,
        reviewer=reviewer)


def exam_detail_by_id(session: Session, exam_id: int, target: timedelta,
                      now: datetime) -> dict[str, Any]:
    """The detail drawer's content: summary, every transition, turnaround."""
    exam = session.get(Exam, exam_id)
    if exam is None:
        raise LookupError(f"exam {exam_id} no longer exists")
    return exam_detail(exam, target, now)


class BoardDesk:
    """What the status board and the arrival alerts read, each call in its own session."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def rows(self, since: datetime | None = None,
             exam_ids: list[int] | None = None) -> list[BoardRow]:
        """The board's rows (all since ``since``, or just ``exam_ids``)."""
        with self._database.session() as session:
            return load_rows(session, since=since, exam_ids=exam_ids)

    def detail(self, exam_id: int, target: timedelta) -> dict[str, Any]:
        with self._database.session() as session:
            return exam_detail_by_id(session, exam_id, target, datetime.now(UTC))

    def arrival(self, exam_id: int) -> tuple[BoardRow | None, dict[str, str]]:
        """An arrived exam's board row and the consortium's site names, for the alert."""
        with self._database.session() as session:
            rows = load_rows(session, exam_ids=[exam_id])
            names = {site.code: site.name for site in session.scalars(select(Site))}
        return (rows[0] if rows else None), names
