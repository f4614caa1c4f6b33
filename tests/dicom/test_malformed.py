"""Bad input gets a DICOM failure status or a closed association; the node keeps serving."""

from __future__ import annotations

import contextlib
import socket
import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from pydicom.uid import ExplicitVRLittleEndian, JPEGLSLossless
from pynetdicom import AE
from pynetdicom.sop_class import DigitalXRayImageStorageForPresentation
from sqlalchemy import func, select

from dicom.conftest import AE as NODE_AE
from dicom.conftest import RunningNode
from dicom.conftest import send_file as send_path
from tiered_workstation.dicom.node import ACSE_TIMEOUT_S
from tiered_workstation.dicom.synth import Demographics, dx_dataset
from tiered_workstation.storage.imaging import Instance


def send_file(node: RunningNode, path: Path) -> int:
    """Send a file's bytes exactly as they are (no decoding) with pynetdicom."""
    return int(send_path(node, path, DigitalXRayImageStorageForPresentation).Status)


def instances(node: RunningNode) -> int:
    with node.services.database.session() as session:
        return session.scalar(select(func.count()).select_from(Instance)) or 0


def still_serving(node: RunningNode) -> bool:
    return node.run("echoscu", *node.target(), timeout=30).returncode == 0


def test_truncated_files_are_refused_not_stored(node: RunningNode, tmp_path: Path) -> None:
    for syntax in (ExplicitVRLittleEndian, JPEGLSLossless):
        ds = dx_dataset(Demographics(), size=128)
        if syntax == JPEGLSLossless:
            ds.compress(syntax)
        whole = tmp_path / f"{syntax.name}.dcm"
        ds.save_as(whole, enforce_file_format=True)
        cut = tmp_path / f"{syntax.name}-cut.dcm"
        cut.write_bytes(whole.read_bytes()[:-500])
        assert send_file(node, cut) == 0xC000, syntax.name
    assert instances(node) == 0
    assert list(node.services.archive.incoming.iterdir()) == []
    assert still_serving(node)


def test_dataset_without_study_uid_is_refused(node: RunningNode) -> None:
    ds = dx_dataset(Demographics(), size=32)
    del ds.StudyInstanceUID
    ae = AE(ae_title="PYSCU")
    ae.add_requested_context(DigitalXRayImageStorageForPresentation, ExplicitVRLittleEndian)
    assoc = ae.associate("127.0.0.1", node.port, ae_title=NODE_AE)
    status = assoc.send_c_store(ds)
    assoc.release()
    assert status.Status == 0xC000
    assert instances(node) == 0


def test_wrong_vr_and_garbage_values_do_not_take_the_node_down(node: RunningNode,
                                                             tmp_path: Path) -> None:
    ds = dx_dataset(Demographics(), size=32)
    path = tmp_path / "odd.dcm"
    ds.save_as(path, enforce_file_format=True)
    data = bytearray(path.read_bytes())
    marker = data.find(b"\x10\x00\x30\x00DA")  # Patient's Birth Date: DA → garbage VR
    data[marker + 4:marker + 6] = b"QQ"
    path.write_bytes(bytes(data))
    status = send_file(node, path)
    assert status in (0x0000, 0xC000)  # readable elsewhere → stored; unreadable → refused
    assert still_serving(node)


def echo_ok(node: RunningNode) -> bool:
    ae = AE(ae_title="PYSCU")
    ae.add_requested_context("1.2.840.10008.1.1")
    assoc = ae.associate("127.0.0.1", node.port, ae_title=NODE_AE)
    if not assoc.is_established:
        return False
    ok = assoc.send_c_echo().Status == 0
    assoc.release()
    return ok


def test_random_bytes_on_the_socket_are_survived(node: RunningNode) -> None:
    """Junk connections are dropped; within the ACSE timeout the node serves again."""
    noises: list[bytes] = []

    @settings(max_examples=40, deadline=None)
    @given(st.binary(min_size=1, max_size=2048))
    def collect(noise: bytes) -> None:
        noises.append(noise)

    collect()
    noises += [b"\x01\x00\x00\x00\xff\xff", b"\x04" + b"\x00" * 5, b"GET / HTTP/1.1\r\n\r\n"]
    for noise in noises:
        with (socket.create_connection(("127.0.0.1", node.port), timeout=5) as conn,
              contextlib.suppress(OSError)):
            conn.sendall(noise)
    deadline = time.monotonic() + ACSE_TIMEOUT_S + 5
    while not echo_ok(node):
        assert time.monotonic() < deadline, "the node did not recover from junk connections"
        time.sleep(0.5)
    assert still_serving(node)
