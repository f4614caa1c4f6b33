"""Do this installation's image codecs work? A small image through each one.

Lossless JPEG-LS, JPEG 2000 and RLE are encoded and decoded back and must match
bit for bit; baseline JPEG (the 8-bit lossy kind many DR consoles send) is encoded
by Pillow and decoded as pydicom decodes a received image. Used by
``tiered-ws gui --self-test`` on an installed machine or bundle.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.encaps import encapsulate
from pydicom.uid import (
    ExplicitVRLittleEndian,
    JPEG2000Lossless,
    JPEGBaseline8Bit,
    JPEGLSLossless,
    RLELossless,
    SecondaryCaptureImageStorage,
    generate_uid,
)

LOSSLESS = {"JPEG-LS": JPEGLSLossless, "JPEG 2000": JPEG2000Lossless, "RLE": RLELossless}


@dataclass(frozen=True)
class CodecResult:
    name: str
    ok: bool
    detail: str  # what failed, in a line


def _image(bits: int) -> Dataset:
    ds = Dataset()
    ds.file_meta = FileMetaDataset()
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.SOPClassUID = SecondaryCaptureImageStorage
    ds.SOPInstanceUID = generate_uid()
    ds.Rows = ds.Columns = 64
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.BitsAllocated = 16 if bits > 8 else 8
    ds.BitsStored = bits
    ds.HighBit = bits - 1
    ds.PixelRepresentation = 0
    y, x = np.mgrid[0:64, 0:64]
    pixels = ((x * 37 + y * 11) % (1 << bits)).astype(np.uint16 if bits > 8 else np.uint8)
    ds.PixelData = pixels.tobytes()
    return ds


def check_codecs() -> list[CodecResult]:
    results = []
    for name, syntax in LOSSLESS.items():
        try:
            ds = _image(12)
            expected = ds.pixel_array.copy()
            ds.compress(syntax)
            back = Dataset(ds)  # decode afresh from the compressed bytes
            back.file_meta = ds.file_meta
            same = np.array_equal(back.pixel_array, expected)
            results.append(CodecResult(name, same, "" if same else "pixels changed"))
        except Exception as exc:
            results.append(CodecResult(name, False, f"{type(exc).__name__}: {exc}"))
    results.append(_baseline_jpeg())
    return results


def _baseline_jpeg() -> CodecResult:
    try:
        from PIL import Image

        ds = _image(8)
        expected = ds.pixel_array.astype(np.int16)
        out = io.BytesIO()
        Image.fromarray(ds.pixel_array).save(out, format="JPEG", quality=95)
        ds.PixelData = encapsulate([out.getvalue()])
        ds["PixelData"].VR = "OB"
        ds.file_meta.TransferSyntaxUID = JPEGBaseline8Bit
        error = int(np.abs(ds.pixel_array.astype(np.int16) - expected).max())
        ok = error <= 16  # lossy, but the picture
        return CodecResult("JPEG baseline", ok, "" if ok else f"error {error}")
    except Exception as exc:
        return CodecResult("JPEG baseline", False, f"{type(exc).__name__}: {exc}")
