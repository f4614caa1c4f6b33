"""Which registered peer may use which service; refusals are logged and audited."""

from __future__ import annotations

import functools
import inspect
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from ..config import NodeSettings
from ..problems import ProblemKind, problem
from ..storage.database import Database
from ..storage.enums import AuditOutcome, Role
from ..workflow.actors import Actor
from ..workflow.audit import record_audit

LOGGER = logging.getLogger(__name__)
NOT_AUTHORIZED = 0x0124  # PS3.7 C.5: Refused, not authorized


def permitted(event: Any, settings: NodeSettings, database: Database, service: str) -> bool:
    """True if the calling peer may use ``service``; otherwise log, audit, return False."""
    sender = event.assoc.requestor.ae_title
    if settings.allows(sender, service):
        return True
    LOGGER.warning("%s may not use the %s service: refused (see its 'services' in site.toml)",
                   sender, service,
                   extra=problem(ProblemKind.SERVICE_REFUSED, peer=sender, service=service))
    try:
        with database.transaction() as session:
            record_audit(session, Actor(f"ae:{sender}", Role.SYSTEM, settings.site_code),
                         f"dicom.{service}", object_type="association", object_id=sender,
                         outcome=AuditOutcome.REFUSED,
                         detail={"reason": f"{sender} may not use {service}"})
    except Exception:
        LOGGER.exception("could not audit the refusal of %s", sender)
    return False


Handler = TypeVar("Handler", bound=Callable[..., Any])


def requires(service: str, *refusal: Any) -> Callable[[Handler], Handler]:
    """The one opening of every DICOM handler ``(event, deps, ...)``: a calling peer that
    may not use ``service`` is logged, audited and answered ``refusal`` — what a plain
    handler returns, or what a generator handler yields, one item after another (C-MOVE
    and C-GET can only refuse in the forms pynetdicom allows before sub-operations).
    ``deps`` has ``settings`` and ``database``."""

    def decorate(handler: Handler) -> Handler:
        if inspect.isgeneratorfunction(handler):
            @functools.wraps(handler)
            def generator(event: Any, deps: Any, *args: Any) -> Any:
                if not permitted(event, deps.settings, deps.database, service):
                    yield from refusal
                    return
                yield from handler(event, deps, *args)
            return generator  # type: ignore[return-value]

        @functools.wraps(handler)
        def function(event: Any, deps: Any, *args: Any) -> Any:
            if not permitted(event, deps.settings, deps.database, service):
                return refusal[0] if len(refusal) == 1 else refusal
            return handler(event, deps, *args)
        return function  # type: ignore[return-value]

    return decorate

