"""Building the installers for the tests, and running what they install."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PREVIOUS_RELEASE = ("0.1.0", "d3fbbee8c40f4076c5714cf4c69580ed966c1570")  # schema 0010


@dataclass(frozen=True)
class Build:
    bundle: Path  # the folder holding the tiered-ws program
    deb: Path
    version: str


def build_env() -> dict[str, str]:
    """The build's environment: Qt importable again (the core suite blocks it)."""
    return {k: v for k, v in os.environ.items() if k != "TW_BLOCK_QT"}


def plain_env(home: Path, **extra: str) -> dict[str, str]:
    """What a user's shell has: no virtual environment, no PYTHONPATH."""
    return {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
            **extra}


def build_installers(out: Path, source: Path) -> Build:
    run = subprocess.run([sys.executable, str(ROOT / "installers" / "build.py"), "all",
                          "--out", str(out), "--source", str(source)], env=build_env(),
                         capture_output=True, text=True, timeout=1800)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-5000:]
    [deb] = out.glob("tiered-ws_*.deb")
    return Build(bundle=out / "bundle" / "tiered-ws", deb=deb,
                 version=deb.name.split("_")[1])


def extract(deb: Path, root: Path) -> Path:
    """Unpack the package's files into ``root``, as dpkg would, minus its scripts."""
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True, timeout=600)
    return root
