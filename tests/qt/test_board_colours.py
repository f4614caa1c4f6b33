"""The board's colours: one per state meaning, apart from the turnaround colours, readable
(WCAG contrast ≥ 4.5) on the light and the dark theme's table rows."""

from __future__ import annotations

import colorsys
from itertools import combinations

import pytest

from tiered_workstation.qt.status.board_colours import (
    DARK,
    LIGHT,
    STATE_MEANING,
    board_colours,
    contrast_ratio,
    relative_luminance,
)
from tiered_workstation.qt.theme import THEMES
from tiered_workstation.storage.enums import ExamState
from tiered_workstation.workflow.tat import TatStatus

CHROMATIC = 0.4  # HLS saturation from which a colour has a hue a person names


def hue_saturation(colour: str) -> tuple[float, float]:
    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    hue, _lightness, saturation = colorsys.rgb_to_hls(r, g, b)
    return hue * 360, saturation


def hue_distance(first: str, second: str) -> float:
    distance = abs(hue_saturation(first)[0] - hue_saturation(second)[0])
    return min(distance, 360 - distance)


def chromatic(colour: str) -> bool:
    return hue_saturation(colour)[1] >= CHROMATIC


def test_wcag_luminance_and_contrast_of_known_colours() -> None:
    assert relative_luminance("#ffffff") == pytest.approx(1.0)
    assert relative_luminance("#000000") == pytest.approx(0.0)
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#ffffff", "#777777") == contrast_ratio("#777777", "#ffffff")


@pytest.mark.parametrize("theme", [LIGHT, DARK])
def test_every_state_and_turnaround_has_a_colour(theme: str) -> None:
    colours = board_colours(theme)
    assert set(colours.state) == set(ExamState)
    assert set(colours.tat) == set(TatStatus)
    assert set(STATE_MEANING) == set(ExamState)


@pytest.mark.parametrize("theme", [LIGHT, DARK])
def test_states_share_a_colour_only_when_they_mean_the_same(theme: str) -> None:
    state = board_colours(theme).state
    for first, second in combinations(ExamState, 2):
        same_meaning = STATE_MEANING[first] is STATE_MEANING[second]
        assert (state[first] == state[second]) is same_meaning, (first, second)
        if same_meaning:
            continue
        a, b = state[first], state[second]
        if chromatic(a) and chromatic(b):
            assert hue_distance(a, b) >= 25, (first, second, a, b)
        elif not chromatic(a) and not chromatic(b):
            assert contrast_ratio(a, b) >= 2, (first, second, a, b)  # light vs dark grey


@pytest.mark.parametrize("theme", [LIGHT, DARK])
def test_state_colours_do_not_clash_with_turnaround_colours(theme: str) -> None:
    colours = board_colours(theme)
    tat = {foreground for foreground, _background in colours.tat.values()}
    assert not set(colours.state.values()) & tat
    for state, colour in colours.state.items():
        for status_colour in tat:
            if chromatic(colour) and chromatic(status_colour):
                assert hue_distance(colour, status_colour) >= 30, (state, colour, status_colour)


@pytest.mark.parametrize("theme", [LIGHT, DARK])
def test_every_colour_is_readable_on_the_theme_rows(theme: str) -> None:
    rows = (THEMES[theme].surface, THEMES[theme].alternate)
    colours = board_colours(theme)
    for state, colour in colours.state.items():
        for background in rows:
            assert contrast_ratio(colour, background) >= 4.5, (state, colour, background)
    for status, (foreground, cell) in colours.tat.items():
        for background in (cell,) if cell else rows:
            assert contrast_ratio(foreground, background) >= 4.5, (status, foreground)
    for background in rows:
        assert contrast_ratio(colours.urgent, background) >= 4.5
