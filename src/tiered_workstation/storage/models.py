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
    SigningKey,
    Site,
    SpecialtyGroup,
    User,
    UserRole,
)

__all__ = [
    "AccessionCounter",
    "Assignment",
    "AssignmentRule",
    "AuditEvent",
    "Base",
    "ConsultationMessage",
    "Exam",
    "ExamTransition",
    "ForwardItem",
    "ForwardJob",
    "GroupMember",
    "HandwrittenSignature",
    "InboxMessage",
    "Instance",
    "OutboxMessage",
    "Patient",
    "PatientIdentifier",
    "PerformedProcedureStep",
    "PrintJob",
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
    "User",
    "UserRole",
]
