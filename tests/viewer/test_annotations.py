"""Annotations survive a save and a reload; a damaged entry loses only itself."""

from __future__ import annotations

import json
from pathlib import Path

from tiered_workstation.viewer.annotations import (
    Measurement,
    Tool,
    annotation_file,
    load_annotations,
    save_annotations,
)

UID = "1.2.826.0.1.3680043.8.498.1"


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    items = [Measurement(Tool.LINE, 0, [(1.0, 2.0), (3.5, 4.5)], "12.3 mm", "1.2.3", True),
             Measurement(Tool.TEXT, 2, [(10.0, 20.0)], "结节？", "1.2.4")]
    path = save_annotations(tmp_path, UID, items)
    assert path == annotation_file(tmp_path, UID)
    assert load_annotations(tmp_path, UID) == items
    assert "结节？" in path.read_text(encoding="utf-8")     # Chinese kept as written


def test_missing_or_damaged_files_lose_nothing_else(tmp_path: Path) -> None:
    assert load_annotations(tmp_path, UID) == []
    path = annotation_file(tmp_path, UID)
    path.write_text(json.dumps({"items": [
        {"tool": "line", "frame": 0, "points": [[0, 0], [1, 1]], "text": "1 mm"},
        {"tool": "nonsense", "frame": 0, "points": []}]}), encoding="utf-8")
    assert [m.text for m in load_annotations(tmp_path, UID)] == ["1 mm"]
    path.write_text("{ not json", encoding="utf-8")
    assert load_annotations(tmp_path, UID) == []
    assert annotation_file(tmp_path, "../../etc/passwd").parent == tmp_path  # no escape
