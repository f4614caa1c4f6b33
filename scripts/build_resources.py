"""Copy resources/icons (the icons as taken from their open sets) into the package, where
the application loads them at run time; tests/qt/test_viewer_icons.py checks they match."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons"
TARGET = ROOT / "src" / "tiered_workstation" / "qt" / "icons"


def build() -> list[Path]:
    copied = []
    for path in sorted(SOURCE.rglob("*")):
        if path.is_file():
            target = TARGET / path.relative_to(SOURCE)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            copied.append(target)
    return copied


if __name__ == "__main__":
    for path in build():
        print(path.relative_to(ROOT))
