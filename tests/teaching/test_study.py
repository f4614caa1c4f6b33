"""The quiz marks a learner's report against the expert's; study records are kept and
queued for the center."""

from __future__ import annotations

from sqlalchemy import select

from tiered_workstation.app.bootstrap import Services
from tiered_workstation.storage.enums import Role, StudyActivity
from tiered_workstation.storage.messaging import OutboxMessage
from tiered_workstation.storage.teaching import StudyRecord
from tiered_workstation.teaching.study import mark_quiz, record_study
from tiered_workstation.workflow.actors import Actor
from tiered_workstation.workflow.outbox import STUDY_TOPIC
from tiered_workstation.workflow.report_diff import DiffOp, apply_new, apply_old

EXPERT = ("双肺纹理增多，右下肺见斑片状模糊影，边界不清。", "右下肺炎症。")
LEARNER = Actor("dr.cm01", Role.COMMUNITY_DOCTOR, "CM01", "李医生")


def test_the_quiz_shows_the_learners_text_against_the_experts() -> None:
    learner = ("双肺纹理增多，右下肺见片状影。", "右下肺炎症，建议复查。")
    result = mark_quiz(*EXPERT, *learner)
    assert apply_old(result.diff.findings) == learner[0]
    assert apply_new(result.diff.findings) == EXPERT[0]
    assert apply_new(result.diff.impression) == EXPERT[1]
    inserted = "".join(s.text for s in result.diff.findings if s.op is DiffOp.INSERT)
    assert "斑" in inserted
    assert 0.5 < result.agreement < 1
    assert mark_quiz(*EXPERT, *EXPERT).agreement == 1.0
    assert mark_quiz(*EXPERT, "", "").agreement == 0.0
    # the impression weighs more than the findings
    right_impression = mark_quiz(*EXPERT, "未见异常。", EXPERT[1]).agreement
    right_findings = mark_quiz(*EXPERT, EXPERT[0], "未见异常。").agreement
    assert right_impression > right_findings


def test_study_records_are_kept_and_queued_for_the_center(services: Services) -> None:
    with services.database.transaction() as session:
        record_study(session, LEARNER, "case-1", StudyActivity.OPENED)
        record_study(session, LEARNER, "case-1", StudyActivity.QUIZ,
                     quiz=("右下肺片状影。", "肺炎。", 0.62), center="CH01")
    with services.database.session() as session:
        records = session.scalars(select(StudyRecord).order_by(StudyRecord.id)).all()
        assert [(r.activity, r.quiz_agreement) for r in records] == [
            (StudyActivity.OPENED, None), (StudyActivity.QUIZ, 0.62)]
        assert records[1].finished_at is not None
        message = session.scalar(select(OutboxMessage).where(
            OutboxMessage.topic == STUDY_TOPIC))
        assert message.destination_site == "CH01"
        assert message.payload["uid"] == records[1].uid
        assert message.payload["quiz_impression"] == "肺炎。"
        assert message.payload["user_name"] == "李医生"
