"""Each service's own section of the settings, cut from the whole by bootstrap.

A service reads only what it is given: the DICOM node never sees the sync URL,
the printer never sees the peers.  Bootstrap (``app/bootstrap.py``) is the one
place that holds the whole :class:`Settings` and hands these out.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from .model import (
    CharsetSettings,
    DicomSettings,
    ForwardSettings,
    KnowsPeers,
    PeerNode,
    PrintSettings,
    Settings,
    TlsSettings,
)


@dataclass(frozen=True)
class NodeSettings(KnowsPeers):
    """The DICOM node and its handlers: who the node is, whom it serves, in which sets."""

    site_code: str
    timezone: ZoneInfo
    dicom: DicomSettings
    charset: CharsetSettings
    peers: tuple[PeerNode, ...]

    @classmethod
    def of(cls, settings: Settings) -> NodeSettings:
        return cls(settings.site.code, settings.site.tz, settings.dicom, settings.charset,
                   settings.peers)


@dataclass(frozen=True)
class ForwarderSettings(KnowsPeers):
    """A community's forwarder: its own title and TLS identity, the center and its peers."""

    site_code: str
    center: str | None
    ae_title: str
    tls: TlsSettings | None
    forward: ForwardSettings
    peers: tuple[PeerNode, ...]

    @classmethod
    def of(cls, settings: Settings) -> ForwarderSettings:
        return cls(settings.site.code, settings.site.center, settings.dicom.ae_title,
                   settings.dicom.tls, settings.forward, settings.peers)


@dataclass(frozen=True)
class PrinterSettings:
    """The auto-printer: where PDFs go, the printer and paper, the CA that signed reports."""

    site_code: str
    timezone: ZoneInfo
    printing: PrintSettings
    folder: Path
    ca_certificates: Path | None
    report_folder: Path | None = None  # the site's logo.png and seal.png

    @classmethod
    def of(cls, settings: Settings) -> PrinterSettings:
        tls = settings.dicom.tls
        return cls(settings.site.code, settings.site.tz, settings.printing,
                   settings.data_dir / "prints", tls.ca_certificates if tls else None,
                   settings.data_dir / "report")


@dataclass(frozen=True)
class SealerSettings:
    """Where the outbox sealing key comes from: the site's TLS key, else a key file."""

    private_key: Path | None
    key_file: Path

    @classmethod
    def of(cls, settings: Settings) -> SealerSettings:
        tls = settings.dicom.tls
        return cls(tls.private_key if tls else None, settings.data_dir / "outbox.key")
