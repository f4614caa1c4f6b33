"""A readable first window for a projection radiograph, from its own histogram.

Many DR and CR devices send no window, or one that spans every stored value (W 4096 /
L 2048 for 12 bits), which shows a radiograph flat and grey. This module finds the
window of the anatomy instead:

1. the exposed field: inside the stated shutter or collimator (:mod:`.shutters`), less
   the near-constant bands along the edges that a device fills the collimated part with;
2. less the values at the image's two extremes (masked borders, saturated pixels) and
   the direct-exposure background: the peak at the exposed end of the histogram, cut at
   the valley between it and the anatomy;
3. the 1st and 99th percentiles of what is left, in output (rescaled) units.

"Exposed end" follows the display's polarity: air is shown dark, which is the low end of
a MONOCHROME2 image and the high end of a MONOCHROME1 one. Numpy only: it is evaluated
once per image, on at most ANALYSIS_SIZE² samples.
"""

from __future__ import annotations

import numpy as np
from pydicom.dataset import Dataset

from .display import PixelModel, Window
from .shutters import field_mask

# Projection radiography (DR is not a DICOM modality, but some consoles send it).
PROJECTION_MODALITIES = frozenset({"CR", "DX", "DR", "MG", "IO", "PX", "RG"})
AUTO = "auto"                   # the name of the window this module makes
FULL_RANGE_SHARE = 0.9          # a window this wide of the stored range shows no contrast
ANALYSIS_SIZE = 512             # the longer side of the sampled image
PERCENTILES = (1.0, 99.0)       # of the anatomy's values
FLAT_SHARE = 0.03               # an edge line is a band when its spread is below this share
BAND_MARGIN = 0.03              # then skip this share of the side more (the edge's blur)
MAX_BAND_SHARE = 0.45           # no band covers more than this share of a side
BINS = 256
SEARCH_SHARE = 1 / 3            # the background's peak lies in this top share of the range
PROMINENCE = 3.0                # and stands this many times above the valley after it
KEEP_SHARE = 0.1                # the anatomy keeps at least this share of the field
MIN_HISTOGRAM = 10_000          # fewer samples than this show no peak worth trusting


def stored_output_range(model: PixelModel) -> float:
    """How wide the output (rescaled) values of every possible stored value are."""
    if model.modality_lut is not None:
        values = model.modality_lut.values
        return float(values.max() - values.min()) + 1.0
    lo, hi = model.stored_range
    return abs(hi - lo) * abs(model.slope) + 1.0


def is_full_range(window: Window, model: PixelModel) -> bool:
    """Whether ``window`` spans (almost) every value the image could store."""
    return window.width >= FULL_RANGE_SHARE * stored_output_range(model)


def wants_auto_window(modality: str, model: PixelModel) -> bool:
    """A grey projection radiograph whose file window is absent or spans the full range."""
    if modality.strip().upper() not in PROJECTION_MODALITIES or not model.monochrome:
        return False
    return not model.windows or is_full_range(model.windows[0], model)


def _sampled(frame: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every n-th row and column so that the longer side has at most ANALYSIS_SIZE."""
    step = max(1, -(-max(frame.shape) // ANALYSIS_SIZE))
    rows = np.arange(0, frame.shape[0], step)
    columns = np.arange(0, frame.shape[1], step)
    return frame[::step, ::step], rows, columns


def _flat_lines(lines: np.ndarray, tolerance: float, limit: int) -> int:
    """How many of ``lines`` (one a row), from the first, are near-constant."""
    low, high = np.percentile(lines[:limit], [5, 95], axis=1)
    flat = (high - low) <= tolerance
    return int(np.argmin(flat)) if not flat.all() else limit


def border_bands(exposure: np.ndarray, field: np.ndarray) -> np.ndarray:
    """``field`` less the near-constant bands along the four edges (the collimated part a
    device filled with one value, or plain background) and a margin for their blur."""
    inside = exposure[field]
    if inside.size == 0:
        return field
    low, high = np.percentile(inside, [0.5, 99.5])
    tolerance = max(FLAT_SHARE * (high - low), 1e-9)
    top, bottom, left, right = 0, exposure.shape[0], 0, exposure.shape[1]
    for _ in range(2):  # the sides' bands, then the top and bottom's between them, twice
        block = exposure[top:bottom, left:right]
        limit = int(MAX_BAND_SHARE * block.shape[1])
        if limit > 0:
            left += _flat_lines(block.T, tolerance, limit)
            right -= _flat_lines(block.T[::-1], tolerance, limit)
        block = exposure[top:bottom, left:right]
        limit = int(MAX_BAND_SHARE * block.shape[0])
        if limit > 0:
            top += _flat_lines(block, tolerance, limit)
            bottom -= _flat_lines(block[::-1], tolerance, limit)
    margin_rows = int(np.ceil(BAND_MARGIN * exposure.shape[0]))
    margin_columns = int(np.ceil(BAND_MARGIN * exposure.shape[1]))
    if top:
        top += margin_rows
    if bottom < exposure.shape[0]:
        bottom -= margin_rows
    if left:
        left += margin_columns
    if right < exposure.shape[1]:
        right -= margin_columns
    kept = np.zeros_like(field)
    kept[max(top, 0):max(bottom, 0), max(left, 0):max(right, 0)] = True
    return field & kept if (field & kept).any() else field


def background_start(exposure: np.ndarray) -> float | None:
    """Where the direct-exposure background begins: the valley before a peak at the top of
    the (exposure-ordered) values, None when there is no such peak."""
    lo, hi = float(exposure.min()), float(exposure.max())
    if hi <= lo:
        return None
    counts, edges = np.histogram(exposure, bins=BINS, range=(lo, hi))
    smooth = np.convolve(counts, np.ones(5) / 5, mode="same")
    start = int(BINS * (1 - SEARCH_SHARE))
    peak = start + int(np.argmax(smooth[start:]))
    valley, lowest = peak, smooth[peak]
    for i in range(peak - 1, -1, -1):
        if smooth[i] < lowest:
            valley, lowest = i, smooth[i]
        elif smooth[i] > 1.5 * lowest + 1:
            break
    if smooth[peak] < PROMINENCE * max(lowest, 1.0):
        return None
    if counts[:valley].sum() < KEEP_SHARE * counts.sum():
        return None
    return float(edges[valley])


def radiograph_window(model: PixelModel, frame: np.ndarray,
                      header: Dataset | None = None) -> Window | None:
    """The window of the anatomy in one grey ``frame`` (stored values), named AUTO; None
    when too little of the image is left to judge."""
    sample, rows, columns = _sampled(frame)
    values = model.rescale(sample)
    sign = 1.0 if model.inverted else -1.0      # high "exposure" = shown dark = air
    exposure = sign * values
    field = np.isfinite(exposure)
    stated = field_mask(header, rows, columns) if header is not None else None
    if stated is not None:
        field &= stated
    field = border_bands(exposure, field)
    inside = exposure[field]
    if inside.size < 64:
        return None
    inside = inside[(inside > inside.min()) & (inside < inside.max())]  # clipped or masked
    if inside.size < 64:
        return None
    start = background_start(inside) if inside.size >= MIN_HISTOGRAM else None
    if start is not None:
        inside = inside[inside < start]
    low, high = (float(v) for v in np.percentile(inside, PERCENTILES))
    low, high = sorted((sign * low, sign * high))
    width = max(high - low, 1.0)
    return Window((low + high) / 2, width, AUTO)
