"""Applying messages from the other site, each exactly once.

The receiver records every message UUID in ``inbox_messages`` in the same
transaction as the change it makes; a message seen before is acknowledged
again and changes nothing (a replayed or re-sent message is harmless).
"""

from __future__ import annotations

import base64
import binascii
import logging
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..storage.base import utcnow
from ..storage.enums import VersionKind
from ..storage.exams import Exam
from ..storage.messaging import InboxMessage
from ..storage.patients import Patient, PatientIdentifier
from ..storage.sites import Site
from ..workflow.actors import Actor
from ..workflow.errors import WorkflowError
from ..workflow.machine import ExamWorkflow
from ..workflow.reports import save_version
from ..workflow.requisitions import attach_requisition
from ..workflow.transitions import Action
from .schemas import ActorIn, PatientIn, RegistrationIn, ReportIn, RequisitionsIn, TransitionIn

LOGGER = logging.getLogger(__name__)

APPLIED, DUPLICATE = "applied", "duplicate"


class ApplyError(ValueError):
    """A message that cannot be applied; ``status`` is the HTTP status to answer."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def seen(session: Session, message_id: str) -> bool:
    return session.get(InboxMessage, message_id) is not None


def remember(session: Session, message_id: str, source_site: str, topic: str) -> None:
    now = utcnow()
    session.add(InboxMessage(uuid=message_id, source_site=source_site, topic=topic,
                             received_at=now, applied_at=now))


def actor_of(data: ActorIn) -> Actor:
    return Actor(username=data.username, role=data.role, site_code=data.site,
                 display_name=data.name)


def upsert_patient(session: Session, data: PatientIn, issuer: str | None = None) -> Patient:
    """The consortium's record of this person, created or brought up to date; her
    record number at ``issuer`` (the registering site) kept when she has none there."""
    patient = session.scalar(select(Patient).where(Patient.consortium_id == data.consortium_id))
    if patient is None and data.national_id:
        patient = session.scalar(select(Patient).where(Patient.national_id == data.national_id))
    if patient is None:
        patient = Patient(consortium_id=data.consortium_id, name=data.name)
        session.add(patient)
    patient.update_demographics(name=data.name, name_phonetic=data.name_phonetic, sex=data.sex,
                                birth_date=data.birth_date, national_id=data.national_id)
    if issuer and data.record_number and patient.identifier_at(issuer) is None:
        taken = session.scalar(select(PatientIdentifier.id).where(
            PatientIdentifier.issuer == issuer, PatientIdentifier.value == data.record_number))
        if taken is None:
            patient.identifiers.append(PatientIdentifier(issuer=issuer,
                                                         value=data.record_number))
    return patient


def exam_of(session: Session, accession_number: str, source_site: str | None = None) -> Exam:
    exam = session.scalar(select(Exam).where(Exam.accession_number == accession_number))
    if exam is None:
        raise ApplyError(404, f"No exam with accession number {accession_number}.")
    if source_site is not None and exam.site_code != source_site:
        raise ApplyError(403, f"Exam {accession_number} belongs to site {exam.site_code}, "
                              f"not {source_site}.")
    return exam


def apply_registration(session: Session, workflow: ExamWorkflow, message: RegistrationIn,
                       source_site: str) -> str:
    message_id = str(message.message_id)
    if seen(session, message_id):
        return DUPLICATE
    data = message.exam
    if message.actor.site != source_site:
        raise ApplyError(403, f"Site {source_site} cannot register for site "
                              f"{message.actor.site}.")
    existing = session.scalar(select(Exam).where(
        Exam.accession_number == data.accession_number))
    if existing is not None:
        raise ApplyError(409, f"Accession number {data.accession_number} is already used "
                              f"by site {existing.site_code}.")
    _ensure_site(session, source_site)
    patient = upsert_patient(session, data.patient, source_site)
    exam = Exam(accession_number=data.accession_number,
                study_instance_uid=data.study_instance_uid, patient=patient,
                site_code=source_site, procedure_code=data.procedure_code,
                procedure_description=data.procedure_description, modality=data.modality,
                body_part=data.body_part, priority=data.priority,
                reading_mode=data.reading_mode, scheduled_station_ae=data.scheduled_station_ae,
                referring_physician=data.referring_physician, clinical_info=data.clinical_info,
                patient_age=data.patient_age, patient_source=data.patient_source,
                requesting_department=data.requesting_department,
                admission_id=data.admission_id)
    workflow.open_exam(session, exam, actor_of(message.actor), at=message.at, send=False)
    remember(session, message_id, source_site, "exam.register")
    return APPLIED


def _ensure_site(session: Session, code: str) -> None:
    """A community is known by its certificate; its row appears with its first exam."""
    if session.scalar(select(Site).where(Site.code == code)) is None:
        local = session.scalar(select(Site).where(Site.is_local.is_(True)))
        session.add(Site(code=code, name=code, mode="community",
                         center_code=local.code if local else None, is_local=False))
        session.flush()


def apply_transition(session: Session, workflow: ExamWorkflow, accession_number: str,
                     message: TransitionIn, source_site: str, *, owner_only: bool) -> str:
    """Mirror a transition the other site made.  A center accepts transitions only
    for the calling community's own exams (``owner_only``)."""
    message_id = str(message.message_id)
    if seen(session, message_id):
        return DUPLICATE
    exam = exam_of(session, accession_number, source_site if owner_only else None)
    try:
        action = Action(message.action)
    except ValueError:
        raise ApplyError(422, f"action: unknown action {message.action!r}") from None
    if message.from_state is not None and exam.state is not message.from_state:
        LOGGER.warning("exam %s: %s from %s moves it %s → %s here (expected %s)",
                       accession_number, action, source_site, exam.state, message.to_state,
                       message.from_state)
    workflow.mirror(session, exam, action, message.to_state, actor_of(message.actor),
                    at=message.at, note=message.note)
    remember(session, message_id, source_site, f"exam.{action.value}")
    return APPLIED


def apply_requisitions(session: Session, accession_number: str, message: RequisitionsIn,
                       source_site: str, folder: Path) -> str:
    message_id = str(message.message_id)
    if seen(session, message_id):
        return DUPLICATE
    exam = exam_of(session, accession_number, source_site)
    for n, item in enumerate(message.attachments):
        try:
            data = base64.b64decode(item.data_base64, validate=True)
        except (binascii.Error, ValueError):
            raise ApplyError(422, f"attachments.{n}.data_base64: not valid base64") from None
        try:
            attach_requisition(session, exam, item.filename, data, folder)
        except WorkflowError as exc:
            raise ApplyError(422, f"attachments.{n}: {exc}") from None
    remember(session, message_id, source_site, "exam.requisitions")
    return APPLIED


def apply_report(session: Session, accession_number: str, message: ReportIn,
                 kind: VersionKind, source_site: str, *, owner_only: bool) -> str:
    message_id = str(message.message_id)
    if seen(session, message_id):
        return DUPLICATE
    exam = exam_of(session, accession_number, source_site if owner_only else None)
    try:
        signature = base64.b64decode(message.signature, validate=True) \
            if message.signature else None
        images = [(i.caption, base64.b64decode(i.data_base64, validate=True), i.purpose.value)
                  for i in message.images]
    except (binascii.Error, ValueError):
        raise ApplyError(422, "report: signature or image is not valid base64") from None
    save_version(session, exam, actor_of(message.author), findings=message.findings,
                 impression=message.impression, kind=kind, at=message.at,
                 from_other_site=True, signature=signature,
                 signer_certificate=message.certificate, images=images)
    remember(session, message_id, source_site, f"report.{kind.value}")
    return APPLIED

