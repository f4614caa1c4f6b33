"""The site's logo and report seal, as printed on every report.

A site puts its own ``logo.png`` (or ``.jpg``) and ``seal.png`` into
``DATA_DIR/report/``; where a file is missing or unreadable the defaults shipped
with the program are used (drawn by ``scripts/make_report_assets.py`` from
``resources/report/``), and the log says why.  A seal needs transparency to
print over the signatures; a seal without it is printed beside them instead.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from PIL import Image, UnidentifiedImageError

LOGGER = logging.getLogger(__name__)
MAX_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class Branding:
    logo: bytes
    seal: bytes
    seal_is_transparent: bool
    logo_source: str  # the file used, for the log and the settings page
    seal_source: str

    @classmethod
    def load(cls, folder: Path | None) -> Branding:
        """The site's images in ``folder`` (DATA_DIR/report), else the defaults."""
        logo, logo_source = _site_image(folder, "logo") or _default("logo")
        seal, seal_source = _site_image(folder, "seal") or _default("seal")
        return cls(logo, seal, _has_transparency(seal), logo_source, seal_source)


def _site_image(folder: Path | None, stem: str) -> tuple[bytes, str] | None:
    if folder is None:
        return None
    for suffix in (".png", ".jpg", ".jpeg"):
        path = folder / f"{stem}{suffix}"
        if not path.is_file():
            continue
        try:
            data = path.read_bytes()
            if len(data) > MAX_BYTES:
                raise ValueError(f"{len(data) // 1024} KB is more than "
                                 f"{MAX_BYTES // 1024 // 1024} MB")
            with Image.open(io.BytesIO(data)) as image:
                image.verify()
        except (OSError, ValueError, UnidentifiedImageError) as exc:
            LOGGER.warning("the report %s %s cannot be used (%s); printing the default "
                           "instead", stem, path, exc)
            return None
        return data, str(path)
    return None


def _default(stem: str) -> tuple[bytes, str]:
    asset = resources.files("tiered_workstation.printing") / "assets" / f"{stem}.png"
    return asset.read_bytes(), f"default {stem}"


def _has_transparency(data: bytes) -> bool:
    with Image.open(io.BytesIO(data)) as image:
        if image.mode in ("RGBA", "LA") or "transparency" in image.info:
            alpha = image.convert("RGBA").getchannel("A")
            return alpha.getextrema()[0] < 255
    return False
