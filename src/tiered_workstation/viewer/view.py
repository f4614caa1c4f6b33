"""Viewport geometry: how much of an image is on screen, and at what sampling.

Windowing only what the screen can show keeps a window/level step within a
frame time: a 3000² radiograph fitted to a 1080-line screen is windowed at
every second pixel (Qt smooths the rest), and at full resolution once zoomed in.
"""

from __future__ import annotations


def fit_scale(image: tuple[int, int], viewport: tuple[int, int]) -> float:
    """Screen pixels per image pixel when the image fits the viewport (rows, columns)."""
    return min(viewport[0] / max(image[0], 1), viewport[1] / max(image[1], 1))


def fit_step(image: tuple[int, int], viewport: tuple[int, int], zoom: float = 1.0) -> int:
    """Sampling step for an image shown at ``zoom`` × the fitted size: 1 when each image
    pixel gets a screen pixel or more, else about how many image pixels share one
    (rounded: a 3000² image on 1042 lines is sampled at every third pixel and drawn
    4 % larger, rather than at every second and shrunk by 30 % at paint time)."""
    scale = fit_scale(image, viewport) * zoom
    return max(1, round(1.0 / scale)) if scale < 1.0 else 1
