"""Audit trail and the transactional outbox/inbox between sites."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UTCDateTime, enum_column, utcnow
from .enums import AuditOutcome


class AuditEvent(Base):
    """Who did what to which object, and whether it was allowed."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    site_code: Mapped[str] = mapped_column(String(8))
    actor_username: Mapped[str] = mapped_column(String(64), default="", index=True)
    actor_role: Mapped[str] = mapped_column(String(24), default="")
    action: Mapped[str] = mapped_column(String(48), index=True)
    object_type: Mapped[str] = mapped_column(String(32), default="")
    object_id: Mapped[str] = mapped_column(String(64), default="")
    outcome: Mapped[AuditOutcome] = mapped_column(enum_column(AuditOutcome),
                                                  default=AuditOutcome.SUCCESS)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class OutboxMessage(Base):
    """A message for another site, written in the same transaction as the change
    it reports; a worker delivers it and marks it delivered."""

    __tablename__ = "outbox_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    destination_site: Mapped[str] = mapped_column(String(8), index=True)
    topic: Mapped[str] = mapped_column(String(48))
    ordering_key: Mapped[str] = mapped_column(String(64), index=True)  # accession number
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    last_error: Mapped[str] = mapped_column(Text, default="")


class InboxMessage(Base):
    """A message received from another site; its UUID makes applying idempotent."""

    __tablename__ = "inbox_messages"

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    source_site: Mapped[str] = mapped_column(String(8))
    topic: Mapped[str] = mapped_column(String(48))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    applied_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
