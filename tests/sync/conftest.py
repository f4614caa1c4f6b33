"""Two sites on loopback: a center serving the sync API over mutual TLS and a
community with its own database, certificates from one consortium CA."""

from __future__ import annotations

import shutil
import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from dicom.conftest import free_port
from tiered_workstation.app.bootstrap import Services, bootstrap
from tiered_workstation.app.site_setup import ensure_site_rows
from tiered_workstation.config import parse_settings
from tiered_workstation.security import pki
from tiered_workstation.security.tls import client_context
from tiered_workstation.storage.enums import Role
from tiered_workstation.storage.sites import User
from tiered_workstation.sync.client import SyncClient
from tiered_workstation.workflow.accounts import add_user
from tiered_workstation.workflow.actors import Actor
from tiered_workstation.workflow.signing import enroll_signer

SIGNER_PASSWORD = "review-sign-2026"


@dataclass
class Consortium:
    root: Path
    ca_dir: Path
    center: Services
    community: Services
    api_port: int

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.api_port}"

    def context_for(self, site: str) -> ssl.SSLContext:
        """A client TLS context with a certificate issued now for ``site``."""
        files = pki.issue_site(self.ca_dir, site, self.root / f"tls-{site.lower()}")
        return client_context(files.certificate, files.private_key, self.ca_dir / pki.CA_CERT)

    def client_for(self, site: str) -> SyncClient:
        return SyncClient(self.url, context=self.context_for(site), timeout=10)

    def enroll_reviewer(self, username: str = "rev.chest", name: str = "刘主任") -> str:
        """A center reviewer with a certified signing key; returns their password."""
        admin = Actor.system("CH01", "test-setup")
        with self.center.database.transaction() as session:
            if session.scalar(select(User).where(User.username == username)) is None:
                add_user(session, admin, username=username, display_name=name,
                         password=SIGNER_PASSWORD, roles=[Role.REVIEWER], site_code="CH01")
            enroll_signer(session, admin, username, SIGNER_PASSWORD, self.ca_dir)
        return SIGNER_PASSWORD


def site_settings(root: Path, template: Path, ca_dir: Path, code: str, mode: str,
                  api_port: int, ports: tuple[int, int], peers: list[dict[str, object]],
                  **extra: object):
    data = root / code.lower()
    data.mkdir()
    shutil.copy(template, data / "tiered.db")
    files = pki.issue_site(ca_dir, code, data / "tls")
    raw: dict[str, object] = {
        "schema_version": 1,
        "site": {"code": code, "mode": mode, **({"center": "CH01"} if mode == "community"
                                                else {})},
        "dicom": {"ae_title": f"{code}_PACS", "port": ports[0],
                  "tls": {"port": ports[1], "certificate": str(files.certificate),
                          "private_key": str(files.private_key),
                          "ca_certificates": str(files.ca_certificate),
                          "crl": str(files.crl)}},
        "api": {"port": api_port},
        "peers": peers,
        **extra,
    }
    return parse_settings(raw, base_dir=data)


def start_site(settings) -> Services:
    services = bootstrap(settings)
    with services.database.transaction() as session:
        ensure_site_rows(session, settings)
    return services


@pytest.fixture
def consortium(tmp_path: Path, migrated_template: Path) -> Iterator[Consortium]:
    ca_dir = tmp_path / "ca"
    pki.init_ca(ca_dir)
    api_port = free_port()
    center_ports, community_ports = (free_port(), free_port()), (free_port(), free_port())
    center = start_site(site_settings(
        tmp_path, migrated_template, ca_dir, "CH01", "center", api_port, center_ports,
        [{"ae_title": "CM01_PACS", "host": "127.0.0.1", "port": community_ports[1],
          "kind": "node", "site": "CM01", "tls": True}]))
    community = start_site(site_settings(
        tmp_path, migrated_template, ca_dir, "CM01", "community", free_port(), community_ports,
        [{"ae_title": "CH01_PACS", "host": "127.0.0.1", "port": center_ports[1],
          "kind": "node", "site": "CH01", "tls": True},
         {"ae_title": "DR01", "host": "127.0.0.1", "port": 104, "kind": "modality",
          "charset": "GB18030"}],
        sync={"center_url": f"https://127.0.0.1:{api_port}", "retry_max_seconds": 2},
        forward={"settle_seconds": 0}))
    center.start(long_poll_seconds=1)
    try:
        yield Consortium(tmp_path, ca_dir, center, community, api_port)
    finally:
        community.close()
        center.close()
