"""Modality Worklist SCP against dcmtk findscu -W: Chinese names in each peer's charset."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pydicom import dcmread
from pydicom.dataset import Dataset
from pynetdicom import AE
from pynetdicom.sop_class import ModalityWorklistInformationFind
from sqlalchemy import select

from dicom.conftest import AE as NODE_AE
from dicom.conftest import RunningNode
from support import TECH
from tiered_workstation.registration.identity import OrderInput, PatientInput
from tiered_workstation.registration.service import register_exam
from tiered_workstation.storage.enums import Sex
from tiered_workstation.storage.exams import Exam
from tiered_workstation.workflow.transitions import Action

PATIENTS = [
    (PatientInput("张三", Sex.MALE, "Zhang^San"), OrderInput("DXCHEST2", "DR 胸部正侧位", "DX",
                                                            "CHEST", scheduled_station_ae="DR01")),
    (PatientInput("张伟", Sex.MALE, "Zhang^Wei"), OrderInput("DXCHEST2", "DR 胸部正侧位", "DX",
                                                            "CHEST", scheduled_station_ae="DR02")),
    (PatientInput("李四", Sex.FEMALE, "Li^Si"), OrderInput("CTHEAD", "CT 头颅平扫", "CT", "HEAD",
                                                         scheduled_station_ae="CT01")),
]


@pytest.fixture
def scheduled(node: RunningNode) -> list[str]:
    services = node.services
    numbers = []
    with services.database.transaction() as session:
        for patient, order in PATIENTS:
            exam, _ = register_exam(session, services.workflow, services.registration, TECH,
                                    patient, order)
            services.workflow.apply(session, exam, Action.SCHEDULE, TECH)
            numbers.append(exam.accession_number)
    return numbers


def query_file(path: Path, charset: str, **keys: str) -> Path:
    ds = Dataset()
    ds.SpecificCharacterSet = charset
    ds.PatientName = keys.get("name", "")
    ds.PatientID = ""
    ds.PatientBirthDate = ""
    ds.PatientSex = ""
    ds.AccessionNumber = keys.get("accession", "")
    ds.StudyInstanceUID = ""
    ds.RequestedProcedureDescription = ""
    step = Dataset()
    step.Modality = keys.get("modality", "")
    step.ScheduledStationAETitle = keys.get("station", "")
    step.ScheduledProcedureStepStartDate = keys.get("date", "")
    step.ScheduledProcedureStepStartTime = ""
    step.ScheduledProcedureStepID = ""
    ds.ScheduledProcedureStepSequence = [step]
    ds.save_as(path, implicit_vr=False, little_endian=True)
    return path


def find(node: RunningNode, calling: str, query: Path, name: str) -> list[Dataset]:
    out = node.workdir / name
    out.mkdir()
    result = node.run("findscu", "-W", "-aet", calling, *node.target(), str(query), "-X",
                      "-od", str(out))
    assert result.returncode == 0, result.stderr
    return [dcmread(p) for p in sorted(out.glob("rsp*.dcm"))]


def test_gb18030_device_gets_gb18030_answers_for_a_chinese_wildcard(
        node: RunningNode, scheduled: list[str]) -> None:
    query = query_file(node.workdir / "q.dcm", "GB18030", name="张*")
    answers = find(node, "FINDSCU", query, "gb")
    assert sorted(str(a.PatientName) for a in answers) == ["张三", "张伟"]
    raw = (node.workdir / "gb" / "rsp0001.dcm").read_bytes()
    assert "张".encode("gb18030") in raw
    assert "张".encode() not in raw
    for answer in answers:
        assert answer.SpecificCharacterSet == "GB18030"
        assert answer.AccessionNumber in scheduled
        step = answer.ScheduledProcedureStepSequence[0]
        assert step.Modality == "DX"
        assert step.ScheduledProcedureStepID == answer.AccessionNumber
        assert answer.RequestedProcedureDescription == "DR 胸部正侧位"
        assert answer.StudyInstanceUID.startswith("2.25.")
        assert "ScheduledProcedureStepDescription" not in step  # not asked, not sent


def test_utf8_device_gets_phonetic_and_ideographic_groups(node: RunningNode,
                                                         scheduled: list[str]) -> None:
    query = query_file(node.workdir / "q.dcm", "ISO_IR 192", name="zhang*")
    answers = find(node, "DR_UTF8", query, "utf8")
    assert sorted(str(a.PatientName) for a in answers) == ["Zhang^San=张^三", "Zhang^Wei=张^伟"]
    assert all(a.SpecificCharacterSet == "ISO_IR 192" for a in answers)


# pynetdicom re-reads the answer for its log with pydicom, which does not know ESC $ ) A
@pytest.mark.filterwarnings("ignore:Found unknown escape sequence:UserWarning")
def test_iso2022_ir58_device_gets_escape_sequences_dcmtk_understands(
        node: RunningNode, scheduled: list[str]) -> None:
    query = query_file(node.workdir / "q.dcm", "ISO_IR 192", name="zhang*")
    find(node, "DR_IR58", query, "ir58")
    raw = (node.workdir / "ir58" / "rsp0001.dcm").read_bytes()
    assert b"\x1b$)A" in raw  # GB 2312 designated, as PS3.5 requires
    dump = subprocess.run(["dcmdump", "+U8", str(node.workdir / "ir58" / "rsp0001.dcm")],
                          capture_output=True, text=True, timeout=60).stdout
    assert "Zhang^San=张^三" in dump or "Zhang^Wei=张^伟" in dump


@pytest.mark.parametrize(("keys", "expected"), [
    ({"modality": "CT"}, ["李四"]),
    ({"station": "DR02"}, ["张伟"]),
    ({"station": "DR0?"}, ["张三", "张伟"]),
    ({"name": "李四"}, ["李四"]),
    ({"name": "*"}, ["张三", "张伟", "李四"]),
    ({}, ["张三", "张伟", "李四"]),
])
def test_matching_keys(node: RunningNode, scheduled: list[str], keys: dict[str, str],
                       expected: list[str]) -> None:
    query = query_file(node.workdir / "q.dcm", "ISO_IR 192", **keys)
    answers = find(node, "FINDSCU", query, "out")
    assert sorted(str(a.PatientName) for a in answers) == sorted(expected)


def test_date_ranges_and_states(node: RunningNode, scheduled: list[str]) -> None:
    tz = node.services.settings.site.tz
    today = datetime.now(UTC).astimezone(tz).date()
    day = today.strftime("%Y%m%d")
    week_ago = (today - timedelta(days=7)).strftime("%Y%m%d")
    yesterday = (today - timedelta(days=1)).strftime("%Y%m%d")
    for n, (date_key, count) in enumerate([(day, 3), (f"{week_ago}-{day}", 3),
                                           (f"-{yesterday}", 0), (f"{day}-", 3)]):
        query = query_file(node.workdir / f"q{n}.dcm", "ISO_IR 192", date=date_key)
        assert len(find(node, "FINDSCU", query, f"d{n}")) == count, date_key
    # once acquisition has started the exam leaves the worklist
    with node.services.database.transaction() as session:
        exam = session.scalar(select(Exam).where(Exam.accession_number == scheduled[0]))
        node.services.workflow.apply(session, exam, Action.START_ACQUISITION, TECH)
    query = query_file(node.workdir / "q.dcm", "ISO_IR 192")
    assert len(find(node, "FINDSCU", query, "after")) == 2


def test_cancel_stops_the_answers(node: RunningNode) -> None:
    services = node.services
    with services.database.transaction() as session:
        for i in range(400):
            register_exam(session, services.workflow, services.registration, TECH,
                          PatientInput(f"病人{i}"), OrderInput("DXCHEST2", "Chest", "DX"))
    ae = AE(ae_title="PYSCU")
    ae.add_requested_context(ModalityWorklistInformationFind)
    assoc = ae.associate("127.0.0.1", node.port, ae_title=NODE_AE)
    assert assoc.is_established
    query = Dataset()
    query.PatientName = ""
    statuses = []
    responses = assoc.send_c_find(query, ModalityWorklistInformationFind, msg_id=7)
    for status, _identifier in responses:
        statuses.append(status.Status)
        if len(statuses) == 1:
            assoc.send_c_cancel(7, assoc.accepted_contexts[0].context_id)
    assoc.release()
    assert statuses[-1] == 0xFE00
    assert len(statuses) < 401
