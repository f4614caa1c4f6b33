"""The scripted clinic day on real nodes: every exam reaches paper exactly once."""

from __future__ import annotations

from pathlib import Path

from tiered_workstation.demo.clinic_day import run_clinic_day
from tiered_workstation.storage.enums import ReadingMode


def test_a_short_day_prints_every_exam_exactly_once(tmp_path: Path) -> None:
    lines: list[str] = []
    result = run_clinic_day(tmp_path / "day", exams=6, speed=600, arrival_minutes=2,
                            image_size=256, prelim_share=0.5, seed=3, out=lines.append)
    accessions = [case.accession for case in result.cases]
    assert len(set(accessions)) == 6
    assert {c.community for c in result.cases} == {"CM01", "CM02"}
    assert {c.mode for c in result.cases} == set(ReadingMode)
    assert result.prints_per_exam == {accession: 1 for accession in accessions}
    assert len(result.tat_minutes) == 6
    assert all(minutes > 0 for minutes in result.tat_minutes)
    assert any("Printed exactly once: 6/6" in line for line in lines)
