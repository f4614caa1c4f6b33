"""A patient's earlier exams for comparison, and fetching their images from the center.

The center holds every site's images; a community asks it with a C-MOVE over
mutual TLS to send a prior study to this site's own node, which archives it
like any other, so it then opens from the local archive.
"""

from __future__ import annotations

import logging
import ssl
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from pydicom.dataset import Dataset
from pynetdicom import sop_class

from ..config import PeerKind, PeerNode, Settings, SiteMode
from ..dicom.scu import Target
from ..dicom.scu_transfer import SubOperations, get, move
from ..registration.returning import Lookup
from ..security.tls import client_context
from ..storage.database import Database
from .bootstrap import Services
from .local_archive import archive_file
from .patient_lookups import returning_patients
from .study_files import study_files

SUCCESS, WARNING = 0x0000, 0xB000
CANNOT_REACH_DESTINATION = 0xA801   # the C-MOVE SCP could not reach (or know) us
# what a prior may hold, offered for C-GET (one context per transfer syntax each)
RETRIEVED_CLASSES = (
    sop_class.CTImageStorage, sop_class.EnhancedCTImageStorage, sop_class.MRImageStorage,
    sop_class.EnhancedMRImageStorage, sop_class.DigitalXRayImageStorageForPresentation,
    sop_class.DigitalXRayImageStorageForProcessing, sop_class.ComputedRadiographyImageStorage,
    sop_class.DigitalMammographyXRayImageStorageForPresentation,
    sop_class.UltrasoundImageStorage, sop_class.UltrasoundMultiFrameImageStorage,
    sop_class.SecondaryCaptureImageStorage, sop_class.XRayAngiographicImageStorage,
    sop_class.GrayscaleSoftcopyPresentationStateStorage,
    sop_class.KeyObjectSelectionDocumentStorage, sop_class.BasicTextSRStorage,
    sop_class.EnhancedSRStorage, sop_class.ComprehensiveSRStorage,
)


@dataclass(frozen=True)
class Prior:
    accession_number: str
    study_instance_uid: str
    site_code: str
    description: str
    modality: str
    registered: date


class RetrieveError(RuntimeError):
    """The prior could not be fetched; the message says why in plain words."""


class CannotReachBack(RetrieveError):
    """The center could not open the C-MOVE's association back to this site."""


class Stage(StrEnum):
    ASKING = "asking"          # associating with the center, waiting for its first answer
    SENDING = "sending"        # the center sends images (sub-operations done of total)
    ARCHIVING = "archiving"    # this site's node archives what arrived (files of total)


@dataclass(frozen=True)
class RetrieveProgress:
    stage: Stage
    done: int = 0
    total: int = 0      # 0: not known yet


Progress = Callable[[RetrieveProgress], None]
LOGGER = logging.getLogger(__name__)


def _quiet(_: RetrieveProgress) -> None:
    return None


def find_priors(settings: Settings, database: Database, *, name: str, birth_date: date | None,
                current_study_uid: str) -> list[Prior]:
    """The patient's other exams, newest first (this site's and the center's records)."""
    if not name or birth_date is None:
        return []
    result = returning_patients(settings, database).find(Lookup(name=name, birth_date=birth_date))
    priors = []
    for patient in result.patients:
        for exam in patient.exams:
            if exam.study_instance_uid != current_study_uid:
                priors.append(Prior(exam.accession_number, exam.study_instance_uid,
                                    exam.site_code, exam.procedure_description, exam.modality,
                                    exam.registered_at.date()))
    return sorted(priors, key=lambda p: p.registered, reverse=True)


def center_node(settings: Settings) -> PeerNode | None:
    center = settings.site.center
    return next((p for p in settings.peers if p.kind is PeerKind.NODE and p.site == center),
                None)


def _center(settings: Settings) -> tuple[PeerNode, ssl.SSLContext | None]:
    peer = center_node(settings)
    if peer is None:
        raise RetrieveError("No center DICOM node is configured, so priors cannot be "
                            "fetched from it.")
    tls = settings.dicom.tls
    context = client_context(tls.certificate, tls.private_key, tls.ca_certificates) \
        if peer.tls and tls is not None else None
    return peer, context


def _study(study_instance_uid: str) -> Dataset:
    identifier = Dataset()
    identifier.QueryRetrieveLevel = "STUDY"
    identifier.StudyInstanceUID = study_instance_uid
    return identifier


def retrieve_from_center(settings: Settings, study_instance_uid: str,
                         progress: Progress = _quiet) -> tuple[int, SubOperations]:
    """C-MOVE the study from the center to this site's node; returns the final status and
    the center's last count of the images it sent."""
    peer, context = _center(settings)
    last = [SubOperations()]

    def counted(counts: SubOperations) -> None:
        last[0] = counts
        progress(RetrieveProgress(Stage.SENDING, counts.done, counts.total))
    progress(RetrieveProgress(Stage.ASKING))
    try:
        status = move(Target(peer.ae_title, peer.host, peer.port), settings.dicom.ae_title,
                      settings.dicom.ae_title, _study(study_instance_uid), tls=context,
                      progress=counted)
    except (ConnectionError, OSError, RuntimeError) as exc:
        raise RetrieveError(f"The center's DICOM node ({peer.ae_title}) could not be asked "
                            f"for the prior: {exc}") from exc
    if status == CANNOT_REACH_DESTINATION:
        raise CannotReachBack(f"The center could not connect back to this site's DICOM node "
                              f"({settings.dicom.ae_title}), or does not know it as a "
                              f"destination; a firewall or NAT may be in the way (DICOM "
                              f"status 0x{status:04X}).")
    if status not in (SUCCESS, WARNING):
        raise RetrieveError(f"The center could not send the prior (DICOM status "
                            f"0x{status:04X}).")
    return status, last[0]


def get_from_center(services: Services, study_instance_uid: str,
                    progress: Progress = _quiet) -> list[Path]:
    """C-GET the study from the center over this site's own association (works through
    NAT and firewalls), then archive and index what came; returns the archived files."""
    settings = services.settings
    peer, context = _center(settings)
    progress(RetrieveProgress(Stage.ASKING))
    incoming = services.archive.incoming
    with tempfile.TemporaryDirectory(dir=incoming, prefix="c-get-") as folder:
        try:
            received = get(Target(peer.ae_title, peer.host, peer.port),
                           settings.dicom.ae_title, _study(study_instance_uid),
                           RETRIEVED_CLASSES, Path(folder), tls=context,
                           progress=lambda counts: progress(RetrieveProgress(
                               Stage.SENDING, counts.done, counts.total)))
        except (ConnectionError, OSError, RuntimeError) as exc:
            raise RetrieveError(f"The center's DICOM node ({peer.ae_title}) could not be "
                                f"asked for the prior: {exc}") from exc
        archived = []
        for n, path in enumerate(received, start=1):
            archived.append(archive_file(services, path, source_ae=peer.ae_title))
            progress(RetrieveProgress(Stage.ARCHIVING, n, len(received)))
    if not archived:
        raise RetrieveError("The center sent no image of this prior.")
    LOGGER.info("prior %s: %d instance(s) fetched from %s by C-GET", study_instance_uid,
                len(archived), peer.ae_title)
    return archived


def prior_files(services: Services, prior: Prior, *, wait_seconds: float = 60.0,
                progress: Progress = _quiet) -> list[Path]:
    """The prior's images from this site's archive, fetched from the center first when
    they are not here (``forward.retrieve_priors``: C-MOVE, C-GET, or C-MOVE then C-GET
    when the center cannot connect back). Waits (bounded) until moved images are
    archived; ``progress`` hears each stage (from the worker thread)."""
    def local() -> list[Path]:
        with services.database.session() as session:
            return study_files(session, services.archive.root,
                               study_instance_uid=prior.study_instance_uid)

    found = local()
    if found or services.settings.site.mode is SiteMode.CENTER:
        if not found:
            raise RetrieveError("The images of this prior are not in the archive.")
        return found
    how = services.settings.forward.retrieve_priors
    if how == "get":
        return get_from_center(services, prior.study_instance_uid, progress)
    try:
        _, counts = retrieve_from_center(services.settings, prior.study_instance_uid,
                                         progress)
    except CannotReachBack as exc:
        if how == "move":
            raise
        LOGGER.warning("%s Fetching the prior over this site's own connection (C-GET).", exc)
        return get_from_center(services, prior.study_instance_uid, progress)
    sent = counts.total
    deadline = time.monotonic() + wait_seconds
    previous = -1
    while time.monotonic() < deadline:   # C-MOVE success means sent; archiving follows
        found = local()
        progress(RetrieveProgress(Stage.ARCHIVING, len(found), max(sent, len(found))))
        if found and (len(found) >= sent > 0 or len(found) == previous):
            return found
        previous = len(found)
        time.sleep(0.3)
    if found:
        return found
    raise RetrieveError("The center sent the prior, but its images did not arrive here in "
                        "time; is this site's DICOM node running?")


def priors_for_header(settings: Settings, database: Database, header: Dataset) -> list[Prior]:
    """The priors of the patient an opened image shows (by name as written and birth date)."""
    name_value = header.get("PatientName")
    name = str(getattr(name_value, "ideographic", "") or "") or str(
        getattr(name_value, "alphabetic", name_value) or "")
    text = str(header.get("PatientBirthDate", "") or "")
    try:
        birth = date(int(text[:4]), int(text[4:6]), int(text[6:8])) if len(text) == 8 else None
    except ValueError:
        birth = None
    return find_priors(settings, database, name=name.replace("^", "").strip(),
                       birth_date=birth,
                       current_study_uid=str(header.get("StudyInstanceUID", "")))
