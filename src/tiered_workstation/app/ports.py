"""Is something of this site listening? A TCP probe of this machine's own ports."""

from __future__ import annotations

import socket

from ..config import Settings


def is_listening(host: str, port: int, timeout: float = 0.3) -> bool:
    """True when something accepts TCP connections at host:port (this machine only)."""
    target = "127.0.0.1" if host in ("0.0.0.0", "") else host
    try:
        with socket.create_connection((target, port), timeout=timeout):
            return True
    except OSError:
        return False


def running_node(settings: Settings) -> str | None:
    """'host:port' of this site's node when one is running on this machine, else None.

    Only the plain DICOM port is probed: a bare connection to a mutual-TLS port
    is logged by the node as a refused handshake.
    """
    host, port = settings.dicom.bind_address, settings.dicom.port
    return f"{host}:{port}" if is_listening(host, port) else None
