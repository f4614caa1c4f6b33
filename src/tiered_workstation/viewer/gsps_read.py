"""Reading presentation states (GSPS): the marks, windows, orientation and polarity
they give the images they reference — ours exactly (one graphic layer per tool),
another product's marks by their shape.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydicom import dcmread
from pydicom.dataset import Dataset
from pydicom.errors import InvalidDicomError
from pydicom.multival import MultiValue

from .annotations import Measurement, Tool
from .display import VoiFunction, Window
from .gsps import TOOL_OF_LAYER, PresentationStateError, is_presentation_state, view_spatial

LOGGER = logging.getLogger(__name__)


def _pairs(values: Iterable[float]) -> list[tuple[float, float]]:
    flat = [float(v) for v in values]
    return [(flat[n + 1] - 0.5, flat[n] - 0.5) for n in range(0, len(flat) - 1, 2)]


def _tool_of(layer: str, graphics: list[Dataset], text: str) -> Tool:
    if layer in TOOL_OF_LAYER:
        return TOOL_OF_LAYER[layer]
    if not graphics:
        return Tool.TEXT
    kinds = [str(g.get("GraphicType", "")) for g in graphics]
    points = [int(g.get("NumberOfGraphicPoints", 0)) for g in graphics]
    if kinds[0] in ("ELLIPSE", "CIRCLE"):
        return Tool.ELLIPSE
    if len(graphics) == 2 and points == [2, 2]:
        return Tool.COBB
    if points[0] == 5:
        return Tool.RECTANGLE
    if points[0] == 3:
        return Tool.ANGLE
    return Tool.LINE if text else Tool.ARROW


def _points_back(tool: Tool, graphics: list[Dataset], anchor: list[tuple[float, float]]
                 ) -> list[tuple[float, float]]:
    if tool is Tool.TEXT:
        return anchor[:1]
    points = [p for g in graphics for p in _pairs(g.get("GraphicData", []))]
    if tool is Tool.RECTANGLE:
        return [points[0], points[2]]
    if tool is Tool.ELLIPSE and str(graphics[0].get("GraphicType")) == "ELLIPSE":
        rows = [p[0] for p in points[:4]]
        columns = [p[1] for p in points[:4]]
        return [(min(rows), min(columns)), (max(rows), max(columns))]
    return points


def read_presentation_state(ds: Dataset) -> list[Measurement]:
    """The measurements a GSPS carries (ours exactly; another product's by shape)."""
    if not is_presentation_state(ds):
        raise PresentationStateError("This file is not a grayscale softcopy presentation "
                                     "state.")
    items: list[Measurement] = []
    for annotation in ds.get("GraphicAnnotationSequence", []):
        graphics = list(annotation.get("GraphicObjectSequence", []))
        graphics = [g for g in graphics if g.get("GraphicAnnotationUnits") == "PIXEL"]
        texts = [t for t in annotation.get("TextObjectSequence", [])
                 if t.get("AnchorPointAnnotationUnits") == "PIXEL" and "AnchorPoint" in t]
        text = " ".join(str(t.get("UnformattedTextValue", "")) for t in texts).strip()
        anchor = [p for t in texts for p in _pairs(t.AnchorPoint)]
        if not graphics and not anchor:
            continue   # display-relative or bounding-box-only marks: not shown
        tool = _tool_of(str(annotation.get("GraphicLayer", "")), graphics, text)
        for reference in annotation.get("ReferencedImageSequence", []):
            frames = reference.get("ReferencedFrameNumber") or [1]
            frames = [frames] if isinstance(frames, int | str) else list(frames)
            for frame in frames:
                items.append(Measurement(tool, int(frame) - 1,
                                         _points_back(tool, graphics, anchor), text,
                                         str(reference.ReferencedSOPInstanceUID)))
    return items


@dataclass(frozen=True)
class ReadState:
    """What presentation states say about the images they reference."""

    marks: list[Measurement] = field(default_factory=list)
    windows: dict[str, Window] = field(default_factory=dict)   # by SOP Instance UID
    images: frozenset[str] = frozenset()    # every image the states apply to
    rotation: int = 0                       # as the view turns: flip first, then rotate
    flip_horizontal: bool = False
    inverse: bool = False                   # Presentation LUT Shape INVERSE
    creator: str = ""                       # who made the newest state, and when
    created: str = ""                       # "YYYY-MM-DD HH:MM"


def _first(value: Any) -> float:
    """The first of a multi-valued DS (a state may give several windows), else itself."""
    return float(value[0] if isinstance(value, MultiValue | list | tuple) else value)


def _uids(sequence: Iterable[Dataset]) -> set[str]:
    return {str(r.ReferencedSOPInstanceUID) for r in sequence
            if "ReferencedSOPInstanceUID" in r}


def read_state(ds: Dataset) -> ReadState:
    """Marks, windows, orientation and polarity of one presentation state."""
    marks = read_presentation_state(ds)
    images: set[str] = set()
    for series in ds.get("ReferencedSeriesSequence", []):
        images |= _uids(series.get("ReferencedImageSequence", []))
    windows: dict[str, Window] = {}
    for voi in ds.get("SoftcopyVOILUTSequence", []):
        if "WindowCenter" not in voi or "WindowWidth" not in voi:
            continue   # a VOI LUT table: not carried over
        try:
            function = VoiFunction(str(voi.get("VOILUTFunction", "LINEAR")).upper())
        except ValueError:
            function = VoiFunction.LINEAR
        window = Window(_first(voi.WindowCenter), max(_first(voi.WindowWidth), 1.0),
                        "", function)
        for uid in _uids(voi.get("ReferencedImageSequence", [])) or images:
            windows[uid] = window
    rotation, flip = view_spatial(int(ds.get("ImageRotation", 0) or 0),
                                  str(ds.get("ImageHorizontalFlip", "N")) == "Y")
    day = str(ds.get("PresentationCreationDate", "") or "")
    time = str(ds.get("PresentationCreationTime", "") or "")
    created = f"{day[:4]}-{day[4:6]}-{day[6:8]} {time[:2]}:{time[2:4]}".strip() \
        if len(day) == 8 else ""
    return ReadState(marks, windows, frozenset(images) | {m.sop_instance_uid for m in marks},
                     rotation, flip, str(ds.get("PresentationLUTShape", "")) == "INVERSE",
                     str(ds.get("ContentCreatorName", "") or ""), created)


def _creation(ds: Dataset) -> str:
    return str(ds.get("PresentationCreationDate", "") or "") + \
        str(ds.get("PresentationCreationTime", "") or "").ljust(6, "0")[:6]


def read_presentation_states(paths: Iterable[Path]) -> ReadState:
    """The states among ``paths`` together, for each image the newest state that
    references it (its marks and window replace older ones'; a state of another
    series adds to them); an unreadable one is logged and left out."""
    found = []
    for path in paths:
        try:
            ds = _read(path)
            found.append((_creation(ds), read_state(ds)))
        except PresentationStateError as exc:
            LOGGER.warning("presentation state not shown: %s", exc)
    combined = ReadState()
    for _, state in sorted(found, key=lambda pair: pair[0]):
        kept = [m for m in combined.marks if m.sop_instance_uid not in state.images]
        combined = ReadState(kept + state.marks, {**combined.windows, **state.windows},
                             combined.images | state.images, state.rotation,
                             state.flip_horizontal, state.inverse, state.creator,
                             state.created)
    return combined


def _read(path: Path) -> Dataset:
    try:
        return dcmread(path)
    except (InvalidDicomError, OSError, ValueError, EOFError) as exc:
        raise PresentationStateError(f"The presentation state {path.name} cannot be "
                                     f"read: {exc}") from exc


def read_presentation_state_file(path: Path) -> list[Measurement]:
    return read_presentation_state(_read(path))
