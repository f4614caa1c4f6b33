"""Creating a site: its configuration file, database and first rows."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..config import DEFAULT_CONFIG_NAME, Settings, SiteMode, parse_settings
from ..storage.files import write_atomically
from ..storage.migrate import upgrade
from ..storage.sites import Site, SpecialtyGroup
from .bootstrap import open_database
from .site_file import render_site_toml

# Reading groups a center starts with; editable later.
DEFAULT_GROUPS = (
    ("chest", "Chest 胸部"),
    ("msk", "Musculoskeletal 骨肌"),
    ("neuro", "Neuro 神经"),
    ("abdomen", "Abdomen 腹部"),
)


@dataclass(frozen=True)
class InitRequest:
    """What `tiered-ws init` was asked for."""

    mode: str
    site_code: str
    data_dir: Path
    name: str | None = None
    center: str | None = None
    ae_title: str | None = None
    dicom_port: int | None = None
    api_port: int | None = None
    database_url: str | None = None
    extra: dict[str, Any] | None = None  # more site.toml tables/keys (tls, sync, peers, …)


def build_settings(request: InitRequest) -> Settings:
    """Settings for a new site, validated exactly as if read from site.toml."""
    data_dir = request.data_dir.expanduser().resolve()
    raw: dict[str, Any] = {
        "schema_version": 1,
        "site": {"code": request.site_code, "mode": request.mode,
                 "name": request.name or request.site_code},
        "paths": {"data_dir": str(data_dir)},
        "dicom": {}, "api": {},
    }
    if request.center:
        raw["site"]["center"] = request.center
    if request.database_url:
        raw["paths"]["database_url"] = request.database_url
    if request.ae_title:
        raw["dicom"]["ae_title"] = request.ae_title
    if request.dicom_port is not None:
        raw["dicom"]["port"] = request.dicom_port
    if request.api_port is not None:
        raw["api"]["port"] = request.api_port
    for key, value in (request.extra or {}).items():
        if isinstance(value, dict) and isinstance(raw.get(key), dict):
            raw[key] = {**raw[key], **value}
        else:
            raw[key] = value
    return parse_settings(raw, base_dir=data_dir)


def init_site(request: InitRequest, *, force: bool = False) -> tuple[Settings, Path]:
    """Write ``DATA_DIR/site.toml``, create and migrate the database, add the site rows."""
    settings = build_settings(request)
    config_path = settings.data_dir / DEFAULT_CONFIG_NAME
    if config_path.exists() and not force:
        raise FileExistsError(f"{config_path} already exists; use --force to overwrite it "
                              "(the database is kept).")
    settings.data_dir.mkdir(mode=0o750, parents=True, exist_ok=True)
    settings.archive_dir.mkdir(mode=0o750, parents=True, exist_ok=True)
    write_text_atomic(config_path, render_site_toml(settings, config_path.parent))
    database = open_database(settings)
    try:
        upgrade(database)
        with database.transaction() as session:
            ensure_site_rows(session, settings)
        if database.sqlite_path is not None:  # patient data: not for other accounts
            database.sqlite_path.chmod(0o640)
    finally:
        database.dispose()
    return settings, config_path


def ensure_site_rows(session: Session, settings: Settings) -> None:
    """The local site (and, for a community, its center) and a center's reading groups."""
    site = settings.site
    add_site(session, site.code, site.name, site.mode, site.center, is_local=True)
    if site.mode is SiteMode.COMMUNITY and site.center:
        add_site(session, site.center, site.center, SiteMode.CENTER, None)
    if site.mode is SiteMode.CENTER:
        existing = set(session.scalars(select(SpecialtyGroup.code)))
        session.add_all(SpecialtyGroup(code=code, name=name)
                        for code, name in DEFAULT_GROUPS if code not in existing)


def add_site(session: Session, code: str, name: str, mode: SiteMode, center: str | None,
             *, is_local: bool = False) -> Site:
    """Insert or update the row describing a consortium site."""
    row = session.scalar(select(Site).where(Site.code == code))
    if row is None:
        row = Site(code=code, name=name, mode=mode.value, center_code=center,
                   is_local=is_local)
        session.add(row)
    else:
        row.name, row.mode, row.center_code = name, mode.value, center
        row.is_local = row.is_local or is_local
    session.flush()
    return row


def write_text_atomic(path: Path, text: str) -> None:
    """Replace ``path`` whole or not at all (temp file + fsync + rename), mode 0640."""
    write_atomically(path, lambda out: out.write(text.encode("utf-8")), mode=0o640)
