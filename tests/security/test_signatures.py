"""Ed25519 report signatures: canonical bytes, password-protected keys, CA-issued
certificates, and refusal of anything altered or uncertified."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ed25519

from tiered_workstation.security import pki
from tiered_workstation.security.signatures import (
    SigningError,
    canonical_bytes,
    new_signing_key,
    sign,
    verify,
)

FIELDS = {"accession_number": "CM012611280001", "findings": "右下肺见斑片状模糊影。",
          "impression": "右下肺炎症。", "images": ["ab" * 32], "kind": "final"}


def _signer(ca: Path, password: str = "password-1") -> tuple[str, str]:
    private, public = new_signing_key(password)
    return private, pki.issue_signer(ca, "rev.chest", "刘主任", public)


@pytest.fixture
def ca(tmp_path: Path) -> Path:
    pki.init_ca(tmp_path / "ca")
    return tmp_path / "ca"


def test_canonical_bytes_do_not_depend_on_key_order_or_unicode_form() -> None:
    decomposed = {**FIELDS, "findings": unicodedata.normalize("NFD", "Café 右下肺")}
    composed = {**FIELDS, "findings": "Café 右下肺"}
    assert canonical_bytes(decomposed) == canonical_bytes(dict(reversed(composed.items())))
    assert "右下肺".encode() in canonical_bytes(FIELDS)  # UTF-8, not \\u escapes


def test_sign_and_verify(ca: Path) -> None:
    private, cert = _signer(ca)
    data = canonical_bytes(FIELDS)
    signature = sign(private, "password-1", data)
    check = verify(data, signature, cert, (ca / pki.CA_CERT).read_bytes())
    assert check.valid
    assert check.signer == "刘主任"
    assert len(check.fingerprint) == 64


def test_the_key_is_useless_without_the_password(ca: Path) -> None:
    private, _cert = _signer(ca)
    assert "ENCRYPTED PRIVATE KEY" in private
    with pytest.raises(SigningError, match="password"):
        sign(private, "password-2", b"x")
    with pytest.raises(SigningError, match="8 characters"):
        new_signing_key("short")


def test_tampering_and_foreign_certificates_are_refused(ca: Path, tmp_path: Path) -> None:
    private, cert = _signer(ca)
    ca_pem = (ca / pki.CA_CERT).read_bytes()
    data = canonical_bytes(FIELDS)
    signature = sign(private, "password-1", data)
    altered = canonical_bytes({**FIELDS, "impression": "未见异常。"})
    assert verify(altered, signature, cert, ca_pem).reason == \
        "the report text differs from what was signed"
    # the same key certified by another CA is not a consortium signer
    other = tmp_path / "other-ca"
    pki.init_ca(other)
    assert not verify(data, signature, cert, (other / pki.CA_CERT).read_bytes()).valid
    # a signature made outside the certificate's validity
    late = datetime.now(UTC) + timedelta(days=5000)
    assert "not valid when" in verify(data, signature, cert, ca_pem, late).reason


def test_a_certificate_not_for_signing_is_refused(ca: Path) -> None:
    key = ed25519.Ed25519PrivateKey.generate()
    ca_key, ca_cert = pki._load_ca(ca)
    now = datetime.now(UTC)
    name = x509.Name([x509.NameAttribute(x509.NameOID.COMMON_NAME, "someone")])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(ca_cert.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=1))
            .sign(ca_key, hashes.SHA256()))
    pem = cert.public_bytes(serialization.Encoding.PEM).decode()
    data = b"report"
    check = verify(data, key.sign(data), pem, (ca / pki.CA_CERT).read_bytes())
    assert check.reason == "the signer certificate is not for signing"
