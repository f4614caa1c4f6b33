"""Which registered peer may use which service; refusals are logged and audited."""

from __future__ import annotations

import logging
from typing import Any

from ..config import Settings
from ..problems import ProblemKind, problem
from ..storage.database import Database
from ..storage.enums import AuditOutcome, Role
from ..workflow.actors import Actor
from ..workflow.audit import record_audit

LOGGER = logging.getLogger(__name__)
NOT_AUTHORIZED = 0x0124  # PS3.7 C.5: Refused, not authorized


def permitted(event: Any, settings: Settings, database: Database, service: str) -> bool:
    """True if the calling peer may use ``service``; otherwise log, audit, return False."""
    sender = event.assoc.requestor.ae_title
    if settings.allows(sender, service):
        return True
    LOGGER.warning("%s may not use the %s service: refused (see its 'services' in site.toml)",
                   sender, service,
                   extra=problem(ProblemKind.SERVICE_REFUSED, peer=sender, service=service))
    try:
        with database.transaction() as session:
            record_audit(session, Actor(f"ae:{sender}", Role.SYSTEM, settings.site.code),
                         f"dicom.{service}", object_type="association", object_id=sender,
                         outcome=AuditOutcome.REFUSED,
                         detail={"reason": f"{sender} may not use {service}"})
    except Exception:
        LOGGER.exception("could not audit the refusal of %s", sender)
    return False
