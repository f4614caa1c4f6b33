"""SCU helpers: talk to other DICOM nodes and devices."""

from __future__ import annotations

import re
import ssl
from dataclasses import dataclass

from pynetdicom import AE
from pynetdicom.sop_class import Verification

_TARGET_RE = re.compile(r"^(?P<ae>[^@\s]{1,16})@(?P<host>\[[^\]]+\]|[^:\s]+):(?P<port>\d{1,5})$")


@dataclass(frozen=True)
class Target:
    ae_title: str
    host: str
    port: int

    @classmethod
    def parse(cls, text: str) -> Target:
        """``AE@host:port`` (IPv6 hosts in brackets)."""
        match = _TARGET_RE.match(text.strip())
        if not match or not 0 < int(match["port"]) < 65536:
            raise ValueError(f"{text!r} is not AE@host:port, e.g. CH01_PACS@127.0.0.1:11112")
        return cls(match["ae"], match["host"].strip("[]"), int(match["port"]))


class DicomConnectionError(RuntimeError):
    """The peer could not be reached or refused the association; ``kind`` names which
    (``refused``, ``no_answer``, ``no_echo``) for a desk that says it in its language."""

    def __init__(self, message: str, kind: str = "") -> None:
        super().__init__(message)
        self.kind = kind


def echo(target: Target, calling_ae: str, timeout: float = 10,
         tls: ssl.SSLContext | None = None) -> int:
    """C-ECHO ``target`` (over TLS when ``tls`` is given); returns the status or raises
    with words a technician understands."""
    ae = AE(ae_title=calling_ae)
    ae.acse_timeout = ae.network_timeout = ae.dimse_timeout = timeout
    ae.add_requested_context(Verification)
    assoc = ae.associate(target.host, target.port, ae_title=target.ae_title,
                         tls_args=(tls, None) if tls else None)
    if assoc.is_rejected:
        raise DicomConnectionError(
            f"{target.ae_title} at {target.host}:{target.port} refused the association "
            f"(is {calling_ae} registered there as a peer?)", "refused")
    if not assoc.is_established:
        raise DicomConnectionError(
            f"No DICOM node answered at {target.host}:{target.port} "
            "(check the host, the port and that the node is running)", "no_answer")
    try:
        status = assoc.send_c_echo()
        if not status:
            raise DicomConnectionError(f"{target.ae_title} did not answer the echo in time",
                                       "no_echo")
        return int(status.Status)
    finally:
        assoc.release()
