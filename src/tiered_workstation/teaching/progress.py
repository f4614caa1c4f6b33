"""Each doctor's progress, measured from the review loop itself.

For every graded preliminary (``PeerReview``): agreement is the share graded *agree*
(RADPEER 1), per doctor, per body part and per week. Beside it: the major
discrepancies with their exams, the lessons watched and quizzes taken, and for the
body part where a doctor agrees least, cases from the library to study.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..storage.enums import PeerReviewGrade, StudyActivity
from ..storage.exams import Exam
from ..storage.teaching import PeerReview, StudyRecord
from .library import CaseSummary, LibraryQuery, search

SUGGESTIONS = 3


@dataclass(frozen=True)
class Week:
    start: date  # the Monday
    reviews: int  # 0 in a week without graded reports (a gap in the trend)
    agreed: int

    @property
    def agreement(self) -> float | None:
        return self.agreed / self.reviews if self.reviews else None


@dataclass(frozen=True)
class PartAgreement:
    body_part: str
    reviews: int
    agreed: int

    @property
    def agreement(self) -> float:
        return self.agreed / self.reviews if self.reviews else 0.0


@dataclass(frozen=True)
class Discrepancy:
    accession_number: str
    reviewed_at: datetime
    author: str
    reviewer: str
    modality: str
    body_part: str
    findings_distance: float
    impression_distance: float


@dataclass
class DoctorProgress:
    username: str
    name: str
    site: str
    reviews: int = 0
    grades: dict[PeerReviewGrade, int] = field(default_factory=dict)
    mean_findings_distance: float = 0.0
    mean_impression_distance: float = 0.0
    weeks: list[Week] = field(default_factory=list)
    parts: list[PartAgreement] = field(default_factory=list)
    lessons_watched: int = 0
    quizzes: int = 0
    suggestions: list[CaseSummary] = field(default_factory=list)

    @property
    def agreement(self) -> float:
        agreed = self.grades.get(PeerReviewGrade.AGREE, 0)
        return agreed / self.reviews if self.reviews else 0.0

    @property
    def weakest_part(self) -> PartAgreement | None:
        """The body part with the lowest agreement; none while every part agrees."""
        weakest = min(self.parts, key=lambda p: (p.agreement, -p.reviews)) \
            if self.parts else None
        return weakest if weakest is not None and weakest.agreement < 1 else None


@dataclass(frozen=True)
class Progress:
    since: date
    doctors: list[DoctorProgress]
    majors: list[Discrepancy]


def progress(session: Session, *, today: date, tz: tzinfo, weeks: int = 12,
             site: str | None = None) -> Progress:
    """The last ``weeks`` weeks (to ``today``, local time), for ``site``'s doctors or all."""
    since = _monday(today) - timedelta(weeks=weeks - 1)
    start = datetime.combine(since, datetime.min.time(), tz)
    stmt = select(PeerReview, Exam.accession_number).join(
        Exam, Exam.id == PeerReview.exam_id).where(PeerReview.reviewed_at >= start)
    if site:
        stmt = stmt.where(PeerReview.author_site == site)
    rows = session.execute(stmt.order_by(PeerReview.reviewed_at)).all()
    by_doctor: dict[str, list[tuple[PeerReview, str]]] = defaultdict(list)
    for review, accession in rows:
        by_doctor[review.author_username].append((review, accession))
    all_weeks = [since + timedelta(weeks=n) for n in range(weeks)]
    doctors = [_doctor(items, tz, all_weeks) for items in by_doctor.values()]
    _add_study(session, doctors, start)
    for doctor in doctors:
        weakest = doctor.weakest_part
        if weakest is not None:
            doctor.suggestions = search(session, LibraryQuery(
                body_part=weakest.body_part, limit=SUGGESTIONS))
    doctors.sort(key=lambda d: (d.agreement, d.name))
    majors = [_discrepancy(r, a) for r, a in rows if r.grade is PeerReviewGrade.MAJOR]
    majors.sort(key=lambda m: m.reviewed_at, reverse=True)
    return Progress(since, doctors, majors)


def _doctor(items: list[tuple[PeerReview, str]], tz: tzinfo,
            all_weeks: list[date]) -> DoctorProgress:
    first = items[0][0]
    doctor = DoctorProgress(first.author_username, first.author_name or first.author_username,
                            first.author_site, reviews=len(items))
    weeks: dict[date, list[bool]] = defaultdict(list)
    parts: dict[str, list[bool]] = defaultdict(list)
    for review, _accession in items:
        doctor.grades[review.grade] = doctor.grades.get(review.grade, 0) + 1
        agreed = review.grade is PeerReviewGrade.AGREE
        weeks[_monday(review.reviewed_at.astimezone(tz).date())].append(agreed)
        parts[review.body_part or "—"].append(agreed)
    doctor.mean_findings_distance = _mean(r.findings_distance for r, _a in items)
    doctor.mean_impression_distance = _mean(r.impression_distance for r, _a in items)
    doctor.weeks = [Week(w, len(weeks[w]), sum(weeks[w])) for w in all_weeks]
    doctor.parts = sorted((PartAgreement(p, len(v), sum(v)) for p, v in parts.items()),
                          key=lambda p: p.body_part)
    return doctor


def _add_study(session: Session, doctors: list[DoctorProgress], start: datetime) -> None:
    if not doctors:
        return
    counts = session.execute(
        select(StudyRecord.username, StudyRecord.activity, func.count(StudyRecord.id))
        .where(StudyRecord.username.in_([d.username for d in doctors]),
               StudyRecord.started_at >= start)
        .group_by(StudyRecord.username, StudyRecord.activity)).all()
    by_name = {d.username: d for d in doctors}
    for username, activity, count in counts:
        if activity is StudyActivity.LESSON:
            by_name[username].lessons_watched = count
        elif activity is StudyActivity.QUIZ:
            by_name[username].quizzes = count


def _discrepancy(review: PeerReview, accession: str) -> Discrepancy:
    return Discrepancy(accession, review.reviewed_at, review.author_name,
                       review.reviewer_name, review.modality, review.body_part,
                       review.findings_distance, review.impression_distance)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _mean(values: Iterable[float]) -> float:
    items = list(values)
    return sum(items) / len(items) if items else 0.0


CSV_HEADER = ("doctor", "username", "site", "reviews", "agree", "minor", "major",
              "agreement", "mean_findings_distance", "mean_impression_distance",
              "lessons_watched", "quizzes", "weakest_body_part")


def to_csv(data: Progress) -> str:
    """One row per doctor, then one per doctor, body part and week (UTF-8 with BOM for
    spreadsheet programs that guess the encoding)."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for d in data.doctors:
        weakest = d.weakest_part
        writer.writerow([d.name, d.username, d.site, d.reviews,
                         *(d.grades.get(g, 0) for g in PeerReviewGrade),
                         f"{d.agreement:.3f}", f"{d.mean_findings_distance:.3f}",
                         f"{d.mean_impression_distance:.3f}", d.lessons_watched, d.quizzes,
                         weakest.body_part if weakest else ""])
    writer.writerow([])
    writer.writerow(("doctor", "week", "body_part", "reviews", "agreed", "agreement"))
    for d in data.doctors:
        for week in d.weeks:
            if week.agreement is not None:
                writer.writerow([d.name, week.start.isoformat(), "", week.reviews,
                                 week.agreed, f"{week.agreement:.3f}"])
        for part in d.parts:
            writer.writerow([d.name, "", part.body_part, part.reviews, part.agreed,
                             f"{part.agreement:.3f}"])
    return out.getvalue()
