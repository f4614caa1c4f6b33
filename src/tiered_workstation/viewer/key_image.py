"""A frame as the viewer opens it (its default window), as a PNG for a report.

The desktop's key images are grabs of the viewport, marks included; this is the
same picture without a screen, for reports signed from the command line or the
demo.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from .display import DisplayLut
from .frames import load


def key_image_png(path: str | Path, *, frame: int = 0, longest_side: int = 1024) -> bytes:
    """``frame`` of the file at ``path`` in its opening window, scaled so that its longer
    side is at most ``longest_side`` pixels, as PNG bytes."""
    image = load(path)
    pixels = image.frames[min(max(frame, 0), image.frame_count - 1)]
    if image.colour:
        picture = Image.fromarray(pixels.astype("uint8"), mode="RGB")
    else:
        lut = DisplayLut(image.model, pixels.dtype, image.default_window())
        picture = Image.fromarray(lut.apply(pixels), mode="L")
    picture.thumbnail((longest_side, longest_side), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    picture.save(out, format="PNG", optimize=True)
    return out.getvalue()
