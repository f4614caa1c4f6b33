"""Turnaround today: segment durations per exam, the share within target per site and
per reader, the breaches — for the dashboard and its CSV export."""

from __future__ import annotations

import csv
import io
import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..storage.base import utcnow
from ..storage.enums import ExamState
from ..storage.exams import Exam
from ..storage.sites import SpecialtyGroup, User
from ..workflow.assignment import current_assignment
from ..workflow.tat import SEGMENTS, TatStatus, compute_tat
from .bootstrap import Services

SEGMENT_LABELS = tuple(label for label, _a, _b in SEGMENTS)


@dataclass(frozen=True)
class ExamTat:
    accession_number: str
    patient_name: str
    site_code: str
    reader: str  # as people know them: the display name, else the reading group's name
    procedure: str
    segments: tuple[float | None, ...]  # minutes, in SEGMENTS order
    total_minutes: float
    status: TatStatus


@dataclass(frozen=True)
class Share:
    key: str
    finished: int
    within: int

    @property
    def percent(self) -> float:
        return 100.0 * self.within / self.finished if self.finished else 0.0


@dataclass(frozen=True)
class TatSummary:
    exams: tuple[ExamTat, ...]
    by_site: tuple[Share, ...]
    by_reader: tuple[Share, ...]
    mean_segments: dict[str, tuple[float, ...]]  # site → mean minutes per segment

    @property
    def breaches(self) -> list[ExamTat]:
        return [e for e in self.exams if e.status in (TatStatus.MISSED, TatStatus.OVERDUE)]


def tat_today(session: Session, tz: tzinfo, target: timedelta, now: datetime) -> TatSummary:
    start = now.astimezone(tz).replace(hour=0, minute=0, second=0, microsecond=0)
    exams = session.scalars(select(Exam).where(Exam.registered_at >= start,
                                               Exam.state != ExamState.CANCELLED)
                            .order_by(Exam.registered_at))
    people = dict(session.execute(select(User.username, User.display_name)).all())
    groups = dict(session.execute(select(SpecialtyGroup.code, SpecialtyGroup.name)).all())
    rows: list[ExamTat] = []
    for exam in exams:
        report = compute_tat(((t.to_state, t.at) for t in exam.transitions), target, now)
        assignment = current_assignment(session, exam.id)
        reader = ""
        if assignment is not None and assignment.assignee_username:
            name = assignment.assignee_username
            reader = people.get(name) or name
        elif assignment is not None and assignment.group_code:
            reader = groups.get(assignment.group_code) or assignment.group_code
        rows.append(ExamTat(
            exam.accession_number, exam.patient.name, exam.site_code, reader,
            exam.procedure_description,
            tuple(s.duration.total_seconds() / 60 if s.duration else None
                  for s in report.segments),
            report.elapsed.total_seconds() / 60, report.status))
    return TatSummary(tuple(rows), _shares(rows, lambda r: r.site_code),
                      _shares(rows, lambda r: r.reader or "—"), _means(rows))


def nice_axis(largest: float) -> tuple[int, int]:
    """A round top and step for a minutes axis: 0, 5, 10, … (or 10s, 30s, 60s for long
    days), with the largest value inside it."""
    for step in (5, 10, 20, 30, 60, 120):
        top = max(step, math.ceil(max(largest, 0.0) / step) * step)
        if top // step <= 10:
            return top, step
    return math.ceil(largest / 240) * 240, 240


def _shares(rows: list[ExamTat], key) -> tuple[Share, ...]:
    finished: dict[str, int] = defaultdict(int)
    within: dict[str, int] = defaultdict(int)
    for row in rows:
        if row.status in (TatStatus.MET, TatStatus.MISSED):
            finished[key(row)] += 1
            within[key(row)] += row.status is TatStatus.MET
    return tuple(Share(k, finished[k], within[k]) for k in sorted(finished))


def _means(rows: list[ExamTat]) -> dict[str, tuple[float, ...]]:
    by_site: dict[str, list[ExamTat]] = defaultdict(list)
    for row in rows:
        by_site[row.site_code].append(row)
    means = {}
    for site, items in sorted(by_site.items()):
        columns = []
        for n in range(len(SEGMENT_LABELS)):
            values = [r.segments[n] for r in items if r.segments[n] is not None]
            columns.append(sum(values) / len(values) if values else 0.0)
        means[site] = tuple(columns)
    return means


def to_csv(summary: TatSummary) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["accession_number", "patient", "procedure", "site", "reader",
                     *[f"{label} (min)" for label in SEGMENT_LABELS], "total (min)", "status"])
    for row in summary.exams:
        writer.writerow([row.accession_number, row.patient_name, row.procedure, row.site_code,
                         row.reader,
                         *["" if m is None else f"{m:.1f}" for m in row.segments],
                         f"{row.total_minutes:.1f}", row.status.value])
    return out.getvalue()


def tat_summary(services: Services) -> TatSummary:
    """Today's turnaround at this site against its target."""
    settings = services.settings
    target = timedelta(minutes=settings.workflow.tat_target_minutes)
    with services.database.session() as session:
        return tat_today(session, settings.site.tz, target, utcnow())
