"""Sealing queued messages at rest (AES-256-GCM).

Requisition scans and report bodies wait in a community's outbox until the
center is reachable.  They are stored sealed with a key derived (HKDF-SHA256)
from the site's TLS private key, so a copy of the database alone — a stolen
community PC's disk image without the key file, or a backup — reveals
nothing.  Sites without a TLS identity yet use a random key file instead.
"""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

ALGORITHM = "AES-256-GCM"
INFO = b"tiered-workstation outbox v1"


class SealError(ValueError):
    """A sealed value cannot be opened (wrong key or altered data)."""


def key_from_private_key(path: Path) -> bytes:
    """A 256-bit sealing key derived from a PEM private key file."""
    key = serialization.load_pem_private_key(path.read_bytes(), None)
    material = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                 serialization.NoEncryption())
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=INFO).derive(material)


def key_from_file(path: Path) -> bytes:
    """A random key kept in ``path`` (created 0600 on first use)."""
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(AESGCM.generate_key(bit_length=256))
    data = path.read_bytes()
    if len(data) != 32:
        raise SealError(f"{path} is not a sealing key (expected 32 bytes).")
    return data


class Sealer:
    """Seal and open JSON-able values with one key."""

    def __init__(self, key: bytes):
        self._aead = AESGCM(key)
        self._key = key

    def derive(self, purpose: str) -> bytes:
        """A key of its own for ``purpose`` (e.g. files at rest), from the site's key."""
        return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                    info=INFO + b" " + purpose.encode()).derive(self._key)

    def seal(self, value: Any, context: str = "") -> dict[str, str]:
        nonce = os.urandom(12)
        data = self._aead.encrypt(nonce, json.dumps(value, ensure_ascii=False).encode(),
                                  context.encode())
        return {"alg": ALGORITHM, "nonce": base64.b64encode(nonce).decode(),
                "data": base64.b64encode(data).decode()}

    def open(self, sealed: dict[str, str], context: str = "") -> Any:
        if sealed.get("alg") != ALGORITHM:
            raise SealError(f"Unknown sealing algorithm {sealed.get('alg')!r}.")
        try:
            plain = self._aead.decrypt(base64.b64decode(sealed["nonce"]),
                                       base64.b64decode(sealed["data"]), context.encode())
        except (InvalidTag, KeyError, ValueError) as exc:
            raise SealError("The sealed message cannot be opened with this site's key "
                            "(altered, or sealed by another site).") from exc
        return json.loads(plain)
