"""The teaching desk's use cases, each in its own transaction (run them in a worker)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, tzinfo
from pathlib import Path

from sqlalchemy import select

from ..storage.database import Database
from ..storage.enums import LessonKind, StudyActivity
from ..storage.exams import Exam
from ..storage.imaging import Study
from ..workflow.actors import Actor
from . import catalogue, library
from .cases import PRESENTATION_STATE, CaseDraft, CaseRefused, make_case
from .catalogue import ENCRYPTED
from .lessons import (
    MEDIA,
    LessonDraft,
    LessonSummary,
    lesson_timeline,
    lessons_of,
    save_lesson,
    to_h264,
)
from .offline import OfflineVault, OnlineVisit
from .progress import Progress, progress, to_csv
from .progress_pdf import LABELS_EN, write_progress_pdf
from .study import record_study
from .timeline import Timeline


@dataclass(frozen=True)
class SeriesChoice:
    """A series the case editor offers (presentation states always go with the case)."""

    series_instance_uid: str
    number: int | None
    modality: str
    description: str
    images: int


class TeachingDesk:
    """``center``: where a community sends its study records (None at the center);
    ``vault``: opens the cases downloaded for offline study (kept encrypted)."""

    def __init__(self, database: Database, archive_dir: Path, teaching_dir: Path,
                 center: str | None = None, vault: OfflineVault | None = None) -> None:
        self._database = database
        self._archive_dir = archive_dir
        self.teaching_dir = teaching_dir
        self._center = center
        self._vault = vault

    def series_of(self, exam_id: int) -> list[SeriesChoice]:
        with self._database.session() as session:
            study = session.scalar(select(Study).where(Study.exam_id == exam_id))
            if study is None:
                return []
            return [SeriesChoice(s.series_instance_uid, s.series_number, s.modality,
                                 s.description, len(s.instances))
                    for s in sorted(study.series, key=lambda s: (s.series_number or 0))
                    if s.modality != PRESENTATION_STATE]

    def make_case(self, exam_id: int, actor: Actor, draft: CaseDraft) -> str:
        """De-identify the exam into a new case; returns the case's UID."""
        with self._database.transaction() as session:
            exam = session.get(Exam, exam_id)
            if exam is None:
                raise CaseRefused("That exam is no longer on this site.")
            return make_case(session, exam, actor, draft, archive_dir=self._archive_dir,
                             teaching_dir=self.teaching_dir).uid

    def search(self, query: library.LibraryQuery) -> list[library.CaseSummary]:
        with self._database.session() as session:
            return library.search(session, query)

    def detail(self, uid: str) -> library.CaseDetail | None:
        with self._database.session() as session:
            found = library.detail(session, uid)
        visit = self._visit(uid)
        return visit.detail if found is None and visit is not None else found

    def _visit(self, uid: str) -> OnlineVisit | None:
        return self._vault.visits.get(uid) if self._vault is not None else None

    def body_parts(self) -> list[str]:
        with self._database.session() as session:
            return library.body_parts(session)

    def files(self, uid: str) -> list[Path]:
        """The case's de-identified files, images first, as the viewer opens them."""
        with self._database.session() as session:
            found = library.detail(session, uid)
        if found is None:
            visit = self._visit(uid)
            return list(visit.files) if visit is not None else []
        if found.summary.offline:
            return [self._offline(p) for p in found.paths]
        return [self.teaching_dir / p for p in found.paths]

    def _offline(self, name: str, suffix: str = ".dcm") -> Path:
        if self._vault is None:
            raise CaseRefused("This site has no key to open offline cases.")
        return self._vault.plain(name, suffix=suffix)

    def make_course(self, actor: Actor, title: str, case_uids: list[str],
                    description: str = "") -> str:
        """A course of library cases, in the given order; returns its UID."""
        with self._database.transaction() as session:
            return catalogue.make_course(session, actor, title, case_uids, description)

    def record(self, actor: Actor, case_uid: str, activity: StudyActivity, *,
               quiz: tuple[str, str, float] | None = None, lesson_uid: str = "") -> None:
        """Keep what ``actor`` studied (and queue it for the center, at a community)."""
        with self._database.transaction() as session:
            record_study(session, actor, case_uid, activity, quiz=quiz, lesson_uid=lesson_uid,
                         center=self._center)

    def save_lesson(self, actor: Actor, draft: LessonDraft) -> LessonSummary:
        """Keep a recorded lesson (a video's picture re-encoded as H.264 where it can be)."""
        if draft.kind is LessonKind.VIDEO:
            to_h264(draft.media)
        with self._database.transaction() as session:
            return save_lesson(session, self.teaching_dir, actor, draft)

    def lessons(self, case_uid: str) -> list[LessonSummary]:
        with self._database.session() as session:
            found = lessons_of(session, case_uid)
        visit = self._visit(case_uid)
        if not found and visit is not None:
            return [lesson for lesson, _path, _timeline in visit.lessons]
        return found

    def lesson(self, lesson: LessonSummary) -> tuple[Path | str, Timeline]:
        """The lesson's media (a file, or the URL it streams from when looked at online)
        and its timeline, for playback."""
        visit = self._visit(lesson.case_uid)
        online = {x.uid: (path, t) for x, path, t in visit.lessons} if visit else {}
        if lesson.uid in online:
            return online[lesson.uid]
        with self._database.session() as session:
            timeline = lesson_timeline(session, lesson.uid)
        if lesson.path.endswith(ENCRYPTED):
            suffix = next((x for t, x in MEDIA.values() if t == lesson.media_type), ".bin")
            return self._offline(lesson.path, suffix), timeline
        return self.teaching_dir / lesson.path, timeline

    def progress(self, *, today: date, tz: tzinfo, weeks: int = 12,
                 site: str | None = None) -> Progress:
        with self._database.session() as session:
            return progress(session, today=today, tz=tz, weeks=weeks, site=site)

    def export_csv(self, data: Progress, path: Path) -> Path:
        path.write_text(to_csv(data), encoding="utf-8")
        return path

    def export_pdf(self, data: Progress, path: Path, site_name: str,
                   labels: dict[str, str] | None = None) -> Path:
        return write_progress_pdf(data, path, site_name=site_name, labels=labels or LABELS_EN)
