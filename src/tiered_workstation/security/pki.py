"""The consortium's certificate authority and the sites' certificates.

One CA (EC P-256, kept by the center's administrator) signs one certificate
per site; the same certificate and key serve HTTPS (sync API) and DICOM TLS.
A site certificate's common name is the site code: the center learns who is
calling from the certificate, never from the request.  Revoked certificates
are listed in a CRL the servers load; private keys are written 0600 in 0700
folders.

Layout of a CA folder::

    ca.crt  ca.key  crl.pem  issued.json      # issued.json: serial, site, expiry, revoked
"""

from __future__ import annotations

import ipaddress
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

ORGANIZATION = "Tiered Workstation consortium"
CA_DAYS = 3650
SITE_DAYS = 825
CRL_DAYS = 30
CA_CERT, CA_KEY, CRL, INDEX = "ca.crt", "ca.key", "crl.pem", "issued.json"


class PkiError(ValueError):
    """A PKI operation cannot be done (message says what to do)."""


@dataclass(frozen=True)
class SiteFiles:
    """Where a site's TLS material was written."""

    certificate: Path
    private_key: Path
    ca_certificate: Path
    crl: Path


@dataclass(frozen=True)
class CertificateInfo:
    subject: str
    issuer: str
    serial: int
    not_before: datetime
    not_after: datetime
    fingerprint_sha256: str
    is_ca: bool

    def days_left(self, now: datetime | None = None) -> int:
        return (self.not_after - (now or datetime.now(UTC))).days


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANIZATION),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _private_folder(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o700)


def _write(path: Path, data: bytes, mode: int) -> None:
    temp = path.with_name(path.name + ".tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(temp, mode)
    temp.replace(path)


def _key_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _cert_pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def init_ca(folder: Path, name: str = "Tiered Workstation consortium CA",
            days: int = CA_DAYS, now: datetime | None = None) -> Path:
    """Create the consortium CA in ``folder`` (refuses to overwrite one)."""
    if (folder / CA_KEY).exists():
        raise PkiError(f"A CA already exists in {folder}; keep it (every site trusts it) or "
                       "choose another folder.")
    _private_folder(folder)
    now = now or datetime.now(UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder().subject_name(_name(name)).issuer_name(_name(name))
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(minutes=5))
            .not_valid_after(now + timedelta(days=days))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, key_cert_sign=True,
                                         crl_sign=True, encipher_only=False,
                                         decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                           critical=False)
            .sign(key, hashes.SHA256()))
    _write(folder / CA_KEY, _key_pem(key), 0o600)
    _write(folder / CA_CERT, _cert_pem(cert), 0o644)
    _write(folder / INDEX, b"[]", 0o600)
    _write_crl(folder, key, cert, [], now)
    return folder / CA_CERT


def _load_ca(folder: Path) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    if not (folder / CA_KEY).is_file():
        raise PkiError(f"No CA in {folder}; create it with 'tiered-ws pki init-ca --dir "
                       f"{folder}'.")
    key = serialization.load_pem_private_key((folder / CA_KEY).read_bytes(), None)
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise PkiError(f"{folder / CA_KEY} is not an EC private key.")
    return key, x509.load_pem_x509_certificate((folder / CA_CERT).read_bytes())


def _index(folder: Path) -> list[dict[str, object]]:
    return json.loads((folder / INDEX).read_text())


def _write_crl(folder: Path, key: ec.EllipticCurvePrivateKey, cert: x509.Certificate,
               revoked: list[dict[str, object]], now: datetime) -> None:
    builder = (x509.CertificateRevocationListBuilder().issuer_name(cert.subject)
               .last_update(now - timedelta(minutes=5))
               .next_update(now + timedelta(days=CRL_DAYS)))
    for entry in revoked:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder().serial_number(int(str(entry["serial"])))
            .revocation_date(datetime.fromisoformat(str(entry["revoked_at"]))).build())
    crl = builder.sign(key, hashes.SHA256())
    _write(folder / CRL, crl.public_bytes(serialization.Encoding.PEM), 0o644)


def issue_site(ca_folder: Path, site_code: str, out_folder: Path, *,
               hosts: tuple[str, ...] = (), days: int = SITE_DAYS,
               now: datetime | None = None) -> SiteFiles:
    """Issue (or renew: a new key each time) the certificate of ``site_code`` into
    ``out_folder``, with the CA certificate and CRL the site needs to check peers."""
    if not site_code.isalnum():
        raise PkiError(f"Site code {site_code!r} must be letters and digits, e.g. CM01.")
    ca_key, ca_cert = _load_ca(ca_folder)
    now = now or datetime.now(UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    names: list[x509.GeneralName] = [x509.DNSName("localhost"),
                                     x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
    for host in hosts:
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(host)))
        except ValueError:
            names.append(x509.DNSName(host))
    not_after = min(now + timedelta(days=days), ca_cert.not_valid_after_utc)
    serial = x509.random_serial_number()
    cert = (x509.CertificateBuilder().subject_name(_name(site_code))
            .issuer_name(ca_cert.subject).public_key(key.public_key())
            .serial_number(serial)
            .not_valid_before(now - timedelta(minutes=5)).not_valid_after(not_after)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.SubjectAlternativeName(names), critical=False)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH,
                                                  ExtendedKeyUsageOID.CLIENT_AUTH]),
                           critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    _private_folder(out_folder)
    stem = site_code.lower()
    files = SiteFiles(out_folder / f"{stem}.crt", out_folder / f"{stem}.key",
                      out_folder / CA_CERT, out_folder / CRL)
    _write(files.private_key, _key_pem(key), 0o600)
    _write(files.certificate, _cert_pem(cert), 0o644)
    if out_folder.resolve() != ca_folder.resolve():
        _write(files.ca_certificate, (ca_folder / CA_CERT).read_bytes(), 0o644)
        _write(files.crl, (ca_folder / CRL).read_bytes(), 0o644)
    index = _index(ca_folder)
    index.append({"serial": str(serial), "site": site_code, "not_after": not_after.isoformat(),
                  "revoked_at": None})
    _write(ca_folder / INDEX, json.dumps(index, indent=1).encode(), 0o600)
    return files


def issue_signer(ca_folder: Path, username: str, display_name: str,
                 public_key: ed25519.Ed25519PublicKey, *, days: int = SITE_DAYS,
                 now: datetime | None = None) -> str:
    """Certify a reviewer's report-signing key (Ed25519); returns the certificate PEM.

    The subject's common name is the display name (what reports print), with the
    username as the user ID attribute; key usage is non-repudiation only."""
    ca_key, ca_cert = _load_ca(ca_folder)
    now = now or datetime.now(UTC)
    not_after = min(now + timedelta(days=days), ca_cert.not_valid_after_utc)
    serial = x509.random_serial_number()
    subject = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANIZATION),
                         x509.NameAttribute(NameOID.USER_ID, username),
                         x509.NameAttribute(NameOID.COMMON_NAME, display_name or username)])
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(ca_cert.subject)
            .public_key(public_key).serial_number(serial)
            .not_valid_before(now - timedelta(minutes=5)).not_valid_after(not_after)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=True,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False,
                                         decipher_only=False), critical=True)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    index = _index(ca_folder)
    index.append({"serial": str(serial), "signer": username,
                  "not_after": not_after.isoformat(), "revoked_at": None})
    _write(ca_folder / INDEX, json.dumps(index, indent=1).encode(), 0o600)
    return _cert_pem(cert).decode("ascii")


def revoke_site(ca_folder: Path, site_code: str, now: datetime | None = None) -> int:
    """Revoke every certificate issued to ``site_code``; rewrites the CRL.
    Returns how many were revoked (copy crl.pem to the sites that check peers)."""
    ca_key, ca_cert = _load_ca(ca_folder)
    now = now or datetime.now(UTC)
    index = _index(ca_folder)
    count = 0
    for entry in index:
        if entry.get("site") == site_code and not entry["revoked_at"]:
            entry["revoked_at"] = now.isoformat()
            count += 1
    if not count:
        raise PkiError(f"No valid certificate of site {site_code} to revoke.")
    _write(ca_folder / INDEX, json.dumps(index, indent=1).encode(), 0o600)
    _write_crl(ca_folder, ca_key, ca_cert, [e for e in index if e["revoked_at"]], now)
    return count


def describe(path: Path) -> CertificateInfo:
    """What a PEM certificate file says about itself."""
    try:
        cert = x509.load_pem_x509_certificate(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise PkiError(f"{path} is not a readable PEM certificate ({exc}).") from None
    try:
        is_ca = bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        is_ca = False
    return CertificateInfo(
        subject=common_name(cert.subject), issuer=common_name(cert.issuer),
        serial=cert.serial_number, not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        fingerprint_sha256=cert.fingerprint(hashes.SHA256()).hex(":"), is_ca=is_ca)


def common_name(name: x509.Name) -> str:
    values = name.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(values[0].value) if values else ""


def site_of_peer_certificate(der: bytes) -> str:
    """The site code a verified peer certificate (DER, as ``getpeercert(True)``) names."""
    return common_name(x509.load_der_x509_certificate(der).subject)
