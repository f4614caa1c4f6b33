"""Delivering a community's outbox to the center.

Messages are rows written in the same transaction as the change they report,
by ``workflow.outbox`` (transitions, requisition scans, report bodies sealed
with AES-GCM); this module only delivers them.  A worker thread sends them in
order per exam (a later message of an exam waits for the earlier ones), marks
each delivered when the center acknowledged it, and while the center is
unreachable retries with exponential backoff and jitter.  The center applies
each message once by its UUID, so a message sent twice (crash after sending,
before marking) does no harm.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from ..events import EventBus
from ..problems import ProblemKind, problem
from ..security.sealing import Sealer
from ..storage.base import utcnow
from ..storage.database import Database
from ..storage.messaging import OutboxMessage
from ..workers import Worker
from ..workflow.outbox import (
    PRELIMINARY_TOPIC,
    REQUISITIONS_TOPIC,
    STUDY_TOPIC,
    TRANSITION_TOPIC,
)
from ..workflow.retry import backoff_seconds
from .client import SyncClient, SyncRejected, SyncUnavailable

LOGGER = logging.getLogger(__name__)

BATCH = 100


def request_for(message: OutboxMessage, sealer: Sealer) -> tuple[str, dict[str, Any]]:
    """The API path and body that deliver ``message``."""
    p = message.payload
    accession = message.ordering_key
    if message.topic == TRANSITION_TOPIC:
        common = {"message_id": message.uuid, "at": p["at"], "actor": p["actor"]}
        if p["action"] == "register":
            return "/v1/registrations", {**common, "exam": p["exam"]}
        body = {**common, "action": p["action"], "from_state": p["from_state"],
                "to_state": p["to_state"], "note": p.get("note", "")}
        path = "print-ack" if p["action"] == "print" else "transitions"
        return f"/v1/exams/{accession}/{path}", body
    if message.topic == REQUISITIONS_TOPIC:
        files = sealer.open(p["sealed"], context=p["sealed_with"])
        return f"/v1/exams/{accession}/requisitions", {"message_id": message.uuid,
                                                        "attachments": files}
    if message.topic == PRELIMINARY_TOPIC:
        body = sealer.open(p["sealed"], context=p["sealed_with"])
        return f"/v1/exams/{accession}/preliminary-report", {
            "message_id": message.uuid, "at": p["at"], "author": p["author"], **body}
    if message.topic == STUDY_TOPIC:
        return "/v1/teaching/study-records", {"message_id": message.uuid, **p}
    raise ValueError(f"outbox message {message.uuid} has unknown topic {message.topic!r}")


class OutboxDelivery:
    """Sends the outbox to the center, in a thread (``start``/``stop``) or by
    ``deliver_due`` calls (tests, the CLI)."""

    def __init__(self, database: Database, client: SyncClient, sealer: Sealer,
                 destination: str, *, retry_max_seconds: float = 300,
                 clock: Callable[[], datetime] = utcnow, bus: EventBus | None = None):
        self.database = database
        self.client = client
        self.sealer = sealer
        self.destination = destination
        self.retry_max_seconds = retry_max_seconds
        self.clock = clock
        self.last_error = ""
        self._worker = Worker("outbox", self._round, error_wait=retry_max_seconds)
        self._subscription = bus.subscribe(TRANSITION_TOPIC, lambda _e: self._worker.wake()) \
            if bus else None

    def deliver_due(self) -> int:
        """Send every message that is due, in order per exam; returns how many the
        center acknowledged.  Stops at the first sign the center is unreachable."""
        now = self.clock()
        with self.database.session() as session:
            pending = session.scalars(select(OutboxMessage).where(
                OutboxMessage.destination_site == self.destination,
                OutboxMessage.delivered_at.is_(None)).order_by(OutboxMessage.id)
                .limit(BATCH)).all()
            session.expunge_all()
        blocked: set[str] = set()
        delivered = 0
        for message in pending:
            if message.ordering_key in blocked:
                continue
            if message.next_attempt_at > now:
                blocked.add(message.ordering_key)  # earlier message of this exam waits
                continue
            try:
                path, body = request_for(message, self.sealer)
                self.client.post(path, body)
            except SyncUnavailable as exc:
                self._failed(message, str(exc), now)
                return delivered
            except (SyncRejected, ValueError) as exc:
                LOGGER.error("the center refused outbox message %s (%s %s): %s", message.uuid,
                             message.topic, message.ordering_key, exc,
                             extra=problem(ProblemKind.CENTER_REFUSED,
                                           accession=message.ordering_key))
                self._failed(message, str(exc), now)
                blocked.add(message.ordering_key)
                continue
            with self.database.transaction() as session:
                row = session.get(OutboxMessage, message.id)
                if row is not None:
                    row.delivered_at = self.clock()
                    row.attempts += 1
                    row.last_error = ""
            delivered += 1
        if delivered:
            self.last_error = ""
        return delivered

    def _failed(self, message: OutboxMessage, error: str, now: datetime) -> None:
        self.last_error = error
        with self.database.transaction() as session:
            row = session.get(OutboxMessage, message.id)
            if row is None:
                return
            row.attempts += 1
            row.last_error = error[:2000]
            row.next_attempt_at = now + timedelta(
                seconds=backoff_seconds(row.attempts, self.retry_max_seconds))
        LOGGER.warning("outbox: %s; attempt %d for %s %s", error, message.attempts + 1,
                       message.topic, message.ordering_key,
                       extra=problem(ProblemKind.CENTER_UNREACHABLE))

    def next_due_in(self) -> float:
        with self.database.session() as session:
            due = session.scalar(select(OutboxMessage.next_attempt_at).where(
                OutboxMessage.destination_site == self.destination,
                OutboxMessage.delivered_at.is_(None))
                .order_by(OutboxMessage.next_attempt_at).limit(1))
        if due is None:
            return self.retry_max_seconds
        return max(0.0, (due - self.clock()).total_seconds())

    def _round(self) -> float:
        self.deliver_due()
        return min(self.next_due_in(), self.retry_max_seconds)

    def start(self) -> None:
        self._worker.start()

    def stop(self) -> None:
        if self._subscription:
            self._subscription.cancel()
        self._worker.stop()
