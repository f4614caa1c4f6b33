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


def test_upgrading_gives_every_patient_a_record_number_and_the_counter_continues(
        tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'old.db'}")
    upgrade(database, "0006")
    with database.engine.begin() as connection:
        run = connection.exec_driver_sql
        run("INSERT INTO sites (code, name, mode, is_local, created_at) "
            "VALUES ('CM01', '社区一', 'community', 1, '2025-01-01 00:00:00')")
        for pid, name in ((1, '张三'), (2, '王芳'), (3, '李四')):
            run("INSERT INTO patients (id, consortium_id, name, name_phonetic, sex, created_at) "
                f"VALUES ({pid}, '00000000-0000-4000-8000-00000000000{pid}', '{name}', '', "
                "'U', '2025-01-01 00:00:00')")
        run("INSERT INTO patient_identifiers (patient_id, issuer, value) "
            "VALUES (3, 'CM01', 'MZ-7')")  # 李四 already has one: kept
        for eid, pid, at in ((1, 2, '2025-03-01 08:00:00'), (2, 1, '2025-05-01 08:00:00'),
                             (3, 2, '2026-01-02 08:00:00'), (4, 3, '2025-02-01 08:00:00')):
            run("INSERT INTO exams (id, accession_number, study_instance_uid, patient_id, "
                "site_code, procedure_code, procedure_description, modality, body_part, "
                "priority, reading_mode, state, referring_physician, clinical_info, "
                "registered_by, registered_at, state_changed_at, row_version, patient_age) "
                f"VALUES ({eid}, 'A{eid}', '2.25.{eid}', {pid}, 'CM01', 'DX', 'Chest', 'DX', "
                f"'', 'routine', 'center-full', 'registered', '', '', 't', '{at}', '{at}', 1, "
                "'')")
    upgrade(database)
    with database.engine.connect() as connection:
        numbers = dict(connection.exec_driver_sql(
            "SELECT patient_id, value FROM patient_identifiers WHERE issuer = 'CM01'").all())
        counters = connection.exec_driver_sql(
            "SELECT site_code, scope, last_value FROM record_number_counters").all()
    assert numbers == {2: "CM012025000001", 1: "CM012025000002", 3: "MZ-7"}
    assert counters == [("CM01", "CM012025#", 2)]
    database.dispose()
