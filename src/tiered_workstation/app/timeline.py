"""An exam's timeline and turnaround as text (the demo and `tiered-ws exam show`)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from ..storage.exams import Exam
from ..workflow.tat import compute_tat, format_duration


def timeline_lines(exam: Exam, tz: ZoneInfo) -> list[str]:
    """One line per transition: local time, new state, action, who (role, site), note."""
    lines = [f"  {'time':<8}  {'state':<16} {'action':<22} by"]
    for t in exam.transitions:
        who = f"{t.actor_name or t.actor_username} ({t.actor_role}, {t.actor_site})"
        note = f"  — {t.note}" if t.note else ""
        lines.append(f"  {t.at.astimezone(tz):%H:%M:%S}  {t.to_state.value:<16} "
                     f"{t.action:<22} {who}{note}")
    return lines


def tat_lines(exam: Exam, target: timedelta, now: datetime) -> tuple[list[str], str]:
    """Segment durations and the total against the target; also returns the status."""
    tat = compute_tat(((t.to_state, t.at) for t in exam.transitions), target, now)
    ending = "printed" if tat.finished else "now (not printed yet)"
    lines = [f"Turnaround, registration → {ending} (target {target.seconds // 60} min):"]
    lines += [f"  {s.label:<22}{format_duration(s.duration):>14}" for s in tat.segments]
    lines.append(f"  {'Total':<22}{format_duration(tat.elapsed):>14}   {tat.status.value}")
    return lines, tat.status.value


def exam_header(exam: Exam, tz: ZoneInfo) -> list[str]:
    patient = exam.patient
    born = f", born {patient.birth_date}" if patient.birth_date else ""
    return [
        f"Exam {exam.accession_number}  {exam.procedure_description}  ({exam.modality}, "
        f"{exam.priority.value}, {exam.reading_mode.value})",
        f"Patient {patient.name} {patient.name_phonetic} ({patient.sex.value}{born}) "
        f"ID {patient.national_id_masked or '—'}",
        f"Site {exam.site_code}, registered {exam.registered_at.astimezone(tz):%Y-%m-%d %H:%M} "
        f"by {exam.registered_by}; now '{exam.state.value}'",
        f"Study Instance UID {exam.study_instance_uid}",
    ]
