"""From stored pixel values to the 8-bit grey levels on screen, by one lookup table.

The chain is DICOM's (PS3.3 C.11): Modality LUT (rescale slope/intercept or a
Modality LUT Sequence) → VOI (window centre/width with its function, or a VOI
LUT Sequence) → presentation (MONOCHROME1 and an INVERSE Presentation LUT
Shape invert). All of it is evaluated once per window over every possible
stored value; a frame is then displayed by indexing that table (``np.take``),
so dragging the window never does per-pixel float maths.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
from pydicom.dataset import Dataset


class VoiFunction(StrEnum):
    LINEAR = "LINEAR"
    LINEAR_EXACT = "LINEAR_EXACT"
    SIGMOID = "SIGMOID"


@dataclass(frozen=True)
class Window:
    """A window in output (rescaled) units, e.g. Hounsfield units for CT."""

    center: float
    width: float
    name: str = ""
    function: VoiFunction = VoiFunction.LINEAR

    def moved(self, d_center: float, d_width: float) -> Window:
        return Window(self.center + d_center, max(1.0, self.width + d_width), "",
                      self.function)


@dataclass(frozen=True)
class LutTable:
    """A lookup table: ``first`` maps to ``values[0]``; outside values clamp."""

    first: int
    values: np.ndarray

    def apply(self, x: np.ndarray) -> np.ndarray:
        index = np.clip(np.asarray(x).astype(np.int64) - self.first, 0, len(self.values) - 1)
        return self.values[index]


@dataclass(frozen=True)
class PixelModel:
    """What the display chain needs to know about an image's stored values."""

    bits_stored: int
    signed: bool
    photometric: str
    slope: float = 1.0
    intercept: float = 0.0
    modality_lut: LutTable | None = None
    voi_luts: tuple[tuple[str, LutTable], ...] = ()
    windows: tuple[Window, ...] = ()
    inverse_presentation: bool = False
    stored_range: tuple[int, int] = field(default=(0, 0))

    @property
    def monochrome(self) -> bool:
        return self.photometric in ("MONOCHROME1", "MONOCHROME2")

    @property
    def inverted(self) -> bool:
        """High values shown dark: MONOCHROME1, or an image's INVERSE Presentation LUT Shape.
        The DX and MG modules require INVERSE with MONOCHROME1 ("output after inversion is
        in P-Values"): it restates that polarity, so it does not flip it back."""
        return self.photometric == "MONOCHROME1" or self.inverse_presentation

    def rescale(self, stored: np.ndarray) -> np.ndarray:
        """Modality LUT: stored values → output units (float64)."""
        if self.modality_lut is not None:
            return self.modality_lut.apply(stored).astype(np.float64)
        return stored.astype(np.float64) * self.slope + self.intercept


def _lut_table(item: Dataset, signed: bool = False) -> LutTable:
    """A Modality or VOI LUT item: descriptor (entries, first value, bits) and data."""
    entries, first, _bits = (int(v) for v in item.LUTDescriptor)
    entries = entries or 65536  # 0 means 2**16 entries
    if signed and first > 32767:  # the first value is SS for signed pixels
        first -= 65536
    raw = item.LUTData
    if isinstance(raw, bytes):
        values = np.frombuffer(raw, dtype="u1" if len(raw) == entries else "<u2")
    else:
        values = np.asarray(list(raw) if hasattr(raw, "__iter__") else [raw])
    return LutTable(first, values[:entries].astype(np.float64))


def _multi(value: object) -> list[float]:
    """A DS/IS element's values, one or many."""
    if value is None or value == "":
        return []
    if isinstance(value, str | bytes) or not hasattr(value, "__iter__"):
        return [float(value)]  # type: ignore[arg-type]
    return [float(v) for v in value]  # type: ignore[union-attr]


def pixel_model(ds: Dataset) -> PixelModel:
    """Read the display chain's parameters from ``ds`` (no pixel data needed)."""
    bits = int(ds.get("BitsStored", ds.get("BitsAllocated", 8)))
    signed = int(ds.get("PixelRepresentation", 0)) == 1
    lo, hi = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)
    modality_lut = None
    if "ModalityLUTSequence" in ds and len(ds.ModalityLUTSequence):
        modality_lut = _lut_table(ds.ModalityLUTSequence[0], signed)
    voi_luts = tuple((str(item.get("LUTExplanation", "")) or f"VOI LUT {n + 1}",
                      _lut_table(item, signed and modality_lut is None))
                     for n, item in enumerate(ds.get("VOILUTSequence", [])))
    centers = _multi(ds.get("WindowCenter"))
    widths = _multi(ds.get("WindowWidth"))
    names = [str(v) for v in _multi_text(ds.get("WindowCenterWidthExplanation"))]
    try:
        function = VoiFunction(str(ds.get("VOILUTFunction", "LINEAR")).strip() or "LINEAR")
    except ValueError:
        function = VoiFunction.LINEAR
    windows = tuple(Window(c, max(w, 1.0), names[n] if n < len(names) else "", function)
                    for n, (c, w) in enumerate(zip(centers, widths, strict=False)) if w > 0)
    return PixelModel(
        bits_stored=bits, signed=signed,
        photometric=str(ds.get("PhotometricInterpretation", "MONOCHROME2")).strip(),
        slope=float(ds.get("RescaleSlope", 1) or 1), intercept=float(ds.get("RescaleIntercept",
                                                                          0) or 0),
        modality_lut=modality_lut, voi_luts=voi_luts, windows=windows,
        inverse_presentation=str(ds.get("PresentationLUTShape", "")).strip() == "INVERSE",
        stored_range=(lo, hi))


def _multi_text(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]  # type: ignore[union-attr]


def voi(values: np.ndarray, window: Window) -> np.ndarray:
    """Window ``values`` (output units) to 0…1, per PS3.3 C.11.2.1.2."""
    c, w = window.center, window.width
    if window.function is VoiFunction.SIGMOID:
        return 1.0 / (1.0 + np.exp(np.clip(-4.0 * (values - c) / w, -700.0, 700.0)))
    if window.function is VoiFunction.LINEAR_EXACT:
        return np.clip((values - c) / w + 0.5, 0.0, 1.0)
    if w <= 1:  # a width of 1 is a threshold at the centre
        return (values > c - 0.5).astype(np.float64)
    return np.clip((values - (c - 0.5)) / (w - 1) + 0.5, 0.0, 1.0)


def auto_window(model: PixelModel, stored: np.ndarray) -> Window:
    """A window spanning the image's own values (when the file gives none)."""
    values = model.rescale(np.array([stored.min(), stored.max()]))
    lo, hi = float(values.min()), float(values.max())
    return Window((lo + hi) / 2 + 0.5, max(hi - lo + 1, 1.0), "full range")


class DisplayLut:
    """Stored values → uint8 grey for one window (or one of the file's VOI LUTs).

    For 8- and 16-bit pixels the table covers the whole container, so a frame
    is displayed by indexing with its own bits (a signed frame is viewed as
    unsigned and the table rotated to match): no arithmetic per pixel.
    """

    def __init__(self, model: PixelModel, dtype: np.dtype | type, window: Window | None = None,
                 voi_lut: LutTable | None = None):
        self.model = model
        self.window = window
        self.voi_lut = voi_lut
        self.dtype = np.dtype(dtype)
        self.table: np.ndarray | None = None
        if self.dtype in (np.dtype(np.uint8), np.dtype(np.uint16)):
            self.table = self._grey(np.arange(0, 1 << (8 * self.dtype.itemsize)))
        elif self.dtype in (np.dtype(np.int8), np.dtype(np.int16)):
            half = 1 << (8 * self.dtype.itemsize - 1)
            grey = self._grey(np.arange(-half, half))
            self.table = np.concatenate([grey[half:], grey[:half]])  # index = unsigned bits

    def _grey(self, stored: np.ndarray) -> np.ndarray:
        output = self.model.rescale(stored)
        if self.voi_lut is not None:
            mapped = self.voi_lut.apply(np.floor(output))
            top = float(self.voi_lut.values.max()) or 1.0
            level = mapped / top
        elif self.window is not None:
            level = voi(output, self.window)
        else:
            lo, hi = output.min(), output.max()
            level = (output - lo) / ((hi - lo) or 1.0)
        if self.model.inverted:
            level = 1.0 - level
        return np.round(level * 255.0).astype(np.uint8)

    def apply(self, frame: np.ndarray) -> np.ndarray:
        """The 8-bit display image of one monochrome frame."""
        if self.table is None or frame.dtype != self.dtype:
            return self._grey(frame.astype(np.int64))
        if frame.dtype.kind == "i":
            frame = frame.view(np.dtype(f"u{frame.dtype.itemsize}"))
        return self.table[frame]
