"""Site configuration: a TOML file turned into typed, validated settings.

A site's whole identity lives in one ``site.toml``: who the site is, where its
data lives, how its DICOM node is reached and which peers it trusts.  Every
value is checked when the file is read; a mistake produces one
:class:`ConfigError` naming the key and the expected form, so a technician can
fix the file without reading a traceback.

The settings classes are in ``model``, the parser in ``parse`` and reading the
file in ``load``, each service's own section in ``sections``; everything public
is importable from here.
"""

from .load import load_settings, resolve_config_path
from .model import (
    CLOCK_TIME_RE,
    CONFIG_ENV_VAR,
    DEFAULT_CONFIG_NAME,
    DEFAULT_DB_FILE,
    DEFAULT_SERVICES,
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
    KnowsPeers,
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
from .parse import parse_settings
from .sections import ForwarderSettings, NodeSettings, PrinterSettings, SealerSettings

__all__ = [
    "CLOCK_TIME_RE",
    "CONFIG_ENV_VAR",
    "DEFAULT_CONFIG_NAME",
    "DEFAULT_DB_FILE",
    "DEFAULT_SERVICES",
    "KNOWN_CHARSETS",
    "SCHEMA_VERSION",
    "SERVICES",
    "SITE_CODE_RE",
    "UID_ROOT_RE",
    "AlertSettings",
    "ApiSettings",
    "CharsetSettings",
    "ConfigError",
    "DicomSettings",
    "ForwardSettings",
    "ForwarderSettings",
    "GuiSettings",
    "KnowsPeers",
    "NodeSettings",
    "PeerKind",
    "PeerNode",
    "PrintSettings",
    "PrinterSettings",
    "RegistrationSettings",
    "SealerSettings",
    "Settings",
    "SiteMode",
    "SiteSettings",
    "SyncSettings",
    "TlsSettings",
    "WorkflowSettings",
    "default_database_url",
    "load_settings",
    "parse_settings",
    "resolve_config_path",
]
