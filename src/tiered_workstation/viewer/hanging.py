"""Hanging protocols: which images open where, from rules a site can edit.

Rules live in ``hanging_protocols.json`` (shipped) or a site's own file with
the same shape; the first rule whose modalities, body part and number of
views fit the study wins. A "view" is a series (a DR console sends a chest PA
and its lateral as two series), or an image of a one-series study (some send
both as one series of two images). Views go into the viewports in the rule's
order of View Position (PA, then LL for a chest), one of each projection
before any repeat.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from .series import Series

LAYOUT_SIZES = {"1x1": 1, "1x2": 2, "2x2": 4}
RULES_FILE = "hanging_protocols.json"   # shipped here; a site's own in its DATA_DIR


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


def _rule(raw: dict[str, Any]) -> Rule:
    name = str(raw["name"]).strip()
    layout = str(raw["layout"])
    modalities = frozenset(str(m).strip().upper() for m in raw["modalities"] if str(m).strip())
    parts = raw.get("body_parts")
    views = int(raw.get("views", 1))
    if not name:
        raise ValueError("it needs a name")
    if not modalities:
        raise ValueError("it needs at least one modality")
    if layout not in LAYOUT_SIZES:
        raise ValueError(f"layout must be one of {', '.join(LAYOUT_SIZES)}")
    if not 1 <= views <= LAYOUT_SIZES[layout]:
        raise ValueError(f"a {layout} layout shows 1 to {LAYOUT_SIZES[layout]} views, "
                         f"not {views}")
    order = tuple(str(v).strip().upper() for v in raw.get("view_order", []) if str(v).strip())
    return Rule(name, modalities,
                None if parts is None else frozenset(str(p).strip().upper() for p in parts),
                views, layout, order)


def parse_rules(raw_rules: list[dict[str, Any]]) -> list[Rule]:
    """Rules from their JSON form; the first wrong one is named by its number."""
    rules = []
    for n, raw in enumerate(raw_rules, start=1):
        try:
            rules.append(_rule(raw))
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"Hanging protocol rule {n} is not valid: {exc}") from exc
    return rules


def load_rules(path: Path | None = None) -> list[Rule]:
    """The site's rules (``path``) or the shipped ones; a wrong rule is named."""
    text = path.read_text(encoding="utf-8") if path else resources.files(
        __package__).joinpath(RULES_FILE).read_text(encoding="utf-8")
    body = json.loads(text)
    if not isinstance(body, list):
        raise ValueError("The hanging protocols file must hold a list of rules.")
    return parse_rules(body)


def rule_json(rule: Rule) -> dict[str, object]:
    """A rule in the file's form (what :func:`parse_rules` reads back)."""
    body: dict[str, object] = {"name": rule.name, "modalities": sorted(rule.modalities)}
    if rule.body_parts is not None:
        body["body_parts"] = sorted(rule.body_parts)
    body.update(views=rule.views, layout=rule.layout, view_order=list(rule.view_order))
    return body


def save_rules(path: Path, rules: list[Rule]) -> Path:
    """Write a site's rules atomically (a crash never leaves half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump([rule_json(r) for r in rules], out, ensure_ascii=False, indent=1)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, path)
    return path


def _views(series: list[Series]) -> list[tuple[Placement, Series, str]]:
    if len(series) == 1 and 1 < len(series[0].instances) <= 4 and \
            series[0].modality in ("DX", "CR", "MG"):
        only = series[0]
        return [(Placement(0, n), only, ref.view_position)
                for n, ref in enumerate(only.instances)]
    return [(Placement(n, None), s, s.instances[0].view_position if s.instances else "")
            for n, s in enumerate(series)]


def _distinct_first(views: list[tuple[Placement, Series, str]],
                    order: dict[str, int]) -> list[tuple[Placement, Series, str]]:
    """One view of each projection the rule names before any repeat of one (a retaken
    PA does not push the lateral out of a 1×2), in the rule's order."""
    seen: set[str] = set()
    first, repeats = [], []
    for view in views:
        name = view[2].upper()
        (repeats if name in order and name in seen else first).append(view)
        seen.add(name)
    return first + repeats


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
        chosen = _distinct_first(fitting, order)[:LAYOUT_SIZES[rule.layout]]
        return Hanging(rule.name, rule.layout, tuple(v[0] for v in chosen))
    return Hanging("", "1x1", (Placement(0, None),) if series else ())
