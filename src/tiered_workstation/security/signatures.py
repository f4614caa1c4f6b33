"""Report signatures: Ed25519 over a canonical serialisation, with a CA-issued certificate.

A reviewer's signing key is made once (``new_signing_key``): the private key
is kept encrypted with the reviewer's own password, so a copy of the database
cannot sign.  The consortium CA certifies the public key
(:func:`pki.issue_signer`); the signature and that certificate travel with the
report, and any site holding the consortium CA certificate can check both.

What is signed is :func:`canonical_bytes` of a flat mapping of report fields:
Unicode NFC, JSON with sorted keys and no insignificant whitespace, behind a
domain tag — the same text gives the same bytes on every machine.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ed25519

DOMAIN = b"tiered-workstation report signature v1\n"
SignedValue = str | int | list[str]


class SigningError(ValueError):
    """A report cannot be signed (message says why, in words for the reviewer)."""


@dataclass(frozen=True)
class SignatureCheck:
    """The outcome of checking a signed report."""

    valid: bool
    signer: str  # common name of the signer certificate ("" when unreadable)
    fingerprint: str  # SHA-256 of the signer certificate, hex
    reason: str = ""  # why it is not valid


def canonical_bytes(fields: Mapping[str, SignedValue]) -> bytes:
    """The exact bytes a report signature covers."""
    def norm(value: SignedValue) -> SignedValue:
        if isinstance(value, str):
            return unicodedata.normalize("NFC", value)
        if isinstance(value, list):
            return [unicodedata.normalize("NFC", item) for item in value]
        return value
    body = json.dumps({key: norm(value) for key, value in fields.items()}, sort_keys=True,
                      ensure_ascii=False, separators=(",", ":"))
    return DOMAIN + body.encode("utf-8")


def new_signing_key(password: str) -> tuple[str, ed25519.Ed25519PublicKey]:
    """A new Ed25519 key: (private key PEM encrypted with ``password``, public key)."""
    if len(password) < 8:
        raise SigningError("The signing password must have at least 8 characters.")
    key = ed25519.Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.BestAvailableEncryption(password.encode()))
    return pem.decode("ascii"), key.public_key()


def sign(private_key_pem: str, password: str, data: bytes) -> bytes:
    """Sign ``data`` with the encrypted key; a wrong password is a :class:`SigningError`."""
    try:
        key = serialization.load_pem_private_key(private_key_pem.encode("ascii"),
                                                 password.encode())
    except (ValueError, TypeError) as exc:
        raise SigningError("The password does not open your signing key.") from exc
    if not isinstance(key, ed25519.Ed25519PrivateKey):
        raise SigningError("The stored signing key is not an Ed25519 key.")
    return key.sign(data)


def fingerprint(certificate_pem: str) -> str:
    """SHA-256 fingerprint (hex) of a PEM certificate, as printed on the report."""
    cert = x509.load_pem_x509_certificate(certificate_pem.encode("ascii"))
    return cert.fingerprint(hashes.SHA256()).hex()


def short_fingerprint(value: str) -> str:
    """``AB12 CD34 …`` groups of the first 16 hex digits, for people to compare."""
    head = value[:16].upper()
    return " ".join(head[i:i + 4] for i in range(0, len(head), 4))


def verify(data: bytes, signature: bytes, certificate_pem: str, ca_certificate_pem: bytes,
           signed_at: datetime | None = None) -> SignatureCheck:
    """Check that ``signature`` over ``data`` was made with a key the consortium CA
    certified for report signing, valid at ``signed_at``."""
    try:
        cert = x509.load_pem_x509_certificate(certificate_pem.encode("ascii"))
    except ValueError:
        return SignatureCheck(False, "", "", "the signer certificate cannot be read")
    signer = _common_name(cert)
    print_ = cert.fingerprint(hashes.SHA256()).hex()

    def refused(reason: str) -> SignatureCheck:
        return SignatureCheck(False, signer, print_, reason)

    try:
        ca = x509.load_pem_x509_certificate(ca_certificate_pem)
        cert.verify_directly_issued_by(ca)
    except (ValueError, TypeError, InvalidSignature):
        return refused("the signer certificate was not issued by the consortium CA")
    when = signed_at or datetime.now(UTC)
    if not cert.not_valid_before_utc <= when <= cert.not_valid_after_utc:
        return refused("the signer certificate was not valid when the report was signed")
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return refused("the signer certificate is not for signing")
    if not usage.content_commitment:
        return refused("the signer certificate is not for signing")
    public = cert.public_key()
    if not isinstance(public, ed25519.Ed25519PublicKey):
        return refused("the signer certificate does not hold an Ed25519 key")
    try:
        public.verify(signature, data)
    except InvalidSignature:
        return refused("the report text differs from what was signed")
    return SignatureCheck(True, signer, print_)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _common_name(cert: x509.Certificate) -> str:
    names = cert.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
    return str(names[0].value) if names else ""
