"""Reading a received file's header and refusing incomplete ones.

The header is read with large values deferred (no pixel data is loaded); a
file whose pixel data is cut short is refused, so a truncated image is never
acknowledged as safely stored.
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
_TRUNCATION_HINTS = ("End of file", "end of file", "truncated", "Expected explicit VR")


class IncompleteDatasetError(ValueError):
    """The file ends before its data does."""


def read_header(path: Path) -> Dataset:
    """The dataset without its pixel data (never read); raises on truncated input."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ds = dcmread(path, defer_size=DEFER)
    for warning in caught:
        if any(hint in str(warning.message) for hint in _TRUNCATION_HINTS):
            raise IncompleteDatasetError(f"the data ends early ({warning.message})")
    _check_pixel_data_complete(path, ds)
    # keys(), not iteration: iterating a Dataset converts elements and would read the pixels
    for tag in [t for t in ds.keys() if t.group == 0x7FE0]:  # noqa: SIM118
        del ds[tag]
    return ds


def _check_pixel_data_complete(path: Path, ds: Dataset) -> None:
    if PIXEL_DATA not in ds:
        return
    element = ds.get_item(PIXEL_DATA, keep_deferred=True)  # never load the pixels
    syntax = UID(str(ds.file_meta.get("TransferSyntaxUID", "")))
    if isinstance(element, RawDataElement):
        length, offset = element.length, element.value_tell
        if element.value is not None and length != UNDEFINED and len(element.value) < length:
            raise IncompleteDatasetError(
                f"the pixel data needs {length} bytes but only {len(element.value)} arrived")
    else:  # a deferred DataElement: read its length field from the file
        length, offset = None, element.file_tell
        if element.is_undefined_length:
            length = UNDEFINED
    if (length == UNDEFINED or offset is None or syntax == DeflatedExplicitVRLittleEndian
            or not syntax.is_little_endian):
        return  # encapsulated: the delimiter search already noticed a truncation
    with path.open("rb") as handle:
        handle.seek(offset - 4)  # the 4-byte length field precedes the value
        (length,) = struct.unpack("<I", handle.read(4))
    available = path.stat().st_size - offset
    if length > available:
        raise IncompleteDatasetError(
            f"the pixel data needs {length} bytes but only {available} arrived")
