"""Modality Worklist SCP (C-FIND, MWL information model) over the site's exams.

A DR/CT console asks for its scheduled exams; each answer carries the patient,
the accession number, the requested procedure, the Study Instance UID chosen at
registration and one Scheduled Procedure Step, encoded in the character set the
asking device is configured for.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from pydicom.dataset import Dataset
from pynetdicom.sop_class import ModalityWorklistInformationFind
from sqlalchemy import select

from ..config import Settings
from ..storage.database import Database
from ..storage.enums import ExamState, Priority
from ..storage.exams import Exam
from .charset import person_name, set_outgoing_charset
from .matching import (
    is_universal,
    match_date_range,
    match_person_name,
    match_text,
    match_time_range,
)

LOGGER = logging.getLogger(__name__)

WORKLIST_STATES = (ExamState.REGISTERED, ExamState.SCHEDULED)
PENDING = 0xFF00
CANCELLED = 0xFE00
UNSUPPORTED_SOP_CLASS = 0xC000
PRIORITY_CODES = {Priority.ROUTINE: "ROUTINE", Priority.URGENT: "HIGH", Priority.STAT: "STAT"}


@dataclass(frozen=True)
class WorklistDependencies:
    database: Database
    settings: Settings


@dataclass(frozen=True)
class WorklistQuery:
    """The matching keys of an MWL request (empty = universal)."""

    patient_name: str = ""
    patient_id: str = ""
    accession_number: str = ""
    modality: str = ""
    station_ae: str = ""
    start_date: str = ""
    start_time: str = ""

    @classmethod
    def from_identifier(cls, identifier: Dataset) -> WorklistQuery:
        sps = _first_item(identifier, "ScheduledProcedureStepSequence")
        return cls(
            patient_name=str(identifier.get("PatientName", "") or ""),
            patient_id=str(identifier.get("PatientID", "") or ""),
            accession_number=str(identifier.get("AccessionNumber", "") or ""),
            modality=str(sps.get("Modality", "") or ""),
            station_ae=str(sps.get("ScheduledStationAETitle", "") or ""),
            start_date=str(sps.get("ScheduledProcedureStepStartDate", "") or ""),
            start_time=str(sps.get("ScheduledProcedureStepStartTime", "") or ""),
        )


def _first_item(ds: Dataset, keyword: str) -> Dataset:
    seq = ds.get(keyword)
    return seq[0] if seq else Dataset()


def _exact(value: str) -> str | None:
    """A value usable as an SQL equality filter (no wildcards, not universal)."""
    return None if is_universal(value) or "*" in value or "?" in value else value


def candidate_exams(session: Any, query: WorklistQuery) -> list[Exam]:
    statement = select(Exam).where(Exam.state.in_(WORKLIST_STATES))
    for column, value in ((Exam.modality, query.modality),
                          (Exam.scheduled_station_ae, query.station_ae),
                          (Exam.accession_number, query.accession_number)):
        if (exact := _exact(value)) is not None:
            statement = statement.where(column == exact)
    return list(session.scalars(statement.order_by(Exam.registered_at)))


def patient_id_for(exam: Exam, site_code: str) -> str:
    return exam.patient.identifier_at(site_code) or exam.patient.consortium_id


def matches(exam: Exam, query: WorklistQuery, tz: ZoneInfo, site_code: str) -> bool:
    when = (exam.scheduled_start or exam.registered_at).astimezone(tz)
    patient = exam.patient
    return (match_person_name(query.patient_name, patient.name, patient.name_phonetic)
            and match_text(query.patient_id, patient_id_for(exam, site_code))
            and match_text(query.accession_number, exam.accession_number)
            and match_text(query.modality, exam.modality)
            and match_text(query.station_ae, exam.scheduled_station_ae or "")
            and match_date_range(query.start_date, when.date())
            and match_time_range(query.start_time, when.strftime("%H%M%S")))


def worklist_item(exam: Exam, tz: ZoneInfo, site_code: str, *, charset: str,
                  phonetic_names: bool) -> Dataset:
    """The full MWL answer for one exam (before trimming to the requested keys)."""
    patient = exam.patient
    when = (exam.scheduled_start or exam.registered_at).astimezone(tz)
    ds = Dataset()
    set_outgoing_charset(ds, charset)
    ds.PatientName = person_name(patient.name, patient.name_phonetic,
                                 phonetic_groups=phonetic_names)
    ds.PatientID = patient_id_for(exam, site_code)
    ds.IssuerOfPatientID = site_code if patient.identifier_at(site_code) else "TW-CONSORTIUM"
    ds.PatientBirthDate = patient.birth_date.strftime("%Y%m%d") if patient.birth_date else ""
    ds.PatientSex = patient.sex.value if patient.sex.value != "U" else ""
    ds.AccessionNumber = exam.accession_number
    ds.ReferringPhysicianName = exam.referring_physician
    ds.StudyInstanceUID = exam.study_instance_uid
    ds.RequestedProcedureID = exam.accession_number
    ds.RequestedProcedureDescription = exam.procedure_description
    ds.RequestedProcedurePriority = PRIORITY_CODES[exam.priority]
    code = Dataset()
    code.CodeValue, code.CodingSchemeDesignator = exam.procedure_code, "99TW"
    code.CodeMeaning = exam.procedure_description
    ds.RequestedProcedureCodeSequence = [code]
    step = Dataset()
    step.Modality = exam.modality
    step.ScheduledStationAETitle = exam.scheduled_station_ae or ""
    step.ScheduledProcedureStepStartDate = when.strftime("%Y%m%d")
    step.ScheduledProcedureStepStartTime = when.strftime("%H%M%S")
    step.ScheduledProcedureStepID = exam.accession_number
    step.ScheduledProcedureStepDescription = exam.procedure_description
    step.ScheduledProcedureStepStatus = "SCHEDULED"
    step.ScheduledPerformingPhysicianName = ""
    step.BodyPartExamined = exam.body_part
    ds.ScheduledProcedureStepSequence = [step]
    return ds


def trim_to_request(answer: Dataset, identifier: Dataset) -> Dataset:
    """Keep only the attributes the request asked for (PS3.4 K.2.1.1.3), plus the charset."""
    out = Dataset()
    out.SpecificCharacterSet = answer.SpecificCharacterSet
    for element in identifier:
        if element.keyword in ("SpecificCharacterSet", ""):
            continue
        if element.keyword not in answer:
            out.add_new(element.tag, element.VR, None)
            continue
        value = answer[element.keyword]
        if element.VR == "SQ" and element.value:
            wanted = element.value[0]
            items = []
            for item in value.value:
                kept = Dataset()
                for sub in wanted:
                    if sub.keyword in item:
                        kept[sub.keyword] = item[sub.keyword]
                    else:
                        kept.add_new(sub.tag, sub.VR, None)
                items.append(kept)
            out[element.keyword] = value.__class__(value.tag, value.VR, items)
        else:
            out[element.keyword] = value
    return out


def handle_worklist_find(event: Any, deps: WorklistDependencies) -> Iterator[Any]:
    """Bound to ``evt.EVT_C_FIND``: yields (status, identifier) pairs."""
    if str(event.request.AffectedSOPClassUID) != ModalityWorklistInformationFind:
        yield UNSUPPORTED_SOP_CLASS, None
        return
    identifier = event.identifier
    sender = event.assoc.requestor.ae_title
    peer = deps.settings.peer(sender)
    charset = (peer.charset if peer and peer.charset else deps.settings.charset.outgoing)
    phonetic = bool(peer and peer.phonetic_names)
    query = WorklistQuery.from_identifier(identifier)
    tz = deps.settings.site.tz
    site = deps.settings.site.code
    count = 0
    with deps.database.session() as session:
        for exam in candidate_exams(session, query):
            if event.is_cancelled:
                LOGGER.info("worklist query from %s cancelled after %d answers", sender, count)
                yield CANCELLED, None
                return
            if not matches(exam, query, tz, site):
                continue
            answer = worklist_item(exam, tz, site, charset=charset, phonetic_names=phonetic)
            count += 1
            yield PENDING, trim_to_request(answer, identifier)
    LOGGER.info("worklist query from %s: %d answers (%s)", sender, count, query)
