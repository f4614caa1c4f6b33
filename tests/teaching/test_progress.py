"""Each doctor's agreement from the peer reviews, by week and body part, with the major
discrepancies, study counts, suggested cases, and the CSV and PDF exports."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from teaching.conftest import TODAY, TZ, seed_peer_reviews
from tiered_workstation.app.bootstrap import Services
from tiered_workstation.storage.enums import PeerReviewGrade
from tiered_workstation.teaching.progress import progress, to_csv
from tiered_workstation.teaching.progress_pdf import LABELS_ZH, write_progress_pdf


def test_agreement_per_doctor_week_and_body_part(services: Services, new_exam,
                                                 tmp_path: Path) -> None:
    accessions = seed_peer_reviews(services, new_exam)
    with services.database.session() as session:
        data = progress(session, today=TODAY, tz=TZ, weeks=4)
    li, wu = data.doctors  # the least agreeing first
    assert (li.username, li.reviews, wu.reviews) == ("dr.li", 5, 2)
    assert li.agreement == 3 / 5
    assert wu.agreement == 1.0
    assert li.grades == {PeerReviewGrade.MINOR: 1, PeerReviewGrade.MAJOR: 1,
                         PeerReviewGrade.AGREE: 3}
    assert [(w.start, w.reviews, w.agreed) for w in li.weeks] == [
        (date(2026, 11, 9), 0, 0), (date(2026, 11, 16), 2, 0), (date(2026, 11, 23), 0, 0),
        (date(2026, 11, 30), 3, 3)]  # a week without grades is a gap, not a zero
    assert li.weeks[0].agreement is None
    assert [(p.body_part, p.reviews, p.agreed) for p in li.parts] == [
        ("CHEST", 3, 1), ("SPINE", 2, 2)]
    assert li.weakest_part.body_part == "CHEST"
    assert [c.uid for c in li.suggestions] == ["c-chest"]  # the library, for the weak part
    assert wu.suggestions == []  # agrees everywhere: nothing to suggest
    assert wu.weakest_part is None  # and no part to call weakest
    assert (li.lessons_watched, li.quizzes) == (2, 1)
    assert [m.accession_number for m in data.majors] == [accessions[1]]
    with services.database.session() as session:  # this week only: earlier grades drop out
        recent = progress(session, today=TODAY, tz=TZ, weeks=1)
    assert {d.username: d.reviews for d in recent.doctors} == {"dr.li": 3, "dr.wu": 1}
    text = to_csv(data)
    assert text.startswith("\ufeffdoctor,username")
    assert "李医生,dr.li,CM01,5,3,1,1,0.600" in text
    assert "李医生,2026-11-16,,2,0,0.000" in text
    pdf = write_progress_pdf(data, tmp_path / "progress.pdf", site_name="中心医院",
                             labels=LABELS_ZH)
    pages = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    assert "李医生" in pages
    assert "带教进度" in pages
    assert accessions[1] in pages
    assert "60%" in pages
