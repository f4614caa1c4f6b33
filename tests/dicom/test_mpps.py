"""MPPS SCP: in progress, completed with series, discontinued, and refusals."""

from __future__ import annotations

import pytest
from pydicom.dataset import Dataset
from pynetdicom import AE
from pynetdicom.sop_class import ModalityPerformedProcedureStep
from sqlalchemy import select

from dicom.conftest import AE as NODE_AE
from dicom.conftest import RunningNode
from support import TECH
from tiered_workstation.dicom.scu import Target
from tiered_workstation.dicom.scu_mpps import finish_step, start_step
from tiered_workstation.registration.identity import OrderInput, PatientInput
from tiered_workstation.registration.service import register_exam
from tiered_workstation.storage.enums import ExamState
from tiered_workstation.storage.exams import Exam
from tiered_workstation.storage.imaging import PerformedProcedureStep
from tiered_workstation.workflow.identifiers import new_uid
from tiered_workstation.workflow.transitions import Action


@pytest.fixture
def accession(node: RunningNode) -> str:
    services = node.services
    with services.database.transaction() as session:
        exam, _ = register_exam(session, services.workflow, services.registration, TECH,
                                PatientInput("张三"), OrderInput("DXCHEST2", "Chest", "DX"))
        services.workflow.apply(session, exam, Action.SCHEDULE, TECH)
        return exam.accession_number


def mpps_association(node: RunningNode):
    ae = AE(ae_title="PYSCU")
    ae.add_requested_context(ModalityPerformedProcedureStep)
    assoc = ae.associate("127.0.0.1", node.port, ae_title=NODE_AE)
    assert assoc.is_established
    return assoc


def in_progress(accession: str) -> Dataset:
    ds = Dataset()
    step = Dataset()
    step.AccessionNumber = accession
    step.StudyInstanceUID = ""
    ds.ScheduledStepAttributesSequence = [step]
    ds.PerformedProcedureStepID = "PPS1"
    ds.PerformedProcedureStepStatus = "IN PROGRESS"
    ds.PerformedProcedureStepDescription = "Chest PA+LAT"
    ds.Modality = "DX"
    return ds


def completed(series_uid: str, images: list[str]) -> Dataset:
    ds = Dataset()
    ds.PerformedProcedureStepStatus = "COMPLETED"
    series = Dataset()
    series.SeriesInstanceUID = series_uid
    series.SeriesDescription = "Chest"
    refs = []
    for uid in images:
        ref = Dataset()
        ref.ReferencedSOPClassUID = "1.2.840.10008.5.1.4.1.1.1.1"
        ref.ReferencedSOPInstanceUID = uid
        refs.append(ref)
    series.ReferencedImageSequence = refs
    ds.PerformedSeriesSequence = [series]
    return ds


def state(node: RunningNode, accession: str) -> ExamState:
    with node.services.database.session() as session:
        return session.scalar(select(Exam.state).where(Exam.accession_number == accession))


def test_in_progress_then_completed_with_series(node: RunningNode, accession: str) -> None:
    uid, series_uid, images = new_uid(), new_uid(), [new_uid(), new_uid()]
    assoc = mpps_association(node)
    status, _ = assoc.send_n_create(in_progress(accession), ModalityPerformedProcedureStep, uid)
    assert status.Status == 0x0000
    assert state(node, accession) is ExamState.IN_PROGRESS
    duplicate, _ = assoc.send_n_create(in_progress(accession), ModalityPerformedProcedureStep,
                                       uid)
    assert duplicate.Status == 0x0111
    status, _ = assoc.send_n_set(completed(series_uid, images), ModalityPerformedProcedureStep,
                                 uid)
    assert status.Status == 0x0000
    again, _ = assoc.send_n_set(completed(series_uid, images), ModalityPerformedProcedureStep,
                                uid)
    assert again.Status == 0x0110  # a finished step cannot change
    unknown, _ = assoc.send_n_set(completed(series_uid, images), ModalityPerformedProcedureStep,
                                  new_uid())
    assert unknown.Status == 0x0112
    assoc.release()
    assert state(node, accession) is ExamState.ACQUIRED
    with node.services.database.session() as session:
        step = session.scalars(select(PerformedProcedureStep)).one()
        exam = session.scalar(select(Exam).where(Exam.accession_number == accession))
        assert step.exam_id == exam.id
        assert step.status == "COMPLETED"
        assert step.ended_at is not None
        assert step.performed_series == [{"series_instance_uid": series_uid,
                                          "description": "Chest", "sop_instance_uids": images}]
        assert exam.transitions[-1].note == "MPPS completed: 2 images"
        assert exam.transitions[-1].actor_username == "system:MPPS from PYSCU"


def test_discontinued_puts_the_exam_back_on_the_worklist(node: RunningNode,
                                                        accession: str) -> None:
    uid = new_uid()
    assoc = mpps_association(node)
    assoc.send_n_create(in_progress(accession), ModalityPerformedProcedureStep, uid)
    stop = Dataset()
    stop.PerformedProcedureStepStatus = "DISCONTINUED"
    reason = Dataset()
    reason.CodeValue, reason.CodingSchemeDesignator = "110514", "DCM"
    reason.CodeMeaning = "Incorrect worklist entry selected"
    stop.PerformedProcedureStepDiscontinuationReasonCodeSequence = [reason]
    status, _ = assoc.send_n_set(stop, ModalityPerformedProcedureStep, uid)
    assoc.release()
    assert status.Status == 0x0000
    assert state(node, accession) is ExamState.SCHEDULED
    with node.services.database.session() as session:
        step = session.scalars(select(PerformedProcedureStep)).one()
        assert step.discontinuation_reason == "Incorrect worklist entry selected"


def test_a_new_step_must_be_in_progress(node: RunningNode, accession: str) -> None:
    ds = in_progress(accession)
    ds.PerformedProcedureStepStatus = "COMPLETED"
    assoc = mpps_association(node)
    status, _ = assoc.send_n_create(ds, ModalityPerformedProcedureStep, new_uid())
    assoc.release()
    assert status.Status == 0x0106
    assert state(node, accession) is ExamState.SCHEDULED


def test_our_mpps_scu_drives_the_exam(node: RunningNode, accession: str) -> None:
    target = Target(NODE_AE, "127.0.0.1", node.port)
    uid, status = start_step(target, "PYSCU", accession_number=accession)
    assert status == 0
    assert state(node, accession) is ExamState.IN_PROGRESS
    series = (new_uid(), [("1.2.840.10008.5.1.4.1.1.1.1", new_uid())])
    assert finish_step(target, "PYSCU", uid, series=[series]) == 0
    assert state(node, accession) is ExamState.ACQUIRED
