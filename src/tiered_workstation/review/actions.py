"""What a reader may do with an exam's report, from their working role and its state."""

from __future__ import annotations

from dataclasses import dataclass

from ..storage.enums import ExamState, Role

WRITERS = (Role.ATTENDING, Role.COMMUNITY_DOCTOR, Role.REVIEWER)
EDITABLE = (ExamState.ASSIGNED, ExamState.PRELIMINARY, ExamState.IN_CONSULTATION)
SIGNED = (ExamState.FINAL, ExamState.PRINTED)
TEACHERS = (Role.ATTENDING, Role.REVIEWER)  # who may make a teaching case


@dataclass(frozen=True)
class ReportActions:
    submit: bool     # send the preliminary report on for review
    send_back: bool  # return it to its author
    consult: bool    # ask the expert group
    sign: bool
    addendum: bool   # add to a signed report
    edit: bool       # the text can be changed
    reply: bool      # write in the consultation thread
    conclude: bool   # record the consultation's conclusion
    teach: bool      # make a teaching case of the signed exam


def report_actions(role: Role, state: ExamState | None) -> ReportActions:
    writer, reviewer = role in WRITERS, role is Role.REVIEWER
    reviewing = reviewer and state is ExamState.PRELIMINARY
    consulting = state is ExamState.IN_CONSULTATION
    return ReportActions(
        submit=writer and state is ExamState.ASSIGNED, send_back=reviewing,
        consult=reviewing, sign=reviewing,
        addendum=reviewer and state in SIGNED,
        edit=state in EDITABLE, reply=consulting, conclude=reviewer and consulting,
        teach=role in TEACHERS and state in SIGNED)
