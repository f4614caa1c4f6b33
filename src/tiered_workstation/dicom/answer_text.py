"""Text in our answers, in the character set each peer really reads.

A peer's answers declare ``label`` (its configured character set) and carry
bytes of ``codec``: the same set, except for a device that mislabels its text
(``assume_charset``: it declares ISO_IR 100 but reads GBK), which gets GBK
bytes under its own label, as it expects.  A person name is sent with every
component group its set can carry; a group it cannot carry is left empty
(never ``?``), and when no group is left the phonetic form goes instead.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache

from pydicom.charset import convert_encodings, python_encoding
from pydicom.dataset import Dataset
from pydicom.valuerep import PersonName

from ..config import NodeSettings
from .charset import TEXT_VRS, WESTERN_DECLARATIONS

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class AnswerStyle:
    """How to answer one calling AE title."""

    label: str  # the Specific Character Set the answer declares
    codec: str  # the character set whose bytes the answer carries
    phonetic: bool  # send Zhang^San=张^三 rather than 张^三
    peer: str = ""

    @property
    def mislabelled(self) -> bool:
        return self.codec != self.label


def answer_style(settings: NodeSettings, ae_title: str) -> AnswerStyle:
    """The character set and name form to answer ``ae_title`` in."""
    peer = settings.peer(ae_title)
    label = peer.charset if peer and peer.charset else settings.charset.outgoing
    codec = label
    if peer is not None and peer.assume_charset and label in WESTERN_DECLARATIONS:
        codec = peer.assume_charset
    return AnswerStyle(label, codec, bool(peer and peer.phonetic_names), ae_title)


@lru_cache(maxsize=64)
def _codecs(charset: str) -> tuple[str, ...]:
    terms = [t.strip() for t in charset.split("\\")] or [""]
    found = [python_encoding[t] for t in terms if t in python_encoding]
    if "" in terms or not found:
        found.insert(0, "ascii")
    return tuple(found)


def can_encode(text: str, charset: str) -> bool:
    """True if every character of ``text`` exists in ``charset`` (any of its code
    extensions)."""
    codecs = _codecs(charset)
    for codec in codecs:  # the common case: one codec takes it all
        try:
            text.encode(codec)
            return True
        except (UnicodeEncodeError, LookupError):
            continue
    if len(codecs) == 1:
        return False
    for char in text:
        for codec in codecs:
            try:
                char.encode(codec)
                break
            except (UnicodeEncodeError, LookupError):
                continue
        else:
            return False
    return True


@lru_cache(maxsize=4096)  # a worklist answers the same few hundred names again and again
def fit_person_name(value: str, charset: str, fallback: str = "") -> str:
    """``value`` (``A=I=P``) with the groups ``charset`` cannot carry left empty; if none
    is left, ``fallback`` (the phonetic form) when it fits, else ''."""
    if can_encode(value, charset):
        return value
    groups = [g if can_encode(g, charset) else "" for g in value.split("=")]
    fitted = "=".join(groups).rstrip("=")
    if fitted.strip("=^ "):
        return fitted
    if fallback and can_encode(fallback, charset):
        return fallback
    return ""


def answer_person_name(value: str, style: AnswerStyle, *, fallback: str = "",
                       accession: str = "") -> str:
    """The PN to send ``style``'s peer; logs when groups had to be left out."""
    fitted = fit_person_name(value, style.codec, fallback)
    if fitted != value and value and _first_time((style.peer, accession, value)):
        LOGGER.warning("the name of exam %s cannot be written in %s for %s: sending %r "
                       "instead of all of %r", accession or "(no accession)", style.codec,
                       style.peer or "this peer", fitted, value)
    return fitted


_WARNED: OrderedDict[tuple[str, str, str], None] = OrderedDict()
_WARNED_LOCK = threading.Lock()


def _first_time(key: tuple[str, str, str], keep: int = 1000) -> bool:
    """Say each name a peer cannot read once, not in every answer of every query."""
    with _WARNED_LOCK:
        if key in _WARNED:
            return False
        _WARNED[key] = None
        while len(_WARNED) > keep:
            _WARNED.popitem(last=False)
        return True


def forget_warned_names() -> None:
    """Warn again about every name (the memory is per process; tests reuse exam numbers)."""
    with _WARNED_LOCK:
        _WARNED.clear()


def carry_text_as(ds: Dataset, style: AnswerStyle) -> None:
    """For a mislabelling peer: turn ``ds``'s text into bytes of the set it really reads,
    kept as they are under its declared label (pydicom would re-encode text in the label's
    set, with ``?`` for every Chinese character)."""
    label = convert_encodings(style.label.split("\\"))
    codec = _codecs(style.codec)[-1]
    for element in ds:
        if element.VR == "SQ":
            for item in element.value:
                carry_text_as(item, style)
        elif element.VR in TEXT_VRS and element.value and not str(element.value).isascii() \
                and isinstance(element.value, str | PersonName):
            data = str(element.value).encode(codec, errors="replace")
            element.value = PersonName(data, encodings=label) if element.VR == "PN" else data
