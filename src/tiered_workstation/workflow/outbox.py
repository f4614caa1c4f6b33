"""Writing outbox messages: the one place that makes them, beside the changes they report.

A message is a row in the same transaction as the change another site must
hear about: a transition (``machine``), requisition scans and a community
doctor's preliminary report (bodies sealed with AES-GCM while they wait on this
PC's disk).  ``sync.outbox`` only delivers them; the receiver applies each once
by its UUID.
"""

from __future__ import annotations

import base64
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from ..security.sealing import Sealer
from ..storage.base import utcnow
from ..storage.exams import Exam
from ..storage.messaging import OutboxMessage
from ..storage.reports import ReportVersion
from .signing import encode_images

TRANSITION_TOPIC = "exam.transition"
REQUISITIONS_TOPIC = "exam.requisitions"
PRELIMINARY_TOPIC = "report.preliminary"
STUDY_TOPIC = "teaching.study"  # a community's study records, for the center


def queue_message(session: Session, destination: str, topic: str, ordering_key: str,
                  payload: dict[str, Any], *, at: datetime | None = None) -> OutboxMessage:
    """Add one message for ``destination`` to ``session`` (sent in order per key)."""
    when = at or utcnow()
    message = OutboxMessage(uuid=str(uuid.uuid4()), destination_site=destination, topic=topic,
                            ordering_key=ordering_key, payload=payload, created_at=when,
                            next_attempt_at=when)
    session.add(message)
    session.flush()
    return message


def queue_requisitions(session: Session, exam: Exam, files: list[tuple[str, bytes]],
                       sealer: Sealer, destination: str) -> OutboxMessage:
    """Queue requisition scans for the center, sealed (they wait on this PC's disk)."""
    sealed_with = str(uuid.uuid4())
    content = [{"filename": name, "data_base64": base64.b64encode(data).decode()}
               for name, data in files]
    return queue_message(session, destination, REQUISITIONS_TOPIC, exam.accession_number,
                         {"accession_number": exam.accession_number,
                          "sealed": sealer.seal(content, context=sealed_with),
                          "sealed_with": sealed_with})


def queue_preliminary_report(session: Session, exam: Exam, version: ReportVersion,
                             sealer: Sealer, destination: str) -> OutboxMessage:
    """Queue a community doctor's preliminary report for the center (body sealed)."""
    sealed_with = str(uuid.uuid4())
    body = {"findings": version.findings, "impression": version.impression,
            "images": encode_images(version)}
    return queue_message(session, destination, PRELIMINARY_TOPIC, exam.accession_number, {
        "accession_number": exam.accession_number, "at": version.created_at.isoformat(),
        "author": {"username": version.author_username, "name": version.author_name,
                   "role": version.author_role.value, "site": exam.site_code},
        "sealed": sealer.seal(body, context=sealed_with), "sealed_with": sealed_with})
