"""From the database to a printable report: the newest signed text, checked first."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..config import SiteMode
from ..security.signatures import SignatureCheck
from ..storage.enums import ExamState, ImagePurpose, PatientSource, VersionKind
from ..storage.exams import Exam
from ..storage.reports import Report, ReportVersion
from ..storage.sites import Site
from ..workflow.handwriting import reader_of
from ..workflow.signing import check_version
from .branding import Branding
from .report_pdf import Addendum, ReportDocument, SignatureStatement

SEX = {"M": "男", "F": "女", "O": "其他", "U": "未知"}
SOURCE = {PatientSource.OUTPATIENT: "门诊", PatientSource.INPATIENT: "住院",
          PatientSource.HEALTH_CHECK: "体检", PatientSource.EMERGENCY: "急诊"}


@dataclass(frozen=True)
class PrintableReport:
    document: ReportDocument
    final: ReportVersion
    check: SignatureCheck  # of the final report and every addendum


def final_version(session: Session, exam: Exam) -> ReportVersion | None:
    report = session.scalar(select(Report).where(Report.exam_id == exam.id))
    return report.latest_of(VersionKind.FINAL) if report else None


def printable_report(session: Session, exam: Exam, ca_certificate: bytes | None, *,
                     paper: str = "A4", copy: bool = False, now: datetime | None = None,
                     branding: Branding | None = None) -> PrintableReport | None:
    """The exam's signed report ready to print, or None when there is no final version.

    ``check`` fails when any signature (final or addendum) does not verify; the
    caller must not print such a report."""
    report = session.scalar(select(Report).where(Report.exam_id == exam.id))
    if report is None:
        return None
    final = report.latest_of(VersionKind.FINAL)
    if final is None:
        return None
    check = check_version(exam, final, ca_certificate)
    addenda = [v for v in report.versions if v.kind is VersionKind.ADDENDUM
               and v.number > final.number]
    for addendum in addenda:
        if check.valid:
            addendum_check = check_version(exam, addendum, ca_certificate)
            if not addendum_check.valid:
                check = SignatureCheck(False, addendum_check.signer, addendum_check.fingerprint,
                                       f"addendum: {addendum_check.reason}")
    reader = reader_of(report)
    hands = {i.purpose: i.data for i in final.images if i.purpose != ImagePurpose.KEY.value}
    sites = {s.code: s.name for s in session.scalars(select(Site))}
    center = session.scalars(select(Site).where(Site.mode == SiteMode.CENTER.value)).first()
    patient = exam.patient
    exam_time = exam.reached_at().get(ExamState.ACQUIRED, exam.registered_at)
    signature = SignatureStatement(check.signer or final.author_name, check.fingerprint,
                                   check.valid) if final.signature else None
    document = ReportDocument(
        center=center.name if center else "",
        hospital=sites.get(exam.site_code, exam.site_code),
        accession_number=exam.accession_number,
        patient_name=patient.name,
        patient_name_phonetic=patient.name_phonetic.replace("^", " ").strip(),
        sex=SEX.get(patient.sex.value, ""), age=_age(exam, patient.birth_date, exam_time),
        patient_id=patient.identifier_at(exam.site_code) or "",
        patient_source=SOURCE.get(exam.patient_source, ""),
        requesting_department=exam.requesting_department, admission_id=exam.admission_id,
        procedure=exam.procedure_description,
        modality=exam.modality, exam_time=exam_time,
        referring_physician=exam.referring_physician, clinical_info=exam.clinical_info,
        findings=final.findings, impression=final.impression,
        reader=(reader.author_name or reader.author_username) if reader else "",
        read_at=reader.created_at if reader else None,
        reader_hand=hands.get(ImagePurpose.READER_HAND.value),
        reviewer_hand=hands.get(ImagePurpose.SIGNER_HAND.value),
        reviewer=final.author_name or final.author_username, signed_at=final.created_at,
        signature=signature,
        verification=(f"TW-REPORT|{exam.accession_number}|{exam.study_instance_uid}|"
                      f"{check.fingerprint[:32]}|{final.created_at:%Y%m%dT%H%M%SZ}"),
        key_images=[(image.caption, image.data) for image in final.images
                    if image.purpose == ImagePurpose.KEY.value],
        addenda=[Addendum(a.findings, a.author_name or a.author_username, a.created_at)
                 for a in addenda],
        copy=copy, paper=paper, printed_at=now,
        logo=branding.logo if branding else None, seal=branding.seal if branding else None,
        seal_over_names=branding.seal_is_transparent if branding else True)
    return PrintableReport(document, final, check)


def localised(document: ReportDocument, tz: tzinfo) -> ReportDocument:
    """The document with its times in the site's time zone (storage is UTC)."""
    def conv(value: datetime | None) -> datetime | None:
        return value.astimezone(tz) if value is not None else None
    return replace(document, exam_time=conv(document.exam_time),
                   signed_at=conv(document.signed_at) or document.signed_at,
                   printed_at=conv(document.printed_at), read_at=conv(document.read_at),
                   addenda=[Addendum(a.text, a.signer, conv(a.signed_at) or a.signed_at)
                            for a in document.addenda])


def _age(exam: Exam, birth: date | None, at: datetime) -> str:
    if exam.patient_age:
        number, unit = exam.patient_age[:3].lstrip("0") or "0", exam.patient_age[3:]
        return f"{number}{ {'Y': '岁', 'M': '月', 'W': '周', 'D': '天'}.get(unit, '')}"
    if birth is None:
        return ""
    day = at.date()
    years = day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
    return f"{years}岁"
