"""The same schema, workflow and concurrency guarantees on a real PostgreSQL server."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select

from postgres_server import PostgresServer
from support import register_concurrently
from tiered_workstation.app.bootstrap import Services, bootstrap
from tiered_workstation.app.site_setup import InitRequest, build_settings, ensure_site_rows
from tiered_workstation.demo.one_site import run_demo
from tiered_workstation.storage.database import Database
from tiered_workstation.storage.enums import AuditOutcome, ExamState, Role
from tiered_workstation.storage.exams import Exam
from tiered_workstation.storage.messaging import AuditEvent
from tiered_workstation.storage.migrate import downgrade, head_revision, upgrade
from tiered_workstation.storage.models import Base
from tiered_workstation.workflow.accounts import add_user, login
from tiered_workstation.workflow.actors import Actor
from tiered_workstation.workflow.errors import IllegalTransition
from tiered_workstation.workflow.transitions import Action

_names = itertools.count(1)


@pytest.fixture
def pg_url(postgres: PostgresServer) -> str:
    return postgres.create_database(f"tw_{next(_names)}")


@pytest.fixture
def pg_services(pg_url: str, tmp_path: Path) -> Iterator[Services]:
    settings = build_settings(InitRequest(mode="center", site_code="CH01", data_dir=tmp_path,
                                          database_url=pg_url))
    database = Database(pg_url)
    upgrade(database)
    database.dispose()
    services = bootstrap(settings)
    with services.database.transaction() as session:
        ensure_site_rows(session, settings)
    yield services
    services.close()


def test_migrations_match_the_models_on_postgresql(pg_url: str) -> None:
    database = Database(pg_url)
    assert upgrade(database) == head_revision()
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    assert downgrade(database, "base") is None
    assert upgrade(database) == head_revision()
    database.dispose()


@pytest.mark.slow
def test_concurrent_registrations_on_postgresql(pg_services: Services) -> None:
    register_concurrently(pg_services, threads=8, per_thread=25)


def test_login_and_refused_transition_are_audited_on_postgresql(pg_services: Services) -> None:
    admin = Actor("admin", Role.ADMIN, "CH01")
    with pg_services.database.transaction() as session:
        add_user(session, admin, username="tech", display_name="技师", password="X-ray-2026",
                 roles=[Role.TECHNICIAN], site_code="CH01")
    assert login(pg_services.database, "tech", "X-ray-2026", "CH01").roles == {Role.TECHNICIAN}
    register_concurrently(pg_services, threads=1, per_thread=1)
    with pg_services.database.session() as session:
        accession = session.scalar(select(Exam.accession_number))
    tech = Actor("tech", Role.TECHNICIAN, "CH01")
    with pytest.raises(IllegalTransition):
        pg_services.workflow.run(pg_services.database, accession, Action.PRINT, tech)
    with pg_services.database.session() as session:
        assert session.scalar(select(Exam.state)) is ExamState.REGISTERED
        outcomes = set(session.scalars(select(AuditEvent.outcome)))
        assert outcomes == {AuditOutcome.SUCCESS, AuditOutcome.REFUSED}


def test_whole_demo_runs_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    lines: list[str] = []
    result = run_demo(tmp_path, lines.append, database_url=pg_url)
    assert result.tat_status == "met"
    assert any("printed" in line for line in lines)
    assert "postgresql+psycopg" in "\n".join(lines)
