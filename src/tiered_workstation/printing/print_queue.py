"""Print jobs: queued in the database, printed exactly once, retried until paper.

A job moves ``queued → printing → printed``; ``printing`` is committed before
the PDF goes to the printer, and the PDF's file name carries the job id.  After
a crash, a job found in ``printing`` whose PDF was handed to the PDF folder is
finished, not printed again; one handed to CUPS is marked failed with words
asking the desk to check the printer (the request may or may not be out), so
nothing ever prints twice without a person deciding it.

The unattended job of a signed version has ``auto_key = "auto:<version id>"``,
unique in the table: the same version can never be queued twice by the
machine, whatever restarts or duplicate feed events happen.  A reprint is a
new job marked ``is_copy`` ("副本 COPY" on the page).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..problems import ProblemKind, problem
from ..storage.base import utcnow
from ..storage.database import Database
from ..storage.enums import ExamState, PrintStatus
from ..storage.exams import Exam
from ..storage.reports import PrintJob
from ..workflow.actors import Actor
from ..workflow.audit import record_audit
from ..workflow.errors import WorkflowError
from ..workflow.machine import ExamWorkflow
from ..workflow.transitions import Action
from .branding import Branding
from .document import final_version, localised, printable_report
from .printers import PDF_ONLY, PrintError, submit
from .report_pdf import write_report_pdf

LOGGER = logging.getLogger(__name__)
RETRY_AFTER = timedelta(seconds=30)


@dataclass(frozen=True)
class PrintOptions:
    printer: str  # CUPS queue, or PDF_ONLY
    paper: str
    folder: Path  # DATA_DIR/prints
    ca_certificate: bytes | None
    tz: tzinfo  # the site's time zone
    branding: Branding | None = None  # the site's logo and seal


def queue_auto_print(session: Session, exam: Exam) -> PrintJob | None:
    """Queue the unattended print of the exam's newest signed version (once ever)."""
    final = final_version(session, exam)
    if final is None:
        return None
    latest_signed = max((v for v in final.report.versions if v.signature is not None),
                        key=lambda v: v.number, default=final)
    key = f"auto:{latest_signed.id}"
    if session.scalar(select(PrintJob.id).where(PrintJob.auto_key == key)) is not None:
        return None
    job = PrintJob(exam_id=exam.id, report_version_id=latest_signed.id,
                   requested_by="system:auto-print", auto_key=key)
    try:
        with session.begin_nested():
            session.add(job)
    except IntegrityError:  # another worker queued it a moment ago
        return None
    return job


def request_print(session: Session, exam: Exam, actor: Actor, *, copies: int = 1) -> PrintJob:
    """A person's print (or reprint, marked copy) of the exam's signed report."""
    final = final_version(session, exam)
    if final is None or exam.state not in (ExamState.FINAL, ExamState.PRINTED):
        raise WorkflowError(f"Exam {exam.accession_number} has no signed report to print.")
    already = session.scalar(select(PrintJob.id).where(
        PrintJob.exam_id == exam.id, PrintJob.status == PrintStatus.PRINTED)) is not None
    job = PrintJob(exam_id=exam.id, report_version_id=final.id, requested_by=actor.username,
                   copies=max(1, copies), is_copy=already)
    session.add(job)
    session.flush()
    record_audit(session, actor, "report.reprint" if already else "report.print",
                 object_type="exam", object_id=exam.accession_number, detail={"job": job.id})
    return job


class PrintQueue:
    """Works through the queued jobs of this site."""

    def __init__(self, database: Database, workflow: ExamWorkflow,
                 options: Callable[[], PrintOptions], clock: Callable[[], datetime] = utcnow):
        self.database = database
        self.workflow = workflow
        self.options = options
        self.clock = clock
        self.printed: list[Path] = []

    def recover(self) -> None:
        """Settle jobs a crash left in ``printing`` (see the module notes)."""
        with self.database.transaction() as session:
            for job in session.scalars(select(PrintJob).where(
                    PrintJob.status == PrintStatus.PRINTING)):
                if job.printer == PDF_ONLY and job.pdf_path and Path(job.pdf_path).is_file():
                    self._finish(session, job)
                else:
                    job.status = PrintStatus.FAILED
                    job.last_error = ("The program stopped while sending this report to "
                                      f"printer {job.printer!r}: check whether it came out, "
                                      "and reprint it if not.")
                    LOGGER.error("print job %d of exam %d interrupted", job.id, job.exam_id,
                                 extra=problem(ProblemKind.PRINT_FAILED, job=job.id))

    def run_due(self) -> int:
        """Print every queued job whose retry time has come; returns how many printed."""
        now = self.clock()
        with self.database.session() as session:
            due = [job.id for job in session.scalars(select(PrintJob).where(
                PrintJob.status == PrintStatus.QUEUED).order_by(PrintJob.id))
                if job.attempts == 0 or job.requested_at + RETRY_AFTER * min(job.attempts, 10)
                <= now]
        return sum(1 for job_id in due if self.print_job(job_id))

    def print_job(self, job_id: int) -> bool:
        options = self.options()
        with self.database.transaction() as session:
            job = session.get(PrintJob, job_id)
            if job is None or job.status is not PrintStatus.QUEUED:
                return False
            exam = session.get(Exam, job.exam_id)
            assert exam is not None
            printable = printable_report(session, exam, options.ca_certificate,
                                         paper=options.paper, copy=job.is_copy,
                                         now=self.clock(), branding=options.branding)
            job.attempts += 1
            if printable is None:
                job.last_error = "the signed report has not arrived here yet"
                return False
            if not printable.check.valid:
                job.status = PrintStatus.FAILED
                job.last_error = f"signature check failed: {printable.check.reason}"
                LOGGER.error("report of exam %s not printed: its signature does not verify "
                             "(%s)", exam.accession_number, printable.check.reason,
                             extra=problem(ProblemKind.SIGNATURE_FAILED,
                                           accession=exam.accession_number,
                                           reason=printable.check.reason))
                return False
            suffix = "-copy" if job.is_copy else ""
            pdf = options.folder / f"{exam.accession_number}-{job.id}{suffix}.pdf"
            try:
                write_report_pdf(localised(printable.document, options.tz), pdf)
            except Exception as exc:  # a report that cannot render stays queued, said why
                job.last_error = f"the PDF could not be written: {exc}"
                LOGGER.exception("report PDF of %s not written: %s", exam.accession_number,
                                 exc, extra=problem(ProblemKind.PRINT_FAILED,
                                           accession=exam.accession_number))
                return False
            job.status = PrintStatus.PRINTING
            job.printer = options.printer
            job.pdf_path = str(pdf)
            accession = exam.accession_number
        try:
            submit(options.printer, pdf, title=f"{accession} report", copies=job.copies,
                   paper=options.paper)
        except PrintError as exc:
            with self.database.transaction() as session:
                failed = session.get(PrintJob, job_id)
                assert failed is not None
                failed.status = PrintStatus.QUEUED
                failed.requested_at = self.clock()
                failed.last_error = str(exc)
            LOGGER.error("report of exam %s not printed: %s (kept queued; the PDF is %s)",
                         accession, exc, pdf,
                         extra=problem(ProblemKind.PRINT_FAILED, accession=accession))
            return False
        with self.database.transaction() as session:
            done = session.get(PrintJob, job_id)
            assert done is not None
            self._finish(session, done)
        LOGGER.info("printed %s → %s", accession, options.printer or pdf)
        self.printed.append(pdf)
        return True

    def _finish(self, session: Session, job: PrintJob) -> None:
        job.status = PrintStatus.PRINTED
        job.completed_at = self.clock()
        job.last_error = ""
        exam = session.get(Exam, job.exam_id)
        if exam is not None and exam.state is ExamState.FINAL:
            service = "auto-print" if job.auto_key else "print-desk"
            by = "" if job.auto_key else f" for {job.requested_by}"
            self.workflow.apply(session, exam, Action.PRINT, Actor.system(exam.site_code, service),
                                note=f"printed{by}: {Path(job.pdf_path or '').name}")
