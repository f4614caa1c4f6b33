"""SCU helpers against dcmtk peers (storescp, wlmscpfs) and our own node."""

from __future__ import annotations

import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pydicom import dcmread
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, JPEGLSLossless
from sqlalchemy import select

from dicom.conftest import AE as NODE_AE
from dicom.conftest import RunningNode, free_port
from tiered_workstation.dicom.scu import Target
from tiered_workstation.dicom.scu_transfer import (
    find_studies,
    get,
    move,
    query_worklist,
    store_files,
)
from tiered_workstation.dicom.synth import Demographics, dx_dataset
from tiered_workstation.dicom.worklist_answers import worklist_item
from tiered_workstation.storage.enums import Priority, Sex
from tiered_workstation.storage.exams import Exam
from tiered_workstation.storage.imaging import Instance
from tiered_workstation.storage.patients import Patient

DX = "1.2.840.10008.5.1.4.1.1.1.1"


def dx_files(tmp_path: Path, count: int = 2, study: str = "") -> list[Path]:
    paths = []
    for i in range(count):
        path = tmp_path / f"dx{i}.dcm"
        dx_dataset(Demographics(study_instance_uid=study), size=128, seed=i).save_as(
            path, enforce_file_format=True)
        paths.append(path)
    return paths


def start(command: list[str], port: int) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            import socket

            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError(f"{command[0]} did not start")


@pytest.mark.parametrize(("accept_all", "expected"), [(True, JPEGLSLossless),
                                                      (False, ExplicitVRLittleEndian)])
def test_store_compresses_when_the_peer_accepts_it(tmp_path: Path, accept_all: bool,
                                                   expected: str) -> None:
    port = free_port()
    out = tmp_path / "out"
    out.mkdir()
    flags = ["+xa"] if accept_all else []
    proc = start(["storescp", *flags, "-aet", "PEER", "-od", str(out), str(port)], port)
    paths = dx_files(tmp_path)
    try:
        outcomes = store_files(Target("PEER", "127.0.0.1", port), "TW", paths,
                               compress="jpeg-ls")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert [o.ok for o in outcomes] == [True, True]
    assert {o.transfer_syntax for o in outcomes} == {expected}
    received = [dcmread(p) for p in out.iterdir()]
    assert {r.file_meta.TransferSyntaxUID for r in received} == {expected}
    originals = {dcmread(p).SOPInstanceUID: dcmread(p).pixel_array for p in paths}
    for r in received:  # lossless: the same pixels arrive
        assert (r.pixel_array == originals[r.SOPInstanceUID]).all()


def test_worklist_query_against_dcmtk_wlmscpfs(tmp_path: Path) -> None:
    folder = tmp_path / "wl" / "WLM"
    folder.mkdir(parents=True)
    tz = ZoneInfo("Asia/Shanghai")
    for n, (name, accession) in enumerate([("张三", "A1"), ("张伟", "A2"), ("李四", "A3")]):
        exam = Exam(accession_number=accession, study_instance_uid=f"2.25.{n + 1}",
                    procedure_code="DXCHEST2", procedure_description="胸部正侧位",
                    modality="DX", body_part="CHEST", priority=Priority.ROUTINE,
                    scheduled_station_ae="DR01", referring_physician="",
                    registered_at=datetime.now(UTC),
                    patient=Patient(consortium_id=f"c{n}", name=name, sex=Sex.UNKNOWN))
        item = worklist_item(exam, tz, "CH01", charset="GB18030", phonetic_names=False)
        item.file_meta = FileMetaDataset()
        item.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
        item.save_as(folder / f"{n}.wl", implicit_vr=False, little_endian=True)
    (folder / "lockfile").touch()  # wlmscpfs wants one in each AE folder
    port = free_port()
    proc = start(["wlmscpfs", "-csk", "-dfp", str(tmp_path / "wl"), str(port)], port)
    try:
        query = Dataset()
        query.SpecificCharacterSet = "GB18030"  # wlmscpfs -csk matches in the files' charset
        query.PatientName = "张*"
        query.AccessionNumber = ""
        step = Dataset()
        step.Modality = "DX"
        query.ScheduledProcedureStepSequence = [step]
        answers = query_worklist(Target("WLM", "127.0.0.1", port), "TW", query)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert sorted(str(a.PatientName) for a in answers) == ["张^三", "张^伟"]


def test_find_move_and_get_against_our_node(node: RunningNode, tmp_path: Path) -> None:
    study = "2.25.123456789"
    paths = dx_files(tmp_path, 2, study)
    target = Target(NODE_AE, "127.0.0.1", node.port)
    assert all(o.ok for o in store_files(target, "PYSCU", paths, compress="jpeg-ls"))
    with node.services.database.session() as session:
        assert set(session.scalars(select(Instance.transfer_syntax_uid))) == {JPEGLSLossless}
    query = Dataset()
    query.QueryRetrieveLevel = "STUDY"
    query.StudyInstanceUID = study
    query.NumberOfStudyRelatedInstances = ""
    [answer] = find_studies(target, "PYSCU", query)
    assert answer.NumberOfStudyRelatedInstances == 2
    got = get(target, "PYSCU", query, [DX], tmp_path)
    assert sorted(dcmread(p).SOPInstanceUID for p in got) == sorted(
        dcmread(p).SOPInstanceUID for p in paths)
    assert move(target, "PYSCU", "NOWHERE", query) == 0xA801
