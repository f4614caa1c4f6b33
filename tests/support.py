"""Helpers shared by tests (plain functions; fixtures live in conftest.py)."""

from __future__ import annotations

from pathlib import Path

from tiered_workstation.app.site_setup import InitRequest, build_settings
from tiered_workstation.config import Settings
from tiered_workstation.storage.enums import Role
from tiered_workstation.workflow.actors import Actor

TECH = Actor("tech", Role.TECHNICIAN, "CH01", "Tech")


def make_settings(data_dir: Path, mode: str = "center", site: str = "CH01",
                  center: str | None = None) -> Settings:
    return build_settings(InitRequest(mode=mode, site_code=site, data_dir=data_dir,
                                      center=center))
