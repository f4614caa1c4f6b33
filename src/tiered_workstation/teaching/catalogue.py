"""The library as other sites see it: a case's card and bundle (what a download needs),
courses, and importing a downloaded case at a community as an offline copy.

A bundle carries the de-identified report, the teaching points, and the size and
SHA-256 of every file and lesson, never the center's link back to the patient
(``source_exam_id``, ``deid_mapping`` stay behind).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import Path

from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..storage.base import utcnow
from ..storage.enums import LessonKind
from ..storage.teaching import Course, CourseCase, Lesson, TeachingCase, TeachingInstance
from ..workflow.actors import Actor
from ..workflow.audit import record_audit
from . import library
from .lessons import LessonSummary
from .timeline import Timeline

OFFLINE_DIR = "offline"  # under the teaching archive, one folder per case, all encrypted
ENCRYPTED = ".enc"


class CaseFile(BaseModel):
    sop_instance_uid: str = Field(max_length=64)
    series_instance_uid: str = Field("", max_length=64)
    sop_class_uid: str = Field("", max_length=64)
    modality: str = Field("", max_length=16)
    size: int = Field(ge=0)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    key_image: bool = False


class LessonCard(BaseModel):
    uid: str = Field(max_length=36)
    kind: LessonKind
    title: str = Field("", max_length=200)
    media_type: str = Field("", max_length=64)
    size: int = Field(ge=0)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    duration_ms: int = Field(0, ge=0)
    timeline: str = ""
    author_username: str = Field("", max_length=64)
    author_name: str = Field("", max_length=128)
    created_at: datetime


class CaseCard(BaseModel):
    uid: str = Field(max_length=36)
    title: str = Field(max_length=200)
    diagnosis: str = Field("", max_length=200)
    modality: str = Field("", max_length=16)
    body_part: str = Field("", max_length=16)
    difficulty: int = Field(1, ge=1, le=3)
    tags: list[str] = []
    author_username: str = Field("", max_length=64)
    author_name: str = Field("", max_length=128)
    created_at: datetime
    files: int = 0
    lessons: int = 0
    bytes: int = 0


class CaseBundle(CaseCard):
    findings: str = ""
    impression: str = ""
    teaching_points: str = ""
    study_instance_uid: str = Field("", max_length=64)
    origin_site: str = Field("", max_length=8)
    instances: list[CaseFile] = []
    lesson_cards: list[LessonCard] = []


class CourseCard(BaseModel):
    uid: str = Field(max_length=36)
    title: str = Field(max_length=200)
    description: str = ""
    case_uids: list[str] = []
    bytes: int = 0


def _card_fields(case: TeachingCase) -> dict[str, object]:
    total = sum(i.size for i in case.instances) + sum(lesson.size for lesson in case.lessons)
    return dict(uid=case.uid, title=case.title, diagnosis=case.diagnosis,
                modality=case.modality, body_part=case.body_part, difficulty=case.difficulty,
                tags=case.tag_list, author_username=case.author_username,
                author_name=case.author_name, created_at=case.created_at,
                files=len(case.instances), lessons=len(case.lessons), bytes=total)


def card_of(case: TeachingCase) -> CaseCard:
    return CaseCard.model_validate(_card_fields(case))


def cards(session: Session, query: library.LibraryQuery) -> list[CaseCard]:
    """The library's own cases matching ``query`` (never another site's offline copies)."""
    uids = [c.uid for c in library.search(session, query) if not c.offline]
    found = {c.uid: c for c in session.scalars(
        select(TeachingCase).where(TeachingCase.uid.in_(uids)))} if uids else {}
    return [card_of(found[uid]) for uid in uids]


def _case(session: Session, uid: str) -> TeachingCase | None:
    return session.scalar(select(TeachingCase).where(TeachingCase.uid == uid,
                                                     TeachingCase.offline.is_(False)))


def bundle_of(session: Session, uid: str) -> CaseBundle | None:
    """Everything a site needs to take the case offline (the library's own cases only)."""
    case = _case(session, uid)
    if case is None:
        return None
    return CaseBundle.model_validate({
        **_card_fields(case), "findings": case.findings, "impression": case.impression,
        "teaching_points": case.teaching_points,
        "study_instance_uid": case.study_instance_uid, "origin_site": case.origin_site,
        "instances": [CaseFile(sop_instance_uid=i.sop_instance_uid,
                               series_instance_uid=i.series_instance_uid,
                               sop_class_uid=i.sop_class_uid, modality=i.modality,
                               size=i.size, sha256=i.sha256, key_image=i.key_image)
                      for i in case.instances],
        "lesson_cards": [LessonCard(uid=x.uid, kind=x.kind, title=x.title,
                                    media_type=x.media_type, size=x.size, sha256=x.sha256,
                                    duration_ms=x.duration_ms, timeline=x.timeline,
                                    author_username=x.author_username,
                                    author_name=x.author_name, created_at=x.created_at)
                         for x in case.lessons]})


def instance_file(session: Session, teaching_dir: Path, case_uid: str,
                  sop_instance_uid: str) -> Path | None:
    case = _case(session, case_uid)
    found = next((i for i in case.instances if i.sop_instance_uid == sop_instance_uid),
                 None) if case else None
    return teaching_dir / found.path if found else None


def lesson_file(session: Session, teaching_dir: Path, lesson_uid: str) -> tuple[Path, str] | None:
    """A lesson's media file and its media type."""
    lesson = session.scalar(select(Lesson).where(Lesson.uid == lesson_uid))
    if lesson is None or lesson.case.offline or not lesson.path:
        return None
    return teaching_dir / lesson.path, lesson.media_type


def make_course(session: Session, actor: Actor, title: str, case_uids: list[str],
                description: str = "") -> str:
    """A course of library cases in the given order; returns its UID."""
    if not title.strip():
        raise ValueError("A course needs a title.")
    cases = [_case(session, uid) for uid in case_uids]
    missing = [uid for uid, case in zip(case_uids, cases, strict=True) if case is None]
    if missing or not cases:
        raise ValueError(f"These cases are not in the library: {', '.join(missing) or '-'}")
    course = Course(uid=str(uuid.uuid4()), title=title.strip(), description=description,
                    author_username=actor.username)
    course.entries = [CourseCase(case=case, position=n) for n, case in enumerate(cases)]
    session.add(course)
    session.flush()
    record_audit(session, actor, "teaching.course.create", object_type="course",
                 object_id=course.uid, detail={"title": course.title, "cases": len(cases)})
    return course.uid


def courses(session: Session) -> list[CourseCard]:
    found = session.scalars(select(Course).order_by(Course.created_at.desc(), Course.id.desc()))
    return [course_card(course) for course in found]


def course_card(course: Course) -> CourseCard:
    cases = [entry.case for entry in course.entries]
    return CourseCard(uid=course.uid, title=course.title, description=course.description,
                      case_uids=[c.uid for c in cases],
                      bytes=sum(card_of(c).bytes for c in cases))


def course_of(session: Session, uid: str) -> CourseCard | None:
    course = session.scalar(select(Course).where(Course.uid == uid))
    return course_card(course) if course else None


def detail_of(bundle: CaseBundle, *, offline: bool = False) -> library.CaseDetail:
    """The case as the library page shows it, from a bundle (a case looked at online)."""
    ordered = sorted(bundle.instances, key=lambda f: f.modality == "PR")
    return library.CaseDetail(
        library.CaseSummary(bundle.uid, bundle.title, bundle.diagnosis, bundle.modality,
                            bundle.body_part, bundle.difficulty, tuple(bundle.tags),
                            bundle.author_name, bundle.created_at, len(bundle.instances),
                            len(bundle.lesson_cards), offline),
        bundle.findings, bundle.impression, bundle.teaching_points,
        bundle.study_instance_uid, tuple(offline_name(bundle.uid, f.sop_instance_uid)
                                         for f in ordered),
        tuple(f.sop_instance_uid for f in ordered if f.key_image))


def lesson_summaries(bundle: CaseBundle) -> list[LessonSummary]:
    return [LessonSummary(x.uid, bundle.uid, x.kind, x.title, x.media_type,
                          offline_name(bundle.uid, x.uid), x.size, x.duration_ms,
                          x.author_name, x.created_at,
                          len(Timeline.from_json(x.timeline).actions) if x.timeline else 0)
            for x in bundle.lesson_cards]


def offline_name(case_uid: str, item_uid: str) -> str:
    """Where a downloaded file is kept (relative to the teaching archive); also the name
    its at-rest key is derived from."""
    return f"{OFFLINE_DIR}/{case_uid}/{item_uid}{ENCRYPTED}"


def import_bundle(session: Session, bundle: CaseBundle, center: str) -> TeachingCase:
    """Keep a downloaded case as an offline copy (its files already stored encrypted)."""
    old = session.scalar(select(TeachingCase).where(TeachingCase.uid == bundle.uid))
    if old is not None:
        session.delete(old)
        session.flush()
    case = TeachingCase(
        uid=bundle.uid, title=bundle.title, diagnosis=bundle.diagnosis,
        modality=bundle.modality, body_part=bundle.body_part, difficulty=bundle.difficulty,
        tags=",".join(bundle.tags), teaching_points=bundle.teaching_points,
        findings=bundle.findings, impression=bundle.impression,
        study_instance_uid=bundle.study_instance_uid, author_username=bundle.author_username,
        author_name=bundle.author_name, origin_site=bundle.origin_site or center,
        created_at=bundle.created_at, updated_at=utcnow(), offline=True)
    case.instances = [TeachingInstance(
        sop_instance_uid=f.sop_instance_uid, series_instance_uid=f.series_instance_uid,
        sop_class_uid=f.sop_class_uid, modality=f.modality, size=f.size, sha256=f.sha256,
        key_image=f.key_image, path=offline_name(bundle.uid, f.sop_instance_uid))
        for f in bundle.instances]
    case.lessons = [Lesson(
        uid=x.uid, kind=x.kind, title=x.title, media_type=x.media_type, size=x.size,
        sha256=x.sha256, duration_ms=x.duration_ms, timeline=x.timeline,
        author_username=x.author_username, author_name=x.author_name,
        created_at=x.created_at, path=offline_name(bundle.uid, x.uid))
        for x in bundle.lesson_cards]
    session.add(case)
    session.flush()
    return case
