"""Status board rows: bulk load, colour against the target, updates from events."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from support import TECH, add_scheduled_exams
from tiered_workstation.app.board import load_rows
from tiered_workstation.app.bootstrap import Services
from tiered_workstation.events import Event
from tiered_workstation.storage.enums import ExamState, Role
from tiered_workstation.storage.exams import Exam
from tiered_workstation.storage.reports import Assignment
from tiered_workstation.workflow.actors import Actor
from tiered_workstation.workflow.outbox import TRANSITION_TOPIC
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
