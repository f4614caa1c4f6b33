"""MPPS SCU: report a procedure step as a modality does (used by the simulator)."""

from __future__ import annotations

import ssl
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from pydicom.dataset import Dataset
from pynetdicom import AE
from pynetdicom.sop_class import ModalityPerformedProcedureStep

from ..workflow.identifiers import new_uid
from .references import referenced_sops
from .scu import DicomConnectionError, Target
from .scu_transfer import associate


@dataclass(frozen=True)
class PerformedSeries:
    """One series a step produced, as the COMPLETED message lists it."""

    series_instance_uid: str
    images: list[tuple[str, str]]  # (SOP Class UID, SOP Instance UID)
    description: str = ""
    protocol: str = ""


def _send(target: Target, calling_ae: str, tls: ssl.SSLContext | None, create: bool,
          ds: Dataset, uid: str) -> int:
    ae = AE(ae_title=calling_ae)
    ae.add_requested_context(ModalityPerformedProcedureStep)
    assoc = associate(ae, target, tls)
    try:
        if create:
            status, _ = assoc.send_n_create(ds, ModalityPerformedProcedureStep, uid)
        else:
            status, _ = assoc.send_n_set(ds, ModalityPerformedProcedureStep, uid)
    finally:
        assoc.release()
    if not status:
        raise DicomConnectionError(f"{target.ae_title} did not answer the MPPS message")
    return int(status.Status)


def start_step(target: Target, calling_ae: str, *, accession_number: str,
               study_instance_uid: str = "", modality: str = "DX",
               description: str = "", started: datetime | None = None,
               tls: ssl.SSLContext | None = None) -> tuple[str, int]:
    """N-CREATE an IN PROGRESS step begun at ``started`` (the modality's local time;
    default now); returns (its SOP Instance UID, status)."""
    started = started or datetime.now().astimezone()
    ds = Dataset()
    item = Dataset()
    item.AccessionNumber = accession_number
    item.StudyInstanceUID = study_instance_uid
    ds.ScheduledStepAttributesSequence = [item]
    ds.PerformedProcedureStepID = accession_number[-16:]
    ds.PerformedStationAETitle = calling_ae
    ds.PerformedProcedureStepStartDate = started.strftime("%Y%m%d")
    ds.PerformedProcedureStepStartTime = started.strftime("%H%M%S")
    ds.PerformedProcedureStepEndDate = ds.PerformedProcedureStepEndTime = ""
    ds.PerformedProcedureStepStatus = "IN PROGRESS"
    ds.PerformedProcedureStepDescription = description
    ds.Modality = modality
    uid = new_uid()
    return uid, _send(target, calling_ae, tls, True, ds, uid)


def finish_step(target: Target, calling_ae: str, uid: str, *,
                series: Iterable[PerformedSeries | tuple[str, list[tuple[str, str]]]] = (),
                discontinued_reason: str | None = None, ended: datetime | None = None,
                tls: ssl.SSLContext | None = None) -> int:
    """N-SET COMPLETED with the performed series (or (series UID, [(SOP class, SOP
    UID)])), or DISCONTINUED with a reason; ended at ``ended`` (default now)."""
    ended = ended or datetime.now().astimezone()
    ds = Dataset()
    ds.PerformedProcedureStepEndDate = ended.strftime("%Y%m%d")
    ds.PerformedProcedureStepEndTime = ended.strftime("%H%M%S")
    if discontinued_reason is not None:
        ds.PerformedProcedureStepStatus = "DISCONTINUED"
        reason = Dataset()
        reason.CodeValue, reason.CodingSchemeDesignator = "110514", "DCM"
        reason.CodeMeaning = discontinued_reason or "Incorrect worklist entry selected"
        ds.PerformedProcedureStepDiscontinuationReasonCodeSequence = [reason]
    else:
        ds.PerformedProcedureStepStatus = "COMPLETED"
        items = []
        for entry in series:
            performed = entry if isinstance(entry, PerformedSeries) else PerformedSeries(*entry)
            item = Dataset()
            item.SeriesInstanceUID = performed.series_instance_uid
            item.SeriesDescription = performed.description
            item.ProtocolName = performed.protocol or performed.description
            item.PerformingPhysicianName = item.OperatorsName = item.RetrieveAETitle = ""
            item.ReferencedImageSequence = referenced_sops(performed.images)
            item.ReferencedNonImageCompositeSOPInstanceSequence = []
            items.append(item)
        ds.PerformedSeriesSequence = items
    return _send(target, calling_ae, tls, False, ds, uid)
