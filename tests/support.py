"""Helpers shared by tests (plain functions; fixtures live in conftest.py)."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import select

from tiered_workstation.app.bootstrap import Services
from tiered_workstation.app.site_setup import InitRequest, build_settings
from tiered_workstation.config import Settings
from tiered_workstation.registration.identity import (
    OrderInput,
    PatientInput,
    national_id_check_char,
)
from tiered_workstation.registration.service import register_exam
from tiered_workstation.storage.enums import Role
from tiered_workstation.storage.exams import Exam
from tiered_workstation.storage.patients import PatientIdentifier
from tiered_workstation.workflow.actors import Actor

TECH = Actor("tech", Role.TECHNICIAN, "CH01", "Tech")
PASSWORD = "correct horse 42"  # of the users tests create


def make_settings(data_dir: Path, mode: str = "center", site: str = "CH01",
                  center: str | None = None) -> Settings:
    return build_settings(InitRequest(mode=mode, site_code=site, data_dir=data_dir,
                                      center=center))


def id_card(n: int, i: int) -> str:
    """A valid resident ID card number, different for each (n, i)."""
    first17 = f"110105{date(1960 + n, 1, 1 + i):%Y%m%d}{n:03d}"
    return first17 + national_id_check_char(first17)


def register_concurrently(services: Services, threads: int, per_thread: int) -> None:
    """Register exams from many threads at once; assert the numbers are unique and gapless.

    Each registration first looks the patient up by ID card (a read), then takes a
    number (a write): on SQLite the read-then-write path that fails without
    BEGIN IMMEDIATE; on PostgreSQL the row lock on the counter.
    """
    errors: list[BaseException] = []
    start = threading.Barrier(threads)
    fixed_now = datetime(2026, 11, 28, 2, 0, tzinfo=UTC)

    def worker(n: int) -> None:
        try:
            start.wait(timeout=30)
            for i in range(per_thread):
                with services.database.transaction() as session:
                    register_exam(session, services.workflow, services.registration, TECH,
                                  PatientInput(f"患者{n}-{i}", national_id=id_card(n, i)),
                                  OrderInput("DXCHEST2", "Chest", "DX"), at=fixed_now)
        except BaseException as exc:
            errors.append(exc)

    pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join(timeout=120)
    assert errors == []
    with services.database.session() as session:
        numbers = session.scalars(select(Exam.accession_number)).all()
        records = session.scalars(select(PatientIdentifier.value)).all()
    site = services.settings.site.code
    expected = {f"{site}261128{i:04d}" for i in range(1, threads * per_thread + 1)}
    assert len(numbers) == threads * per_thread
    assert set(numbers) == expected
    # every new patient got her own record number, by the default pattern, gapless
    assert len(records) == threads * per_thread
    assert set(records) == {f"{site}2026{i:06d}" for i in range(1, threads * per_thread + 1)}


def add_scheduled_exams(services: Services, count: int, prefix: str = "BULK") -> None:
    """``count`` scheduled exams inserted directly (no workflow), for long worklists."""
    import uuid

    from tiered_workstation.storage.enums import ExamState, Priority, ReadingMode, Sex
    from tiered_workstation.storage.patients import Patient

    site = services.settings.site.code
    now = datetime.now(UTC)
    with services.database.transaction() as session:
        for i in range(count):
            patient = Patient(consortium_id=str(uuid.uuid4()), name=f"病人{i}", sex=Sex.UNKNOWN)
            session.add(Exam(accession_number=f"{prefix}{i:08d}", patient=patient,
                             study_instance_uid=f"2.25.{i + 7}", site_code=site,
                             procedure_code="DXCHEST2",
                             procedure_description="DR 胸部正侧位", modality="DX",
                             body_part="CHEST", priority=Priority.ROUTINE,
                             reading_mode=ReadingMode.CENTER_FULL, state=ExamState.SCHEDULED,
                             scheduled_station_ae="DR01", scheduled_start=now,
                             registered_by="test", registered_at=now, state_changed_at=now))
