"""A community doctor's study records reach the center over the sync API, once each,
and a community cannot report another community's doctors."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from sync.conftest import Consortium
from sync.test_loop import wait_until
from tiered_workstation.storage.enums import Role, StudyActivity
from tiered_workstation.storage.teaching import StudyRecord
from tiered_workstation.sync.client import SyncRejected
from tiered_workstation.workflow.actors import Actor

DOCTOR = Actor("dr.cm01", Role.COMMUNITY_DOCTOR, "CM01", "李医生")


def _at_center(consortium: Consortium) -> list[tuple[str, StudyActivity, float | None]]:
    with consortium.center.database.session() as session:
        return [(r.username, r.activity, r.quiz_agreement) for r in session.scalars(
            select(StudyRecord).order_by(StudyRecord.id))]


def test_study_records_travel_to_the_center(consortium: Consortium) -> None:
    desk = consortium.community.teaching_desk
    case_uid = str(uuid.uuid4())
    desk.record(DOCTOR, case_uid, StudyActivity.OPENED)
    desk.record(DOCTOR, case_uid, StudyActivity.QUIZ, quiz=("右下肺片状影。", "肺炎。", 0.62))
    consortium.community.sync.start(long_poll_seconds=1)
    wait_until("study records at the center", lambda: len(_at_center(consortium)) == 2)
    assert _at_center(consortium) == [("dr.cm01", StudyActivity.OPENED, None),
                                      ("dr.cm01", StudyActivity.QUIZ, 0.62)]
    with consortium.center.database.session() as session:
        quiz = session.scalar(select(StudyRecord).where(
            StudyRecord.activity == StudyActivity.QUIZ))
        assert (quiz.site_code, quiz.user_name, quiz.case_uid) == ("CM01", "李医生", case_uid)
        assert quiz.quiz_impression == "肺炎。"


def test_a_community_cannot_send_another_sites_records(consortium: Consortium) -> None:
    body = {"message_id": str(uuid.uuid4()), "uid": str(uuid.uuid4()),
            "username": "dr.cm02", "site_code": "CM02", "case_uid": "x",
            "activity": "quiz", "started_at": "2026-12-04T08:00:00+00:00"}
    with pytest.raises(SyncRejected) as refused:
        consortium.client_for("CM01").post("/v1/teaching/study-records", body)
    assert refused.value.status == 403
    body["site_code"], body["username"] = "CM01", "dr.cm01"
    client = consortium.client_for("CM01")
    assert client.post("/v1/teaching/study-records", body)["status"] == "applied"
    assert client.post("/v1/teaching/study-records", body)["status"] == "duplicate"
    assert len(_at_center(consortium)) == 1
