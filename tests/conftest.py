"""Shared fixtures: fresh settings, migrated SQLite files, bootstrapped services.

With TW_BLOCK_QT=1 (set by the test command for everything outside tests/qt)
PySide6, shiboken6 and VTK cannot be imported at all, which proves the core
runs without them.
"""

from __future__ import annotations

import importlib.abc
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

GUI_MODULES = ("PySide6", "shiboken6", "vtk", "vtkmodules", "pytestqt")


class _BlockGuiImports(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        if fullname.split(".")[0] in GUI_MODULES:
            raise ModuleNotFoundError(f"{fullname} is blocked: the core must not need it",
                                      name=fullname)
        return None


if os.environ.get("TW_BLOCK_QT") == "1":
    sys.meta_path.insert(0, _BlockGuiImports())

from postgres_server import PostgresCluster, PostgresServer  # noqa: E402
from support import TECH, make_settings  # noqa: E402
from tiered_workstation.app.bootstrap import Services, bootstrap  # noqa: E402
from tiered_workstation.app.site_setup import (  # noqa: E402
    add_site,
    ensure_site_rows,
)
from tiered_workstation.config import Settings, SiteMode  # noqa: E402
from tiered_workstation.registration.identity import OrderInput, PatientInput  # noqa: E402
from tiered_workstation.registration.service import register_exam  # noqa: E402
from tiered_workstation.storage.database import Database  # noqa: E402
from tiered_workstation.storage.enums import ReadingMode, Sex  # noqa: E402
from tiered_workstation.storage.migrate import upgrade  # noqa: E402


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file migrated to the newest schema once per test run."""
    path = tmp_path_factory.mktemp("template") / "tiered.db"
    database = Database(f"sqlite:///{path}")
    upgrade(database)
    database.dispose()
    return path


@pytest.fixture
def center_settings(tmp_path: Path, migrated_template: Path) -> Settings:
    settings = make_settings(tmp_path / "center")
    settings.data_dir.mkdir(parents=True)
    shutil.copy(migrated_template, settings.data_dir / "tiered.db")
    return settings


@pytest.fixture
def services(center_settings: Settings) -> Iterator[Services]:
    """A center site on a migrated SQLite file with its site rows, plus site CM01."""
    built = bootstrap(center_settings)
    with built.database.transaction() as session:
        ensure_site_rows(session, center_settings)
        add_site(session, "CM01", "Community 1", SiteMode.COMMUNITY, "CH01")
    yield built
    built.close()


@pytest.fixture
def new_exam(services: Services):
    """Register an exam (a new patient each time) and return its accession number."""
    counter = iter(range(1, 10_000))

    def make(mode: ReadingMode = ReadingMode.CENTER_FULL, name: str = "张三") -> str:
        patient = PatientInput(f"{name}{next(counter)}", Sex.MALE, "Zhang^San")
        order = OrderInput("DXCHEST2", "DR Chest PA+LAT", "DX", "CHEST", reading_mode=mode)
        with services.database.transaction() as session:
            exam, _ = register_exam(session, services.workflow, services.registration, TECH,
                                    patient, order)
            return exam.accession_number

    return make


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A real PostgreSQL server for this test run (Unix socket only)."""
    with PostgresCluster() as server:
        yield server
