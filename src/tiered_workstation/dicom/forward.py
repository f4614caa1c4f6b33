"""Store-and-forward: a community's images to its center, confirmed by commitment.

Jobs live in the database, so a restart resumes them.  Once no image of a
study has arrived for ``forward.settle_seconds``, its new instances become a
job (urgent exams first).  A job goes out over DICOM TLS in one association,
compressed losslessly (JPEG-LS, falling back to JPEG 2000 lossless, then the
file's own syntax), and is finished only when the center's Storage
Commitment confirms every instance; then the exam moves to ``transferred``.
A failed attempt is retried with backoff.  Local files stay in the archive.
"""

from __future__ import annotations

import logging
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..config import ForwarderSettings, PeerKind, PeerNode
from ..problems import ProblemKind, problem
from ..security.tls import client_context
from ..storage.archive import DicomArchive
from ..storage.base import utcnow
from ..storage.database import Database
from ..storage.enums import ExamState, Priority
from ..storage.exams import Exam
from ..storage.forwarding import ForwardItem, ForwardJob
from ..storage.imaging import Instance, Series, Study
from ..workers import Worker
from ..workflow.actors import Actor
from ..workflow.errors import TransitionRefused
from ..workflow.machine import ExamWorkflow
from ..workflow.retry import backoff_seconds
from ..workflow.transitions import Action
from .scu import DicomConnectionError, Target
from .scu_transfer import store_and_commit

LOGGER = logging.getLogger(__name__)

PENDING, DONE = "pending", "done"
PRIORITY_RANK = {Priority.STAT: 0, Priority.URGENT: 1, Priority.ROUTINE: 2}
RETRY_CEILING_S = 120.0
COMMITMENT_TIMEOUT_S = 120.0
PURGE_EVERY_S = 3600.0


class ForwardError(RuntimeError):
    """The center has no usable DICOM peer entry for forwarding."""


def center_peer(settings: ForwarderSettings) -> PeerNode:
    center = settings.center
    for peer in settings.peers:
        if peer.kind is PeerKind.NODE and peer.site == center:
            return peer
    raise ForwardError(f"No DICOM peer of kind 'node' with site = {center!r} is configured; "
                       "add the center's node with 'tiered-ws peer add --role node --site "
                       f"{center} --tls …'.")


@dataclass(frozen=True)
class JobResult:
    job_id: int
    study_instance_uid: str
    sent: int
    committed: int
    complete: bool
    seconds: float = 0.0  # stores and commitment, one association


def plan_jobs(session: Session, destination: str, settle_before: datetime) -> list[int]:
    """Turn settled studies' unforwarded instances into jobs; returns new job ids."""
    forwarded = select(ForwardItem.instance_id)
    rows = session.execute(
        select(Study.study_instance_uid, Study.accession_number, Instance.id)
        .join(Series, Series.study_id == Study.id).join(Instance, Instance.series_id == Series.id)
        .where(Instance.id.not_in(forwarded))
        .order_by(Study.id, Instance.id)).all()
    latest = dict(session.execute(
        select(Study.study_instance_uid, func.max(Instance.received_at))
        .join(Series, Series.study_id == Study.id).join(Instance, Instance.series_id == Series.id)
        .group_by(Study.study_instance_uid)).all())
    by_study: dict[str, tuple[str, list[int]]] = {}
    for study_uid, accession, instance_id in rows:
        if latest[study_uid] is not None and latest[study_uid] > settle_before:
            continue  # images still arriving
        by_study.setdefault(study_uid, (accession, []))[1].append(instance_id)
    created = []
    for study_uid, (accession, instance_ids) in by_study.items():
        exam = session.scalar(select(Exam).where(Exam.study_instance_uid == study_uid))
        rank = PRIORITY_RANK.get(exam.priority, 2) if exam else 2
        job = ForwardJob(study_instance_uid=study_uid,
                         accession_number=accession or (exam.accession_number if exam else ""),
                         destination_ae=destination, priority=rank,
                         items=[ForwardItem(instance_id=i) for i in instance_ids])
        session.add(job)
        session.flush()
        created.append(job.id)
        LOGGER.info("forward job %d: study %s, %d instance(s) for %s", job.id, study_uid,
                    len(instance_ids), destination)
    return created


class Forwarder:
    """Plans and runs forward jobs; ``run_due`` once, or ``start``/``stop`` a thread."""

    def __init__(self, settings: ForwarderSettings, database: Database, archive: DicomArchive,
                 workflow: ExamWorkflow, *, clock: Callable[[], datetime] = utcnow,
                 tls: ssl.SSLContext | None = None):
        self.settings = settings
        self.database = database
        self.archive = archive
        self.workflow = workflow
        self.clock = clock
        self.peer = center_peer(settings)
        identity = settings.tls
        if tls is None and self.peer.tls:
            if identity is None:
                raise ForwardError("Forwarding over DICOM TLS needs this site's TLS identity "
                                   "([dicom.tls] certificate, private_key, ca_certificates).")
            tls = client_context(identity.certificate, identity.private_key,
                                 identity.ca_certificates)
        self.tls = tls
        self.target = Target(self.peer.ae_title, self.peer.host, self.peer.port)
        compression = settings.forward.compression
        self.compress = None if compression == "none" else compression
        self.last_error = ""
        self.interval = 1.0
        self._last_purge = 0.0
        self._worker = Worker("forwarder", self._round,
                              join_timeout=COMMITMENT_TIMEOUT_S + 30)

    def plan(self) -> list[int]:
        settle = timedelta(seconds=self.settings.forward.settle_seconds)
        with self.database.transaction() as session:
            return plan_jobs(session, self.peer.ae_title, self.clock() - settle)

    def due_jobs(self) -> list[int]:
        with self.database.session() as session:
            return list(session.scalars(select(ForwardJob.id).where(
                ForwardJob.state == PENDING, ForwardJob.next_attempt_at <= self.clock())
                .order_by(ForwardJob.priority, ForwardJob.id)))

    def run_due(self) -> list[JobResult]:
        """Plan, then run every due job, most urgent first."""
        self.plan()
        results = []
        for job_id in self.due_jobs():
            if self._worker.stopping:
                break
            results.append(self.run_job(job_id))
        self.confirm_transferred()
        return results

    def run_job(self, job_id: int) -> JobResult:
        with self.database.session() as session:
            job = session.get(ForwardJob, job_id)
            assert job is not None
            study_uid = job.study_instance_uid
            todo = session.execute(
                select(ForwardItem.id, Instance.sop_class_uid, Instance.sop_instance_uid,
                       Instance.path)
                .join(Instance, Instance.id == ForwardItem.instance_id)
                .where(ForwardItem.job_id == job_id, ForwardItem.committed_at.is_(None))
                .order_by(ForwardItem.id)).all()
        calling = self.settings.ae_title
        try:
            started = time.perf_counter()
            outcomes, result = store_and_commit(
                self.target, calling, [self.archive.root / path for *_, path in todo],
                compress=self.compress, tls=self.tls, timeout=COMMITMENT_TIMEOUT_S)
            stored = {o.sop_instance_uid for o in outcomes if o.ok}
            seconds = time.perf_counter() - started
        except (DicomConnectionError, OSError, RuntimeError, ValueError) as exc:
            return self._failed(job_id, study_uid, f"{self.peer.ae_title}: {exc}")
        committed = set(result.committed)
        now = self.clock()
        with self.database.transaction() as session:
            job = session.get(ForwardJob, job_id)
            assert job is not None
            for item_id, _, uid, _ in todo:
                if uid in committed:
                    session.get(ForwardItem, item_id).committed_at = now  # type: ignore[union-attr]
            job.attempts += 1
            job.transfer_syntaxes = ",".join(sorted({o.transfer_syntax for o in outcomes}))
            complete = len(committed) == len(todo)
            if complete:
                job.state, job.finished_at, job.last_error = DONE, now, ""
            else:
                missing = len(todo) - len(committed)
                job.last_error = f"{missing} instance(s) not confirmed by {self.peer.ae_title}"
                job.next_attempt_at = now + timedelta(
                    seconds=backoff_seconds(job.attempts, RETRY_CEILING_S))
        if complete:
            LOGGER.info("forward job %d: %d instance(s) of %s committed at %s", job_id,
                        len(todo), study_uid, self.peer.ae_title)
        else:
            LOGGER.warning("forward job %d: %s; will retry", job_id, job.last_error)
        return JobResult(job_id, study_uid, len(stored), len(committed), complete, seconds)

    def _failed(self, job_id: int, study_uid: str, error: str) -> JobResult:
        self.last_error = error
        with self.database.transaction() as session:
            job = session.get(ForwardJob, job_id)
            assert job is not None
            job.attempts += 1
            job.last_error = error[:2000]
            job.next_attempt_at = self.clock() + timedelta(
                seconds=backoff_seconds(job.attempts, RETRY_CEILING_S))
        LOGGER.warning("forwarding study %s failed (attempt %d): %s", study_uid,
                       job.attempts, error, extra=problem(ProblemKind.FORWARD_FAILED,
                                                          peer=self.peer.ae_title))
        return JobResult(job_id, study_uid, 0, 0, False)

    def confirm_transferred(self) -> list[str]:
        """Move acquired exams whose images are all committed to ``transferred``."""
        moved = []
        actor = Actor.system(self.settings.site_code, "forwarder")
        with self.database.transaction() as session:
            exams = session.scalars(select(Exam).where(Exam.state == ExamState.ACQUIRED)).all()
            for exam in exams:
                counts = session.execute(
                    select(func.count(ForwardItem.id), func.count(ForwardItem.committed_at))
                    .join(ForwardJob).where(
                        ForwardJob.study_instance_uid == exam.study_instance_uid)).one()
                total, committed = counts
                if total == 0 or committed < total:
                    continue
                try:
                    self.workflow.apply(session, exam, Action.CONFIRM_TRANSFER, actor,
                                        note=f"storage commitment confirmed: {committed}/"
                                             f"{total} at {self.peer.ae_title}")
                except TransitionRefused as exc:
                    LOGGER.warning("exam %s: %s", exam.accession_number, exc)
                    continue
                moved.append(exam.accession_number)
        return moved

    def pending_count(self) -> int:
        with self.database.session() as session:
            return int(session.scalar(select(func.count()).select_from(ForwardJob).where(
                ForwardJob.state == PENDING)) or 0)

    def purge_forwarded(self) -> int:
        """Delete local files ``forward.retention_days`` after the center committed them,
        once their exam is printed; returns how many files were deleted.  The index
        rows stay (the study is known, and held at the center)."""
        days = self.settings.forward.retention_days
        if days <= 0:
            return 0
        cutoff = self.clock() - timedelta(days=days)
        with self.database.session() as session:
            paths = session.scalars(
                select(Instance.path).join(ForwardItem, ForwardItem.instance_id == Instance.id)
                .join(Series, Series.id == Instance.series_id)
                .join(Study, Study.id == Series.study_id)
                .outerjoin(Exam, Exam.id == Study.exam_id)
                .where(ForwardItem.committed_at.is_not(None),
                       ForwardItem.committed_at < cutoff,
                       or_(Exam.id.is_(None), Exam.state == ExamState.PRINTED))
                .distinct()).all()
        deleted = 0
        for relative in paths:
            path = self.archive.absolute(relative)
            if path.exists():
                path.unlink()
                deleted += 1
        if deleted:
            LOGGER.info("retention: deleted %d local image file(s) held at %s for more than "
                        "%d days", deleted, self.peer.ae_title, days)
        return deleted

    def _round(self) -> float:
        self.run_due()
        if time.monotonic() - self._last_purge > PURGE_EVERY_S:
            self._last_purge = time.monotonic()
            self.purge_forwarded()
        return self.interval

    def wake(self) -> None:
        self._worker.wake()

    def start(self) -> None:
        self._worker.start()

    def stop(self) -> None:
        self._worker.stop()
