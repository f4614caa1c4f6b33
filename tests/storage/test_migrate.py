"""Migrations build the schema the models describe, up and down, from empty."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from support import make_settings
from tiered_workstation.app.bootstrap import SiteNotReadyError, bootstrap
from tiered_workstation.storage.database import Database
from tiered_workstation.storage.migrate import (
    current_revision,
    downgrade,
    head_revision,
    is_up_to_date,
    upgrade,
)
from tiered_workstation.storage.models import Base

TABLES = {"sites", "users", "user_roles", "specialty_groups", "group_members", "patients",
          "patient_identifiers", "exams", "exam_transitions", "requisition_attachments",
          "accession_counters", "studies", "series", "instances", "reports",
          "report_versions", "assignments", "consultation_messages", "print_jobs",
          "audit_events", "outbox_messages", "inbox_messages"}


def test_upgrade_from_empty_matches_the_models_exactly(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'fresh.db'}")
    assert current_revision(database) is None
    assert upgrade(database) == head_revision()
    assert is_up_to_date(database)
    assert set(inspect(database.engine).get_table_names()) >= TABLES
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    database.dispose()


def test_downgrade_to_base_and_up_again(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'x.db'}")
    upgrade(database)
    assert downgrade(database, "base") is None
    assert set(inspect(database.engine).get_table_names()) <= {"alembic_version"}
    assert upgrade(database) == head_revision()
    database.dispose()


def test_bootstrap_refuses_missing_or_old_database(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "site")
    with pytest.raises(SiteNotReadyError, match="does not exist"):
        bootstrap(settings)
    Database(settings.database_url).engine.connect().close()  # empty file, no schema
    with pytest.raises(SiteNotReadyError, match="tiered-ws db upgrade"):
        bootstrap(settings)


def test_upgrading_an_old_database_keeps_its_data(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'old.db'}")
    upgrade(database, "0001")
    with database.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO sites (code, name, mode, is_local, created_at) "
            "VALUES ('CH01', '市中心医院', 'center', 1, '2026-01-01 00:00:00')")
    assert upgrade(database) == head_revision()
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT name FROM sites").scalar() == "市中心医院"
        assert "performed_procedure_steps" in inspect(connection).get_table_names()
    database.dispose()
