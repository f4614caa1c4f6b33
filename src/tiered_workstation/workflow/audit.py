"""Writing the audit trail."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from ..storage.base import utcnow
from ..storage.enums import AuditOutcome
from ..storage.messaging import AuditEvent
from .actors import Actor


def record_audit(session: Session, actor: Actor, action: str, *, object_type: str = "",
                 object_id: str = "", outcome: AuditOutcome = AuditOutcome.SUCCESS,
                 detail: dict[str, Any] | None = None,
                 at: datetime | None = None) -> AuditEvent:
    """Add an audit event to ``session`` (committed with the change it describes)."""
    event = AuditEvent(at=at or utcnow(), site_code=actor.site_code, actor_username=actor.username,
                       actor_role=actor.role.value, action=action, object_type=object_type,
                       object_id=object_id, outcome=outcome, detail=detail or {})
    session.add(event)
    return event
