"""`tiered-ws demo --teaching`: one reviewed exam of the loop becomes a de-identified
case with a voice lesson; the community downloads it, studies it offline, takes the
quiz, and its dashboard shows the doctor's agreement from the loop's prelim report."""

from __future__ import annotations

import csv
import json
import subprocess
from datetime import datetime
from pathlib import Path

import pydicom
from sqlalchemy import select

from tiered_workstation.app.bootstrap import open_site
from tiered_workstation.demo.cases import CASES
from tiered_workstation.demo.loop import run_loop_demo
from tiered_workstation.storage.enums import StudyActivity
from tiered_workstation.storage.teaching import Lesson, StudyRecord, TeachingCase
from tiered_workstation.teaching.deidentify import age_at


def test_the_teaching_demo_goes_from_a_signed_exam_to_the_dashboard(tmp_path: Path) -> None:
    lines: list[str] = []
    result = run_loop_demo(tmp_path / "demo", lines.append, image_size=256, teaching=True)
    text = "\n".join(lines)
    center, community = open_site(result.center_config), open_site(result.community_config)
    try:
        with center.database.session() as session:
            case = session.scalar(select(TeachingCase))
            lesson = session.scalar(select(Lesson))
            quiz = session.scalar(select(StudyRecord).where(
                StudyRecord.activity == StudyActivity.QUIZ))
            assert case.source_exam_id is not None
            assert not case.offline
            assert quiz.username == "dr.cm01"
            assert quiz.site_code == "CM01"
            assert quiz.quiz_agreement is not None
            assert quiz.quiz_agreement > 0
            media = center.teaching_dir / lesson.path
        probe = json.loads(subprocess.run(
            ["ffprobe", "-v", "error", "-show_streams", "-show_format", "-of", "json",
             str(media)], capture_output=True, text=True, check=True).stdout)
        assert probe["streams"][0]["codec_name"] == "aac"
        assert abs(float(probe["format"]["duration"]) - 6.0) < 0.3
        today = datetime.now(center.settings.site.tz).strftime("%Y%m%d")
        age = age_at(CASES[0].patient.birth_date.strftime("%Y%m%d"), today)
        for path in (center.teaching_dir).rglob("*.dcm"):   # no patient left in the case
            ds = pydicom.dcmread(path, stop_before_pixels=True)
            assert not ds.get("PatientBirthDate")
            assert ds.PatientAge == age                       # 张三's, from his birth date
            raw = path.read_bytes()
            for name in (CASES[0].patient.name, CASES[0].patient.name_phonetic):
                assert name.encode("utf-8") not in raw
                assert name.encode("gb18030") not in raw

        with community.database.session() as session:
            copy = session.scalar(select(TeachingCase))
            assert copy.uid == case.uid
            assert copy.offline
            assert copy.source_exam_id is None
        stored = list((community.teaching_dir / "offline" / case.uid).iterdir())
        assert len(stored) == len(copy_files := community.teaching_desk.files(case.uid)) + 1
        assert all(b"DICM" not in p.read_bytes() for p in stored)
        assert len(copy_files) >= 2
        exported = (community.settings.data_dir / "teaching-reports" /
                    "teaching-progress.csv").read_text(encoding="utf-8-sig")
        rows = list(csv.DictReader(exported.split("\n\n")[0].splitlines()))  # the doctors
        doctors = {row["username"]: row for row in rows}
        assert set(doctors) == {"dr.cm01"}, rows      # the center's attending is not ours
        assert int(doctors["dr.cm01"]["reviews"]) == 1
        assert "first frame decoded in" in text
        assert "王医生 (dr.cm01): 1 reviewed" in text
    finally:
        community.close()
        center.close()
