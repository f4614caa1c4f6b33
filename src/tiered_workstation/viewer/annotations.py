"""Measurements and annotations of a study: what they are, and their file.

Kept per study as JSON (``<folder>/<StudyInstanceUID>.json``), each tied to
its image by SOP Instance UID and frame, so they come back when the study is
opened again on this machine, and can be handed to a report as text or as a
rendered key image.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path

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
