"""Live status board under load: 5,000 exams, then 100 state changes a second for 10 s.

Real workflow transitions are applied on a worker thread (as the DICOM node
and the sync worker do), each committed to the SQLite file and published on
the event bus; the board (shown, 1440×900, offscreen) applies them through
the event bridge.  Printed:

* model update latency, publish → row updated on the GUI thread (median, p99);
* GUI-thread stall: the longest gap between ticks of a 10 ms timer;
* the peer: what the same update would cost if the board reloaded its rows
  from the database instead (the polling design), measured in the same run.

Targets: p99 under 50 ms, no stall over 100 ms.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/status_board.py [--exams 5000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication

from tiered_workstation.app.board import load_rows
from tiered_workstation.app.bootstrap import bootstrap
from tiered_workstation.app.site_setup import InitRequest, add_site, init_site
from tiered_workstation.config import SiteMode, load_settings
from tiered_workstation.qt.app import QtWorkstation, settings_store
from tiered_workstation.qt.qt_login import SignedIn
from tiered_workstation.qt.theme import LIGHT, apply_theme
from tiered_workstation.storage.enums import (
    ExamState,
    Priority,
    ReadingMode,
    Role,
    Sex,
)
from tiered_workstation.storage.exams import Exam
from tiered_workstation.storage.patients import Patient
from tiered_workstation.workflow.actors import Actor
from tiered_workstation.workflow.machine import TRANSITION_TOPIC
from tiered_workstation.workflow.transitions import Action

SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗"


def seed(services, count: int) -> list[str]:
    now = datetime.now(UTC)
    accessions = []
    with services.database.transaction() as session:
        add_site(session, "CM01", "社区一", SiteMode.COMMUNITY, "CH01")
        for i in range(count):
            accession = f"CM01BENCH{i:05d}"
            patient = Patient(consortium_id=str(uuid.uuid4()),
                              name=f"{SURNAMES[i % 20]}{'伟芳娜敏静强磊洋'[i % 8]}{i}",
                              name_phonetic=f"Bench^{i}", sex=Sex.MALE if i % 2 else Sex.FEMALE)
            at = now - timedelta(minutes=(count - i) * 0.3)
            session.add(Exam(accession_number=accession, patient=patient,
                             study_instance_uid=f"2.25.{i + 11}", site_code="CM01",
                             procedure_code="DXCHEST2", procedure_description="DR 胸部正侧位",
                             modality="DX", body_part="CHEST", priority=Priority.ROUTINE,
                             reading_mode=ReadingMode.CENTER_FULL, state=ExamState.SCHEDULED,
                             scheduled_station_ae="DR01", registered_by="bench",
                             registered_at=at, state_changed_at=at))
            accessions.append(accession)
    return accessions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--exams", type=int, default=5000)
    parser.add_argument("--rate", type=int, default=100, help="state changes per second")
    parser.add_argument("--seconds", type=int, default=10)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    apply_theme(app, LIGHT)
    with tempfile.TemporaryDirectory() as tmp:
        _, config = init_site(InitRequest(mode="center", site_code="CH01",
                                          data_dir=Path(tmp) / "center"))
        services = bootstrap(load_settings(config))
        accessions = seed(services, args.exams)
        published: dict[str, float] = {}
        services.bus.subscribe(TRANSITION_TOPIC, lambda event: published.__setitem__(
            event.payload["accession_number"], time.perf_counter()))
        station = QtWorkstation(services, settings_store("CH01", Path(tmp) / "ui.ini"))
        session = SignedIn("rev.chest", "刘主任", "CH01", (Role.REVIEWER,), Role.REVIEWER)
        window = station.open_main_window(session)
        window.resize(1440, 900)
        window.show()
        board = window.pages["status"]
        started = time.perf_counter()
        while board.model.rowCount() < args.exams and time.perf_counter() - started < 60:
            app.processEvents()
        load_seconds = time.perf_counter() - started
        station.settle_memory()  # what the app does once its window has loaded
        print(f"{board.model.rowCount()} exams on the board after {load_seconds * 1000:.0f} ms "
              f"(query, model, first paint)")

        latencies: list[float] = []
        board_slot_done = board.model.dataChanged

        def on_changed(top_left, _bottom_right, roles) -> None:
            if roles:  # the clock's repaint of the elapsed column, not an event
                return
            accession = board.model.row_at(top_left.row()).accession_number
            sent = published.pop(accession, None)
            if sent is not None:
                latencies.append(time.perf_counter() - sent)

        board_slot_done.connect(on_changed)

        gaps: list[float] = []
        clock = QElapsedTimer()
        clock.start()
        last = [clock.nsecsElapsed()]

        def beat() -> None:
            now = clock.nsecsElapsed()
            gaps.append((now - last[0]) / 1e6)
            last[0] = now

        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(beat)
        timer.start()

        total = args.rate * args.seconds
        device = Actor.system("CM01", "DR01")

        def produce() -> None:
            start = time.perf_counter()
            for n in range(total):
                due = start + n / args.rate
                delay = due - time.perf_counter()
                if delay > 0:
                    time.sleep(delay)
                services.workflow.run(services.database, accessions[n % len(accessions)],
                                      Action.START_ACQUISITION, device)

        producer = threading.Thread(target=produce, name="bench-producer")
        producer.start()
        deadline = time.perf_counter() + args.seconds + 30
        while (producer.is_alive() or published) and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.001)
        producer.join()
        timer.stop()

        reload_times = []
        for _ in range(3):
            t0 = time.perf_counter()
            with services.database.session() as db_session:
                rows = load_rows(db_session)
            board.model.set_rows(rows)
            app.processEvents()
            reload_times.append(time.perf_counter() - t0)
        reload_ms = statistics.median(reload_times) * 1000

        ms = sorted(v * 1000 for v in latencies)
        p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
        print(f"{len(ms)} of {total} state changes applied at {args.rate}/s over "
              f"{args.exams} exams")
        print(f"model update latency: median {statistics.median(ms):.1f} ms, p99 {p99:.1f} ms "
              f"(target p99 < 50 ms)")
        print(f"GUI-thread stall: max {max(gaps[1:]):.1f} ms between 10 ms ticks "
              f"(target < 100 ms)")
        print(f"peer (reload all rows per change, the polling design): {reload_ms:.0f} ms per "
              f"update; ratio {reload_ms / p99:.1f}× slower than our p99")
        window.close()
        station.shutdown()
        window.deleteLater()
        station.deleteLater()
        app.processEvents()


if __name__ == "__main__":
    main()
