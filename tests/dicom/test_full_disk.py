"""A full archive disk, for real: the node runs with its archive on a 3 MB tmpfs (in a
user + mount namespace the test creates). An image that fills the disk mid-transfer
is reported as a full disk; afterwards devices are refused with a transient "local
limit exceeded" (they retry later) and every image accepted before is kept."""

from __future__ import annotations

import shlex
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from dicom.conftest import free_port
from tiered_workstation.app.bootstrap import bootstrap
from tiered_workstation.app.site_setup import InitRequest, init_site
from tiered_workstation.config import load_settings
from tiered_workstation.dicom.synth import Demographics, dx_dataset
from tiered_workstation.storage.imaging import Instance

EXE = Path(sys.executable).with_name("tiered-ws")


def namespaces_work(tmp_path: Path) -> bool:
    probe = tmp_path / "probe"
    probe.mkdir()
    run = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
                          f"mount -t tmpfs -o size=1m tmpfs {shlex.quote(str(probe))}"],
                         capture_output=True, text=True, timeout=30)
    return run.returncode == 0


def wait_for_port(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        if process.poll() is not None:
            break
        time.sleep(0.1)
    raise AssertionError(f"the node did not start: {log.read_text()[-2000:]}")


def store(port: int, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["storescu", "-aet", "DR01", "-aec", "CH01_PACS", "127.0.0.1",
                           str(port), str(path)], capture_output=True, text=True, timeout=60)


def test_full_archive_disk_refuses_in_words_and_keeps_what_it_has(tmp_path: Path) -> None:
    if shutil.which("unshare") is None or not namespaces_work(tmp_path):
        pytest.skip("this kernel does not allow a user + mount namespace with a tmpfs "
                    "(unshare -rm), so a full disk cannot be made safely here")
    port = free_port()
    settings, config = init_site(InitRequest(
        mode="center", site_code="CH01", data_dir=tmp_path / "site", dicom_port=port,
        api_port=free_port(),
        extra={"dicom": {"min_free_mb": 1},
               "peers": [{"ae_title": "DR01", "host": "127.0.0.1", "port": 104,
                          "kind": "modality"}]}))
    images = tmp_path / "dr"
    images.mkdir()
    small, big = images / "small.dcm", images / "big.dcm"
    dx_dataset(Demographics(), size=512, seed=1).save_as(small, enforce_file_format=True)
    dx_dataset(Demographics(), size=2000, seed=2).save_as(big, enforce_file_format=True)
    assert big.stat().st_size > 3 * 2**20 > small.stat().st_size

    log = tmp_path / "node.log"
    script = (f"mount -t tmpfs -o size=3m tmpfs {shlex.quote(str(settings.archive_dir))} && "
              f"exec {shlex.quote(str(EXE))} --config {shlex.quote(str(config))} node")
    node = subprocess.Popen(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
                             script], stdout=log.open("wb"), stderr=subprocess.STDOUT)
    try:
        wait_for_port(port, node, log)
        assert store(port, small).returncode == 0
        assert store(port, big).returncode != 0          # the disk filled up mid-transfer
        later = store(port, small)
        assert later.returncode != 0
        assert "Local Limit Exceeded" in later.stdout + later.stderr   # transient: retry
    finally:
        node.terminate()
        node.wait(timeout=30)
    text = log.read_text(errors="replace")
    assert "the disk filled up during a transfer" in text
    assert "below dicom.min_free_mb = 1" in text
    services = bootstrap(load_settings(config))
    try:
        with services.database.session() as session:  # the first image is still indexed
            assert session.scalar(select(func.count()).select_from(Instance)) == 1
    finally:
        services.close()
