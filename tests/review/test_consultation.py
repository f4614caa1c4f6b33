"""Consultation: a thread per exam, notifications to the group, a conclusion to sign."""

from __future__ import annotations

import pytest

from review.conftest import ATTENDING, EXPERT, REVIEWER, Reading, by_accession
from tiered_workstation.review.consultation import (
    CONSULTATION_TOPIC,
    conclude,
    post_message,
    request_consultation,
    thread,
)
from tiered_workstation.review.submit import submit_preliminary
from tiered_workstation.storage.enums import ExamState
from tiered_workstation.workflow.errors import GuardFailed, WorkflowError
from tiered_workstation.workflow.transitions import Action


def test_hard_case_goes_to_the_expert_group_and_back(reading: Reading) -> None:
    services = reading.services
    heard = []
    subscription = services.bus.subscribe(CONSULTATION_TOPIC, heard.append)
    accession = reading.new_exam()
    with services.database.transaction() as session:
        submit_preliminary(session, services.workflow, by_accession(session, accession),
                           ATTENDING, findings="右肺门区见结节影。", impression="待定。",
                           sealer=services.sync.sealer)
    with services.database.transaction() as session:
        request_consultation(session, services.workflow, by_accession(session, accession),
                             REVIEWER, "右肺门结节：淋巴结还是肿块？")
    # signing before a conclusion is impossible
    with pytest.raises(WorkflowError):
        services.workflow.run(services.database, accession, Action.CONCLUDE_CONSULTATION,
                              REVIEWER)
    with services.database.transaction() as session:
        post_message(session, by_accession(session, accession), EXPERT,
                     "倾向肿大淋巴结，建议增强CT。", key_image_uid="1.2.3.4")
    with services.database.transaction() as session:
        conclude(session, services.workflow, by_accession(session, accession), REVIEWER,
                 "专家组意见：右肺门淋巴结肿大，建议增强CT。")
    with services.database.session() as session:
        exam = by_accession(session, accession)
        assert exam.state is ExamState.PRELIMINARY
        messages = thread(session, exam.id)
        assert [(m.author_name, m.is_conclusion) for m in messages] == [
            ("刘主任", False), ("王教授", False), ("刘主任", True)]
        assert messages[1].key_image_uid == "1.2.3.4"
    subscription.cancel()
    # every message told the rest of the expert group
    assert len(heard) == 3
    assert heard[0].payload["notify"] == ["exp.chest"]
    assert heard[1].payload["notify"] == ["rev.chest"]
    assert heard[2].payload["conclusion"] is True


def test_messages_need_an_open_consultation(reading: Reading) -> None:
    accession = reading.new_exam()
    services = reading.services
    with services.database.transaction() as session, pytest.raises(WorkflowError):
        post_message(session, by_accession(session, accession), EXPERT, "hello")
    with services.database.transaction() as session, pytest.raises((GuardFailed,
                                                                    WorkflowError)):
        request_consultation(session, services.workflow, by_accession(session, accession),
                             REVIEWER, "?")
