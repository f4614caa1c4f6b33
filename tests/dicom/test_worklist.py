"""Modality Worklist SCP against dcmtk findscu -W: Chinese names in each peer's charset."""

from __future__ import annotations

import logging
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pydicom import dcmread
from pydicom.dataset import Dataset
from pydicom.uid import (
    DeflatedExplicitVRLittleEndian,
    ExplicitVRLittleEndian,
    ImplicitVRLittleEndian,
)
from pynetdicom import AE
from pynetdicom.sop_class import ModalityWorklistInformationFind
from sqlalchemy import select

from dicom.conftest import AE as NODE_AE
from dicom.conftest import RunningNode
from support import TECH, add_scheduled_exams
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
    assert sorted(str(a.PatientName) for a in answers) == ["张^三", "张^伟"]  # family^given
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
    ({"modality": "CT"}, ["李^四"]),
    ({"station": "DR02"}, ["张^伟"]),
    ({"station": "DR0?"}, ["张^三", "张^伟"]),
    ({"name": "李四"}, ["李^四"]),
    ({"name": "李^四"}, ["李^四"]),
    ({"name": "*四"}, ["李^四"]),
    ({"name": "*"}, ["张^三", "张^伟", "李^四"]),
    ({}, ["张^三", "张^伟", "李^四"]),
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


def test_cancel_stops_the_answers(node: RunningNode, caplog: pytest.LogCaptureFixture) -> None:
    """dcmtk findscu cancels after the first answer of 6,000: it gets the Cancel status
    and the node stops streaming (it checks for a cancel every few dozen answers)."""
    add_scheduled_exams(node.services, 6000)
    query = query_file(node.workdir / "q.dcm", "ISO_IR 192")
    with caplog.at_level(logging.INFO, logger="tiered_workstation.dicom.worklist"):
        result = node.run("findscu", "-W", "-v", "--cancel", "1", "-aet", "FINDSCU",
                          *node.target(), str(query))
    assert result.returncode == 0, result.stderr
    assert "Received Final Find Response (Cancel" in result.stdout + result.stderr
    stopped = [r.args for r in caplog.records if "cancelled after" in r.getMessage()]
    assert stopped, "the node did not see the cancel"
    assert stopped[0][1] < 6000


def small_pdu_association(node: RunningNode, syntax: str, max_pdu: int):
    ae = AE(ae_title="PYSCU")
    ae.maximum_pdu_size = max_pdu
    ae.add_requested_context(ModalityWorklistInformationFind, [syntax])
    assoc = ae.associate("127.0.0.1", node.port, ae_title=NODE_AE)
    assert assoc.is_established
    return assoc


@pytest.mark.parametrize(("syntax", "max_pdu"), [
    (ImplicitVRLittleEndian, 0), (ExplicitVRLittleEndian, 200),
    (DeflatedExplicitVRLittleEndian, 16384)])
def test_answers_arrive_whole_in_every_syntax_and_pdu_size(
        node: RunningNode, scheduled: list[str], syntax: str, max_pdu: int) -> None:
    """Pre-encoded answers split into PDUs the peer accepts; deflate goes through pynetdicom."""
    assoc = small_pdu_association(node, syntax, max_pdu)
    query = Dataset()
    query.SpecificCharacterSet = "ISO_IR 192"
    query.PatientName = "张*"
    query.AccessionNumber = ""
    step = Dataset()
    step.ScheduledStationAETitle = ""
    step.ScheduledProcedureStepDescription = ""
    query.ScheduledProcedureStepSequence = [step]
    try:
        answers = [(s.Status, ds) for s, ds in assoc.send_c_find(
            query, ModalityWorklistInformationFind)]
    finally:
        assoc.release()
    assert [s for s, _ in answers] == [0xFF00, 0xFF00, 0x0000]
    found = {str(ds.PatientName): ds for _, ds in answers[:2]}
    assert set(found) == {"张^三", "张^伟"}
    assert found["张^三"].ScheduledProcedureStepSequence[0].ScheduledStationAETitle == "DR01"
    assert found["张^三"].ScheduledProcedureStepSequence[0].ScheduledProcedureStepDescription \
        == "DR 胸部正侧位"
    assert {ds.AccessionNumber for _, ds in answers[:2]} <= set(scheduled)


def test_patient_id_is_the_record_number_and_the_request_details_are_sent(
        node: RunningNode) -> None:
    """findscu -W (GB18030 peer): Patient ID is the site's record number, never the
    consortium UUID; requesting doctor, department and the inpatient's admission ID."""
    import re

    from tiered_workstation.storage.enums import PatientSource

    services = node.services
    inpatient = OrderInput("DXCHEST2", "DR 胸部正侧位", "DX", "CHEST",
                           scheduled_station_ae="DR01", referring_physician="王医生",
                           patient_source=PatientSource.INPATIENT,
                           requesting_department="呼吸内科", admission_id="ZY2026-0815")
    outpatient = OrderInput("CTHEAD", "CT 头颅平扫", "CT", "HEAD", scheduled_station_ae="CT01",
                            requesting_department="神经内科", admission_id="")
    with services.database.transaction() as session:
        for patient, order in ((PatientInput("张三", Sex.MALE, "Zhang^San"), inpatient),
                               (PatientInput("李四", Sex.FEMALE, "Li^Si",
                                             local_patient_id="MZ-0457"), outpatient)):
            exam, _ = register_exam(session, services.workflow, services.registration, TECH,
                                    patient, order)
            services.workflow.apply(session, exam, Action.SCHEDULE, TECH)
        consortium = {e.patient.consortium_id for e in session.scalars(select(Exam)).unique()}
    query = node.workdir / "ids.dcm"
    ds = Dataset()
    ds.SpecificCharacterSet = "GB18030"
    for keyword in ("PatientName", "PatientID", "IssuerOfPatientID", "AccessionNumber",
                    "ReferringPhysicianName", "RequestingPhysician", "RequestingService",
                    "AdmissionID", "PatientInstitutionResidence"):
        setattr(ds, keyword, "")
    ds.ScheduledProcedureStepSequence = [Dataset()]
    ds.ScheduledProcedureStepSequence[0].Modality = ""
    ds.save_as(query, implicit_vr=False, little_endian=True)
    answers = {str(a.PatientName): a for a in find(node, "FINDSCU", query, "ids")}
    zhang, li = answers["张^三"], answers["李^四"]
    assert re.fullmatch(r"CH01\d{4}000001", zhang.PatientID)  # {site}{yyyy}{seq:06d}
    assert li.PatientID == "MZ-0457"  # as typed from the requisition
    assert not {zhang.PatientID, li.PatientID} & consortium
    assert zhang.IssuerOfPatientID == li.IssuerOfPatientID == "CH01"
    assert str(zhang.RequestingPhysician) == str(zhang.ReferringPhysicianName) == "王医生"
    assert zhang.RequestingService == "呼吸内科"
    assert zhang.AdmissionID == "ZY2026-0815"
    assert zhang.PatientInstitutionResidence == "呼吸内科"
    assert li.RequestingService == "神经内科"
    assert li.AdmissionID == ""  # an outpatient
    assert li.PatientInstitutionResidence == ""
    raw = b"".join(p.read_bytes() for p in (node.workdir / "ids").glob("rsp*.dcm"))
    assert "呼吸内科".encode("gb18030") in raw
    # a Latin-1 console: a Chinese doctor's name it cannot carry is left empty, not ???
    ds.SpecificCharacterSet = "ISO_IR 100"
    ds.save_as(query, implicit_vr=False, little_endian=True)
    latin = {str(a.PatientName): a for a in find(node, "DR_LATIN", query, "latin")}
    assert str(latin["Zhang^San"].RequestingPhysician) == ""
    assert str(latin["Zhang^San"].ReferringPhysicianName) == ""
    raw = b"".join(p.read_bytes() for p in (node.workdir / "latin").glob("rsp*.dcm"))
    assert b"???" not in raw
