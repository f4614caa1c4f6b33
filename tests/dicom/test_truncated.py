"""Cut files are refused with a reason, however the sender packs them, and a good
earlier version of the same instance is kept untouched."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from pydicom import dcmread
from pydicom.data import get_testdata_file
from pydicom.uid import JPEGLSLossless
from pynetdicom.sop_class import CTImageStorage, DigitalXRayImageStorageForPresentation
from sqlalchemy import select

from dicom.conftest import RunningNode, send_file
from tiered_workstation.dicom.synth import Demographics, dx_dataset
from tiered_workstation.storage.imaging import Instance


def send(node: RunningNode, path: Path, sop_class: str, *, chunked: bool) -> tuple[int, str]:
    status = send_file(node, path, sop_class, chunked=chunked)
    return int(status.Status), str(status.get("ErrorComment", ""))


def archived(node: RunningNode, sop_uid: str) -> list[Instance]:
    with node.services.database.session() as session:
        return list(session.scalars(select(Instance).where(
            Instance.sop_instance_uid == sop_uid).order_by(Instance.version)))


@pytest.mark.parametrize("chunked", [False, True])
def test_a_ct_cut_at_20000_bytes_is_refused_and_the_good_version_kept(
        node: RunningNode, tmp_path: Path, chunked: bool) -> None:
    whole = Path(get_testdata_file("CT_small.dcm"))
    stored = node.run("storescu", "-aet", "STORESCU", *node.target(), str(whole))
    assert stored.returncode == 0, stored.stderr
    sop_uid = str(dcmread(whole).SOPInstanceUID)
    [good] = archived(node, sop_uid)
    good_file = node.services.archive.root / good.path
    digest = hashlib.sha256(good_file.read_bytes()).hexdigest()

    cut = tmp_path / "ct-cut.dcm"
    cut.write_bytes(whole.read_bytes()[:20_000])
    status, reason = send(node, cut, CTImageStorage, chunked=chunked)
    assert status in (0xA900, 0xC000)
    assert "pixel data" in reason
    assert [i.version for i in archived(node, sop_uid)] == [1]
    assert hashlib.sha256(good_file.read_bytes()).hexdigest() == digest
    assert list(node.services.archive.incoming.iterdir()) == []


def test_compressed_fragments_cut_short_are_refused(node: RunningNode, tmp_path: Path) -> None:
    ds = dx_dataset(Demographics(), size=256)
    ds.compress(JPEGLSLossless)
    whole = tmp_path / "jls.dcm"
    ds.save_as(whole, enforce_file_format=True)
    data = whole.read_bytes()
    for keep in (len(data) - 9, len(data) - 400):  # in the delimiter; in the last fragment
        cut = tmp_path / f"jls-{keep}.dcm"
        cut.write_bytes(data[:keep])
        status, reason = send(node, cut, DigitalXRayImageStorageForPresentation, chunked=True)
        assert status == 0xC000, keep
        assert "compressed" in reason or "ends" in reason
    assert archived(node, str(ds.SOPInstanceUID)) == []
