"""Register a patient and an exam in one transaction."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..security.sealing import Sealer
from ..storage.enums import ReadingMode
from ..storage.exams import Exam
from ..storage.patients import Patient, PatientIdentifier
from ..workflow.actors import Actor
from ..workflow.assignment import reading_mode_for
from ..workflow.identifiers import (
    DEFAULT_RECORD_PATTERN,
    new_uid,
    next_accession_number,
    next_record_number,
    record_number_text_problem,
)
from ..workflow.machine import Changes, ExamWorkflow
from ..workflow.outbox import queue_requisitions
from ..workflow.requisitions import attach_requisition
from .identity import OrderInput, PatientInput


@dataclass(frozen=True)
class RequisitionStore:
    """Where requisition scans are kept, and the key that seals them for the center."""

    folder: Path
    sealer: Sealer


@dataclass(frozen=True)
class RegistrationPolicy:
    """Site rules that registration applies."""

    site_code: str
    timezone: ZoneInfo
    uid_root: str = "2.25"
    default_reading_mode: ReadingMode = ReadingMode.CENTER_FULL
    overload_threshold: int = 0  # see workflow.assignment.reading_mode_for
    record_number_pattern: str = DEFAULT_RECORD_PATTERN  # [registration] record_number


class RecordNumberTaken(ValueError):
    """The record number typed belongs to another patient (``other_patient`` is her
    name), or this patient has another one here (``known`` is it)."""

    def __init__(self, message: str, number: str, *, other_patient: str = "",
                 known: str = "") -> None:
        super().__init__(message)
        self.number = number
        self.other_patient = other_patient
        self.known = known


class RecordNumberInvalid(ValueError):
    """The record number typed cannot be a DICOM Patient ID (devices would misread it)."""


_INVALID_WORDS = {
    "blank": "A record number cannot be only spaces.",
    "characters": "A record number cannot hold a backslash (\\) or control characters: "
                  "DICOM devices would read it as several values.",
    "length": "A record number has at most 64 characters; this one has {length}.",
}


def check_record_number(number: str) -> None:
    """Refuse (``RecordNumberInvalid``) a typed record number no device can carry."""
    problem = record_number_text_problem(number)
    if problem:
        raise RecordNumberInvalid(_INVALID_WORDS[problem].format(length=len(number.strip())))


def _taken(number: str, owner: Patient) -> RecordNumberTaken:
    return RecordNumberTaken(f"Record number {number} belongs to another patient "
                             f"({owner.name}).", number, other_patient=owner.name)


def find_or_create_patient(session: Session, data: PatientInput, issuer: str,
                           day: date | None = None,
                           pattern: str = DEFAULT_RECORD_PATTERN) -> Patient:
    """The known patient with this consortium ID (a returning patient the clerk picked),
    national ID or local record number, else a new one.

    Name and birth date alone are never enough to merge two people, and a record
    number is the same patient only under the same name: a typed number of another
    patient is refused (``RecordNumberTaken``), as is another number for a patient
    who has one here.  A patient
    without a record number at ``issuer`` gets the one typed, else the next of
    ``pattern`` (on ``day``, the site's local date); one who has it keeps it.
    """
    if data.local_patient_id:
        check_record_number(data.local_patient_id)
    patient = None
    if data.consortium_id:
        patient = session.scalar(select(Patient).where(
            Patient.consortium_id == data.consortium_id))
    if patient is None and data.national_id:
        patient = session.scalar(select(Patient).where(Patient.national_id == data.national_id))
    if patient is None and data.local_patient_id:
        patient = session.scalar(select(Patient).join(PatientIdentifier).where(
            PatientIdentifier.issuer == issuer,
            PatientIdentifier.value == data.local_patient_id))
        if patient is not None and patient.name.strip() != data.name.strip():
            raise _taken(data.local_patient_id, patient)
    if patient is None:
        patient = Patient(consortium_id=data.consortium_id or str(uuid.uuid4()),
                          name=data.name)
        session.add(patient)
    patient.update_demographics(name=data.name, name_phonetic=data.name_phonetic, sex=data.sex,
                                birth_date=data.birth_date, national_id=data.national_id)
    patient.phone = data.phone or patient.phone
    known = patient.identifier_at(issuer)
    if known is not None:
        if data.local_patient_id and data.local_patient_id != known:
            raise RecordNumberTaken(f"{data.name} already has record number {known} here, "
                                    f"not {data.local_patient_id}.", data.local_patient_id,
                                    known=known)
        return patient
    if data.local_patient_id:
        owner = session.scalar(select(Patient).join(PatientIdentifier).where(
            PatientIdentifier.issuer == issuer,
            PatientIdentifier.value == data.local_patient_id))
        if owner is not None and owner is not patient:
            raise _taken(data.local_patient_id, owner)
        number = data.local_patient_id
    else:
        number = next_record_number(session, issuer, day or date.today(), pattern)
    patient.identifiers.append(PatientIdentifier(issuer=issuer, value=number))
    return patient


def register_exam(session: Session, workflow: ExamWorkflow, policy: RegistrationPolicy,
                  actor: Actor, patient_data: PatientInput, order: OrderInput,
                  at: datetime | None = None, *,
                  requisitions: Sequence[tuple[str, bytes]] = (),
                  store: RequisitionStore | None = None) -> tuple[Exam, Changes]:
    """Create (or update) the patient and a new exam in state ``registered``.

    The exam gets its accession number and Study Instance UID now, so the
    modality's images can be matched by either.  Call inside a write
    transaction (``Database.transaction``).
    """
    when = at or workflow.clock()
    mode = reading_mode_for(session, policy.site_code,
                            order.reading_mode or policy.default_reading_mode,
                            policy.overload_threshold)
    local_day = when.astimezone(policy.timezone).date()
    patient = find_or_create_patient(session, patient_data, policy.site_code, local_day,
                                     policy.record_number_pattern)
    exam = Exam(
        accession_number=next_accession_number(session, policy.site_code, local_day),
        study_instance_uid=new_uid(policy.uid_root),
        patient=patient,
        site_code=policy.site_code,
        procedure_code=order.procedure_code,
        procedure_description=order.procedure_description,
        modality=order.modality,
        body_part=order.body_part,
        priority=order.priority,
        reading_mode=mode.mode,
        scheduled_station_ae=order.scheduled_station_ae,
        referring_physician=order.referring_physician,
        clinical_info=order.clinical_info,
        patient_age=order.patient_age,
        patient_source=order.patient_source,
        requesting_department=order.requesting_department,
        admission_id=order.admission_id,
    )
    note = (f"overload: {mode.queue} exams wait for reading here, read at the center"
            if mode.overloaded else "")
    changes = workflow.open_exam(session, exam, actor, at=when, note=note)
    if requisitions:
        if store is None:
            raise ValueError("requisition scans need a RequisitionStore")
        for filename, data in requisitions:
            attach_requisition(session, exam, filename, data, store.folder)
        destination = workflow.destination_for(exam)
        if destination:  # sealed in the outbox, behind the registration message
            queue_requisitions(session, exam, list(requisitions), store.sealer, destination)
    return exam, changes
