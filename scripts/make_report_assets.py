"""Draw the default report logo and seal into resources/report/ and copy them into the
package (printing/assets/), where the PDF renderer loads them at run time.

A site replaces both by putting its own ``logo.png`` and ``seal.png`` into
``DATA_DIR/report/``.  The defaults are deliberately generic: a consortium emblem,
and a round red "医学影像诊断专用章" without any hospital's name (a real seal names
the hospital, and only the hospital can supply it).

    .venv/bin/python scripts/make_report_assets.py
"""

from __future__ import annotations

import argparse
import math
import shutil
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources" / "report"
PACKAGE = ROOT / "src" / "tiered_workstation" / "printing" / "assets"
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
SIZE = 600  # pixels; printed at 14 mm (logo) and 34 mm (seal)


def _font(points: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT), points, index=0)


def draw_logo() -> Image.Image:
    """A blue ring around a blue cross: a neutral emblem."""
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    blue, light = (29, 95, 168, 255), (238, 243, 249, 255)
    pen.ellipse((8, 8, SIZE - 8, SIZE - 8), fill=blue)
    pen.ellipse((52, 52, SIZE - 52, SIZE - 52), fill=light)
    arm, half = 110, SIZE // 2
    pen.rounded_rectangle((half - arm // 2, 130, half + arm // 2, SIZE - 130), 18, fill=blue)
    pen.rounded_rectangle((130, half - arm // 2, SIZE - 130, half + arm // 2), 18, fill=blue)
    return image


def draw_seal() -> Image.Image:
    """A round red seal: ring, star, the department's words along the ring."""
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    red = (200, 28, 36, 235)
    centre = SIZE / 2
    pen.ellipse((12, 12, SIZE - 12, SIZE - 12), outline=red, width=22)
    star_r, inner = 92, 36
    points = []
    for k in range(10):
        radius = star_r if k % 2 == 0 else inner
        angle = -math.pi / 2 + k * math.pi / 5
        points.append((centre + radius * math.cos(angle), centre - 20 + radius * math.sin(angle)))
    pen.polygon(points, fill=red)
    text = "医学影像诊断专用章"
    font = _font(64)
    arc = math.radians(250)  # the words spread over the top of the ring
    for n, char in enumerate(text):
        angle = -math.pi / 2 - arc / 2 + arc * (n + 0.5) / len(text)
        glyph = Image.new("RGBA", (90, 90), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((45, 45), char, font=font, fill=red, anchor="mm")
        glyph = glyph.rotate(-math.degrees(angle) - 90, resample=Image.Resampling.BICUBIC)
        radius = SIZE / 2 - 92
        x = centre + radius * math.cos(angle) - 45
        y = centre + radius * math.sin(angle) - 45
        image.alpha_composite(glyph, (round(x), round(y)))
    label = _font(46)
    pen.text((centre, centre + 150), "报告专用", font=label, fill=red, anchor="mm")
    return image


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copy-only", action="store_true",
                        help="only copy resources/report into the package")
    args = parser.parse_args()
    RESOURCES.mkdir(parents=True, exist_ok=True)
    if not args.copy_only:
        draw_logo().save(RESOURCES / "logo.png", optimize=True)
        draw_seal().save(RESOURCES / "seal.png", optimize=True)
    PACKAGE.mkdir(parents=True, exist_ok=True)
    for name in ("logo.png", "seal.png"):
        shutil.copyfile(RESOURCES / name, PACKAGE / name)
        print(f"{PACKAGE / name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
