"""'Test connection' for the Node status page: C-ECHO a peer, or ask the center's API."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from ..config import PeerNode, Settings
from ..dicom.scu import DicomConnectionError, Target, echo
from ..security.tls import client_context
from ..sync.client import SyncClient, SyncRejected, SyncUnavailable


@dataclass(frozen=True)
class ConnectionCheck:
    """The outcome of one test, in words for the desk."""

    ok: bool
    message: str
    milliseconds: float
    # what happened, for a desk to say in its own language (``message`` is English):
    # answered, answered_tls, api_answered, refused, no_answer, no_echo, status,
    # tls_missing, no_center_url, or "" (only ``message`` says it)
    kind: str = ""
    facts: dict[str, str] = field(default_factory=dict)


def check_peer(settings: Settings, peer: PeerNode, timeout: float = 5.0) -> ConnectionCheck:
    """C-ECHO ``peer`` from this site's AE title (over mutual TLS when the peer uses it)."""
    started = time.perf_counter()
    identity = settings.dicom.tls
    facts = {"ae": peer.ae_title, "host": peer.host, "port": str(peer.port),
             "calling": settings.dicom.ae_title}
    try:
        if peer.tls and identity is None:
            raise DicomConnectionError(
                "This peer expects DICOM TLS, but this site has no TLS identity "
                "([dicom.tls] in site.toml).", "tls_missing")
        context = client_context(identity.certificate, identity.private_key,
                                 identity.ca_certificates) if peer.tls and identity else None
        status = echo(Target(peer.ae_title, peer.host, peer.port), settings.dicom.ae_title,
                      timeout=timeout, tls=context)
    except DicomConnectionError as exc:
        return ConnectionCheck(False, str(exc), _ms(started), exc.kind, facts)
    except OSError as exc:
        return ConnectionCheck(False, str(exc), _ms(started))
    if status != 0:
        return ConnectionCheck(False, f"{peer.ae_title} answered the echo with status "
                                      f"0x{status:04X}", _ms(started), "status",
                               facts | {"status": f"0x{status:04X}"})
    secure = " over TLS" if peer.tls else ""
    return ConnectionCheck(True, f"{peer.ae_title} answered{secure}", _ms(started),
                           "answered_tls" if peer.tls else "answered", facts)


def check_center_api(settings: Settings, timeout: float = 5.0) -> ConnectionCheck:
    """Ask the center's sync API for its health over mutual TLS (a community's link)."""
    started = time.perf_counter()
    if not settings.sync.center_url:
        return ConnectionCheck(False, "No center URL is configured ([sync] center_url).",
                               _ms(started), "no_center_url")
    try:
        client = SyncClient(settings.sync.center_url, settings.dicom.tls, timeout=timeout)
    except (ValueError, OSError) as exc:
        return ConnectionCheck(False, str(exc), _ms(started))
    try:
        health = client.health()
    except (SyncUnavailable, SyncRejected) as exc:
        return ConnectionCheck(False, str(exc), _ms(started))
    finally:
        client.close()
    site = str(health.get("site", ""))
    return ConnectionCheck(True, f"The center {site} answered over HTTPS", _ms(started),
                           "api_answered", {"site": site})


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000
