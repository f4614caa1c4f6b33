"""Validated payloads of the sync API (``/v1``), shared by server and client.

Each message a site sends carries its outbox UUID as ``message_id``; the
receiver applies it once however often it arrives.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from ..storage.enums import (
    ExamState,
    ImagePurpose,
    PatientSource,
    PeerReviewGrade,
    Priority,
    ReadingMode,
    Role,
    Sex,
    StudyActivity,
)

Code = Annotated[str, StringConstraints(min_length=1, max_length=16)]
Accession = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9]{1,16}$")]
Uid = Annotated[str, StringConstraints(pattern=r"^[0-9]+(\.[0-9]+)*$", max_length=64)]
MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ActorIn(Strict):
    username: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    name: str = ""
    role: Role
    site: Code


class PatientIn(Strict):
    consortium_id: Annotated[str, StringConstraints(min_length=8, max_length=36)]
    name: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    name_phonetic: str = Field("", max_length=64)
    sex: Sex = Sex.UNKNOWN
    birth_date: date | None = None
    national_id: Annotated[str, StringConstraints(pattern=r"^[0-9]{17}[0-9Xx]$")] | None = None
    record_number: str | None = Field(None, min_length=1, max_length=64)  # at the exam's site


class ExamIn(Strict):
    accession_number: Accession
    study_instance_uid: Uid
    procedure_code: Code
    procedure_description: str = Field(max_length=64)
    modality: Code
    body_part: str = Field("", max_length=16)
    priority: Priority = Priority.ROUTINE
    reading_mode: ReadingMode
    scheduled_station_ae: str | None = Field(None, max_length=16)
    referring_physician: str = Field("", max_length=64)
    clinical_info: str = Field("", max_length=2000)
    patient_age: str = Field("", pattern=r"^([0-9]{3}[DWMY])?$")
    patient_source: PatientSource = PatientSource.OUTPATIENT
    requesting_department: str = Field("", max_length=64)
    admission_id: str = Field("", max_length=64)
    patient: PatientIn


class RegistrationIn(Strict):
    message_id: UUID
    at: datetime
    actor: ActorIn
    exam: ExamIn


class TransitionIn(Strict):
    message_id: UUID
    action: str = Field(min_length=1, max_length=32)
    from_state: ExamState | None = None
    to_state: ExamState
    at: datetime
    actor: ActorIn
    note: str = Field("", max_length=2000)


class AttachmentIn(Strict):
    filename: Annotated[str, StringConstraints(min_length=1, max_length=255)]
    data_base64: Annotated[str, StringConstraints(max_length=MAX_ATTACHMENT_BYTES * 4 // 3 + 4)]


class RequisitionsIn(Strict):
    message_id: UUID
    attachments: list[AttachmentIn] = Field(max_length=10)


class ReportImageIn(Strict):
    caption: str = Field(default="", max_length=128)
    media_type: str = Field(default="image/png", max_length=32)
    purpose: ImagePurpose = ImagePurpose.KEY  # a key image or a handwritten signature
    data_base64: Annotated[str, StringConstraints(max_length=MAX_ATTACHMENT_BYTES * 4 // 3 + 4)]


class ReportIn(Strict):
    message_id: UUID
    at: datetime
    author: ActorIn
    findings: str = Field(max_length=20000)
    impression: str = Field(max_length=5000)
    # signed versions (final, addendum): Ed25519 signature (base64), signer certificate
    signature: str | None = Field(default=None, max_length=200)
    certificate: str | None = Field(default=None, max_length=8000)
    images: list[ReportImageIn] = Field(default_factory=list, max_length=12)


class PeerReviewIn(Strict):
    """The grade of a community preliminary, carried back with the signed final."""

    author_username: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    author_name: str = Field(default="", max_length=128)
    author_site: str = Field(default="", max_length=8)
    reviewer_username: str = Field(default="", max_length=64)
    reviewer_name: str = Field(default="", max_length=128)
    modality: str = Field(default="", max_length=16)
    body_part: str = Field(default="", max_length=16)
    findings_distance: float = Field(ge=0, le=1)
    impression_distance: float = Field(ge=0, le=1)
    impression_changed: bool
    proposed_grade: PeerReviewGrade
    grade: PeerReviewGrade
    reviewed_at: datetime


class StudyRecordIn(Strict):
    """What a community doctor studied (a case opened, a lesson watched, a quiz taken)."""

    message_id: UUID
    uid: UUID
    username: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    user_name: str = Field(default="", max_length=128)
    site_code: Code
    case_uid: Annotated[str, StringConstraints(min_length=1, max_length=36)]
    lesson_uid: str = Field(default="", max_length=36)
    activity: StudyActivity
    started_at: datetime
    finished_at: datetime | None = None
    quiz_findings: str = Field(default="", max_length=20000)
    quiz_impression: str = Field(default="", max_length=5000)
    quiz_agreement: float | None = Field(default=None, ge=0, le=1)


class Accepted(BaseModel):
    message_id: UUID
    status: str  # "applied" | "duplicate"


class FeedEvent(BaseModel):
    id: int
    message_id: UUID
    topic: str
    accession_number: str
    payload: dict[str, Any]


class Feed(BaseModel):
    events: list[FeedEvent]
    cursor: int


class ReportOut(BaseModel):
    status: str
    findings: str
    impression: str
    authors: list[str]
    updated_at: datetime


class ExamHistory(BaseModel):
    accession_number: str
    site_code: str
    study_instance_uid: str
    procedure_description: str
    modality: str
    state: ExamState
    registered_at: datetime
    report: ReportOut | None
    # what the requisition said (defaults: an older center does not send them)
    record_number: str = ""  # the patient's record number at the exam's site
    patient_source: PatientSource = PatientSource.OUTPATIENT
    requesting_department: str = ""
    referring_physician: str = ""
    admission_id: str = ""  # inpatients only


class PatientHistory(BaseModel):
    consortium_id: str
    name: str
    name_phonetic: str
    sex: Sex
    birth_date: date | None
    exams: list[ExamHistory]
