"""Chest radiographs drawn from smooth anatomy: a PA (frontal) and a left lateral.

Both are in display orientation, MONOCHROME2 (bright = dense), 12 bits, as a DR
console stores them.  The PA is seen as if facing the patient (the patient's
right on the viewer's left): neck and sloping shoulders, two lung fields with
vessels, clavicles and ribs, the mediastinum and spine in the middle, the heart
to the patient's left, two diaphragm domes.  The left lateral is seen from the
patient's left side, facing the viewer's left: a body about 60 % as wide, one
lung field (both lungs superimposed) with the sternum in front and the
vertebral column at the back, the heart in front and low, the trachea as a
dark band, two diaphragm contours falling towards the back, a gastric bubble,
and the raised arms crossing the top.

Coordinates are fractions of the (square) detector: x from the image's left,
y from its top.  Anatomy is drawn at half resolution, noise at full.
"""

from __future__ import annotations

import numpy as np

Grid = tuple[np.ndarray, np.ndarray]


def chest_pixels(size: int = 3000, seed: int = 0, view: str = "PA") -> np.ndarray:
    """A 12-bit chest radiograph of ``view`` as uint16 (bright = dense, as in MONOCHROME2):
    LL a left lateral, RL the same seen from the right, anything else a PA."""
    rng = np.random.default_rng(seed)
    half = (size + 1) // 2  # smooth anatomy at half resolution, noise at full
    y, x = np.mgrid[0:half, 0:half].astype(np.float32) / half
    image = _lateral(x, y) if view.upper() in ("LL", "RL") else _frontal(x, y)
    if view.upper() == "RL":
        image = image[:, ::-1]  # seen from the right: facing the viewer's right
    image = np.repeat(np.repeat(image, 2, axis=0), 2, axis=1)[:size, :size]
    image += _quantum_noise(image, rng)
    return np.clip(image, 0, 4095).astype(np.uint16)


def _step(distance: np.ndarray, edge: float) -> np.ndarray:
    """1 inside (``distance`` > 0), 0 outside, with a soft edge ``edge`` wide."""
    return 1 / (1 + np.exp(-np.clip(distance / edge, -30, 30)))


def _gauss(value: np.ndarray, centre: float, width: float) -> np.ndarray:
    return np.exp(-((value - centre) / width) ** 2)


def _thickness(offset: np.ndarray, half_width: np.ndarray) -> np.ndarray:
    """Path length through a rounded body, 1 at its middle, 0 at its surface."""
    inside = np.clip(1 - (offset / np.maximum(half_width, 1e-3)) ** 2, 0, 1)
    return np.sqrt(inside) * _step(half_width - np.abs(offset), 0.006)


def _frontal(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """A PA chest: the patient's right lung on the image's left."""
    u = x - 0.5  # towards the patient's left
    side = np.abs(u)
    # the neck, sloping shoulders, then a chest wall narrowing a little to the waist
    wall = 0.09 + 0.34 * _step(y - 0.11, 0.03) - 0.04 * np.clip(y - 0.45, 0, None)
    body = _thickness(u, wall)
    outer = wall - 0.035  # ribs and muscle between the lung and the skin
    apex = 0.10 + 3.0 * (side - 0.19) ** 2
    dome = 0.675 + 0.015 * np.tanh(u / 0.03)  # the right hemidiaphragm stands higher
    base = dome + 2.4 * (side - 0.17) ** 2
    # the superior mediastinum with the aortic knob on the left; the heart below it,
    # its right border just beside the spine, its left border out to the apex
    knob = 0.045 + 0.03 * _step(y - 0.16, 0.03) + 0.035 * _gauss(y, 0.29, 0.04) * _step(u, 0.01)
    mediastinum = _step(knob - side, 0.008) * _step(0.68 - y, 0.03)
    left = np.clip((y - 0.36) / 0.36, 0, 1) ** 2.1
    right = np.clip((y - 0.46) / 0.3, 0, 1)
    heart = np.where(u > 0, _step(0.06 + 0.15 * np.sin(np.pi * left) - u, 0.008),
                     _step(0.05 + 0.045 * np.sin(np.pi * right) + u, 0.008)) \
        * _step(y - np.where(u > 0, np.float32(0.38), np.float32(0.47)), 0.02)
    lungs = (_step(outer - side, 0.01) * _step(y - apex, 0.008) * _step(base - y, 0.008)
             * (1 - mediastinum) * (1 - heart))
    spine = _gauss(u, 0, 0.03) * (0.75 + 0.25 * np.cos(np.pi * y / 0.062) ** 8)
    trachea = _gauss(u, 0, 0.014) * _step(0.32 - y, 0.02)
    # posterior ribs leave the spine, rise a little, then fall towards the sides;
    # the anterior ribs fall the other way and fade before the costal cartilage
    posterior = ((0.5 + 0.5 * np.cos(2 * np.pi * (y - 1.4 * (side - 0.12) ** 2) / 0.078))
                 ** 10 * _step(side - 0.03, 0.01))
    anterior = ((0.5 + 0.5 * np.cos(2 * np.pi * (y + 0.35 * side) / 0.085)) ** 12
                * _step(side - 0.18, 0.04))
    # below the diaphragm the dense abdomen leaves the lowest ribs faint
    ribs = ((posterior + 0.4 * anterior) * _step(outer + 0.02 - side, 0.01)
            * _step(y - 0.13, 0.01) * _step(0.84 - y, 0.03) * (1 - 0.6 * _step(y - base, 0.01)))
    clavicles = _gauss(y, 0.18 - 0.2 * (side - 0.03) + 0.2 * (side - 0.03) ** 2, 0.011) \
        * _step(side - 0.03, 0.01) * _step(0.34 - side, 0.02)
    return (350 + 2600 * body - 1450 * lungs * body + 150 * (heart + mediastinum) * body
            + 450 * spine * body - 450 * trachea + 350 * ribs * body + 550 * clavicles * body
            + 500 * lungs * _vessels(x.shape, ((0.40, 0.40), (0.61, 0.42)), (-1.3, 1.4)))


def _vessels(shape: tuple[int, int], hila: tuple[tuple[float, float], ...],
             spread: tuple[float, float]) -> np.ndarray:
    """Pulmonary vessels: trees branching out of each hilum (x, y), thinning and fading
    towards the periphery; ``spread`` is the range of directions of the main branches
    (radians, 0 = the image's right, π/2 = down)."""
    rng = np.random.default_rng(20261128)  # the same patient in every image
    out = np.zeros(shape, np.float32)
    n = shape[0]
    for hx, hy in hila:
        low, high = spread if hx >= 0.5 else (np.pi - spread[1], np.pi - spread[0])
        stack = [(hx, hy, float(a), 0.07, 0.011, 0)
                 for a in np.linspace(low, high, 7) + rng.normal(0, 0.1, 7)]
        while stack:
            x0, y0, angle, length, width, depth = stack.pop()
            x1, y1 = x0 + length * np.cos(angle), y0 + length * np.sin(angle)
            _segment(out, n, (x0, y0, x1, y1), width, width / 0.011)
            if depth < 4:
                for turn in (-0.45, 0.45):
                    stack.append((x1, y1, angle + turn + rng.normal(0, 0.12),
                                  length * rng.uniform(0.7, 0.85), width * 0.7, depth + 1))
    return out


def _segment(out: np.ndarray, n: int, ends: tuple[float, float, float, float], width: float,
             weight: float) -> None:
    """Add a line from (x0, y0) to (x1, y1) with a Gaussian profile ``width`` wide."""
    x0, y0, x1, y1 = ends
    pad = 3 * width
    c0, c1 = (max(int((min(x0, x1) - pad) * n), 0), min(int((max(x0, x1) + pad) * n) + 1, n))
    r0, r1 = (max(int((min(y0, y1) - pad) * n), 0), min(int((max(y0, y1) + pad) * n) + 1, n))
    if c0 >= c1 or r0 >= r1:
        return
    y, x = np.mgrid[r0:r1, c0:c1].astype(np.float32) / n
    dx, dy = x1 - x0, y1 - y0
    t = np.clip(((x - x0) * dx + (y - y0) * dy) / max(dx * dx + dy * dy, 1e-9), 0, 1)
    distance = np.hypot(x - x0 - t * dx, y - y0 - t * dy)
    np.maximum(out[r0:r1, c0:c1], weight * np.exp(-(distance / width) ** 2),
               out=out[r0:r1, c0:c1])


def _lateral(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """A left lateral chest: anterior on the image's left, the spine on its right."""
    front = 0.27 + 0.07 * _gauss(y, 0.0, 0.12) - 0.015 * _gauss(y, 0.45, 0.2)  # neck, sternum
    back = 0.76 - 0.08 * _gauss(y, 0.0, 0.13) + 0.015 * _gauss(y, 0.35, 0.2)   # kyphosis
    middle, depth = (front + back) / 2, (back - front) / 2
    body = _thickness(x - middle, depth)
    sternum_x = 0.30 - 0.03 * (y - 0.15)
    apex = 0.10 + 3.0 * (x - 0.5) ** 2
    # both hemidiaphragms, the right a little higher, falling to the posterior sulci
    bases = [level + 2.1 * np.clip(x - 0.40, 0, None) ** 2
             + 0.6 * np.clip(0.40 - x, 0, None) ** 2 for level in (0.60, 0.625)]
    anterior, posterior = sternum_x + 0.02, back - 0.035
    field = _step(x - anterior, 0.01) * _step(posterior - x, 0.012) * _step(y - apex, 0.01)
    du, dv = x - 0.43, y - 0.54
    heart = _step(1 - (du / 0.14) ** 2 - (dv / 0.13) ** 2 + 0.8 * du * dv, 0.1) \
        * _step(bases[0] + 0.01 - y, 0.01)
    lungs = field * 0.5 * sum(_step(b - y, 0.006) for b in bases) * (1 - 0.45 * heart)
    aorta = (_gauss(np.hypot(x - 0.53, y - 0.30), 0.075, 0.016) * _step(0.33 - y, 0.03)
             + _gauss(x, 0.59, 0.018) * _step(y - 0.3, 0.02) * _step(bases[0] - y, 0.02))
    trachea = _gauss(x, 0.49 + 0.12 * y, 0.016) * _step(0.36 - y, 0.015)
    # the vertebral column: bodies along the kyphosis, disc spaces, posterior arches
    axis = 0.63 + 0.045 * np.sin(np.pi * np.clip(y + 0.05, 0, 1))
    discs = 0.45 + 0.55 * _step(np.cos(2 * np.pi * y / 0.064) + 0.8, 0.15)
    bodies = _step(0.036 - np.abs(x - axis), 0.006) * discs
    cortex = _gauss(np.abs(x - axis), 0.036, 0.006) * discs
    arches = _gauss(x, axis + 0.075, 0.03) * (0.6 + 0.4 * np.cos(2 * np.pi * y / 0.064) ** 2)
    sternum = _gauss(x, sternum_x, 0.008 + 0.01 * _gauss(y, 0.17, 0.04)) \
        * _step(y - 0.12, 0.01) * _step(0.55 - y, 0.02)
    ribs = ((0.5 + 0.5 * np.cos(2 * np.pi * (y + 0.45 * (axis - x)) / 0.075)) ** 12
            * field * _step(x - 0.5, 0.04) * _step(0.72 - y, 0.04))
    gastric = _step(1 - ((x - 0.40) / 0.045) ** 2 - ((y - bases[1] - 0.035) / 0.022) ** 2,
                    0.2)
    # the raised arms (the two a little apart) leave the shoulders up and forwards
    arms = humeri = np.zeros_like(x)
    for shoulder in (0.50, 0.57):
        along, across = _arm_frame(x - shoulder, y - 0.24)
        start = _step(along, 0.03)
        arms = arms + _thickness(across, np.full_like(x, 0.08)) * start
        humeri = humeri + (_thickness(across, np.full_like(x, 0.022))
                           + _gauss(np.abs(across), 0.02, 0.004)) * start
    return (350 + 2800 * body + 700 * arms * (1 - 0.5 * body) + 250 * humeri
            - 1150 * lungs * body + 400 * heart * body + 200 * aorta + 600 * bodies
            + 300 * cortex + 250 * arches * body - 400 * trachea + 300 * sternum
            + 180 * ribs - 500 * gastric * body
            + 400 * lungs * _vessels(x.shape, ((0.49, 0.40), (0.53, 0.42)), (-1.5, 1.8)))


def _arm_frame(dx: np.ndarray, dy: np.ndarray) -> Grid:
    """Distance along and across a line from a shoulder up and forwards (30° forward)."""
    cos, sin = -0.6 / 1.16619, -1.0 / 1.16619  # the unit vector (-0.6, -1)
    along = dx * cos + dy * sin
    across = dx * sin - dy * cos
    return along, across


def _quantum_noise(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Photon noise as a detector records it, in the log-processed grey scale.

    Behind dense anatomy fewer photons arrive, so after the log transform the
    noise grows with the grey value: σ doubles every ~1400 grey levels, from
    about 10 in the direct-exposure background to 60-80 behind the spine and
    heart (2000 grey levels per unit of attenuation).  The scintillator spreads each
    photon over neighbouring pixels, so the noise is spatially correlated
    (a 1-2-1 blur each way, renormalised to keep σ).  White noise of one σ
    everywhere — the older model — made images compress at 2.1:1, below the
    2.5-3.5:1 that JPEG-LS reaches on clinical chest radiographs.
    """
    noise = rng.standard_normal(image.shape, dtype=np.float32)
    for axis in (0, 1):
        noise = 0.5 * noise + 0.25 * (np.roll(noise, 1, axis) + np.roll(noise, -1, axis))
    noise /= 0.375  # the 2-D 1-2-1 blur keeps 0.375² of the variance
    sigma = 10 * np.exp((image - 350) / 2000, dtype=np.float32)
    return sigma * noise
