"""Guards: facts about an exam that must hold before a transition.

Each guard returns None when satisfied or a sentence saying what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.orm import Session

from ..storage.enums import ReportStatus, VersionKind
from ..storage.exams import Exam
from ..storage.reports import Assignment, ConsultationMessage, Report


@dataclass(frozen=True)
class GuardContext:
    session: Session
    exam: Exam
    note: str


def _report(ctx: GuardContext) -> Report | None:
    return ctx.session.scalar(select(Report).where(Report.exam_id == ctx.exam.id))


def has_note(ctx: GuardContext) -> str | None:
    return None if ctx.note.strip() else "a reason or comment is required"


def _exists(ctx: GuardContext, *criteria: ColumnElement[bool]) -> bool:
    return bool(ctx.session.scalar(select(exists().where(*criteria))))


def has_active_assignment(ctx: GuardContext) -> str | None:
    if _exists(ctx, Assignment.exam_id == ctx.exam.id, Assignment.active.is_(True)):
        return None
    return "the exam has no reader or specialty group assigned"


def has_report_text(ctx: GuardContext) -> str | None:
    report = _report(ctx)
    latest = report.latest if report else None
    if latest is None or not latest.impression.strip():
        return "the report has no impression (诊断意见) yet"
    return None


def has_preliminary_report(ctx: GuardContext) -> str | None:
    report = _report(ctx)
    if report is None or report.latest_of(VersionKind.PRELIMINARY) is None:
        return "there is no preliminary report to sign"
    return None


def has_consultation_conclusion(ctx: GuardContext) -> str | None:
    if _exists(ctx, ConsultationMessage.exam_id == ctx.exam.id,
               ConsultationMessage.is_conclusion.is_(True)):
        return None
    return "the expert group's conclusion has not been recorded"


def has_new_addendum(ctx: GuardContext) -> str | None:
    report = _report(ctx)
    latest = report.latest if report else None
    if latest is None or latest.kind is not VersionKind.ADDENDUM:
        return "write the addendum text before adding it to the signed report"
    return None


def report_is_final(ctx: GuardContext) -> str | None:
    report = _report(ctx)
    if report is None or report.status is not ReportStatus.FINAL:
        return "the report is not final (signed) yet"
    return None
