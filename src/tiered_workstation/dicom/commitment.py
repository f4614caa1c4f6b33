"""Storage Commitment Push Model: tell a sender which instances are safely archived.

SCP: N-ACTION lists SOP instances; we answer at once, then send an
N-EVENT-REPORT — on the same association if the sender kept it open,
otherwise on a new association to the sender's registered address.  An
instance counts as committed when it is indexed and its file (fsync'd before
it was acknowledged) is in the archive.

SCU: :func:`request_commitment` asks a node and waits for the report on the
same association (what the forwarder uses).
"""

from __future__ import annotations

import logging
import ssl
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydicom.dataset import Dataset
from pynetdicom import AE, build_role, evt
from pynetdicom.sop_class import StorageCommitmentPushModel
from sqlalchemy import select

from ..config import NodeSettings
from ..storage.archive import DicomArchive
from ..storage.database import Database
from ..storage.imaging import Instance
from ..workflow.identifiers import new_uid
from .permissions import NOT_AUTHORIZED, requires
from .references import referenced_sops
from .scu import DicomConnectionError, Target

LOGGER = logging.getLogger(__name__)

WELL_KNOWN_INSTANCE = "1.2.840.10008.1.20.1.1"
ALL_COMMITTED, SOME_FAILED = 1, 2
NO_SUCH_OBJECT = 0x0112
REPORT_DELAY_S = 0.05  # let the N-ACTION response leave first


@dataclass(frozen=True)
class CommitmentDependencies:
    database: Database
    archive: DicomArchive
    settings: NodeSettings
    ae_title: str


@dataclass
class CommitmentResult:
    transaction_uid: str
    committed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.failed


def _references(seq: Iterable[Dataset]) -> list[tuple[str, str]]:
    return [(str(i.ReferencedSOPClassUID), str(i.ReferencedSOPInstanceUID)) for i in seq]


def build_report(deps: CommitmentDependencies, transaction_uid: str,
                 references: list[tuple[str, str]]) -> tuple[int, Dataset]:
    """The event type and the N-EVENT-REPORT information for these references."""
    uids = [uid for _, uid in references]
    with deps.database.session() as session:
        archived = {i.sop_instance_uid: i for i in session.scalars(
            select(Instance).where(Instance.sop_instance_uid.in_(uids)))}
    report = Dataset()
    report.TransactionUID = transaction_uid
    ok, failed = [], []
    for item in referenced_sops(references):
        instance = archived.get(str(item.ReferencedSOPInstanceUID))
        if instance is not None and deps.archive.absolute(instance.path).exists():
            ok.append(item)
        else:
            item.FailureReason = NO_SUCH_OBJECT
            failed.append(item)
    report.RetrieveAETitle = deps.ae_title
    report.ReferencedSOPSequence = ok
    if failed:
        report.FailedSOPSequence = failed
    return (SOME_FAILED if failed else ALL_COMMITTED), report


@requires("commitment", (NOT_AUTHORIZED, None))
def handle_commitment_action(event: Any, deps: CommitmentDependencies) -> tuple[int, None]:
    """Bound to ``evt.EVT_N_ACTION``."""
    info = event.action_information
    sender = event.assoc.requestor.ae_title
    try:
        transaction = str(info.TransactionUID)
        references = _references(info.ReferencedSOPSequence)
    except AttributeError as exc:
        LOGGER.warning("storage commitment request from %s refused: %s", sender, exc)
        return 0x0120, None  # missing attribute
    event_type, report = build_report(deps, transaction, references)
    LOGGER.info("storage commitment %s for %s: %d committed, %d failed", transaction, sender,
                len(report.ReferencedSOPSequence), len(report.get("FailedSOPSequence", [])))
    timer = threading.Timer(REPORT_DELAY_S, _send_report,
                            (event.assoc, deps, sender, event_type, report))
    timer.daemon = True
    timer.start()
    return 0x0000, None


def _send_report(assoc: Any, deps: CommitmentDependencies, requestor: str, event_type: int,
                 report: Dataset) -> None:
    if assoc.is_established:
        status, _ = assoc.send_n_event_report(report, event_type, StorageCommitmentPushModel,
                                              WELL_KNOWN_INSTANCE)
        if status and status.Status == 0:
            return
    peer = deps.settings.peer(requestor)
    if peer is None:
        LOGGER.error("cannot report storage commitment to %s: not a registered peer", requestor)
        return
    ae = AE(ae_title=deps.ae_title)
    ae.add_requested_context(StorageCommitmentPushModel)
    role = build_role(StorageCommitmentPushModel, scp_role=True)  # we are the SCP, calling
    new = ae.associate(peer.host, peer.port, ae_title=peer.ae_title, ext_neg=[role])
    if not new.is_established:
        LOGGER.error("cannot report storage commitment to %s at %s:%d: no association",
                     requestor, peer.host, peer.port)
        return
    try:
        new.send_n_event_report(report, event_type, StorageCommitmentPushModel,
                                WELL_KNOWN_INSTANCE)
    finally:
        new.release()


class CommitmentWaiter:
    """Waits for the N-EVENT-REPORT of one commitment request on its association."""

    def __init__(self) -> None:
        self.transaction = new_uid()
        self.result = CommitmentResult(self.transaction)
        self._done = threading.Event()
        self._reporter: threading.Thread | None = None

    def handlers(self) -> list[Any]:
        return [(evt.EVT_N_EVENT_REPORT, self._on_report)]

    def _on_report(self, event: Any) -> tuple[int, None]:
        info = event.event_information
        if str(info.get("TransactionUID", "")) == self.transaction:
            self.result.committed = [uid for _, uid in _references(
                info.get("ReferencedSOPSequence", []))]
            self.result.failed = [uid for _, uid in _references(
                info.get("FailedSOPSequence", []))]
            self._reporter = threading.current_thread()
            self._done.set()
        return 0x0000, None

    def request(self, assoc: Any, target: Target, references: list[tuple[str, str]],
                timeout: float) -> CommitmentResult:
        """N-ACTION on ``assoc`` (bound to :meth:`handlers`), then wait for the report."""
        if not references:
            return self.result
        request = Dataset()
        request.TransactionUID = self.transaction
        request.ReferencedSOPSequence = referenced_sops(references)
        status, _ = assoc.send_n_action(request, 1, StorageCommitmentPushModel,
                                        WELL_KNOWN_INSTANCE)
        if not status or status.Status != 0:
            raise DicomConnectionError(f"{target.ae_title} refused the commitment request")
        if not self._done.wait(timeout):
            raise DicomConnectionError(f"{target.ae_title} sent no commitment report within "
                                       f"{timeout:.0f} s")
        # pynetdicom answers the report on the thread that called us, after we return;
        # releasing before that answer is queued would break its state machine
        if self._reporter is not None and self._reporter is not threading.current_thread():
            self._reporter.join(timeout=10)
        return self.result


def request_commitment(target: Target, calling_ae: str, references: list[tuple[str, str]],
                       timeout: float = 60,
                       tls: ssl.SSLContext | None = None) -> CommitmentResult:
    """Ask ``target`` to commit these (SOP class, SOP instance) pairs; wait for the report."""
    waiter = CommitmentWaiter()
    ae = AE(ae_title=calling_ae)
    ae.add_requested_context(StorageCommitmentPushModel)
    assoc = ae.associate(target.host, target.port, ae_title=target.ae_title,
                         evt_handlers=waiter.handlers(),
                         tls_args=(tls, None) if tls is not None else None)
    if not assoc.is_established:
        raise DicomConnectionError(f"{target.ae_title} at {target.host}:{target.port} did not "
                                   "accept a storage commitment association")
    try:
        return waiter.request(assoc, target, references, timeout)
    finally:
        assoc.release()
