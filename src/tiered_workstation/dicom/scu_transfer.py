"""SCU helpers that move data: store (negotiating and, when asked, compressing),
find, move, get and worklist queries."""

from __future__ import annotations

import io
import logging
import shutil
import ssl
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydicom import dcmread
from pydicom.dataset import Dataset
from pydicom.uid import (
    UID,
    ExplicitVRLittleEndian,
    ImplicitVRLittleEndian,
    JPEG2000Lossless,
    JPEGLSLossless,
    RLELossless,
)
from pynetdicom import AE, _config, build_role, evt
from pynetdicom.presentation import build_context
from pynetdicom.sop_class import (
    ModalityWorklistInformationFind,
    StorageCommitmentPushModel,
    StudyRootQueryRetrieveInformationModelFind,
    StudyRootQueryRetrieveInformationModelGet,
    StudyRootQueryRetrieveInformationModelMove,
)

from .commitment import CommitmentResult, CommitmentWaiter
from .scu import DicomConnectionError, Target

LOGGER = logging.getLogger(__name__)

# Lossless encodings pydicom can write, best ratio first (JPEG-LS is also the fastest).
COMPRESSIONS = {"jpeg-ls": JPEGLSLossless, "jpeg2000": JPEG2000Lossless, "rle": RLELossless}
UNCOMPRESSED = (ExplicitVRLittleEndian, ImplicitVRLittleEndian)


@dataclass(frozen=True)
class StoreOutcome:
    path: Path
    sop_instance_uid: str
    status: int
    transfer_syntax: str  # what crossed the link

    @property
    def ok(self) -> bool:
        return self.status in (0x0000, 0xB000, 0xB007, 0xB006)


def associate(ae: AE, target: Target, tls: ssl.SSLContext | None = None,
              **kwargs: Any) -> Any:
    """Open an association (over TLS when ``tls`` is given) or raise in plain words."""
    if tls is not None:
        kwargs["tls_args"] = (tls, None)
    assoc = ae.associate(target.host, target.port, ae_title=target.ae_title, **kwargs)
    if assoc.is_rejected:
        raise DicomConnectionError(f"{target.ae_title} at {target.host}:{target.port} refused "
                                   "the association (is our AE title registered there?)")
    if not assoc.is_established:
        raise DicomConnectionError(f"No DICOM node answered at {target.host}:{target.port}")
    return assoc


def store_files(target: Target, calling_ae: str, paths: Iterable[Path],
                compress: str | None = None,
                tls: ssl.SSLContext | None = None) -> list[StoreOutcome]:
    """Send files in one association.

    With ``compress`` ("jpeg-ls", "jpeg2000" or "rle") uncompressed images are
    offered compressed first, then as they are; files already compressed travel
    as they are.  A file whose syntax the peer does not accept is decoded and
    sent uncompressed when possible.
    """
    return _store(target, calling_ae, paths, compress, tls, None)[0]


def store_and_commit(target: Target, calling_ae: str, paths: Iterable[Path],
                     compress: str | None = None, tls: ssl.SSLContext | None = None,
                     timeout: float = 60.0) -> tuple[list[StoreOutcome], CommitmentResult]:
    """As :func:`store_files`, then ask for storage commitment of what was stored on the
    same association and wait for the report (one TLS handshake, not two)."""
    outcomes, result = _store(target, calling_ae, paths, compress, tls, timeout)
    assert result is not None
    return outcomes, result


def _store(target: Target, calling_ae: str, paths: Iterable[Path], compress: str | None,
           tls: ssl.SSLContext | None,
           commit_timeout: float | None) -> tuple[list[StoreOutcome], CommitmentResult | None]:
    files = [(Path(p), dcmread(p, stop_before_pixels=True)) for p in paths]
    wanted = [COMPRESSIONS[compress]] if compress else []
    fallbacks = [COMPRESSIONS[c] for c in COMPRESSIONS if c != compress] if compress else []
    preference = [*wanted, *fallbacks]
    syntaxes: dict[str, list[str]] = {}
    for _, header in files:
        own = UID(header.file_meta.TransferSyntaxUID)
        offer = syntaxes.setdefault(str(header.SOPClassUID), [])
        candidates = [own] if own.is_compressed else [*preference, own, *UNCOMPRESSED] \
            if "Rows" in header else [own, *UNCOMPRESSED]   # no pixels: nothing to compress
        offer += [ts for ts in candidates if ts not in offer]
    ae = AE(ae_title=calling_ae)
    # one context per syntax, so we choose (the acceptor would pick its own favourite)
    contexts = [build_context(sop, ts) for sop, offer in syntaxes.items() for ts in offer]
    waiter = CommitmentWaiter() if commit_timeout is not None else None
    if waiter is not None:
        contexts = [*contexts[:127], build_context(StorageCommitmentPushModel)]
    ae.requested_contexts = contexts[:128]
    outcomes: list[StoreOutcome] = []
    result = None
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-prepare") as pool:
        # compress the first image while the association is negotiated, and each next
        # one while the current is on the wire (the encoders release the GIL)
        pending = [pool.submit(_prepare, None, path, header, preference)
                   for path, header in files[:1]]
        handlers = waiter.handlers() if waiter is not None else []
        try:
            assoc = associate(ae, target, tls, evt_handlers=handlers)
        except DicomConnectionError:
            for future in pending:
                future.cancel()
            raise
        try:
            for n, (path, header) in enumerate(files):
                prepared = pending[n].result()
                if not _usable(assoc, prepared, header):
                    prepared = _prepare(assoc, path, header, preference)
                if n + 1 < len(files):
                    pending.append(pool.submit(_prepare, assoc, *files[n + 1], preference))
                outcomes.append(_send(assoc, prepared))
            if waiter is not None and commit_timeout is not None:
                stored = {o.sop_instance_uid for o in outcomes if o.ok}
                references = [(str(h.SOPClassUID), str(h.SOPInstanceUID)) for _, h in files
                              if str(h.SOPInstanceUID) in stored]
                result = waiter.request(assoc, target, references, commit_timeout)
        finally:
            for future in pending:
                future.cancel()
            assoc.release()
    return outcomes, result


def _usable(assoc: Any, prepared: _Prepared, header: Dataset) -> bool:
    """Whether a file prepared before negotiation can go out as prepared."""
    accepted = {cx.transfer_syntax[0] for cx in assoc.accepted_contexts
                if cx.abstract_syntax == str(header.SOPClassUID)}
    return bool(prepared.syntax) and prepared.syntax in accepted


@dataclass(frozen=True)
class _Prepared:
    path: Path
    sop_instance_uid: str
    syntax: str  # what will cross the link ("" if nothing usable)
    dataset: Dataset | None  # None: send the file's bytes unchanged


def _prepare(assoc: Any, path: Path, header: Dataset, preference: list[str]) -> _Prepared:
    """Choose the transfer syntax for one file and encode it (compressing if chosen).
    Without an association yet (``assoc`` None) the first preference is assumed."""
    sop_class = str(header.SOPClassUID)
    uid = str(header.SOPInstanceUID)
    own = UID(header.file_meta.TransferSyntaxUID)
    accepted = {cx.transfer_syntax[0] for cx in assoc.accepted_contexts
                if cx.abstract_syntax == sop_class} if assoc is not None else \
        {*preference[:1], own}
    image = "Rows" in header   # a presentation state, report or key-object note has no
    chosen = None if own.is_compressed or not image else next(   # pixels to compress
        (ts for ts in preference if ts in accepted), None)
    if chosen is None and own in accepted:
        return _Prepared(path, uid, str(own), None)
    ds = dcmread(path)
    if chosen is not None:
        ds.compress(chosen, generate_instance_uid=False)  # same instance, smaller
    elif any(ts in UNCOMPRESSED for ts in accepted):
        if own.is_compressed:
            ds.decompress(generate_instance_uid=False)  # same instance, new syntax
        chosen = next(ts for ts in UNCOMPRESSED if ts in accepted)
        ds.file_meta.TransferSyntaxUID = chosen
    else:
        LOGGER.warning("%s: the peer accepts no usable transfer syntax for %s", path, sop_class)
        return _Prepared(path, uid, "", None)
    return _Prepared(path, uid, str(chosen), _encoded_as(ds, UID(chosen)))


def _send(assoc: Any, prepared: _Prepared) -> StoreOutcome:
    if not prepared.syntax:
        return StoreOutcome(prepared.path, prepared.sop_instance_uid, 0x0122, "")
    if prepared.dataset is not None:
        status = assoc.send_c_store(prepared.dataset)
    else:
        previous = _config.STORE_SEND_CHUNKED_DATASET
        _config.STORE_SEND_CHUNKED_DATASET = True  # the file's bytes, unchanged
        try:
            status = assoc.send_c_store(prepared.path)
        finally:
            _config.STORE_SEND_CHUNKED_DATASET = previous
    return StoreOutcome(prepared.path, prepared.sop_instance_uid, _status(status),
                        prepared.syntax)


def _encoded_as(ds: Dataset, syntax: UID) -> Dataset:
    """``ds`` re-encoded for ``syntax``: pydicom keeps the encoding a file was read with
    and pynetdicom sends with that one, so an Implicit VR file compressed to JPEG-LS
    would otherwise go out as Implicit VR under a JPEG-LS (explicit VR) context."""
    wanted = (syntax.is_implicit_VR, syntax.is_little_endian)
    if ds.original_encoding == wanted:
        return ds
    buffer = io.BytesIO()
    ds.save_as(buffer, implicit_vr=wanted[0], little_endian=wanted[1],
               enforce_file_format=True)
    buffer.seek(0)
    return dcmread(buffer)


def _status(status: Dataset) -> int:
    return int(status.Status) if status and "Status" in status else 0xFFFF


def _find(target: Target, calling_ae: str, model: str, identifier: Dataset,
          tls: ssl.SSLContext | None = None) -> list[Dataset]:
    ae = AE(ae_title=calling_ae)
    ae.add_requested_context(model)
    assoc = associate(ae, target, tls)
    answers = []
    try:
        for status, answer in assoc.send_c_find(identifier, model):
            if status and status.Status in (0xFF00, 0xFF01) and answer is not None:
                answers.append(answer)
    finally:
        assoc.release()
    return answers


def find_studies(target: Target, calling_ae: str, identifier: Dataset,
                 tls: ssl.SSLContext | None = None) -> list[Dataset]:
    """Study Root C-FIND at the level the identifier names."""
    return _find(target, calling_ae, StudyRootQueryRetrieveInformationModelFind, identifier,
                 tls)


def query_worklist(target: Target, calling_ae: str, identifier: Dataset,
                   tls: ssl.SSLContext | None = None) -> list[Dataset]:
    return _find(target, calling_ae, ModalityWorklistInformationFind, identifier, tls)


@dataclass(frozen=True)
class SubOperations:
    """The counts a C-MOVE or C-GET response gives of the stores it makes."""

    completed: int = 0
    failed: int = 0
    warning: int = 0
    remaining: int = 0

    @property
    def done(self) -> int:
        return self.completed + self.failed + self.warning

    @property
    def total(self) -> int:
        return self.done + self.remaining

    @classmethod
    def of(cls, status: Dataset) -> SubOperations:
        def count(keyword: str) -> int:
            return int(status.get(keyword) or 0)
        return cls(count("NumberOfCompletedSuboperations"),
                   count("NumberOfFailedSuboperations"),
                   count("NumberOfWarningSuboperations"),
                   count("NumberOfRemainingSuboperations"))


Heard = Callable[[SubOperations], None]


def move(target: Target, calling_ae: str, destination: str, identifier: Dataset,
         tls: ssl.SSLContext | None = None, progress: Heard | None = None) -> int:
    """C-MOVE to ``destination``; returns the final status. ``progress`` hears the
    sub-operation counts of each response that gives them."""
    ae = AE(ae_title=calling_ae)
    ae.add_requested_context(StudyRootQueryRetrieveInformationModelMove)
    assoc = associate(ae, target, tls)
    final = 0xFFFF
    try:
        for status, _ in assoc.send_c_move(identifier, destination,
                                           StudyRootQueryRetrieveInformationModelMove):
            if status:
                final = int(status.Status)
                if progress is not None and "NumberOfCompletedSuboperations" in status:
                    progress(SubOperations.of(status))
    finally:
        assoc.release()
    return final


def get(target: Target, calling_ae: str, identifier: Dataset, sop_classes: Iterable[str],
        out_dir: Path, tls: ssl.SSLContext | None = None,
        progress: Heard | None = None) -> list[Path]:
    """C-GET into ``out_dir`` (files written as received); returns the written paths.
    ``progress`` hears the sub-operation counts of each response that gives them."""
    written: list[Path] = []

    def on_store(event: Any) -> int:
        path = out_dir / f"{event.request.AffectedSOPInstanceUID}.dcm"
        try:  # chunked receive (process-wide, on when the node runs here): a file
            shutil.move(event.dataset_path, path)
        except AttributeError:
            path.write_bytes(event.encoded_dataset())
        written.append(path)
        return 0x0000

    ae = AE(ae_title=calling_ae)
    ae.add_requested_context(StudyRootQueryRetrieveInformationModelGet)
    roles = []
    for sop in sop_classes:
        for syntax in (*UNCOMPRESSED, *COMPRESSIONS.values()):  # one context each
            ae.add_requested_context(sop, syntax)
        roles.append(build_role(sop, scp_role=True))
    assoc = associate(ae, target, tls, ext_neg=roles,
                      evt_handlers=[(evt.EVT_C_STORE, on_store)])
    try:
        for status, _ in assoc.send_c_get(identifier,
                                          StudyRootQueryRetrieveInformationModelGet):
            if progress is not None and status and "NumberOfCompletedSuboperations" in status:
                progress(SubOperations.of(status))
    finally:
        assoc.release()
    return written
