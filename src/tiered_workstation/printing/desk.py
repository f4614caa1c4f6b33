"""The reports page's use cases: this site's signed reports and (re)printing one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..storage.database import Database
from ..storage.enums import ExamState, PrintStatus, VersionKind
from ..storage.exams import Exam
from ..storage.reports import PrintJob, Report
from ..workflow.actors import Actor
from .print_queue import request_print


@dataclass(frozen=True)
class PrintRow:
    exam_id: int
    accession_number: str
    patient_name: str
    procedure: str
    state: ExamState
    signed_at: datetime | None
    job_status: PrintStatus | None
    printed_at: datetime | None
    copies_printed: int
    last_error: str
    pdf_path: str | None


def print_desk(session: Session, site_code: str, limit: int = 300) -> list[PrintRow]:
    """This site's signed reports: waiting, printed, failed — newest first."""
    exams = session.scalars(select(Exam).where(
        Exam.site_code == site_code, Exam.state.in_((ExamState.FINAL, ExamState.PRINTED)))
        .order_by(Exam.state_changed_at.desc()).limit(limit))
    rows = []
    for exam in exams:
        jobs = session.scalars(select(PrintJob).where(PrintJob.exam_id == exam.id)
                               .order_by(PrintJob.id)).all()
        last = jobs[-1] if jobs else None
        report = session.scalar(select(Report).where(Report.exam_id == exam.id))
        final = report.latest_of(VersionKind.FINAL) if report else None
        rows.append(PrintRow(
            exam.id, exam.accession_number, exam.patient.name, exam.procedure_description,
            exam.state, final.created_at if final else None,
            last.status if last else None, last.completed_at if last else None,
            sum(1 for j in jobs if j.status is PrintStatus.PRINTED),
            last.last_error if last else "", last.pdf_path if last else None))
    return rows


class PrintDesk:
    """What the reports page does, each call in its own session."""

    def __init__(self, database: Database, site_code: str,
                 print_due: Callable[[], object] | None = None) -> None:
        self._database = database
        self._site_code = site_code
        self._print_due = print_due

    def rows(self) -> list[PrintRow]:
        with self._database.session() as session:
            return print_desk(session, self._site_code)

    def print_exam(self, exam_id: int, actor: Actor) -> None:
        """Queue the exam's report for printing (a reprint is a copy) and print what is due."""
        with self._database.transaction() as session:
            exam = session.get(Exam, exam_id)
            if exam is None:
                raise LookupError(f"No exam {exam_id}.")
            request_print(session, exam, actor)
        if self._print_due is not None:
            self._print_due()
