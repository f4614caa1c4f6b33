"""Qt tests run offscreen; every test must leave no thread or QThread behind."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.symbolsresolver=false")

import gc
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from support import PASSWORD, TECH
from sync.conftest import consortium  # noqa: F401 - the two-site fixture, for desks
from tiered_workstation.app.bootstrap import Services
from tiered_workstation.qt.app import QtWorkstation, settings_store
from tiered_workstation.qt.gui_gc import GuiThreadCollector
from tiered_workstation.qt.theme import LIGHT, apply_theme
from tiered_workstation.storage.enums import Role
from tiered_workstation.workflow.accounts import add_user


@pytest.fixture(autouse=True)
def no_dangling_threads(qapp: QApplication) -> Iterator[None]:
    """Fail a test that leaves a worker thread or a QThread running (napari's rule)."""
    before = set(threading.enumerate())
    yield
    deadline = threading.Event()
    for _ in range(50):
        extra = [t for t in threading.enumerate() if t not in before and t.is_alive()]
        if not extra:
            break
        deadline.wait(0.1)
    assert not extra, f"threads left running: {[t.name for t in extra]}"
    running = [t for t in qapp.findChildren(QThread) if t.isRunning()]
    assert not running, f"QThreads left running: {running}"


@pytest.fixture(scope="session", autouse=True)
def collect_on_the_gui_thread(qapp: QApplication) -> Iterator[None]:
    """As the application does (qt/gui_gc.py): the garbage collector never runs on a
    worker thread, where it would destroy Qt objects the GUI thread still uses."""
    collector = GuiThreadCollector(qapp)
    yield
    collector.stop()


@pytest.fixture(autouse=True)
def collect_between_tests() -> Iterator[None]:
    yield
    gc.collect()  # each test's cycles go here, on the GUI thread


@pytest.fixture
def people(services: Services) -> Services:
    """Users of the center: a reviewer, a triage doctor with two roles, an admin."""
    with services.database.transaction() as session:
        add_user(session, TECH, username="rev.chest", display_name="刘主任",
                 password=PASSWORD, roles=[Role.REVIEWER], site_code="CH01")
        add_user(session, TECH, username="triage", display_name="王医生",
                 password=PASSWORD, roles=[Role.TRIAGE, Role.ATTENDING], site_code="CH01")
    return services


@pytest.fixture
def workstation(people: Services, tmp_path: Path, qapp: QApplication) -> Iterator[QtWorkstation]:
    apply_theme(qapp, LIGHT)
    station = QtWorkstation(people, settings_store("CH01", tmp_path / "ui.ini"))
    yield station
    station.release()
