"""C-STORE receive throughput: our Storage SCP against dcmtk storescp and Orthanc.

dcmtk ``storescu`` sends the same synthetic DX images (3000², 16-bit, ~18 MB
each) in one association to each receiver, fresh storage every run:

* tiered-workstation: the full path — chunked receive, header read, SHA-256,
  index + exam link in SQLite, fsync + rename into the archive;
* dcmtk ``storescp --max-pdu 131072 -od DIR`` (writes files, no index, no fsync);
* Orthanc (Debian package), started with a temporary configuration inside a
  network namespace that has only a loopback interface (Orthanc cannot bind its
  DICOM port to 127.0.0.1); needs root for ``ip netns``.

    .venv/bin/python bench/store_throughput.py [--count 20] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from tiered_workstation.app.bootstrap import Services, bootstrap
from tiered_workstation.app.site_setup import ensure_site_rows
from tiered_workstation.config import parse_settings
from tiered_workstation.dicom.synth import Demographics, dx_dataset
from tiered_workstation.storage.database import Database
from tiered_workstation.storage.migrate import upgrade
from tiered_workstation.workflow.identifiers import new_uid


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port: int, netns: str | None = None, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        probe = ["bash", "-c", f"exec 3<>/dev/tcp/127.0.0.1/{port}"]
        if netns:
            probe = ["ip", "netns", "exec", netns, *probe]
        if subprocess.run(probe, capture_output=True).returncode == 0:
            return
        time.sleep(0.2)
    raise RuntimeError(f"nothing listens on port {port}")


def make_files(folder: Path, count: int, size: int) -> list[Path]:
    base = dx_dataset(Demographics(), size=size)
    study = new_uid()
    paths = []
    for i in range(count):
        base.StudyInstanceUID = study
        base.SOPInstanceUID = base.file_meta.MediaStorageSOPInstanceUID = new_uid()
        base.InstanceNumber = i + 1
        path = folder / f"dx{i:03d}.dcm"
        base.save_as(path, enforce_file_format=True)
        paths.append(path)
    return paths


def send(files: list[Path], port: int, called: str, netns: str | None = None) -> float:
    command = ["storescu", "-aet", "STORESCU", "-aec", called, "127.0.0.1", str(port),
               *map(str, files)]
    if netns:
        command = ["ip", "netns", "exec", netns, *command]
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    elapsed = time.perf_counter() - start
    if result.returncode != 0 or "Failed" in result.stderr:
        raise RuntimeError(f"storescu to {called} failed: {result.stderr[-500:]}")
    return elapsed


def new_site(root: Path, port: int, peers: list[dict[str, object]]) -> Services:
    """A fresh center site (migrated SQLite file, site rows) whose node is not started."""
    settings = parse_settings({
        "schema_version": 1, "site": {"code": "CH01", "mode": "center"},
        "dicom": {"ae_title": "CH01_PACS", "port": port}, "peers": peers}, base_dir=root)
    root.mkdir(parents=True)
    database = Database(settings.database_url)
    upgrade(database)
    database.dispose()
    services = bootstrap(settings)
    with services.database.transaction() as session:
        ensure_site_rows(session, settings)
    return services


@contextmanager
def ours(root: Path) -> Iterator[tuple[int, str]]:
    port = free_port()
    services = new_site(root, port, [{"ae_title": "STORESCU", "host": "127.0.0.1",
                                      "port": 104, "kind": "modality"}])
    services.node.start()
    try:
        yield port, "CH01_PACS"
    finally:
        services.close()


@contextmanager
def storescp(root: Path) -> Iterator[tuple[int, str]]:
    port = free_port()
    root.mkdir(parents=True)
    proc = subprocess.Popen(["storescp", "--max-pdu", "131072", "-aet", "STORESCP", "-od",
                             str(root), str(port)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        wait_port(port)
        yield port, "STORESCP"
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@contextmanager
def orthanc(root: Path, netns: str) -> Iterator[tuple[int, str]]:
    port = free_port()
    root.mkdir(parents=True)
    config = root / "orthanc.json"
    config.write_text(json.dumps({
        "Name": "bench", "StorageDirectory": str(root / "storage"),
        "IndexDirectory": str(root / "index"), "DicomAet": "ORTHANC", "DicomPort": port,
        "HttpServerEnabled": False, "RemoteAccessAllowed": False, "DicomCheckCalledAet": False,
        "DicomAlwaysAllowStore": True, "Plugins": [], "StorageCompression": False,
    }))
    proc = subprocess.Popen(["ip", "netns", "exec", netns, "Orthanc", str(config)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_port(port, netns)
        yield port, "ORTHANC"
    finally:
        proc.terminate()
        proc.wait(timeout=60)


@contextmanager
def loopback_namespace() -> Iterator[str | None]:
    """A network namespace with only 'lo' (for Orthanc), or None without root/ip."""
    if os.geteuid() != 0 or shutil.which("ip") is None or shutil.which("Orthanc") is None:
        yield None
        return
    name = f"twbench{os.getpid()}"
    subprocess.run(["ip", "netns", "add", name], check=True)
    try:
        subprocess.run(["ip", "netns", "exec", name, "ip", "link", "set", "lo", "up"],
                       check=True)
        yield name
    finally:
        subprocess.run(["ip", "netns", "del", name], check=False)


def measure(label: str, runs: int, total_mb: float, files: list[Path],
            receiver: Callable[[Path], object], work: Path, netns: str | None = None) -> float:
    rates = []
    for run in range(runs):
        with receiver(work / f"{label}{run}") as (port, called):
            rates.append(total_mb / send(files, port, called, netns))
        shutil.rmtree(work / f"{label}{run}", ignore_errors=True)
    rate = statistics.median(rates)
    print(f"  {label:<20}{rate:8.0f} MB/s   (runs: {', '.join(f'{r:.0f}' for r in rates)})",
          flush=True)
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--size", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as tmp:
        work = Path(tmp)
        (work / "files").mkdir()
        files = make_files(work / "files", args.count, args.size)
        total_mb = sum(f.stat().st_size for f in files) / 1e6
        print(f"{args.count} DX images, {total_mb / args.count:.1f} MB each, one association, "
              f"median of {args.runs} runs:", flush=True)
        tw = measure("tiered-workstation", args.runs, total_mb, files, ours, work)
        dcmtk = measure("dcmtk storescp", args.runs, total_mb, files, storescp, work)
        with loopback_namespace() as netns:
            if netns is None:
                print("  Orthanc             skipped (needs root, iproute2 and the Debian "
                      "package orthanc)")
                orth = None
            else:
                orth = measure("Orthanc 1.10", args.runs, total_mb, files,
                               lambda root: orthanc(root, netns), work, netns)
        print(f"ratio vs dcmtk storescp: {tw / dcmtk:.2f}  (target ≥ 1.0)")
        if orth:
            print(f"ratio vs Orthanc:        {tw / orth:.2f}  (target ≥ 2.0)")


if __name__ == "__main__":
    main()
