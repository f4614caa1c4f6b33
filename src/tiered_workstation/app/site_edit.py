"""Saving changed settings back to site.toml, validated exactly as the loader reads them."""

from __future__ import annotations

import tomllib
from pathlib import Path

from ..config import Settings, parse_settings
from .site_file import render_site_toml
from .site_setup import write_text_atomic


def save_settings(config_path: Path, settings: Settings) -> Settings:
    """Write ``settings`` to ``config_path`` (atomically) and return them as read back.

    Raises ``ConfigError`` naming the key when a value is wrong; the file is
    then left untouched.
    """
    text = render_site_toml(settings, config_path.parent)
    checked = parse_settings(tomllib.loads(text), base_dir=config_path.parent.resolve(),
                             source=config_path)
    write_text_atomic(config_path, text)
    return checked
