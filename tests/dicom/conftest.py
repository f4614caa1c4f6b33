"""A running DICOM node on 127.0.0.1 with the peers the tests play."""

from __future__ import annotations

import shutil
import socket
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pydicom import dcmread
from pydicom.dataset import Dataset
from pynetdicom import AE as ApplicationEntity
from pynetdicom import _config

from tiered_workstation.app.bootstrap import Services, bootstrap
from tiered_workstation.app.site_setup import add_site, ensure_site_rows
from tiered_workstation.config import SiteMode, parse_settings

AE = "CH01_PACS"
PEERS = [
    {"ae_title": "ECHOSCU", "host": "127.0.0.1", "port": 104, "kind": "workstation"},
    {"ae_title": "STORESCU", "host": "127.0.0.1", "port": 104, "kind": "modality"},
    {"ae_title": "FINDSCU", "host": "127.0.0.1", "port": 104, "kind": "modality",
     "charset": "GB18030"},
    {"ae_title": "DR_UTF8", "host": "127.0.0.1", "port": 104, "kind": "modality",
     "charset": "ISO_IR 192", "phonetic_names": True},
    {"ae_title": "DR_GBK", "host": "127.0.0.1", "port": 104, "kind": "modality",
     "assume_charset": "GBK"},
    {"ae_title": "DR_LATIN_GBK", "host": "127.0.0.1", "port": 104, "kind": "modality",
     "charset": "ISO_IR 100", "assume_charset": "GBK"},
    {"ae_title": "DR_LATIN", "host": "127.0.0.1", "port": 104, "kind": "modality",
     "charset": "ISO_IR 100"},
    {"ae_title": "DR_IR58", "host": "127.0.0.1", "port": 104, "kind": "modality",
     "charset": "ISO 2022 IR 6\\ISO 2022 IR 58", "phonetic_names": True},
    {"ae_title": "PYSCU", "host": "127.0.0.1", "port": 104, "kind": "node"},
    {"ae_title": "MOVESCU", "host": "127.0.0.1", "port": 104, "kind": "workstation"},
    {"ae_title": "GETSCU", "host": "127.0.0.1", "port": 104, "kind": "workstation"},
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class RunningNode:
    services: Services
    port: int
    workdir: Path
    dest_port: int  # where the registered move destination MOVEDEST listens
    callback_port: int  # where the registered peer COMMITSCU listens for reports

    def run(self, tool: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        """Run a dcmtk tool against the node (host and port appended unless given)."""
        return subprocess.run([tool, *args], capture_output=True, text=True, errors="replace",
                              timeout=timeout, cwd=self.workdir)

    def target(self) -> list[str]:
        return ["-aec", AE, "127.0.0.1", str(self.port)]


@pytest.fixture
def node(tmp_path: Path, migrated_template: Path) -> Iterator[RunningNode]:
    if shutil.which("storescu") is None:
        pytest.fail("dcmtk is missing: ./test.sh installs the Debian package 'dcmtk'")
    port, dest_port, callback_port = free_port(), free_port(), free_port()
    peers = [*PEERS, {"ae_title": "MOVEDEST", "host": "127.0.0.1", "port": dest_port,
                      "kind": "workstation"},
             {"ae_title": "COMMITSCU", "host": "127.0.0.1", "port": callback_port,
              "kind": "node"}]
    data = tmp_path / "site"
    data.mkdir()
    shutil.copy(migrated_template, data / "tiered.db")
    settings = parse_settings({"schema_version": 1,
                               "site": {"code": "CH01", "mode": "center"},
                               "dicom": {"ae_title": AE, "port": port},
                               "peers": peers}, base_dir=data)
    services = bootstrap(settings)
    with services.database.transaction() as session:
        ensure_site_rows(session, settings)
        add_site(session, "CM01", "Community 1", SiteMode.COMMUNITY, "CH01")
    services.node.start()
    work = tmp_path / "work"
    work.mkdir()
    try:
        yield RunningNode(services, port, work, dest_port, callback_port)
    finally:
        services.close()


def send_file(node: RunningNode, path: Path, sop_class: str | None = None, *,
              chunked: bool = True) -> Dataset:
    """Send ``path`` with pynetdicom's send_c_store(path) and return the status dataset.

    ``chunked``: the file's bytes exactly as they are; otherwise pynetdicom reads the
    file with pydicom (which silently keeps a short value) and sends what it got."""
    ae = ApplicationEntity(ae_title="PYSCU")
    header = dcmread(path, stop_before_pixels=True)
    ae.add_requested_context(sop_class or header.SOPClassUID,
                             header.file_meta.TransferSyntaxUID)
    previous = _config.STORE_SEND_CHUNKED_DATASET
    _config.STORE_SEND_CHUNKED_DATASET = chunked
    try:
        assoc = ae.associate("127.0.0.1", node.port, ae_title=AE)
        assert assoc.is_established
        status = assoc.send_c_store(path)
        assoc.release()
    finally:
        _config.STORE_SEND_CHUNKED_DATASET = previous
    return status
