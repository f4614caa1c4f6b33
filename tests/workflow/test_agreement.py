"""The distance of a final from its preliminary, and the grade it proposes."""

from __future__ import annotations

import pytest

from tiered_workstation.storage.enums import PeerReviewGrade
from tiered_workstation.workflow.agreement import (
    comparable,
    distance,
    interpretation,
    lost,
    measure,
)

FINDINGS = "双肺纹理增多，右下肺见片状模糊影。心影大小形态正常。"


def test_spacing_punctuation_and_width_do_not_count() -> None:
    assert comparable("右肺 结节。") == comparable("右肺结节")
    assert comparable("ＣＴ值 ４０ HU") == comparable("ct值40hu")
    assert distance("右下肺炎症。", "右下肺炎症") == 0.0


def test_distance_is_per_character_and_normalised_by_the_longer_text() -> None:
    assert distance("右下肺炎症", "左下肺炎症") == pytest.approx(1 / 5)
    assert distance("右下肺炎症", "右下肺炎症待排") == pytest.approx(2 / 7)
    assert distance("心肺未见异常", "") == 1.0
    assert distance("", "") == 0.0


@pytest.mark.parametrize(("final_findings", "final_impression", "grade"), [
    (FINDINGS, "右下肺炎症。", PeerReviewGrade.AGREE),
    (FINDINGS.replace("。心影", "，心影"), "右下肺炎症", PeerReviewGrade.AGREE),
    (FINDINGS.replace("片状模糊影", "斑片状模糊影，边界不清"), "右下肺炎症。",
     PeerReviewGrade.MINOR),
    (FINDINGS, "右下肺炎症，建议抗炎治疗后两周复查。", PeerReviewGrade.AGREE),  # advice only
    (FINDINGS, "右下肺炎症，请结合临床。", PeerReviewGrade.AGREE),
    (FINDINGS, "右下肺炎症，右侧少量胸腔积液，建议复查。", PeerReviewGrade.MINOR),
    (FINDINGS.replace("右下肺见片状模糊影", "右下肺见团块影，分叶"),
     "右下肺占位，肺癌可能大，建议增强CT。", PeerReviewGrade.MAJOR),
])
def test_proposed_grade(final_findings: str, final_impression: str,
                        grade: PeerReviewGrade) -> None:
    agreement = measure(FINDINGS, "右下肺炎症。", final_findings, final_impression)
    assert agreement.proposed_grade is grade
    assert agreement.impression_changed is (grade is not PeerReviewGrade.AGREE
                                            and final_impression != "右下肺炎症。")
    if "建议" in final_impression or "请" in final_impression:  # the whole text's distance
        assert agreement.impression_distance > 0


def test_what_the_reviewer_only_added_is_not_lost() -> None:
    assert lost("右下肺炎症", "右下肺炎症，右侧少量胸腔积液") == 0.0
    assert lost("右下肺炎症", "右下肺占位") == pytest.approx(2 / 5)
    assert lost("", "右下肺炎症") == 0.0


def test_advice_is_not_part_of_the_interpretation() -> None:
    assert interpretation("右下肺炎症，建议抗炎治疗后两周复查。") == "右下肺炎症"
    assert interpretation("心肺膈未见明显异常，请结合临床。") == "心肺膈未见明显异常"
    assert interpretation("右肺结节；必要时CT随访。左肺钙化灶。") == "右肺结节，左肺钙化灶"
