"""A signed exam becomes a de-identified teaching case in the teaching archive."""

from __future__ import annotations

import json
from pathlib import Path

import pydicom
import pytest
from sqlalchemy import select

from review.conftest import REVIEWER, TECH, Reading, by_accession
from review.conftest import reading as reading
from teaching.conftest import archive_marked_images
from tiered_workstation.storage.messaging import AuditEvent
from tiered_workstation.teaching.cases import CaseDraft, CaseRefused, make_case

FINDINGS = "患者张三（Zhang San）：右下肺见斑片状模糊影，边界不清。"
DRAFT = CaseDraft(title="右下肺炎", diagnosis="社区获得性肺炎", body_part="CHEST",
                  difficulty=2, tags=("Pneumonia", " 肺炎 "),
                  teaching_points="张三的片子：注意右心缘是否清晰（轮廓征）。")


def _make(reading: Reading, accession: str, actor=REVIEWER, draft: CaseDraft = DRAFT):
    services = reading.services
    with services.database.transaction() as session:
        case = make_case(session, by_accession(session, accession), actor, draft,
                         archive_dir=services.settings.archive_dir,
                         teaching_dir=services.settings.data_dir / "teaching")
        return case.uid


def test_a_signed_exam_becomes_a_case_without_the_patient(reading: Reading,
                                                         tmp_path: Path) -> None:
    accession = reading.read_and_sign(findings=FINDINGS, impression="右下肺炎症。")
    original_sop = archive_marked_images(reading, accession, tmp_path)
    case_uid = _make(reading, accession)
    services = reading.services
    from tiered_workstation.storage.teaching import TeachingCase

    with services.database.session() as session:
        case = session.scalar(select(TeachingCase).where(TeachingCase.uid == case_uid))
        assert case.title == "右下肺炎"
        assert case.tag_list == ["pneumonia", "肺炎"]
        assert "张三" not in case.findings
        assert "Zhang" not in case.findings
        assert "右下肺见斑片状模糊影" in case.findings
        assert "张三" not in case.teaching_points
        assert "轮廓征" in case.teaching_points
        assert case.source_exam_id == by_accession(session, accession).id
        assert original_sop in json.loads(case.deid_mapping)["uids"]
        files = [(i.modality, i.key_image, i.path) for i in case.instances]
        assert sorted(m for m, _k, _p in files) == ["DX", "PR"]
        assert [k for m, k, _p in files if m == "DX"] == [True]  # the marks are on it
        paths = [services.settings.data_dir / "teaching" / p for _m, _k, p in files]
        audit = session.scalar(select(AuditEvent).where(
            AuditEvent.action == "teaching.case_created"))
        assert audit.object_id == case_uid
    for path in paths:
        data = path.read_bytes()
        for needle in ("张三", "张^三", accession, "P000777"):
            assert needle.encode("utf-8") not in data, (path.name, needle)
        assert b"Zhang" not in data
        ds = pydicom.dcmread(path)
        assert ds.PatientIdentityRemoved == "YES"
        assert ds.SOPInstanceUID != original_sop
    ps = pydicom.dcmread(next(p for p in paths if pydicom.dcmread(p).Modality == "PR"))
    dx = pydicom.dcmread(next(p for p in paths if pydicom.dcmread(p).Modality == "DX"))
    ref = ps.GraphicAnnotationSequence[0].ReferencedImageSequence[0]
    assert ref.ReferencedSOPInstanceUID == dx.SOPInstanceUID
    assert "右下肺病灶" in ps.GraphicAnnotationSequence[0].TextObjectSequence[0] \
        .UnformattedTextValue


def test_unsigned_exams_technicians_and_burned_in_names_are_refused(
        reading: Reading, tmp_path: Path) -> None:
    unsigned = reading.new_exam()
    with pytest.raises(CaseRefused, match="no signed report"):
        _make(reading, unsigned)
    signed = reading.read_and_sign()
    archive_marked_images(reading, signed, tmp_path, burned=True)
    with pytest.raises(CaseRefused, match="attending or a reviewer"):
        _make(reading, signed, actor=TECH)
    with pytest.raises(CaseRefused, match="burned into its pixels"):
        _make(reading, signed)
    teaching = reading.services.settings.data_dir / "teaching"
    assert not teaching.exists() or not any(teaching.iterdir())  # nothing half-made left
