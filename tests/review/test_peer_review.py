"""Sign-off grades another doctor's preliminary and keeps the distances with it."""

from __future__ import annotations

from sqlalchemy import select

from review.conftest import ATTENDING, PASSWORD, REVIEWER, Reading, by_accession
from tiered_workstation.review import peer_review
from tiered_workstation.review.signoff import sign_report
from tiered_workstation.review.submit import submit_preliminary
from tiered_workstation.storage.enums import PeerReviewGrade
from tiered_workstation.storage.teaching import PeerReview

FINDINGS = "双肺纹理增多，右下肺见片状模糊影。心影大小形态正常。"
EDITED = FINDINGS.replace("片状模糊影", "斑片状模糊影，边界不清")


def _read(reading: Reading) -> str:
    services = reading.services
    accession = reading.new_exam()
    with services.database.transaction() as session:
        submit_preliminary(session, services.workflow, by_accession(session, accession),
                           ATTENDING, findings=FINDINGS, impression="右下肺炎症。",
                           sealer=services.sync.sealer)
    return accession


def _sign(reading: Reading, accession: str, grade: PeerReviewGrade | None) -> PeerReview:
    services = reading.services
    with services.database.transaction() as session:
        sign_report(session, services.workflow, by_accession(session, accession), REVIEWER,
                    password=PASSWORD, findings=EDITED, impression="右下肺炎症。",
                    grade=grade)
    with services.database.session() as session:
        exam = by_accession(session, accession)
        review = session.scalar(select(PeerReview).where(PeerReview.exam_id == exam.id))
        assert review is not None
        session.expunge(review)
        return review


def test_the_proposed_grade_is_kept_when_the_reviewer_does_not_change_it(
        reading: Reading) -> None:
    accession = _read(reading)
    with reading.services.database.session() as session:
        proposal = peer_review.propose(session, by_accession(session, accession),
                                       REVIEWER.username, findings=EDITED,
                                       impression="右下肺炎症。")
        assert peer_review.propose(session, by_accession(session, accession),
                                   ATTENDING.username, findings=EDITED,
                                   impression="") is None  # nobody grades their own
    assert proposal is not None
    assert proposal.proposed_grade is PeerReviewGrade.MINOR
    review = _sign(reading, accession, None)
    assert review.grade is PeerReviewGrade.MINOR
    assert review.proposed_grade is PeerReviewGrade.MINOR
    assert review.author_username == ATTENDING.username
    assert review.author_name == "陈主治"
    assert review.reviewer_username == REVIEWER.username
    assert (review.modality, review.body_part) == ("DX", "CHEST")
    assert review.findings_distance == proposal.findings_distance
    assert 0.1 < review.findings_distance < 0.5
    assert review.impression_distance == 0.0
    assert review.impression_changed is False


def test_the_reviewer_can_overrule_the_proposal(reading: Reading) -> None:
    review = _sign(reading, _read(reading), PeerReviewGrade.MAJOR)
    assert review.grade is PeerReviewGrade.MAJOR
    assert review.proposed_grade is PeerReviewGrade.MINOR
