"""Build the desktop bundle and the Debian package.

    .venv/bin/python installers/build.py bundle   # build/bundle/tiered-ws/ (PyInstaller)
    .venv/bin/python installers/build.py deb      # build/tiered-ws_<version>_<arch>.deb
    .venv/bin/python installers/build.py all      # both

The bundle is PyInstaller's one-folder layout: ``tiered-ws`` (the program) beside
``_internal/`` (Python, Qt with its plugins, VTK, the codecs, the CJK font and the
package's own files). The .deb installs that folder as /usr/lib/tiered-ws with
``/usr/bin/tiered-ws``, the desktop entry, icons, AppStream metadata, a manual page
and the ``tiered-ws-node@.service`` unit. ``--source DIR`` bundles another source
tree (``DIR/src``) instead of this one; the upgrade test builds an older release so.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "installers"
RESOURCES = ROOT / "resources"
DESKTOP_ID = "org.tieredworkstation.TieredWorkstation"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def program_version(source: Path) -> str:
    """The version in ``source``'s package (its ``__init__``), without importing it."""
    for line in (source / "src" / "tiered_workstation" / "__init__.py").read_text() \
            .splitlines():
        if line.startswith("__version__"):
            return line.split("=", 1)[1].strip().strip("\"'")
    raise SystemExit(f"no __version__ in {source}")


def build_bundle(out: Path, source: Path = ROOT) -> Path:
    """PyInstaller's one-folder bundle of ``source`` into ``out/tiered-ws``."""
    work = out.parent / f"{out.name}-work"
    env = {**os.environ, "TW_BUNDLE_SOURCE": str(source / "src")}
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(out), "--workpath", str(work),
                    str(HERE / "pyinstaller" / "tiered-ws.spec")], check=True, env=env,
                   cwd=ROOT, timeout=1800)
    shutil.rmtree(work, ignore_errors=True)
    return out / "tiered-ws"


def _install(source: Path, target: Path, mode: int = 0o644) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    target.chmod(mode)


def _gzip(source: bytes, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0,
                                                  compresslevel=9) as out:
        out.write(source)
    target.chmod(0o644)


def _architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()


def stage_deb(bundle: Path, root: Path, version: str) -> Path:
    """Lay out the package's files under ``root`` (its future /) with DEBIAN/."""
    shutil.rmtree(root, ignore_errors=True)
    lib = root / "usr" / "lib" / "tiered-ws"
    shutil.copytree(bundle, lib, symlinks=True)
    for path in lib.rglob("*"):  # programs 0755; libraries and data 0644 (Debian policy)
        if path.is_file() and not path.is_symlink():
            library = path.suffix == ".so" or ".so." in path.name
            program = bool(path.stat().st_mode & 0o111) and not library
            path.chmod(0o755 if program else 0o644)
        elif path.is_dir():
            path.chmod(0o755)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / "tiered-ws").symlink_to("../lib/tiered-ws/tiered-ws")
    share = root / "usr" / "share"
    _install(RESOURCES / "desktop" / f"{DESKTOP_ID}.desktop",
             share / "applications" / f"{DESKTOP_ID}.desktop")
    _install(RESOURCES / "desktop" / f"{DESKTOP_ID}.metainfo.xml",
             share / "metainfo" / f"{DESKTOP_ID}.metainfo.xml")
    for size in ICON_SIZES:
        _install(RESOURCES / "icons" / "app" / "hicolor" / f"{size}x{size}" / "apps"
                 / "tiered-ws.png", share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
                 / "tiered-ws.png")
    _install(RESOURCES / "icons" / "app" / "tiered-ws.svg",
             share / "icons" / "hicolor" / "scalable" / "apps" / "tiered-ws.svg")
    debian = HERE / "debian"
    _install(debian / "tiered-ws-node@.service",
             root / "lib" / "systemd" / "system" / "tiered-ws-node@.service")
    _gzip((debian / "tiered-ws.1").read_text().replace("@VERSION@", version).encode(),
          share / "man" / "man1" / "tiered-ws.1.gz")
    doc = share / "doc" / "tiered-ws"
    _install(debian / "copyright", doc / "copyright")
    _gzip(_changelog(version).encode(), doc / "changelog.gz")
    _install(debian / "lintian-overrides", share / "lintian" / "overrides" / "tiered-ws")
    control = root / "DEBIAN"
    control.mkdir()
    size_kb = sum(p.stat().st_size for p in root.rglob("*")
                  if p.is_file() and not p.is_symlink()) // 1024
    (control / "control").write_text(
        (debian / "control.in").read_text().replace("@VERSION@", version)
        .replace("@ARCH@", _architecture()).replace("@SIZE@", str(size_kb)))
    for script in ("postinst", "prerm", "postrm"):
        _install(debian / script, control / script, 0o755)
    for path in (root, *(p for p in root.rglob("*") if p.is_dir())):
        path.chmod(0o755)
    return root


def _changelog(version: str) -> str:
    return (f"tiered-ws ({version}) stable; urgency=medium\n\n"
            f"  * Release {version}; see the project's README for what it holds.\n\n"
            " -- Tiered Workstation developers <maintainers@tieredworkstation.org>  "
            "Fri, 04 Dec 2026 00:00:00 +0000\n")


def build_deb(bundle: Path, out: Path, version: str) -> Path:
    """``out/tiered-ws_<version>_<arch>.deb`` from the bundle."""
    root = stage_deb(bundle, out / f"deb-root-{version}", version)
    package = out / f"tiered-ws_{version}_{_architecture()}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zgzip", "-z6", "--build", str(root),
                    str(package)], check=True, capture_output=True, timeout=1800)
    shutil.rmtree(root, ignore_errors=True)
    return package


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("bundle", "deb", "all"))
    parser.add_argument("--out", type=Path, default=ROOT / "build",
                        help="folder for the results (default: build/)")
    parser.add_argument("--source", type=Path, default=ROOT,
                        help="the source tree to build (default: this one)")
    args = parser.parse_args()
    out, source = args.out.absolute(), args.source.absolute()
    bundle = out / "bundle" / "tiered-ws"
    if args.what in ("bundle", "all") or not bundle.is_dir():
        bundle = build_bundle(out / "bundle", source)
        print(f"bundle: {bundle}")
    if args.what in ("deb", "all"):
        print(f"deb: {build_deb(bundle, out, program_version(source))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
