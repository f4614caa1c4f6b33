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
