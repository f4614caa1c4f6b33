"""Orthanc and our node side by side in a network namespace of their own.

Orthanc cannot bind its DICOM port to 127.0.0.1, so the test makes a network
namespace with nothing but a loopback interface, and runs there Orthanc (the
Debian package, with a temporary configuration), our node (`tiered-ws node`,
a real process) and the dcmtk tools.  Orthanc's REST API answers on that
namespace's loopback only; the namespace is removed afterwards.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tiered_workstation.app.site_setup import InitRequest, init_site

NODE_AE, ORTHANC_AE = "CH01_PACS", "ORTHANC"
NODE_PORT, ORTHANC_PORT, ORTHANC_HTTP = 11112, 4242, 8042  # inside the namespace
DEADLINE_S = 60.0


@dataclass
class World:
    netns: str
    root: Path
    site: Path  # our node's data folder

    def run(self, *command: str, timeout: float = 120, check: bool = False,
            data: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
        result = subprocess.run(["ip", "netns", "exec", self.netns, *command], input=data,
                                capture_output=True, timeout=timeout)
        if check and result.returncode != 0:
            raise AssertionError(f"{command[0]} failed: {result.stderr.decode(errors='replace')}")
        return result

    def rest(self, method: str, path: str, body: Any = None, *, raw: bytes | None = None) -> Any:
        """Orthanc's REST API; JSON in, JSON (or bytes for a file) out."""
        command = ["curl", "-sS", "--fail-with-body", "-X", method,
                   f"http://127.0.0.1:{ORTHANC_HTTP}{path}"]
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None
                                            else None)
        if data is not None:
            command += ["--data-binary", "@-"]
        result = self.run(*command, data=data, timeout=120)
        if result.returncode != 0:
            raise AssertionError(f"Orthanc {method} {path}: {result.stdout!r} "
                                 f"{result.stderr!r}")
        try:
            return json.loads(result.stdout)
        except ValueError:
            return result.stdout

    def archived(self, sop_instance_uid: str) -> list[Path]:
        return sorted((self.site / "archive").rglob(f"{sop_instance_uid}*.dcm"))


def _wait(what: str, probe: Any) -> None:
    deadline = time.monotonic() + DEADLINE_S
    while time.monotonic() < deadline:
        if probe():
            return
        time.sleep(0.2)
    raise AssertionError(f"{what} did not start within {DEADLINE_S:.0f} s")


def _site(folder: Path) -> Path:
    peers = [
        {"ae_title": ORTHANC_AE, "host": "127.0.0.1", "port": ORTHANC_PORT, "kind": "node",
         "charset": "ISO_IR 192"},
        {"ae_title": "FINDSCU", "host": "127.0.0.1", "port": 104, "kind": "workstation",
         "charset": "ISO_IR 192"},
        {"ae_title": "STORESCU", "host": "127.0.0.1", "port": 104, "kind": "modality"},
    ]
    _, config = init_site(InitRequest(mode="center", site_code="CH01", data_dir=folder,
                                      ae_title=NODE_AE, dicom_port=NODE_PORT,
                                      extra={"peers": peers}))
    return config


def _orthanc_config(root: Path) -> Path:
    config = root / "orthanc.json"
    config.write_text(json.dumps({
        "Name": "tw-interop", "StorageDirectory": str(root / "storage"),
        "IndexDirectory": str(root / "index"), "DicomAet": ORTHANC_AE,
        "DicomPort": ORTHANC_PORT, "HttpPort": ORTHANC_HTTP, "HttpServerEnabled": True,
        "RemoteAccessAllowed": False, "AuthenticationEnabled": False,
        "DicomCheckCalledAet": False, "DicomAlwaysAllowStore": True,
        "DefaultEncoding": "Utf8", "StorageCompression": False, "Plugins": [],
        "DicomModalities": {"tw": [NODE_AE, "127.0.0.1", NODE_PORT],
                            "findscu": ["FINDSCU", "127.0.0.1", 104]},
        "DicomScuTimeout": 30, "HttpTimeout": 60,
    }))
    return config


def missing_tools() -> list[str]:
    wanted = ("ip", "Orthanc", "curl", "echoscu", "movescu", "findscu", "storescu")
    missing = [tool for tool in wanted if shutil.which(tool) is None]
    if os.geteuid() != 0:
        missing.append("root (for ip netns)")
    return missing


@contextmanager
def orthanc_world(root: Path) -> Iterator[World]:
    netns = f"twinterop{os.getpid()}"
    subprocess.run(["ip", "netns", "add", netns], check=True, timeout=30)
    processes: list[subprocess.Popen[bytes]] = []
    try:
        world = World(netns, root, root / "ch01")
        world.run("ip", "link", "set", "lo", "up", check=True)
        config = _site(world.site)
        node_log = (root / "node.log").open("wb")
        processes.append(subprocess.Popen(
            ["ip", "netns", "exec", netns, str(Path(sys.executable).with_name("tiered-ws")),
             "--config", str(config), "node"], stdout=node_log, stderr=subprocess.STDOUT))
        orthanc_log = (root / "orthanc.log").open("wb")
        processes.append(subprocess.Popen(
            ["ip", "netns", "exec", netns, "Orthanc", str(_orthanc_config(root))],
            stdout=orthanc_log, stderr=subprocess.STDOUT))
        _wait("our node", lambda: world.run("echoscu", "-aet", ORTHANC_AE, "-aec", NODE_AE,
                                            "127.0.0.1", str(NODE_PORT), timeout=30
                                            ).returncode == 0)
        _wait("Orthanc", lambda: world.run("curl", "-sf", f"http://127.0.0.1:{ORTHANC_HTTP}"
                                           "/system", timeout=30).returncode == 0)
        yield world
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=30)
        subprocess.run(["ip", "netns", "del", netns], check=False, timeout=30)
