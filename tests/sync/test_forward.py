"""Store-and-forward from the community node to the center over DICOM TLS,
JPEG-LS lossless, finished by storage commitment."""

from __future__ import annotations

import numpy as np
import pytest
from pydicom import dcmread
from pydicom.uid import ExplicitVRLittleEndian, ImplicitVRLittleEndian, JPEGLSLossless
from sqlalchemy import func, select

from sync.conftest import Consortium
from sync.test_loop import COMMUNITY_TECH, register, state_at, wait_until
from tiered_workstation.app.presentation_states import archive_presentation_state
from tiered_workstation.app.study_files import study_files
from tiered_workstation.dicom.scu import Target
from tiered_workstation.dicom.scu_transfer import store_files
from tiered_workstation.dicom.synth import Demographics, dx_dataset
from tiered_workstation.registration.identity import PatientInput
from tiered_workstation.storage.enums import ExamState, ReadingMode, Sex
from tiered_workstation.storage.exams import Exam
from tiered_workstation.storage.forwarding import ForwardJob
from tiered_workstation.storage.imaging import Instance
from tiered_workstation.storage.messaging import InboxMessage
from tiered_workstation.viewer.annotations import Measurement, Tool
from tiered_workstation.viewer.display import Window
from tiered_workstation.viewer.gsps import (
    Presentation,
    presentation_state,
    write_presentation_state,
)
from tiered_workstation.viewer.gsps_read import read_presentation_states
from tiered_workstation.viewer.series import open_paths
from tiered_workstation.workflow.transitions import Action


def acquire(consortium: Consortium, accession: str, count: int = 2, size: int = 1024) -> list:
    community = consortium.community
    with community.database.session() as session:
        exam = session.scalar(select(Exam).where(Exam.accession_number == accession))
        demo = Demographics(patient_name=exam.patient.name, patient_id="P1",
                            accession_number=accession,
                            study_instance_uid=exam.study_instance_uid)
    folder = consortium.root / f"dr-{accession}"
    folder.mkdir()
    paths = []
    for n in range(count):
        ds = dx_dataset(demo, size=size, seed=n)
        if n % 2:  # consoles send Implicit VR too; the forwarder must re-encode properly
            ds.file_meta.TransferSyntaxUID = ImplicitVRLittleEndian
        path = folder / f"{n}.dcm"
        ds.save_as(path, enforce_file_format=True)
        paths.append(path)
    settings = community.settings
    outcomes = store_files(Target(settings.dicom.ae_title, "127.0.0.1", settings.dicom.port),
                           "DR01", paths)
    assert all(o.ok for o in outcomes)
    return paths


def scheduled(community, patient: PatientInput, mode: ReadingMode) -> str:
    """Register and schedule an exam at the running community; its accession number."""
    accession = register(community, patient, mode)
    community.workflow.run(community.database, accession, Action.SCHEDULE, COMMUNITY_TECH)
    community.start(long_poll_seconds=1)
    return accession


def test_images_reach_the_center_losslessly_compressed_and_committed(
        consortium: Consortium) -> None:
    center, community = consortium.center, consortium.community
    accession = scheduled(community, PatientInput("张三", Sex.MALE, "Zhang^San"),
                          ReadingMode.CENTER_FULL)
    originals = acquire(consortium, accession)
    wait_until("the exam transferred at the community",
               lambda: state_at(community, accession) is ExamState.TRANSFERRED, timeout=60)
    wait_until("the exam transferred at the center",
               lambda: state_at(center, accession) is ExamState.TRANSFERRED)
    with center.database.session() as session:
        stored = session.scalars(select(Instance).order_by(Instance.instance_number)).all()
        assert len(stored) == 2
        paths = [center.archive.root / i.path for i in stored]
    with community.database.session() as session:
        job = session.scalar(select(ForwardJob))
        assert (job.state, job.attempts, job.transfer_syntaxes) == ("done", 1, JPEGLSLossless)
    by_uid = {dcmread(p).SOPInstanceUID: p for p in originals}
    for path in paths:
        received = dcmread(path)
        assert received.file_meta.TransferSyntaxUID == JPEGLSLossless
        assert path.stat().st_size < by_uid[received.SOPInstanceUID].stat().st_size / 1.5
        original = dcmread(by_uid[received.SOPInstanceUID])
        assert np.array_equal(received.pixel_array, original.pixel_array)  # lossless
        assert str(received.PatientName) == str(original.PatientName) == "张^三"


def test_center_down_for_registration_and_imaging_then_everything_arrives_once(
        consortium: Consortium) -> None:
    center, community = consortium.center, consortium.community
    center.node.stop()  # the whole center is unreachable: DICOM and HTTPS
    center.sync.stop()
    accession = register(community, PatientInput("李四", Sex.FEMALE), ReadingMode.CENTER_FULL)
    community.start(long_poll_seconds=1)
    acquire(consortium, accession, count=2, size=512)  # the community's own node works
    wait_until("a failed forwarding attempt", lambda: _job_attempts(consortium) >= 1)
    assert state_at(community, accession) is ExamState.ACQUIRED
    assert community.sync.outbox.last_error  # the center is known to be unreachable
    center.start(long_poll_seconds=1)
    community.forwarder.wake()
    wait_until("the exam transferred at the center", lambda: state_at(
        center, accession) is ExamState.TRANSFERRED, timeout=60)
    with center.database.session() as session:
        assert session.scalar(select(func.count()).select_from(Instance)) == 2
        topics = session.scalars(select(InboxMessage.topic).order_by(
            InboxMessage.received_at)).all()
    assert topics == ["exam.register", "exam.complete_acquisition", "exam.confirm_transfer"]


def _job_attempts(consortium: Consortium) -> int:
    with consortium.community.database.session() as session:
        job = session.scalar(select(ForwardJob))
        return job.attempts if job else 0


def test_retention_deletes_local_copies_only_after_commitment_and_print(
        consortium: Consortium) -> None:
    import dataclasses
    from datetime import timedelta

    from tiered_workstation.config import ForwarderSettings
    from tiered_workstation.dicom.forward import Forwarder
    from tiered_workstation.storage.base import utcnow

    center, community = consortium.center, consortium.community
    accession = register(community, PatientInput("王五", Sex.MALE), ReadingMode.CENTER_FULL)
    community.start(long_poll_seconds=1)
    acquire(consortium, accession, count=2, size=256)
    wait_until("the exam transferred", lambda: state_at(
        community, accession) is ExamState.TRANSFERRED, timeout=60)
    community.close()  # the test drives the forwarder itself from here
    settings = dataclasses.replace(community.settings, forward=dataclasses.replace(
        community.settings.forward, retention_days=30))
    with community.database.session() as session:
        local = [community.archive.absolute(p) for p in session.scalars(select(Instance.path))]
    assert all(p.exists() for p in local)

    def forwarder(days_later: int) -> Forwarder:
        return Forwarder(ForwarderSettings.of(settings), community.database, community.archive,
                         community.workflow,
                         clock=lambda: utcnow() + timedelta(days=days_later))

    assert forwarder(31).purge_forwarded() == 0  # committed, but not printed yet
    with community.database.transaction() as session:
        exam = session.scalar(select(Exam).where(Exam.accession_number == accession))
        exam.state = ExamState.PRINTED  # (the reporting loop is tested elsewhere)
    assert forwarder(29).purge_forwarded() == 0  # not old enough
    assert forwarder(31).purge_forwarded() == 2
    assert not any(p.exists() for p in local)
    assert forwarder(31).purge_forwarded() == 0
    with center.database.session() as session:  # the center still holds them
        assert all(center.archive.absolute(p).exists()
                   for p in session.scalars(select(Instance.path)))


def test_a_community_doctors_marks_reach_the_center_with_the_study(
        consortium: Consortium) -> None:
    center, community = consortium.center, consortium.community
    accession = scheduled(community, PatientInput("李梅", Sex.FEMALE, "Li^Mei"),
                          ReadingMode.COMMUNITY_PRELIM)
    acquire(consortium, accession, count=1, size=256)
    wait_until("the image at the center", lambda: instances_at(center) == 1, timeout=60)

    with community.database.session() as session:   # the doctor marks a nodule, saves GSPS
        image = study_files(session, community.archive.root, accession_number=accession)[0]
    header = dcmread(image, stop_before_pixels=True)
    uid = str(header.SOPInstanceUID)
    nodule = Measurement(Tool.ELLIPSE, 0, [(100, 80), (130, 120)], "结节？ 12 mm", uid)
    exported = presentation_state([nodule], {uid: header}, Presentation(
        {uid: Window(1800, 1200)}), creator="李医生")
    saved = write_presentation_state(consortium.root / "notes-PR.dcm", exported.dataset)
    archived = archive_presentation_state(community, saved)
    assert archived.is_file()
    assert archive_presentation_state(community, saved) == archived    # once only
    with pytest.raises(ValueError, match="not of the expected kind"):
        archive_presentation_state(community, image)                  # an image is not one

    wait_until("the marks at the center", lambda: instances_at(center) == 2, timeout=60)
    with center.database.session() as session:
        files = study_files(session, center.archive.root, accession_number=accession)
    opened = open_paths(files)
    assert [s.modality for s in opened.series] == ["DX"]          # the image …
    state = read_presentation_states(opened.presentation_states)  # … and the marks on it
    assert [(m.tool, m.text, m.sop_instance_uid) for m in state.marks] == [
        (Tool.ELLIPSE, "结节？ 12 mm", uid)]
    assert state.creator == "李医生"
    wait_until("both jobs committed", lambda: jobs_at(community) == [
        ("done", JPEGLSLossless), ("done", ExplicitVRLittleEndian)])   # the state went as is


def instances_at(site) -> int:
    with site.database.session() as session:
        return int(session.scalar(select(func.count()).select_from(Instance)) or 0)


def jobs_at(site) -> list[tuple[str, str]]:
    with site.database.session() as session:
        return [(j.state, j.transfer_syntaxes)
                for j in session.scalars(select(ForwardJob).order_by(ForwardJob.id))]
