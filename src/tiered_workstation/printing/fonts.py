"""A CJK font for PDFs: embedded WenQuanYi Micro Hei (Debian fonts-wqy-microhei,
Apache 2.0 / GPL), else reportlab's built-in STSong-Light (not embedded)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

LOGGER = logging.getLogger(__name__)

CANDIDATES = (Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
              Path("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"))
_registered: str | None = None


def bundled_font() -> Path | None:
    """The CJK font the desktop bundle carries (``fonts/`` beside its libraries), if any."""
    base = getattr(sys, "_MEIPASS", None)  # set by PyInstaller's bootloader
    path = Path(base) / "fonts" / "wqy-microhei.ttc" if base else None
    return path if path is not None and path.is_file() else None


def cjk_font() -> str:
    """Register (once) and return the name of the font to write Chinese with."""
    global _registered
    if _registered:
        return _registered
    for path in (*CANDIDATES, bundled_font()):
        if path is not None and path.is_file():
            pdfmetrics.registerFont(TTFont("TW-CJK", str(path), subfontIndex=0))
            _registered = "TW-CJK"
            return _registered
    LOGGER.warning("no CJK TrueType font found (install fonts-wqy-microhei); PDFs use the "
                   "non-embedded STSong-Light, which some viewers substitute")
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    _registered = "STSong-Light"
    return _registered
