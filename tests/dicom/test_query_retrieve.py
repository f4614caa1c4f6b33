"""Query/Retrieve SCP against dcmtk findscu -P/-S, movescu and getscu."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest
from pydicom import dcmread
from pydicom.dataset import Dataset
from pydicom.uid import JPEGLSLossless
from sqlalchemy import select

from dicom.conftest import RunningNode
from tiered_workstation.dicom.synth import Demographics, dx_dataset
from tiered_workstation.storage.enums import AuditOutcome
from tiered_workstation.storage.imaging import Instance
from tiered_workstation.storage.messaging import AuditEvent
from tiered_workstation.workflow.identifiers import new_uid


@pytest.fixture
def archived(node: RunningNode, tmp_path: Path) -> dict[str, list[str]]:
    """Two studies for 张三 (one JPEG-LS), one for Ouyang Nana; returns study → SOP UIDs."""
    studies: dict[str, list[str]] = {}
    files = []
    plan = [("张三", "Zhang^San", "P1", 2, None), ("张三", "Zhang^San", "P1", 1, JPEGLSLossless),
            ("欧阳娜娜", "Ouyang^Nana", "P2", 1, None)]
    for n, (name, phonetic, pid, count, syntax) in enumerate(plan):
        study, series = new_uid(), new_uid()
        for i in range(count):
            ds = dx_dataset(Demographics(patient_name=name, patient_phonetic=phonetic,
                                         patient_id=pid, study_instance_uid=study,
                                         accession_number=f"ACC{n}"),
                            size=64, series_uid=series, instance_number=i + 1)
            if syntax:
                ds.compress(syntax)
            path = tmp_path / f"{n}-{i}.dcm"
            ds.save_as(path, enforce_file_format=True)
            files.append(path)
            studies.setdefault(study, []).append(ds.SOPInstanceUID)
    result = node.run("storescu", "-xt", *node.target(), *map(str, files))
    assert result.returncode == 0, result.stderr
    return studies


def find(node: RunningNode, model: str, *keys: str, name: str = "out",
         calling: str = "MOVESCU") -> list[Dataset]:
    out = node.workdir / name
    out.mkdir()
    args = [arg for key in keys for arg in ("-k", key)]
    result = node.run("findscu", model, "-aet", calling, *node.target(), *args, "-X", "-od",
                      str(out))
    assert result.returncode == 0, result.stderr
    return [dcmread(p) for p in sorted(out.glob("rsp*.dcm"))]


def test_patient_root_patient_level(node: RunningNode, archived: dict) -> None:
    answers = find(node, "-P", "QueryRetrieveLevel=PATIENT", "SpecificCharacterSet=ISO_IR 192",
                   "PatientName=张*", "PatientID", "NumberOfPatientRelatedStudies")
    assert [(str(a.PatientName), a.PatientID, a.NumberOfPatientRelatedStudies)
            for a in answers] == [("张^三", "P1", 2)]  # as the files hold it: family^given


def test_study_root_study_series_and_image_levels(node: RunningNode, archived: dict) -> None:
    studies = find(node, "-S", "QueryRetrieveLevel=STUDY", "PatientID=P1", "StudyInstanceUID",
                   "ModalitiesInStudy", "NumberOfStudyRelatedInstances", "PatientName",
                   name="studies")
    assert sorted(a.NumberOfStudyRelatedInstances for a in studies) == [1, 2]
    assert all(a.ModalitiesInStudy == "DX" and "PatientName" in a for a in studies)
    two = next(a.StudyInstanceUID for a in studies if a.NumberOfStudyRelatedInstances == 2)
    series = find(node, "-S", "QueryRetrieveLevel=SERIES", f"StudyInstanceUID={two}",
                  "SeriesInstanceUID", "Modality", "NumberOfSeriesRelatedInstances",
                  name="series")
    assert [(s.Modality, s.NumberOfSeriesRelatedInstances) for s in series] == [("DX", 2)]
    images = find(node, "-S", "QueryRetrieveLevel=IMAGE", f"StudyInstanceUID={two}",
                  f"SeriesInstanceUID={series[0].SeriesInstanceUID}", "SOPInstanceUID",
                  "InstanceNumber", name="images")
    assert [i.SOPInstanceUID for i in images] == archived[two]
    by_accession = find(node, "-S", "QueryRetrieveLevel=STUDY", "AccessionNumber=ACC2",
                        "PatientName", name="acc")
    assert [str(a.PatientName) for a in by_accession] == ["欧阳^娜娜"]


def test_move_to_a_registered_peer_sends_files_as_stored(node: RunningNode,
                                                        archived: dict) -> None:
    received = node.workdir / "received"
    received.mkdir()
    dest = subprocess.Popen(["storescp", "-aet", "MOVEDEST", "+xa", "-od", str(received),
                             str(node.dest_port)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        time.sleep(0.5)
        for study in archived:
            result = node.run("movescu", "-S", "-aet", "MOVESCU", "-aem", "MOVEDEST",
                              *node.target(), "-k", "QueryRetrieveLevel=STUDY",
                              "-k", f"StudyInstanceUID={study}")
            assert result.returncode == 0, result.stderr
    finally:
        dest.terminate()
        dest.wait(timeout=30)
    got = {dcmread(p).SOPInstanceUID: dcmread(p).file_meta.TransferSyntaxUID
           for p in received.iterdir()}
    assert set(got) == {uid for uids in archived.values() for uid in uids}
    with node.services.database.session() as session:  # as the archive holds them
        stored = dict(session.execute(select(Instance.sop_instance_uid,
                                             Instance.transfer_syntax_uid)).all())
    assert got == stored
    assert sorted(got.values()).count(JPEGLSLossless) == 1


def test_move_to_an_unknown_destination_is_refused(node: RunningNode, archived: dict) -> None:
    study = next(iter(archived))
    result = node.run("movescu", "-S", "-aet", "MOVESCU", "-aem", "ELSEWHERE", *node.target(),
                      "-k", "QueryRetrieveLevel=STUDY", "-k", f"StudyInstanceUID={study}")
    assert result.returncode != 0
    assert "MoveDestinationUnknown" in result.stdout + result.stderr


def test_get_returns_the_study_on_the_same_association(node: RunningNode,
                                                      archived: dict) -> None:
    study, uids = next((s, u) for s, u in archived.items() if len(u) == 2)
    out = node.workdir / "got"
    out.mkdir()
    result = node.run("getscu", "-S", "-aet", "GETSCU", *node.target(), "-od", str(out),
                      "-k", "QueryRetrieveLevel=STUDY", "-k", f"StudyInstanceUID={study}")
    assert result.returncode == 0, result.stderr
    assert sorted(dcmread(p).SOPInstanceUID for p in out.iterdir()) == sorted(uids)


def test_a_modality_may_not_query_or_retrieve(node: RunningNode, archived: dict) -> None:
    study = next(iter(archived))
    found = node.run("findscu", "-v", "-S", "-aet", "STORESCU", *node.target(),
                     "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID")
    # 0x0124 is PS3.7 C.5 "Refused: not authorized"; dcmtk has no name for it
    assert "Final Find Response (Unknown Status: 0x124)" in found.stdout + found.stderr
    out = node.workdir / "none"
    out.mkdir()
    node.run("getscu", "-S", "-aet", "STORESCU", *node.target(), "-od", str(out),
             "-k", "QueryRetrieveLevel=STUDY", "-k", f"StudyInstanceUID={study}")
    assert list(out.iterdir()) == []
    with node.services.database.session() as session:
        refused = session.scalars(select(AuditEvent.action).where(
            AuditEvent.outcome == AuditOutcome.REFUSED)).all()
    assert sorted(refused) == ["dicom.query", "dicom.retrieve"]


def test_study_answers_carry_the_record_number_and_the_request(node: RunningNode,
                                                               tmp_path: Path) -> None:
    """A registered inpatient's images: the study level answers her record number (from
    the worklist, in the files) and what registration knew of the request."""
    from support import TECH
    from tiered_workstation.registration.identity import OrderInput, PatientInput
    from tiered_workstation.registration.service import register_exam
    from tiered_workstation.storage.enums import PatientSource, Sex

    services = node.services
    order = OrderInput("DXCHEST2", "DR 胸部正侧位", "DX", "CHEST", referring_physician="王医生",
                       patient_source=PatientSource.INPATIENT,
                       requesting_department="呼吸内科", admission_id="ZY0815")
    with services.database.transaction() as session:
        exam, _ = register_exam(session, services.workflow, services.registration, TECH,
                                PatientInput("王芳", Sex.FEMALE, "Wang^Fang"), order)
        record = exam.patient.identifier_at(services.settings.site.code)
        accession, study = exam.accession_number, exam.study_instance_uid
    ds = dx_dataset(Demographics(patient_name="王芳", patient_phonetic="Wang^Fang",
                                 patient_id=record, study_instance_uid=study,
                                 accession_number=accession), size=64)
    path = tmp_path / "wang.dcm"
    ds.save_as(path, enforce_file_format=True)
    assert node.run("storescu", "-xt", *node.target(), str(path)).returncode == 0
    [answer] = find(node, "-S", "QueryRetrieveLevel=STUDY", "SpecificCharacterSet=ISO_IR 192",
                    f"AccessionNumber={accession}", "PatientID", "ReferringPhysicianName",
                    "RequestingPhysician", "RequestingService", "AdmissionID", name="req")
    assert answer.PatientID == record
    assert record.startswith("CH01")
    assert str(answer.ReferringPhysicianName) == str(answer.RequestingPhysician) == "王医生"
    assert answer.RequestingService == "呼吸内科"
    assert answer.AdmissionID == "ZY0815"
