"""The desktop demo's busy morning is walked through the real workflow."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from itertools import pairwise

from sqlalchemy import select

from tiered_workstation.app.board import load_rows
from tiered_workstation.app.bootstrap import Services, bootstrap
from tiered_workstation.config import load_settings
from tiered_workstation.demo.board import (
    CASES,
    DEMO_PASSWORD,
    PLAN,
    prepare_desk_demo,
    seed_board,
)
from tiered_workstation.storage.enums import ExamState, VersionKind
from tiered_workstation.storage.exams import Exam
from tiered_workstation.workflow.accounts import login
from tiered_workstation.workflow.reports import report_of
from tiered_workstation.workflow.tat import TatStatus


def test_every_planned_exam_reaches_its_state_with_colours_of_all_kinds(
        services: Services) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    assert seed_board(services, now) == len(PLAN)
    with services.database.session() as session:
        rows = load_rows(session)
    assert Counter(r.state for r in rows) == Counter(goal for *_, goal in PLAN)
    assert {r.site_code for r in rows} == {"CM01", "CM02"}
    statuses = {r.tat_status(timedelta(minutes=30), now) for r in rows}
    assert {TatStatus.ON_TRACK, TatStatus.AT_RISK, TatStatus.OVERDUE} <= statuses
    assigned = [r for r in rows if r.state is ExamState.ASSIGNED]
    assert {r.reader for r in assigned} <= {"陈主治", "何医生", "周医生", "孙医生"}
    signed = [r for r in rows if r.state in (ExamState.FINAL, ExamState.PRINTED)]
    assert signed
    assert all(r.reviewer and r.reviewer != r.reader for r in signed)  # two-level review
    printed = [r for r in rows if r.state is ExamState.PRINTED]
    assert all(r.printed_at is not None and r.printed_at <= now for r in printed)


def test_every_exam_has_its_own_request_and_the_report_answers_it(services: Services) -> None:
    seed_board(services, datetime.now(UTC).replace(microsecond=0))
    with services.database.session() as session:
        exams = session.scalars(select(Exam).order_by(Exam.registered_at)).all()
        requests = [e.clinical_info for e in exams]
        assert all(requests)
        assert all(a != b for a, b in pairwise(requests))  # no two neighbours share one
        assert len(set(requests)) >= 12
        stories = {info: (f, i) for cases in CASES.values() for info, f, i in cases}
        for exam in exams:
            report = report_of(session, exam)
            written = report.latest_of(VersionKind.FINAL, VersionKind.PRELIMINARY) \
                if report else None
            if written is not None:   # the report answers that patient's request
                assert (written.findings, written.impression) == stories[exam.clinical_info]


def test_desk_demo_site_is_fresh_seeded_and_opens_no_ports(tmp_path) -> None:
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "stale.txt").write_text("from an earlier run")
    config = prepare_desk_demo(tmp_path / "desk")
    settings = load_settings(config)
    assert settings.gui.embed_node is False
    assert not (tmp_path / "desk" / "stale.txt").exists()
    services = bootstrap(settings)
    try:
        with services.database.session() as session:
            assert len(load_rows(session)) == len(PLAN)
        login(services.database, "rev.chest", DEMO_PASSWORD, "CH01")
    finally:
        services.close()
