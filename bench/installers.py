"""The installers: build time and size, and how fast the bundled program starts,
against the same program started from the development virtual environment.

    .venv/bin/python bench/installers.py [--runs 5] [--keep build/]

Builds the bundle and the .deb with installers/build.py (timed), then times, each
``--runs`` times, ``tiered-ws --version`` and ``tiered-ws gui --self-test`` (Qt, the
codecs, the first window, a VTK frame) from the bundle and from ``.venv/bin``, and
prints the medians and their ratio (bundle / virtual environment).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def _median_seconds(command: list[str], runs: int, env: dict[str, str], cwd: Path) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, cwd=cwd, check=True, capture_output=True, timeout=300)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each command (median)")
    parser.add_argument("--keep", type=Path, help="build into this folder and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tw-bench-installers-") as scratch:
        work = Path(scratch)
        out = (args.keep or work / "build").absolute()
        env = {k: v for k, v in os.environ.items() if k != "TW_BLOCK_QT"}
        start = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "installers" / "build.py"), "all", "--out",
                        str(out)], check=True, env=env, timeout=3600, capture_output=True)
        build_seconds = time.perf_counter() - start
        bundle = out / "bundle" / "tiered-ws"
        [deb] = out.glob("tiered-ws_*.deb")
        site = work / "site"
        subprocess.run([str(ROOT / ".venv" / "bin" / "tiered-ws"), "init", "--mode", "center",
                        "--site", "CH01", "--data-dir", str(site)], check=True,
                       capture_output=True, timeout=300)
        plain = {"PATH": "/usr/bin:/bin", "HOME": str(work), "LANG": "C.UTF-8",
                 "QT_QPA_PLATFORM": "offscreen"}
        rows = []
        for label, args_ in (("--version", ["--version"]),
                             ("gui --self-test", ["--config", str(site / "site.toml"), "gui",
                                                  "--self-test"])):
            bundled = _median_seconds([str(bundle / "tiered-ws"), *args_], args.runs, plain,
                                      work)
            venv = _median_seconds([str(ROOT / ".venv" / "bin" / "tiered-ws"), *args_],
                                   args.runs, {**plain, "PATH": f"{ROOT / '.venv' / 'bin'}:"
                                                               "/usr/bin:/bin"}, work)
            rows.append((label, bundled, venv))
        sizes = (f"Bundle: {_size(bundle) / 1e6:.0f} MB in "
                 f"{sum(1 for _ in bundle.rglob('*'))} files; .deb: {_size(deb) / 1e6:.0f} MB")
    print(f"Build (bundle + .deb): {build_seconds:.0f} s")
    print(sizes)
    print(f"{'command (median of ' + str(args.runs) + ')':<28}{'bundle':>10}{'venv':>10}"
          f"{'ratio':>8}")
    for label, bundled, venv in rows:
        print(f"{label:<28}{bundled:>9.2f}s{venv:>9.2f}s{bundled / venv:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
