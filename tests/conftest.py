"""Shared fixtures: fresh settings, migrated SQLite files, bootstrapped services.

With TW_BLOCK_QT=1 (set by the test command for everything outside tests/qt)
PySide6, shiboken6 and VTK cannot be imported at all, which proves the core
runs without them.
"""

from __future__ import annotations

import importlib.abc
import logging
import os
import shutil
import sys
import traceback
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


# Loggers through which a failure in another thread reaches us when the thread itself
# survives it: our background workers, the Qt task runner (a task without a failure
# handler, or a result handler that raised) and pynetdicom's event handlers (it logs the
# exception and answers the peer with a failure status).  pynetdicom's transport, which
# logs a refused connection with its traceback, is not among them.
THREAD_FAILURE_LOGGERS = ("tiered_workstation.workers", "tiered_workstation.qt.tasks",
                          "pynetdicom.service_class", "pynetdicom.service_class_n",
                          "pynetdicom.association", "pynetdicom.acse", "pynetdicom.events")


class _ThreadFailures(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info and record.name.startswith(THREAD_FAILURE_LOGGERS):
            self.records.append(record)


@pytest.fixture(autouse=True)
def fresh_name_warnings() -> None:
    """Each test meets a node that has not yet warned about any name: the warning is
    said once per peer, exam and name in a process, and tests reuse exam numbers."""
    from tiered_workstation.dicom.answer_text import forget_warned_names

    forget_warned_names()


@pytest.fixture(autouse=True)
def fail_on_thread_failures(request: pytest.FixtureRequest) -> Iterator[None]:
    """An exception in a worker, a task handler or a DICOM event handler fails the test
    that caused it, even though the thread logs it and carries on.  (An exception that
    ends a thread fails it through pytest's threadexception warning, made an error in
    pyproject.toml.)  A test that provokes one on purpose says so with
    ``@pytest.mark.thread_failures_expected``."""
    handler = _ThreadFailures()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)
    if handler.records and request.node.get_closest_marker("thread_failures_expected") is None:
        first = handler.records[0]
        details = "".join(traceback.format_exception(*first.exc_info))  # type: ignore[misc]
        pytest.fail(f"{len(handler.records)} unhandled exception(s) in background threads; "
                    f"the first, from {first.name} ({first.threadName}): "
                    f"{first.getMessage()}\n{details}", pytrace=False)
