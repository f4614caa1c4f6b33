"""Reading a received file's header and refusing incomplete ones.

The header is read with large values deferred (no pixel data is loaded).  A
file is refused, so a truncated image is never acknowledged as safely stored,
when any element's declared length runs past the end of the data, when native
pixel data is shorter than rows × columns × samples × frames × bits allocated
(a sender that read a cut file with pydicom sends a well-formed but short
value), or when encapsulated fragments do not end with the sequence delimiter.
"""

from __future__ import annotations

import struct
import warnings
from pathlib import Path

from pydicom import dcmread
from pydicom.dataelem import RawDataElement
from pydicom.dataset import Dataset
from pydicom.uid import UID, DeflatedExplicitVRLittleEndian

PIXEL_DATA = 0x7FE00010
DEFER = 64 * 1024
UNDEFINED = 0xFFFFFFFF
_TRUNCATION_HINTS = ("End of file", "end of file", "truncated")


class IncompleteDatasetError(ValueError):
    """The file ends before its data does."""


def read_header(path: Path) -> Dataset:
    """The dataset without its pixel data (never read); raises on truncated input."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ds = dcmread(path, defer_size=DEFER)
    for warning in caught:
        text = str(warning.message)
        if "Expected explicit VR" in text:
            raise IncompleteDatasetError(
                "the data is not encoded as its transfer syntax says (implicit VR)")
        if any(hint in text for hint in _TRUNCATION_HINTS):
            raise IncompleteDatasetError(f"the data ends early ({text})")
    deflated = UID(str(ds.file_meta.get("TransferSyntaxUID", ""))) == \
        DeflatedExplicitVRLittleEndian  # its positions are in the inflated stream
    size = None if deflated else path.stat().st_size
    _check_declared_lengths(ds, size)
    if size is not None:
        _check_ends_whole(ds, size)
    _check_pixel_data_complete(path, ds)
    # keys(), not iteration: iterating a Dataset converts elements and would read the pixels
    for tag in [t for t in ds.keys() if t.group == 0x7FE0]:  # noqa: SIM118
        del ds[tag]
    return ds


def _check_declared_lengths(ds: Dataset, file_size: int | None) -> None:
    """Elements must hold as many bytes as their length field says: those read in full,
    and those left unread (large), whose value must end inside the file."""
    for tag in list(ds.keys()):  # keys(), not iteration: do not convert elements
        raw = ds.get_item(tag, keep_deferred=True)
        if not isinstance(raw, RawDataElement) or raw.length == UNDEFINED:
            continue
        name = "the pixel data" if tag == PIXEL_DATA else f"element {tag}"
        if isinstance(raw.value, bytes) and len(raw.value) < raw.length:
            raise IncompleteDatasetError(
                f"{name} is cut short ({len(raw.value)} of {raw.length} bytes)")
        if raw.value is None and file_size is not None and \
                raw.value_tell + raw.length > file_size:
            raise IncompleteDatasetError(
                f"{name} is cut short ({max(0, file_size - raw.value_tell)} of "
                f"{raw.length} bytes)")


def _check_ends_whole(ds: Dataset, file_size: int) -> None:
    """A cut inside an element's header leaves pydicom silently short of the end.  (A
    cut exactly between two elements leaves a shorter dataset that is whole in itself;
    an image without pixel data is accepted, as some devices send them.)"""
    tags = list(ds.keys())  # keys(), not iteration: do not convert elements
    if tags:
        last = ds.get_item(tags[-1], keep_deferred=True)
        if isinstance(last, RawDataElement) and last.length != UNDEFINED:
            left = file_size - (last.value_tell + last.length)
            if 0 < left < 8:
                raise IncompleteDatasetError(
                    f"the data ends inside an element's header ({left} bytes after "
                    f"{tags[-1]})")


def expected_native_length(ds: Dataset) -> int | None:
    """Bytes that uncompressed pixel data of this image needs, or None if unknown."""
    try:
        rows, columns = int(ds.Rows), int(ds.Columns)
        bits = int(ds.BitsAllocated)
        samples = int(ds.get("SamplesPerPixel", 1) or 1)
        frames = int(str(ds.get("NumberOfFrames", 1) or 1))
    except (AttributeError, TypeError, ValueError):
        return None
    if samples == 3 and str(ds.get("PhotometricInterpretation", "")) in (
            "YBR_FULL_422", "YBR_PARTIAL_422"):
        samples = 2  # two pixels share one Cb and one Cr: Y Y Cb Cr
    bits_total = rows * columns * samples * max(frames, 1) * bits
    return (bits_total + 7) // 8


def _check_encapsulated(path: Path, offset: int) -> None:
    """Walk the fragment items from ``offset`` to the sequence delimiter."""
    size = path.stat().st_size
    with path.open("rb") as handle:
        handle.seek(offset)
        while True:
            head = handle.read(8)
            if len(head) < 8:
                raise IncompleteDatasetError(
                    "the compressed pixel data ends before its delimiter")
            group, element, length = struct.unpack("<HHI", head)
            if (group, element) == (0xFFFE, 0xE0DD):
                return
            if (group, element) != (0xFFFE, 0xE000) or length == UNDEFINED:
                raise IncompleteDatasetError(
                    f"the compressed pixel data has ({group:04X},{element:04X}) among "
                    "its fragments")
            if handle.tell() + length > size:
                raise IncompleteDatasetError(
                    f"a compressed fragment is cut short ({size - handle.tell()} of "
                    f"{length} bytes)")
            handle.seek(length, 1)


def _check_pixel_data_complete(path: Path, ds: Dataset) -> None:
    if PIXEL_DATA not in ds:
        return
    element = ds.get_item(PIXEL_DATA, keep_deferred=True)  # never load the pixels
    syntax = UID(str(ds.file_meta.get("TransferSyntaxUID", "")))
    if isinstance(element, RawDataElement):
        length, offset = element.length, element.value_tell
        if element.value is not None and length != UNDEFINED and len(element.value) < length:
            raise IncompleteDatasetError(
                f"the pixel data is cut short ({len(element.value)} of {length} bytes)")
    else:  # a deferred DataElement: read its length field from the file
        length, offset = None, element.file_tell
        if element.is_undefined_length:
            length = UNDEFINED
    if offset is None or syntax == DeflatedExplicitVRLittleEndian or \
            not syntax.is_little_endian:
        return  # the whole stream is compressed or big endian: pydicom's reading judged it
    if length == UNDEFINED:
        _check_encapsulated(path, offset)
        return
    with path.open("rb") as handle:
        handle.seek(offset - 4)  # the 4-byte length field precedes the value
        (length,) = struct.unpack("<I", handle.read(4))
    available = path.stat().st_size - offset
    if length > available:
        raise IncompleteDatasetError(
            f"the pixel data is cut short ({available} of {length} bytes)")
    needed = expected_native_length(ds)
    if needed is not None and not syntax.is_compressed and length < needed:
        raise IncompleteDatasetError(
            f"the pixel data is short: {length} bytes, the image needs {needed}")
