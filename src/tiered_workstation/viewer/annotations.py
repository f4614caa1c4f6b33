"""Measurements and annotations of a study: what they are, and their file.

Kept per study as JSON (``<folder>/<StudyInstanceUID>.json``), each tied to
its image by SOP Instance UID and the frame in that file, so they come back
when the study is opened again on this machine (whichever way its files are
stacked), and can be handed to a report as text, a rendered key image or a
DICOM presentation state (:mod:`.gsps`). A viewport holds them by the frame
of its stack; :func:`file_form` and :func:`view_form` translate.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from .frames import DecodedImage

FORMAT_VERSION = 1


class Tool(StrEnum):
    WINDOW = "window"
    PAN = "pan"
    ZOOM = "zoom"
    LINE = "line"
    ANGLE = "angle"
    COBB = "cobb"
    RECTANGLE = "rectangle"
    ELLIPSE = "ellipse"
    ARROW = "arrow"
    TEXT = "text"
    CROSSHAIR = "crosshair"   # MPR: a click places the linked crosshair
    MAGNIFY = "magnify"       # a loupe at full resolution under the mouse


POINTS_NEEDED = {Tool.LINE: 2, Tool.ANGLE: 3, Tool.COBB: 4, Tool.RECTANGLE: 2,
                 Tool.ELLIPSE: 2, Tool.ARROW: 2, Tool.TEXT: 1}


@dataclass
class Measurement:
    tool: Tool
    frame: int
    points: list[tuple[float, float]] = field(default_factory=list)  # (row, column)
    text: str = ""            # the result ("12.3 mm") or, for TEXT, the note itself
    sop_instance_uid: str = ""
    key_image: bool = False

    @property
    def complete(self) -> bool:
        return len(self.points) >= POINTS_NEEDED.get(self.tool, 2)


def file_form(items: list[Measurement], image: DecodedImage) -> list[Measurement]:
    """``items`` drawn on ``image`` (frames of its stack), tied to file and frame in it."""
    kept = []
    for item in items:
        if 0 <= item.frame < image.frame_count:
            uid, frame = image.source(item.frame)
            kept.append(replace(item, sop_instance_uid=uid, frame=frame))
    return kept


def view_form(items: list[Measurement], image: DecodedImage) -> list[Measurement]:
    """The saved ``items`` that lie on ``image``, with frames of its stack."""
    shown = []
    for item in items:
        index = image.index_of(item.sop_instance_uid, item.frame)
        if index is not None:
            shown.append(replace(item, frame=index))
    return shown


def _key(item: Measurement) -> tuple[object, ...]:
    return (item.tool, item.sop_instance_uid, item.frame,
            tuple((round(r, 1), round(c, 1)) for r, c in item.points))


def merged(saved: list[Measurement], more: list[Measurement]) -> list[Measurement]:
    """``saved`` and those of ``more`` that are not already among them (same tool, file,
    frame and points): marks read from a presentation state are not doubled."""
    seen = {_key(m) for m in saved}
    return saved + [m for m in more if _key(m) not in seen]


def annotation_file(folder: Path, study_instance_uid: str) -> Path:
    safe = "".join(c for c in study_instance_uid if c.isdigit() or c == ".") or "unknown"
    return folder / f"{safe}.json"


def save_annotations(folder: Path, study_instance_uid: str,
                     items: list[Measurement]) -> Path:
    """Write the study's annotations atomically (a crash never leaves half a file)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = annotation_file(folder, study_instance_uid)
    body = {"format": FORMAT_VERSION, "study_instance_uid": study_instance_uid,
            "items": [{**asdict(m), "tool": m.tool.value} for m in items]}
    handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(body, out, ensure_ascii=False, indent=1)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, path)
    return path


def load_annotations(folder: Path, study_instance_uid: str) -> list[Measurement]:
    """The study's saved annotations; none when there is no (readable) file."""
    path = annotation_file(folder, study_instance_uid)
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    items = []
    for raw in body.get("items", []):
        try:
            items.append(Measurement(Tool(raw["tool"]), int(raw["frame"]),
                                     [(float(r), float(c)) for r, c in raw["points"]],
                                     str(raw.get("text", "")),
                                     str(raw.get("sop_instance_uid", "")),
                                     bool(raw.get("key_image", False))))
        except (KeyError, ValueError, TypeError):
            continue  # one damaged entry does not lose the others
    return items
