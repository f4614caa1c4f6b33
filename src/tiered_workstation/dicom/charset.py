"""Text from and to devices in the character set each one really uses.

Incoming: datasets are decoded per their Specific Character Set (GB18030,
GBK, ISO_IR 192, ISO 2022 IR 58 with code extensions, ISO_IR 100, …).  Some
consoles declare ISO_IR 100 or nothing while sending GBK bytes; a peer's
``assume_charset`` overrides the declaration for such devices (logged), and
the site's ``assume_unlabelled`` is used when a dataset with non-ASCII text
declares nothing at all.

Outgoing: answers use the character set configured for the peer, with the
patient name as ``Zhang^San=张^三`` (alphabetic = phonetic, ideographic) for
peers that want phonetic names.
"""

from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass
from functools import lru_cache

from pydicom.dataelem import DataElement, RawDataElement
from pydicom.dataset import Dataset
from pydicom.valuerep import PersonName

from ..config import PeerNode

LOGGER = logging.getLogger(__name__)

# Declarations that cannot carry Chinese; a mislabelling device uses one of these.
WESTERN_DECLARATIONS = ("", "ISO_IR 6", "ISO_IR 100", "ISO 2022 IR 6", "ISO 2022 IR 100")
_TEXT_TAGS = (0x00100010, 0x00081030, 0x0008103E, 0x00080080, 0x00080090, 0x00104000,
              0x00321060)
COMPOUND_SURNAMES = (
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文",
    "司徒", "夏侯", "令狐", "端木", "百里", "呼延", "南宫", "西门", "独孤", "申屠", "轩辕",
)


@dataclass(frozen=True)
class DecodeReport:
    """Which character set the text was read with, and whether it was overridden."""

    declared: str
    used: str
    overridden: bool


def declared_charset(ds: Dataset) -> str:
    value = ds.get("SpecificCharacterSet", "")
    if isinstance(value, str):
        return value
    return "\\".join(str(v) for v in value)  # multi-valued: code extensions


def _has_non_ascii_text(ds: Dataset) -> bool:
    for tag in _TEXT_TAGS:
        if tag in ds:
            raw = ds.get_item(tag).value
            if isinstance(raw, bytes) and any(b > 0x7F for b in raw):
                return True
    return False


IR58 = "ISO 2022 IR 58"
G1_GB2312 = b"\x1b$)A"  # designate GB 2312 to G1 (bytes with the high bit set)
G0_ASCII = b"\x1b(B"
TEXT_VRS = {"PN", "LO", "SH", "LT", "ST", "UT", "UC"}
_PN_DELIMITERS = frozenset(b"^=")


def _raw_text_tags(ds: Dataset) -> list[int]:
    return [tag for tag in ds.keys()  # noqa: SIM118 - keys(): do not convert elements
            if tag.group != 0x7FE0 and getattr(ds.get_item(tag, keep_deferred=True), "VR",
                                               None) in TEXT_VRS]


def _undo_ir58(ds: Dataset) -> None:
    """Drop ISO 2022 IR 58 designations so the bytes read as GB 2312 (EUC-CN); pydicom
    leaves '$)A' in the text otherwise."""
    for tag in _raw_text_tags(ds):
        raw = ds.get_item(tag, keep_deferred=True)
        data = raw.value if isinstance(raw.value, bytes) else getattr(
            raw.value, "original_string", None)  # a PersonName keeps the bytes it came from
        if isinstance(data, bytes) and b"\x1b" in data:
            plain = data.replace(G1_GB2312, b"").replace(G0_ASCII, b"")
            if isinstance(raw, RawDataElement):
                ds[tag] = raw._replace(value=plain)
            else:
                ds[tag] = DataElement(tag, raw.VR, plain)
    for element in ds.iterall():
        if element.VR == "SQ":
            for item in element.value:
                _undo_ir58(item)


def encode_ir58(text: str) -> bytes:
    """Encode for ISO 2022 IR 6 + IR 58: GB 2312 runs re-designated at the start of the
    value and after every PN delimiter, as PS3.5 6.1.2.5.3 requires."""
    out = bytearray()
    designated = False
    for char in text:
        data = char.encode("gb2312")
        if data[0] < 0x80:
            if data[0] in _PN_DELIMITERS:
                designated = False
            out += data
            continue
        if not designated:
            out += G1_GB2312
            designated = True
        out += data
    return bytes(out)


def apply_outgoing_ir58(ds: Dataset) -> None:
    """Turn text values into ISO 2022 IR 58 bytes (pydicom writes them without escapes)."""
    for element in list(ds):
        if element.VR == "SQ":
            for item in element.value:
                apply_outgoing_ir58(item)
        elif element.VR in TEXT_VRS and isinstance(element.value, str | PersonName) and \
                not str(element.value).isascii():
            with warnings.catch_warnings():
                # pydicom decodes PN bytes for display and does not know ESC $ ) A; the
                # bytes themselves are kept and written unchanged (dcmtk reads them right)
                warnings.filterwarnings("ignore", "Found unknown escape sequence")
                element.value = encode_ir58(str(element.value))


def decode_text(ds: Dataset, peer: PeerNode | None, assume_unlabelled: str,
                sender: str = "") -> DecodeReport:
    """Decode ``ds``'s text in place with the character set the sender really used.

    The dataset's file on disk is never changed; only the in-memory values.
    """
    declared = declared_charset(ds)
    used = declared
    if peer is not None and peer.assume_charset and declared in WESTERN_DECLARATIONS:
        used = peer.assume_charset
        LOGGER.info("treating text from %s as %s (it declares %r)", sender or peer.ae_title,
                    used, declared or "nothing")
    elif not declared and _has_non_ascii_text(ds):
        used = assume_unlabelled
        LOGGER.warning("text from %s declares no character set but is not ASCII; "
                       "reading it as %s", sender or "an unknown sender", used)
    if IR58 in used:  # pydicom cannot read these escape sequences; GB18030 reads GB 2312
        _undo_ir58(ds)
        ds.SpecificCharacterSet = "GB18030"
    elif used != declared:
        ds.SpecificCharacterSet = used.split("\\") if "\\" in used else used
    ds.decode()
    return DecodeReport(declared, used or "ISO_IR 6", used != declared)


def split_chinese_name(name: str) -> tuple[str, str]:
    """(family, given) of a Chinese name, knowing the common two-character surnames."""
    name = name.strip()
    if any(ord(c) < 0x2E80 for c in name):  # not purely CJK: leave it whole
        return name, ""
    for surname in COMPOUND_SURNAMES:
        if name.startswith(surname) and len(name) > len(surname):
            return surname, name[len(surname):]
    return name[:1], name[1:]


@lru_cache(maxsize=4096)  # pure, and asked for the same names in every worklist query
def person_name(name: str, phonetic: str = "", *, phonetic_groups: bool = False) -> str:
    """The DICOM PN value of a registered name: family^given, ``张^三``, or with the
    alphabetic group for peers that want phonetic names, ``Zhang^San=张^三``.  A name that
    already carries PN structure (``^`` or ``=``) is kept as it is."""
    if "^" in name or "=" in name:
        structured = name
    else:
        family, given = split_chinese_name(name)
        structured = f"{family}^{given}" if given else family
    if phonetic_groups and phonetic and has_cjk(structured) and "=" not in structured:
        return f"{phonetic}={structured}"
    return structured


def names_from_person_name(value: PersonName | str | None) -> tuple[str, str]:
    """(display name, phonetic form) from a received PN, e.g. ('张三', 'Zhang^San')."""
    if value is None or str(value) == "":
        return "", ""
    pn = value if isinstance(value, PersonName) else PersonName(str(value))
    alphabetic = (pn.alphabetic or "").strip("^ ")
    ideographic = (pn.ideographic or "").strip("^ ")
    if ideographic:
        return ideographic.replace("^", ""), "" if has_cjk(alphabetic) else alphabetic
    if has_cjk(alphabetic):  # many consoles put 张三 in the first (alphabetic) group
        return alphabetic.replace("^", ""), ""
    return alphabetic, alphabetic


def has_cjk(text: str) -> bool:
    """True if ``text`` holds Chinese, Japanese or Korean characters."""
    return any("\u2e80" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af"
               or "\uf900" <= c <= "\ufaff" for c in text)


def set_outgoing_charset(ds: Dataset, charset: str) -> None:
    """Declare the character set ``ds`` will be encoded in when sent."""
    ds.SpecificCharacterSet = charset.split("\\") if "\\" in charset else charset
