"""Property-based fuzzing of C-STORE: valid files cut short, given impossible lengths, or
with random bytes changed, sent as their bytes are through pynetdicom.

The node answers each with a status (or a clean abort), keeps answering C-ECHO, never
archives a cut or over-long one, and whatever it does archive is exactly what was sent.
"""

from __future__ import annotations

import struct
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydicom import dcmread
from pydicom.uid import ExplicitVRLittleEndian, ImplicitVRLittleEndian, JPEGLSLossless
from pynetdicom import AE, _config
from pynetdicom.dsutils import split_dataset
from pynetdicom.sop_class import Verification
from sqlalchemy import func, select

from dicom.conftest import AE as NODE_AE
from dicom.conftest import RunningNode
from tiered_workstation.dicom.synth import Demographics, dx_dataset
from tiered_workstation.storage.imaging import Instance

LONG_VRS = {"OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"}
TRIED: list[str] = []  # what each example did, for the summary at the end


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, bytes, int]]:
    """Valid files: (path, bytes, where the dataset starts after the file meta)."""
    folder = tmp_path_factory.mktemp("seeds")
    out = []
    for n, syntax in enumerate((ExplicitVRLittleEndian, ImplicitVRLittleEndian,
                                JPEGLSLossless)):
        ds = dx_dataset(Demographics(patient_name="张三", patient_phonetic="Zhang^San"),
                        size=48, seed=n, charset="GB18030")
        if syntax == JPEGLSLossless:
            ds.compress(syntax, generate_instance_uid=False)
        else:
            ds.file_meta.TransferSyntaxUID = syntax
        path = folder / f"seed{n}.dcm"
        ds.save_as(path, enforce_file_format=True)
        out.append((path, path.read_bytes(), split_dataset(path)[1]))
    return out


@pytest.fixture(scope="module", autouse=True)
def summary() -> Iterator[None]:
    yield
    print(f"\nfuzz cases: {len(TRIED)}: {dict(sorted(Counter(TRIED).items()))}")  # noqa: T201


def length_fields(path: Path, offset: int) -> list[tuple[int, int]]:
    """(position, size) of each top-level element's length field in the file."""
    ds = dcmread(path)
    explicit = not ds.file_meta.TransferSyntaxUID.is_implicit_VR
    fields = []
    for tag in ds.keys():  # noqa: SIM118 - keys(): raw elements stay raw
        raw = ds.get_item(tag)
        value_at = getattr(raw, "value_tell", None)
        if value_at is None or value_at <= offset:
            continue
        if explicit and raw.VR not in LONG_VRS:
            fields.append((value_at - 2, 2))
        else:
            fields.append((value_at - 4, 4))
    return fields


def element_ends(path: Path) -> set[int]:
    """File positions where a top-level element ends (so the next one begins)."""
    ds = dcmread(path)
    ends = set()
    for tag in ds.keys():  # noqa: SIM118 - keys(): raw elements stay raw
        raw = ds.get_item(tag)
        if getattr(raw, "value_tell", None) is not None and raw.length != 0xFFFFFFFF:
            ends.add(raw.value_tell + raw.length)
    return ends


def instances(node: RunningNode) -> int:
    with node.services.database.session() as session:
        return session.scalar(select(func.count()).select_from(Instance)) or 0


def send_bytes(node: RunningNode, folder: Path, data: bytes, name: str) -> int | None:
    """The status of sending ``data`` as a file's bytes, or None for an abort."""
    path = folder / name
    path.write_bytes(data)
    ae = AE(ae_title="PYSCU")
    for syntax in (ExplicitVRLittleEndian, ImplicitVRLittleEndian, JPEGLSLossless):
        ae.add_requested_context("1.2.840.10008.5.1.4.1.1.1.1", syntax)
    ae.acse_timeout = ae.dimse_timeout = ae.network_timeout = 10
    assoc = ae.associate("127.0.0.1", node.port, ae_title=NODE_AE)
    assert assoc.is_established
    previous = _config.STORE_SEND_CHUNKED_DATASET
    _config.STORE_SEND_CHUNKED_DATASET = True
    try:
        status = assoc.send_c_store(path)
    finally:
        _config.STORE_SEND_CHUNKED_DATASET = previous
        if assoc.is_established:
            assoc.release()
    return int(status.Status) if "Status" in status else None


def echo(node: RunningNode) -> bool:
    ae = AE(ae_title="ECHOSCU")
    ae.add_requested_context(Verification)
    assoc = ae.associate("127.0.0.1", node.port, ae_title=NODE_AE)
    if not assoc.is_established:
        return False
    status = assoc.send_c_echo()
    assoc.release()
    return int(status.Status) == 0


MUTATION = st.sampled_from(["cut", "length", "flip"])


@settings(max_examples=90, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(seed=st.integers(0, 2), kind=MUTATION, where=st.floats(0, 1, exclude_max=True),
       value=st.integers(1, 2**32 - 1), flips=st.lists(st.tuples(
           st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1, max_size=8))
def test_damaged_files_are_refused_and_never_archived(
        node: RunningNode, seeds, tmp_path_factory, seed: int, kind: str, where: float,
        value: int, flips: list[tuple[float, int]]) -> None:
    path, data, offset = seeds[seed]
    body = len(data) - offset
    folder = tmp_path_factory.mktemp("fuzz", numbered=True)
    if kind == "cut":  # inside an element (a cut between two elements leaves a shorter
        # dataset that is whole in itself: nobody can tell it was cut)
        at = offset + int(where * (body - 1))
        if at in element_ends(path):
            return
        damaged = data[:at]
    elif kind == "length":  # a length field made to run past the end of the file
        position, size = length_fields(path, offset)[int(where * len(length_fields(path,
                                                                                   offset)))]
        limit = 2**16 - 1 if size == 2 else 2**32 - 2  # 0xFFFFFFFF would mean "undefined"
        remaining = len(data) - position - size
        big = remaining + 1 + value % max(1, limit - remaining) if remaining < limit else None
        if big is None:
            return  # a 2-byte field cannot reach past this much data
        damaged = data[:position] + struct.pack("<H" if size == 2 else "<I", big) + \
            data[position + size:]
    else:  # random bytes changed anywhere in the dataset after its first element (a
        # group 0002 tag made there would be read back as part of the file meta)
        damaged_list = bytearray(data)
        for at, byte in flips:
            damaged_list[offset + 16 + int(at * (body - 16))] = byte
        damaged = bytes(damaged_list)
    before = instances(node)
    status = send_bytes(node, folder, damaged, "damaged.dcm")
    after = instances(node)
    TRIED.append(f"{kind}: {'abort' if status is None else hex(status)}")
    assert echo(node), "the node stopped answering C-ECHO"
    assert list(node.services.archive.incoming.iterdir()) == []
    if kind in ("cut", "length"):
        assert status is None or status >= 0xA000, hex(status)
        assert after == before, "a damaged file was archived"
    elif after > before:  # a byte change can leave a valid dataset: kept exactly as sent
        assert status == 0
        with node.services.database.session() as session:
            newest = session.scalars(select(Instance).order_by(Instance.id.desc())).first()
        kept = node.services.archive.absolute(newest.path)
        assert kept.read_bytes()[split_dataset(kept)[1]:] == damaged[offset:]
    else:
        assert status is None or status >= 0xA000 or status == 0, hex(status)
