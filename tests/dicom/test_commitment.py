"""Storage Commitment: reports on the same association and on a new one."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from pydicom import dcmread
from pydicom.dataset import Dataset
from pynetdicom import AE, evt
from pynetdicom.sop_class import StorageCommitmentPushModel

from dicom.conftest import AE as NODE_AE
from dicom.conftest import RunningNode
from tiered_workstation.dicom.commitment import WELL_KNOWN_INSTANCE, request_commitment
from tiered_workstation.dicom.references import referenced_sops
from tiered_workstation.dicom.scu import Target
from tiered_workstation.dicom.synth import Demographics, dx_dataset
from tiered_workstation.workflow.identifiers import new_uid

DX = "1.2.840.10008.5.1.4.1.1.1.1"


def store_two(node: RunningNode, tmp_path: Path) -> list[str]:
    paths = []
    for i in range(2):
        path = tmp_path / f"{i}.dcm"
        dx_dataset(Demographics(), size=32).save_as(path, enforce_file_format=True)
        paths.append(path)
    assert node.run("storescu", *node.target(), *map(str, paths)).returncode == 0
    return [dcmread(p).SOPInstanceUID for p in paths]


def test_scu_gets_committed_and_failed_instances_on_the_same_association(
        node: RunningNode, tmp_path: Path) -> None:
    stored = store_two(node, tmp_path)
    missing = new_uid()
    result = request_commitment(Target(NODE_AE, "127.0.0.1", node.port), "PYSCU",
                                [(DX, uid) for uid in [*stored, missing]], timeout=20)
    assert sorted(result.committed) == sorted(stored)
    assert result.failed == [missing]
    assert not result.complete


def test_report_comes_on_a_new_association_when_the_sender_has_left(
        node: RunningNode, tmp_path: Path) -> None:
    stored = store_two(node, tmp_path)
    got: dict[str, Any] = {}
    arrived = threading.Event()

    def on_report(event: Any) -> tuple[int, None]:
        got["type"] = event.request.EventTypeID
        got["calling"] = event.assoc.requestor.ae_title
        got["uids"] = [i.ReferencedSOPInstanceUID
                       for i in event.event_information.ReferencedSOPSequence]
        arrived.set()
        return 0x0000, None

    listener = AE(ae_title="COMMITSCU")
    listener.add_supported_context(StorageCommitmentPushModel, scu_role=True, scp_role=True)
    server = listener.start_server(("127.0.0.1", node.callback_port), block=False,
                                   evt_handlers=[(evt.EVT_N_EVENT_REPORT, on_report)])
    try:
        ae = AE(ae_title="COMMITSCU")
        ae.add_requested_context(StorageCommitmentPushModel)
        assoc = ae.associate("127.0.0.1", node.port, ae_title=NODE_AE)
        request = Dataset()
        request.TransactionUID = new_uid()
        request.ReferencedSOPSequence = referenced_sops((DX, uid) for uid in stored)
        status, _ = assoc.send_n_action(request, 1, StorageCommitmentPushModel,
                                        WELL_KNOWN_INSTANCE)
        assoc.release()  # leave before the report
        assert status.Status == 0
        assert arrived.wait(20)
    finally:
        server.shutdown()
    assert got == {"type": 1, "calling": NODE_AE, "uids": stored}
