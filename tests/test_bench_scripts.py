"""Every benchmark still starts: each script's --help runs (its imports resolve).
Modules the scripts share are named with a leading underscore."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"


@pytest.mark.parametrize("script", sorted(p.name for p in BENCH.glob("*.py")
                                           if not p.name.startswith("_")))
def test_the_benchmark_starts(script: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != "TW_BLOCK_QT"}  # some draw Qt pages
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run([sys.executable, str(BENCH / script), "--help"], cwd=BENCH,
                            capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "usage" in result.stdout.lower()
