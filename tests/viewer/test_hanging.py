"""Hanging protocols from editable rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tiered_workstation.viewer.hanging import Placement, choose, load_rules, parse_rules, save_rules
from tiered_workstation.viewer.series import InstanceRef, Series

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
