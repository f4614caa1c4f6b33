"""Turning a signed exam into a de-identified teaching case.

A reviewer or attending picks the series (by default every image series) and gives the
case a title, diagnosis, body part, difficulty, tags and teaching points. The images
and the study's presentation states (GSPS: the reader's marks) are de-identified file
by file into the teaching archive, never the clinical one, and the signed final report
is scrubbed of the patient's names and IDs. The center keeps the mapping back to the
exam; the case itself holds nothing that names the patient.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pydicom
from pydicom.errors import InvalidDicomError
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..dicom.qr_find import latest_instances
from ..storage.enums import Role, VersionKind
from ..storage.exams import Exam
from ..storage.files import write_atomically
from ..storage.imaging import Instance, Study
from ..storage.teaching import TeachingCase, TeachingInstance
from ..workflow.actors import Actor
from ..workflow.audit import record_audit
from ..workflow.errors import WorkflowError
from ..workflow.reports import report_of
from .deidentify import CaseDeidentifier, DeidentificationRefused
from .text_scrub import CaseIdentities

AUTHORS = (Role.REVIEWER, Role.ATTENDING)
PRESENTATION_STATE = "PR"


@dataclass(frozen=True)
class CaseDraft:
    """What the case editor asks for."""

    title: str
    diagnosis: str = ""
    body_part: str = ""
    difficulty: int = 1
    tags: tuple[str, ...] = ()
    teaching_points: str = ""
    series_uids: tuple[str, ...] = field(default=())  # empty: every image series


class CaseRefused(WorkflowError):
    """The exam cannot become a teaching case (not signed, names in the pixels, …)."""


def make_case(session: Session, exam: Exam, actor: Actor, draft: CaseDraft, *,
              archive_dir: Path, teaching_dir: Path) -> TeachingCase:
    """De-identify the exam's chosen series and marks into ``teaching_dir`` and add the
    case to the library (in ``session``; the files are removed again if it fails)."""
    _check(actor, draft)
    final = _final_report(session, exam)
    instances = _chosen(session, exam, draft.series_uids)
    case_uid = str(uuid.uuid4())
    folder = teaching_dir / case_uid
    try:
        case = _build(session, exam, actor, draft, case_uid, final, instances, archive_dir,
                      folder)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    record_audit(session, actor, "teaching.case_created", object_type="teaching_case",
                 object_id=case_uid, detail={"exam": exam.accession_number,
                                             "files": len(case.instances)})
    return case


def _check(actor: Actor, draft: CaseDraft) -> None:
    if actor.role not in AUTHORS:
        raise CaseRefused("Only an attending or a reviewer can make a teaching case.")
    if not draft.title.strip():
        raise CaseRefused("A teaching case needs a title.")
    if not 1 <= draft.difficulty <= 3:
        raise CaseRefused("Difficulty is 1 (basic), 2 or 3 (advanced).")


def _final_report(session: Session, exam: Exam) -> tuple[str, str]:
    report = report_of(session, exam)
    final = report.latest_of(VersionKind.FINAL) if report else None
    if final is None:
        raise CaseRefused(f"Exam {exam.accession_number} has no signed report yet; a "
                          "teaching case is made from a signed exam.")
    addenda = [v.findings for v in report.versions
               if v.kind is VersionKind.ADDENDUM and v.number > final.number]
    return "\n".join([final.findings, *addenda]), final.impression


def _chosen(session: Session, exam: Exam, series_uids: tuple[str, ...]) -> list[Instance]:
    study = session.scalar(select(Study).where(Study.exam_id == exam.id))
    if study is None:
        raise CaseRefused(f"Exam {exam.accession_number} has no images on this site.")
    chosen = []
    for series in study.series:
        marks = series.modality == PRESENTATION_STATE
        if marks or not series_uids or series.series_instance_uid in series_uids:
            chosen += latest_instances(series.instances)
    if not any(s.modality != PRESENTATION_STATE for s in study.series
               if not series_uids or s.series_instance_uid in series_uids):
        raise CaseRefused("None of the chosen series is on this site.")
    return chosen


def _build(session: Session, exam: Exam, actor: Actor, draft: CaseDraft, case_uid: str,
           report: tuple[str, str], instances: list[Instance], archive_dir: Path,
           folder: Path) -> TeachingCase:
    datasets = [(i, _read(archive_dir / i.path)) for i in instances]
    images = [ds for i, ds in datasets if i.series.modality != PRESENTATION_STATE]
    identities = _identities(exam, images[0])
    deid = CaseDeidentifier(case_uid, identities)
    case = TeachingCase(uid=case_uid, title=draft.title.strip(), diagnosis=draft.diagnosis,
                        modality=exam.modality, body_part=draft.body_part or exam.body_part,
                        difficulty=draft.difficulty, tags=", ".join(
                            t.strip().lower() for t in draft.tags if t.strip()),
                        teaching_points=deid.scrub_text(draft.teaching_points),
                        findings=deid.scrub_text(report[0]),
                        impression=deid.scrub_text(report[1]),
                        author_username=actor.username, author_name=actor.display_name,
                        origin_site=actor.site_code, source_exam_id=exam.id)
    referenced: set[str] = set()
    folder.mkdir(parents=True, exist_ok=True)
    for n, (instance, ds) in enumerate(datasets):
        try:
            deid.deidentify(ds)
        except DeidentificationRefused as exc:
            raise CaseRefused(f"Series {instance.series.series_number or ''} "
                              f"({instance.series.description}): {exc}") from None
        referenced |= _marked(ds)
        case.instances.append(_write(ds, folder, n, case_uid))
    for item in case.instances:
        item.key_image = item.sop_instance_uid in referenced
    case.study_instance_uid = str(images[0].StudyInstanceUID)
    case.deid_mapping = json.dumps(deid.mapping.to_dict())
    session.add(case)
    session.flush()
    return case


def _read(path: Path) -> pydicom.Dataset:
    try:
        return pydicom.dcmread(path)
    except (OSError, InvalidDicomError) as exc:
        raise CaseRefused(f"An image of this exam cannot be read from the archive "
                          f"({path.name}: {exc}).") from None


def _identities(exam: Exam, first: pydicom.Dataset) -> CaseIdentities:
    patient = exam.patient
    names = [patient.name, patient.name_phonetic]
    identifiers = [exam.accession_number, exam.admission_id, patient.national_id or "",
                   patient.phone or "", *(i.value for i in patient.identifiers)]
    return CaseIdentities.from_dataset(first, names=[n for n in names if n],
                                       identifiers=[i for i in identifiers if i])


def _marked(ds: pydicom.Dataset) -> set[str]:
    """SOP Instance UIDs a presentation state draws on (the case's key images)."""
    found = set()
    for annotation in ds.get("GraphicAnnotationSequence", []):
        for ref in annotation.get("ReferencedImageSequence", []):
            found.add(str(ref.ReferencedSOPInstanceUID))
    return found


def _write(ds: pydicom.Dataset, folder: Path, n: int, case_uid: str) -> TeachingInstance:
    buffer = io.BytesIO()
    ds.save_as(buffer, enforce_file_format=True)
    data = buffer.getvalue()
    name = f"{n:04d}.dcm"
    write_atomically(folder / name, lambda handle: handle.write(data))
    return TeachingInstance(sop_instance_uid=str(ds.SOPInstanceUID),
                            series_instance_uid=str(ds.SeriesInstanceUID),
                            sop_class_uid=str(ds.SOPClassUID), modality=str(ds.Modality),
                            path=f"{case_uid}/{name}", size=len(data),
                            sha256=hashlib.sha256(data).hexdigest())
