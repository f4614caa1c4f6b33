"""The two-site demo: each patient has her or his own request and report, and the
simulated DR's PA and lateral series reach the center dated in the site's time zone."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from pydicom import dcmread
from sqlalchemy import select

from tiered_workstation.app.bootstrap import open_site
from tiered_workstation.demo.cases import CASES
from tiered_workstation.demo.loop import run_loop_demo
from tiered_workstation.storage.enums import VersionKind
from tiered_workstation.storage.exams import Exam
from tiered_workstation.storage.imaging import Instance, Series, Study
from tiered_workstation.workflow.reports import report_of


def test_each_patient_has_her_own_history_report_and_two_series(tmp_path: Path) -> None:
    lines: list[str] = []
    started = datetime.now(UTC).replace(microsecond=0)
    result = run_loop_demo(tmp_path / "demo", lines.append, image_size=128)
    text = "\n".join(lines)
    assert len({case.clinical_info for case in CASES}) == len(CASES) == 2
    center = open_site(result.center_config)
    try:
        tz = center.settings.site.tz
        with center.database.session() as session:
            for accession, case in zip(result.accessions, CASES, strict=True):
                exam = session.scalar(select(Exam).where(Exam.accession_number == accession))
                assert exam.patient.name == case.patient.name
                assert exam.clinical_info == case.clinical_info
                final = report_of(session, exam).latest_of(VersionKind.FINAL)
                assert (final.findings, final.impression) == (case.final_findings,
                                                              case.final_impression)
                assert f"{accession} {case.patient.name} ({case.mode.value}): " \
                       f"{case.clinical_info}" in text
                assert f"   {case.patient.name}: {case.final_impression}" in text
                rows = session.execute(
                    select(Series.series_number, Series.description, Instance.path)
                    .join(Instance.series).join(Study).where(Study.accession_number == accession)
                    .order_by(Series.series_number)).all()
                assert [(n, d) for n, d, _ in rows] == [(1, "Chest PA"), (2, "Chest LAT")]
                for _, _, path in rows:  # dated by the DR's clock, in the site's zone
                    ds = dcmread(center.archive.absolute(path), stop_before_pixels=True)
                    when = datetime.strptime(ds.StudyDate + ds.StudyTime, "%Y%m%d%H%M%S")
                    assert started <= when.replace(tzinfo=tz) <= datetime.now(UTC)
        assert CASES[0].final_impression != CASES[1].final_impression
    finally:
        center.close()
