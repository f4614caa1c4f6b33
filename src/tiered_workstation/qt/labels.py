"""Translated names of domain values (states, priorities, roles, turnaround)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..storage.enums import ExamState, Priority, Role
from ..workflow.tat import TatStatus


def _t(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def state_label(state: ExamState) -> str:
    labels = {
        ExamState.REGISTERED: _t("ExamState", "Registered"),
        ExamState.SCHEDULED: _t("ExamState", "Scheduled"),
        ExamState.IN_PROGRESS: _t("ExamState", "Imaging"),
        ExamState.ACQUIRED: _t("ExamState", "Images taken"),
        ExamState.TRANSFERRED: _t("ExamState", "At center"),
        ExamState.ASSIGNED: _t("ExamState", "Assigned"),
        ExamState.PRELIMINARY: _t("ExamState", "Preliminary"),
        ExamState.IN_CONSULTATION: _t("ExamState", "Consultation"),
        ExamState.FINAL: _t("ExamState", "Signed"),
        ExamState.PRINTED: _t("ExamState", "Printed"),
        ExamState.CANCELLED: _t("ExamState", "Cancelled"),
    }
    return labels.get(state, state.value)


def priority_label(priority: Priority) -> str:
    labels = {Priority.ROUTINE: _t("Priority", "Routine"),
              Priority.URGENT: _t("Priority", "Urgent"),
              Priority.STAT: _t("Priority", "STAT")}
    return labels.get(priority, priority.value)


def role_label(role: Role) -> str:
    labels = {
        Role.TECHNICIAN: _t("Role", "DR technician"),
        Role.COMMUNITY_DOCTOR: _t("Role", "Community doctor"),
        Role.ATTENDING: _t("Role", "Attending radiologist"),
        Role.REVIEWER: _t("Role", "Senior reviewer"),
        Role.TRIAGE: _t("Role", "Triage"),
        Role.ADMIN: _t("Role", "Administrator"),
        Role.SYSTEM: _t("Role", "System"),
    }
    return labels.get(role, role.value)


def tat_label(status: TatStatus) -> str:
    labels = {
        TatStatus.ON_TRACK: _t("TatStatus", "On track"),
        TatStatus.AT_RISK: _t("TatStatus", "At risk"),
        TatStatus.OVERDUE: _t("TatStatus", "Overdue"),
        TatStatus.MET: _t("TatStatus", "Within target"),
        TatStatus.MISSED: _t("TatStatus", "Target missed"),
    }
    return labels.get(status, status.value)


def sex_label(code: str) -> str:
    labels = {"M": _t("Sex", "M"), "F": _t("Sex", "F"), "O": _t("Sex", "Other")}
    return labels.get(code, "")
