"""MPPS SCP: the modality says it started (N-CREATE) and finished or gave up (N-SET).

IN PROGRESS moves the exam to ``in_progress``; COMPLETED to ``acquired`` with
the performed series kept; DISCONTINUED back to ``scheduled`` so the exam
returns to the worklist.  A step for an exam we do not know is still kept.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from pydicom.dataset import Dataset
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..config import NodeSettings
from ..storage.base import utcnow
from ..storage.database import Database
from ..storage.enums import ExamState
from ..storage.exams import Exam
from ..storage.imaging import PerformedProcedureStep
from ..workflow.actors import Actor
from ..workflow.machine import ExamWorkflow
from ..workflow.transitions import Action
from .permissions import NOT_AUTHORIZED, requires

LOGGER = logging.getLogger(__name__)

IN_PROGRESS, COMPLETED, DISCONTINUED = "IN PROGRESS", "COMPLETED", "DISCONTINUED"
SUCCESS = 0x0000
INVALID_ATTRIBUTE_VALUE = 0x0106
PROCESSING_FAILURE = 0x0110
DUPLICATE_INSTANCE = 0x0111
NO_SUCH_INSTANCE = 0x0112
MISSING_ATTRIBUTE = 0x0120


@dataclass(frozen=True)
class MppsDependencies:
    database: Database
    workflow: ExamWorkflow
    settings: NodeSettings


def _exam_for(session: Session, attributes: Dataset) -> Exam | None:
    for item in attributes.get("ScheduledStepAttributesSequence", []):
        accession = str(item.get("AccessionNumber", "") or "")
        if accession:
            exam = session.scalar(select(Exam).where(Exam.accession_number == accession))
            if exam is not None:
                return exam
        study_uid = str(item.get("StudyInstanceUID", "") or "")
        if study_uid:
            exam = session.scalar(select(Exam).where(Exam.study_instance_uid == study_uid))
            if exam is not None:
                return exam
    return None


def performed_series(attributes: Dataset) -> list[dict[str, Any]]:
    """The series (and image UIDs) a step reports, as plain values."""
    out = []
    for series in attributes.get("PerformedSeriesSequence", []):
        images = [str(i.get("ReferencedSOPInstanceUID", ""))
                  for i in series.get("ReferencedImageSequence", [])]
        out.append({"series_instance_uid": str(series.get("SeriesInstanceUID", "")),
                    "description": str(series.get("SeriesDescription", "") or ""),
                    "sop_instance_uids": [uid for uid in images if uid]})
    return out


def _move(deps: MppsDependencies, session: Session, exam: Exam, actions: tuple[Action, ...],
          actor: Actor, note: str) -> None:
    for action in actions:
        try:
            deps.workflow.apply(session, exam, action, actor, note=note)
        except Exception as exc:  # e.g. the images already marked it acquired
            LOGGER.info("MPPS for %s: %s not applied (%s)", exam.accession_number,
                        action.value, exc)
            return


@requires("mpps", (NOT_AUTHORIZED, None))
def handle_mpps_create(event: Any, deps: MppsDependencies) -> tuple[int, Dataset | None]:
    """Bound to ``evt.EVT_N_CREATE``."""
    sender = event.assoc.requestor.ae_title
    uid = str(event.request.AffectedSOPInstanceUID or "")
    attributes = event.attribute_list
    if not uid:
        LOGGER.warning("MPPS from %s without an instance UID refused", sender)
        return MISSING_ATTRIBUTE, None
    if str(attributes.get("PerformedProcedureStepStatus", "")) != IN_PROGRESS:
        LOGGER.warning("MPPS %s from %s refused: a new step must be IN PROGRESS", uid, sender)
        return INVALID_ATTRIBUTE_VALUE, None
    with deps.database.transaction() as session:
        if session.scalar(select(PerformedProcedureStep).where(
                PerformedProcedureStep.sop_instance_uid == uid)) is not None:
            return DUPLICATE_INSTANCE, None
        exam = _exam_for(session, attributes)
        session.add(PerformedProcedureStep(
            sop_instance_uid=uid, exam_id=exam.id if exam else None, status=IN_PROGRESS,
            station_ae=sender, started_at=utcnow(),
            procedure_step_id=str(attributes.get("PerformedProcedureStepID", "") or "")[:16],
            description=str(attributes.get("PerformedProcedureStepDescription", "") or "")[:64],
            performed_series=performed_series(attributes)))
        if exam is None:
            LOGGER.info("MPPS %s from %s matches no scheduled exam (kept unlinked)", uid, sender)
        else:
            actor = Actor.system(deps.workflow.site.code, f"MPPS from {sender}")
            steps = (Action.SCHEDULE, Action.START_ACQUISITION) \
                if exam.state is ExamState.REGISTERED else (Action.START_ACQUISITION,)
            _move(deps, session, exam, steps, actor, "MPPS in progress")
    return SUCCESS, attributes


@requires("mpps", (NOT_AUTHORIZED, None))
def handle_mpps_set(event: Any, deps: MppsDependencies) -> tuple[int, Dataset | None]:
    """Bound to ``evt.EVT_N_SET``."""
    sender = event.assoc.requestor.ae_title
    uid = str(event.request.RequestedSOPInstanceUID or "")
    changes = event.modification_list
    with deps.database.transaction() as session:
        step = session.scalar(select(PerformedProcedureStep).where(
            PerformedProcedureStep.sop_instance_uid == uid))
        if step is None:
            return NO_SUCH_INSTANCE, None
        if step.status != IN_PROGRESS:
            LOGGER.warning("MPPS %s from %s is already %s and cannot change", uid, sender,
                           step.status)
            return PROCESSING_FAILURE, None
        status = str(changes.get("PerformedProcedureStepStatus", step.status))
        if status not in (IN_PROGRESS, COMPLETED, DISCONTINUED):
            return INVALID_ATTRIBUTE_VALUE, None
        if "PerformedSeriesSequence" in changes:
            step.performed_series = performed_series(changes)
        step.status = status
        exam = session.get(Exam, step.exam_id) if step.exam_id else None
        actor = Actor.system(deps.workflow.site.code, f"MPPS from {sender}")
        if status == COMPLETED:
            step.ended_at = utcnow()
            if exam is not None:
                images = sum(len(s["sop_instance_uids"]) for s in step.performed_series)
                _move(deps, session, exam, (Action.COMPLETE_ACQUISITION,), actor,
                      f"MPPS completed: {images} images")
        elif status == DISCONTINUED:
            step.ended_at = utcnow()
            reasons = changes.get("PerformedProcedureStepDiscontinuationReasonCodeSequence", [])
            step.discontinuation_reason = str(reasons[0].get("CodeMeaning", "")
                                              if reasons else "")[:64]
            if exam is not None:
                _move(deps, session, exam, (Action.DISCONTINUE_ACQUISITION,), actor,
                      f"MPPS discontinued {step.discontinuation_reason}".strip())
    return SUCCESS, changes
