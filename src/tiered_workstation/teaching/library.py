"""The teaching library: finding cases by body part, diagnosis, tag, author and
difficulty, and what a case shows when it is opened."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..storage.teaching import Lesson, TeachingCase, TeachingInstance


@dataclass(frozen=True)
class LibraryQuery:
    text: str = ""        # in the title, diagnosis or teaching points
    body_part: str = ""
    tag: str = ""
    author: str = ""      # username or name
    difficulty: int | None = None
    limit: int = 200


@dataclass(frozen=True)
class CaseSummary:
    uid: str
    title: str
    diagnosis: str
    modality: str
    body_part: str
    difficulty: int
    tags: tuple[str, ...]
    author_name: str
    created_at: datetime
    files: int
    lessons: int
    offline: bool


@dataclass(frozen=True)
class CaseDetail:
    summary: CaseSummary
    findings: str
    impression: str
    teaching_points: str
    study_instance_uid: str
    paths: tuple[str, ...]  # relative to the teaching archive, images before marks
    key_images: tuple[str, ...]  # SOP Instance UIDs the reader marked


def search(session: Session, query: LibraryQuery) -> list[CaseSummary]:
    """Cases matching every given criterion, newest first."""
    files = select(func.count(TeachingInstance.id)).where(
        TeachingInstance.case_id == TeachingCase.id).scalar_subquery()
    lessons = select(func.count(Lesson.id)).where(
        Lesson.case_id == TeachingCase.id).scalar_subquery()
    stmt = select(TeachingCase, files, lessons).order_by(TeachingCase.created_at.desc(),
                                                          TeachingCase.id.desc())
    if query.text.strip():
        like = f"%{query.text.strip()}%"
        stmt = stmt.where(or_(TeachingCase.title.ilike(like),
                              TeachingCase.diagnosis.ilike(like),
                              TeachingCase.teaching_points.ilike(like)))
    if query.body_part:
        stmt = stmt.where(TeachingCase.body_part == query.body_part.upper())
    if query.tag.strip():
        stmt = stmt.where(TeachingCase.tags.ilike(f"%{query.tag.strip().lower()}%"))
    if query.author.strip():
        like = f"%{query.author.strip()}%"
        stmt = stmt.where(or_(TeachingCase.author_username.ilike(like),
                              TeachingCase.author_name.ilike(like)))
    if query.difficulty:
        stmt = stmt.where(TeachingCase.difficulty == query.difficulty)
    rows = session.execute(stmt.limit(query.limit)).all()
    found = [_summary(case, n_files, n_lessons) for case, n_files, n_lessons in rows]
    if query.tag.strip():  # the LIKE found candidates; a tag matches whole
        found = [c for c in found if query.tag.strip().lower() in c.tags]
    return found


def detail(session: Session, uid: str) -> CaseDetail | None:
    case = session.scalar(select(TeachingCase).where(TeachingCase.uid == uid))
    if case is None:
        return None
    ordered = sorted(case.instances, key=lambda i: (i.modality == "PR", i.id))
    return CaseDetail(_summary(case, len(case.instances), len(case.lessons)), case.findings,
                      case.impression, case.teaching_points, case.study_instance_uid,
                      tuple(i.path for i in ordered),
                      tuple(i.sop_instance_uid for i in ordered if i.key_image))


def body_parts(session: Session) -> list[str]:
    """The body parts the library has cases of (for the search's choice list)."""
    return sorted(p for p in session.scalars(select(TeachingCase.body_part).distinct()) if p)


def _summary(case: TeachingCase, files: int, lessons: int) -> CaseSummary:
    return CaseSummary(case.uid, case.title, case.diagnosis, case.modality, case.body_part,
                       case.difficulty, tuple(case.tag_list), case.author_name,
                       case.created_at, files, lessons, case.offline)
