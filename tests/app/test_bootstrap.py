"""Wiring: capabilities come from the mode; services are built from settings alone."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from tiered_workstation.app.bootstrap import Capabilities, Services
from tiered_workstation.config import SiteMode


def test_capabilities_follow_the_site_mode() -> None:
    center = asdict(Capabilities.for_mode(SiteMode.CENTER))
    community = asdict(Capabilities.for_mode(SiteMode.COMMUNITY))
    assert {k for k, v in center.items() if v} == {
        "registers_patients", "serves_local_worklist", "writes_preliminary_reports",
        "triages_and_assigns", "reviews_and_signs", "runs_sync_api", "prints_reports",
        "announces_arrivals"}
    assert {k for k, v in community.items() if v} == {
        "registers_patients", "serves_local_worklist", "forwards_images",
        "writes_preliminary_reports", "follows_center_feed", "prints_reports"}


def test_services_use_the_settings_database_and_site(services: Services, tmp_path: Path) -> None:
    assert services.database.sqlite_path == services.settings.data_dir / "tiered.db"
    assert services.workflow.site.code == "CH01"
    assert services.workflow.site.is_center
    assert services.registration.site_code == "CH01"
    assert services.registration.timezone.key == "Asia/Shanghai"
    assert services.database.bus is services.bus
