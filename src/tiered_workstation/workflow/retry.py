"""How long to wait before trying again something that failed for now."""

from __future__ import annotations

import random

FIRST_RETRY_S = 1.0


def backoff_seconds(attempts: int, ceiling: float, rng: random.Random | None = None) -> float:
    """Exponential backoff (1, 2, 4 … s up to ``ceiling``) with 50–100 % jitter, so
    sites coming back together do not all knock at once."""
    base = min(ceiling, FIRST_RETRY_S * 2 ** max(0, attempts - 1))
    return base * (0.5 + 0.5 * (rng or random).random())
