"""The Inno Setup script (untested on Windows) names only files that exist in the
bundle's layout, ``tiered-ws.exe`` standing for the Linux ``tiered-ws``."""

from __future__ import annotations

import re
from pathlib import Path

from install.builds import ROOT, Build
from tiered_workstation import __version__

SCRIPT = ROOT / "installers" / "windows" / "tiered-ws.iss"


def _defines(text: str) -> dict[str, str]:
    return dict(re.findall(r'^#define (\w+) "([^"]*)"', text, flags=re.M))


def _linux_path(windows: str, defines: dict[str, str], bundle: Path) -> Path:
    for name, value in defines.items():
        windows = windows.replace("{#" + name + "}", value)
    path = windows.replace("\\", "/").removesuffix(".exe")
    bundle_prefix = "../../build/bundle/tiered-ws"
    if path.startswith(bundle_prefix):
        return bundle / path.removeprefix(bundle_prefix).lstrip("/")
    return (SCRIPT.parent / path).resolve()


def test_every_source_file_exists_in_the_bundle_layout(current_build: Build) -> None:
    text = SCRIPT.read_text(encoding="utf-8")
    defines = _defines(text)
    assert defines["AppVersion"] == __version__
    sources = re.findall(r'^Source: "([^"]+)"', text, flags=re.M)
    sources += re.findall(r"^(?:SetupIconFile|LicenseFile)=(.+)$", text, flags=re.M)
    assert len(sources) >= 4
    for source in sources:
        path = _linux_path(source, defines, current_build.bundle)
        if path.name == "*":
            assert any(path.parent.iterdir()), source
        else:
            assert path.is_file(), f"{source} -> {path}"
    # the shortcuts start the program the [Files] section installs, with its icon
    installed = {Path(_linux_path(s, defines, current_build.bundle)).name for s in sources}
    for target in re.findall(r'(?:Filename|IconFilename): "\{app\}\\([^"]+)"', text):
        assert target.removesuffix(".exe") in installed, target
