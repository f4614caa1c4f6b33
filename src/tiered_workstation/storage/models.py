"""All ORM models in one namespace (what Alembic and callers import)."""

from .base import Base
from .exams import AccessionCounter, Exam, ExamTransition, RequisitionAttachment
from .forwarding import ForwardItem, ForwardJob
from .imaging import Instance, PerformedProcedureStep, Series, Study
from .messaging import AuditEvent, InboxMessage, OutboxMessage
from .patients import Patient, PatientIdentifier
from .reports import (
    Assignment,
    AssignmentRule,
    ConsultationMessage,
    PrintJob,
    Report,
    ReportDraft,
    ReportImage,
    ReportVersion,
)
from .sites import (
    GroupMember,
    HandwrittenSignature,
    ProgramVersion,
    SigningKey,
    Site,
    SpecialtyGroup,
    User,
    UserRole,
)
from .teaching import (
    Course,
    CourseCase,
    Lesson,
    PeerReview,
    StudyRecord,
    TeachingCase,
    TeachingDownload,
    TeachingInstance,
)

__all__ = [
    "AccessionCounter",
    "Assignment",
    "AssignmentRule",
    "AuditEvent",
    "Base",
    "ConsultationMessage",
    "Course",
    "CourseCase",
    "Exam",
    "ExamTransition",
    "ForwardItem",
    "ForwardJob",
    "GroupMember",
    "HandwrittenSignature",
    "InboxMessage",
    "Instance",
    "Lesson",
    "OutboxMessage",
    "Patient",
    "PatientIdentifier",
    "PeerReview",
    "PerformedProcedureStep",
    "PrintJob",
    "ProgramVersion",
    "Report",
    "ReportDraft",
    "ReportImage",
    "ReportVersion",
    "RequisitionAttachment",
    "Series",
    "SigningKey",
    "Site",
    "SpecialtyGroup",
    "Study",
    "StudyRecord",
    "TeachingCase",
    "TeachingDownload",
    "TeachingInstance",
    "User",
    "UserRole",
]
