"""The procedure catalogue a site registers from (``procedures.json``, editable)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path


@dataclass(frozen=True)
class Procedure:
    code: str
    description: str
    description_en: str
    modality: str
    body_part: str
    station: str


def load_catalogue(path: Path | None = None) -> dict[str, Procedure]:
    """The site's catalogue (``path``) or the one shipped with the program."""
    text = path.read_text(encoding="utf-8") if path else (
        resources.files(__package__).joinpath("procedures.json").read_text(encoding="utf-8"))
    return {item["code"]: Procedure(**item) for item in json.loads(text)}


def procedure(code: str, path: Path | None = None) -> Procedure:
    catalogue = load_catalogue(path)
    try:
        return catalogue[code]
    except KeyError:
        known = ", ".join(sorted(catalogue))
        raise ValueError(f"Unknown procedure code {code!r}; known: {known}.") from None
