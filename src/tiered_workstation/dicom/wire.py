"""DICOM data elements encoded straight to bytes, for answers we build ourselves.

A long C-FIND answer spends most of its time turning a pydicom ``Dataset`` into
bytes (about 0.2 ms per small worklist item here).  Answers whose keys and
value representations we know are encoded here directly: Little Endian,
implicit or explicit VR, defined lengths, text in the asking peer's character
set.  The result is the same byte stream pydicom would write (a test keeps
them equal).
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterable, Sequence

from pydicom.charset import python_encoding

from .charset import IR58, encode_ir58

# VRs whose explicit-VR header has two reserved bytes and a 4-byte length
LONG_VRS = frozenset({"OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT",
                      "UV"})
TEXT_VRS = frozenset({"PN", "LO", "SH", "LT", "ST", "UT", "UC"})
ITEM = struct.pack("<HH", 0xFFFE, 0xE000)

# (tag, VR, value): value is bytes already encoded, a str, or for SQ a list of items
Element = tuple[int, str, object]


def text_encoder(charset: str) -> Callable[[str], bytes]:
    """How text values are turned into bytes for a peer using ``charset``
    (a Specific Character Set value, code extensions separated by backslashes)."""
    terms = [t.strip() for t in charset.split("\\")]
    if IR58 in terms:
        return encode_ir58
    codec = next((python_encoding[t] for t in terms if t and t in python_encoding), "ascii")

    def encode(text: str) -> bytes:
        return text.encode(codec, errors="replace")

    return encode


def _value_bytes(vr: str, value: object, encode_text: Callable[[str], bytes]) -> bytes:
    if value is None or value == "":
        return b""
    if isinstance(value, bytes):
        data = value
    elif vr in TEXT_VRS:
        data = encode_text(str(value))
    else:
        data = str(value).encode("ascii", errors="replace")
    if len(data) % 2:
        data += b"\x00" if vr in ("UI", "OB", "UN") else b" "
    return data


class ElementEncoder:
    """Encode (tag, VR, value) elements in one transfer syntax and character set."""

    def __init__(self, *, explicit_vr: bool, charset: str):
        self.explicit_vr = explicit_vr
        self.encode_text = text_encoder(charset)

    def header(self, tag: int, vr: str, length: int) -> bytes:
        group, element = tag >> 16, tag & 0xFFFF
        if not self.explicit_vr:
            return struct.pack("<HHI", group, element, length)
        if vr in LONG_VRS:
            return struct.pack("<HH2sHI", group, element, vr.encode(), 0, length)
        return struct.pack("<HH2sH", group, element, vr.encode(), length)

    def dataset(self, elements: Iterable[Element]) -> bytes:
        """The elements in ascending tag order, as one dataset's bytes."""
        parts: list[bytes] = []
        for tag, vr, value in sorted(elements, key=lambda e: e[0]):
            if vr == "SQ":
                items = b"".join(self._item(item) for item in value)  # type: ignore[attr-defined]
                parts.append(self.header(tag, vr, len(items)))
                parts.append(items)
                continue
            data = _value_bytes(vr, value, self.encode_text)
            parts.append(self.header(tag, vr, len(data)))
            parts.append(data)
        return b"".join(parts)

    def _item(self, elements: Sequence[Element]) -> bytes:
        body = self.dataset(elements)
        return ITEM + struct.pack("<I", len(body)) + body


def command_set(elements: Iterable[tuple[int, str, object]]) -> bytes:
    """A DIMSE command set (always Implicit VR Little Endian) with its group length."""
    encoder = ElementEncoder(explicit_vr=False, charset="")
    parts: list[bytes] = []
    for tag, vr, value in sorted(elements, key=lambda e: e[0]):
        if vr == "US":
            data = struct.pack("<H", value)
        elif vr == "UL":
            data = struct.pack("<I", value)
        else:
            data = _value_bytes(vr, value, encoder.encode_text)
        parts.append(encoder.header(tag, vr, len(data)) + data)
    body = b"".join(parts)
    return encoder.header(0x00000000, "UL", 4) + struct.pack("<I", len(body)) + body
