"""The community node killed (SIGKILL) while forwarding a study, then restarted:
every instance reaches the center exactly once and the commitment completes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sync.test_loop import COMMUNITY_TECH, wait_until
from tiered_workstation.app.bootstrap import bootstrap
from tiered_workstation.config import load_settings
from tiered_workstation.demo.loop import create_sites
from tiered_workstation.dicom.scu import Target
from tiered_workstation.dicom.scu_transfer import store_files
from tiered_workstation.dicom.synth import Demographics, dx_dataset
from tiered_workstation.registration.identity import OrderInput, PatientInput
from tiered_workstation.registration.service import register_exam
from tiered_workstation.storage.enums import ExamState, ReadingMode, Sex
from tiered_workstation.storage.exams import Exam
from tiered_workstation.storage.forwarding import ForwardItem, ForwardJob
from tiered_workstation.storage.imaging import Instance

EXE = Path(sys.executable).with_name("tiered-ws")
IMAGES = 12


def start_node(config: Path, log: Path) -> subprocess.Popen[bytes]:
    process = subprocess.Popen([str(EXE), "--config", str(config), "node"],
                               stdout=log.open("ab"), stderr=subprocess.STDOUT)
    port = load_settings(config).dicom.port
    deadline = time.monotonic() + 30
    import socket

    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return process
        time.sleep(0.1)
    process.kill()
    raise AssertionError(f"the community node did not start: {log.read_text()[-2000:]}")


def test_sigkill_while_forwarding_then_restart(tmp_path: Path) -> None:
    center_config, community_config = create_sites(tmp_path / "sites")
    center = bootstrap(load_settings(center_config))
    community = bootstrap(load_settings(community_config))  # the test's view of its DB
    center.start(long_poll_seconds=1)
    log = tmp_path / "community.log"
    node = start_node(community_config, log)
    try:
        with community.database.transaction() as session:
            exam, _ = register_exam(session, community.workflow, community.registration,
                                    COMMUNITY_TECH, PatientInput("张三", Sex.MALE),
                                    OrderInput("DXCHEST2", "DR 胸部正侧位", "DX", "CHEST",
                                               reading_mode=ReadingMode.CENTER_FULL))
            accession, study = exam.accession_number, exam.study_instance_uid
        demo = Demographics(accession_number=accession, study_instance_uid=study)
        folder = tmp_path / "dr"
        folder.mkdir()
        paths = []
        for n in range(IMAGES):
            path = folder / f"{n}.dcm"
            dx_dataset(demo, size=1536, seed=n, instance_number=n + 1).save_as(
                path, enforce_file_format=True)
            paths.append(path)
        settings = community.settings
        outcomes = store_files(Target(settings.dicom.ae_title, "127.0.0.1",
                                      settings.dicom.port), "DR01", paths)
        assert all(o.ok for o in outcomes)

        def center_count() -> int:
            with center.database.session() as session:
                return int(session.scalar(select(func.count()).select_from(Instance)) or 0)

        wait_until("the first forwarded instance", lambda: center_count() >= 1, timeout=90)
        arrived = center_count()
        os.kill(node.pid, signal.SIGKILL)  # mid-study: the association dies with it
        node.wait(timeout=30)
        if arrived >= IMAGES:
            pytest.fail("the study was forwarded before the kill; make it larger")
        node = start_node(community_config, log)
        wait_until("every instance at the center", lambda: center_count() >= IMAGES, timeout=90)

        def job_done() -> bool:
            with community.database.session() as session:
                states = session.scalars(select(ForwardJob.state)).all()
                return bool(states) and all(s == "done" for s in states)

        wait_until("the forward job to finish with commitment", job_done, timeout=90)

        def exam_state() -> ExamState:
            with community.database.session() as session:
                return session.scalar(select(Exam.state).where(
                    Exam.accession_number == accession))

        # no MPPS here, so arrival made it 'acquired'; commitment makes it 'transferred'
        wait_until("the exam to be transferred", lambda: exam_state() is ExamState.TRANSFERRED)
        with center.database.session() as session:
            rows = session.execute(select(Instance.sop_instance_uid, Instance.version)).all()
        assert len(rows) == IMAGES  # exactly once: a resent instance is the same file
        assert {v for _, v in rows} == {1}
        with community.database.session() as session:
            items = session.scalars(select(ForwardItem)).all()
            assert len(items) == IMAGES
            assert all(i.committed_at is not None for i in items)
    finally:
        node.kill()
        node.wait(timeout=30)
        community.close()
        center.close()
