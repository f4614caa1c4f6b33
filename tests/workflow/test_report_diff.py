"""Character-level report diff: exact, Chinese-aware, readable for English."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tiered_workstation.workflow.report_diff import (
    DiffOp,
    DiffSegment,
    apply_new,
    apply_old,
    diff_text,
    render_marked,
    tokenize,
)

TEXT = st.text(alphabet=st.sampled_from(list("右下肺炎症见斑片影，。 abcAB12\n")), max_size=60)


@given(TEXT, TEXT)
def test_diff_reconstructs_both_texts(old: str, new: str) -> None:
    segments = diff_text(old, new)
    assert apply_old(segments) == old
    assert apply_new(segments) == new
    assert all(s.text for s in segments)


def test_chinese_insertions_are_found_per_character() -> None:
    segments = diff_text("右下肺见片状影", "右下肺见斑片状影，边界不清")
    assert segments == [
        DiffSegment(DiffOp.EQUAL, "右下肺见"),
        DiffSegment(DiffOp.INSERT, "斑"),
        DiffSegment(DiffOp.EQUAL, "片状影"),
        DiffSegment(DiffOp.INSERT, "，边界不清"),
    ]


def test_replacement_is_delete_then_insert() -> None:
    assert render_marked(diff_text("考虑炎症", "考虑结核")) == "考虑[-炎症-]{+结核+}"


def test_english_words_change_whole() -> None:
    assert tokenize("Mild opacity, 3.5 cm") == ["Mild", " ", "opacity", ",", " ", "3.5", " ",
                                                "cm"]
    assert render_marked(diff_text("mild opacity", "marked opacity")) == \
        "[-mild-]{+marked+} opacity"


def test_identical_texts_have_no_changes() -> None:
    assert diff_text("同", "同") == [DiffSegment(DiffOp.EQUAL, "同")]
    assert diff_text("", "") == []
