"""Status board rows: bulk load, colour against the target, updates from events."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import event as sqlalchemy_event
from sqlalchemy import select

from support import PASSWORD, TECH, add_scheduled_exams
from tiered_workstation.app.board import load_rows
from tiered_workstation.app.bootstrap import Services
from tiered_workstation.events import Event
from tiered_workstation.storage.enums import ExamState, Role, VersionKind
from tiered_workstation.storage.exams import Exam
from tiered_workstation.storage.reports import Assignment
from tiered_workstation.workflow.accounts import add_user
from tiered_workstation.workflow.actors import Actor
from tiered_workstation.workflow.outbox import TRANSITION_TOPIC
from tiered_workstation.workflow.reports import save_version
from tiered_workstation.workflow.tat import TatStatus
from tiered_workstation.workflow.transitions import Action

TRIAGE = Actor("triage", Role.TRIAGE, "CH01", "分诊")
DEVICE = Actor.system("CH01", "DR01")


def test_rows_carry_patient_exam_and_reader(services: Services, new_exam) -> None:
    accession = new_exam(name="李四")
    db, wf = services.database, services.workflow
    wf.run(db, accession, Action.SCHEDULE, TECH)
    wf.run(db, accession, Action.START_ACQUISITION, DEVICE)
    wf.run(db, accession, Action.COMPLETE_ACQUISITION, DEVICE)
    wf.run(db, accession, Action.CONFIRM_TRANSFER, DEVICE)
    with db.transaction() as session:
        exam = session.scalar(select(Exam).where(Exam.accession_number == accession))
        session.add(Assignment(exam_id=exam.id, group_code="chest", assigned_by="triage"))
        wf.apply(session, exam, Action.ASSIGN, TRIAGE, note="胸部组")
    new_exam(name="王五")
    with db.session() as session:
        rows = load_rows(session)
    assert [r.patient_name for r in rows] == ["王五2", "李四1"]
    assigned = rows[1]
    assert assigned.accession_number == accession
    assert assigned.state is ExamState.ASSIGNED
    assert assigned.reader == "chest"  # the active assignment wins over the note
    assert assigned.procedure == "DR Chest PA+LAT"
    assert assigned.site_code == "CH01"
    # the patient ID column: her record number at the exam's site, not the UUID
    assert re.fullmatch(r"CH01\d{4}\d{6}", assigned.patient_id)
    assert rows[0].patient_id != assigned.patient_id
    assert assigned.matches(assigned.patient_id)
    assert assigned.matches("li4") is False
    assert assigned.matches("李四")
    assert assigned.matches("zhang san")  # phonetic with the caret as a space


def test_colour_follows_the_target_and_freezes_when_printed(services: Services,
                                                             new_exam) -> None:
    new_exam()
    with services.database.session() as session:
        row = load_rows(session)[0]
    target = timedelta(minutes=30)
    start = row.registered_at
    assert row.tat_status(target, start + timedelta(minutes=10)) is TatStatus.ON_TRACK
    assert row.tat_status(target, start + timedelta(minutes=25)) is TatStatus.AT_RISK
    assert row.tat_status(target, start + timedelta(minutes=31)) is TatStatus.OVERDUE
    printed = row.with_transition({"to_state": "printed", "action": "print"},
                                  start + timedelta(minutes=28))
    later = start + timedelta(hours=3)
    assert printed.elapsed(later) == timedelta(minutes=28)
    assert printed.tat_status(target, later) is TatStatus.MET


def test_event_payload_updates_a_row_without_the_database(services: Services,
                                                          new_exam) -> None:
    received: list[Event] = []
    services.bus.subscribe(TRANSITION_TOPIC, received.append)
    accession = new_exam()
    with services.database.session() as session:
        row = load_rows(session)[0]
    services.workflow.run(services.database, accession, Action.SCHEDULE, TECH,
                          note="DR01")
    event = received[-1]
    updated = row.with_transition(event.payload, event.at)
    assert updated.state is ExamState.SCHEDULED
    assert updated.state_changed_at == event.at
    assign = updated.with_transition({"to_state": "assigned", "action": "assign",
                                      "note": "刘主任"}, event.at)
    assert assign.reader == "刘主任"


def test_since_keeps_open_exams_from_earlier_days(services: Services, new_exam) -> None:
    add_scheduled_exams(services, 3)
    with services.database.transaction() as session:
        old = session.scalars(select(Exam)).all()
        for exam in old:
            exam.registered_at = datetime(2026, 1, 1, tzinfo=UTC)
        old[0].state = ExamState.PRINTED
    with services.database.session() as session:
        rows = load_rows(session, since=datetime(2026, 11, 1, tzinfo=UTC))
        by_id = load_rows(session, exam_ids=[old[0].id])
    assert len(rows) == 2  # the printed one from January is left out
    assert [r.exam_id for r in by_id] == [old[0].id]
    assert rows[0].age_on(date(2026, 11, 28)) is None


ATTENDING = Actor("att.chest", Role.ATTENDING, "CH01", "陈主治")
REVIEWER = Actor("rev.chest", Role.REVIEWER, "CH01", "")  # no name: the user row has it


def _to_assigned(services: Services, accession: str) -> None:
    db, wf = services.database, services.workflow
    for action in (Action.SCHEDULE, Action.START_ACQUISITION, Action.COMPLETE_ACQUISITION,
                   Action.CONFIRM_TRANSFER):
        wf.run(db, accession, action, TECH if action is Action.SCHEDULE else DEVICE)
    with db.transaction() as session:
        add_user(session, TECH, username="att.chest", display_name="陈主治",
                 password=PASSWORD, roles=[Role.ATTENDING], site_code="CH01")
        add_user(session, TECH, username="rev.chest", display_name="刘主任",
                 password=PASSWORD, roles=[Role.REVIEWER], site_code="CH01")
        exam = session.scalar(select(Exam).where(Exam.accession_number == accession))
        session.add(Assignment(exam_id=exam.id, assignee_username="att.chest",
                               assigned_by="triage"))
        services.workflow.apply(session, exam, Action.ASSIGN, TRIAGE, note="陈主治")


def _write(services: Services, accession: str, actor: Actor, kind: VersionKind,
           action: Action) -> None:
    with services.database.transaction() as session:
        exam = session.scalar(select(Exam).where(Exam.accession_number == accession))
        save_version(session, exam, actor, findings="双肺纹理清晰。", impression="未见异常。",
                     kind=kind)
        services.workflow.apply(session, exam, action, actor)


def _row_of(services: Services, accession: str):
    with services.database.session() as session:
        return next(r for r in load_rows(session) if r.accession_number == accession)


def test_reader_wrote_the_preliminary_and_reviewer_signed_by_display_name(
        services: Services, new_exam) -> None:
    received: list[Event] = []
    services.bus.subscribe(TRANSITION_TOPIC, received.append)
    accession = new_exam()
    assert (_row_of(services, accession).reader, _row_of(services, accession).reviewer) \
        == ("", "")
    _to_assigned(services, accession)
    assigned = _row_of(services, accession)
    assert (assigned.reader, assigned.reviewer) == ("陈主治", "")  # the assigned reader
    _write(services, accession, ATTENDING, VersionKind.PRELIMINARY, Action.SUBMIT_PRELIMINARY)
    _write(services, accession, REVIEWER, VersionKind.FINAL, Action.SIGN)
    signed = _row_of(services, accession)
    assert signed.state is ExamState.FINAL
    assert signed.reader == "陈主治"  # who read it, not who signed
    assert signed.reviewer == "刘主任"  # display name from the user, not "rev.chest"
    assert signed.involves("刘主任")
    assert signed.involves("陈主治")
    assert not signed.involves("王医生")
    # the same answer from the events alone, without the database
    followed = assigned
    for event in received[-2:]:
        followed = followed.with_transition(event.payload, event.at)
    assert (followed.reader, followed.reviewer) == ("陈主治", "rev.chest")  # the event's actor


def test_rows_load_in_the_same_few_queries_however_many_exams(services: Services,
                                                               new_exam) -> None:
    def queries_for_board() -> int:
        statements: list[str] = []
        listener = lambda *args: statements.append(args[2])  # noqa: E731
        sqlalchemy_event.listen(services.database.engine, "before_cursor_execute", listener)
        try:
            with services.database.session() as session:
                load_rows(session)
        finally:
            sqlalchemy_event.remove(services.database.engine, "before_cursor_execute",
                                    listener)
        return len(statements)

    first = new_exam()
    _to_assigned(services, first)
    _write(services, first, ATTENDING, VersionKind.PRELIMINARY, Action.SUBMIT_PRELIMINARY)
    few = queries_for_board()
    for _ in range(6):
        new_exam()
    assert queries_for_board() == few
    assert few <= 8  # exams, assignments and notes, report authors, print times…
