"""The registration desk's use cases: register from a checked form, and today's list.

Registering writes the exam and its outbox message in one transaction, so it
works with the center unreachable; the desk then shows each exam's delivery
state from the outbox ("queued, will sync" until the center has it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..storage.database import Database
from ..storage.enums import ExamState, Priority
from ..storage.exams import Exam
from ..storage.messaging import OutboxMessage
from ..workflow.actors import Actor
from ..workflow.machine import ExamWorkflow
from .form import CheckedForm
from .identity import OrderInput, PatientInput
from .service import RegistrationPolicy, RequisitionStore, register_exam


class SyncState(StrEnum):
    LOCAL = "local"          # this site keeps it (a center's own registration)
    QUEUED = "queued"        # waiting in the outbox, not tried or not reached yet
    RETRYING = "retrying"    # tried and failed; the outbox keeps trying
    DELIVERED = "delivered"  # the center has everything about it


@dataclass(frozen=True)
class DeskRow:
    exam_id: int
    accession_number: str
    patient_name: str
    procedure: str
    modality: str
    station: str
    priority: Priority
    state: ExamState
    registered_at: datetime
    sync: SyncState
    sync_error: str


@dataclass(frozen=True)
class Registered:
    exam_id: int
    accession_number: str
    study_instance_uid: str
    sync: SyncState


def day_bounds(day: date, tz: ZoneInfo) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time.min, tz)
    return start, start + timedelta(days=1)


def todays_registrations(session: Session, site_code: str, tz: ZoneInfo,
                         now: datetime) -> list[DeskRow]:
    """Exams this site registered today (local day), newest first, with delivery state."""
    start, end = day_bounds(now.astimezone(tz).date(), tz)
    exams = session.scalars(select(Exam).where(
        Exam.site_code == site_code, Exam.registered_at >= start, Exam.registered_at < end)
        .order_by(Exam.registered_at.desc(), Exam.id.desc())).all()
    accessions = [e.accession_number for e in exams]
    pending: dict[str, str] = {}
    sent: set[str] = set()
    if accessions:
        for key, delivered, attempts, error in session.execute(
                select(OutboxMessage.ordering_key, OutboxMessage.delivered_at,
                       OutboxMessage.attempts, OutboxMessage.last_error)
                .where(OutboxMessage.ordering_key.in_(accessions))):
            sent.add(key)
            if delivered is None:  # keep the first failure said about this exam
                pending[key] = pending.get(key) or (error if attempts else "")
    rows = []
    for exam in exams:
        key = exam.accession_number
        if key in pending:
            sync = SyncState.RETRYING if pending[key] else SyncState.QUEUED
        elif key in sent:
            sync = SyncState.DELIVERED
        else:
            sync = SyncState.LOCAL
        rows.append(DeskRow(exam.id, key, exam.patient.name, exam.procedure_description,
                            exam.modality, exam.scheduled_station_ae or "", exam.priority,
                            exam.state, exam.registered_at, sync, pending.get(key, "")))
    return rows


class RegistrationDesk:
    """What the registration page does, each call in its own session."""

    def __init__(self, database: Database, workflow: ExamWorkflow, policy: RegistrationPolicy,
                 requisitions: RequisitionStore) -> None:
        self._database = database
        self._workflow = workflow
        self._policy = policy
        self._requisitions = requisitions

    def register(self, actor: Actor, checked: CheckedForm,
                 requisitions: Sequence[tuple[str, bytes]] = ()) -> Registered:
        """Register the exam of a checked form with its requisition scans."""
        return self.register_inputs(actor, checked.patient, checked.order, requisitions)

    def register_inputs(self, actor: Actor, patient: PatientInput, order: OrderInput,
                        requisitions: Sequence[tuple[str, bytes]] = ()) -> Registered:
        """Register an exam from already checked inputs (the desk's form, the CLI)."""
        with self._database.transaction() as session:
            exam, _ = register_exam(session, self._workflow, self._policy, actor, patient,
                                    order, requisitions=requisitions,
                                    store=self._requisitions)
            queued = self._workflow.destination_for(exam) is not None
            return Registered(exam.id, exam.accession_number, exam.study_instance_uid,
                              SyncState.QUEUED if queued else SyncState.LOCAL)

    def todays_rows(self, tz: ZoneInfo) -> list[DeskRow]:
        """Today's registrations at this site, for the desk's table."""
        with self._database.session() as session:
            return todays_registrations(session, self._policy.site_code, tz,
                                        self._workflow.clock())
