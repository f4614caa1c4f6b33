"""The Debian package: its files, its control data, the node's systemd unit (checked by
systemd-analyze), the desktop entry and metadata (by their validators), and lintian."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from install.builds import Build, extract, plain_env

UNIT = "lib/systemd/system/tiered-ws-node@.service"
DESKTOP = "usr/share/applications/org.tieredworkstation.TieredWorkstation.desktop"
METAINFO = "usr/share/metainfo/org.tieredworkstation.TieredWorkstation.metainfo.xml"


@pytest.fixture(scope="module")
def root(current_build: Build, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return extract(current_build.deb, tmp_path_factory.mktemp("deb-root"))


def _field(deb: Path, name: str) -> str:
    return subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True,
                          check=True).stdout.strip()


def test_control_data(current_build: Build) -> None:
    assert _field(current_build.deb, "Package") == "tiered-ws"
    assert _field(current_build.deb, "Version") == current_build.version
    depends = _field(current_build.deb, "Depends")
    for needed in ("libegl1", "libxcb-cursor0", "libpulse0", "adduser"):
        assert needed in depends
    scripts = subprocess.run(["dpkg-deb", "--ctrl-tarfile", str(current_build.deb)],
                             capture_output=True, check=True).stdout
    listing = subprocess.run(["tar", "-t"], input=scripts, capture_output=True,
                             check=True).stdout.decode()
    assert "./postinst" in listing
    assert "./postrm" in listing


def test_the_package_installs_the_program_desktop_entry_icons_and_unit(
        root: Path, tmp_path: Path) -> None:
    program = root / "usr" / "bin" / "tiered-ws"
    assert program.is_symlink()
    assert os.readlink(program) == "../lib/tiered-ws/tiered-ws"
    for path in (UNIT, DESKTOP, METAINFO, "usr/share/icons/hicolor/48x48/apps/tiered-ws.png",
                 "usr/share/icons/hicolor/scalable/apps/tiered-ws.svg",
                 "usr/share/man/man1/tiered-ws.1.gz", "usr/share/doc/tiered-ws/copyright"):
        assert (root / path).is_file(), path
    run = subprocess.run([str(program), "--version"], env=plain_env(tmp_path),
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("tiered-ws ")


def test_the_node_unit_verifies_and_is_hardened(root: Path) -> None:
    text = (root / UNIT).read_text()
    for line in ("User=tiered", "Restart=on-failure", "NoNewPrivileges=yes",
                 "ProtectSystem=strict", "ReadWritePaths=/var/lib/tiered-ws/%i",
                 "ExecStart=/usr/bin/tiered-ws --config /var/lib/tiered-ws/%i/site.toml node",
                 "StandardOutput=journal"):
        assert line in text.splitlines(), line
    # systemd-analyze resolves the unit's dependencies (sysinit.target, …) in the root
    system = root / "lib" / "systemd" / "system"
    for unit in Path("/lib/systemd/system").iterdir():
        if unit.is_file() and not (system / unit.name).exists():
            shutil.copyfile(unit, system / unit.name)
    run = subprocess.run(["systemd-analyze", "verify", "--man=no", f"--root={root}",
                          "tiered-ws-node@CH01.service"], capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stderr.strip() == "", run.stderr
    security = subprocess.run(["systemd-analyze", "security", "--offline=yes", f"--root={root}",
                               "tiered-ws-node@CH01.service"], capture_output=True, text=True,
                              timeout=120)
    exposure = re.search(r"Overall exposure level for \S+: ([0-9.]+)", security.stdout)
    assert exposure, security.stdout[-1500:] + security.stderr
    assert float(exposure[1]) <= 4.0, security.stdout  # systemd's "OK" band, not "MEDIUM"
    (root / "usr" / "bin" / "tiered-ws").unlink()  # and it does look: no program, an error
    broken = subprocess.run(["systemd-analyze", "verify", "--man=no", f"--root={root}",
                             "tiered-ws-node@CH01.service"], capture_output=True, text=True,
                            timeout=120)
    assert broken.returncode != 0
    assert "tiered-ws" in broken.stderr
    (root / "usr" / "bin" / "tiered-ws").symlink_to("../lib/tiered-ws/tiered-ws")


def test_desktop_entry_and_metainfo_validate(root: Path) -> None:
    desktop = subprocess.run(["desktop-file-validate", str(root / DESKTOP)],
                             capture_output=True, text=True, timeout=60)
    assert desktop.returncode == 0, desktop.stdout
    assert desktop.stdout.strip() == "", desktop.stdout
    meta = subprocess.run(["appstreamcli", "validate", "--no-net", "--explain",
                           str(root / METAINFO)], capture_output=True, text=True, timeout=60)
    assert meta.returncode == 0, meta.stdout
    assert "Exec=tiered-ws gui" in (root / DESKTOP).read_text()
    assert "Name[zh_CN]=分级诊疗影像工作站" in (root / DESKTOP).read_text()


def test_lintian_finds_no_errors(current_build: Build) -> None:
    run = subprocess.run(["lintian", "--fail-on", "error", "--tag-display-limit", "0",
                          str(current_build.deb)], capture_output=True, text=True,
                         timeout=1200)
    errors = [line for line in run.stdout.splitlines() if line.startswith("E:")]
    assert errors == []
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
