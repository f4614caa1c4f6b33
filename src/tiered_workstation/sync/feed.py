"""The center's event feed for one community, read with a cursor and long-poll.

The feed is the center's outbox for that community: every transition the
center makes on the community's exams (assignment, preliminary and final
reports, …) was written there in the same transaction as the change.  Rows up
to the cursor a community sends back count as delivered.  Report texts are not
kept in the outbox; the feed adds the report version to the event it belongs
to when it is read.
"""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..events import EventBus
from ..storage.base import utcnow
from ..storage.database import Database
from ..storage.enums import VersionKind
from ..storage.exams import Exam
from ..storage.messaging import OutboxMessage
from ..storage.reports import Report, ReportVersion
from ..workflow.outbox import TRANSITION_TOPIC
from ..workflow.signing import encode_signature
from . import peer_reviews
from .schemas import Feed, FeedEvent

PAGE = 200
# the report version a community needs with each of these actions
REPORT_KINDS = {
    "submit_preliminary": (VersionKind.PRELIMINARY,),
    "sign": (VersionKind.FINAL,),
    "add_addendum": (VersionKind.ADDENDUM,),
}


class FeedNotifier:
    """Wakes long polls when the center commits a change."""

    def __init__(self, bus: EventBus):
        self._condition = threading.Condition()
        self.generation = 0
        self._closed = False
        self._subscription = bus.subscribe(TRANSITION_TOPIC, lambda _event: self.notify())

    def notify(self) -> None:
        with self._condition:
            self.generation += 1
            self._condition.notify_all()

    def wait_after(self, generation: int, timeout: float) -> None:
        with self._condition:
            self._condition.wait_for(lambda: self.generation != generation or self._closed,
                                     timeout)

    def close(self) -> None:
        self._subscription.cancel()
        with self._condition:
            self._closed = True
            self._condition.notify_all()


def read(database: Database, notifier: FeedNotifier, site: str, after: int,
         wait: float) -> Feed:
    generation = notifier.generation
    with database.transaction() as session:
        session.execute(update(OutboxMessage).where(
            OutboxMessage.destination_site == site, OutboxMessage.id <= after,
            OutboxMessage.delivered_at.is_(None)).values(delivered_at=utcnow()))
        events = _page(session, site, after)
    if not events and wait > 0:
        notifier.wait_after(generation, wait)
        with database.session() as session:
            events = _page(session, site, after)
    return Feed(events=events, cursor=events[-1].id if events else after)


def _page(session: Session, site: str, after: int) -> list[FeedEvent]:
    rows = session.scalars(select(OutboxMessage).where(
        OutboxMessage.destination_site == site, OutboxMessage.id > after)
        .order_by(OutboxMessage.id).limit(PAGE)).all()
    return [FeedEvent(id=row.id, message_id=row.uuid, topic=row.topic,
                      accession_number=row.ordering_key,
                      payload=_with_report(session, row.payload)) for row in rows]


def _with_report(session: Session, payload: dict[str, Any]) -> dict[str, Any]:
    kinds = REPORT_KINDS.get(str(payload.get("action")))
    if not kinds:
        return payload
    version = session.scalar(
        select(ReportVersion).join(Report).join(Exam, Exam.id == Report.exam_id)
        .where(Exam.accession_number == payload["accession_number"],
               ReportVersion.kind.in_(kinds))
        .order_by(ReportVersion.number.desc()).limit(1))
    if version is None:
        return payload
    review = peer_reviews.as_payload(session, payload["accession_number"]) \
        if payload.get("action") == "sign" else None
    if review is not None:
        payload = {**payload, "peer_review": review}
    return {**payload, "report": {
        "kind": version.kind.value, "number": version.number, "findings": version.findings,
        "impression": version.impression, "at": version.created_at.isoformat(),
        "author": {"username": version.author_username, "name": version.author_name,
                   "role": version.author_role.value, "site": payload["actor"]["site"]},
        **encode_signature(version)}}
