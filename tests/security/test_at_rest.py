"""Files encrypted at rest a chunk at a time: whole again when opened with the site's
key, resumable after a cut, and refused when altered, cut short or keyed otherwise."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tiered_workstation.security.at_rest import (
    CHUNK,
    SEALED_CHUNK,
    AtRestError,
    SealedFileWriter,
    read_sealed,
)

KEY = bytes(range(32))


def _write(path: Path, data: bytes, name: str = "a.dcm", key: bytes = KEY) -> None:
    writer = SealedFileWriter(path, key, name)
    writer.write(data)
    writer.finish()


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 17])
def test_roundtrip_keeps_every_byte_and_hides_them(tmp_path: Path, size: int) -> None:
    data = os.urandom(size) if size < 100 else (b"DICM" + os.urandom(size - 4))
    path = tmp_path / "f.enc"
    _write(path, data)
    assert read_sealed(path, KEY, "a.dcm") == data
    assert path.stat().st_mode & 0o777 == 0o600  # this user's only
    stored = path.read_bytes()
    assert len(stored) == size + 16 * max(1, -(-size // CHUNK))
    if size >= 100:
        assert b"DICM" not in stored
        assert data[:64] not in stored


def test_a_cut_download_resumes_from_the_last_complete_chunk(tmp_path: Path) -> None:
    data = os.urandom(2 * CHUNK + 5000)
    path = tmp_path / "f.enc"
    writer = SealedFileWriter(path, KEY, "a.dcm")
    writer.write(data[:CHUNK + 300_000])
    writer.close()                                    # connection lost here
    with open(path, "ab") as torn:                    # and half a chunk written, torn
        torn.write(os.urandom(1000))
    again = SealedFileWriter(path, KEY, "a.dcm")
    assert again.resume_at == CHUNK                   # the torn tail and pending bytes dropped
    assert path.stat().st_size == SEALED_CHUNK
    again.write(data[again.resume_at:])
    again.finish()
    assert read_sealed(path, KEY, "a.dcm") == data


def test_altered_truncated_or_foreign_files_are_refused(tmp_path: Path) -> None:
    data = os.urandom(2 * CHUNK + 10)
    path = tmp_path / "f.enc"
    _write(path, data)
    with pytest.raises(AtRestError, match="another site"):
        read_sealed(path, bytes(32), "a.dcm")
    with pytest.raises(AtRestError):
        read_sealed(path, KEY, "b.dcm")             # each file has its own key
    raw = bytearray(path.read_bytes())
    raw[CHUNK + 40] ^= 1
    (tmp_path / "flipped.enc").write_bytes(raw)
    with pytest.raises(AtRestError):
        read_sealed(tmp_path / "flipped.enc", KEY, "a.dcm")
    (tmp_path / "short.enc").write_bytes(path.read_bytes()[:2 * SEALED_CHUNK])
    with pytest.raises(AtRestError):                # the last chunk is missing
        read_sealed(tmp_path / "short.enc", KEY, "a.dcm")
    unfinished = tmp_path / "unfinished.enc"
    writer = SealedFileWriter(unfinished, KEY, "a.dcm")
    writer.write(data)
    writer.close()
    with pytest.raises(AtRestError):
        read_sealed(unfinished, KEY, "a.dcm")
