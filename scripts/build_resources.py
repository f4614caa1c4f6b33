"""Build what the package loads at run time from the sources in resources/.

    .venv/bin/python scripts/build_resources.py            # the package's files
    .venv/bin/python scripts/build_resources.py --icons    # also re-render the PNG icons

resources/ holds the sources: icons (SVG, and the PNG sizes rendered from the
application icon), the desktop entry and AppStream metadata, the alert-sound
generator, the translation source (.ts) and the report's default logo and seal.
The package keeps only what it loads: the SVG icons, the WAV sounds, the compiled
translation (.qm) and the report images. scripts/setup.sh runs this script, so
both quick-start commands and CI build them; the package's copies are not in git.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
PACKAGE = ROOT / "src" / "tiered_workstation"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
APP_ICON = RESOURCES / "icons" / "app" / "tiered-ws.svg"


def hicolor_png(size: int) -> Path:
    """Where the application icon's PNG of one size lives in resources/."""
    return RESOURCES / "icons" / "app" / "hicolor" / f"{size}x{size}" / "apps" / "tiered-ws.png"


def copy_tree(source: Path, target: Path) -> list[Path]:
    copied = []
    for path in sorted(source.rglob("*")):
        if path.is_file():
            out = target / path.relative_to(source)
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, out)
            copied.append(out)
    return copied


def build_icons() -> list[Path]:
    """Viewer tool icons and the application/tray icons (SVG) into ``qt/icons``."""
    shutil.rmtree(PACKAGE / "qt" / "icons", ignore_errors=True)
    built = copy_tree(RESOURCES / "icons" / "viewer", PACKAGE / "qt" / "icons" / "viewer")
    app = PACKAGE / "qt" / "icons" / "app"
    app.mkdir(parents=True, exist_ok=True)
    for svg in sorted((RESOURCES / "icons" / "app").glob("*.svg")):
        shutil.copyfile(svg, app / svg.name)
        built.append(app / svg.name)
    return built


def build_sounds() -> list[Path]:
    spec = importlib.util.spec_from_file_location(
        "make_alert_sounds", RESOURCES / "sounds" / "make_alert_sounds.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.write_all(PACKAGE / "qt" / "sounds")


def build_translations() -> list[Path]:
    folder = PACKAGE / "qt" / "translations"
    folder.mkdir(parents=True, exist_ok=True)
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    built = []
    for source in sorted((RESOURCES / "translations").glob("*.ts")):
        target = folder / source.with_suffix(".qm").name
        subprocess.run([str(lrelease), str(source), "-qm", str(target)], check=True,
                       capture_output=True, timeout=120)
        built.append(target)
    return built


def build_report_assets() -> list[Path]:
    target = PACKAGE / "printing" / "assets"
    target.mkdir(parents=True, exist_ok=True)
    built = []
    for name in ("logo.png", "seal.png"):
        shutil.copyfile(RESOURCES / "report" / name, target / name)
        built.append(target / name)
    return built


def render_app_icons() -> list[Path]:
    """The application icon's PNG sizes (hicolor layout), rendered from its SVG by QtSvg."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (kept alive)
    renderer = QSvgRenderer(str(APP_ICON))
    written = []
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = hicolor_png(size)
        path.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(path), "PNG")
        written.append(path)
    from PIL import Image  # the Windows installer's icon, from the largest PNG

    ico = APP_ICON.with_suffix(".ico")
    Image.open(hicolor_png(256)).save(ico, sizes=[(s, s) for s in ICON_SIZES if s <= 256])
    return [*written, ico]


def build(*, icons: bool = False) -> list[Path]:
    built = render_app_icons() if icons else []
    return (built + build_icons() + build_sounds() + build_translations()
            + build_report_assets())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--icons", action="store_true",
                        help="also re-render the application icon's PNG sizes in resources/")
    parser.add_argument("--quiet", action="store_true", help="print only the count")
    args = parser.parse_args()
    built = build(icons=args.icons)
    if args.quiet:
        print(f"[resources] built {len(built)} files into the package")
    else:
        for path in built:
            print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
