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


def test_a_stack_keeps_each_mark_on_its_own_file() -> None:
    import numpy as np
    from pydicom.dataset import Dataset

    from tiered_workstation.viewer.annotations import file_form, view_form
    from tiered_workstation.viewer.display import pixel_model
    from tiered_workstation.viewer.frames import DecodedImage

    header = Dataset()
    header.SOPInstanceUID, header.Rows, header.Columns = "1.1", 4, 4
    header.BitsAllocated, header.BitsStored, header.PixelRepresentation = 16, 12, 0
    header.PhotometricInterpretation, header.SamplesPerPixel = "MONOCHROME2", 1
    stack = DecodedImage(header, np.zeros((3, 4, 4), np.uint16), pixel_model(header),
                         (("1.1", 0), ("1.2", 0), ("1.3", 0)))
    drawn = [Measurement(Tool.LINE, 2, [(0, 0), (1, 1)], "1 mm", "1.1")]
    stored = file_form(drawn, stack)
    assert [(m.sop_instance_uid, m.frame) for m in stored] == [("1.3", 0)]  # slice 3's file
    # sorted the other way round (another viewer, or a reversed scroll): still on slice 3
    reversed_stack = DecodedImage(header, stack.frames, stack.model, stack.sources[::-1])
    assert [m.frame for m in view_form(stored, reversed_stack)] == [0]
    assert view_form([Measurement(Tool.LINE, 0, [], "", "9.9")], stack) == []
