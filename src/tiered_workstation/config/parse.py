"""Turning a parsed TOML mapping into validated settings, one sentence per mistake."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .model import (
    CLOCK_TIME_RE,
    KNOWN_CHARSETS,
    SCHEMA_VERSION,
    SERVICES,
    SITE_CODE_RE,
    UID_ROOT_RE,
    AlertSettings,
    ApiSettings,
    CharsetSettings,
    ConfigError,
    DicomSettings,
    ForwardSettings,
    GuiSettings,
    PeerKind,
    PeerNode,
    PrintSettings,
    RegistrationSettings,
    Settings,
    SiteMode,
    SiteSettings,
    SyncSettings,
    TlsSettings,
    WorkflowSettings,
    default_database_url,
)

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

    reg_t = root.table("registration", optional=True)
    registration = RegistrationSettings(record_number=_record_number_pattern(reg_t))
    reg_t.done()

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
                    forward=forward, charset=charset, workflow=workflow,
                    registration=registration, gui=gui,
                    alerts=alerts, printing=printing, uid_root=uid_root,
                    peers=peers,
                    schema_version=SCHEMA_VERSION, source=source)


_RECORD_FIELD_RE = re.compile(r"\{([^{}:]*)(?::([^{}]*))?\}")
_RECORD_EXPECTED = ('a pattern of text and {site}, {yyyy}, {yy}, {mm} with one {seq:0Nd}, '
                    'at most 64 characters, e.g. "{site}{yyyy}{seq:06d}"')


def _record_number_pattern(t: _Table) -> str:
    """``[registration] record_number``: checked by formatting a sample number."""
    pattern = t.string("record_number", default="{site}{yyyy}{seq:06d}")
    fields = [m.group(1) for m in _RECORD_FIELD_RE.finditer(pattern)]
    if (fields.count("seq") != 1 or not set(fields) <= {"site", "yyyy", "yy", "mm", "seq"}
            or any(m.group(2) is not None and m.group(1) != "seq"
                   for m in _RECORD_FIELD_RE.finditer(pattern))):
        raise t._error("record_number", f"is {pattern!r}", _RECORD_EXPECTED)
    try:
        sample = pattern.format(site="SITE0001", yyyy="2026", yy="26", mm="12", seq=999999)
    except (ValueError, IndexError, KeyError):
        raise t._error("record_number", f"is {pattern!r}", _RECORD_EXPECTED) from None
    if len(sample) > 64 or any(c in sample for c in "\\^="):
        raise t._error("record_number", f"is {pattern!r}", _RECORD_EXPECTED)
    return pattern


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
