"""Enumerations stored in the database.

They live with the entities (the lowest layer that needs them); the workflow
package gives them their meaning.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """What a person (or the node itself) may do."""

    TECHNICIAN = "technician"
    COMMUNITY_DOCTOR = "community_doctor"
    ATTENDING = "attending"
    REVIEWER = "reviewer"
    TRIAGE = "triage"
    ADMIN = "admin"
    SYSTEM = "system"  # node services: MPPS, forwarder, auto-print; cannot log in

    @classmethod
    def human_roles(cls) -> tuple[Role, ...]:
        return tuple(r for r in cls if r is not cls.SYSTEM)


class ExamState(StrEnum):
    REGISTERED = "registered"
    SCHEDULED = "scheduled"
    IN_PROGRESS = "in_progress"
    ACQUIRED = "acquired"
    TRANSFERRED = "transferred"
    ASSIGNED = "assigned"
    PRELIMINARY = "preliminary"
    IN_CONSULTATION = "in_consultation"
    FINAL = "final"
    PRINTED = "printed"
    CANCELLED = "cancelled"


class ReadingMode(StrEnum):
    COMMUNITY_PRELIM = "community-prelim"  # community doctor writes, center reviews
    CENTER_FULL = "center-full"  # center writes and reviews


class Priority(StrEnum):
    ROUTINE = "routine"
    URGENT = "urgent"
    STAT = "stat"


class PatientSource(StrEnum):
    """Where the patient comes from (患者来源): which desk sent her."""

    OUTPATIENT = "outpatient"  # 门诊
    INPATIENT = "inpatient"  # 住院
    HEALTH_CHECK = "health-check"  # 体检
    EMERGENCY = "emergency"  # 急诊


class Sex(StrEnum):
    """DICOM Patient's Sex (0010,0040) values."""

    MALE = "M"
    FEMALE = "F"
    OTHER = "O"
    UNKNOWN = "U"


class ReportStatus(StrEnum):
    DRAFT = "draft"
    PRELIMINARY = "preliminary"
    FINAL = "final"


class VersionKind(StrEnum):
    """Why a report version was written."""

    DRAFT = "draft"  # autosave / work in progress
    PRELIMINARY = "preliminary"  # submitted for review
    REVIEW = "review"  # reviewer's edit of the preliminary
    FINAL = "final"  # signed
    ADDENDUM = "addendum"  # added after signing


class ImagePurpose(StrEnum):
    """What an image embedded in a report version is for."""

    KEY = "key"  # a key image the reader chose; printed under 关键图像
    READER_HAND = "reader_hand"  # the reader's handwritten signature
    SIGNER_HAND = "signer_hand"  # the signer's (reviewer's) handwritten signature


class PrintStatus(StrEnum):
    QUEUED = "queued"
    PRINTING = "printing"
    PRINTED = "printed"
    FAILED = "failed"
    CANCELLED = "cancelled"


class AuditOutcome(StrEnum):
    SUCCESS = "success"
    REFUSED = "refused"
    FAILURE = "failure"


class PeerReviewGrade(StrEnum):
    """RADPEER-style agreement of the signed final with the community's preliminary,
    picked by the reviewer at sign-off (1 agree, 2 minor, 3 major discrepancy)."""

    AGREE = "agree"
    MINOR = "minor"
    MAJOR = "major"

    @property
    def score(self) -> int:
        return {"agree": 1, "minor": 2, "major": 3}[self.value]


class LessonKind(StrEnum):
    VOICE = "voice"  # narration, with the viewer's actions on a timeline
    VIDEO = "video"  # screen-and-voice video of the viewer


class StudyActivity(StrEnum):
    """What a learner did with a teaching case."""

    OPENED = "opened"
    LESSON = "lesson"  # watched or listened to a lesson
    QUIZ = "quiz"  # wrote a report on the unknown case, then saw the answer


class DownloadState(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
