"""Every transition of the table, allowed and refused, for every role and reading mode."""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tiered_workstation.app.bootstrap import Services
from tiered_workstation.storage.enums import ExamState, ReadingMode, ReportStatus, Role, VersionKind
from tiered_workstation.storage.exams import Exam, ExamTransition
from tiered_workstation.storage.messaging import AuditEvent, OutboxMessage
from tiered_workstation.storage.reports import (
    Assignment,
    ConsultationMessage,
    Report,
    ReportVersion,
)
from tiered_workstation.workflow.actors import Actor
from tiered_workstation.workflow.errors import GuardFailed, IllegalTransition, RoleNotAllowed
from tiered_workstation.workflow.transitions import TRANSITIONS, Action, Transition, rule_for

NOTE = "reason given"
RULES = [(rule, mode) for rule in TRANSITIONS for mode in sorted(rule.modes)]


def rule_id(value: object) -> str:
    if isinstance(value, Transition):
        return value.action.value
    return str(value)


def actor(role: Role) -> Actor:
    return Actor(f"user.{role.value}", role, "CH01")


def put_exam_in(session: Session, accession: str, state: ExamState, mode: ReadingMode,
                *, satisfy_guards: bool = True) -> Exam:
    """Force an exam into ``state`` and, if asked, create the data every guard wants."""
    exam = session.scalar(select(Exam).where(Exam.accession_number == accession))
    assert exam is not None
    exam.state = state
    exam.reading_mode = mode
    if satisfy_guards:
        session.add(Assignment(exam_id=exam.id, assignee_username="user.reviewer",
                               assigned_by="triage"))
        session.add(ConsultationMessage(exam_id=exam.id, author_username="expert",
                                        text="结论", is_conclusion=True))
        report = Report(exam_id=exam.id, status=ReportStatus.FINAL)
        report.versions = [
            ReportVersion(number=1, kind=VersionKind.PRELIMINARY, findings="所见",
                          impression="印象", author_username="a", author_role=Role.ATTENDING),
            ReportVersion(number=2, kind=VersionKind.ADDENDUM, findings="",
                          impression="补充", author_username="r", author_role=Role.REVIEWER),
        ]
        session.add(report)
    session.flush()
    return exam


@pytest.mark.parametrize(("rule", "mode"), RULES, ids=rule_id)
@pytest.mark.parametrize("role", list(Role), ids=str)
def test_every_rule_for_every_role(services: Services, new_exam, rule: Transition,
                                   mode: ReadingMode, role: Role) -> None:
    accession = new_exam(mode)
    source = sorted(rule.sources)[0]
    with services.database.transaction() as session:
        exam = put_exam_in(session, accession, source, mode)
        if role in rule.roles:
            changes = services.workflow.apply(session, exam, rule.action, actor(role),
                                              note=NOTE)
            assert changes.to_state is rule.target
            assert exam.state is rule.target
        else:
            with pytest.raises(RoleNotAllowed) as info:
                services.workflow.apply(session, exam, rule.action, actor(role), note=NOTE)
            message = str(info.value)
            assert accession in message
            assert f"state '{source}'" in message
            assert f"role '{role}'" in message
            assert rule.action.label in message
            assert exam.state is source


ACTIONS_AND_STATES = [
    (action, state, mode)
    for action, state, mode in itertools.product(Action, ExamState, ReadingMode)
    if action is not Action.REGISTER
    and (rule_for(action, mode) is None or state not in rule_for(action, mode).sources)
]


@pytest.mark.parametrize(("action", "state", "mode"), ACTIONS_AND_STATES, ids=str)
def test_actions_from_wrong_states_are_illegal(services: Services, new_exam, action: Action,
                                               state: ExamState, mode: ReadingMode) -> None:
    rule = rule_for(action, mode)
    role = sorted(rule.roles)[0] if rule else Role.ADMIN
    accession = new_exam(mode)
    with services.database.transaction() as session:
        exam = put_exam_in(session, accession, state, mode)
        with pytest.raises(IllegalTransition) as info:
            services.workflow.apply(session, exam, action, actor(role), note=NOTE)
        assert f"state '{state}'" in str(info.value)
        assert exam.state is state


@pytest.mark.parametrize(("action", "state", "reason"), [
    (Action.ASSIGN, ExamState.TRANSFERRED, "no reader or specialty group"),
    (Action.SUBMIT_PRELIMINARY, ExamState.ASSIGNED, "no impression"),
    (Action.SIGN, ExamState.PRELIMINARY, "no preliminary report to sign"),
    (Action.CONCLUDE_CONSULTATION, ExamState.IN_CONSULTATION, "conclusion has not been"),
    (Action.ADD_ADDENDUM, ExamState.FINAL, "write the addendum"),
    (Action.PRINT, ExamState.FINAL, "not final"),
    (Action.CANCEL, ExamState.SCHEDULED, "reason or comment is required"),
    (Action.RETURN_FOR_REVISION, ExamState.PRELIMINARY, "reason or comment is required"),
    (Action.REQUEST_CONSULTATION, ExamState.PRELIMINARY, "reason or comment is required"),
])
def test_guards_refuse_when_their_data_is_missing(services: Services, new_exam, action: Action,
                                                  state: ExamState, reason: str) -> None:
    mode = ReadingMode.CENTER_FULL
    rule = rule_for(action, mode)
    assert rule is not None
    accession = new_exam(mode)
    with services.database.transaction() as session:
        exam = put_exam_in(session, accession, state, mode, satisfy_guards=False)
        with pytest.raises(GuardFailed, match=reason):
            services.workflow.apply(session, exam, action, actor(sorted(rule.roles)[0]))


def test_community_doctor_writes_preliminary_only_in_community_prelim_mode(
        services: Services, new_exam) -> None:
    for mode, allowed in ((ReadingMode.COMMUNITY_PRELIM, True), (ReadingMode.CENTER_FULL, False)):
        accession = new_exam(mode)
        with services.database.transaction() as session:
            exam = put_exam_in(session, accession, ExamState.ASSIGNED, mode)
            doctor = actor(Role.COMMUNITY_DOCTOR)
            if allowed:
                services.workflow.apply(session, exam, Action.SUBMIT_PRELIMINARY, doctor)
            else:
                with pytest.raises(RoleNotAllowed):
                    services.workflow.apply(session, exam, Action.SUBMIT_PRELIMINARY, doctor)


def test_a_transition_writes_timeline_audit_outbox_and_event(services: Services,
                                                             new_exam) -> None:
    accession = new_exam()
    events: list[dict] = []
    services.bus.subscribe("exam.transition", lambda e: events.append(dict(e.payload)))
    with services.database.transaction() as session:
        exam = session.scalar(select(Exam).where(Exam.accession_number == accession))
        exam.site_code = "CM01"  # a community's exam: the center must tell CM01
        changes = services.workflow.apply(session, exam, Action.SCHEDULE, actor(Role.TECHNICIAN),
                                          note="DR01")
        assert events == []  # nothing published before commit
    assert [e["to_state"] for e in events] == ["scheduled"]
    with services.database.session() as session:
        steps = session.scalars(select(ExamTransition).join(Exam).where(
            Exam.accession_number == accession).order_by(ExamTransition.id)).all()
        assert [(s.from_state, s.to_state) for s in steps] == [
            (None, ExamState.REGISTERED), (ExamState.REGISTERED, ExamState.SCHEDULED)]
        assert steps[1].note == "DR01"
        exam = steps[1].exam
        assert exam.reached_at() == {ExamState.REGISTERED: steps[0].at,
                                     ExamState.SCHEDULED: changes.at}
        assert exam.state_changed_at == changes.at
        assert steps[1].actor_role is Role.TECHNICIAN
        audit = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "exam.schedule")).one()
        assert audit.object_id == accession
        message = session.scalars(select(OutboxMessage).where(
            OutboxMessage.uuid == changes.outbox_uuid)).one()
        assert message.destination_site == "CM01"
        assert message.ordering_key == accession
        assert message.payload["to_state"] == "scheduled"
