"""Hanging protocols from editable rules."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pydicom.dataset import Dataset

from tiered_workstation.dicom.scu import Target
from tiered_workstation.simulator.modality import ModalitySimulator, SimulatorOptions
from tiered_workstation.viewer.hanging import Placement, choose, load_rules, parse_rules, save_rules
from tiered_workstation.viewer.series import InstanceRef, Series, open_paths

RULES = load_rules()


def series(modality: str, views: list[str], body_part: str = "CHEST",
           one_series: bool = False) -> list[Series]:
    def ref(n: int, view: str) -> InstanceRef:
        return InstanceRef(Path(f"{n}.dcm"), f"1.{n}", n + 1, None, None, 10, 10, 1, view)
    if one_series:
        return [Series("1.9", "1.1", modality, "", 1,
                       [ref(n, v) for n, v in enumerate(views)], body_part)]
    return [Series(f"1.9.{n}", "1.1", modality, "", n + 1, [ref(n, v)], body_part)
            for n, v in enumerate(views)]


def test_chest_lateral_first_still_hangs_pa_on_the_left() -> None:
    hanging = choose(series("DX", ["LL", "PA"]), RULES)
    assert (hanging.rule, hanging.layout) == ("Chest PA + lateral", "1x2")
    assert hanging.placements == (Placement(1, None), Placement(0, None))


def test_one_series_of_two_images_is_split_across_viewports() -> None:
    hanging = choose(series("DX", ["LL", "PA"], one_series=True), RULES)
    assert hanging.placements == (Placement(0, 1), Placement(0, 0))


def simulator_study(folder: Path) -> list[Path]:
    """What the simulated DR sends for one worklist item, saved as files (lateral first,
    as a folder listing may well give them)."""
    target = Target("CH01_PACS", "127.0.0.1", 1)  # not called: the images are made offline
    console = ModalitySimulator(SimulatorOptions(worklist=target, store=target, size=64),
                                clock=lambda: datetime(2026, 11, 28, 1, 0, tzinfo=UTC))
    item = Dataset()
    item.AccessionNumber, item.PatientName, item.PatientID = "CM012611280002", "王^芳", "P2"
    paths = []
    for ds in reversed(console.images_for(item)):
        paths.append(folder / f"{ds.SeriesDescription}.dcm")
        ds.save_as(paths[-1], enforce_file_format=True)
    return paths


def test_the_simulators_pa_and_lateral_hang_side_by_side(tmp_path: Path) -> None:
    opened = open_paths(simulator_study(tmp_path)).series
    hanging = choose(opened, RULES)
    assert (hanging.rule, hanging.layout) == ("Chest PA + lateral", "1x2")
    left, right = (opened[p.series] for p in hanging.placements)
    assert left is not right                                # two series, two viewports
    assert all(p.instance is None for p in hanging.placements)
    assert (left.instances[0].view_position, left.description) == ("PA", "Chest PA")
    assert (right.instances[0].view_position, right.description) == ("LL", "Chest LAT")


def test_a_retaken_pa_does_not_push_the_lateral_out() -> None:
    hanging = choose(series("DX", ["PA", "PA", "LL"]), RULES)
    assert hanging.placements == (Placement(0, None), Placement(2, None))


def test_knee_and_ct_and_the_fallback() -> None:
    assert choose(series("CR", ["AP", "LL"], body_part="KNEE"), RULES).rule == \
        "Two-view radiograph"
    ct = choose(series("CT", ["", ""]), RULES)
    assert (ct.rule, ct.layout, len(ct.placements)) == ("CT or MR stack", "1x1", 1)
    unknown = choose(series("US", ["", ""]), RULES)
    assert (unknown.layout, unknown.placements) == ("1x1", (Placement(0, None),))


def test_a_site_file_replaces_the_rules_and_a_bad_one_is_named(tmp_path: Path) -> None:
    own = tmp_path / "hanging_protocols.json"
    own.write_text(json.dumps([{"name": "All DX in a grid", "modalities": ["DX"],
                                "views": 1, "layout": "2x2"}]), encoding="utf-8")
    hanging = choose(series("DX", ["PA", "LL", "AP"]), load_rules(own))
    assert (hanging.rule, hanging.layout, len(hanging.placements)) == (
        "All DX in a grid", "2x2", 3)
    own.write_text(json.dumps([{"name": "x", "modalities": ["DX"], "layout": "3x3"}]),
                   encoding="utf-8")
    with pytest.raises(ValueError, match="rule 1 is not valid: layout must be one of"):
        load_rules(own)


def test_rules_saved_by_the_editor_read_back_the_same(tmp_path: Path) -> None:
    shipped = load_rules()
    path = save_rules(tmp_path / "site" / "hanging_protocols.json", shipped)
    assert load_rules(path) == shipped                     # body part "not stated" kept too
    assert "" in next(r for r in load_rules(path) if r.name == "Chest PA + lateral").body_parts
    assert list(tmp_path.joinpath("site").iterdir()) == [path]   # no temporary left over


@pytest.mark.parametrize(("raw", "said"), [
    ({"name": " ", "modalities": ["DX"], "layout": "1x1"}, "needs a name"),
    ({"name": "x", "modalities": [" "], "layout": "1x1"}, "at least one modality"),
    ({"name": "x", "modalities": ["DX"], "views": 3, "layout": "1x2"}, "1 to 2 views, not 3"),
    ({"name": "x", "layout": "1x1"}, "modalities"),
])
def test_a_wrong_rule_is_named_with_what_is_wrong(raw: dict, said: str) -> None:
    fine = {"name": "ok", "modalities": ["CT"], "layout": "1x1"}
    with pytest.raises(ValueError, match=f"rule 2 is not valid: .*{said}"):
        parse_rules([fine, raw])
