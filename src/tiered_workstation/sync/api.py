"""The center's sync API: HTTPS with mutual TLS only, FastAPI on uvicorn in a thread.

A community is known by its certificate: the TLS handshake refuses any client
without a valid consortium certificate (unknown CA, expired, revoked — before
any handler runs), and the site code is the certificate's common name, never
a field of the request.  Every payload is validated (``schemas.py``); a bad
one gets 422 with the field named.  Routes live under ``/v1``; the OpenAPI
document is ``/v1/openapi.json``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import uvicorn
from fastapi import APIRouter, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.orm import Session
from uvicorn.protocols.http.h11_impl import H11Protocol

from ..config import Settings
from ..security.pki import site_of_peer_certificate
from ..security.tls import server_context
from ..storage.database import Database
from ..storage.enums import AuditOutcome, Role, VersionKind
from ..workflow.actors import Actor
from ..workflow.audit import record_audit
from ..workflow.machine import ExamWorkflow
from . import feed, history, inbox
from .schemas import (
    Accepted,
    Feed,
    PatientHistory,
    RegistrationIn,
    ReportIn,
    RequisitionsIn,
    StudyRecordIn,
    TransitionIn,
)
from .study_records import apply_study_record
from .tls_audit import HandshakeWatchingLoop

LOGGER = logging.getLogger(__name__)

PEER_SITE = "tiered.peer_site"
MAX_WAIT_S = 30.0


@dataclass(frozen=True)
class ApiDependencies:
    settings: Settings
    database: Database
    workflow: ExamWorkflow
    notifier: feed.FeedNotifier
    requisitions_dir: Path
    routers: tuple[APIRouter, ...] = ()  # more /v1 routes of the site's features


def peer_site(request: Request) -> str:
    """The consortium site whose certificate this request's connection presented."""
    site = request.scope.get(PEER_SITE)
    if not site:  # cannot happen behind mutual TLS; refuse rather than guess
        raise HTTPException(401, "A consortium site certificate is required.")
    return str(site)


def _known_site(deps: ApiDependencies, site: str) -> None:
    if site == deps.settings.site.code:
        raise HTTPException(403, "A site cannot sync with itself.")


def create_app(deps: ApiDependencies) -> FastAPI:
    app = FastAPI(title="Tiered Workstation sync API", version="1",
                  openapi_url="/v1/openapi.json", docs_url=None, redoc_url=None)
    router = APIRouter(prefix="/v1")

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = ["{}: {}".format(".".join(str(p) for p in e["loc"] if p != "body"),
                                    e["msg"]) for e in exc.errors()]
        LOGGER.warning("invalid request from %s to %s: %s",
                       request.scope.get(PEER_SITE, "?"), request.url.path, "; ".join(problems))
        return JSONResponse({"detail": "; ".join(problems)}, status_code=422)

    def apply(request: Request, topic: str, work: Callable[[Session, str], str],
              message_id: Any) -> Accepted:
        site = peer_site(request)
        _known_site(deps, site)
        try:
            with deps.database.transaction() as session:
                status = work(session, site)
        except inbox.ApplyError as exc:
            _audit(deps, site, topic, AuditOutcome.REFUSED, str(exc))
            raise HTTPException(exc.status, str(exc)) from None
        if status == inbox.APPLIED:
            LOGGER.info("applied %s %s from %s", topic, message_id, site)
        return Accepted(message_id=message_id, status=status)

    @router.get("/health")
    def health(request: Request) -> dict[str, str]:
        return {"site": deps.settings.site.code, "name": deps.settings.site.name,
                "you": peer_site(request)}

    @router.post("/registrations", response_model=Accepted)
    def register(body: RegistrationIn, request: Request) -> Accepted:
        return apply(request, "registration", lambda s, site: inbox.apply_registration(
            s, deps.workflow, body, site), body.message_id)

    @router.post("/exams/{accession}/transitions", response_model=Accepted)
    def transition(accession: str, body: TransitionIn, request: Request) -> Accepted:
        return apply(request, "transition", lambda s, site: inbox.apply_transition(
            s, deps.workflow, accession, body, site, owner_only=True), body.message_id)

    @router.post("/exams/{accession}/requisitions", response_model=Accepted)
    def requisitions(accession: str, body: RequisitionsIn, request: Request) -> Accepted:
        return apply(request, "requisitions", lambda s, site: inbox.apply_requisitions(
            s, accession, body, site, deps.requisitions_dir), body.message_id)

    @router.post("/exams/{accession}/preliminary-report", response_model=Accepted)
    def preliminary(accession: str, body: ReportIn, request: Request) -> Accepted:
        return apply(request, "preliminary report", lambda s, site: inbox.apply_report(
            s, accession, body, VersionKind.PRELIMINARY, site, owner_only=True),
            body.message_id)

    @router.post("/exams/{accession}/print-ack", response_model=Accepted)
    def print_ack(accession: str, body: TransitionIn, request: Request) -> Accepted:
        if body.action != "print":
            raise HTTPException(422, "action: must be 'print' for a print acknowledgement")
        return transition(accession, body, request)

    @router.post("/teaching/study-records", response_model=Accepted)
    def study_record(body: StudyRecordIn, request: Request) -> Accepted:
        return apply(request, "study record", lambda s, site: apply_study_record(
            s, body, site), body.message_id)

    @router.get("/patients/lookup", response_model=list[PatientHistory])
    def lookup(request: Request, consortium_id: str | None = Query(None, max_length=36),
               national_id: str | None = Query(None, pattern=r"^[0-9]{17}[0-9Xx]$"),
               name: str | None = Query(None, max_length=64),
               birth_date: date | None = None) -> list[PatientHistory]:
        site = peer_site(request)
        if not (consortium_id or national_id or (name and birth_date)):
            raise HTTPException(422, "query: give consortium_id, national_id, or name and "
                                     "birth_date")
        with deps.database.session() as session:
            found = history.lookup(session, consortium_id=consortium_id,
                                   national_id=national_id, name=name, birth_date=birth_date)
        _audit(deps, site, "patient.lookup", AuditOutcome.SUCCESS,
               f"{len(found)} patient(s)")
        return found

    @router.get("/feed", response_model=Feed)
    def read_feed(request: Request, after: int = Query(0, ge=0),
                  wait: float = Query(0, ge=0, le=MAX_WAIT_S)) -> Feed:
        site = peer_site(request)
        return feed.read(deps.database, deps.notifier, site, after, wait)

    app.include_router(router)
    for extra in deps.routers:
        app.include_router(extra, prefix="/v1")
    return app


def _audit(deps: ApiDependencies, site: str, action: str, outcome: AuditOutcome,
           detail: str, object_id: str = "") -> None:
    audit_peer(deps.database, deps.settings.site.code, site, action, outcome, detail,
               object_id)


def audit_peer(database: Database, own_site: str, site: str, action: str,
               outcome: AuditOutcome, detail: str, object_id: str = "") -> None:
    """Audit what a peer site asked of this one (``sync.<action>``); never raises."""
    try:
        with database.transaction() as session:
            record_audit(session, Actor(username=f"site:{site}", role=Role.SYSTEM,
                                        site_code=own_site),
                         f"sync.{action.replace(' ', '_')}", object_type="site",
                         object_id=(object_id or site)[:64], outcome=outcome,
                         detail={"detail": detail})
    except Exception:
        LOGGER.exception("could not audit %s from %s", action, site)


class _PeerAwareProtocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, telling the app which site's certificate the
    connection presented (uvicorn passes no TLS details to the app)."""

    def connection_made(self, transport: Any) -> None:
        super().connection_made(transport)
        ssl_object = transport.get_extra_info("ssl_object")
        der = ssl_object.getpeercert(binary_form=True) if ssl_object is not None else None
        site = site_of_peer_certificate(der) if der else ""
        inner = self.app

        async def with_peer(scope: Any, receive: Any, send: Any) -> None:
            scope[PEER_SITE] = site
            await inner(scope, receive, send)

        self.app = with_peer


class SyncApiServer:
    """Runs the API in a thread of its own; ``stop`` ends long polls and the server."""

    def __init__(self, deps: ApiDependencies):
        tls = deps.settings.dicom.tls
        if tls is None:
            raise ValueError("The sync API needs the site's TLS identity ([dicom.tls] "
                             "certificate, private_key, ca_certificates).")
        self.deps = deps
        api = deps.settings.api
        context = server_context(tls.certificate, tls.private_key, tls.ca_certificates,
                                 crl=tls.crl)
        config = uvicorn.Config(
            create_app(deps), host=api.bind_address, port=api.port, http=_PeerAwareProtocol,
            ssl_certfile=str(tls.certificate), ssl_context_factory=lambda _c, _d: context,
            log_level="warning", access_log=False, lifespan="off", timeout_graceful_shutdown=5)
        self._server = uvicorn.Server(config)
        self._thread: threading.Thread | None = None

    @property
    def address(self) -> tuple[str, int]:
        return self.deps.settings.api.bind_address, self.deps.settings.api.port

    def start(self, timeout: float = 10.0) -> None:
        self._thread = threading.Thread(target=self._serve, name="sync-api", daemon=True)
        self._thread.start()
        for _ in range(int(timeout / 0.02)):
            if self._server.started:
                LOGGER.info("sync API (mutual TLS) listening on https://%s:%d", *self.address)
                return
            if not self._thread.is_alive():
                break
            threading.Event().wait(0.02)
        raise RuntimeError(f"The sync API could not listen on {self.address[0]}:"
                           f"{self.address[1]} (port in use?).")

    def _serve(self) -> None:
        """uvicorn's server on a loop that audits failed TLS handshakes."""
        loop = HandshakeWatchingLoop(self._on_tls_refused)
        try:
            loop.run_until_complete(self._server.serve())
        finally:
            loop.close()

    def _on_tls_refused(self, who: str, reason: str) -> None:
        _audit(self.deps, "?", "tls refused", AuditOutcome.REFUSED, reason, object_id=who)

    def stop(self) -> None:
        self.deps.notifier.close()
        self._server.should_exit = True
        if self._thread is not None:
            # idle keep-alive TLS connections would hold a graceful stop for seconds;
            # whatever is cut off is re-sent by its client and applied once
            self._thread.join(timeout=1.0)
            self._server.force_exit = True
            self._thread.join(timeout=15)
            self._thread = None
