"""Index a received instance: patient, study, series, instance rows, and the exam link."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import date, datetime

from pydicom.dataset import Dataset
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..storage.enums import ExamState, Sex
from ..storage.exams import Exam
from ..storage.imaging import Instance, Series, Study
from ..storage.patients import Patient, PatientIdentifier
from ..workflow.actors import Actor
from ..workflow.machine import ExamWorkflow
from ..workflow.transitions import Action
from .charset import names_from_person_name

LOGGER = logging.getLogger(__name__)

# Images arriving for an exam in these states mean the acquisition is done.
# (With MPPS in progress, the MPPS "completed" decides instead.)
ACQUIRED_ON_ARRIVAL = (ExamState.REGISTERED, ExamState.SCHEDULED)


@dataclass(frozen=True)
class InstanceHeader:
    """What the index needs from a received dataset (read without pixel data)."""

    sop_class_uid: str
    sop_instance_uid: str
    study_instance_uid: str
    series_instance_uid: str
    transfer_syntax_uid: str
    patient_id: str = ""
    issuer_of_patient_id: str = ""
    patient_name: str = ""
    patient_phonetic: str = ""
    patient_name_dicom: str = ""  # as the file holds it, every group (Wang^XiaoDong=王^小东)
    patient_sex: str = ""
    patient_birth_date: date | None = None
    accession_number: str = ""
    study_date: date | None = None
    study_description: str = ""
    modality: str = ""
    series_number: int | None = None
    series_description: str = ""
    body_part: str = ""
    instance_number: int | None = None

    @classmethod
    def from_dataset(cls, ds: Dataset, transfer_syntax_uid: str) -> InstanceHeader:
        """Raises ValueError naming the first required UID that is missing."""
        for keyword in ("SOPClassUID", "SOPInstanceUID", "StudyInstanceUID", "SeriesInstanceUID"):
            if not str(ds.get(keyword, "") or "").strip():
                raise ValueError(f"the dataset has no {keyword}")
        name, phonetic = names_from_person_name(ds.get("PatientName"))
        return cls(
            sop_class_uid=str(ds.SOPClassUID),
            sop_instance_uid=str(ds.SOPInstanceUID),
            study_instance_uid=str(ds.StudyInstanceUID),
            series_instance_uid=str(ds.SeriesInstanceUID),
            transfer_syntax_uid=transfer_syntax_uid,
            patient_id=str(ds.get("PatientID", "") or ""),
            issuer_of_patient_id=str(ds.get("IssuerOfPatientID", "") or ""),
            patient_name=name,
            patient_phonetic=phonetic,
            patient_name_dicom=str(ds.get("PatientName") or "")[:200],
            patient_sex=str(ds.get("PatientSex", "") or "").upper(),
            patient_birth_date=_da(ds.get("PatientBirthDate")),
            accession_number=str(ds.get("AccessionNumber", "") or ""),
            study_date=_da(ds.get("StudyDate")),
            study_description=str(ds.get("StudyDescription", "") or "")[:64],
            modality=str(ds.get("Modality", "") or ""),
            series_number=_int(ds.get("SeriesNumber")),
            series_description=str(ds.get("SeriesDescription", "") or "")[:64],
            body_part=str(ds.get("BodyPartExamined", "") or "")[:16],
            instance_number=_int(ds.get("InstanceNumber")),
        )


def _da(value: object) -> date | None:
    try:
        return datetime.strptime(str(value), "%Y%m%d").date() if value else None
    except ValueError:
        return None


def _int(value: object) -> int | None:
    try:
        return int(str(value)) if value not in (None, "") else None
    except ValueError:
        return None


def find_exam(session: Session, header: InstanceHeader) -> Exam | None:
    """The ordered exam these images belong to: by accession number, else by Study UID."""
    if header.accession_number:
        exam = session.scalar(select(Exam).where(Exam.accession_number == header.accession_number))
        if exam is not None:
            return exam
    return session.scalar(select(Exam).where(Exam.study_instance_uid == header.study_instance_uid))


def _patient_for(
    session: Session, header: InstanceHeader, exam: Exam | None, issuer: str
) -> Patient | None:
    if exam is not None:
        return exam.patient
    if not header.patient_id:
        return None
    issuer = header.issuer_of_patient_id or issuer
    patient = session.scalar(
        select(Patient)
        .join(PatientIdentifier)
        .where(PatientIdentifier.issuer == issuer, PatientIdentifier.value == header.patient_id)
    )
    if patient is None:
        sex = header.patient_sex if header.patient_sex in {s.value for s in Sex} else "U"
        patient = Patient(
            consortium_id=str(uuid.uuid4()),
            name=header.patient_name[:64],
            name_phonetic=header.patient_phonetic[:64],
            sex=Sex(sex),
            birth_date=header.patient_birth_date,
        )
        patient.identifiers.append(PatientIdentifier(issuer=issuer, value=header.patient_id))
        session.add(patient)
    return patient


def latest_version(session: Session, sop_instance_uid: str) -> Instance | None:
    return session.scalar(
        select(Instance)
        .where(Instance.sop_instance_uid == sop_instance_uid)
        .order_by(Instance.version.desc())
        .limit(1)
    )


def next_version(session: Session, sop_instance_uid: str) -> int:
    current = session.scalar(
        select(func.max(Instance.version)).where(Instance.sop_instance_uid == sop_instance_uid)
    )
    return (current or 0) + 1


def index_instance(
    session: Session,
    header: InstanceHeader,
    *,
    path: str,
    size: int,
    sha256: str,
    version: int,
    source_ae: str,
    issuer: str,
    workflow: ExamWorkflow | None = None,
    now: datetime | None = None,
) -> Instance:
    """Add the instance (and its study/series/patient when new) to the index; move the
    linked exam to ``acquired`` when these are its first images."""
    exam = find_exam(session, header)
    study = session.scalar(
        select(Study).where(Study.study_instance_uid == header.study_instance_uid)
    )
    if study is None:
        patient = _patient_for(session, header, exam, issuer)
        study = Study(
            study_instance_uid=header.study_instance_uid,
            exam_id=exam.id if exam else None,
            patient=patient,
            accession_number=header.accession_number,
            study_date=header.study_date,
            description=header.study_description,
        )
        session.add(study)
    if header.patient_name_dicom:
        study.patient_name_dicom = header.patient_name_dicom
    modalities = set(filter(None, (study.modalities or "").split("\\"))) | {header.modality} - {""}
    study.modalities = "\\".join(sorted(modalities))
    series = session.scalar(
        select(Series).where(Series.series_instance_uid == header.series_instance_uid)
    )
    if series is None:
        series = Series(
            series_instance_uid=header.series_instance_uid,
            study=study,
            modality=header.modality,
            series_number=header.series_number,
            description=header.series_description,
            body_part=header.body_part,
        )
        session.add(series)
    instance = Instance(
        sop_instance_uid=header.sop_instance_uid,
        version=version,
        series=series,
        sop_class_uid=header.sop_class_uid,
        instance_number=header.instance_number,
        transfer_syntax_uid=header.transfer_syntax_uid,
        path=path,
        size_bytes=size,
        sha256=sha256,
        source_ae=source_ae,
    )
    session.add(instance)
    session.flush()
    if (exam is not None and workflow is not None and exam.state in ACQUIRED_ON_ARRIVAL
            and exam.site_code == workflow.site.code):  # the imaging site drives its exam
        actor = Actor.system(workflow.site.code, f"images from {source_ae or 'unknown AE'}")
        workflow.apply(
            session,
            exam,
            Action.COMPLETE_ACQUISITION,
            actor,
            note=f"first images received from {source_ae}",
            at=now,
        )
    return instance
