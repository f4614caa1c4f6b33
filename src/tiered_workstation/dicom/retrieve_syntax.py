"""Which transfer syntax a retrieved instance travels in, and turning it into that.

A C-GET or C-MOVE sub-operation may use only a presentation context the
receiving side accepted for the instance's SOP class.  An instance goes as
stored when its syntax was accepted; otherwise it is decompressed when an
uncompressed syntax was accepted, or re-compressed losslessly (JPEG-LS,
JPEG 2000, RLE) to one that was.  Each change is logged with the instance
and the receiver.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydicom import dcmread
from pydicom.dataset import Dataset
from pydicom.uid import (
    UID,
    DeflatedExplicitVRLittleEndian,
    ExplicitVRBigEndian,
    ExplicitVRLittleEndian,
    ImplicitVRLittleEndian,
    JPEG2000Lossless,
    JPEGLSLossless,
    RLELossless,
)
from pynetdicom.dsutils import split_dataset

LOGGER = logging.getLogger(__name__)

NATIVE = (ExplicitVRLittleEndian, ImplicitVRLittleEndian, ExplicitVRBigEndian,
          DeflatedExplicitVRLittleEndian)
# lossless syntaxes this node can write, the fastest first (FIELD-NOTES: JPEG-LS)
ENCODABLE = (JPEGLSLossless, RLELossless, JPEG2000Lossless)


@dataclass(frozen=True)
class Route:
    """How one instance reaches the receiver."""

    syntax: str  # the transfer syntax it is sent in
    change: str  # "" (as stored), "converted", "decompressed" or "re-compressed"


def accepted_syntaxes(contexts: Iterable[Any], *, as_scu: bool = True) -> dict[str, set[str]]:
    """SOP class → the transfer syntaxes accepted for sending it (we are the storage SCU)."""
    out: dict[str, set[str]] = {}
    for context in contexts:
        if as_scu and not getattr(context, "as_scu", True):
            continue
        out.setdefault(str(context.abstract_syntax), set()).add(str(context.transfer_syntax[0]))
    return out


def route(stored: str, accepted: set[str]) -> Route | None:
    """The syntax to send an instance stored in ``stored`` in, or None if none fits."""
    if stored in accepted:
        return Route(stored, "")
    little = [s for s in (ExplicitVRLittleEndian, ImplicitVRLittleEndian) if s in accepted]
    if UID(stored) in NATIVE and little:
        # pynetdicom converts between the little endian ones itself
        plain = UID(stored) in (ExplicitVRLittleEndian, ImplicitVRLittleEndian)
        return Route(little[0], "" if plain else "converted")
    if little:
        return Route(little[0], "decompressed")
    for syntax in ENCODABLE:
        if syntax in accepted:
            return Route(syntax, "re-compressed")
    return None


class ArchivedFile(Dataset):
    """An instance to send exactly as the archive holds it: its header (for pynetdicom's
    bookkeeping) and the path whose bytes go on the wire (``send_files_as_stored``)."""

    def __init__(self, path: Path):
        super().__init__(dcmread(path, stop_before_pixels=True))
        self.archived_path = path


def send_files_as_stored(assoc: Any) -> None:
    """Make ``assoc`` send an ``ArchivedFile`` from its file, byte for byte (pynetdicom
    re-encodes a dataset, which drops retired group lengths, resolves UN elements and
    re-deflates); anything else goes as before."""
    if getattr(assoc, "_sends_files_as_stored", False):
        return
    send = assoc.send_c_store

    def send_c_store(dataset: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(dataset, ArchivedFile):
            return send(dataset.archived_path, *args, **kwargs)
        return send(dataset, *args, **kwargs)

    assoc.send_c_store = send_c_store
    assoc._sends_files_as_stored = True


def _even_length(path: Path) -> bool:
    """A dataset of odd length (a deflated stream not padded, as PS3.5 A.5 asks) cannot
    travel as it is: receivers refuse the odd fragment.  pydicom's encoding pads it."""
    _, offset = split_dataset(path)
    return (path.stat().st_size - offset) % 2 == 0


def prepare(path: Path, sop_class: str, stored: str, accepted: dict[str, set[str]],
            receiver: str) -> Dataset:
    """The instance at ``path`` for ``receiver``: as stored when its syntax was accepted,
    else read and converted.  An instance no accepted context fits is returned as
    stored: the sub-operation then fails and is counted as failed."""
    chosen = route(stored, accepted.get(sop_class, set()))
    if chosen is None:
        ds = ArchivedFile(path)
        LOGGER.warning("%s accepted no transfer syntax for %s (%s) that we can send it in; "
                       "the sub-operation fails", receiver, ds.SOPInstanceUID, UID(stored).name)
        return ds
    if not chosen.change and chosen.syntax == stored and _even_length(path):
        return ArchivedFile(path)
    ds = dcmread(path)
    if not chosen.change:  # another little endian uncompressed syntax: pynetdicom converts
        return ds
    # a change of transfer syntax keeps the instance's identity (PS3.5 Annex A)
    if UID(stored).is_compressed:
        ds.decompress(generate_instance_uid=False)
    else:
        _to_explicit_little(ds)
    if chosen.change == "re-compressed":
        ds.compress(chosen.syntax, generate_instance_uid=False)
    LOGGER.info("%s %s from %s to %s for %s (the stored syntax was not accepted)",
                chosen.change, ds.SOPInstanceUID, UID(stored).name, UID(chosen.syntax).name,
                receiver)
    return ds


def _to_explicit_little(ds: Dataset) -> None:
    """A big endian or deflated dataset as Explicit VR Little Endian."""
    syntax = UID(ds.file_meta.TransferSyntaxUID)
    if syntax in (ExplicitVRLittleEndian, ImplicitVRLittleEndian):
        return
    if syntax == ExplicitVRBigEndian:
        for _ in ds.iterall():  # decode every value while the big endian reading applies
            pass
        if "PixelData" in ds:  # OW words are byte-swapped, whatever the bits allocated
            pixels = ds.pixel_array
            ds.PixelData = pixels.astype(pixels.dtype.newbyteorder("<")).tobytes()
            ds["PixelData"].VR = "OB" if int(ds.BitsAllocated) <= 8 else "OW"
            if int(ds.get("SamplesPerPixel", 1)) > 1:
                ds.PlanarConfiguration = 0  # pixel_array interleaves the samples
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.set_original_encoding(False, True, ds.original_character_set)
