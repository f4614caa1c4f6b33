"""The report PDF: Chinese text extractable, page numbers, QR, A4 and A5, copy mark."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tiered_workstation.printing.report_pdf import (
    Addendum,
    ReportDocument,
    SignatureStatement,
    write_report_pdf,
)

FINDINGS = ("双肺纹理增多，右下肺见斑片状模糊影，边界不清。心影大小形态正常。"
            "双侧膈面光整，肋膈角锐利。")


def _doc(**changes) -> ReportDocument:
    values = dict(
        center="市中心医院", hospital="社区一卫生服务中心", accession_number="CM012611280001",
        patient_name="张三", patient_name_phonetic="Zhang San", sex="男", age="61岁",
        patient_id="CM012026000457", procedure="DR 胸部正侧位", modality="DX",
        exam_time=datetime(2026, 11, 28, 9, 5, tzinfo=UTC), referring_physician="王医生",
        clinical_info="咳嗽三天，发热。", findings=FINDINGS,
        impression="右下肺炎症，建议抗炎治疗后两周复查。", reader="陈主治", reviewer="刘主任",
        signed_at=datetime(2026, 11, 28, 9, 27, tzinfo=UTC),
        signature=SignatureStatement("刘主任", "ab" * 32, True),
        verification="TW-REPORT|CM012611280001|1.2.3|abab|20261128T092700Z")
    values.update(changes)
    return ReportDocument(**values)


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines()
                    if line.startswith("Pages:")))


def test_chinese_findings_impression_and_people_are_in_the_text(tmp_path: Path) -> None:
    pdf = write_report_pdf(_doc(), tmp_path / "report.pdf")
    text = _text(pdf).replace(" ", "")
    for expected in ("市中心医院", "影像诊断报告", "张三", "CM012611280001", "右下肺见斑片状模糊影",
                     "右下肺炎症，建议抗炎治疗后两周复查。", "报告医师：陈主治", "审核医师：刘主任",
                     "签名已验证", "ABABABAB", "第1页/共1页"):
        assert expected in text, expected
    assert "副本" not in text
    # the CJK font is embedded (not left to the viewer's substitution)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "yes" in fonts.split("\n", 2)[2]


def test_long_report_numbers_its_pages_and_copy_is_marked(tmp_path: Path) -> None:
    long_findings = "\n".join([FINDINGS] * 40)
    pdf = write_report_pdf(_doc(findings=long_findings, copy=True,
                                addenda=[Addendum("补充：左肺尖陈旧性病灶。", "刘主任",
                                                  datetime(2026, 11, 28, 10, tzinfo=UTC))]),
                           tmp_path / "long.pdf")
    pages = _pages(pdf)
    assert pages >= 2
    text = _text(pdf).replace(" ", "")
    assert f"第{pages}页/共{pages}页" in text
    assert "副本COPY" in text
    assert "左肺尖陈旧性病灶" in text


@pytest.mark.parametrize(("paper", "width_pt"), [("A4", 595), ("A5", 419)])
def test_paper_sizes(tmp_path: Path, paper: str, width_pt: int) -> None:
    pdf = write_report_pdf(_doc(paper=paper), tmp_path / f"{paper}.pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size"))
    assert f"{width_pt}" in size.split(":")[1].split("x")[0]
    assert "诊断意见" in _text(pdf).replace(" ", "")


def test_key_images_are_embedded(tmp_path: Path) -> None:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("L", (300, 200), 128).save(buffer, format="PNG")
    pdf = write_report_pdf(_doc(key_images=[("右下肺", buffer.getvalue())]),
                           tmp_path / "images.pdf")
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True,
                             text=True).stdout
    assert "300" in listing  # an image 300 px wide is in the page (the QR code is vector)
    assert "关键图像" in _text(pdf).replace(" ", "")


def test_record_number_source_department_doctor_and_admission_id_are_printed(
        tmp_path: Path) -> None:
    for paper in ("A4", "A5"):
        pdf = write_report_pdf(_doc(patient_source="住院", requesting_department="呼吸内科",
                                    admission_id="ZY2026-0815", paper=paper),
                               tmp_path / f"ids-{paper}.pdf")
        text = _text(pdf).replace(" ", "")
        for expected in ("病历号CM012026000457", "患者来源住院", "申请科室呼吸内科",
                         "申请医生王医生", "住院号ZY2026-0815", "检查号CM012611280001"):
            assert expected in text, (paper, expected)
    outpatient = _text(write_report_pdf(_doc(patient_source="门诊"), tmp_path / "o.pdf"))
    assert "住院号" not in outpatient
    assert "门诊" in outpatient
