"""Hanging protocols: which images open where, from rules a site can edit.

Rules live in ``hanging_protocols.json`` (shipped) or a site's own file with
the same shape; the first rule whose modalities, body part and number of
views fit the study wins. A "view" is a series, or an image of a one-series
study (a chest PA and lateral sent as one series of two images).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .series import Series

LAYOUT_SIZES = {"1x1": 1, "1x2": 2, "2x2": 4}


@dataclass(frozen=True)
class Rule:
    name: str
    modalities: frozenset[str]
    body_parts: frozenset[str] | None   # None: any; "" in the set: not stated
    views: int
    layout: str
    view_order: tuple[str, ...]


@dataclass(frozen=True)
class Placement:
    series: int               # index in the opened series
    instance: int | None      # an image of that series, or None for all of it


@dataclass(frozen=True)
class Hanging:
    rule: str
    layout: str
    placements: tuple[Placement, ...]


def load_rules(path: Path | None = None) -> list[Rule]:
    """The site's rules (``path``) or the shipped ones; a wrong rule is named."""
    text = path.read_text(encoding="utf-8") if path else resources.files(
        __package__).joinpath("hanging_protocols.json").read_text(encoding="utf-8")
    rules = []
    for n, raw in enumerate(json.loads(text), start=1):
        try:
            layout = str(raw["layout"])
            if layout not in LAYOUT_SIZES:
                raise ValueError(f"layout must be one of {', '.join(LAYOUT_SIZES)}")
            parts = raw.get("body_parts")
            rules.append(Rule(str(raw["name"]), frozenset(m.upper() for m in raw["modalities"]),
                              None if parts is None else frozenset(p.upper() for p in parts),
                              int(raw.get("views", 1)), layout,
                              tuple(v.upper() for v in raw.get("view_order", []))))
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"Hanging protocol rule {n} is not valid: {exc}") from exc
    return rules


def _views(series: list[Series]) -> list[tuple[Placement, Series, str]]:
    if len(series) == 1 and 1 < len(series[0].instances) <= 4 and \
            series[0].modality in ("DX", "CR", "MG"):
        only = series[0]
        return [(Placement(0, n), only, ref.view_position)
                for n, ref in enumerate(only.instances)]
    return [(Placement(n, None), s, s.instances[0].view_position if s.instances else "")
            for n, s in enumerate(series)]


def choose(series: list[Series], rules: list[Rule]) -> Hanging:
    """Where each view goes; one viewport with the first series when no rule fits."""
    views = _views(series)
    for rule in rules:
        fitting = [v for v in views if v[1].modality.upper() in rule.modalities
                   and (rule.body_parts is None or v[1].body_part.upper() in rule.body_parts)]
        if len(fitting) < rule.views or len(fitting) == 0:
            continue
        order = {name: rank for rank, name in enumerate(rule.view_order)}
        fitting.sort(key=lambda v: order.get(v[2].upper(), len(order)))
        chosen = fitting[:LAYOUT_SIZES[rule.layout]]   # ``views`` is the least it needs
        return Hanging(rule.name, rule.layout, tuple(v[0] for v in chosen))
    return Hanging("", "1x1", (Placement(0, None),) if series else ())
