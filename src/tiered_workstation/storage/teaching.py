"""Teaching cases and their lessons, courses, who studied what, the community's offline
copies, and the peer review (RADPEER grade) of each community preliminary."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, UTCDateTime, enum_column, utcnow
from .enums import DownloadState, LessonKind, PeerReviewGrade, StudyActivity


class TeachingCase(Base):
    """A de-identified case in the library. Its images and report hold no patient data;
    only the center that made it keeps the link back (``source_exam_id``, ``deid_mapping``),
    and neither ever leaves the center."""

    __tablename__ = "teaching_cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    diagnosis: Mapped[str] = mapped_column(String(200), default="")
    modality: Mapped[str] = mapped_column(String(16), default="")
    body_part: Mapped[str] = mapped_column(String(16), default="", index=True)
    difficulty: Mapped[int] = mapped_column(Integer, default=1)  # 1 basic .. 3 advanced
    tags: Mapped[str] = mapped_column(Text, default="")  # comma-separated, lower case
    teaching_points: Mapped[str] = mapped_column(Text, default="")
    findings: Mapped[str] = mapped_column(Text, default="")  # the scrubbed final report
    impression: Mapped[str] = mapped_column(Text, default="")
    study_instance_uid: Mapped[str] = mapped_column(String(64), default="")  # de-identified
    author_username: Mapped[str] = mapped_column(String(64))
    author_name: Mapped[str] = mapped_column(String(128), default="")
    origin_site: Mapped[str] = mapped_column(String(8), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # center only: the exam it came from and the de-identification mapping (JSON)
    source_exam_id: Mapped[int | None] = mapped_column(
        ForeignKey("exams.id", ondelete="SET NULL"), index=True)
    deid_mapping: Mapped[str] = mapped_column(Text, default="")
    # community only: a copy downloaded for offline study (files encrypted at rest)
    offline: Mapped[bool] = mapped_column(Boolean, default=False)

    instances: Mapped[list[TeachingInstance]] = relationship(
        back_populates="case", order_by="TeachingInstance.id", cascade="all, delete-orphan")
    lessons: Mapped[list[Lesson]] = relationship(
        back_populates="case", order_by="Lesson.id", cascade="all, delete-orphan")

    @property
    def tag_list(self) -> list[str]:
        return [t for t in (p.strip() for p in self.tags.split(",")) if t]


class TeachingInstance(Base):
    """One de-identified DICOM file of a case (an image or its presentation state), in
    the teaching archive, never the clinical one. ``path`` is relative to that archive."""

    __tablename__ = "teaching_instances"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("teaching_cases.id", ondelete="CASCADE"),
                                         index=True)
    sop_instance_uid: Mapped[str] = mapped_column(String(64), unique=True)
    series_instance_uid: Mapped[str] = mapped_column(String(64), default="")
    sop_class_uid: Mapped[str] = mapped_column(String(64), default="")
    modality: Mapped[str] = mapped_column(String(16), default="")
    path: Mapped[str] = mapped_column(String(512))
    size: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    key_image: Mapped[bool] = mapped_column(Boolean, default=False)

    case: Mapped[TeachingCase] = relationship(back_populates="instances")


class Lesson(Base):
    """A recorded lesson on a case: the media file (voice or video) and the timeline of
    viewer actions (JSON) that replays in step with it."""

    __tablename__ = "lessons"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("teaching_cases.id", ondelete="CASCADE"),
                                         index=True)
    kind: Mapped[LessonKind] = mapped_column(enum_column(LessonKind))
    title: Mapped[str] = mapped_column(String(200), default="")
    media_type: Mapped[str] = mapped_column(String(64), default="")
    path: Mapped[str] = mapped_column(String(512), default="")  # relative, teaching archive
    size: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    duration_ms: Mapped[int] = mapped_column(Integer, default=0)
    timeline: Mapped[str] = mapped_column(Text, default="")
    author_username: Mapped[str] = mapped_column(String(64))
    author_name: Mapped[str] = mapped_column(String(128), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    case: Mapped[TeachingCase] = relationship(back_populates="lessons")


class Course(Base):
    """An ordered set of cases, downloaded together for offline study."""

    __tablename__ = "courses"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    author_username: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    entries: Mapped[list[CourseCase]] = relationship(
        back_populates="course", order_by="CourseCase.position", cascade="all, delete-orphan")


class CourseCase(Base):
    __tablename__ = "course_cases"
    __table_args__ = (UniqueConstraint("course_id", "case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"),
                                           index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("teaching_cases.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)

    course: Mapped[Course] = relationship(back_populates="entries")
    case: Mapped[TeachingCase] = relationship()


class StudyRecord(Base):
    """Who studied what and when (a case opened, a lesson watched, a quiz taken). Written
    where the learner is and sent to the center, which keeps them all."""

    __tablename__ = "study_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    username: Mapped[str] = mapped_column(String(64), index=True)
    user_name: Mapped[str] = mapped_column(String(128), default="")
    site_code: Mapped[str] = mapped_column(String(8), default="")
    case_uid: Mapped[str] = mapped_column(String(36), index=True)
    lesson_uid: Mapped[str] = mapped_column(String(36), default="")
    activity: Mapped[StudyActivity] = mapped_column(enum_column(StudyActivity))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    quiz_findings: Mapped[str] = mapped_column(Text, default="")
    quiz_impression: Mapped[str] = mapped_column(Text, default="")
    quiz_agreement: Mapped[float | None] = mapped_column(Float)  # 0..1 against the answer


class TeachingDownload(Base):
    """A community's download of a case for offline study: resumable, byte-counted."""

    __tablename__ = "teaching_downloads"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_uid: Mapped[str] = mapped_column(String(36), unique=True)
    course_uid: Mapped[str] = mapped_column(String(36), default="")
    state: Mapped[DownloadState] = mapped_column(enum_column(DownloadState),
                                                 default=DownloadState.QUEUED)
    bytes_total: Mapped[int] = mapped_column(Integer, default=0)
    bytes_done: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PeerReview(Base):
    """How far the signed final is from a community preliminary: edit distances, whether
    the impression changed, and the RADPEER-style grade the reviewer picked (with the
    grade proposed from the diff). One per signed exam with a preliminary; kept at the
    center and at the community that wrote the preliminary."""

    __tablename__ = "peer_reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    exam_id: Mapped[int] = mapped_column(ForeignKey("exams.id", ondelete="CASCADE"),
                                         unique=True)
    author_username: Mapped[str] = mapped_column(String(64), index=True)
    author_name: Mapped[str] = mapped_column(String(128), default="")
    author_site: Mapped[str] = mapped_column(String(8), default="")
    reviewer_username: Mapped[str] = mapped_column(String(64), default="")
    reviewer_name: Mapped[str] = mapped_column(String(128), default="")
    modality: Mapped[str] = mapped_column(String(16), default="")
    body_part: Mapped[str] = mapped_column(String(16), default="")
    findings_distance: Mapped[float] = mapped_column(Float, default=0.0)  # 0 same .. 1
    impression_distance: Mapped[float] = mapped_column(Float, default=0.0)
    impression_changed: Mapped[bool] = mapped_column(Boolean, default=False)
    proposed_grade: Mapped[PeerReviewGrade] = mapped_column(enum_column(PeerReviewGrade))
    grade: Mapped[PeerReviewGrade] = mapped_column(enum_column(PeerReviewGrade))
    reviewed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
