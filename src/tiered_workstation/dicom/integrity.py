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
from pydicom.dataset import Dataset
from pydicom.uid import UID, DeflatedExplicitVRLittleEndian

PIXEL_DATA = 0x7FE00010
DEFER = 64 * 1024
_TRUNCATION_HINTS = ("End of file", "end of file", "truncated", "Expected explicit VR")


class IncompleteDatasetError(ValueError):
    """The file ends before its data does."""


def read_header(path: Path) -> Dataset:
    """The dataset with large values left on disk; raises on truncated input."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ds = dcmread(path, defer_size=DEFER)
    for warning in caught:
        if any(hint in str(warning.message) for hint in _TRUNCATION_HINTS):
            raise IncompleteDatasetError(f"the data ends early ({warning.message})")
    _check_pixel_data_complete(path, ds)
    return ds


def _check_pixel_data_complete(path: Path, ds: Dataset) -> None:
    if PIXEL_DATA not in ds:
        return
    element = ds.get_item(PIXEL_DATA)  # a RawDataElement until someone touches it
    length = getattr(element, "length", None)
    value = element.value
    if value is not None and length is not None and length != 0xFFFFFFFF:
        if len(value) < length:  # read into memory (small), but shorter than declared
            raise IncompleteDatasetError(
                f"the pixel data needs {length} bytes but only {len(value)} arrived")
        return
    syntax = UID(str(ds.file_meta.get("TransferSyntaxUID", "")))
    offset = getattr(element, "value_tell", None) or getattr(element, "file_tell", None)
    undefined = length == 0xFFFFFFFF or getattr(element, "is_undefined_length", False)
    if (undefined or offset is None or syntax == DeflatedExplicitVRLittleEndian
            or not syntax.is_little_endian):
        return  # encapsulated: the delimiter search above already noticed a truncation
    if length is None:  # deferred DataElement: read the length field before the value
        with path.open("rb") as handle:
            handle.seek(offset - 4)
            (length,) = struct.unpack("<I", handle.read(4))
    available = path.stat().st_size - offset
    if length > available:
        raise IncompleteDatasetError(
            f"the pixel data needs {length} bytes but only {available} arrived")
