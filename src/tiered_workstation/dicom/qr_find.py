"""Query/Retrieve C-FIND (Patient Root and Study Root) over the archive index.

Levels PATIENT, STUDY, SERIES and IMAGE; matching per PS3.4 C.2.2.2
(wildcards in names and IDs, UID lists, date ranges); answers carry only the
keys asked for, in the character set configured for the asking peer.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydicom.dataset import Dataset
from pynetdicom.sop_class import (
    ModalityWorklistInformationFind,
    PatientRootQueryRetrieveInformationModelFind,
    StudyRootQueryRetrieveInformationModelFind,
)
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..config import NodeSettings
from ..storage.database import Database
from ..storage.enums import PatientSource
from ..storage.exams import Exam
from ..storage.imaging import Instance, Series, Study
from ..storage.patients import Patient
from .answer_text import answer_person_name, answer_style, carry_text_as
from .charset import IR58, apply_outgoing_ir58, person_name, set_outgoing_charset
from .matching import is_universal, match_date_range, match_person_name, match_text
from .pacing import streaming
from .permissions import NOT_AUTHORIZED, requires
from .worklist import WorklistDependencies, handle_worklist_find

LOGGER = logging.getLogger(__name__)

PENDING, CANCELLED = 0xFF00, 0xFE00
IDENTIFIER_DOES_NOT_MATCH = 0xA900
UNABLE_TO_PROCESS = 0xC000
LEVELS = ("PATIENT", "STUDY", "SERIES", "IMAGE")


@dataclass(frozen=True)
class QueryDependencies:
    database: Database
    settings: NodeSettings


def _uids(value: object) -> list[str]:
    """A UID key may list several UIDs separated by backslashes."""
    if is_universal(value):
        return []
    if isinstance(value, str):
        return [v for v in value.split("\\") if v]
    return [str(v) for v in value]  # type: ignore[attr-defined]


def _key(identifier: Dataset, keyword: str) -> str:
    value = identifier.get(keyword, "")
    return "" if value is None else str(value)


def patient_id_of(patient: Patient | None, site_code: str) -> str:
    if patient is None:
        return ""
    return patient.identifier_at(site_code) or (
        patient.identifiers[0].value if patient.identifiers else patient.consortium_id)


def _patient_matches(patient: Patient | None, identifier: Dataset, site: str,
                     stored_names: tuple[str, ...] = ()) -> bool:
    """``stored_names``: the PN values the patient's files hold (every group matches)."""
    if patient is None:
        return is_universal(_key(identifier, "PatientName")) and is_universal(
            _key(identifier, "PatientID"))
    birth = patient.birth_date
    groups = tuple(g for name in stored_names for g in name.split("=") if g)
    return (match_person_name(_key(identifier, "PatientName"), patient.name,
                              patient.name_phonetic, *groups)
            and match_text(_key(identifier, "PatientID"), patient_id_of(patient, site))
            and match_date_range(_key(identifier, "PatientBirthDate"), birth))


def _study_matches(study: Study, identifier: Dataset) -> bool:
    uids = _uids(identifier.get("StudyInstanceUID"))
    modalities = _key(identifier, "ModalitiesInStudy")
    return ((not uids or study.study_instance_uid in uids)
            and match_text(_key(identifier, "AccessionNumber"), study.accession_number)
            and match_date_range(_key(identifier, "StudyDate"), study.study_date)
            and match_text(_key(identifier, "StudyDescription"), study.description)
            and (is_universal(modalities)
                 or any(match_text(m, *study.modalities.split("\\"))
                        for m in modalities.split("\\"))))


def _series_matches(series: Series, identifier: Dataset) -> bool:
    uids = _uids(identifier.get("SeriesInstanceUID"))
    return ((not uids or series.series_instance_uid in uids)
            and match_text(_key(identifier, "Modality"), series.modality)
            and match_text(_key(identifier, "SeriesNumber"), str(series.series_number or "")))


def answer_name(patient: Patient | None, stored: str, phonetic: bool) -> str:
    """The Patient's Name as stored in the files (every group and separator); for a
    patient known only from registration, the registered name as a PN."""
    if stored:
        return stored
    if patient is None:
        return ""
    return person_name(patient.name, patient.name_phonetic, phonetic_groups=phonetic)


def _patient_attrs(ds: Dataset, patient: Patient | None, site: str, phonetic: bool,
                   stored: str = "") -> None:
    ds.PatientName = answer_name(patient, stored, phonetic)
    ds.PatientID = patient_id_of(patient, site)
    ds.PatientBirthDate = patient.birth_date.strftime("%Y%m%d") if (
        patient and patient.birth_date) else ""
    ds.PatientSex = patient.sex.value if patient and patient.sex.value != "U" else ""


def _request_attrs(ds: Dataset, exam: Exam | None) -> None:
    """What the registration knew of the request (the study level's optional keys)."""
    inpatient = exam is not None and exam.patient_source is PatientSource.INPATIENT
    ds.ReferringPhysicianName = exam.referring_physician if exam else ""
    ds.RequestingPhysician = exam.referring_physician if exam else ""
    ds.RequestingService = exam.requesting_department if exam else ""
    ds.AdmissionID = exam.admission_id if exam and inpatient else ""
    ds.PatientAge = exam.patient_age if exam else ""


def _study_attrs(ds: Dataset, study: Study) -> None:
    ds.StudyInstanceUID = study.study_instance_uid
    ds.StudyDate = study.study_date.strftime("%Y%m%d") if study.study_date else ""
    ds.AccessionNumber = study.accession_number
    ds.StudyDescription = study.description
    ds.ModalitiesInStudy = study.modalities.split("\\") if study.modalities else ""


def find_answers(session: Session, identifier: Dataset, site: str,
                 phonetic: bool) -> Iterator[Dataset]:
    """Full answers (before trimming) for a Q/R identifier."""
    level = _key(identifier, "QueryRetrieveLevel").upper()
    if level not in LEVELS:
        raise ValueError(f"unknown Query/Retrieve Level {level!r}")
    if level == "PATIENT":
        patients = session.scalars(select(Patient).join(Study).distinct())
        for patient in patients:
            stored = _stored_names(session, patient)
            if _patient_matches(patient, identifier, site, stored):
                ds = Dataset()
                _patient_attrs(ds, patient, site, phonetic, stored[0] if stored else "")
                ds.NumberOfPatientRelatedStudies = session.scalar(
                    select(func.count()).select_from(Study).where(Study.patient_id == patient.id))
                yield ds
        return
    studies = select(Study)
    if uids := _uids(identifier.get("StudyInstanceUID")):
        studies = studies.where(Study.study_instance_uid.in_(uids))
    for study in session.scalars(studies.order_by(Study.id)):
        stored = (study.patient_name_dicom,) if study.patient_name_dicom else ()
        if not (_patient_matches(study.patient, identifier, site, stored)
                and _study_matches(study, identifier)):
            continue
        if level == "STUDY":
            ds = Dataset()
            _patient_attrs(ds, study.patient, site, phonetic, study.patient_name_dicom)
            _study_attrs(ds, study)
            _request_attrs(ds, study.exam)
            ds.NumberOfStudyRelatedSeries = len(study.series)
            ds.NumberOfStudyRelatedInstances = sum(_distinct(s) for s in study.series)
            yield ds
            continue
        for series in study.series:
            if not _series_matches(series, identifier):
                continue
            if level == "SERIES":
                ds = Dataset()
                _study_attrs(ds, study)
                ds.SeriesInstanceUID = series.series_instance_uid
                ds.Modality = series.modality
                ds.SeriesNumber = series.series_number
                ds.SeriesDescription = series.description
                ds.BodyPartExamined = series.body_part
                ds.NumberOfSeriesRelatedInstances = _distinct(series)
                yield ds
                continue
            sop_uids = _uids(identifier.get("SOPInstanceUID"))
            for instance in latest_instances(series.instances):
                if sop_uids and instance.sop_instance_uid not in sop_uids:
                    continue
                ds = Dataset()
                ds.StudyInstanceUID = study.study_instance_uid
                ds.SeriesInstanceUID = series.series_instance_uid
                ds.SOPInstanceUID = instance.sop_instance_uid
                ds.SOPClassUID = instance.sop_class_uid
                ds.InstanceNumber = instance.instance_number
                yield ds


def _distinct(series: Series) -> int:
    """Instances in a series, each SOP Instance UID once whatever its versions (as the
    IMAGE level lists them)."""
    return len({i.sop_instance_uid for i in series.instances})


def _stored_names(session: Session, patient: Patient) -> tuple[str, ...]:
    """The names the patient's studies hold, newest study first."""
    names = session.scalars(select(Study.patient_name_dicom).where(
        Study.patient_id == patient.id, Study.patient_name_dicom != "").order_by(
        Study.received_at.desc(), Study.id.desc()))
    return tuple(dict.fromkeys(names))


def latest_instances(instances: list[Instance]) -> list[Instance]:
    """One row per SOP Instance UID: its newest version."""
    newest: dict[str, Instance] = {}
    for instance in instances:
        known = newest.get(instance.sop_instance_uid)
        if known is None or instance.version > known.version:
            newest[instance.sop_instance_uid] = instance
    return sorted(newest.values(), key=lambda i: (i.instance_number or 0, i.sop_instance_uid))


def trim(answer: Dataset, identifier: Dataset, charset: str) -> Dataset:
    out = Dataset()
    set_outgoing_charset(out, charset)
    out.QueryRetrieveLevel = identifier.QueryRetrieveLevel
    for element in identifier:
        keyword = element.keyword
        if keyword in ("SpecificCharacterSet", "QueryRetrieveLevel", ""):
            continue
        if keyword in answer:
            out[keyword] = answer[keyword]
        else:
            out.add_new(element.tag, element.VR, None)
    return out


def handle_find(event: Any, qr: QueryDependencies,
                worklist: WorklistDependencies) -> Iterator[Any]:
    """Bound to ``evt.EVT_C_FIND``: worklist or Query/Retrieve by SOP class."""
    sop_class = str(event.request.AffectedSOPClassUID)
    if sop_class == ModalityWorklistInformationFind:
        yield from handle_worklist_find(event, worklist)
        return
    if sop_class not in (PatientRootQueryRetrieveInformationModelFind,
                         StudyRootQueryRetrieveInformationModelFind):
        yield UNABLE_TO_PROCESS, None
        return
    yield from _query(event, qr)


@requires("query", (NOT_AUTHORIZED, None))
def _query(event: Any, qr: QueryDependencies) -> Iterator[Any]:
    """Query/Retrieve C-FIND answers, in the asking peer's character set."""
    identifier = event.identifier
    sender = event.assoc.requestor.ae_title
    style = answer_style(qr.settings, sender)
    charset, phonetic = style.label, style.phonetic
    count = 0
    with qr.database.session() as session, streaming(event.assoc):
        try:
            answers = find_answers(session, identifier, qr.settings.site_code, phonetic)
            for answer in answers:
                if event.is_cancelled:
                    yield CANCELLED, None
                    return
                count += 1
                answer = trim(answer, identifier, charset)
                if "PatientName" in answer:
                    answer.PatientName = answer_person_name(
                        str(answer.PatientName or ""), style,
                        accession=str(answer.get("AccessionNumber", "") or ""))
                if IR58 in style.codec:
                    apply_outgoing_ir58(answer)
                elif style.mislabelled:
                    carry_text_as(answer, style)
                yield PENDING, answer
        except (ValueError, AttributeError) as exc:
            LOGGER.warning("C-FIND from %s refused: %s", sender, exc)
            yield IDENTIFIER_DOES_NOT_MATCH, None
            return
    LOGGER.info("C-FIND %s from %s: %d answers", _key(identifier, "QueryRetrieveLevel"),
                sender, count)
