"""The one-folder desktop bundle runs on its own: the version, the whole demo and the
desktop's first window, with no virtual environment on PATH."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pydicom
from PIL import Image, ImageStat

from install.builds import Build, plain_env
from tiered_workstation import __version__

# what a site needs from the bundle, by path inside it
CARRIED = (
    "tiered-ws-gui",  # the desktop's launcher (no console window on Windows)
    "_internal/PySide6/Qt/plugins/platforms/libqxcb.so",
    "_internal/PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "_internal/PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so",
    "_internal/PySide6/Qt/plugins/texttospeech/libqtexttospeech_speechd.so",
    "_internal/fonts/wqy-microhei.ttc",
    "_internal/tiered_workstation/qt/translations/tiered_workstation_zh_CN.qm",
    "_internal/tiered_workstation/qt/sounds/urgent.wav",
    "_internal/tiered_workstation/qt/icons/app/tiered-ws.svg",
    "_internal/tiered_workstation/storage/migrations/versions/0011_program_versions.py",
    "_internal/tiered_workstation/printing/assets/seal.png",
)


def _run(build: Build, *args: str, cwd: Path, timeout: float = 600,
         **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(build.bundle / "tiered-ws"), *args], cwd=cwd,
                          env=plain_env(cwd / "home", **env), capture_output=True, text=True,
                          timeout=timeout)


def test_the_bundle_carries_qt_plugins_codecs_font_and_the_packages_files(
        current_build: Build) -> None:
    missing = [p for p in CARRIED if not (current_build.bundle / p).is_file()]
    assert missing == []
    internal = current_build.bundle / "_internal"
    for extension in ("_libjpeg", "_openjpeg", "_CharLS", "rle/rle", "vtkmodules/vtkCommonCore"):
        assert list(internal.glob(f"{extension}.cpython-*.so")), extension
    assert not list(internal.rglob("*.pfb"))  # reportlab's unused Type 1 fonts are left out
    assert not (internal / "pytest").exists()
    assert not (internal / "hypothesis").exists()


def test_version_and_the_whole_demo_from_the_bundle(current_build: Build,
                                                    tmp_path: Path) -> None:
    version = _run(current_build, "--version", cwd=tmp_path, timeout=120)
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"tiered-ws {__version__}"
    launcher = subprocess.run([str(current_build.bundle / "tiered-ws-gui"), "--version"],
                              env=plain_env(tmp_path), capture_output=True, text=True,
                              timeout=120)
    assert launcher.stdout.strip() == f"tiered-ws {__version__}"  # with a command: the CLI
    demo = _run(current_build, "demo", cwd=tmp_path)
    assert demo.returncode == 0, demo.stdout[-3000:] + demo.stderr[-3000:]
    assert "Both sites agree:" in demo.stdout
    pdfs = sorted((tmp_path / "demo-data" / "cm01" / "prints").glob("*.pdf"))
    assert len(pdfs) == 2
    text = subprocess.run(["pdftotext", str(pdfs[0]), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "张三" in text or "李四" in text  # Chinese names survive the bundled font
    fonts = subprocess.run(["pdffonts", str(pdfs[0])], capture_output=True, text=True,
                           check=True).stdout
    assert "WenQuanYiMicroHei" in fonts
    images = sorted((tmp_path / "demo-data" / "ch01").rglob("*.dcm"))
    assert images
    assert pydicom.dcmread(images[0]).PatientName


def test_the_desktop_starts_from_the_bundle(current_build: Build, tmp_path: Path) -> None:
    site = tmp_path / "site"
    init = _run(current_build, "init", "--mode", "center", "--site", "CH09", "--data-dir",
                str(site), "--name", "市第九医院", cwd=tmp_path, timeout=120)
    assert init.returncode == 0, init.stderr
    shot = tmp_path / "first.png"
    check = _run(current_build, "--config", str(site / "site.toml"), "gui", "--self-test",
                 "--screenshot", str(shot), cwd=tmp_path, timeout=180,
                 QT_QPA_PLATFORM="offscreen", TZ="Asia/Shanghai")
    assert check.returncode == 0, check.stdout + check.stderr[-3000:]
    assert "FAIL" not in check.stdout
    assert "platform 'offscreen'" in check.stdout
    assert "Chinese font: WenQuanYi Micro Hei" in check.stdout
    assert "VTK off-screen frame: vtk" in check.stdout
    for codec in ("JPEG-LS", "JPEG 2000", "RLE", "JPEG baseline"):  # encoded and decoded
        assert f"ok   codec {codec}\n" in check.stdout
    assert "first start" in check.stdout or "首次" in check.stdout  # no accounts yet
    with Image.open(shot) as image:
        assert image.width > 300
        assert image.height > 200
        assert max(ImageStat.Stat(image.convert("L")).stddev) > 10  # drawn, not blank
