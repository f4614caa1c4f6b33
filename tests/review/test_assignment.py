"""Triage rules: group by modality/body part/site, preferred reader, workload,
availability, audit, and the overload switch to center-full."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, update

from review.conftest import ADMIN, TECH, TRIAGE, Reading, by_accession
from tiered_workstation.registration.identity import OrderInput, PatientInput
from tiered_workstation.registration.service import RegistrationPolicy, register_exam
from tiered_workstation.storage.enums import ReadingMode, Sex
from tiered_workstation.storage.exams import ExamTransition
from tiered_workstation.storage.messaging import AuditEvent
from tiered_workstation.storage.reports import Assignment
from tiered_workstation.storage.sites import User
from tiered_workstation.workflow.actors import Actor
from tiered_workstation.workflow.assignment import (
    RuleSpec,
    assign,
    current_assignment,
    load_rules,
    propose,
    reading_mode_for,
    save_rules,
)

RULES = [RuleSpec("msk", modality="DX", body_part="KNEE"),
         RuleSpec("chest", modality="DX", body_part="CHEST", source_site="CM01",
                  assignee_username="att.chest"),
         RuleSpec("chest", body_part="CHEST"),
         RuleSpec("msk", modality="DX")]
KNEE = ("DXKNEE", "DR 膝关节正侧位", "DX", "KNEE")
LSPINE = ("DXLSPINE", "DR 腰椎正侧位", "DX", "LSPINE")
CT_CHEST = ("CTCHEST", "CT 胸部平扫", "CT", "CHEST")


def _propose(reading: Reading, accession: str):
    with reading.services.database.session() as session:
        return propose(session, by_accession(session, accession))


def test_rules_are_stored_in_order_and_audited(reading: Reading) -> None:
    with reading.services.database.transaction() as session:
        save_rules(session, ADMIN, RULES)
    with reading.services.database.session() as session:
        assert load_rules(session) == RULES
        assert session.scalar(select(AuditEvent).where(
            AuditEvent.action == "triage.rules")) is not None


def test_modality_and_body_part_choose_the_group(reading: Reading) -> None:
    with reading.services.database.transaction() as session:
        save_rules(session, ADMIN, RULES)
    knee = reading.new_exam(procedure=KNEE, assigned=False)
    spine = reading.new_exam(procedure=LSPINE, assigned=False)
    ct = reading.new_exam(procedure=CT_CHEST, assigned=False)
    assert _propose(reading, knee).group_code == "msk"
    assert _propose(reading, spine).group_code == "msk"  # the DX catch-all
    proposal = _propose(reading, ct)
    assert proposal.group_code == "chest"
    assert str(proposal.reasons[0]) == "CHEST → chest"


def test_source_site_and_preferred_reader(reading: Reading) -> None:
    with reading.services.database.transaction() as session:
        save_rules(session, ADMIN, RULES)
        # an exam from community CM01 (the site rule) and one registered at the center
    cm01 = _community_exam(reading)
    local = reading.new_exam(assigned=False)
    assert _propose(reading, cm01).assignee == "att.chest"
    assert "preferred reader 陈主治" in _propose(reading, cm01).note
    assert "preferred reader" not in _propose(reading, local).note


def test_least_busy_available_reader_and_availability(reading: Reading) -> None:
    with reading.services.database.transaction() as session:
        save_rules(session, ADMIN, [RuleSpec("chest", body_part="CHEST")])
    # att.chest already has two open exams, the reviewers none
    reading.new_exam()
    reading.new_exam()
    fresh = reading.new_exam(assigned=False)
    first = _propose(reading, fresh)
    assert first.assignee in ("exp.chest", "rev.chest")
    assert first.assignee == "exp.chest"  # tie broken by name
    with reading.services.database.transaction() as session:
        session.execute(update(User).where(User.username.in_(["exp.chest", "rev.chest"]))
                        .values(available=False))
    assert _propose(reading, fresh).assignee == "att.chest"
    with reading.services.database.transaction() as session:
        session.execute(update(User).values(available=False))
    nobody = _propose(reading, fresh)
    assert (nobody.group_code, nobody.assignee) == ("chest", None)


def test_no_rule_means_triage_chooses(reading: Reading) -> None:
    fresh = reading.new_exam(assigned=False)
    proposal = _propose(reading, fresh)
    assert (proposal.group_code, proposal.assignee) == (None, None)


def test_reassignment_replaces_the_old_one_and_is_on_the_timeline(reading: Reading) -> None:
    accession = reading.new_exam()  # assigned to att.chest
    services = reading.services
    with services.database.transaction() as session:
        exam = by_accession(session, accession)
        assign(session, services.workflow, exam, TRIAGE, group_code="chest",
               assignee="rev.chest", reason="workload")
    with services.database.session() as session:
        exam = by_accession(session, accession)
        assert current_assignment(session, exam.id).assignee_username == "rev.chest"
        assert session.scalar(select(Assignment.active).where(
            Assignment.assignee_username == "att.chest")) is False
        notes = session.scalars(select(ExamTransition.note).where(
            ExamTransition.exam_id == exam.id, ExamTransition.action == "assign")).all()
        assert notes[-1] == "chest / rev.chest: workload"


def test_overload_switches_new_community_exams_to_center_full(reading: Reading) -> None:
    services = reading.services
    for n in range(3):
        _community_exam(reading, name=f"排队{n}", assigned=True)
    with services.database.session() as session:
        assert reading_mode_for(session, "CM01", ReadingMode.COMMUNITY_PRELIM, 3).mode \
            is ReadingMode.COMMUNITY_PRELIM
        assert reading_mode_for(session, "CM01", ReadingMode.COMMUNITY_PRELIM, 0).mode \
            is ReadingMode.COMMUNITY_PRELIM  # 0 = rule off
        decision = reading_mode_for(session, "CM01", ReadingMode.COMMUNITY_PRELIM, 2)
        assert (decision.mode, decision.overloaded, decision.queue) == (
            ReadingMode.CENTER_FULL, True, 3)
    overloaded = _community_exam(reading, name="新病人", threshold=2, assigned=False)
    with services.database.session() as session:
        exam = by_accession(session, overloaded)
        assert exam.reading_mode is ReadingMode.CENTER_FULL
        assert "overload: 3 exams wait" in exam.transitions[0].note


def _community_exam(reading: Reading, name: str = "李四", threshold: int = 0,
                    assigned: bool = False) -> str:
    """An exam of community CM01 as the center holds it (registered there in prelim mode)."""
    services = reading.services
    policy = RegistrationPolicy("CM01", services.settings.site.tz,
                                default_reading_mode=ReadingMode.COMMUNITY_PRELIM,
                                overload_threshold=threshold)
    clerk = Actor("clerk.cm01", TECH.role, "CM01", "社区登记")
    with services.database.transaction() as session:
        exam, _ = register_exam(session, services.workflow, policy, clerk,
                                PatientInput(name, Sex.FEMALE, "", date(1970, 1, 1)),
                                OrderInput("DXCHEST2", "DR 胸部正侧位", "DX", "CHEST"))
        accession = exam.accession_number
    for action in ("complete_acquisition", "confirm_transfer"):
        from tiered_workstation.workflow.transitions import Action

        services.workflow.run(services.database, accession, Action(action), TECH)
    if assigned:
        with services.database.transaction() as session:
            assign(session, services.workflow, by_accession(session, accession), TRIAGE,
                   group_code="chest", assignee=None)
    return accession
