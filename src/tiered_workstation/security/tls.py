"""TLS contexts for site-to-site traffic: mutual authentication, TLS 1.2 or newer.

A server refuses clients without a certificate from the configured CA(s);
a client refuses servers whose certificate does not chain to them.
"""

from __future__ import annotations

import ssl
from pathlib import Path


class TlsConfigurationError(ValueError):
    """The certificate, key or CA files cannot be used."""


def _load(context: ssl.SSLContext, certificate: Path, private_key: Path,
          ca_certificates: Path) -> ssl.SSLContext:
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.verify_mode = ssl.CERT_REQUIRED
    for label, path in (("certificate", certificate), ("private key", private_key),
                        ("CA certificates", ca_certificates)):
        if not path.is_file():
            raise TlsConfigurationError(f"The TLS {label} file {path} does not exist.")
    try:
        context.load_cert_chain(certificate, private_key)
        context.load_verify_locations(cafile=ca_certificates)
    except (ssl.SSLError, ValueError) as exc:
        raise TlsConfigurationError(
            f"The TLS files {certificate}, {private_key}, {ca_certificates} cannot be used "
            f"together ({exc}).") from None
    return context


def server_context(certificate: Path, private_key: Path, ca_certificates: Path,
                   crl: Path | None = None) -> ssl.SSLContext:
    """For listening: clients must present a certificate issued by ``ca_certificates``
    and, when a CRL is given, not revoked in it."""
    context = _load(ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER), certificate, private_key,
                    ca_certificates)
    if crl is not None:
        if not crl.is_file():
            raise TlsConfigurationError(f"The certificate revocation list {crl} does not "
                                        "exist (copy crl.pem from the consortium CA).")
        try:
            context.load_verify_locations(cafile=crl)
        except ssl.SSLError as exc:
            raise TlsConfigurationError(f"{crl} is not a usable CRL ({exc}).") from None
        context.verify_flags |= ssl.VERIFY_CRL_CHECK_LEAF
    return context


def client_context(certificate: Path, private_key: Path,
                   ca_certificates: Path) -> ssl.SSLContext:
    """For connecting: present our certificate, trust only ``ca_certificates``.

    Host names are not checked (sites are known by certificate and AE title,
    often by IP address); the chain to the consortium CA is.
    """
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    return _load(context, certificate, private_key, ca_certificates)


def describe_tls_failure(error: BaseException) -> str:
    """Plain words for why a TLS handshake failed."""
    text = str(error).lower()
    if isinstance(error, TimeoutError):  # socket.timeout is TimeoutError
        return "the peer did not complete the TLS handshake in time"
    if "expired" in text:
        return "the peer's certificate has expired"
    if "did not return a certificate" in text or "certificate required" in text:
        return "the peer sent no certificate (mutual TLS requires one)"
    if "revoked" in text:
        return "the peer's certificate has been revoked"
    if "unknown ca" in text or "certificate verify failed" in text or "bad certificate" in text:
        return "the peer's certificate is not signed by the consortium CA"
    if "wrong version number" in text or "http request" in text or "unknown protocol" in text:
        return "the peer does not speak TLS on this port (plain DICOM on the TLS port?)"
    return f"TLS handshake failed ({error})"
