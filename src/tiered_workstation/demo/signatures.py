"""Handwritten signatures for the demo's doctors, drawn as a pen would on white paper.

A real site enrolls a scan of each doctor's signature; the demo draws one from
the display name (slanted, blue-black ink, a little unevenness) and enrolls it
exactly as a scan would be, through ``workflow.handwriting``.
"""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from ..printing.fonts import CANDIDATES

INK = (24, 34, 88)


def signature_scan(name: str, seed: int = 0) -> bytes:
    """A JPEG-like 'scan' (PNG, white paper, a little noise) of ``name`` signed by hand."""
    rng = random.Random(f"{name}-{seed}")
    font_path = next((p for p in CANDIDATES if p.is_file()), None)
    font = ImageFont.truetype(str(font_path), 120, index=0) if font_path \
        else ImageFont.load_default()
    width = 170 * max(2, len(name)) + 120
    paper = Image.new("L", (width, 260), 0)
    pen = ImageDraw.Draw(paper)
    x = 60
    for char in name:  # each character a little higher or lower, as hands write
        pen.text((x, 70 + rng.randint(-14, 14)), char, font=font, fill=255,
                 stroke_width=rng.choice((0, 1)), stroke_fill=255)
        x += 120 + rng.randint(-6, 22)
    pen.line([(50, 215), (x * 0.55, 228), (x + 10, 205)], fill=255, width=5)  # the flourish
    shear = 0.32  # a right-hand slant
    paper = paper.transform(paper.size, Image.Transform.AFFINE, (1, shear, -shear * 130, 0, 1, 0),
                            resample=Image.Resampling.BICUBIC)
    mask = paper.filter(ImageFilter.GaussianBlur(1.2))
    scan = Image.new("RGB", paper.size, (250, 249, 245))
    scan.paste(Image.new("RGB", paper.size, INK), mask=mask)
    out = io.BytesIO()
    scan.save(out, format="PNG")
    return out.getvalue()
