"""Unattended printing at the community: a signed report prints itself.

When an exam of this site reaches ``final`` (a signed report arrived with the
center's feed), the report is written as a PDF into the site's ``prints``
folder — the hand-over point to the printer — a print job records it, and the
exam moves to ``printed``; that transition travels back to the center as the
print acknowledgement.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..config import Settings
from ..events import EventBus
from ..storage.base import utcnow
from ..storage.database import Database
from ..storage.enums import ExamState, PrintStatus, VersionKind
from ..storage.exams import Exam
from ..storage.reports import PrintJob, Report
from ..storage.sites import Site
from ..workers import Worker
from ..workflow.actors import Actor
from ..workflow.machine import TRANSITION_TOPIC, ExamWorkflow
from ..workflow.transitions import Action
from .simple_report import ReportContent, write_report_pdf

LOGGER = logging.getLogger(__name__)

SEX = {"M": "男", "F": "女", "O": "其他", "U": "未知"}


class AutoPrinter:
    def __init__(self, settings: Settings, database: Database, workflow: ExamWorkflow, *,
                 bus: EventBus | None = None, clock: Callable[[], datetime] = utcnow):
        self.settings = settings
        self.database = database
        self.workflow = workflow
        self.clock = clock
        self.folder = settings.data_dir / "prints"
        self.printed: list[Path] = []
        self.interval = 5.0
        self._worker = Worker("auto-print", self._round)
        self._subscription = bus.subscribe(TRANSITION_TOPIC, self._on_transition) \
            if bus else None

    def _on_transition(self, event: object) -> None:
        if getattr(event, "payload", {}).get("to_state") == ExamState.FINAL.value:
            self._worker.wake()

    def print_due(self) -> list[Path]:
        """Print every signed, unprinted report of this site's exams."""
        with self.database.session() as session:
            due = session.scalars(select(Exam.accession_number).where(
                Exam.state == ExamState.FINAL,
                Exam.site_code == self.settings.site.code)).all()
        return [path for accession in due if (path := self.print_one(accession))]

    def print_one(self, accession: str) -> Path | None:
        actor = Actor.system(self.settings.site.code, "auto-print")
        with self.database.transaction() as session:
            exam = session.scalar(select(Exam).where(Exam.accession_number == accession))
            if exam is None or exam.state is not ExamState.FINAL:
                return None
            content, version_id = self._content(session, exam)
            if content is None:
                LOGGER.warning("exam %s is final but has no signed report here yet", accession)
                return None
            path = write_report_pdf(content, self.folder / f"{accession}.pdf")
            now = self.clock()
            session.add(PrintJob(exam_id=exam.id, report_version_id=version_id,
                                 printer="PDF", requested_by=actor.username,
                                 requested_at=now, completed_at=now,
                                 status=PrintStatus.PRINTED, pdf_path=str(path), attempts=1))
            self.workflow.apply(session, exam, Action.PRINT, actor,
                                note=f"unattended print at {exam.site_code}: {path.name}")
        LOGGER.info("printed %s → %s", accession, path)
        self.printed.append(path)
        return path

    def _content(self, session: Session, exam: Exam) -> tuple[ReportContent | None, int | None]:
        report = session.scalar(select(Report).where(Report.exam_id == exam.id))
        versions = report.versions if report else []
        finals = [v for v in versions if v.kind is VersionKind.FINAL]
        if not finals:
            return None, None
        final = finals[-1]
        readers = [v for v in versions if v.kind is VersionKind.PRELIMINARY]
        center = session.scalar(select(Site).where(Site.code == self.settings.site.center))
        patient = exam.patient
        tz = self.settings.site.tz
        return ReportContent(
            hospital=self.settings.site.name, center=center.name if center else "",
            accession_number=exam.accession_number, patient_name=patient.name,
            sex=SEX.get(patient.sex.value, ""),
            birth_date=patient.birth_date.isoformat() if patient.birth_date else "",
            procedure=exam.procedure_description, findings=final.findings,
            impression=final.impression,
            reader=(readers[-1].author_name or readers[-1].author_username) if readers else "",
            reviewer=final.author_name or final.author_username,
            signed_at=final.created_at.astimezone(tz)), final.id

    def _round(self) -> float:
        self.print_due()
        return self.interval

    def start(self) -> None:
        self._worker.start()

    def stop(self) -> None:
        if self._subscription:
            self._subscription.cancel()
        self._worker.stop()
