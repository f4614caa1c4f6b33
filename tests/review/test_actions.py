"""Which report actions the reading desk offers, by working role and exam state."""

from __future__ import annotations

from dataclasses import asdict

from tiered_workstation.review.actions import report_actions
from tiered_workstation.storage.enums import ExamState, Role


def offered(role: Role, state: ExamState | None) -> set[str]:
    return {name for name, yes in asdict(report_actions(role, state)).items() if yes}


def test_each_role_is_offered_what_it_may_do_in_each_state() -> None:
    assert offered(Role.ATTENDING, ExamState.ASSIGNED) == {"submit", "edit"}
    assert offered(Role.COMMUNITY_DOCTOR, ExamState.ASSIGNED) == {"submit", "edit"}
    assert offered(Role.ATTENDING, ExamState.PRELIMINARY) == {"edit"}
    assert offered(Role.REVIEWER, ExamState.PRELIMINARY) == {
        "send_back", "consult", "sign", "edit"}
    assert offered(Role.REVIEWER, ExamState.IN_CONSULTATION) == {"edit", "reply", "conclude"}
    assert offered(Role.ATTENDING, ExamState.IN_CONSULTATION) == {"edit", "reply"}
    assert offered(Role.REVIEWER, ExamState.FINAL) == {"addendum", "teach"}
    assert offered(Role.REVIEWER, ExamState.PRINTED) == {"addendum", "teach"}
    assert offered(Role.ATTENDING, ExamState.FINAL) == {"teach"}
    assert offered(Role.COMMUNITY_DOCTOR, ExamState.FINAL) == set()
    assert offered(Role.TECHNICIAN, ExamState.ASSIGNED) == {"edit"}
    assert offered(Role.REVIEWER, None) == set()
