"""The demo walks one exam through every state and prints its timeline and TAT."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from tiered_workstation.app.bootstrap import open_site
from tiered_workstation.demo.one_site import run_demo
from tiered_workstation.storage.enums import ExamState
from tiered_workstation.storage.exams import Exam

EVERY_STATE_IN_ORDER = ["registered", "scheduled", "in_progress", "acquired", "transferred",
                        "assigned", "preliminary", "in_consultation", "preliminary", "final",
                        "printed"]


def test_demo_walks_every_state_and_is_rerunnable(tmp_path: Path) -> None:
    lines: list[str] = []
    result = run_demo(tmp_path, lines.append)
    assert result.tat_status == "met"
    services = open_site(result.config_path)
    try:
        with services.database.session() as session:
            exam = session.scalar(select(Exam).where(
                Exam.accession_number == result.accession_number))
            assert [t.to_state.value for t in exam.transitions] == EVERY_STATE_IN_ORDER
            assert exam.state is ExamState.PRINTED
            requests = {e.patient.name: e.clinical_info for e in session.scalars(select(Exam))}
            assert len(requests) == 4
            assert len(set(requests.values())) == 4  # each patient her or his own history
            assert requests["张三"] == "咳嗽两周，发热三天。"
    finally:
        services.close()
    text = "\n".join(lines)
    timeline = [line.split()[1] for line in lines if line.startswith("  ") and
                line[2:4].isdigit() and line[4] == ":"]
    assert timeline == EVERY_STATE_IN_ORDER
    assert "Total" in text
    assert "met" in text
    assert "{+两周+}" in text  # the reviewer's edit, as a diff
    assert "王芳 (Wang^Fang), DR 胸部正侧位 Chest PA+LAT: 干咳一周" in text
    second = run_demo(tmp_path, lines.append)
    assert second.accession_number != result.accession_number


def test_demo_command_runs(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("tiered-ws")
    result = subprocess.run([str(exe), "demo", "--one-site", "--data-dir", str(tmp_path / "d")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "printed" in result.stdout
    assert "Turnaround" in result.stdout
