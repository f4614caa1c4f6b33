"""Database behaviour: SQLite pragmas, transactions, events after commit, UTC times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError, StatementError

from tiered_workstation.events import Event, EventBus
from tiered_workstation.storage.database import Database, publish_after_commit
from tiered_workstation.storage.messaging import AuditEvent
from tiered_workstation.storage.patients import Patient, PatientIdentifier, mask_national_id


@pytest.fixture
def db(migrated_template: Path, tmp_path: Path) -> Database:
    path = tmp_path / "t.db"
    path.write_bytes(migrated_template.read_bytes())
    database = Database(f"sqlite:///{path}", EventBus())
    yield database
    database.dispose()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(db: Database) -> None:
    with db.session() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
    with pytest.raises(IntegrityError), db.transaction() as session:
        session.add(PatientIdentifier(patient_id=424242, issuer="CM01", value="1"))


def test_events_are_published_only_after_commit(db: Database) -> None:
    seen: list[str] = []
    db.bus.subscribe("*", lambda e: seen.append(e.topic))
    with db.transaction() as session:
        publish_after_commit(session, Event("committed"))
        assert seen == []  # not before the commit
    assert seen == ["committed"]
    with pytest.raises(RuntimeError), db.transaction() as session:
        publish_after_commit(session, Event("rolled.back"))
        raise RuntimeError("abort")
    assert seen == ["committed"]


def test_rolled_back_transaction_leaves_nothing(db: Database) -> None:
    with pytest.raises(RuntimeError), db.transaction() as session:
        session.add(AuditEvent(site_code="CH01", action="x"))
        session.flush()
        raise RuntimeError("abort")
    with db.session() as session:
        assert session.scalars(select(AuditEvent)).all() == []


def test_timestamps_are_stored_utc_and_naive_ones_refused(db: Database) -> None:
    shanghai = timezone(timedelta(hours=8))
    with db.transaction() as session:
        session.add(AuditEvent(site_code="CH01", action="x",
                               at=datetime(2026, 11, 28, 9, 0, tzinfo=shanghai)))
    with db.session() as session:
        stored = session.scalars(select(AuditEvent)).one().at
    assert stored == datetime(2026, 11, 28, 1, 0, tzinfo=UTC)
    assert stored.tzinfo is UTC
    with pytest.raises(StatementError, match="naive datetime"), db.transaction() as session:
        session.add(AuditEvent(site_code="CH01", action="x", at=datetime(2026, 1, 1)))
        session.flush()


def test_national_id_is_masked_for_listings() -> None:
    assert mask_national_id("110105196503151234") == "110105********1234"
    assert mask_national_id(None) == ""
    assert mask_national_id("1234") == "****"
    patient = Patient(consortium_id="x", name="张三", national_id="11010519650315123X")
    assert patient.national_id_masked == "110105********123X"


def test_in_memory_database_is_shared_between_sessions() -> None:
    database = Database("sqlite://")
    with database.transaction() as session:
        session.execute(text("CREATE TABLE t (x INTEGER)"))
        session.execute(text("INSERT INTO t VALUES (1)"))
    with database.session() as session:
        assert session.execute(text("SELECT x FROM t")).scalar() == 1
