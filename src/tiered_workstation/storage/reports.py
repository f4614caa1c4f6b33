"""Reports and every version of them, assignments, consultation, print jobs."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, UTCDateTime, enum_column, utcnow
from .enums import ImagePurpose, PrintStatus, ReportStatus, Role, VersionKind


class Report(Base):
    """The report of one exam. Its text lives in versions, which are never edited."""

    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    exam_id: Mapped[int] = mapped_column(ForeignKey("exams.id", ondelete="CASCADE"),
                                         unique=True)
    status: Mapped[ReportStatus] = mapped_column(enum_column(ReportStatus),
                                                 default=ReportStatus.DRAFT)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    versions: Mapped[list[ReportVersion]] = relationship(
        back_populates="report", order_by="ReportVersion.number", cascade="all, delete-orphan")

    @property
    def latest(self) -> ReportVersion | None:
        return self.versions[-1] if self.versions else None

    def latest_of(self, *kinds: VersionKind) -> ReportVersion | None:
        return next((v for v in reversed(self.versions) if v.kind in kinds), None)


class ReportVersion(Base):
    """One saved state of a report: findings (影像所见) and impression (诊断意见)."""

    __tablename__ = "report_versions"
    __table_args__ = (UniqueConstraint("report_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"),
                                           index=True)
    number: Mapped[int] = mapped_column(Integer)
    kind: Mapped[VersionKind] = mapped_column(enum_column(VersionKind))
    findings: Mapped[str] = mapped_column(Text, default="")
    impression: Mapped[str] = mapped_column(Text, default="")
    comment: Mapped[str] = mapped_column(Text, default="")
    author_username: Mapped[str] = mapped_column(String(64))
    author_name: Mapped[str] = mapped_column(String(128), default="")
    author_role: Mapped[Role] = mapped_column(enum_column(Role))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    signature: Mapped[bytes | None] = mapped_column(LargeBinary)
    signer_certificate: Mapped[str | None] = mapped_column(Text)

    report: Mapped[Report] = relationship(back_populates="versions")
    images: Mapped[list[ReportImage]] = relationship(
        back_populates="version", order_by="ReportImage.position", cascade="all, delete-orphan",
        lazy="selectin")


class ReportImage(Base):
    """An image embedded in a report version (PNG bytes, part of what is signed): a key
    image, or the reader's or the signer's handwritten signature as enrolled when the
    version was signed (``purpose``)."""

    __tablename__ = "report_images"

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("report_versions.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    caption: Mapped[str] = mapped_column(String(128), default="")
    media_type: Mapped[str] = mapped_column(String(32), default="image/png")
    data: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    purpose: Mapped[str] = mapped_column(String(16), default=ImagePurpose.KEY.value,
                                         server_default=ImagePurpose.KEY.value)

    version: Mapped[ReportVersion] = relationship(back_populates="images")


class ReportDraft(Base):
    """Unsubmitted typing, saved every few seconds so a crash loses at most seconds.

    One row per exam and author, overwritten by each autosave and removed when
    the text becomes a version."""

    __tablename__ = "report_drafts"
    __table_args__ = (UniqueConstraint("exam_id", "username"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    exam_id: Mapped[int] = mapped_column(ForeignKey("exams.id", ondelete="CASCADE"), index=True)
    username: Mapped[str] = mapped_column(String(64))
    findings: Mapped[str] = mapped_column(Text, default="")
    impression: Mapped[str] = mapped_column(Text, default="")
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AssignmentRule(Base):
    """Triage rule: exams matching modality / body part / source site go to a group
    (and, when given and available, a preferred reader). Empty fields match anything;
    the lowest position that matches wins."""

    __tablename__ = "assignment_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    modality: Mapped[str] = mapped_column(String(16), default="")
    body_part: Mapped[str] = mapped_column(String(16), default="")
    source_site: Mapped[str] = mapped_column(String(8), default="")
    group_code: Mapped[str] = mapped_column(String(16))
    assignee_username: Mapped[str | None] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Assignment(Base):
    """Who should read an exam: a reader, a specialty group, or both."""

    __tablename__ = "assignments"

    id: Mapped[int] = mapped_column(primary_key=True)
    exam_id: Mapped[int] = mapped_column(ForeignKey("exams.id", ondelete="CASCADE"), index=True)
    assignee_username: Mapped[str | None] = mapped_column(String(64), index=True)
    group_code: Mapped[str | None] = mapped_column(String(16), index=True)
    assigned_by: Mapped[str] = mapped_column(String(64))
    assigned_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    reason: Mapped[str] = mapped_column(Text, default="")


class ConsultationMessage(Base):
    """A message in the expert-group discussion of a hard case."""

    __tablename__ = "consultation_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    exam_id: Mapped[int] = mapped_column(ForeignKey("exams.id", ondelete="CASCADE"), index=True)
    author_username: Mapped[str] = mapped_column(String(64))
    author_name: Mapped[str] = mapped_column(String(128), default="")
    text: Mapped[str] = mapped_column(Text)
    key_image_uid: Mapped[str | None] = mapped_column(String(64))
    is_conclusion: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PrintJob(Base):
    """A request to print one report version, tracked until the page is out."""

    __tablename__ = "print_jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    exam_id: Mapped[int] = mapped_column(ForeignKey("exams.id", ondelete="CASCADE"), index=True)
    report_version_id: Mapped[int | None] = mapped_column(ForeignKey("report_versions.id"))
    printer: Mapped[str] = mapped_column(String(128), default="")
    copies: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[PrintStatus] = mapped_column(enum_column(PrintStatus),
                                                default=PrintStatus.QUEUED, index=True)
    requested_by: Mapped[str] = mapped_column(String(64))
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    pdf_path: Mapped[str | None] = mapped_column(String(512))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    # a reprint is marked "copy" on the page
    is_copy: Mapped[bool] = mapped_column(Boolean, default=False)
    # "auto:<version id>" for the unattended print of a version: unique, so that
    # version prints by itself exactly once whatever restarts happen
    auto_key: Mapped[str | None] = mapped_column(String(32), unique=True)
