"""Files encrypted at rest, written a chunk at a time so a download can resume.

A downloaded teaching file is kept as a run of sealed chunks: each 1 MiB of the
original (the last one shorter) is sealed alone with AES-256-GCM, so a file cut off
mid-download still holds every complete chunk, and the download goes on from the
first missing byte (an HTTP Range).  The key is derived (HKDF-SHA256) from the site's
key and the file's own name, so no two files share a key; each chunk's nonce is its
index, and the chunk's index and whether it is the last are bound into its tag, so
chunks cannot be reordered, dropped or cut short without the opening failing.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

CHUNK = 1 << 20
TAG = 16
SEALED_CHUNK = CHUNK + TAG
INFO = b"tiered-workstation files at rest v1 "


class AtRestError(ValueError):
    """An encrypted file cannot be opened: wrong key, altered, or not complete."""


def _aead(site_key: bytes, name: str) -> AESGCM:
    return AESGCM(HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                       info=INFO + name.encode()).derive(site_key))


def _nonce(index: int) -> bytes:
    return index.to_bytes(12, "big")


def _aad(index: int, last: bool) -> bytes:
    return index.to_bytes(8, "big") + (b"\x01" if last else b"\x00")


class SealedFileWriter:
    """Append plaintext to an encrypted file, sealing each full chunk as it fills.

    Opening an existing file keeps its complete non-final chunks (a resumed download)
    and drops any torn tail; :attr:`resume_at` is the plaintext offset to go on from.
    """

    def __init__(self, path: Path, site_key: bytes, name: str) -> None:
        self.path = path
        self._aead = _aead(site_key, name)
        path.parent.mkdir(parents=True, exist_ok=True)
        kept = path.stat().st_size // SEALED_CHUNK if path.exists() else 0
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)  # this user only
        self._handle = os.fdopen(fd, "ab")
        self._handle.truncate(kept * SEALED_CHUNK)
        self._handle.seek(kept * SEALED_CHUNK)
        self._index = kept
        self._pending = bytearray()

    @property
    def resume_at(self) -> int:
        return self._index * CHUNK + len(self._pending)

    def write(self, data: bytes) -> None:
        self._pending += data
        while len(self._pending) > CHUNK:  # keep one back: it may turn out the last
            self._seal(bytes(self._pending[:CHUNK]), last=False)
            del self._pending[:CHUNK]

    def _seal(self, plain: bytes, *, last: bool) -> None:
        self._handle.write(self._aead.encrypt(_nonce(self._index), plain,
                                              _aad(self._index, last)))
        self._index += 1

    def flush(self) -> None:
        """Make the sealed chunks so far durable (progress survives a crash)."""
        self._handle.flush()
        os.fsync(self._handle.fileno())

    def finish(self) -> None:
        """Seal the last chunk and close: the file is complete."""
        self._seal(bytes(self._pending), last=True)
        self._pending.clear()
        self.flush()
        self._handle.close()

    def close(self) -> None:
        """Stop without finishing (kept for a resume)."""
        if not self._handle.closed:
            self.flush()
            self._handle.close()


def open_sealed(path: Path, site_key: bytes, name: str) -> Iterator[bytes]:
    """The plaintext of a complete encrypted file, a chunk at a time."""
    aead = _aead(site_key, name)
    size = path.stat().st_size
    chunks = max(1, -(-size // SEALED_CHUNK))
    with open(path, "rb") as handle:
        for index in range(chunks):
            sealed = handle.read(SEALED_CHUNK)
            try:
                yield aead.decrypt(_nonce(index), sealed, _aad(index, index == chunks - 1))
            except InvalidTag:
                raise AtRestError(f"{path.name} cannot be opened: it was altered, is not "
                                  "complete, or belongs to another site's key.") from None


def read_sealed(path: Path, site_key: bytes, name: str) -> bytes:
    return b"".join(open_sealed(path, site_key, name))
