"""How much of an image is windowed for the screen."""

from __future__ import annotations

import pytest

from tiered_workstation.viewer.view import fit_scale, fit_step


@pytest.mark.parametrize(("image", "viewport", "zoom", "step"), [
    ((3000, 3000), (1042, 1200), 1.0, 3),    # a DX fitted to a laptop's viewer: every third
    ((3000, 3000), (1042, 1200), 3.0, 1),    # zoomed in: every pixel
    ((512, 512), (1042, 1200), 1.0, 1),      # CT enlarged: every pixel
    ((3000, 3000), (2000, 2000), 1.0, 2),
])
def test_fit_step(image, viewport, zoom, step) -> None:
    assert fit_step(image, viewport, zoom) == step


def test_fit_scale_uses_the_tighter_side() -> None:
    assert fit_scale((3000, 2000), (1000, 1000)) == pytest.approx(1 / 3)
