"""Translated names of domain values (states, priorities, roles, reading modes, turnaround,
triage reasons)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..config import PeerKind
from ..storage.enums import ExamState, PatientSource, Priority, ReadingMode, Role
from ..workflow.assignment import Reason, ReasonKind
from ..workflow.tat import TatStatus


def state_label(state: ExamState) -> str:
    labels = {
        ExamState.REGISTERED: QCoreApplication.translate("ExamState", "Registered"),
        ExamState.SCHEDULED: QCoreApplication.translate("ExamState", "Scheduled"),
        ExamState.IN_PROGRESS: QCoreApplication.translate("ExamState", "Imaging"),
        ExamState.ACQUIRED: QCoreApplication.translate("ExamState", "Images taken"),
        ExamState.TRANSFERRED: QCoreApplication.translate("ExamState", "At center"),
        ExamState.ASSIGNED: QCoreApplication.translate("ExamState", "Assigned"),
        ExamState.PRELIMINARY: QCoreApplication.translate("ExamState", "Preliminary"),
        ExamState.IN_CONSULTATION: QCoreApplication.translate("ExamState", "Consultation"),
        ExamState.FINAL: QCoreApplication.translate("ExamState", "Signed"),
        ExamState.PRINTED: QCoreApplication.translate("ExamState", "Printed"),
        ExamState.CANCELLED: QCoreApplication.translate("ExamState", "Cancelled"),
    }
    return labels.get(state, state.value)


def priority_label(priority: Priority) -> str:
    labels = {Priority.ROUTINE: QCoreApplication.translate("Priority", "Routine"),
              Priority.URGENT: QCoreApplication.translate("Priority", "Urgent"),
              Priority.STAT: QCoreApplication.translate("Priority", "STAT")}
    return labels.get(priority, priority.value)


def source_label(source: PatientSource) -> str:
    """Where the patient comes from (the registration desk's words and context)."""
    labels = {
        PatientSource.OUTPATIENT: QCoreApplication.translate("QtRegistrationPage", "Outpatient"),
        PatientSource.INPATIENT: QCoreApplication.translate("QtRegistrationPage", "Inpatient"),
        PatientSource.HEALTH_CHECK: QCoreApplication.translate("QtRegistrationPage",
                                                               "Health check"),
        PatientSource.EMERGENCY: QCoreApplication.translate("QtRegistrationPage", "Emergency"),
    }
    return labels.get(source, source.value)


def request_rows(record_number: str, source: PatientSource, department: str, doctor: str,
                 admission_id: str) -> list[tuple[str, str]]:
    """Caption and value of what the requisition said about an exam, in the desk's words
    (the admission ID only for an inpatient)."""
    rows = [(QCoreApplication.translate("QtRegistrationPage", "Record number"),
             record_number or "—"),
            (QCoreApplication.translate("QtRegistrationPage", "Patient source"),
             source_label(source))]
    if source is PatientSource.INPATIENT:
        rows.append((QCoreApplication.translate("QtRegistrationPage", "Admission ID"),
                     admission_id or "—"))
    rows += [(QCoreApplication.translate("QtRegistrationPage", "Requesting department"),
              department or "—"),
             (QCoreApplication.translate("QtRegistrationPage", "Requesting doctor"),
              doctor or "—")]
    return rows


def role_label(role: Role) -> str:
    labels = {
        Role.TECHNICIAN: QCoreApplication.translate("Role", "DR technician"),
        Role.COMMUNITY_DOCTOR: QCoreApplication.translate("Role", "Community doctor"),
        Role.ATTENDING: QCoreApplication.translate("Role", "Attending radiologist"),
        Role.REVIEWER: QCoreApplication.translate("Role", "Senior reviewer"),
        Role.TRIAGE: QCoreApplication.translate("Role", "Triage"),
        Role.ADMIN: QCoreApplication.translate("Role", "Administrator"),
        Role.SYSTEM: QCoreApplication.translate("Role", "System"),
    }
    return labels.get(role, role.value)


def tat_label(status: TatStatus) -> str:
    labels = {
        TatStatus.ON_TRACK: QCoreApplication.translate("TatStatus", "On track"),
        TatStatus.AT_RISK: QCoreApplication.translate("TatStatus", "At risk"),
        TatStatus.OVERDUE: QCoreApplication.translate("TatStatus", "Overdue"),
        TatStatus.MET: QCoreApplication.translate("TatStatus", "Within target"),
        TatStatus.MISSED: QCoreApplication.translate("TatStatus", "Target missed"),
    }
    return labels.get(status, status.value)


def sex_label(code: str) -> str:
    labels = {"M": QCoreApplication.translate("Sex", "M"),
              "F": QCoreApplication.translate("Sex", "F"),
              "O": QCoreApplication.translate("Sex", "Other")}
    return labels.get(code, "")


def peer_kind_label(kind: PeerKind) -> str:
    labels = {PeerKind.NODE: QCoreApplication.translate("PeerKind", "Site node"),
              PeerKind.MODALITY: QCoreApplication.translate("PeerKind", "Modality"),
              PeerKind.VIEWER: QCoreApplication.translate("PeerKind", "Viewer"),
              PeerKind.WORKSTATION: QCoreApplication.translate("PeerKind", "Workstation")}
    return labels.get(kind, kind.value)


def reading_mode_label(mode: ReadingMode) -> str:
    labels = {
        ReadingMode.CENTER_FULL: QCoreApplication.translate("ReadingMode",
                                                            "Center reads and signs"),
        ReadingMode.COMMUNITY_PRELIM: QCoreApplication.translate(
            "ReadingMode", "Community writes, center reviews"),
    }
    return labels.get(mode, mode.value)


def reason_label(reason: Reason) -> str:
    """One step of a triage proposal's explanation, in the user's language."""
    if reason.kind is ReasonKind.RULE:
        parts = [p for p in (reason.modality, reason.body_part) if p]
        if reason.source_site:
            parts.append(QCoreApplication.translate("Reason", "from {site}").format(
                site=reason.source_site))
        match = " ".join(parts) or QCoreApplication.translate("Reason", "any exam")
        return QCoreApplication.translate("Reason", "{match} → group {group}").format(
            match=match, group=reason.group)
    labels = {
        ReasonKind.NO_RULE: QCoreApplication.translate(
            "Reason", "no rule matches; choose a group"),
        ReasonKind.PREFERRED: QCoreApplication.translate(
            "Reason", "preferred reader {reader}"),
        ReasonKind.PREFERRED_AWAY: QCoreApplication.translate(
            "Reason", "preferred reader {reader} is not available"),
        ReasonKind.NOBODY_AVAILABLE: QCoreApplication.translate(
            "Reason", "nobody in the group is available: the group's queue"),
        ReasonKind.LEAST_BUSY: QCoreApplication.translate(
            "Reason", "least busy available reader: {reader} ({open} open)"),
    }
    return labels[reason.kind].format(reader=reason.reader, open=reason.open_exams)


def body_part_label(code: str) -> str:
    """A DICOM Body Part Examined (``CHEST``) in the user's words; unknown codes as they
    are."""
    labels = {
        "CHEST": QCoreApplication.translate("BodyPart", "Chest"),
        "HEAD": QCoreApplication.translate("BodyPart", "Head"),
        "ABDOMEN": QCoreApplication.translate("BodyPart", "Abdomen"),
        "PELVIS": QCoreApplication.translate("BodyPart", "Pelvis"),
        "SPINE": QCoreApplication.translate("BodyPart", "Spine"),
        "EXTREMITY": QCoreApplication.translate("BodyPart", "Extremity"),
        "BREAST": QCoreApplication.translate("BodyPart", "Breast"),
        "NECK": QCoreApplication.translate("BodyPart", "Neck"),
        "KNEE": QCoreApplication.translate("BodyPart", "Knee"),
        "HAND": QCoreApplication.translate("BodyPart", "Hand"),
        "SKULL": QCoreApplication.translate("BodyPart", "Skull"),
        "HEART": QCoreApplication.translate("BodyPart", "Heart"),
    }
    return labels.get(code.upper(), code) if code else ""
