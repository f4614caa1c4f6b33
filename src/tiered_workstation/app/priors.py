"""A patient's earlier exams for comparison, and fetching their images from the center.

The center holds every site's images; a community asks it with a C-MOVE over
mutual TLS to send a prior study to this site's own node, which archives it
like any other, so it then opens from the local archive.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from pydicom.dataset import Dataset

from ..config import PeerKind, PeerNode, Settings, SiteMode
from ..dicom.scu import Target
from ..dicom.scu_transfer import move
from ..security.tls import client_context
from ..storage.database import Database
from .bootstrap import Services
from .returning import Lookup, find_returning
from .study_files import study_files

SUCCESS, WARNING = 0x0000, 0xB000


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


def _quiet(_: RetrieveProgress) -> None:
    return None


def find_priors(settings: Settings, database: Database, *, name: str, birth_date: date | None,
                current_study_uid: str) -> list[Prior]:
    """The patient's other exams, newest first (this site's and the center's records)."""
    if not name or birth_date is None:
        return []
    result = find_returning(settings, database, Lookup(name=name, birth_date=birth_date))
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


def retrieve_from_center(settings: Settings, study_instance_uid: str,
                         progress: Progress = _quiet) -> tuple[int, int]:
    """C-MOVE the study from the center to this site's node; returns the final status and
    how many images the center sent (0 when it did not say)."""
    peer = center_node(settings)
    if peer is None:
        raise RetrieveError("No center DICOM node is configured, so priors cannot be "
                            "fetched from it.")
    tls = settings.dicom.tls
    context = client_context(tls.certificate, tls.private_key, tls.ca_certificates) \
        if peer.tls and tls is not None else None
    identifier = Dataset()
    identifier.QueryRetrieveLevel = "STUDY"
    identifier.StudyInstanceUID = study_instance_uid
    sent = [0]

    def counted(done: int, total: int) -> None:
        sent[0] = total
        progress(RetrieveProgress(Stage.SENDING, done, total))
    progress(RetrieveProgress(Stage.ASKING))
    try:
        status = move(Target(peer.ae_title, peer.host, peer.port), settings.dicom.ae_title,
                      settings.dicom.ae_title, identifier, tls=context, progress=counted)
    except (ConnectionError, OSError, RuntimeError) as exc:
        raise RetrieveError(f"The center's DICOM node ({peer.ae_title}) could not be asked "
                            f"for the prior: {exc}") from exc
    if status not in (SUCCESS, WARNING):
        raise RetrieveError(f"The center could not send the prior (DICOM status "
                            f"0x{status:04X}).")
    return status, sent[0]


def prior_files(services: Services, prior: Prior, *, wait_seconds: float = 60.0,
                progress: Progress = _quiet) -> list[Path]:
    """The prior's images from this site's archive, fetched from the center first when
    they are not here. Waits (bounded) until the moved images are archived; ``progress``
    hears each stage (from the worker thread)."""
    def local() -> list[Path]:
        with services.database.session() as session:
            return study_files(session, services.archive.root,
                               study_instance_uid=prior.study_instance_uid)

    found = local()
    if found or services.settings.site.mode is SiteMode.CENTER:
        if not found:
            raise RetrieveError("The images of this prior are not in the archive.")
        return found
    _, sent = retrieve_from_center(services.settings, prior.study_instance_uid, progress)
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
