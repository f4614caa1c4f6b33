"""Query/Retrieve C-MOVE and C-GET: send archived instances.

C-MOVE sends to the destination AE only if it is a registered peer (others
get "Move destination unknown", 0xA801); C-GET sends back on the asking
association.  Each file goes in the transfer syntax it was received in when
the receiver accepted it, else decompressed or re-compressed to one it did
accept (``retrieve_syntax``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydicom.dataset import Dataset
from pydicom.uid import ExplicitVRLittleEndian, ImplicitVRLittleEndian
from pynetdicom import evt
from pynetdicom.presentation import build_context
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..config import NodeSettings
from ..security.tls import client_context
from ..storage.archive import DicomArchive
from ..storage.database import Database
from ..storage.imaging import Instance, Series, Study
from ..storage.patients import PatientIdentifier
from .permissions import requires
from .qr_find import _uids, latest_instances
from .retrieve_syntax import accepted_syntaxes, prepare, send_files_as_stored

LOGGER = logging.getLogger(__name__)

PENDING, CANCELLED = 0xFF00, 0xFE00
IDENTIFIER_DOES_NOT_MATCH = 0xA900
MAX_CONTEXTS = 128


@dataclass(frozen=True)
class RetrieveDependencies:
    database: Database
    archive: DicomArchive
    settings: NodeSettings


def select_instances(session: Session, identifier: Dataset) -> list[Instance]:
    """The newest version of every instance the identifier asks for."""
    level = str(identifier.get("QueryRetrieveLevel", "")).upper()
    query = select(Instance).join(Series).join(Study)
    if level == "PATIENT":
        ids = _uids(identifier.get("PatientID"))
        if not ids:
            raise ValueError("a PATIENT level retrieve needs a PatientID")
        query = query.join(PatientIdentifier, PatientIdentifier.patient_id == Study.patient_id) \
            .where(PatientIdentifier.value.in_(ids))
    elif level == "STUDY":
        query = query.where(Study.study_instance_uid.in_(_required(identifier,
                                                                    "StudyInstanceUID")))
    elif level == "SERIES":
        query = query.where(Series.series_instance_uid.in_(_required(identifier,
                                                                      "SeriesInstanceUID")))
    elif level == "IMAGE":
        query = query.where(Instance.sop_instance_uid.in_(_required(identifier,
                                                                     "SOPInstanceUID")))
    else:
        raise ValueError(f"unknown Query/Retrieve Level {level!r}")
    return latest_instances(list(session.scalars(query)))


def _required(identifier: Dataset, keyword: str) -> list[str]:
    uids = _uids(identifier.get(keyword))
    if not uids:
        raise ValueError(f"a retrieve at this level needs {keyword}")
    return uids


def contexts_for(instances: list[Instance]) -> list[Any]:
    """Presentation contexts to offer the destination: per SOP class, one context for
    each stored syntax on its own (an acceptor picks its own favourite from a list, and
    a file is sent as stored only if its own syntax was accepted), and one for the
    uncompressed syntaxes, which every instance can be sent in."""
    pairs: dict[str, set[str]] = {}
    for instance in instances:
        pairs.setdefault(instance.sop_class_uid, set()).add(instance.transfer_syntax_uid)
    plain = [ExplicitVRLittleEndian, ImplicitVRLittleEndian]
    contexts = []
    for sop, stored in sorted(pairs.items()):
        contexts += [build_context(sop, syntax) for syntax in sorted(stored)]
        if stored - set(plain) or len(stored) == 1:
            contexts.append(build_context(sop, plain))  # the fallback every file can take
    if len(contexts) > MAX_CONTEXTS:  # many SOP classes: one context each, all syntaxes
        contexts = [build_context(sop, [*sorted(set(stored) - set(plain)), *plain])
                    for sop, stored in sorted(pairs.items())]
    return contexts[:MAX_CONTEXTS]


def _load(deps: RetrieveDependencies, identifier: Dataset,
          sender: str) -> tuple[list[Instance], list[Path]] | None:
    """The newest version of each requested instance still kept here, and its file."""
    with deps.database.session() as session:
        try:
            instances = select_instances(session, identifier)
        except ValueError as exc:
            LOGGER.warning("retrieve from %s refused: %s", sender, exc)
            return None
    held = [i for i in instances if deps.archive.absolute(i.path).exists()]
    if len(held) < len(instances):
        LOGGER.info("%d of the requested instances are no longer kept here (retention; the "
                    "center holds them)", len(instances) - len(held))
    return held, [deps.archive.absolute(i.path) for i in held]


def _send(event: Any, instances: list[Instance], paths: list[Path],
          accepted: Callable[[], dict[str, set[str]]], receiver: str) -> Iterator[Any]:
    yield len(paths)
    for instance, path in zip(instances, paths, strict=True):
        if event.is_cancelled:
            yield CANCELLED, None
            return
        yield PENDING, prepare(path, instance.sop_class_uid, instance.transfer_syntax_uid,
                               accepted(), receiver)


# pynetdicom allows no other refusal before sub-operations than "destination unknown"
# (C-MOVE) and nothing to send (C-GET); the log and the audit say why
@requires("retrieve", (None, None))
def handle_move(event: Any, deps: RetrieveDependencies) -> Iterator[Any]:
    """Bound to ``evt.EVT_C_MOVE``."""
    sender = event.assoc.requestor.ae_title
    destination = str(event.move_destination).strip()
    peer = deps.settings.peer(destination)
    if peer is None:
        LOGGER.warning("C-MOVE from %s to %s refused: %s is not a registered peer", sender,
                       destination, destination)
        yield None, None
        return
    loaded = _load(deps, event.identifier, sender)
    if loaded is None:
        yield peer.host, peer.port, {"contexts": []}
        yield IDENTIFIER_DOES_NOT_MATCH, None
        return
    instances, paths = loaded
    LOGGER.info("C-MOVE from %s: %d instances to %s", sender, len(paths), destination)
    store_association: list[Any] = []  # pynetdicom opens it; its acceptance tells us it
    options: dict[str, Any] = {
        "contexts": contexts_for(instances),
        "evt_handlers": [(evt.EVT_ACCEPTED, lambda e: store_association.append(e.assoc))]}
    tls = deps.settings.dicom.tls
    if peer.tls and tls is not None:  # a TLS peer is reached over mutual TLS, never plain
        options["tls_args"] = (client_context(tls.certificate, tls.private_key,
                                              tls.ca_certificates), None)
    yield peer.host, peer.port, options

    def accepted() -> dict[str, set[str]]:
        if not store_association:
            return {}
        send_files_as_stored(store_association[0])
        return accepted_syntaxes(store_association[0].accepted_contexts)

    yield from _send(event, instances, paths, accepted, destination)


@requires("retrieve", 0)
def handle_get(event: Any, deps: RetrieveDependencies) -> Iterator[Any]:
    """Bound to ``evt.EVT_C_GET``."""
    sender = event.assoc.requestor.ae_title
    loaded = _load(deps, event.identifier, sender)
    if loaded is None:
        yield IDENTIFIER_DOES_NOT_MATCH, None
        return
    LOGGER.info("C-GET from %s: %d instances", sender, len(loaded[1]))
    contexts = accepted_syntaxes(event.assoc.accepted_contexts)
    send_files_as_stored(event.assoc)
    yield from _send(event, *loaded, lambda: contexts, sender)
