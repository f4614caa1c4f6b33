"""The typed settings of a site: what a validated site.toml holds."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from zoneinfo import ZoneInfo

SCHEMA_VERSION = 1
CONFIG_ENV_VAR = "TW_CONFIG"
DEFAULT_CONFIG_NAME = "site.toml"
DEFAULT_DB_FILE = "tiered.db"

SITE_CODE_RE = re.compile(r"^[A-Z][A-Z0-9]{1,4}$")
UID_ROOT_RE = re.compile(r"^[0-2](\.(0|[1-9][0-9]*))*$")
CLOCK_TIME_RE = re.compile(r"^((([01][0-9]|2[0-3]):[0-5][0-9])|)$")
# Character sets a peer may be configured with (DICOM defined terms).
KNOWN_CHARSETS = (
    "ISO_IR 6",
    "ISO_IR 100",
    "ISO_IR 192",
    "GB18030",
    "GBK",
    "ISO 2022 IR 6\\ISO 2022 IR 58",
)


class SiteMode(StrEnum):
    """What a site does in the consortium."""

    CENTER = "center"
    COMMUNITY = "community"


class PeerKind(StrEnum):
    """What sits behind a peer AE title."""

    NODE = "node"  # another Tiered Workstation site
    MODALITY = "modality"  # a DR/CT console
    VIEWER = "viewer"  # a reading workstation or viewer
    WORKSTATION = "workstation"  # any other DICOM application (e.g. a third-party PACS)


class ConfigError(ValueError):
    """A configuration value is missing or malformed.

    Parameters
    ----------
    key
        Dotted key in the TOML file, e.g. ``dicom.port``.
    problem
        What is wrong with the value that was found.
    expected
        The form the value should take.
    source
        The file the value came from, when known.
    """

    def __init__(self, key: str, problem: str, expected: str, source: Path | None = None):
        self.key = key
        self.problem = problem
        self.expected = expected
        self.source = source
        where = f"{source}: " if source else ""
        subject = f"`{key}` " if key else ""
        super().__init__(f"{where}{subject}{problem}; expected {expected}.")


@dataclass(frozen=True)
class SiteSettings:
    code: str
    name: str
    mode: SiteMode
    center: str | None
    timezone: str = "Asia/Shanghai"

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


@dataclass(frozen=True)
class TlsSettings:
    """The site's TLS identity (PEM files from the consortium CA), used for DICOM TLS
    (on ``port``; 0 = no DICOM TLS listener) and for the HTTPS sync API/client."""

    port: int
    certificate: Path
    private_key: Path
    ca_certificates: Path
    crl: Path | None = None


@dataclass(frozen=True)
class DicomSettings:
    ae_title: str
    port: int = 11112
    bind_address: str = "127.0.0.1"
    max_pdu: int = 131072
    max_associations: int = 16
    max_associations_per_peer: int = 4
    # Below this much free space on the archive's disk, new associations are refused.
    min_free_mb: int = 500
    tls: TlsSettings | None = None


@dataclass(frozen=True)
class ApiSettings:
    port: int = 8443
    bind_address: str = "127.0.0.1"


@dataclass(frozen=True)
class ForwardSettings:
    """A community's store-and-forward of images to its center."""

    compression: str = "jpeg-ls"  # jpeg-ls | jpeg2000 | rle | none
    settle_seconds: float = 3.0  # a study is forwarded once no image came for this long
    retention_days: int = 0  # delete local copies this long after commitment (0 = keep)
    # how a community fetches a prior from the center: "move" (the center connects back
    # to this node), "get" (over this site's own association: through NAT and firewalls)
    # or "auto" (move, then get when the center could not connect back)
    retrieve_priors: str = "auto"


@dataclass(frozen=True)
class SyncSettings:
    """How a community reaches its center (empty URL: not configured)."""

    center_url: str = ""
    retry_max_seconds: int = 300


@dataclass(frozen=True)
class CharsetSettings:
    outgoing: str = "ISO_IR 192"
    assume_unlabelled: str = "GB18030"


@dataclass(frozen=True)
class WorkflowSettings:
    tat_target_minutes: int = 30
    default_reading_mode: str = "center-full"
    # a community whose own reading queue is longer than this registers new exams
    # as center-full (the overload mode); 0 turns the rule off
    overload_threshold: int = 0


@dataclass(frozen=True)
class RegistrationSettings:
    """How registration numbers this site's patients."""

    # the hospital record number (病历号) a new patient gets here: {site}, {yyyy}, {yy},
    # {mm} and one {seq:0Nd}; the sequence restarts when the date part changes
    record_number: str = "{site}{yyyy}{seq:06d}"


@dataclass(frozen=True)
class PrintSettings:
    """How signed reports reach paper at this site."""

    auto_print: bool = True  # a signed report arriving here prints by itself
    printer: str = ""  # a CUPS queue name; "" = the PDF folder DATA_DIR/prints only
    paper: str = "A4"  # A4 | A5


@dataclass(frozen=True)
class GuiSettings:
    """The desktop application at this site."""

    embed_node: bool = True  # the app runs the site's node (DICOM, sync, forward, print)
    language: str = "auto"  # auto (from the system locale) | zh_CN | en


@dataclass(frozen=True)
class AlertSettings:
    """Arrival alerts at the reading room and the print desk."""

    sound: bool = True
    volume: int = 80  # percent
    speech: bool = False  # speak "新检查：张三，胸部正侧位，社区一" where an engine exists
    quiet_start: str = ""  # "22:00": no sound from then …
    quiet_end: str = ""  # … until "07:00" (banners and tray messages still show)
    repeat_urgent_seconds: int = 60  # urgent alerts repeat until acknowledged


SERVICES = ("echo", "store", "worklist", "mpps", "commitment", "query", "retrieve")
DEFAULT_SERVICES = {
    PeerKind.MODALITY: frozenset({"echo", "store", "worklist", "mpps", "commitment"}),
    PeerKind.VIEWER: frozenset({"echo", "query", "retrieve", "store", "commitment"}),
    PeerKind.NODE: frozenset(SERVICES),
    PeerKind.WORKSTATION: frozenset(SERVICES),
}


@dataclass(frozen=True)
class PeerNode:
    ae_title: str
    host: str
    port: int
    tls: bool = False
    kind: PeerKind = PeerKind.NODE
    site: str | None = None
    charset: str | None = None
    assume_charset: str | None = None
    phonetic_names: bool = False
    services: frozenset[str] | None = None  # None: the defaults of its kind

    @property
    def allowed_services(self) -> frozenset[str]:
        return self.services if self.services is not None else DEFAULT_SERVICES[self.kind]


class KnowsPeers:
    """Looking up the registered peers (``peers``) of a site or of one of its services."""

    peers: tuple[PeerNode, ...]

    def peer(self, ae_title: str) -> PeerNode | None:
        """The registered peer with this AE title, or None if it is unknown."""
        return next((p for p in self.peers if p.ae_title == ae_title), None)

    def allows(self, ae_title: str, service: str) -> bool:
        """May this calling AE use this service (see SERVICES)?"""
        peer = self.peer(ae_title)
        return peer is not None and service in peer.allowed_services


@dataclass(frozen=True)
class Settings(KnowsPeers):
    """Everything a site needs to start, validated."""

    site: SiteSettings
    data_dir: Path
    archive_dir: Path
    database_url: str
    dicom: DicomSettings
    api: ApiSettings = field(default_factory=ApiSettings)
    sync: SyncSettings = field(default_factory=SyncSettings)
    forward: ForwardSettings = field(default_factory=ForwardSettings)
    charset: CharsetSettings = field(default_factory=CharsetSettings)
    workflow: WorkflowSettings = field(default_factory=WorkflowSettings)
    registration: RegistrationSettings = field(default_factory=RegistrationSettings)
    gui: GuiSettings = field(default_factory=GuiSettings)
    alerts: AlertSettings = field(default_factory=AlertSettings)
    printing: PrintSettings = field(default_factory=PrintSettings)
    uid_root: str = "2.25"
    peers: tuple[PeerNode, ...] = ()
    schema_version: int = SCHEMA_VERSION
    source: Path | None = None


def default_database_url(data_dir: Path) -> str:
    return f"sqlite:///{(data_dir / DEFAULT_DB_FILE).as_posix()}"
