"""A community takes library cases, or a whole course, offline from its center.

Each file of a case (its images, presentation states and lessons) is fetched over
the mutual-TLS API and written straight into an encrypted file (``at_rest``), a
sealed chunk at a time.  An interrupted download keeps every complete chunk and
goes on with an HTTP Range from the first missing byte; a finished file is checked
against the SHA-256 the center gave before the case is kept.  Run it in a worker;
``on_progress`` hears after every chunk.
"""

from __future__ import annotations

import errno
import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ..security.at_rest import AtRestError, SealedFileWriter, open_sealed
from ..storage.base import utcnow
from ..storage.database import Database
from ..storage.enums import DownloadState
from ..storage.teaching import TeachingDownload
from ..sync.client import SyncClient, SyncRejected, SyncUnavailable
from ..teaching import catalogue, library
from ..teaching.lessons import LessonSummary
from ..teaching.offline import OfflineVault, OnlineVisit
from ..teaching.timeline import Timeline
from ..workflow.actors import Actor
from ..workflow.audit import record_audit
from .lesson_relay import LessonRelay

LOGGER = logging.getLogger(__name__)
PART = ".part"


class DownloadFailed(RuntimeError):
    """A download stopped; what was complete is kept and the next try goes on from it.
    ``reason`` says why in one word the desktop turns into the user's language."""

    UNREACHABLE, REFUSED, DAMAGED, DISK_FULL, STORAGE = (
        "unreachable", "refused", "damaged", "disk_full", "storage")

    def __init__(self, message: str, reason: str = UNREACHABLE) -> None:
        super().__init__(message)
        self.reason = reason


def failure_of(exc: Exception, prefix: str = "") -> DownloadFailed:
    """What stopped a download, in words and with its reason."""
    if isinstance(exc, SyncRejected):
        return DownloadFailed(f"{prefix}{exc}", DownloadFailed.REFUSED)
    if isinstance(exc, AtRestError):
        return DownloadFailed(str(exc), DownloadFailed.DAMAGED)
    if isinstance(exc, OSError) and not isinstance(exc, SyncUnavailable):
        if exc.errno == errno.ENOSPC:
            return DownloadFailed("The disk is full: free some space, then download again; "
                                  "what has arrived is kept.", DownloadFailed.DISK_FULL)
        return DownloadFailed(f"The case could not be stored: {exc}", DownloadFailed.STORAGE)
    return DownloadFailed(f"{prefix}{exc}")


@dataclass(frozen=True)
class DownloadProgress:
    title: str
    bytes_done: int      # of everything asked for, across the cases
    bytes_total: int
    cases_done: int
    cases_total: int


@dataclass(frozen=True)
class _Item:
    name: str     # where it is kept, relative to the teaching archive
    url: str
    size: int
    sha256: str


def _items(bundle: catalogue.CaseBundle) -> list[_Item]:
    base = f"/v1/teaching/cases/{bundle.uid}/files/"
    return ([_Item(catalogue.offline_name(bundle.uid, f.sop_instance_uid),
                   base + f.sop_instance_uid, f.size, f.sha256) for f in bundle.instances]
            + [_Item(catalogue.offline_name(bundle.uid, x.uid), f"/v1/teaching/lessons/"
                     f"{x.uid}/media", x.size, x.sha256) for x in bundle.lesson_cards])


class TeachingDownloader:
    def __init__(self, database: Database, client: SyncClient, vault: OfflineVault,
                 center: str, actor: Actor,
                 on_progress: Callable[[DownloadProgress], None] | None = None) -> None:
        self._database = database
        self._client = client
        self._vault = vault
        self._dir = vault.teaching_dir
        self._key = vault.key
        self._center = center
        self._actor = actor
        self._on_progress = on_progress or (lambda _p: None)

    # -- browsing the center's library online ---------------------------------------------
    def search(self, query: library.LibraryQuery) -> list[catalogue.CaseCard]:
        params = {"text": query.text, "body_part": query.body_part, "tag": query.tag,
                  "author": query.author, "limit": query.limit}
        if query.difficulty:
            params["difficulty"] = query.difficulty
        return [catalogue.CaseCard.model_validate(c) for c in self._guard(
            lambda: self._client.get("/v1/teaching/cases", params))]

    def courses(self) -> list[catalogue.CourseCard]:
        return [catalogue.CourseCard.model_validate(c) for c in self._guard(
            lambda: self._client.get("/v1/teaching/courses"))]

    def bundle(self, uid: str) -> catalogue.CaseBundle:
        return catalogue.CaseBundle.model_validate(self._guard(
            lambda: self._client.get(f"/v1/teaching/cases/{uid}")))

    def fetch_online(self, uid: str, relay: LessonRelay | None = None
                     ) -> catalogue.CaseBundle:
        """Look at a case without keeping it: its images fetched into the vault's memory
        folder, its lessons streamed through ``relay`` (else fetched there too), known
        to the teaching desk until the program ends."""
        bundle = self.bundle(uid)
        folder = self._vault.memory_folder()
        files = []
        for item in sorted(bundle.instances, key=lambda f: f.modality == "PR"):
            files.append(self._fetch_plain(f"/v1/teaching/cases/{uid}/files/"
                                           f"{item.sop_instance_uid}",
                                           folder / f"{uid}-{item.sop_instance_uid}.dcm"))
        lessons: list[tuple[LessonSummary, Path | str, Timeline]] = []
        for summary, card in zip(catalogue.lesson_summaries(bundle), bundle.lesson_cards,
                                 strict=True):
            url = f"/v1/teaching/lessons/{card.uid}/media"
            suffix = ".mp4" if card.media_type.startswith("video") else ".m4a"
            media: Path | str = relay.add(url, card.size, card.media_type) if relay \
                else self._fetch_plain(url, folder / f"{card.uid}{suffix}")
            lessons.append((summary, media, Timeline.from_json(card.timeline)
                            if card.timeline else Timeline()))
        self._vault.visits[uid] = OnlineVisit(catalogue.detail_of(bundle), files, lessons)
        return bundle

    def _fetch_plain(self, url: str, target: Path) -> Path:
        if not target.is_file():
            self._guard(lambda: self._save_plain(url, target))
        return target

    def _save_plain(self, url: str, target: Path) -> None:
        part = target.with_name(target.name + PART)
        with self._client.stream(url) as (_resumed, chunks), open(part, "wb") as out:
            for chunk in chunks:
                out.write(chunk)
        part.rename(target)

    # -- taking cases offline -------------------------------------------------------------
    def download_course(self, course_uid: str) -> list[str]:
        course = catalogue.CourseCard.model_validate(self._guard(
            lambda: self._client.get(f"/v1/teaching/courses/{course_uid}")))
        bundles = [self.bundle(uid) for uid in course.case_uids]
        self._download(bundles, course_uid=course.uid)
        return [b.uid for b in bundles]

    def download_cases(self, uids: list[str]) -> list[str]:
        bundles = [self.bundle(uid) for uid in uids]
        self._download(bundles)
        return [b.uid for b in bundles]

    def _download(self, bundles: list[catalogue.CaseBundle], course_uid: str = "") -> None:
        total = sum(i.size for b in bundles for i in _items(b))
        done = 0
        for n, bundle in enumerate(bundles):
            self._set_state(bundle, DownloadState.RUNNING, course_uid=course_uid)
            case_done = 0
            try:
                for item in _items(bundle):
                    got = self._fetch(item, lambda d, base=done + case_done, b=bundle, k=n:
                                      self._on_progress(DownloadProgress(
                                          b.title, base + d, total, k, len(bundles))))
                    case_done += got
                    self._set_state(bundle, DownloadState.RUNNING, bytes_done=case_done)
            except DownloadFailed as exc:
                self._set_state(bundle, DownloadState.FAILED, error=str(exc))
                raise
            with self._database.transaction() as session:
                catalogue.import_bundle(session, bundle, self._center)
                record_audit(session, self._actor, "teaching.download", object_type="case",
                             object_id=bundle.uid,
                             detail={"title": bundle.title, "bytes": case_done,
                                     "course": course_uid})
            self._set_state(bundle, DownloadState.DONE, bytes_done=case_done)
            done += case_done
            self._on_progress(DownloadProgress(bundle.title, done, total, n + 1, len(bundles)))
            LOGGER.info("case %s is offline (%d bytes)", bundle.uid, case_done)

    def _fetch(self, item: _Item, progress: Callable[[int], None]) -> int:
        """Fetch one file into its encrypted place (or find it there); returns its size."""
        final = self._dir / item.name
        if final.is_file():
            return item.size
        part = final.with_name(final.name + PART)
        try:
            writer = SealedFileWriter(part, self._key, item.name)
            if writer.resume_at > item.size:  # not this file's start: begin again
                writer = self._restart(writer, part, item)
            try:
                if writer.resume_at < item.size or not item.size:
                    start = writer.resume_at
                    with self._client.stream(item.url, start=start) as (resumed, chunks):
                        if start and not resumed:  # the center sent it all again
                            writer = self._restart(writer, part, item)
                        got = writer.resume_at
                        for chunk in chunks:
                            writer.write(chunk)
                            got += len(chunk)
                            progress(got)
                writer.finish()
            finally:
                writer.close()
            self._verify(part, item)
            part.rename(final)
            return item.size
        except (SyncUnavailable, SyncRejected, AtRestError, OSError) as exc:
            raise failure_of(exc, "The download stopped: ") from exc

    def _restart(self, writer: SealedFileWriter, part: Path, item: _Item) -> SealedFileWriter:
        writer.close()
        part.unlink()
        return SealedFileWriter(part, self._key, item.name)

    def close(self) -> None:
        self._client.close()

    def _verify(self, part: Path, item: _Item) -> None:
        digest, size = hashlib.sha256(), 0
        for chunk in open_sealed(part, self._key, item.name):
            digest.update(chunk)
            size += len(chunk)
        if size != item.size or digest.hexdigest() != item.sha256:
            part.unlink()
            raise AtRestError(f"A file of the case arrived damaged ({size} of {item.size} "
                              "bytes, or its checksum differs); download the case again.")

    def _guard(self, call: Callable[[], object]) -> object:
        try:
            return call()
        except (SyncUnavailable, SyncRejected) as exc:
            raise failure_of(exc) from exc

    def _set_state(self, bundle: catalogue.CaseBundle, state: DownloadState, *,
                   course_uid: str | None = None, bytes_done: int | None = None,
                   error: str = "") -> None:
        with self._database.transaction() as session:
            row = session.scalar(select(TeachingDownload).where(
                TeachingDownload.case_uid == bundle.uid))
            if row is None:
                row = TeachingDownload(case_uid=bundle.uid)
                session.add(row)
            row.state = state
            row.bytes_total = sum(i.size for i in _items(bundle))
            if course_uid is not None:
                row.course_uid = course_uid or row.course_uid or ""
            if bytes_done is not None:
                row.bytes_done = bytes_done
            row.error = error
            row.updated_at = utcnow()
