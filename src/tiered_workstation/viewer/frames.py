"""Decode an image's frames for display, whatever transfer syntax it arrived in.

pydicom decodes with the plugins the node accepts (pylibjpeg for JPEG, JPEG
2000 and RLE; pyjpegls for JPEG-LS); colour images come out as RGB (YBR
converted, palette colour applied); frames are always a leading axis.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from pydicom import dcmread
from pydicom.dataset import Dataset
from pydicom.errors import InvalidDicomError
from pydicom.pixels import apply_color_lut
from pydicom.uid import JPEGLSLossless, JPEGLSNearLossless

from .auto_window import radiograph_window, wants_auto_window
from .display import DisplayLut, PixelModel, Window, auto_window, pixel_model

JPEG_LS_SYNTAXES = frozenset({JPEGLSLossless, JPEGLSNearLossless})


def _has_pyjpegls() -> bool:
    return importlib.util.find_spec("jpeg_ls") is not None


class DecodeError(ValueError):
    """The image cannot be shown; the message says why in plain words."""


@dataclass
class DecodedImage:
    header: Dataset
    frames: np.ndarray  # (frames, rows, columns) or (frames, rows, columns, 3)
    model: PixelModel
    # for a stack of files: each frame's (SOP Instance UID, frame in that file, from 0)
    sources: tuple[tuple[str, int], ...] = ()
    # for a stack of parallel slices: each frame's place along the slice normal (mm)
    positions: tuple[float, ...] = ()
    _default: Window | None = field(default=None, init=False, repr=False, compare=False)

    def source(self, index: int) -> tuple[str, int]:
        """The file (SOP Instance UID) and frame in it that frame ``index`` shows."""
        if self.sources:
            return self.sources[index]
        return str(self.header.get("SOPInstanceUID", "")), index

    def index_of(self, sop_instance_uid: str, frame: int) -> int | None:
        """Which of this image's frames shows ``frame`` of that file (None: not here)."""
        if not self.sources:
            own = str(self.header.get("SOPInstanceUID", ""))
            return frame if sop_instance_uid == own and 0 <= frame < self.frame_count \
                else None
        try:
            return self.sources.index((sop_instance_uid, frame))
        except ValueError:
            return None

    @property
    def instance_uids(self) -> frozenset[str]:
        return frozenset(uid for uid, _ in self.sources) if self.sources else \
            frozenset({str(self.header.get("SOPInstanceUID", ""))})

    @property
    def colour(self) -> bool:
        return self.frames.ndim == 4

    @property
    def frame_count(self) -> int:
        return int(self.frames.shape[0])

    def default_window(self) -> Window:
        """The window an image opens with: the file's first, except that a projection
        radiograph with none or a full-range one gets the window of its anatomy ("auto");
        the image's whole value range when the file gives none."""
        if self._default is None:
            self._default = self._first_window()
        return self._default

    def _first_window(self) -> Window:
        if not self.colour and wants_auto_window(str(self.header.get("Modality", "")),
                                                 self.model):
            window = radiograph_window(self.model, self.frames[self.frame_count // 2],
                                       self.header)
            if window is not None:
                return window
        return self.model.windows[0] if self.model.windows else auto_window(
            self.model, self.frames)

    def display_lut(self, window: Window | None = None) -> DisplayLut:
        """The lookup table for ``window`` (default: :meth:`default_window`)."""
        return DisplayLut(self.model, self.frames.dtype, window or self.default_window())

    def display(self, index: int = 0, lut: DisplayLut | None = None) -> np.ndarray:
        """Frame ``index`` as 8-bit grey (rows, columns) or RGB (rows, columns, 3)."""
        frame = self.frames[index]
        if self.colour:
            if frame.dtype == np.uint8:
                return frame
            bits = min(self.model.bits_stored, 8 * frame.dtype.itemsize)
            return (frame.astype(np.uint32) >> max(bits - 8, 0)).astype(np.uint8)
        return (lut or self.display_lut()).apply(frame)


def decode(ds: Dataset) -> DecodedImage:
    """All frames of ``ds`` ready for the display chain."""
    if "PixelData" not in ds:
        raise DecodeError("This DICOM object has no image (it may be a report or a "
                          "structured document).")
    syntax = getattr(ds, "file_meta", Dataset()).get("TransferSyntaxUID")
    if syntax in JPEG_LS_SYNTAXES and _has_pyjpegls():
        ds.pixel_array_options(decoding_plugin="pyjpegls")  # 3-4× faster than pylibjpeg
    try:
        pixels = ds.pixel_array
    except (NotImplementedError, RuntimeError) as exc:
        name = getattr(syntax, "name", str(syntax or "?"))
        raise DecodeError(f"The image is compressed as {name}, which cannot be decoded "
                          f"here ({exc}).") from exc
    except (ValueError, EOFError, KeyError, AttributeError) as exc:
        raise DecodeError(f"The image data is damaged or incomplete ({exc}).") from exc
    frames = int(ds.get("NumberOfFrames", 1) or 1)
    samples = int(ds.get("SamplesPerPixel", 1) or 1)
    photometric = str(ds.get("PhotometricInterpretation", "")).strip()
    if photometric == "PALETTE COLOR":
        pixels = apply_color_lut(pixels, ds)
        samples = 3
    if frames == 1:
        pixels = pixels[np.newaxis]
    if (samples == 1 and pixels.ndim != 3) or (samples == 3 and pixels.ndim != 4):
        raise DecodeError(f"The image has an unexpected shape {pixels.shape} for "
                          f"{frames} frame(s) of {samples} sample(s).")
    return DecodedImage(ds, pixels, pixel_model(ds))


def load(path: str | Path) -> DecodedImage:
    """Read and decode one file."""
    try:
        ds = dcmread(path)
    except InvalidDicomError as exc:
        raise DecodeError(f"{Path(path).name} is not a DICOM file.") from exc
    except (OSError, EOFError) as exc:
        raise DecodeError(f"{Path(path).name} cannot be read ({exc}).") from exc
    return decode(ds)
