"""Patients, identified across the consortium and at each site."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, UTCDateTime, enum_column, utcnow
from .enums import Sex


def mask_national_id(value: str | None) -> str:
    """Show only the region prefix and the last four characters: 110105********0018."""
    if not value:
        return ""
    if len(value) <= 8:
        return "*" * len(value)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


class Patient(Base):
    """One person, however many sites have seen them.

    ``name`` is the ideographic form people read (张三); ``name_phonetic`` the
    DICOM-style phonetic form (Zhang^San) used for the alphabetic PN group.
    """

    __tablename__ = "patients"

    id: Mapped[int] = mapped_column(primary_key=True)
    consortium_id: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(64), index=True)
    name_phonetic: Mapped[str] = mapped_column(String(64), default="")
    sex: Mapped[Sex] = mapped_column(enum_column(Sex, 1), default=Sex.UNKNOWN)
    birth_date: Mapped[date | None] = mapped_column(Date)
    national_id: Mapped[str | None] = mapped_column(String(18), unique=True)
    phone: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    identifiers: Mapped[list[PatientIdentifier]] = relationship(
        back_populates="patient", cascade="all, delete-orphan", lazy="selectin")

    @property
    def national_id_masked(self) -> str:
        return mask_national_id(self.national_id)

    def update_demographics(self, *, name: str, name_phonetic: str, sex: Sex,
                            birth_date: date | None, national_id: str | None) -> None:
        """Take newer details; an empty value never erases a known one (but sex and
        name are always as given)."""
        self.name = name
        self.name_phonetic = name_phonetic or self.name_phonetic or ""
        self.sex = sex
        self.birth_date = birth_date or self.birth_date
        self.national_id = national_id or self.national_id

    def identifier_at(self, issuer: str) -> str | None:
        """The patient ID this issuer (usually a site code) uses, if any."""
        return next((i.value for i in self.identifiers if i.issuer == issuer), None)


class PatientIdentifier(Base):
    """A patient ID as issued by one site (DICOM Patient ID + Issuer of Patient ID).

    The value a site issues is its hospital record number (病历号): what people
    read and type, sent as Patient ID; the consortium UUID stays internal.
    """

    __tablename__ = "patient_identifiers"
    __table_args__ = (UniqueConstraint("issuer", "value"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"),
                                            index=True)
    issuer: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(64))

    patient: Mapped[Patient] = relationship(back_populates="identifiers")


class RecordNumberCounter(Base):
    """Last record-number sequence a site issued in one period of its pattern.

    ``scope`` is the pattern with its date parts filled and the sequence left
    out (``CM012026#``), so a new year, or a new pattern, starts a new count.
    """

    __tablename__ = "record_number_counters"

    site_code: Mapped[str] = mapped_column(String(8), primary_key=True)
    scope: Mapped[str] = mapped_column(String(64), primary_key=True)
    last_value: Mapped[int] = mapped_column(Integer, default=0)
