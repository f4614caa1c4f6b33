"""De-identified teaching files keep no trace of the patient, in any character set."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pydicom
import pytest
from pydicom.data import get_testdata_file
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian
from pydicom.valuerep import PersonName

from tiered_workstation.dicom.charset import encode_ir58
from tiered_workstation.teaching.deidentify import CaseDeidentifier, DeidentificationRefused
from tiered_workstation.teaching.text_scrub import CaseIdentities

CHARSETS = {  # Specific Character Set -> how the name is written in it
    "GB18030": "ZHANG^WEI=张^伟=zhang^wei",
    "ISO_IR 192": "ZHANG^WEI=张^伟=zhang^wei",
    "\\ISO 2022 IR 58": "ZHANG^WEI=张^伟=zhang^wei",
}
PATIENT_ID, ACCESSION, RECORD = "P7788123", "CM01A0042", "CM012026000042"
# Table E.1-1 attributes (PS3.15) that must be gone (X) after the Basic Profile
REMOVED = ("PatientAddress", "PatientTelephoneNumbers", "OtherPatientNames",
           "OtherPatientIDs", "PatientBirthName", "PatientMotherBirthName",
           "AdditionalPatientHistory", "PatientComments", "ImageComments",
           "MedicalAlerts", "Allergies", "EthnicGroup", "Occupation", "AdmissionID",
           "IssuerOfPatientID", "ReferringPhysicianAddress", "RequestAttributesSequence",
           "InstitutionalDepartmentName", "PerformingPhysicianName", "OperatorsName")


def _identified(charset: str, tmp: Path, n: int) -> Path:
    ds = pydicom.dcmread(get_testdata_file("CT_small.dcm", download=False))
    ds.SpecificCharacterSet = charset.split("\\")[-1] if "2022" not in charset else \
        ["", "ISO 2022 IR 58"]
    ds.PatientName = CHARSETS[charset]
    ds.PatientID, ds.AccessionNumber, ds.AdmissionID = PATIENT_ID, ACCESSION, "ZY2026"
    ds.PatientBirthDate, ds.StudyDate, ds.SeriesDate = "19520317", "20261201", "20261201"
    ds.PatientAddress, ds.PatientTelephoneNumbers = "北京市海淀区", "13800138000"
    ds.OtherPatientNames, ds.OtherPatientIDs = "张^伟", RECORD
    ds.PatientBirthName = ds.PatientMotherBirthName = "李^娜"
    ds.AdditionalPatientHistory = "张伟 咳嗽三天"
    ds.PatientComments = ds.ImageComments = f"患者张伟 {PATIENT_ID}"
    ds.MedicalAlerts, ds.Allergies, ds.EthnicGroup, ds.Occupation = "x", "青霉素", "汉", "教师"
    ds.IssuerOfPatientID, ds.InstitutionalDepartmentName = "CM01", "放射科"
    ds.ReferringPhysicianName, ds.ReferringPhysicianAddress = "王^医生", "社区医院"
    ds.PerformingPhysicianName, ds.OperatorsName = "赵^技师", "赵^技师"
    ds.SeriesDescription = "张伟 胸部平扫"
    request = Dataset()
    request.RequestedProcedureID, request.ScheduledProcedureStepID = ACCESSION, "S1"
    ds.RequestAttributesSequence = Sequence([request])
    ds.add_new(0x00111010, "LO", "PRIVATE OWNER")
    ds.add_new(0x00111011, "LO", "张伟 private")
    ds.SOPInstanceUID = f"{ds.SOPInstanceUID}.{n}"
    ds.BurnedInAnnotation = "NO"
    if "2022" in charset:  # pydicom writes no escapes: give the bytes a device would send
        for element in ds.iterall():
            if element.VR in ("PN", "LO", "LT", "ST", "SH") and isinstance(
                    element.value, str | PersonName) and not str(element.value).isascii():
                element.value = encode_ir58(str(element.value))
    path = tmp / f"in{n}.dcm"
    ds.save_as(path, enforce_file_format=True)
    return path


def _gsps(image: Dataset) -> Dataset:
    ps = Dataset()
    ps.file_meta = FileMetaDataset()
    ps.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ps.SpecificCharacterSet = "ISO_IR 192"
    ps.PatientName, ps.PatientID = "ZHANG^WEI=张^伟", PATIENT_ID
    ps.StudyInstanceUID, ps.SeriesInstanceUID = image.StudyInstanceUID, "1.2.3.4.99"
    ps.SOPInstanceUID, ps.SOPClassUID = "1.2.3.4.99.1", "1.2.840.10008.5.1.4.1.1.11.1"
    ps.StudyDate, ps.Modality, ps.BurnedInAnnotation = "20261201", "PR", "NO"
    ref = Dataset()
    ref.ReferencedSOPInstanceUID = image.SOPInstanceUID
    ref.ReferencedSOPClassUID = image.SOPClassUID
    text = Dataset()
    text.UnformattedTextValue = f"张 伟 右肺结节 ID {PATIENT_ID} zhang wei"
    annotation = Dataset()
    annotation.ReferencedImageSequence = Sequence([ref])
    annotation.TextObjectSequence = Sequence([text])
    ps.GraphicAnnotationSequence = Sequence([annotation])
    return ps


def _forbidden() -> list[bytes]:
    words = ["张伟", "张^伟", "ZHANG", "zhang", "Zhang", PATIENT_ID, ACCESSION, RECORD,
             "19520317", "北京", "13800138000"]
    out = [w.encode("utf-8") for w in words] + [w.encode("gb18030") for w in words]
    out += [encode_ir58(w) for w in ("张伟", "张^伟")]  # the ISO 2022 IR 58 form
    return out


@pytest.mark.parametrize("charset", list(CHARSETS))
def test_no_trace_of_the_patient_in_any_character_set(charset: str, tmp_path: Path) -> None:
    sources = [pydicom.dcmread(_identified(charset, tmp_path, n)) for n in range(2)]
    originals = [(s.StudyInstanceUID, s.SeriesInstanceUID, s.SOPInstanceUID) for s in sources]
    identities = CaseIdentities.from_dataset(sources[0], identifiers=[RECORD])
    deid = CaseDeidentifier("case-1", identities)
    gsps = _gsps(sources[0])
    outputs = []
    for n, ds in enumerate([*sources, gsps]):
        deid.deidentify(ds)
        path = tmp_path / f"out{n}.dcm"
        ds.save_as(path, enforce_file_format=True)
        outputs.append(path)
    for path in outputs:
        data = path.read_bytes()
        for needle in _forbidden():
            assert needle not in data, (path.name, needle)
        dump = subprocess.run(["dcmdump", "+U8", str(path)], capture_output=True,
                              text=True, check=True).stdout
        assert "张" not in dump
        assert PATIENT_ID not in dump
        assert "ZHANG" not in dump
    images = [pydicom.dcmread(p) for p in outputs[:2]]
    for ds, (study, series, sop) in zip(images, originals, strict=True):
        assert ds.PatientIdentityRemoved == "YES"
        codes = [c.CodeValue for c in ds.DeidentificationMethodCodeSequence]
        assert "113100" in codes
        assert "113107" in codes
        assert ds.StudyInstanceUID != study
        assert ds.SOPInstanceUID != sop
        assert ds.SeriesInstanceUID != series
        for keyword in REMOVED:
            assert keyword not in ds, keyword
        assert not any(e.tag.is_private for e in ds)
        assert ds.StudyDate != "20261201"
        assert not ds.get("PatientBirthDate")  # not shifted: it would give the real one back
        assert ds.PatientAge == "000Y"          # the device's age stays (113108)
        assert ds.pixel_array.shape == (128, 128)  # the teaching content stays
    assert images[0].StudyInstanceUID == images[1].StudyInstanceUID  # consistent in a case
    assert images[0].StudyDate == images[1].StudyDate
    ps = pydicom.dcmread(outputs[2])
    ref = ps.GraphicAnnotationSequence[0].ReferencedImageSequence[0]
    assert ref.ReferencedSOPInstanceUID == images[0].SOPInstanceUID  # references follow
    label = ps.GraphicAnnotationSequence[0].TextObjectSequence[0].UnformattedTextValue
    assert "右肺结节" in label
    assert "[患者]" in label
    assert deid.mapping.uids[originals[0][2]] == images[0].SOPInstanceUID
    assert deid.mapping.patient_id == PATIENT_ID
    assert deid.mapping.pseudonym != PATIENT_ID
    assert deid.mapping.day_shift is not None
    assert deid.mapping.day_shift < 0


def test_report_text_loses_names_ids_and_birth_date() -> None:
    identities = CaseIdentities.of(names=["ZHANG^WEI", "张^伟", "zhang^wei"],
                                   identifiers=[PATIENT_ID, ACCESSION],
                                   birth_date=pydicom.valuerep.DA("19520317"))
    text = (f"患者张伟（Zhang Wei，ID {PATIENT_ID}，检查号 {ACCESSION}，"
            "1952年3月17日生）：右肺上叶见结节，张 伟 建议随访。WEI ZHANG")
    scrubbed = identities.scrub(text)
    for gone in ("张伟", "张 伟", "Zhang", "ZHANG", PATIENT_ID, ACCESSION, "1952年3月17日"):
        assert gone not in scrubbed
    assert "右肺上叶见结节" in scrubbed
    assert "建议随访" in scrubbed


def test_burned_in_annotation_is_refused_in_plain_words(tmp_path: Path) -> None:
    ds = pydicom.dcmread(_identified("ISO_IR 192", tmp_path, 0))
    ds.BurnedInAnnotation = "YES"
    deid = CaseDeidentifier("case-2", CaseIdentities.from_dataset(ds))
    with pytest.raises(DeidentificationRefused, match="burned into its pixels"):
        deid.deidentify(ds)


def test_the_age_comes_from_the_birth_date_when_the_device_sent_none() -> None:
    from tiered_workstation.teaching.deidentify import age_at

    assert age_at("19520317", "20261201") == "074Y"
    assert age_at("19521202", "20261201") == "073Y"   # the day before the birthday
    assert age_at("", "20261201") == ""
    assert age_at("1952", "20261201") == ""
