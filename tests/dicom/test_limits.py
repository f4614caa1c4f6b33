"""Association limits per calling AE title: one device cannot take every slot."""

from __future__ import annotations

import subprocess

from pynetdicom import AE
from pynetdicom.sop_class import Verification
from sqlalchemy import select

from dicom.conftest import AE as NODE_AE
from dicom.conftest import RunningNode
from tiered_workstation.storage.messaging import AuditEvent


def open_association(node: RunningNode, calling: str):
    ae = AE(ae_title=calling)
    ae.add_requested_context(Verification)
    return ae.associate("127.0.0.1", node.port, ae_title=NODE_AE)


def test_fifth_association_from_one_peer_is_rejected_others_still_served(
        node: RunningNode) -> None:
    limit = node.services.settings.dicom.max_associations_per_peer
    held = [open_association(node, "PYSCU") for _ in range(limit)]
    try:
        assert all(a.is_established for a in held)
        extra = open_association(node, "PYSCU")
        assert extra.is_rejected
        assert (extra.acceptor.primitive.result, extra.acceptor.primitive.diagnostic) == (2, 2)
        other = subprocess.run(["echoscu", "-aet", "ECHOSCU", *node.target()],
                               capture_output=True, timeout=60)
        assert other.returncode == 0, other.stderr
    finally:
        for assoc in held:
            assoc.release()
    again = open_association(node, "PYSCU")
    assert again.is_established  # slots come back when associations end
    again.release()
    with node.services.database.session() as session:
        refused = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "dicom.association.rejected")).all()
    assert [e.detail["reason"] for e in refused] == [
        f"PYSCU already holds {limit} associations (limit {limit} per peer)"]


def test_idle_sockets_hold_no_association_slot(node: RunningNode, tmp_path) -> None:
    """100 connections that never send an A-ASSOCIATE-RQ (more than max_associations):
    a registered device's echo and store still get through at once."""
    import socket
    import time

    from tiered_workstation.dicom.synth import Demographics, dx_dataset

    image = tmp_path / "dx.dcm"
    dx_dataset(Demographics(), size=64).save_as(image, enforce_file_format=True)
    idle = [socket.create_connection(("127.0.0.1", node.port)) for _ in range(100)]
    try:
        time.sleep(0.3)  # let the node accept them all
        started = time.monotonic()
        echo = subprocess.run(["echoscu", "-aet", "ECHOSCU", *node.target()],
                              capture_output=True, text=True, timeout=30)
        store = subprocess.run(["storescu", "-aet", "STORESCU", *node.target(), str(image)],
                               capture_output=True, text=True, timeout=30)
        elapsed = time.monotonic() - started
        assert echo.returncode == 0, echo.stderr
        assert store.returncode == 0, store.stderr
        assert "Local Limit Exceeded" not in echo.stderr + store.stderr
        assert elapsed < 2.0, f"{elapsed:.1f} s"
    finally:
        for s in idle:
            s.close()
