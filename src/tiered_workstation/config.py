"""Site configuration: a TOML file turned into typed, validated settings.

A site's whole identity lives in one ``site.toml``: who the site is, where its
data lives, how its DICOM node is reached and which peers it trusts.  Every
value is checked when the file is read; a mistake produces one
:class:`ConfigError` naming the key and the expected form, so a technician can
fix the file without reading a traceback.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

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


@dataclass(frozen=True)
class Settings:
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
    gui: GuiSettings = field(default_factory=GuiSettings)
    alerts: AlertSettings = field(default_factory=AlertSettings)
    printing: PrintSettings = field(default_factory=PrintSettings)
    uid_root: str = "2.25"
    peers: tuple[PeerNode, ...] = ()
    schema_version: int = SCHEMA_VERSION
    source: Path | None = None

    def peer(self, ae_title: str) -> PeerNode | None:
        """The registered peer with this AE title, or None if it is unknown."""
        return next((p for p in self.peers if p.ae_title == ae_title), None)

    def answer_style(self, ae_title: str) -> tuple[str, bool]:
        """(character set, phonetic name groups) to answer this calling AE in."""
        peer = self.peer(ae_title)
        charset = peer.charset if peer and peer.charset else self.charset.outgoing
        return charset, bool(peer and peer.phonetic_names)

    def allows(self, ae_title: str, service: str) -> bool:
        """May this calling AE use this service (see SERVICES)?"""
        peer = self.peer(ae_title)
        return peer is not None and service in peer.allowed_services


def default_database_url(data_dir: Path) -> str:
    return f"sqlite:///{(data_dir / DEFAULT_DB_FILE).as_posix()}"


def resolve_config_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Choose the configuration file: ``--config`` beats ``TW_CONFIG`` beats ./site.toml."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(CONFIG_ENV_VAR)
    if env:
        return Path(env)
    return Path.cwd() / DEFAULT_CONFIG_NAME


def load_settings(path: str | os.PathLike[str] | None = None) -> Settings:
    """Read and validate a site configuration file.

    Raises
    ------
    ConfigError
        When the file is missing, is not valid TOML, or any value is wrong.
    """
    config_path = resolve_config_path(path).expanduser()
    try:
        raw = tomllib.loads(config_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(
            "", f"the configuration file {config_path} was not found",
            "a site.toml written by `tiered-ws init`, or the path in --config / TW_CONFIG",
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError("", f"the file is not valid TOML ({exc})", "TOML syntax",
                          config_path) from None
    except UnicodeDecodeError:
        raise ConfigError("", "the file is not UTF-8 text", "a UTF-8 encoded file",
                          config_path) from None
    return parse_settings(raw, base_dir=config_path.parent.resolve(), source=config_path)


# Each entry upgrades a raw mapping from schema version N to N + 1.
_MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def parse_settings(raw: Mapping[str, Any], *, base_dir: Path,
                   source: Path | None = None) -> Settings:
    """Validate a parsed TOML mapping; relative paths are taken from ``base_dir``."""
    root = _Table(dict(raw), "", source)
    version = root.integer("schema_version", minimum=1)
    if version > SCHEMA_VERSION:
        raise ConfigError("schema_version", f"is {version}, newer than this program knows",
                          f"{SCHEMA_VERSION} or lower (upgrade Tiered Workstation)", source)
    data = dict(raw)
    while version < SCHEMA_VERSION:
        data = _MIGRATIONS[version](data)
        version += 1
    root = _Table(data, "", source)
    root.integer("schema_version", minimum=1)

    site_t = root.table("site")
    mode = SiteMode(site_t.choice("mode", [m.value for m in SiteMode]))
    code = site_t.string("code", pattern=SITE_CODE_RE,
                         expected="2–5 capital letters or digits starting with a letter, e.g. CM01")
    center = site_t.string("center", default="", pattern=re.compile(r"^$|" + SITE_CODE_RE.pattern),
                           expected="the site code of the center, e.g. CH01") or None
    if mode is SiteMode.COMMUNITY and center is None:
        raise ConfigError("site.center", "is missing for a community site",
                          "the site code of the center this community belongs to", source)
    timezone = site_t.string("timezone", default="Asia/Shanghai")
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError("site.timezone", f"names an unknown time zone {timezone!r}",
                          "an IANA zone such as Asia/Shanghai", source) from None
    site = SiteSettings(code=code, name=site_t.string("name", default=code), mode=mode,
                        center=center if mode is SiteMode.COMMUNITY else None, timezone=timezone)
    site_t.done()

    paths_t = root.table("paths", optional=True)
    data_dir = _path(paths_t.string("data_dir", default="."), base_dir)
    archive_dir = _path(paths_t.string("archive_dir", default="archive"), data_dir)
    database_url = paths_t.string("database_url", default="") or default_database_url(data_dir)
    if "://" not in database_url:
        raise ConfigError("paths.database_url", f"is {database_url!r}",
                          "an SQLAlchemy URL such as sqlite:///tiered.db or "
                          "postgresql+psycopg://user@host/db", source)
    paths_t.done()

    dicom_t = root.table("dicom", optional=True)
    dicom = DicomSettings(
        ae_title=dicom_t.ae_title("ae_title", default=f"{code}_PACS"[:16]),
        port=dicom_t.port("port", default=11112),
        bind_address=dicom_t.string("bind_address", default="127.0.0.1"),
        max_pdu=dicom_t.integer("max_pdu", default=131072, minimum=0, maximum=2**32 - 1),
        max_associations=dicom_t.integer("max_associations", default=16, minimum=1,
                                         maximum=1000),
        max_associations_per_peer=dicom_t.integer("max_associations_per_peer", default=4,
                                                  minimum=1, maximum=1000),
        min_free_mb=dicom_t.integer("min_free_mb", default=500, minimum=0,
                                    maximum=10_000_000),
        tls=_tls(dicom_t.table("tls", optional=True), data_dir),
    )
    dicom_t.done()

    api_t = root.table("api", optional=True)
    api = ApiSettings(port=api_t.port("port", default=8443),
                      bind_address=api_t.string("bind_address", default="127.0.0.1"))
    api_t.done()

    sync_t = root.table("sync", optional=True)
    center_url = sync_t.string("center_url", default="",
                               expected="an https:// URL such as https://10.1.0.5:8443")
    if center_url and not center_url.startswith("https://"):
        raise sync_t._error("center_url", f"is {center_url!r}",
                            "an https:// URL such as https://10.1.0.5:8443")
    sync = SyncSettings(center_url=center_url.rstrip("/"), retry_max_seconds=sync_t.integer(
        "retry_max_seconds", default=300, minimum=1, maximum=86400))
    sync_t.done()

    fw_t = root.table("forward", optional=True)
    forward = ForwardSettings(
        compression=fw_t.choice("compression", ("jpeg-ls", "jpeg2000", "rle", "none"),
                                default="jpeg-ls"),
        settle_seconds=float(fw_t.integer("settle_seconds", default=3, minimum=0,
                                          maximum=3600)),
        retention_days=fw_t.integer("retention_days", default=0, minimum=0, maximum=36500),
        retrieve_priors=fw_t.choice("retrieve_priors", ("auto", "move", "get"),
                                    default="auto"))
    fw_t.done()

    cs_t = root.table("charset", optional=True)
    charset = CharsetSettings(
        outgoing=cs_t.choice("outgoing", KNOWN_CHARSETS, default="ISO_IR 192"),
        assume_unlabelled=cs_t.choice("assume_unlabelled", KNOWN_CHARSETS, default="GB18030"),
    )
    cs_t.done()

    wf_t = root.table("workflow", optional=True)
    workflow = WorkflowSettings(
        tat_target_minutes=wf_t.integer("tat_target_minutes", default=30, minimum=1,
                                        maximum=24 * 60),
        default_reading_mode=wf_t.choice("default_reading_mode",
                                         ["center-full", "community-prelim"],
                                         default="center-full"),
        overload_threshold=wf_t.integer("overload_threshold", default=0, minimum=0,
                                        maximum=10000),
    )
    wf_t.done()

    pr_t = root.table("printing", optional=True)
    printing = PrintSettings(
        auto_print=pr_t.boolean("auto_print", default=True),
        printer=pr_t.string("printer", default=""),
        paper=pr_t.choice("paper", ["A4", "A5"], default="A4"),
    )
    pr_t.done()

    gui_t = root.table("gui", optional=True)
    gui = GuiSettings(embed_node=gui_t.boolean("embed_node", default=True),
                      language=gui_t.choice("language", ("auto", "zh_CN", "en"),
                                            default="auto"))
    gui_t.done()

    al_t = root.table("alerts", optional=True)
    quiet = {name: al_t.string(name, default="", pattern=CLOCK_TIME_RE,
                               expected='a time of day such as "22:00", or ""')
             for name in ("quiet_start", "quiet_end")}
    alerts = AlertSettings(
        sound=al_t.boolean("sound", default=True),
        volume=al_t.integer("volume", default=80, minimum=0, maximum=100),
        speech=al_t.boolean("speech", default=False),
        repeat_urgent_seconds=al_t.integer("repeat_urgent_seconds", default=60, minimum=10,
                                           maximum=3600),
        **quiet)
    al_t.done()

    uid_t = root.table("uid", optional=True)
    uid_root = uid_t.string("root", default="2.25", pattern=UID_ROOT_RE,
                            expected="a dotted numeric UID root such as 1.2.826.0.1.3680043.10")
    if len(uid_root) > 40:
        raise ConfigError("uid.root", f"is {len(uid_root)} characters long",
                          "at most 40 characters, so generated UIDs fit in 64", source)
    uid_t.done()

    peers = tuple(_peer(t) for t in root.array_of_tables("peers"))
    seen: set[str] = set()
    for index, peer in enumerate(peers):
        if peer.ae_title in seen:
            raise ConfigError(f"peers[{index}].ae_title", f"repeats {peer.ae_title!r}",
                              "each peer AE title listed once", source)
        seen.add(peer.ae_title)
    root.done()

    return Settings(site=site, data_dir=data_dir, archive_dir=archive_dir,
                    database_url=database_url, dicom=dicom, api=api, sync=sync,
                    forward=forward, charset=charset, workflow=workflow, gui=gui,
                    alerts=alerts, printing=printing, uid_root=uid_root,
                    peers=peers,
                    schema_version=SCHEMA_VERSION, source=source)


def _peer(t: _Table) -> PeerNode:
    peer = PeerNode(
        ae_title=t.ae_title("ae_title"),
        host=t.string("host"),
        port=t.port("port"),
        tls=t.boolean("tls", default=False),
        kind=PeerKind(t.choice("kind", [k.value for k in PeerKind], default="node")),
        site=t.string("site", default="", pattern=re.compile(r"^$|" + SITE_CODE_RE.pattern),
                      expected="a site code such as CM01") or None,
        charset=t.choice("charset", ("", *KNOWN_CHARSETS), default="") or None,
        assume_charset=t.choice("assume_charset", ("", *KNOWN_CHARSETS), default="") or None,
        phonetic_names=t.boolean("phonetic_names", default=False),
        services=_services(t),
    )
    t.done()
    return peer


def _services(t: _Table) -> frozenset[str] | None:
    expected = f"a list of services from {', '.join(SERVICES)}"
    value = t._get("services", None, expected)
    if value is None:
        return None
    if not isinstance(value, list) or not all(v in SERVICES for v in value):
        raise t._error("services", f"is {value!r}", expected)
    return frozenset(value)


def _tls(t: _Table, data_dir: Path) -> TlsSettings | None:
    port = t.integer("port", default=0, minimum=0, maximum=65535)
    pem = "a PEM file path (relative to the data folder), e.g. tls/site.crt"
    files = [t.string(k, default="", expected=pem)
             for k in ("certificate", "private_key", "ca_certificates")]
    crl = t.string("crl", default="", expected="a PEM CRL file path, e.g. tls/crl.pem")
    t.done()
    if port == 0 and not any(files):
        return None
    for key, value in zip(("certificate", "private_key", "ca_certificates"), files, strict=True):
        if not value:
            raise t._error(key, "is missing while the TLS identity is in use", pem)
    cert, key, ca = (_path(f, data_dir) for f in files)
    return TlsSettings(port=port, certificate=cert, private_key=key, ca_certificates=ca,
                       crl=_path(crl, data_dir) if crl else None)


def _path(value: str, base: Path) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else (base / path).resolve()


class _Table:
    """Reads one TOML table, remembering the dotted key for error messages."""

    def __init__(self, data: dict[str, Any], prefix: str, source: Path | None):
        self._data = data
        self._prefix = prefix
        self._source = source
        self._used: set[str] = set()

    def _key(self, name: str) -> str:
        return f"{self._prefix}{name}"

    def _error(self, name: str, problem: str, expected: str) -> ConfigError:
        return ConfigError(self._key(name), problem, expected, self._source)

    def _get(self, name: str, default: Any, expected: str) -> Any:
        self._used.add(name)
        if name in self._data:
            return self._data[name]
        if default is _REQUIRED:
            raise self._error(name, "is missing", expected)
        return default

    def table(self, name: str, *, optional: bool = False) -> _Table:
        value = self._get(name, {} if optional else _REQUIRED, f"a [{self._key(name)}] table")
        if not isinstance(value, dict):
            raise self._error(name, f"is {value!r}", f"a [{self._key(name)}] table")
        return _Table(value, f"{self._key(name)}.", self._source)

    def array_of_tables(self, name: str) -> list[_Table]:
        value = self._get(name, [], f"[[{self._key(name)}]] tables")
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self._error(name, "is not a list of tables", f"[[{self._key(name)}]] tables")
        return [_Table(v, f"{self._key(name)}[{i}].", self._source) for i, v in enumerate(value)]

    def string(self, name: str, *, default: Any = None, pattern: re.Pattern[str] | None = None,
               expected: str = "a text value in quotes") -> str:
        value = self._get(name, _REQUIRED if default is None else default, expected)
        if not isinstance(value, str):
            raise self._error(name, f"is {value!r}", expected)
        if pattern is not None and not pattern.match(value):
            raise self._error(name, f"is {value!r}", expected)
        return value

    def integer(self, name: str, *, default: Any = None, minimum: int | None = None,
                maximum: int | None = None) -> int:
        lo = "" if minimum is None else f" ≥ {minimum}"
        hi = "" if maximum is None else f" ≤ {maximum}"
        expected = f"a whole number{lo}{hi}".replace(f" ≥ {minimum} ≤", f" from {minimum} to")
        value = self._get(name, _REQUIRED if default is None else default, expected)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self._error(name, f"is {value!r}", expected)
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            raise self._error(name, f"is {value}", expected)
        return value

    def port(self, name: str, *, default: Any = None) -> int:
        return self.integer(name, default=default, minimum=1, maximum=65535)

    def boolean(self, name: str, *, default: Any = None) -> bool:
        value = self._get(name, _REQUIRED if default is None else default, "true or false")
        if not isinstance(value, bool):
            raise self._error(name, f"is {value!r}", "true or false")
        return value

    def choice(self, name: str, options: Any, *, default: Any = None) -> str:
        shown = " or ".join(repr(o) for o in options if o)
        value = self._get(name, _REQUIRED if default is None else default, f"one of {shown}")
        if value not in options:
            raise self._error(name, f"is {value!r}", f"one of {shown}")
        return value

    def ae_title(self, name: str, *, default: Any = None) -> str:
        expected = "an AE title of 1–16 letters, digits, '_' or '-', e.g. CH01_PACS"
        value = self.string(name, default=default, expected=expected)
        if not re.fullmatch(r"[A-Za-z0-9_\-. ]{1,16}", value) or not value.strip():
            raise self._error(name, f"is {value!r}", expected)
        return value.strip()

    def done(self) -> None:
        """Refuse keys the schema does not know (usually a typo)."""
        unknown = sorted(set(self._data) - self._used)
        if unknown:
            known = ", ".join(sorted(self._used)) or "none"
            raise self._error(unknown[0], "is not a known setting",
                              f"one of the keys {known} (check the spelling)")


_REQUIRED = object()
