"""A community following the center's event feed, keeping its exams in step.

The cursor (the last feed event applied) is kept in a file next to the
database; each event is applied with its UUID in the inbox, so an event seen
again after a crash between applying and saving the cursor changes nothing.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select

from ..problems import ProblemKind, problem
from ..storage.database import Database
from ..storage.enums import VersionKind
from ..storage.files import write_atomically
from ..storage.sites import Site
from ..workers import Worker
from ..workflow.machine import ExamWorkflow
from . import inbox, peer_reviews
from .client import SyncClient, SyncRejected, SyncUnavailable
from .schemas import ActorIn, FeedEvent, PeerReviewIn, ReportIn, TransitionIn

LOGGER = logging.getLogger(__name__)

LONG_POLL_S = 25.0
RETRY_S = 5.0


class FeedFollower:
    def __init__(self, database: Database, workflow: ExamWorkflow, client: SyncClient,
                 center: str, cursor_file: Path, *, retry_seconds: float = RETRY_S,
                 long_poll_seconds: float = LONG_POLL_S):
        self.database = database
        self.workflow = workflow
        self.client = client
        self.center = center
        self.cursor_file = cursor_file
        self.retry_seconds = retry_seconds
        self.long_poll_seconds = long_poll_seconds
        self.last_error = ""
        self._worker = Worker("feed-follower", self._round, error_wait=retry_seconds,
                              join_timeout=long_poll_seconds + 35)
        self._introduced = False

    def _learn_center_name(self) -> None:
        """Reports print the center's name; it comes from the center itself."""
        name = self.client.health().get("name", "")
        with self.database.transaction() as session:
            site = session.scalar(select(Site).where(Site.code == self.center))
            if site is not None and name:
                site.name = name
        self._introduced = True

    @property
    def cursor(self) -> int:
        try:
            return int(self.cursor_file.read_text().strip() or 0)
        except FileNotFoundError:
            return 0

    def _save_cursor(self, value: int) -> None:
        write_atomically(self.cursor_file, lambda h: h.write(str(value).encode()))

    def poll(self, wait: float = 0) -> int:
        """Fetch and apply what is new; returns how many events were applied."""
        if not self._introduced:
            self._learn_center_name()
        feed = self.client.feed(self.cursor, wait)
        applied = 0
        for event in feed.events:
            applied += self.apply(event)
            self._save_cursor(event.id)
        self.last_error = ""
        return applied

    def apply(self, event: FeedEvent) -> int:
        payload: dict[str, Any] = event.payload
        report = payload.get("report")
        try:
            with self.database.transaction() as session:
                if report:
                    inbox.apply_report(session, event.accession_number, ReportIn(
                        message_id=_report_id(event), at=report["at"],
                        author=ActorIn(**report["author"]), findings=report["findings"],
                        impression=report["impression"], signature=report.get("signature"),
                        certificate=report.get("certificate"),
                        images=report.get("images", [])), VersionKind(report["kind"]),
                        self.center, owner_only=False)
                if payload.get("peer_review"):
                    peer_reviews.apply(session, inbox.exam_of(session, event.accession_number),
                                       PeerReviewIn.model_validate(payload["peer_review"]))
                status = inbox.apply_transition(session, self.workflow, event.accession_number,
                                                TransitionIn(
                    message_id=event.message_id, action=payload["action"],
                    from_state=payload.get("from_state"), to_state=payload["to_state"],
                    at=payload["at"], actor=ActorIn(**payload["actor"]),
                    note=payload.get("note", "")), self.center, owner_only=False)
        except (inbox.ApplyError, ValidationError) as exc:
            LOGGER.error("feed event %d (%s) not applied: %s", event.id,
                         event.accession_number, exc, extra=problem(ProblemKind.FEED_FAILED))
            return 0
        return 1 if status == inbox.APPLIED else 0

    def _round(self) -> float:
        try:
            self.poll(wait=self.long_poll_seconds)
        except (SyncUnavailable, SyncRejected) as exc:
            self.last_error = str(exc)
            kind = ProblemKind.CENTER_UNREACHABLE if isinstance(exc, SyncUnavailable) \
                else ProblemKind.FEED_FAILED  # one cause, one message for people
            LOGGER.warning("event feed: %s", exc, extra=problem(kind))
            return self.retry_seconds
        return 0.0

    def start(self) -> None:
        self._worker.start()

    def stop(self) -> None:
        self._worker.stop()


def _report_id(event: FeedEvent) -> str:
    """A stable UUID for the report carried by a feed event (distinct from the event's)."""
    import uuid

    return str(uuid.uuid5(event.message_id, "report"))
