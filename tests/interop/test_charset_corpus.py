"""pydicom's character set corpus through the node: stored with dcmtk's storescu, then
asked for with findscu and with pynetdicom, every Person Name compared with what pydicom
reads from the file itself, character for character."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydicom import dcmread
from pydicom.data import get_charset_files
from pydicom.dataset import Dataset
from pynetdicom import AE
from pynetdicom.sop_class import (
    PatientRootQueryRetrieveInformationModelFind,
    StudyRootQueryRetrieveInformationModelFind,
)

from dicom.conftest import AE as NODE_AE
from dicom.conftest import RunningNode

CORPUS = sorted(p for p in map(Path, get_charset_files("*.dcm"))
                if "SOPInstanceUID" in dcmread(p, stop_before_pixels=True))


def _expected() -> dict[str, str]:
    """Study Instance UID → the Patient's Name pydicom decodes from the file."""
    out: dict[str, str] = {}
    for path in CORPUS:
        ds = dcmread(path)
        out[str(ds.StudyInstanceUID)] = str(ds.PatientName)
    return out


@pytest.fixture
def stored(node: RunningNode) -> dict[str, str]:
    assert len(CORPUS) >= 15, "pydicom's charset corpus is incomplete"
    result = node.run("storescu", "-aet", "STORESCU", *node.target(), *map(str, CORPUS))
    assert result.returncode == 0, result.stderr
    return _expected()


def _findscu(node: RunningNode, name: str, *keys: str) -> list[Dataset]:
    out = node.workdir / name
    out.mkdir()
    args = [arg for key in keys for arg in ("-k", key)]
    result = node.run("findscu", "-S", "-aet", "MOVESCU", *node.target(), *args, "-X", "-od",
                      str(out))
    assert result.returncode == 0, result.stderr
    return [dcmread(p) for p in sorted(out.glob("rsp*.dcm"))]


def test_findscu_gets_every_name_back_as_the_file_holds_it(node: RunningNode,
                                                           stored: dict[str, str]) -> None:
    answers = _findscu(node, "all", "QueryRetrieveLevel=STUDY",
                       "SpecificCharacterSet=ISO_IR 192", "StudyInstanceUID", "PatientName")
    got = {str(a.StudyInstanceUID): str(a.PatientName) for a in answers}
    assert got == stored
    assert all(a.SpecificCharacterSet == "ISO_IR 192" for a in answers)


def _pynetdicom_find(node: RunningNode, model: str, identifier: Dataset) -> list[Dataset]:
    ae = AE(ae_title="MOVESCU")
    ae.add_requested_context(model)
    assoc = ae.associate("127.0.0.1", node.port, ae_title=NODE_AE)
    assert assoc.is_established
    try:
        answers = [ds for status, ds in assoc.send_c_find(identifier, model)
                   if status and status.Status in (0xFF00, 0xFF01)]
    finally:
        assoc.release()
    return answers


def test_pynetdicom_in_utf8_gets_every_name_at_patient_and_study_level(
        node: RunningNode, stored: dict[str, str]) -> None:
    query = Dataset()
    query.SpecificCharacterSet = "ISO_IR 192"
    query.QueryRetrieveLevel = "STUDY"
    query.StudyInstanceUID = ""
    query.PatientName = ""
    answers = _pynetdicom_find(node, StudyRootQueryRetrieveInformationModelFind, query)
    assert {str(a.StudyInstanceUID): str(a.PatientName) for a in answers} == stored

    patients = Dataset()
    patients.SpecificCharacterSet = "ISO_IR 192"
    patients.QueryRetrieveLevel = "PATIENT"
    patients.PatientID = ""
    patients.PatientName = ""
    by_id = {str(a.PatientID): str(a.PatientName) for a in _pynetdicom_find(
        node, PatientRootQueryRetrieveInformationModelFind, patients)}
    for path in CORPUS:
        ds = dcmread(path)
        assert by_id[str(ds.PatientID)] == str(ds.PatientName), path.name


@pytest.mark.parametrize(("pattern", "files"), [
    ("王*", {"chrX1.dcm", "chrX2.dcm"}),
    ("Wang*", {"chrX1.dcm", "chrX2.dcm"}),
    ("*小东", {"chrX2.dcm"}),
    ("Yamada^Tarou", {"chrH31.dcm"}),
    ("やまだ*", {"chrH31.dcm", "chrH32.dcm", "chrJapMulti.dcm", "chrJapMultiExplicitIR6.dcm"}),
    ("Buc^J*", {"chrFren.dcm", "chrFrenMulti.dcm"}),
])
def test_matching_works_on_any_component_group(node: RunningNode, stored: dict[str, str],
                                               pattern: str, files: set[str]) -> None:
    answers = _findscu(node, "match", "QueryRetrieveLevel=STUDY",
                       "SpecificCharacterSet=ISO_IR 192", f"PatientName={pattern}",
                       "StudyInstanceUID")
    studies = {str(dcmread(p).StudyInstanceUID) for p in CORPUS if p.name in files}
    assert {str(a.StudyInstanceUID) for a in answers} == studies
