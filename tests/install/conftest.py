"""The desktop bundle and the .deb, built once per run by installers/build.py, and the
previous release (0.1.0) built the same way from its commit, for the upgrade test."""

from __future__ import annotations

import subprocess

import pytest

from install.builds import PREVIOUS_RELEASE, ROOT, Build, build_installers


@pytest.fixture(scope="session")
def current_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build_installers(tmp_path_factory.mktemp("build"), ROOT)


@pytest.fixture(scope="session")
def previous_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    version, commit = PREVIOUS_RELEASE
    source = tmp_path_factory.mktemp(f"release-{version}")
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit], capture_output=True,
                             timeout=120)
    assert archive.returncode == 0, ("the upgrade test builds release "
                                     f"{version} from commit {commit}, which this checkout "
                                     f"lacks: {archive.stderr.decode()}")
    subprocess.run(["tar", "-x", "-C", str(source)], input=archive.stdout, check=True,
                   timeout=120)
    build = build_installers(tmp_path_factory.mktemp(f"build-{version}"), source)
    assert build.version == version
    return build


