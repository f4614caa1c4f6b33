"""Unattended printing at the community: a signed report prints itself, once.

When an exam of this site reaches ``final`` (a signed report arrived with the
center's feed), its print job is queued — at most once per signed version —
and the print queue prints it: the signature is verified, the PDF written into
``DATA_DIR/prints`` and handed to the chosen printer; the exam moves to
``printed``, which travels back to the center as the print acknowledgement.
With auto-print off, jobs are only made by people (Reports page).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from ..config import PrinterSettings
from ..events import EventBus
from ..storage.base import utcnow
from ..storage.database import Database
from ..storage.enums import ExamState
from ..storage.exams import Exam
from ..workers import Worker
from ..workflow.machine import ExamWorkflow
from ..workflow.outbox import TRANSITION_TOPIC
from .branding import Branding
from .print_queue import PrintOptions, PrintQueue, queue_auto_print

LOGGER = logging.getLogger(__name__)


class AutoPrinter:
    def __init__(self, settings: PrinterSettings, database: Database, workflow: ExamWorkflow, *,
                 bus: EventBus | None = None, clock: Callable[[], datetime] = utcnow):
        self.settings = settings
        self.database = database
        self.folder = settings.folder
        self.auto_print = settings.printing.auto_print
        self.printer = settings.printing.printer
        self.paper = settings.printing.paper
        self._ca: bytes | None = None
        self._branding: Branding | None = None
        self.queue = PrintQueue(database, workflow, self.options, clock)
        self.interval = 5.0
        self._worker = Worker("auto-print", self._round)
        self._subscription = bus.subscribe(TRANSITION_TOPIC, self._on_transition) \
            if bus else None

    @property
    def printed(self) -> list[Path]:
        return self.queue.printed

    def options(self) -> PrintOptions:
        if self._ca is None:  # read once; signatures are checked against it for every job
            ca = self.settings.ca_certificates
            if ca is not None and ca.is_file():
                self._ca = ca.read_bytes()
        if self._branding is None:  # read once; a changed logo shows after a restart
            self._branding = Branding.load(self.settings.report_folder)
        return PrintOptions(self.printer, self.paper, self.folder, self._ca,
                            self.settings.timezone, self._branding)

    def _on_transition(self, event: object) -> None:
        if getattr(event, "payload", {}).get("to_state") == ExamState.FINAL.value:
            self._worker.wake()

    def queue_due(self) -> int:
        """Queue the unattended print of every signed, unprinted report of this site."""
        if not self.auto_print:
            return 0
        queued = 0
        with self.database.transaction() as session:
            for exam in session.scalars(select(Exam).where(
                    Exam.state == ExamState.FINAL, Exam.site_code == self.settings.site_code)):
                if queue_auto_print(session, exam) is not None:
                    queued += 1
        return queued

    def print_due(self) -> list[Path]:
        """Queue what is due and print every queued job (tests and the demo call this)."""
        before = len(self.printed)
        self.queue_due()
        self.queue.run_due()
        return self.printed[before:]

    def _round(self) -> float:
        self.print_due()
        return self.interval

    def start(self) -> None:
        self.queue.recover()
        self._worker.start()

    def stop(self) -> None:
        if self._subscription:
            self._subscription.cancel()
        self._worker.stop()
