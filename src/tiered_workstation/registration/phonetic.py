"""The phonetic (pinyin) form of a Chinese name, as DICOM's Person Name wants it.

``张三`` becomes ``Zhang^San`` (family name ^ given name).  Surnames are read
as surnames: ``单`` is *Shan*, ``曾`` *Zeng*, ``解`` *Xie*, and two-character
surnames such as ``欧阳`` stay together.  The result is a proposal; the clerk
can correct it on the form (a name's reading is the person's own).
"""

from __future__ import annotations

import re

from pypinyin import Style, lazy_pinyin

# Two-character family names (复姓) common enough to meet at a registration desk.
COMPOUND_SURNAMES = frozenset({
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "司徒",
    "夏侯", "轩辕", "端木", "长孙", "宇文", "司空", "南宫", "西门", "独孤", "申屠", "澹台",
    "呼延", "万俟", "闻人", "钟离", "濮阳", "太史", "赫连", "拓跋",
})

# Characters read differently when they are a family name.
SURNAME_READINGS = {
    "单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "朴": "piao", "区": "ou",
    "查": "zha", "盖": "ge", "乐": "yue", "翟": "zhai", "覃": "qin", "缪": "miao",
    "尉": "yu", "召": "shao", "繁": "po", "冼": "xian", "种": "chong", "员": "yun",
    "秘": "bi", "长": "chang", "重": "chong", "藏": "zang", "隗": "wei", "宿": "su",
    "纪": "ji", "车": "che", "华": "hua", "任": "ren", "燕": "yan", "宁": "ning",
    "沈": "shen", "那": "na", "牟": "mou", "汤": "tang", "应": "ying",
}

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def has_chinese(text: str) -> bool:
    return bool(_HAN.search(text))


def split_name(name: str) -> tuple[str, str]:
    """(family name, given name) of a Chinese name written without a space."""
    name = name.strip()
    if len(name) > 2 and name[:2] in COMPOUND_SURNAMES:
        return name[:2], name[2:]
    return name[:1], name[1:]


def _syllables(text: str) -> list[str]:
    return lazy_pinyin(text, style=Style.NORMAL, errors="default", v_to_u=False)


def _family_reading(family: str) -> str:
    if len(family) == 1 and family in SURNAME_READINGS:
        return SURNAME_READINGS[family]
    return "".join(_syllables(family))


def phonetic_name(name: str) -> str:
    """``Family^Given`` in capitalised pinyin, or "" when ``name`` has no Chinese.

    Names written in Latin letters (a foreign patient) need no phonetic form.
    """
    name = re.sub(r"\s+", "", name)
    if not has_chinese(name):
        return ""
    family, given = split_name(name)
    family_pinyin = _family_reading(family).capitalize()
    given_pinyin = "".join(_syllables(given)).capitalize()
    return f"{family_pinyin}^{given_pinyin}" if given_pinyin else family_pinyin


def spoken_form(phonetic: str) -> str:
    """How people write a pinyin name: ``Wang^Fang`` → ``Wang Fang``."""
    return " ".join(part for part in phonetic.split("^") if part)


def dicom_form(written: str) -> str:
    """The DICOM form of a pinyin name as the clerk wrote it: the first word is the
    family name (``Wang Fang`` → ``Wang^Fang``, ``Ouyang Nana`` → ``Ouyang^Nana``);
    a name already written with ``^`` is kept as it is."""
    written = " ".join(written.split())
    if "^" in written or " " not in written:
        return written
    family, given = written.split(" ", 1)
    return f"{family}^{given}"
