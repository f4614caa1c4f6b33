"""An exam's timeline and turnaround as text (the demo and `tiered-ws exam show`)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from ..storage.enums import PatientSource
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


SOURCE_WORDS = {PatientSource.OUTPATIENT: "outpatient (门诊)",
                PatientSource.INPATIENT: "inpatient (住院)",
                PatientSource.HEALTH_CHECK: "health check (体检)",
                PatientSource.EMERGENCY: "emergency (急诊)"}


def request_fields(exam: Exam) -> dict[str, str]:
    """What the requisition said about the exam: the patient's record number at the
    exam's site, the source, the requesting department and doctor, and an inpatient's
    admission ID (empty for everyone else)."""
    return {"record_number": exam.record_number, "patient_source": exam.patient_source.value,
            "requesting_department": exam.requesting_department,
            "referring_physician": exam.referring_physician,
            "admission_id": exam.inpatient_admission_id}


def request_line(exam: Exam) -> str:
    """``Record number … · inpatient (住院), admission ID … · requested by …, …``."""
    fields = request_fields(exam)
    source = SOURCE_WORDS.get(exam.patient_source, exam.patient_source.value)
    if fields["admission_id"]:
        source += f", admission ID {fields['admission_id']}"
    asked = ", ".join(v for v in (fields["referring_physician"],
                                  fields["requesting_department"]) if v) or "—"
    return (f"Record number {fields['record_number'] or '—'} · {source} · "
            f"requested by {asked}")


def exam_header(exam: Exam, tz: ZoneInfo) -> list[str]:
    patient = exam.patient
    born = f", born {patient.birth_date}" if patient.birth_date else ""
    return [
        f"Exam {exam.accession_number}  {exam.procedure_description}  ({exam.modality}, "
        f"{exam.priority.value}, {exam.reading_mode.value})",
        f"Patient {patient.name} {patient.name_phonetic} ({patient.sex.value}{born}) "
        f"ID {patient.national_id_masked or '—'}",
        request_line(exam),
        f"Site {exam.site_code}, registered {exam.registered_at.astimezone(tz):%Y-%m-%d %H:%M} "
        f"by {exam.registered_by}; now '{exam.state.value}'",
        f"Study Instance UID {exam.study_instance_uid}",
    ]


def exam_summary(exam: Exam) -> dict[str, object]:
    """The plain values of an exam (for --json)."""
    patient = exam.patient
    return {
        "accession_number": exam.accession_number, "site": exam.site_code,
        "state": exam.state.value, "procedure_code": exam.procedure_code,
        "procedure": exam.procedure_description, "modality": exam.modality,
        "priority": exam.priority.value, "reading_mode": exam.reading_mode.value,
        "study_instance_uid": exam.study_instance_uid,
        "registered_at": exam.registered_at.isoformat(),
        **request_fields(exam),
        "patient": {"consortium_id": patient.consortium_id, "name": patient.name,
                    "name_phonetic": patient.name_phonetic, "sex": patient.sex.value,
                    "birth_date": patient.birth_date.isoformat() if patient.birth_date
                    else None},
    }


def exam_detail(exam: Exam, target: timedelta, now: datetime) -> dict[str, object]:
    """Summary, full timeline and turnaround (for ``exam show --json``)."""
    tat = compute_tat(((t.to_state, t.at) for t in exam.transitions), target, now)
    return {
        **exam_summary(exam),
        "timeline": [{"at": t.at.isoformat(), "action": t.action,
                      "from_state": t.from_state.value if t.from_state else None,
                      "to_state": t.to_state.value, "by": t.actor_username,
                      "name": t.actor_name, "role": t.actor_role.value, "site": t.actor_site,
                      "note": t.note} for t in exam.transitions],
        "tat": {"segments": [{"segment": s.label, "seconds": s.duration.total_seconds()
                              if s.duration is not None else None} for s in tat.segments],
                "elapsed_seconds": tat.elapsed.total_seconds(), "status": tat.status.value,
                "finished": tat.finished},
    }
