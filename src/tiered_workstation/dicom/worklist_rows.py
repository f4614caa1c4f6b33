"""The worklist's exams: the query a console sends, the rows that may answer it,
matched per PS3.4 C.2.2.2 (candidates narrowed in SQL, then matched exactly)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from pydicom.dataset import Dataset
from sqlalchemy import and_, func, select
from sqlalchemy.orm import aliased

from ..storage.enums import ExamState, PatientSource, Priority, Sex
from ..storage.exams import Exam
from ..storage.patients import Patient, PatientIdentifier
from .charset import (
    has_cjk,
)
from .matching import (
    is_universal,
    match_date_range,
    match_person_name,
    match_text,
    match_time_range,
    parse_da,
)

WORKLIST_STATES = (ExamState.REGISTERED, ExamState.SCHEDULED)


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


class WorklistRow(NamedTuple):
    """The columns an answer needs (read without building ORM objects)."""

    accession_number: str
    study_instance_uid: str
    procedure_code: str
    procedure_description: str
    modality: str
    body_part: str
    priority: Priority
    station_ae: str | None
    scheduled_start: datetime | None
    registered_at: datetime
    referring_physician: str
    patient_age: str
    name: str
    name_phonetic: str
    sex: Sex
    birth_date: date | None
    consortium_id: str
    local_id: str | None
    patient_source: PatientSource = PatientSource.OUTPATIENT
    requesting_department: str = ""
    admission_id: str = ""

    def patient_id(self) -> str:
        return self.local_id or self.consortium_id

    def when(self, tz: ZoneInfo) -> datetime:
        return (self.scheduled_start or self.registered_at).astimezone(tz)


def _like(pattern: str) -> str:
    escaped = pattern.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped.replace("*", "%").replace("?", "_")


def _local_day_bounds(pattern: str, tz: ZoneInfo) -> tuple[datetime | None, datetime | None]:
    """UTC bounds of a DA / DA range pattern in the site's local time."""
    text = pattern.strip()
    start, _, end = text.partition("-") if "-" in text else (text, "", text)
    lo = datetime.combine(parse_da(start), time.min, tz).astimezone(UTC) if start.strip() \
        else None
    hi = (datetime.combine(parse_da(end), time.min, tz) + timedelta(days=1)).astimezone(UTC) \
        if end.strip() else None
    return lo, hi


def candidate_rows(session: Any, query: WorklistQuery, site_code: str,
                   tz: ZoneInfo) -> list[WorklistRow]:
    """Rows that may match, filtered in SQL as far as SQL can say it exactly."""
    local_id = aliased(PatientIdentifier)
    statement = (select(Exam.accession_number, Exam.study_instance_uid, Exam.procedure_code,
                        Exam.procedure_description, Exam.modality, Exam.body_part,
                        Exam.priority, Exam.scheduled_station_ae, Exam.scheduled_start,
                        Exam.registered_at, Exam.referring_physician, Exam.patient_age,
                        Patient.name,
                        Patient.name_phonetic, Patient.sex, Patient.birth_date,
                        Patient.consortium_id, local_id.value, Exam.patient_source,
                        Exam.requesting_department, Exam.admission_id)
                 .join(Patient, Exam.patient_id == Patient.id)
                 .outerjoin(local_id, and_(local_id.patient_id == Patient.id,
                                           local_id.issuer == site_code))
                 .where(Exam.state.in_(WORKLIST_STATES)))
    for column, value in ((Exam.modality, query.modality),
                          (Exam.scheduled_station_ae, query.station_ae),
                          (Exam.accession_number, query.accession_number)):
        if (exact := _exact(value)) is not None:
            statement = statement.where(column == exact)
    name = query.patient_name.strip()
    if not is_universal(name) and has_cjk(name) and not set(name) & set("^= "):
        statement = statement.where(Patient.name.like(_like(name), escape="\\"))
    if not is_universal(query.start_date):
        lo, hi = _local_day_bounds(query.start_date, tz)
        when = func.coalesce(Exam.scheduled_start, Exam.registered_at)
        if lo is not None:
            statement = statement.where(when >= lo)
        if hi is not None:
            statement = statement.where(when < hi)
    rows = session.execute(statement.order_by(Exam.registered_at, Exam.id))
    return [WorklistRow(*row) for row in rows]


def row_from_exam(exam: Exam, site_code: str) -> WorklistRow:
    p = exam.patient
    return WorklistRow(exam.accession_number, exam.study_instance_uid, exam.procedure_code,
                       exam.procedure_description, exam.modality, exam.body_part,
                       exam.priority, exam.scheduled_station_ae, exam.scheduled_start,
                       exam.registered_at, exam.referring_physician, exam.patient_age, p.name,
                       p.name_phonetic,
                       p.sex, p.birth_date, p.consortium_id, p.identifier_at(site_code),
                       exam.patient_source, exam.requesting_department, exam.admission_id)


def matches(row: WorklistRow, query: WorklistQuery, tz: ZoneInfo) -> bool:
    when = row.when(tz)
    return (match_person_name(query.patient_name, row.name, row.name_phonetic)
            and match_text(query.patient_id, row.patient_id())
            and match_text(query.accession_number, row.accession_number)
            and match_text(query.modality, row.modality)
            and match_text(query.station_ae, row.station_ae or "")
            and match_date_range(query.start_date, when.date())
            and match_time_range(query.start_time, when.strftime("%H%M%S")))


# keyword → (tag, VR): the MWL return keys we fill
