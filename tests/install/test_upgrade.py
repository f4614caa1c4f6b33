"""Installing version N+1 over N keeps every exam, report and image: the first start of
the new program backs the database up, migrates it, and leaves the archive alone."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from install.builds import Build, extract, plain_env
from tiered_workstation.storage.migrate import head_revision

SITES = ("ch01", "cm01")


def _records(site: Path) -> dict[str, object]:
    """What must survive, read straight from the files: rows and image bytes."""
    with sqlite3.connect(site / "tiered.db") as db:
        rows = {
            "exams": db.execute("SELECT accession_number, state FROM exams "
                                "ORDER BY accession_number").fetchall(),
            "reports": db.execute("SELECT number, kind, findings, impression, signature "
                                  "FROM report_versions ORDER BY id").fetchall(),
            "instances": db.execute("SELECT sop_instance_uid FROM instances "
                                    "ORDER BY sop_instance_uid").fetchall(),
            "patients": db.execute("SELECT name FROM patients ORDER BY id").fetchall(),
        }
    files = {str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
             for p in sorted(site.rglob("*"))
             if p.is_file() and p.parts[len(site.parts)] in ("archive", "prints")}
    assert files
    assert rows["exams"]
    assert rows["reports"]
    assert rows["instances"]
    return {**rows, "files": files}


def _run(program: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(program), *args], cwd=cwd, env=plain_env(cwd), text=True,
                          capture_output=True, timeout=600)


def test_installing_the_new_package_over_the_old_keeps_every_record(
        previous_build: Build, current_build: Build, tmp_path: Path) -> None:
    root = extract(previous_build.deb, tmp_path / "root")
    program = root / "usr" / "bin" / "tiered-ws"
    data = tmp_path / "sites"
    made = _run(program, "demo", "--data-dir", str(data), cwd=tmp_path)
    assert made.returncode == 0, made.stdout[-2000:] + made.stderr[-2000:]
    before = {site: _records(data / site) for site in SITES}
    # the upgrade: the old package's files go, the new one's come (as dpkg -i does)
    shutil.rmtree(root / "usr" / "lib" / "tiered-ws")
    extract(current_build.deb, root)
    version = _run(program, "--version", cwd=tmp_path)
    assert version.stdout.strip() == f"tiered-ws {current_build.version}"
    check = subprocess.run([str(program), "--config", str(data / "cm01" / "site.toml"), "gui",
                            "--self-test"], cwd=tmp_path, capture_output=True, text=True,
                           env=plain_env(tmp_path, QT_QPA_PLATFORM="offscreen"), timeout=300)
    assert "upgrades it to" in check.stdout, check.stdout + check.stderr[-2000:]
    assert not (data / "cm01" / "backups").exists()  # the self-test changed nothing
    for site in SITES:
        status = _run(program, "--config", str(data / site / "site.toml"), "status",
                      cwd=tmp_path)
        assert status.returncode == 0, status.stderr[-2000:]
        assert "upgrading the database schema from 0010" in status.stderr
        assert "upgraded the schema from 0010; backup" in status.stdout
        [backup] = (data / site / "backups").glob("tiered-schema-0010-*.sqlite")
        with sqlite3.connect(backup) as copy:
            assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == \
                ("0010",)
        with sqlite3.connect(data / site / "tiered.db") as db:
            assert db.execute("SELECT version_num FROM alembic_version").fetchone() == \
                (head_revision(),)
            assert db.execute("SELECT version, schema_found FROM program_versions") \
                .fetchall() == [(current_build.version, "0010")]
        assert _records(data / site) == before[site], site
    listing = _run(program, "--config", str(data / "cm01" / "site.toml"), "exam", "list",
                   cwd=tmp_path)
    assert all(acc in listing.stdout for acc, _ in before["cm01"]["exams"])


@pytest.mark.skipif(os.geteuid() != 0 or not os.environ.get("CI"),
                    reason="installs into this machine's system: CI (as root) only")
def test_dpkg_installs_upgrades_and_removes_keeping_the_site(
        previous_build: Build, current_build: Build, tmp_path: Path) -> None:
    def dpkg(*args: str) -> None:
        run = subprocess.run(["dpkg", *args], capture_output=True, text=True, timeout=900,
                             env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]

    site = Path("/var/lib/tiered-ws/TST1")
    try:
        dpkg("-i", str(previous_build.deb))
        assert subprocess.run(["id", "tiered"], capture_output=True).returncode == 0
        assert oct(Path("/var/lib/tiered-ws").stat().st_mode & 0o777) == "0o750"
        as_tiered = ["runuser", "-u", "tiered", "--", "/usr/bin/tiered-ws"]
        subprocess.run([*as_tiered, "init", "--mode", "center", "--site", "TST1",
                        "--data-dir", str(site)], check=True, capture_output=True,
                       cwd="/", timeout=300)
        dpkg("-i", str(current_build.deb))
        status = subprocess.run([*as_tiered, "--config", str(site / "site.toml"), "status"],
                                capture_output=True, text=True, cwd="/", timeout=300)
        assert status.returncode == 0, status.stderr[-2000:]
        assert list((site / "backups").glob("tiered-schema-0010-*.sqlite"))
        dpkg("-r", "tiered-ws")
        assert not Path("/usr/bin/tiered-ws").exists()
        assert (site / "tiered.db").is_file()  # medical records outlive the program
    finally:
        subprocess.run(["dpkg", "--purge", "tiered-ws"], capture_output=True, timeout=600)
        shutil.rmtree(site, ignore_errors=True)
