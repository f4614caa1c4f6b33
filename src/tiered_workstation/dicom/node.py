"""The site's DICOM node: one pynetdicom AE serving verification, storage and
worklist, restricted to the peers the site knows, with limits and an audit trail."""

from __future__ import annotations

import logging
import tempfile
import threading
import time
from typing import Any

from pydicom.dataset import Dataset
from pynetdicom import AE, ALL_TRANSFER_SYNTAXES, AllStoragePresentationContexts, _config, evt
from pynetdicom.sop_class import (
    ModalityPerformedProcedureStep,
    ModalityWorklistInformationFind,
    PatientRootQueryRetrieveInformationModelFind,
    PatientRootQueryRetrieveInformationModelGet,
    PatientRootQueryRetrieveInformationModelMove,
    StorageCommitmentPushModel,
    StudyRootQueryRetrieveInformationModelFind,
    StudyRootQueryRetrieveInformationModelGet,
    StudyRootQueryRetrieveInformationModelMove,
    Verification,
)

from ..config import NodeSettings
from ..problems import ProblemKind, problem
from ..security.tls import server_context
from ..storage.archive import DicomArchive
from ..storage.database import Database
from ..storage.enums import AuditOutcome, Role
from ..workflow.actors import Actor
from ..workflow.audit import record_audit
from ..workflow.machine import ExamWorkflow
from . import accept_gate, tls_accept
from .checksums import ChecksumWorker
from .commitment import CommitmentDependencies, handle_commitment_action
from .disk_guard import disk_is_low, watch_thread_deaths
from .mpps import MppsDependencies, handle_mpps_create, handle_mpps_set
from .qr_find import QueryDependencies, handle_find
from .retrieve import RetrieveDependencies, handle_get, handle_move
from .store import StoreDependencies, handle_store
from .worklist import WorklistDependencies
from .writeback import IncomingWriteback

LOGGER = logging.getLogger(__name__)

ACSE_TIMEOUT_S = 10  # a console negotiates in milliseconds; junk connections free their slot soon
DIMSE_TIMEOUT_S = 60
NETWORK_TIMEOUT_S = 120
# pynetdicom treats an empty allow-list as "anyone"; this title can never be sent.
NOBODY = "-NO-PEERS-"
QUERY_RETRIEVE = (
    PatientRootQueryRetrieveInformationModelFind, PatientRootQueryRetrieveInformationModelMove,
    PatientRootQueryRetrieveInformationModelGet, StudyRootQueryRetrieveInformationModelFind,
    StudyRootQueryRetrieveInformationModelMove, StudyRootQueryRetrieveInformationModelGet,
)


def handle_echo(event: Any) -> int:
    return 0x0000


class DicomNode:
    """Start and stop the site's DICOM services (non-blocking, threads of pynetdicom)."""

    def __init__(self, settings: NodeSettings, database: Database, workflow: ExamWorkflow,
                 archive: DicomArchive):
        self.settings = settings
        self.database = database
        self.workflow = workflow
        self.archive = archive
        self.last_store_at = 0.0
        self.checksums = ChecksumWorker(database, archive, lambda: self.last_store_at)
        self.writeback = IncomingWriteback(archive.incoming)
        self._server: Any = None
        self._tls_server: Any = None

    @property
    def address(self) -> tuple[str, int]:
        return self.settings.dicom.bind_address, self.settings.dicom.port

    @property
    def is_running(self) -> bool:
        return self._server is not None

    def build_ae(self) -> AE:
        dicom = self.settings.dicom
        ae = AE(ae_title=dicom.ae_title)
        ae.maximum_pdu_size = dicom.max_pdu
        ae.maximum_associations = dicom.max_associations
        ae.acse_timeout = ACSE_TIMEOUT_S
        ae.dimse_timeout = DIMSE_TIMEOUT_S
        ae.network_timeout = NETWORK_TIMEOUT_S
        ae.require_calling_aet = [p.ae_title for p in self.settings.peers] or [NOBODY]
        for context in AllStoragePresentationContexts:
            # accept role reversal too, so C-GET can send back on the same association
            ae.add_supported_context(context.abstract_syntax, ALL_TRANSFER_SYNTAXES,
                                     scu_role=True, scp_role=True)
        ae.add_supported_context(Verification, ALL_TRANSFER_SYNTAXES)
        ae.add_supported_context(ModalityWorklistInformationFind, ALL_TRANSFER_SYNTAXES)
        ae.add_supported_context(ModalityPerformedProcedureStep, ALL_TRANSFER_SYNTAXES)
        for sop_class in QUERY_RETRIEVE:
            ae.add_supported_context(sop_class, ALL_TRANSFER_SYNTAXES)
        ae.add_supported_context(StorageCommitmentPushModel, ALL_TRANSFER_SYNTAXES,
                                 scu_role=True, scp_role=True)
        return ae

    def handlers(self) -> list[Any]:
        store = StoreDependencies(self.database, self.archive, self.workflow, self.settings,
                                  self.checksums)
        worklist = WorklistDependencies(self.database, self.settings)
        mpps = MppsDependencies(self.database, self.workflow, self.settings)
        query = QueryDependencies(self.database, self.settings)
        retrieve = RetrieveDependencies(self.database, self.archive, self.settings)
        commitment = CommitmentDependencies(self.database, self.archive, self.settings,
                                            self.settings.dicom.ae_title)
        return [
            (evt.EVT_C_ECHO, handle_echo),
            (evt.EVT_C_STORE, self._on_store, [store]),
            (evt.EVT_C_FIND, handle_find, [query, worklist]),
            (evt.EVT_C_MOVE, handle_move, [retrieve]),
            (evt.EVT_C_GET, handle_get, [retrieve]),
            (evt.EVT_N_ACTION, handle_commitment_action, [commitment]),
            (evt.EVT_N_CREATE, handle_mpps_create, [mpps]),
            (evt.EVT_N_SET, handle_mpps_set, [mpps]),
            (evt.EVT_REQUESTED, self._on_requested),
            (evt.EVT_ACCEPTED, self._on_association, ["accepted"]),
            (evt.EVT_REJECTED, self._on_association, ["rejected"]),
            (evt.EVT_ABORTED, self._on_association, ["aborted"]),
        ]

    def start(self) -> None:
        """Listen on the configured address; received files land in the archive's
        incoming folder so they are renamed into place, never copied."""
        leftovers = self.archive.clear_incoming()
        if leftovers:
            LOGGER.warning("removed %d incomplete transfers left from an interrupted run "
                           "(their senders were never told they were stored)", leftovers)
        _config.STORE_RECV_CHUNKED_DATASET = True
        _config.STORE_SEND_CHUNKED_DATASET = True  # a file path is sent as its bytes are
        watch_thread_deaths()
        _claim_tempdir(str(self.archive.incoming))
        self.checksums.start()
        self.writeback.start()
        ae = self.build_ae()
        self._server = ae.start_server(self.address, block=False, evt_handlers=self.handlers())
        accept_gate.gate(self._server)
        LOGGER.info("DICOM node %s listening on %s:%d", self.settings.dicom.ae_title,
                    *self.address)
        tls = self.settings.dicom.tls
        if tls is not None and tls.port:
            context = server_context(tls.certificate, tls.private_key, tls.ca_certificates,
                                     crl=tls.crl)
            self._tls_server = ae.start_server((self.address[0], tls.port), block=False,
                                               evt_handlers=self.handlers(),
                                               ssl_context=context)
            accept_gate.gate(self._tls_server)  # after the handshake, which harden moves
            tls_accept.harden(self._tls_server, self._on_tls_refused)
            LOGGER.info("DICOM TLS (mutual) listening on %s:%d", self.address[0], tls.port)

    def stop(self) -> None:
        if self._tls_server is not None:
            self._tls_server.shutdown()
            self._tls_server = None
        if self._server is not None:
            self._server.shutdown()
            self._server = None
            _release_tempdir(str(self.archive.incoming))
        self.writeback.stop()
        self.checksums.stop()

    def _on_store(self, event: Any, deps: StoreDependencies) -> int | Dataset:
        self.last_store_at = time.monotonic()
        try:
            return handle_store(event, deps)
        finally:
            self.last_store_at = time.monotonic()

    def _on_requested(self, event: Any) -> None:
        if not self._refuse_when_disk_low(event):
            self._limit_per_peer(event)

    def _refuse_when_disk_low(self, event: Any) -> bool:
        """Reject (transient, local limit exceeded) while the archive disk is nearly full."""
        minimum = self.settings.dicom.min_free_mb
        free = disk_is_low(self.archive.root, minimum) if minimum else None
        if free is None:
            return False
        assoc = event.assoc
        assoc.acse.send_reject(0x02, 0x03, 0x02)
        title = str(assoc.requestor.primitive.calling_ae_title).strip()
        who = f"{title}@{assoc.requestor.address}:{assoc.requestor.port}"
        reason = f"archive disk has {free:.0f} MB free, below dicom.min_free_mb = {minimum}"
        LOGGER.error("association rejected: %s (%s)", who, reason,
                     extra=problem(ProblemKind.DISK_FULL, peer=title))
        self._record("dicom.association.rejected", title, who, AuditOutcome.REFUSED, reason)
        assoc.kill()
        return True

    def _limit_per_peer(self, event: Any) -> None:
        """Reject (transient, local limit exceeded) a calling AE title that already
        holds its share of associations, so one device cannot starve the others."""
        assoc = event.assoc
        # ACSE fills requestor.ae_title only after this event; the request has it
        title = str(assoc.requestor.primitive.calling_ae_title).strip()
        limit = self.settings.dicom.max_associations_per_peer
        holding = sum(1 for other in assoc.ae.active_associations
                      if other is not assoc and other.is_acceptor and other.is_established
                      and other.requestor.ae_title == title)
        if holding < limit:
            return
        assoc.acse.send_reject(0x02, 0x03, 0x02)
        reason = f"{title} already holds {holding} associations (limit {limit} per peer)"
        who = f"{title}@{assoc.requestor.address}:{assoc.requestor.port}"
        LOGGER.warning("association rejected: %s (%s)", who, reason,
                       extra=problem(ProblemKind.ASSOCIATION_REFUSED, peer=title,
                                     address=assoc.requestor.address, reason="limit"))
        self._record("dicom.association.rejected", title, who, AuditOutcome.REFUSED, reason)
        assoc.kill()

    def _on_tls_refused(self, who: str, reason: str) -> None:
        self._record("dicom.tls.refused", "?", who, AuditOutcome.REFUSED, reason)

    def _record(self, action: str, ae_title: str, who: str, outcome: AuditOutcome,
                reason: str) -> None:
        try:
            with self.database.transaction() as session:
                actor = Actor(username=f"ae:{ae_title or '?'}", role=Role.SYSTEM,
                              site_code=self.settings.site_code)
                record_audit(session, actor, action, object_type="association",
                             object_id=who[:64], outcome=outcome,
                             detail={"reason": reason} if reason else None)
        except Exception:
            LOGGER.exception("could not audit %s from %s", action, who)

    def _on_association(self, event: Any, outcome: str) -> None:
        requestor = event.assoc.requestor
        who = f"{requestor.ae_title}@{requestor.address}:{requestor.port}"
        level = logging.INFO if outcome == "accepted" else logging.WARNING
        reason = ""
        if outcome == "rejected" and requestor.ae_title not in {
                p.ae_title for p in self.settings.peers}:
            reason = f"AE title {requestor.ae_title} is not a registered peer"
        # An unknown AE title is a problem for people; limits and a full disk say so
        # themselves where they reject.
        tag = problem(ProblemKind.ASSOCIATION_REFUSED, peer=requestor.ae_title,
                      address=requestor.address, reason="unknown") if reason else None
        LOGGER.log(level, "association %s: %s%s", outcome, who, f" ({reason})" if reason else "",
                   extra=tag)
        self._record(f"dicom.association.{outcome}", requestor.ae_title, who,
                     AuditOutcome.SUCCESS if outcome == "accepted" else AuditOutcome.REFUSED,
                     reason)



# pynetdicom writes chunked receives with ``tempfile``: while a node listens, temporary
# files go to its archive's incoming folder (renamed into place, never copied).  Nodes
# of one process (the demo, tests) start and stop in any order, so the folder in use is
# the newest running node's, and the original comes back when the last one stops.
_tempdirs: list[str] = []
_original_tempdir: list[str | None] = []


def _claim_tempdir(folder: str) -> None:
    with _tempdir_lock:
        if not _tempdirs:
            _original_tempdir[:] = [tempfile.tempdir]
        _tempdirs.append(folder)
        tempfile.tempdir = folder


def _release_tempdir(folder: str) -> None:
    with _tempdir_lock:
        if folder in _tempdirs:
            _tempdirs.remove(folder)
        tempfile.tempdir = _tempdirs[-1] if _tempdirs else \
            (_original_tempdir[0] if _original_tempdir else None)


_tempdir_lock = threading.Lock()
