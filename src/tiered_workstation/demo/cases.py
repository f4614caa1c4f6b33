"""The two-site demo's patients, each with her or his own request and report.

张三 has had a cough for two weeks and fever for three days, and his films show
right lower lobe pneumonia; 王芳 has a week of dry cough without fever, the
doctor wants pneumonia ruled out, and her chest is normal.  The reviewer's
edits are what a senior adds: the lesion's margin and when to check again; the
mediastinum, and "correlate clinically".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..registration.identity import PatientInput, national_id_check_char
from ..storage.enums import PatientSource, PeerReviewGrade, ReadingMode, Sex


def _national_id(region: str, birth: date, sequence: str) -> str:
    first17 = f"{region}{birth:%Y%m%d}{sequence}"
    return first17 + national_id_check_char(first17)


@dataclass(frozen=True)
class DemoCase:
    """One patient's request and what her or his films were reported to show."""

    patient: PatientInput
    mode: ReadingMode
    clinical_info: str
    findings: str            # the preliminary report
    impression: str
    final_findings: str      # as the reviewer signed it
    final_impression: str
    source: PatientSource = PatientSource.OUTPATIENT
    department: str = ""     # 申请科室
    doctor: str = ""         # 申请医生
    admission_id: str = ""   # 住院号, inpatients
    key_image: str = ""      # the caption of the PA film the reviewer marks as key
    grade: PeerReviewGrade | None = None  # the reviewer's, where not the proposed one


ZHANG = PatientInput("张三", Sex.MALE, "Zhang^San", date(1965, 3, 15),
                     national_id=_national_id("110105", date(1965, 3, 15), "123"),
                     phone="13800138000")
WANG = PatientInput("王芳", Sex.FEMALE, "Wang^Fang", date(1990, 11, 20),
                    national_id=_national_id("440106", date(1990, 11, 20), "268"))

PNEUMONIA = ("双肺纹理增多，右下肺见片状模糊影。心影大小形态正常。"
             "双侧膈面光整，肋膈角锐利。")
NORMAL = ("胸廓对称，气管居中。双肺纹理清晰，未见实变影。心影大小形态正常。"
          "双侧膈面光整，肋膈角锐利。")
CASES = (
    DemoCase(ZHANG, ReadingMode.CENTER_FULL, "咳嗽两周，发热三天。",
             PNEUMONIA, "右下肺炎症。",
             PNEUMONIA.replace("片状模糊影", "斑片状模糊影，边界不清"),
             "右下肺炎症，建议抗炎治疗后两周复查。",
             department="全科门诊", doctor="王医生", key_image="右下肺斑片影（后前位）"),
    DemoCase(WANG, ReadingMode.COMMUNITY_PRELIM, "干咳一周，无发热，听诊双肺呼吸音清，请排除肺炎。",
             NORMAL, "心肺未见明显异常。",
             NORMAL.replace("气管居中。", "气管居中，纵隔未见增宽。"),
             "心肺膈未见明显异常，请结合临床。",
             source=PatientSource.INPATIENT, department="内科病房", doctor="李医生",
             admission_id="ZY2026000318",
             # the text proposes minor (a negative finding and 膈 added); the reviewer
             # reads it as the same report and says so at sign-off
             grade=PeerReviewGrade.AGREE),
)
