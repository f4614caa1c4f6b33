"""Turnaround today: people by name, the procedure of each breach, round axis ticks."""

from __future__ import annotations

from datetime import timedelta

from support import PASSWORD, TECH
from tiered_workstation.app.bootstrap import Services
from tiered_workstation.app.tat_dashboard import nice_axis, tat_today, to_csv
from tiered_workstation.storage.base import utcnow
from tiered_workstation.storage.enums import Role
from tiered_workstation.storage.exams import Exam
from tiered_workstation.storage.reports import Assignment
from tiered_workstation.workflow.accounts import add_user


def test_the_axis_has_round_ticks_that_hold_the_longest_bar() -> None:
    assert nice_axis(0) == (5, 5)
    assert nice_axis(3.2) == (5, 5)
    assert nice_axis(23.7) == (25, 5)
    assert nice_axis(40) == (40, 5)
    assert nice_axis(41) == (45, 5)
    assert nice_axis(51) == (60, 10)
    assert nice_axis(95) == (100, 10)
    assert nice_axis(400) == (420, 60)
    for largest in (0.5, 7, 33, 58, 77, 130, 500, 2000):
        top, step = nice_axis(largest)
        assert top >= largest
        assert top % step == 0
        assert top // step <= 10


def test_readers_are_named_and_breaches_carry_their_procedure(services: Services,
                                                             new_exam) -> None:
    accession = new_exam()
    with services.database.transaction() as session:
        add_user(session, TECH, username="att.chest", display_name="陈主治", password=PASSWORD,
                 roles=[Role.ATTENDING], site_code="CH01")
        exam = session.query(Exam).filter_by(accession_number=accession).one()
        session.add(Assignment(exam_id=exam.id, assignee_username="att.chest",
                               assigned_by="triage", assigned_at=utcnow()))
        procedure = exam.procedure_description
    with services.database.session() as session:
        summary = tat_today(session, services.settings.site.tz, timedelta(minutes=30),
                            utcnow() + timedelta(hours=2))
    row = next(e for e in summary.exams if e.accession_number == accession)
    assert row.reader == "陈主治"
    assert row.procedure == procedure
    assert row in summary.breaches  # two hours on, unprinted: overdue
    assert procedure in to_csv(summary)
