"""A returning patient's history across the consortium, as the center knows it."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..storage.exams import Exam
from ..storage.patients import Patient
from ..storage.reports import Report
from .schemas import ExamHistory, PatientHistory, ReportOut

MAX_PATIENTS = 20


def lookup(session: Session, *, consortium_id: str | None = None,
           national_id: str | None = None, name: str | None = None,
           birth_date: date | None = None) -> list[PatientHistory]:
    """Patients matching one identity key (name only together with birth date), newest
    exams first, each with its report."""
    query = select(Patient)
    if consortium_id:
        query = query.where(Patient.consortium_id == consortium_id)
    elif national_id:
        query = query.where(Patient.national_id == national_id.upper())
    elif name and birth_date:
        query = query.where(Patient.name == name, Patient.birth_date == birth_date)
    else:
        return []
    patients = session.scalars(query.limit(MAX_PATIENTS)).all()
    return [_history(session, p) for p in patients]


def _history(session: Session, patient: Patient) -> PatientHistory:
    exams = session.scalars(select(Exam).where(Exam.patient_id == patient.id)
                            .order_by(Exam.registered_at.desc())).all()
    return PatientHistory(
        consortium_id=patient.consortium_id, name=patient.name,
        name_phonetic=patient.name_phonetic, sex=patient.sex, birth_date=patient.birth_date,
        exams=[ExamHistory(accession_number=e.accession_number, site_code=e.site_code,
                           study_instance_uid=e.study_instance_uid,
                           procedure_description=e.procedure_description, modality=e.modality,
                           state=e.state, registered_at=e.registered_at,
                           report=_report(session, e), **_request(e)) for e in exams])


def _request(exam: Exam) -> dict[str, Any]:
    return {"record_number": exam.record_number, "patient_source": exam.patient_source,
            "requesting_department": exam.requesting_department,
            "referring_physician": exam.referring_physician,
            "admission_id": exam.inpatient_admission_id}


def _report(session: Session, exam: Exam) -> ReportOut | None:
    report = session.scalar(select(Report).where(Report.exam_id == exam.id))
    if report is None or not report.versions:
        return None
    latest = report.versions[-1]
    return ReportOut(status=report.status.value, findings=latest.findings,
                     impression=latest.impression,
                     authors=sorted({v.author_name or v.author_username
                                     for v in report.versions}),
                     updated_at=report.updated_at)
