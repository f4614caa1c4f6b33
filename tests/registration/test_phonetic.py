"""Chinese names get their pinyin form, read as names."""

from __future__ import annotations

import pytest

from tiered_workstation.registration.phonetic import phonetic_name, split_name


@pytest.mark.parametrize(("name", "expected"), [
    ("张三", "Zhang^San"),
    ("王小明", "Wang^Xiaoming"),
    ("欧阳娜娜", "Ouyang^Nana"),      # two-character surname stays together
    ("诸葛亮", "Zhuge^Liang"),
    ("单田芳", "Shan^Tianfang"),      # 单 as a surname is Shan, not Dan
    ("曾志伟", "Zeng^Zhiwei"),        # 曾 as a surname is Zeng, not Ceng
    ("解缙", "Xie^Jin"),
    ("朴槿惠", "Piao^Jinhui"),
    ("吕布", "Lv^Bu"),                # ü typed as v, as Chinese systems do
    (" 张 三丰 ", "Zhang^Sanfeng"),   # spaces typed inside a Chinese name are dropped
    ("李", "Li"),
])
def test_phonetic_names(name: str, expected: str) -> None:
    assert phonetic_name(name) == expected


def test_latin_names_need_no_phonetic_form() -> None:
    assert phonetic_name("John Smith") == ""
    assert phonetic_name("") == ""


def test_surname_reading_applies_only_to_the_family_name() -> None:
    # 乐 is Yue as a surname but Le inside a given name.
    assert phonetic_name("乐乐") == "Yue^Le"
    assert split_name("司马相如") == ("司马", "相如")
    assert split_name("马相如") == ("马", "相如")
