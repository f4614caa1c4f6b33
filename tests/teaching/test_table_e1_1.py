"""Every attribute of PS3.15 Table E.1-1 against a de-identified CT and DX.

Each attribute the table lists is written into the source files with the patient's name
and ID (or a date, a UID, a number, as its VR allows). After de-identification, read
back with pydicom, each must have had its action: X removed, Z emptied or dummied,
D replaced, U replaced consistently across the case. The options the files declare
(113103 Clean Graphics, 113105 Clean Descriptors, 113107 modified dates, 113108 patient
characteristics) keep some attributes instead; those must then be cleaned, shifted or
harmless. No byte of the written files may hold the name or ID in any character set.
"""

from __future__ import annotations

import csv
from datetime import datetime
from importlib import resources
from pathlib import Path

import pydicom
import pytest
from pydicom.datadict import dictionary_VR
from pydicom.dataset import Dataset
from pydicom.sequence import Sequence
from pydicom.tag import Tag

from tiered_workstation.dicom.charset import encode_ir58
from tiered_workstation.dicom.synth import Demographics, ct_series, dx_dataset
from tiered_workstation.teaching.deidentify import CaseDeidentifier
from tiered_workstation.teaching.text_scrub import CaseIdentities

TABLE = resources.files("tiered_workstation.teaching").joinpath("ps3_15_table_e1_1.csv")
NAME, PATIENT_ID = "ZHANG^WEI=张^伟", "P7788123"
TEXT = f"张伟 {PATIENT_ID}"
# Retain Patient Characteristics (113108) keeps these as they were
CHARACTERISTICS = {"PatientAge": "074Y", "PatientSex": "M", "PatientSize": "1.70",
                   "PatientWeight": "60", "PatientSexNeutered": "ALTERED",
                   "SmokingStatus": "NO", "PregnancyStatus": 4}
# Clean Descriptors (113105) keeps these, cleaned of the name and ID
DESCRIPTORS = {"StudyDescription", "SeriesDescription", "ProtocolName"}
# X/Z/U*: a reference sequence may stay if every UID in it is replaced
REFERENCES = {"ReferencedImageSequence", "SourceImageSequence"}
# The image itself and what a viewer needs to show it are outside the table
STRUCTURAL = {"SOPInstanceUID", "SOPClassUID", "StudyInstanceUID", "SeriesInstanceUID",
              "FrameOfReferenceUID", "MediaStorageSOPInstanceUID"}


def _table() -> list[tuple[int, str, str]]:
    with TABLE.open(encoding="utf-8") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        return [(int(r["tag"], 16), r["keyword"], r["action"]) for r in rows]


def _value(tag: int, n: int) -> object:
    vr = dictionary_VR(tag).split(" or ")[0]
    if vr == "SQ":
        item = Dataset()
        item.CodeMeaning = TEXT
        item.TextValue = TEXT
        item.ReferencedSOPInstanceUID = f"1.2.826.0.1.3680043.10.998.{n}"
        return Sequence([item])
    return {
        "PN": NAME, "DA": "19520317", "TM": "101010", "DT": "19520317101010",
        "UI": f"1.2.826.0.1.3680043.10.999.{n}", "AS": "074Y", "DS": "1.5", "IS": "7",
        "CS": "ZHANGWEI", "AE": "ZHANGWEI", "UR": f"http://h/{PATIENT_ID}",
        "US": 7, "SS": 7, "UL": 7, "SL": 7, "FL": 7.0, "FD": 7.0, "UV": 7, "SV": 7,
        "AT": 0x00100010, "OB": PATIENT_ID.encode(), "OW": PATIENT_ID.encode(),
        "UN": PATIENT_ID.encode(), "OD": b"\0" * 8, "OF": b"\0" * 4, "OL": b"\0" * 4,
        "OV": b"\0" * 8,
    }.get(vr, TEXT)


def _fill(ds: Dataset, table: list[tuple[int, str, str]]) -> dict[str, object]:
    """Write every table attribute into ``ds``; return what was written, by keyword."""
    written: dict[str, object] = {}
    for n, (tag, keyword, _action) in enumerate(table):
        if Tag(tag).group in (0x0000, 0x0002) or keyword in STRUCTURAL:
            continue
        value = CHARACTERISTICS.get(keyword, _value(tag, n))
        ds.add_new(tag, dictionary_VR(tag).split(" or ")[0], value)
        written[keyword] = value
    ds.add_new(0x60003000, "OW", b"\x01\x00" * 8)  # overlay data: X in the table (60xx)
    ds.add_new(0x60004000, "LT", TEXT)             # overlay comments
    return written


def _sources(tmp: Path) -> list[Path]:
    demo = Demographics(patient_name="张伟", patient_phonetic="Zhang^Wei",
                        patient_id=PATIENT_ID, birth_date="19520317",
                        accession_number="CM01A0042")
    table = _table()
    images = [*ct_series(demo, slices=2, size=64), dx_dataset(demo, size=128,
                                                               acquired=datetime(2026, 12, 1))]
    paths = []
    for n, ds in enumerate(images):
        ds.SpecificCharacterSet = "GB18030"
        _fill(ds, table)
        ds.PatientName, ds.PatientID, ds.BurnedInAnnotation = NAME, PATIENT_ID, "NO"
        path = tmp / f"source{n}.dcm"
        ds.save_as(path, enforce_file_format=True)
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Dataset], list[Dataset],
                                                           list[Path]]:
    tmp = tmp_path_factory.mktemp("table")
    sources = [pydicom.dcmread(p) for p in _sources(tmp)]
    originals = [pydicom.dcmread(p) for p in sorted(tmp.glob("source*.dcm"))]
    deid = CaseDeidentifier("case-e11", CaseIdentities.from_dataset(sources[0]))
    outputs = []
    for n, ds in enumerate(sources):
        deid.deidentify(ds)
        path = tmp / f"teaching{n}.dcm"
        ds.save_as(path, enforce_file_format=True)
        outputs.append(path)
    return originals, [pydicom.dcmread(p) for p in outputs], outputs


def _uids(items: Sequence) -> set[str]:
    return {str(e.value) for item in items for e in item.iterall() if e.VR == "UI"}


def _kept(keyword: str, before: Dataset, after: Dataset) -> bool:
    return keyword in after and after[keyword].value == before[keyword].value


@pytest.mark.parametrize("modality", ["CT", "DX"])
def test_every_attribute_of_table_e1_1_has_its_action(modality: str, case) -> None:
    originals, results, _ = case
    index = 0 if modality == "CT" else 2
    before, after = originals[index], results[index]
    assert before.Modality == modality
    wrong: list[str] = []
    for _tag, keyword, action in _table():
        if keyword not in before or keyword in STRUCTURAL:
            continue
        if keyword in CHARACTERISTICS:
            if not _kept(keyword, before, after):
                wrong.append(f"{keyword} ({action}) not kept by 113108")
            continue
        if keyword not in after or after[keyword].value in (None, "", b"", []):
            if action in ("D", "U") and keyword in ("PatientID", "StudyInstanceUID"):
                wrong.append(f"{keyword} ({action}) emptied, must be replaced")
            continue  # removed or emptied: right for X and Z, allowed for D and U
        vr = before[keyword].VR
        if keyword in DESCRIPTORS:
            if "张" in str(after[keyword].value) or PATIENT_ID in str(after[keyword].value):
                wrong.append(f"{keyword} ({action}) kept by 113105 but not cleaned")
        elif keyword in REFERENCES:
            assert _uids(before[keyword].value), keyword
            if not _uids(after[keyword].value).isdisjoint(_uids(before[keyword].value)):
                wrong.append(f"{keyword} ({action}) kept with an original UID")
        elif vr == "TM":
            continue  # 113107 shifts dates by whole days: a time of day stays
        elif action.startswith("X") and vr not in ("DA", "DT"):
            wrong.append(f"{keyword} ({action}) still present")
        elif _kept(keyword, before, after):
            wrong.append(f"{keyword} ({action}) unchanged")
    for tag in (0x60003000, 0x60004000):  # overlays can carry names drawn on the image
        if tag in after:
            wrong.append(f"overlay {tag:08X} still present")
    assert not wrong, "\n".join(wrong)


def test_uids_are_replaced_alike_across_the_case(case) -> None:
    originals, results, _ = case
    uid_keywords = [k for _t, k, a in _table() if a == "U" and k in originals[0]]
    assert len(uid_keywords) > 20
    for keyword in uid_keywords:
        olds = {str(o[keyword].value) for o in originals if keyword in o}
        news = {str(r[keyword].value) for r in results if keyword in r}
        assert olds.isdisjoint(news), keyword
        if len(olds) == 1 and all(keyword in r for r in results):
            assert len(news) == 1, keyword  # one old UID, one new one, in every file
    assert results[0].StudyInstanceUID == results[1].StudyInstanceUID


def test_no_byte_of_the_name_or_id_in_any_file(case) -> None:
    _, results, paths = case
    needles = [PATIENT_ID.encode(), b"ZHANG", b"Zhang", b"zhang", encode_ir58("张伟")]
    needles += ["张伟".encode(c) for c in ("utf-8", "gb18030")]
    needles += ["张^伟".encode(c) for c in ("utf-8", "gb18030")]
    for path in paths:
        data = path.read_bytes()
        for needle in needles:
            assert needle not in data, (path.name, needle)
    for ds in results:
        assert ds.PatientIdentityRemoved == "YES"
        assert ds.pixel_array.size > 0
