"""C-STORE SCP handler: archive the file as received, index it, link it to its exam.

Fast path: pynetdicom writes the incoming dataset straight to a file in the
archive's incoming folder (``STORE_RECV_CHUNKED_DATASET``); the handler reads
only the header (no pixel data is decoded), fsyncs and renames the file into
place, and indexes it in one write transaction.
"""

from __future__ import annotations

import errno
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydicom.dataset import Dataset
from pydicom.errors import InvalidDicomError
from sqlalchemy.exc import IntegrityError

from ..config import NodeSettings
from ..problems import ProblemKind, problem
from ..storage.archive import DicomArchive, file_sha256
from ..storage.database import Database
from ..storage.imaging import Instance
from ..workflow.machine import ExamWorkflow
from .charset import decode_text
from .checksums import PENDING, ChecksumWorker
from .indexer import InstanceHeader, index_instance, latest_version, next_version
from .integrity import read_header
from .permissions import NOT_AUTHORIZED, requires

LOGGER = logging.getLogger(__name__)

SUCCESS = 0x0000
OUT_OF_RESOURCES = 0xA700
DOES_NOT_MATCH_SOP_CLASS = 0xA900
CANNOT_UNDERSTAND = 0xC000
PROCESSING_FAILURE = 0xC211


@dataclass(frozen=True)
class StoreDependencies:
    database: Database
    archive: DicomArchive
    workflow: ExamWorkflow
    settings: NodeSettings
    checksums: ChecksumWorker


@requires("store", NOT_AUTHORIZED)
def handle_store(event: Any, deps: StoreDependencies) -> int | Dataset:
    """Bound to ``evt.EVT_C_STORE``; returns the DIMSE status."""
    sender = event.assoc.requestor.ae_title
    transfer_syntax = str(event.context.transfer_syntax)
    source = _received_file(event, deps.archive)
    try:
        ds = read_header(source)
        decode_text(ds, deps.settings.peer(sender), deps.settings.charset.assume_unlabelled,
                    sender)
        header = InstanceHeader.from_dataset(ds, transfer_syntax)
    except (InvalidDicomError, ValueError, KeyError, EOFError, OSError) as exc:
        LOGGER.warning("refused an instance from %s: cannot read it (%s)", sender, exc,
                       extra=problem(ProblemKind.INSTANCE_REFUSED, peer=sender))
        return refusal(CANNOT_UNDERSTAND, str(exc))
    except Exception as exc:  # pydicom raises many kinds on malformed input
        LOGGER.warning("refused an instance from %s: malformed dataset (%s: %s)", sender,
                       type(exc).__name__, exc,
                       extra=problem(ProblemKind.INSTANCE_REFUSED, peer=sender))
        return refusal(CANNOT_UNDERSTAND, f"malformed dataset ({type(exc).__name__})")
    if header.sop_instance_uid != str(event.request.AffectedSOPInstanceUID):
        LOGGER.warning("refused an instance from %s: SOP Instance UID %s in the dataset "
                       "differs from %s in the request", sender, header.sop_instance_uid,
                       event.request.AffectedSOPInstanceUID)
        return DOES_NOT_MATCH_SOP_CLASS
    try:
        return _archive_and_index(deps, source, header, sender)
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            LOGGER.error("archive disk is full: refused %s from %s", header.sop_instance_uid,
                         sender, extra=problem(ProblemKind.DISK_FULL, peer=sender))
            return OUT_OF_RESOURCES
        LOGGER.exception("could not archive %s from %s", header.sop_instance_uid, sender,
                         extra=problem(ProblemKind.ARCHIVE_FAILED, peer=sender))
        return OUT_OF_RESOURCES
    except Exception:
        LOGGER.exception("could not index %s from %s", header.sop_instance_uid, sender)
        return PROCESSING_FAILURE


def refusal(status: int, reason: str) -> Dataset:
    """A failure status with the reason in Error Comment (LO: 64 characters, ASCII)."""
    answer = Dataset()
    answer.Status = status
    answer.ErrorComment = reason.encode("ascii", "replace").decode()[:64]
    return answer


def _received_file(event: Any, archive: DicomArchive) -> Path:
    try:
        return Path(event.dataset_path)
    except AttributeError:  # chunked receive is off: write the encoded dataset ourselves
        data = event.encoded_dataset()
        return archive.write_bytes(data, Path(archive.incoming.name) /
                                   f"{event.request.AffectedSOPInstanceUID}.dcm")


def _archive_and_index(deps: StoreDependencies, source: Path, header: InstanceHeader,
                       sender: str) -> int:
    size = source.stat().st_size
    for attempt in range(3):
        try:
            with deps.database.transaction() as session:
                existing = latest_version(session, header.sop_instance_uid)
                digest = PENDING
                if existing is not None:  # rare: compare contents now
                    digest = file_sha256(source)
                    if _same_content(deps, existing, digest):
                        LOGGER.info("%s from %s is already archived (same bytes)",
                                    header.sop_instance_uid, sender)
                        return SUCCESS
                version = next_version(session, header.sop_instance_uid) if existing else 1
                if existing is not None:
                    LOGGER.warning("%s from %s differs from the archived copy; keeping both "
                                   "(new version %d)", header.sop_instance_uid, sender, version)
                relative = deps.archive.relative_path(header.study_instance_uid,
                                                      header.series_instance_uid,
                                                      header.sop_instance_uid, version)
                instance = index_instance(
                    session, header, path=relative.as_posix(), size=size, sha256=digest,
                    version=version, source_ae=sender, issuer=deps.settings.site_code,
                    workflow=deps.workflow)
                # indexed (not yet committed): now make the file durable, then commit
                deps.archive.adopt(source, relative)
            if digest == PENDING:
                deps.checksums.submit(instance.id, relative.as_posix())
            return SUCCESS
        except IntegrityError:  # a concurrent association created the same study/series
            if attempt == 2:
                raise
    return PROCESSING_FAILURE


def _same_content(deps: StoreDependencies, existing: Instance, digest: str) -> bool:
    known = existing.sha256 or file_sha256(deps.archive.absolute(existing.path))
    return known == digest
