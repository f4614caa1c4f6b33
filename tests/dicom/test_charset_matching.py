"""Character-set helpers and PS3.4 matching rules (pure functions)."""

from __future__ import annotations

from datetime import date

import pytest
from pydicom.dataset import Dataset
from pydicom.valuerep import PersonName

from tiered_workstation.config import PeerNode
from tiered_workstation.dicom.charset import (
    decode_text,
    encode_ir58,
    has_cjk,
    names_from_person_name,
    person_name,
    split_chinese_name,
)
from tiered_workstation.dicom.matching import (
    match_date_range,
    match_person_name,
    match_text,
    match_time_range,
)


@pytest.mark.parametrize(("name", "parts"), [
    ("张三", ("张", "三")), ("欧阳娜娜", ("欧阳", "娜娜")), ("司马光", ("司马", "光")),
    ("王", ("王", "")), ("John", ("John", "")),
])
def test_split_chinese_name(name: str, parts: tuple[str, str]) -> None:
    assert split_chinese_name(name) == parts


def test_person_name_groups() -> None:
    """A registered name goes out as family^given: other software must see a given name."""
    assert person_name("张三", "Zhang^San") == "张^三"
    assert person_name("欧阳娜娜", "Ouyang^Nana") == "欧阳^娜娜"
    assert person_name("张三", "Zhang^San", phonetic_groups=True) == "Zhang^San=张^三"
    assert person_name("张三", "", phonetic_groups=True) == "张^三"
    assert person_name("Buc^Jérôme", "Buc^Jérôme", phonetic_groups=True) == "Buc^Jérôme"
    assert person_name("李^四", "Li^Si", phonetic_groups=True) == "Li^Si=李^四"


@pytest.mark.parametrize(("value", "expected"), [
    ("Zhang^San=张^三", ("张三", "Zhang^San")),
    ("张^三", ("张三", "")),
    ("Buc^Jérôme", ("Buc^Jérôme", "Buc^Jérôme")),
    ("", ("", "")),
])
def test_names_from_person_name(value: str, expected: tuple[str, str]) -> None:
    assert names_from_person_name(PersonName(value)) == expected
    assert has_cjk(expected[0]) == ("张" in value)


def test_peer_override_reads_mislabelled_gbk() -> None:
    ds = Dataset()
    ds.SpecificCharacterSet = "ISO_IR 100"
    ds.add_new(0x00100010, "PN", "张三".encode("gbk"))
    peer = PeerNode("DR01", "h", 104, assume_charset="GBK")
    report = decode_text(ds, peer, "GB18030", "DR01")
    assert str(ds.PatientName) == "张三"
    assert (report.declared, report.used, report.overridden) == ("ISO_IR 100", "GBK", True)


def test_utf8_declared_is_trusted_even_with_an_override() -> None:
    ds = Dataset()
    ds.SpecificCharacterSet = "ISO_IR 192"
    ds.add_new(0x00100010, "PN", "张三".encode())
    report = decode_text(ds, PeerNode("DR01", "h", 104, assume_charset="GBK"), "GB18030")
    assert str(ds.PatientName) == "张三"
    assert not report.overridden


@pytest.mark.parametrize(("pattern", "candidates", "expected"), [
    ("张*", ("张三", "Zhang^San"), True),
    ("张?", ("张三", ""), True),
    ("张??", ("张三", ""), False),
    ("zhang*", ("张三", "Zhang^San"), True),
    ("ZHANG^SAN", ("张三", "Zhang^San"), True),
    ("Zhang San", ("张三", "Zhang^San"), True),
    ("Li*=李*", ("张三", "Zhang^San"), False),
    ("", ("张三", ""), True),
    ("*", ("", ""), True),
    ("a.b", ("axb", ""), False),  # regex characters are literal
])
def test_person_name_matching(pattern: str, candidates: tuple[str, str], expected: bool) -> None:
    assert match_person_name(pattern, *candidates) is expected


def test_text_date_and_time_matching() -> None:
    assert match_text("CM01*", "CM012611280001")
    assert not match_text("cm01*", "CM012611280001")  # IDs are case-sensitive
    day = date(2026, 11, 28)
    assert match_date_range("20261128", day)
    assert match_date_range("20261101-20261130", day)
    assert match_date_range("-20261128", day)
    assert match_date_range("20261128-", day)
    assert not match_date_range("20261129-", day)
    assert not match_date_range("20261128", None)
    assert match_time_range("0800-1200", "093000")
    assert not match_time_range("0800-0900", "093000")
    assert match_time_range("0930", "093015")


def test_ir58_encoding_designates_gb2312_in_every_component() -> None:
    assert encode_ir58("Zhang^San=张^三") == b"Zhang^San=\x1b$)A\xd5\xc5^\x1b$)A\xc8\xfd"
    assert encode_ir58("胸部 Chest") == b"\x1b$)A\xd0\xd8\xb2\xbf Chest"
    assert encode_ir58("ASCII only") == b"ASCII only"


@pytest.mark.filterwarnings("ignore:Found unknown escape sequence:UserWarning")  # pydicom's own
def test_ir58_text_decodes_without_leftover_escapes() -> None:
    ds = Dataset()
    ds.SpecificCharacterSet = ["ISO 2022 IR 6", "ISO 2022 IR 58"]
    ds.add_new(0x00100010, "PN", encode_ir58("Zhang^San=张^三"))
    ds.add_new(0x00081030, "LO", encode_ir58("胸部正侧位"))
    decode_text(ds, None, "GB18030")
    assert str(ds.PatientName) == "Zhang^San=张^三"
    assert ds.StudyDescription == "胸部正侧位"
