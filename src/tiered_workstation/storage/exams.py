"""Exams (orders), their timeline, requisition scans and the accession counter."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, UTCDateTime, enum_column, utcnow
from .enums import ExamState, PatientSource, Priority, ReadingMode, Role
from .patients import Patient


class Exam(Base):
    """One ordered imaging exam: the unit that travels the closed loop.

    The accession number is unique across the consortium and the Study
    Instance UID is assigned at registration, so the images the modality sends
    can be matched by either.
    """

    __tablename__ = "exams"

    id: Mapped[int] = mapped_column(primary_key=True)
    accession_number: Mapped[str] = mapped_column(String(16), unique=True)
    study_instance_uid: Mapped[str] = mapped_column(String(64), unique=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    site_code: Mapped[str] = mapped_column(ForeignKey("sites.code"), index=True)
    procedure_code: Mapped[str] = mapped_column(String(16))
    procedure_description: Mapped[str] = mapped_column(String(64))
    modality: Mapped[str] = mapped_column(String(16))
    body_part: Mapped[str] = mapped_column(String(16), default="")
    priority: Mapped[Priority] = mapped_column(enum_column(Priority), default=Priority.ROUTINE)
    reading_mode: Mapped[ReadingMode] = mapped_column(enum_column(ReadingMode))
    state: Mapped[ExamState] = mapped_column(enum_column(ExamState), index=True)
    scheduled_station_ae: Mapped[str | None] = mapped_column(String(16))
    scheduled_start: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # the requesting doctor (申请医生), sent as Referring and Requesting Physician
    referring_physician: Mapped[str] = mapped_column(String(64), default="")
    patient_source: Mapped[PatientSource] = mapped_column(
        enum_column(PatientSource), default=PatientSource.OUTPATIENT,
        server_default=PatientSource.OUTPATIENT.value)
    requesting_department: Mapped[str] = mapped_column(String(64), default="",
                                                       server_default="")
    admission_id: Mapped[str] = mapped_column(String(64), default="", server_default="")
    # DICOM Age String ("045Y") when the patient knows an age but not a birth date.
    patient_age: Mapped[str] = mapped_column(String(4), default="", server_default="")
    clinical_info: Mapped[str] = mapped_column(Text, default="")
    registered_by: Mapped[str] = mapped_column(String(64))
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    state_changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    row_version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": row_version}

    patient: Mapped[Patient] = relationship(lazy="joined")
    transitions: Mapped[list[ExamTransition]] = relationship(
        back_populates="exam", order_by="ExamTransition.id", cascade="all, delete-orphan")
    attachments: Mapped[list[RequisitionAttachment]] = relationship(
        back_populates="exam", cascade="all, delete-orphan")

    @property
    def record_number(self) -> str:
        """The patient's record number (病历号) at the site of this exam, or ""."""
        return self.patient.identifier_at(self.site_code) or ""

    @property
    def inpatient_admission_id(self) -> str:
        """The admission ID (住院号) when the patient is an inpatient, else ""."""
        return self.admission_id if self.patient_source is PatientSource.INPATIENT else ""

    def reached_at(self) -> dict[ExamState, datetime]:
        """When the exam last entered each state it has been in (per-state timestamps)."""
        return {t.to_state: t.at for t in self.transitions}


class ExamTransition(Base):
    """One step of an exam's timeline: who moved it from which state to which, when."""

    __tablename__ = "exam_transitions"

    id: Mapped[int] = mapped_column(primary_key=True)
    exam_id: Mapped[int] = mapped_column(ForeignKey("exams.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(32))
    from_state: Mapped[ExamState | None] = mapped_column(enum_column(ExamState))
    to_state: Mapped[ExamState] = mapped_column(enum_column(ExamState))
    actor_username: Mapped[str] = mapped_column(String(64))
    actor_name: Mapped[str] = mapped_column(String(128), default="")
    actor_role: Mapped[Role] = mapped_column(enum_column(Role))
    actor_site: Mapped[str] = mapped_column(String(8))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    note: Mapped[str] = mapped_column(Text, default="")

    exam: Mapped[Exam] = relationship(back_populates="transitions")


class RequisitionAttachment(Base):
    """A scanned paper requisition (JPEG/PNG/PDF) kept in the data folder."""

    __tablename__ = "requisition_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    exam_id: Mapped[int] = mapped_column(ForeignKey("exams.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(64))
    size_bytes: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    stored_path: Mapped[str] = mapped_column(String(512))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    exam: Mapped[Exam] = relationship(back_populates="attachments")


class AccessionCounter(Base):
    """Last accession sequence number issued by a site on a day."""

    __tablename__ = "accession_counters"

    site_code: Mapped[str] = mapped_column(String(8), primary_key=True)
    day: Mapped[str] = mapped_column(String(6), primary_key=True)  # YYMMDD, site local date
    last_value: Mapped[int] = mapped_column(Integer, default=0)
