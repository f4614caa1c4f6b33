"""The exam state machine as data: which action moves which state, for whom.

Each :class:`Transition` names the states it starts from, the state it leads
to, the roles allowed to make it, the reading modes it applies to, and guards
— checks on the exam's data that must hold (a report to sign, a reason to
cancel).  The table is the single source of truth; the machine in
``machine.py`` only applies it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from ..storage.enums import ExamState, ReadingMode, Role
from . import guards

if TYPE_CHECKING:
    from .guards import GuardContext

S = ExamState
R = Role
ALL_MODES = frozenset(ReadingMode)

Guard = Callable[["GuardContext"], str | None]


class Action(StrEnum):
    REGISTER = "register"
    SCHEDULE = "schedule"
    START_ACQUISITION = "start_acquisition"
    DISCONTINUE_ACQUISITION = "discontinue_acquisition"
    COMPLETE_ACQUISITION = "complete_acquisition"
    CONFIRM_TRANSFER = "confirm_transfer"
    ASSIGN = "assign"
    SUBMIT_PRELIMINARY = "submit_preliminary"
    RETURN_FOR_REVISION = "return_for_revision"
    REQUEST_CONSULTATION = "request_consultation"
    CONCLUDE_CONSULTATION = "conclude_consultation"
    SIGN = "sign"
    ADD_ADDENDUM = "add_addendum"
    PRINT = "print"
    CANCEL = "cancel"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


@dataclass(frozen=True)
class Transition:
    action: Action
    sources: frozenset[ExamState]
    target: ExamState
    roles: frozenset[Role]
    modes: frozenset[ReadingMode] = ALL_MODES
    guards: tuple[Guard, ...] = ()

    def applies_to(self, mode: ReadingMode) -> bool:
        return mode in self.modes


def _t(action: Action, sources: set[ExamState] | ExamState, target: ExamState,
       roles: set[Role], modes: frozenset[ReadingMode] = ALL_MODES,
       checks: tuple[Guard, ...] = ()) -> Transition:
    src = frozenset(sources) if isinstance(sources, set) else frozenset({sources})
    return Transition(action, src, target, frozenset(roles), frozenset(modes), checks)


PRELIM = frozenset({ReadingMode.COMMUNITY_PRELIM})
FULL = frozenset({ReadingMode.CENTER_FULL})
BEFORE_READING = {S.REGISTERED, S.SCHEDULED, S.IN_PROGRESS, S.ACQUIRED, S.TRANSFERRED,
                  S.ASSIGNED}

TRANSITIONS: tuple[Transition, ...] = (
    _t(Action.SCHEDULE, S.REGISTERED, S.SCHEDULED,
       {R.TECHNICIAN, R.COMMUNITY_DOCTOR, R.ADMIN, R.SYSTEM}),
    _t(Action.START_ACQUISITION, S.SCHEDULED, S.IN_PROGRESS, {R.TECHNICIAN, R.SYSTEM}),
    _t(Action.DISCONTINUE_ACQUISITION, S.IN_PROGRESS, S.SCHEDULED, {R.TECHNICIAN, R.SYSTEM}),
    _t(Action.COMPLETE_ACQUISITION, {S.REGISTERED, S.SCHEDULED, S.IN_PROGRESS}, S.ACQUIRED,
       {R.TECHNICIAN, R.SYSTEM}),
    _t(Action.CONFIRM_TRANSFER, S.ACQUIRED, S.TRANSFERRED, {R.SYSTEM, R.TECHNICIAN, R.ADMIN}),
    _t(Action.ASSIGN, {S.TRANSFERRED, S.ASSIGNED}, S.ASSIGNED, {R.TRIAGE, R.ADMIN, R.SYSTEM},
       checks=(guards.has_active_assignment,)),
    _t(Action.SUBMIT_PRELIMINARY, S.ASSIGNED, S.PRELIMINARY, {R.COMMUNITY_DOCTOR}, PRELIM,
       checks=(guards.has_report_text,)),
    _t(Action.SUBMIT_PRELIMINARY, S.ASSIGNED, S.PRELIMINARY, {R.ATTENDING, R.REVIEWER}, FULL,
       checks=(guards.has_report_text,)),
    _t(Action.RETURN_FOR_REVISION, S.PRELIMINARY, S.ASSIGNED, {R.REVIEWER},
       checks=(guards.has_note,)),
    _t(Action.REQUEST_CONSULTATION, S.PRELIMINARY, S.IN_CONSULTATION, {R.REVIEWER},
       checks=(guards.has_note,)),
    _t(Action.CONCLUDE_CONSULTATION, S.IN_CONSULTATION, S.PRELIMINARY, {R.REVIEWER},
       checks=(guards.has_consultation_conclusion,)),
    _t(Action.SIGN, S.PRELIMINARY, S.FINAL, {R.REVIEWER},
       checks=(guards.has_preliminary_report,)),
    _t(Action.ADD_ADDENDUM, {S.FINAL, S.PRINTED}, S.FINAL, {R.REVIEWER},
       checks=(guards.has_new_addendum,)),
    _t(Action.PRINT, S.FINAL, S.PRINTED,
       {R.TECHNICIAN, R.COMMUNITY_DOCTOR, R.ADMIN, R.SYSTEM},
       checks=(guards.report_is_final,)),
    _t(Action.CANCEL, BEFORE_READING, S.CANCELLED,
       {R.TECHNICIAN, R.COMMUNITY_DOCTOR, R.TRIAGE, R.ADMIN}, checks=(guards.has_note,)),
)

# Roles that may create an exam (the "register" step has no source state).
REGISTER_ROLES = frozenset({R.TECHNICIAN, R.COMMUNITY_DOCTOR, R.ADMIN})


def rule_for(action: Action, mode: ReadingMode) -> Transition | None:
    """The rule for ``action`` in ``mode``, or None if the action does not exist there."""
    return next((t for t in TRANSITIONS if t.action is action and t.applies_to(mode)), None)


def actions_from(state: ExamState, mode: ReadingMode) -> list[Transition]:
    """Every rule that can start from ``state`` in ``mode`` (before role and guard checks)."""
    return [t for t in TRANSITIONS if state in t.sources and t.applies_to(mode)]
