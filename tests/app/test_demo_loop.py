"""`tiered-ws demo`: two sites on loopback, the whole loop to a printed PDF."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from tiered_workstation.app.bootstrap import open_site
from tiered_workstation.demo.cases import CASES
from tiered_workstation.storage.enums import ExamState
from tiered_workstation.storage.exams import Exam
from tiered_workstation.storage.imaging import Instance

EXE = Path(sys.executable).with_name("tiered-ws")
LOOP = ["registered", "scheduled", "in_progress", "acquired", "transferred", "assigned",
        "preliminary", "final", "printed"]


def test_demo_runs_the_loop_between_two_nodes_and_prints(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    result = subprocess.run([str(EXE), "demo", "--data-dir", str(folder)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "Both sites agree" in out
    assert "Whole loop, machine time" in out
    pdfs = [Path(line.strip()) for line in out.splitlines()
            if line.startswith("  /") and line.endswith(".pdf")]
    assert len(pdfs) == 2
    text = subprocess.run(["pdftotext", str(pdfs[0]), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "张三" in text
    assert "刘主任" in text
    assert "市中心医院" in text
    with open_site(folder / "cm01" / "site.toml") as community:  # as its screens say it
        assert community.settings.site.name.split()[0] in text
    assert "关键图像" in text
    assert CASES[0].key_image in text
    # logo, seal and both doctors' handwritten signatures — the second patient's reader
    # is the community doctor, whose signature travelled with her preliminary report —
    # and the first patient's key image, the reviewer's choice of his PA film
    for pdf, key_images in zip(pdfs, (1, 0), strict=True):
        listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True,
                                 text=True, check=True).stdout.splitlines()[2:]
        assert sum(row.split()[2] == "image" for row in listing) == 4 + key_images, listing
    for site in ("ch01", "cm01"):
        with open_site(folder / site / "site.toml") as services, \
                services.database.session() as session:
            exams = session.scalars(select(Exam).order_by(Exam.accession_number)).all()
            assert [e.state for e in exams] == [ExamState.PRINTED, ExamState.PRINTED]
            assert [t.to_state.value for t in exams[0].transitions] == LOOP
            assert len(session.scalars(select(Instance)).all()) == 4
    # a second run starts from fresh folders
    again = subprocess.run([str(EXE), "demo", "--data-dir", str(folder), "--image-size",
                            "512"], capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    (outsider := tmp_path / "not-demo").mkdir()
    (outsider / "precious.txt").write_text("keep me")
    refused = subprocess.run([str(EXE), "demo", "--data-dir", str(outsider)],
                             capture_output=True, text=True, timeout=60)
    assert refused.returncode == 1
    assert "is not a demo folder" in refused.stderr
    assert (outsider / "precious.txt").exists()
