"""Registration and transition throughput on an SQLite file, against bare sqlite3.

What a registration costs us (patient lookup by ID card, accession number,
exam, timeline row, audit event, outbox message, one durable transaction)
compared with the standard library's sqlite3 writing the same rows in the
same kind of transaction.  The ratio is the price of the ORM, the rules and
the guards; both sides run here, in this process, on the same disk.

    .venv/bin/python bench/bench_workflow.py [--count 300]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from tiered_workstation.app.bootstrap import Services, bootstrap
from tiered_workstation.app.site_setup import InitRequest, init_site
from tiered_workstation.registration.identity import (
    OrderInput,
    PatientInput,
    national_id_check_char,
)
from tiered_workstation.registration.service import register_exam
from tiered_workstation.storage.enums import Role
from tiered_workstation.workflow.actors import Actor
from tiered_workstation.workflow.transitions import Action

TECH = Actor("tech", Role.TECHNICIAN, "CH01")
ORDER = OrderInput("DXCHEST2", "DR 胸部正侧位", "DX", "CHEST")


def id_card(i: int) -> str:
    first17 = f"110105{date(1950 + i % 60, 1 + i % 12, 1 + i % 28):%Y%m%d}{i % 1000:03d}"
    return first17 + national_id_check_char(first17)


def ours(services: Services, count: int, offset: int = 0) -> list[str]:
    numbers = []
    for i in range(offset, offset + count):
        with services.database.transaction() as session:
            exam, _ = register_exam(session, services.workflow, services.registration, TECH,
                                    PatientInput(f"患者{i}", national_id=id_card(i)), ORDER)
            numbers.append(exam.accession_number)
    return numbers


def peer_registrations(path: Path, count: int) -> None:
    """The same rows through sqlite3: lookup, counter bump, 5 inserts, one commit each."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.executescript("""
        CREATE TABLE patients (id INTEGER PRIMARY KEY, cid TEXT, name TEXT, nid TEXT UNIQUE);
        CREATE TABLE counters (site TEXT, day TEXT, v INTEGER, PRIMARY KEY (site, day));
        CREATE TABLE exams (id INTEGER PRIMARY KEY, acc TEXT UNIQUE, uid TEXT UNIQUE,
                            patient_id INTEGER REFERENCES patients(id), state TEXT);
        CREATE TABLE transitions (id INTEGER PRIMARY KEY, exam_id INTEGER, state TEXT, at TEXT);
        CREATE TABLE audit (id INTEGER PRIMARY KEY, action TEXT, obj TEXT, detail TEXT);
        CREATE TABLE outbox (id INTEGER PRIMARY KEY, uuid TEXT UNIQUE, payload TEXT);
        INSERT INTO counters VALUES ('CH01', '261128', 0);
    """)
    for i in range(count):
        now = datetime.now(UTC).isoformat()
        db.execute("BEGIN IMMEDIATE")
        db.execute("SELECT id FROM patients WHERE nid = ?", (id_card(i),)).fetchone()
        pid = db.execute("INSERT INTO patients (cid, name, nid) VALUES (?, ?, ?)",
                         (str(uuid.uuid4()), f"患者{i}", id_card(i))).lastrowid
        db.execute("UPDATE counters SET v = v + 1 WHERE site = 'CH01' AND day = '261128'")
        seq = db.execute("SELECT v FROM counters WHERE site='CH01' AND day='261128'").fetchone()
        acc = f"CH01261128{seq[0]:04d}"
        eid = db.execute("INSERT INTO exams (acc, uid, patient_id, state) VALUES (?,?,?,?)",
                         (acc, f"2.25.{uuid.uuid4().int}", pid, "registered")).lastrowid
        db.execute("INSERT INTO transitions (exam_id, state, at) VALUES (?,?,?)",
                   (eid, "registered", now))
        db.execute("INSERT INTO audit (action, obj, detail) VALUES (?,?,?)",
                   ("exam.register", acc, json.dumps({"to": "registered"})))
        db.execute("INSERT INTO outbox (uuid, payload) VALUES (?,?)",
                   (str(uuid.uuid4()), json.dumps({"acc": acc, "to": "registered"})))
        db.execute("COMMIT")
    db.close()


def timed(runs: int, fn: Callable[[int], None]) -> float:
    """Median seconds of ``runs`` calls of fn(run_index)."""
    times = []
    for run in range(runs):
        start = time.perf_counter()
        fn(run)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def make_site(folder: Path) -> Services:
    settings, _ = init_site(InitRequest(mode="center", site_code="CH01", data_dir=folder))
    return bootstrap(settings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    n = args.count
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)

        def run_ours(run: int) -> None:
            with make_site(root / f"ours{run}") as services:
                ours(services, n)

        def run_peer(run: int) -> None:
            peer_registrations(root / f"peer{run}.db", n)

        t_ours = timed(args.runs, run_ours)
        t_peer = timed(args.runs, run_peer)

        with make_site(root / "transitions") as services:
            numbers = ours(services, n)
            start = time.perf_counter()
            for accession in numbers:
                services.workflow.run(services.database, accession, Action.SCHEDULE, TECH)
            t_transitions = time.perf_counter() - start

        with make_site(root / "threads") as services:
            threads = [threading.Thread(target=ours, args=(services, n // 4, k * n))
                       for k in range(4)]
            start = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            t_threads = time.perf_counter() - start

    print(f"registrations, one transaction each, {n} per run, median of {args.runs}:")
    print(f"  tiered-workstation  {n / t_ours:8.0f} /s   ({1000 * t_ours / n:.2f} ms each)")
    print(f"  bare sqlite3 peer   {n / t_peer:8.0f} /s   ({1000 * t_peer / n:.2f} ms each)")
    print(f"  ratio ours/peer     {t_peer / t_ours:8.2f}")
    print(f"transitions (workflow.run, own transaction): {n / t_transitions:.0f} /s")
    print(f"registrations from 4 threads at once:        {n / t_threads:.0f} /s, "
          "no errors, unique numbers")


if __name__ == "__main__":
    main()
