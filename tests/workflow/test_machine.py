"""The machine beyond the table: refusals audited, outbox routing, available actions."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tiered_workstation.app.bootstrap import Services
from tiered_workstation.storage.enums import AuditOutcome, ExamState, Role
from tiered_workstation.storage.exams import Exam
from tiered_workstation.storage.messaging import AuditEvent
from tiered_workstation.workflow.actors import Actor
from tiered_workstation.workflow.errors import IllegalTransition, RoleNotAllowed
from tiered_workstation.workflow.machine import ExamWorkflow, LocalSite
from tiered_workstation.workflow.transitions import Action

TECH = Actor("tech", Role.TECHNICIAN, "CH01")


def test_run_commits_and_a_refusal_is_audited_even_though_it_rolls_back(
        services: Services, new_exam) -> None:
    accession = new_exam()
    services.workflow.run(services.database, accession, Action.SCHEDULE, TECH)
    with pytest.raises(IllegalTransition, match="needs the exam to be 'acquired'"):
        services.workflow.run(services.database, accession, Action.CONFIRM_TRANSFER, TECH)
    with services.database.session() as session:
        exam = session.scalar(select(Exam).where(Exam.accession_number == accession))
        assert exam.state is ExamState.SCHEDULED
        refused = session.scalars(select(AuditEvent).where(
            AuditEvent.outcome == AuditOutcome.REFUSED)).one()
        assert refused.action == "exam.confirm_transfer"
        assert refused.object_id == accession
        assert refused.detail["state"] == "scheduled"


def test_run_on_unknown_accession_says_so(services: Services) -> None:
    with pytest.raises(LookupError, match="NOPE"):
        services.workflow.run(services.database, "NOPE", Action.SCHEDULE, TECH)


def test_only_registering_roles_may_open_an_exam(services: Services) -> None:
    exam = Exam(accession_number="X1", study_instance_uid="2.25.1", patient_id=1,
                site_code="CH01", procedure_code="P", procedure_description="P", modality="DX")
    with services.database.transaction() as session, pytest.raises(RoleNotAllowed):
        services.workflow.open_exam(session, exam, Actor("r", Role.REVIEWER, "CH01"))


@pytest.mark.parametrize(("site", "exam_site", "expected"), [
    (LocalSite("CM01", is_center=False, center_code="CH01"), "CM01", "CH01"),
    (LocalSite("CH01", is_center=True), "CM01", "CM01"),
    (LocalSite("CH01", is_center=True), "CH01", None),
])
def test_outbox_destination(site: LocalSite, exam_site: str, expected: str | None) -> None:
    exam = Exam(site_code=exam_site)
    assert ExamWorkflow(site).destination_for(exam) == expected


def test_allowed_actions_follow_role_and_state(services: Services, new_exam) -> None:
    accession = new_exam()
    with services.database.session() as session:
        exam = session.scalar(select(Exam).where(Exam.accession_number == accession))
        assert services.workflow.allowed_actions(session, exam, TECH) == [
            Action.SCHEDULE, Action.COMPLETE_ACQUISITION, Action.CANCEL]
        reviewer = Actor("r", Role.REVIEWER, "CH01")
        assert services.workflow.allowed_actions(session, exam, reviewer) == []
