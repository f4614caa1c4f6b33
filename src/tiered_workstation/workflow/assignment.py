"""Triage: who should read an exam, proposed by rules, decided by the triage doctor.

Rules (database table ``assignment_rules``, edited on the Triage page) map an exam's
modality, body part and source site to a specialty group, optionally with a
preferred reader.  Within the group the proposal is the preferred reader when
available, otherwise the available reader with the fewest open exams.  The
overload rule switches new exams of a community to ``center-full`` while that
community's own reading queue is longer than a threshold (the paper's
overload mode).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ..storage.enums import ExamState, ReadingMode, Role
from ..storage.exams import Exam
from ..storage.reports import Assignment, AssignmentRule
from ..storage.sites import GroupMember, SpecialtyGroup, User, UserRole
from .actors import Actor
from .audit import record_audit
from .errors import WorkflowError
from .machine import Changes, ExamWorkflow
from .transitions import Action

OPEN_STATES = (ExamState.ASSIGNED, ExamState.PRELIMINARY, ExamState.IN_CONSULTATION)
READER_ROLES = (Role.ATTENDING, Role.REVIEWER)
# exams waiting for a community doctor to read them
COMMUNITY_QUEUE_STATES = (ExamState.TRANSFERRED, ExamState.ASSIGNED)


@dataclass(frozen=True)
class RuleSpec:
    """One rule as Settings edits it (empty strings match anything)."""

    group_code: str
    modality: str = ""
    body_part: str = ""
    source_site: str = ""
    assignee_username: str | None = None
    active: bool = True

    def matches(self, exam: Exam) -> bool:
        return (self.active
                and self.modality in ("", exam.modality)
                and self.body_part in ("", exam.body_part)
                and self.source_site in ("", exam.site_code))


@dataclass(frozen=True)
class Reader:
    username: str
    name: str
    available: bool
    open_exams: int


class ReasonKind(StrEnum):
    NO_RULE = "no-rule"                  # no rule matches: triage chooses
    RULE = "rule"                        # this rule matched (its match and its group)
    PREFERRED = "preferred"              # the rule's preferred reader is available
    PREFERRED_AWAY = "preferred-away"    # … is not available
    NOBODY_AVAILABLE = "nobody"          # nobody in the group is: the group's queue
    LEAST_BUSY = "least-busy"            # the least busy available reader


@dataclass(frozen=True)
class Reason:
    """One step of a proposal's explanation, as data: the UI says it in its language;
    ``str()`` is the English sentence kept in the assignment's note."""

    kind: ReasonKind
    modality: str = ""
    body_part: str = ""
    source_site: str = ""
    group: str = ""
    reader: str = ""
    open_exams: int = 0

    def __str__(self) -> str:
        if self.kind is ReasonKind.RULE:
            parts = [p for p in (self.modality, self.body_part,
                                 f"from {self.source_site}" if self.source_site else "") if p]
            return f"{' '.join(parts) or 'any exam'} → {self.group}"
        return {ReasonKind.NO_RULE: "no rule matches; choose a group",
                ReasonKind.PREFERRED: f"preferred reader {self.reader}",
                ReasonKind.PREFERRED_AWAY: f"preferred reader {self.reader} is not available",
                ReasonKind.NOBODY_AVAILABLE: "nobody in the group is available: the group's "
                                             "queue",
                ReasonKind.LEAST_BUSY: f"least busy available reader ({self.open_exams} open)",
                }[self.kind]


@dataclass(frozen=True)
class Proposal:
    """What triage is offered for one exam, and why."""

    group_code: str | None
    assignee: str | None
    reasons: tuple[Reason, ...]

    @property
    def note(self) -> str:
        """The reasons as one English line, for the assignment's note and the audit."""
        return "; ".join(str(reason) for reason in self.reasons)


def load_rules(session: Session) -> list[RuleSpec]:
    rows = session.scalars(select(AssignmentRule).order_by(AssignmentRule.position,
                                                           AssignmentRule.id))
    return [RuleSpec(r.group_code, r.modality, r.body_part, r.source_site,
                     r.assignee_username, r.active) for r in rows]


def save_rules(session: Session, actor: Actor, rules: Sequence[RuleSpec]) -> None:
    """Replace the rule table (order = priority); every change is audited."""
    groups = set(session.scalars(select(SpecialtyGroup.code)))
    for number, rule in enumerate(rules, start=1):
        if rule.group_code not in groups:
            raise WorkflowError(f"Rule {number}: there is no reading group "
                                f"{rule.group_code!r}.")
    session.query(AssignmentRule).delete()
    for position, rule in enumerate(rules, start=1):
        session.add(AssignmentRule(position=position, modality=rule.modality.upper(),
                                   body_part=rule.body_part.upper(),
                                   source_site=rule.source_site.upper(),
                                   group_code=rule.group_code,
                                   assignee_username=rule.assignee_username or None,
                                   active=rule.active))
    session.flush()
    record_audit(session, actor, "triage.rules", object_type="rules", object_id="assignment",
                 detail={"rules": [rule.__dict__ for rule in rules]})


def readers_of(session: Session, group_code: str | None) -> list[Reader]:
    """Readers (attendings and reviewers) of a group — or all — with their open exams."""
    query = (select(User).join(UserRole).where(UserRole.role.in_(READER_ROLES),
                                               User.active.is_(True)).distinct())
    if group_code:
        query = query.join(GroupMember).where(GroupMember.group_code == group_code)
    users = session.scalars(query).all()
    load = workload(session, [u.username for u in users])
    return sorted((Reader(u.username, u.display_name, u.available, load.get(u.username, 0))
                   for u in users), key=lambda r: (r.open_exams, r.username))


def workload(session: Session, usernames: Iterable[str]) -> dict[str, int]:
    """Open exams (assigned, preliminary, in consultation) per reader."""
    names = list(usernames)
    if not names:
        return {}
    rows = session.execute(
        select(Assignment.assignee_username, func.count(Assignment.id))
        .join(Exam, Exam.id == Assignment.exam_id)
        .where(Assignment.active.is_(True), Assignment.assignee_username.in_(names),
               Exam.state.in_(OPEN_STATES))
        .group_by(Assignment.assignee_username)).all()
    return {name: count for name, count in rows}


def propose(session: Session, exam: Exam, rules: Sequence[RuleSpec] | None = None) -> Proposal:
    """The group and reader the rules suggest for ``exam``."""
    rules = load_rules(session) if rules is None else rules
    rule = next((r for r in rules if r.matches(exam)), None)
    if rule is None:
        return Proposal(None, None, (Reason(ReasonKind.NO_RULE),))
    reasons = [Reason(ReasonKind.RULE, modality=rule.modality or "",
                      body_part=rule.body_part or "", source_site=rule.source_site or "",
                      group=rule.group_code)]
    readers = [r for r in readers_of(session, rule.group_code) if r.available]
    preferred = next((r for r in readers if r.username == rule.assignee_username), None)
    if preferred is not None:
        reasons.append(Reason(ReasonKind.PREFERRED,
                              reader=preferred.name or preferred.username))
        return Proposal(rule.group_code, preferred.username, tuple(reasons))
    if rule.assignee_username:
        reasons.append(Reason(ReasonKind.PREFERRED_AWAY, reader=rule.assignee_username))
    if not readers:
        reasons.append(Reason(ReasonKind.NOBODY_AVAILABLE))
        return Proposal(rule.group_code, None, tuple(reasons))
    chosen = readers[0]
    reasons.append(Reason(ReasonKind.LEAST_BUSY, reader=chosen.name or chosen.username,
                          open_exams=chosen.open_exams))
    return Proposal(rule.group_code, chosen.username, tuple(reasons))


def assign(session: Session, workflow: ExamWorkflow, exam: Exam, actor: Actor, *,
           group_code: str | None, assignee: str | None, reason: str = "") -> Changes:
    """Give ``exam`` to a reader and/or group (replacing an earlier assignment)."""
    if not group_code and not assignee:
        raise WorkflowError("Choose a reader or a reading group.")
    if assignee and session.scalar(select(User.id).where(User.username == assignee)) is None:
        raise WorkflowError(f"There is no reader {assignee!r}.")
    session.execute(update(Assignment).where(Assignment.exam_id == exam.id,
                                             Assignment.active.is_(True))
                    .values(active=False))
    session.add(Assignment(exam_id=exam.id, assignee_username=assignee, group_code=group_code,
                           assigned_by=actor.username, assigned_at=workflow.clock(),
                           reason=reason))
    session.flush()
    who = " / ".join(part for part in (group_code, assignee) if part)
    return workflow.apply(session, exam, Action.ASSIGN, actor,
                          note=f"{who}: {reason}" if reason else who)


def current_assignment(session: Session, exam_id: int) -> Assignment | None:
    return session.scalar(select(Assignment).where(Assignment.exam_id == exam_id,
                                                   Assignment.active.is_(True))
                          .order_by(Assignment.id.desc()).limit(1))


def community_queue(session: Session, site_code: str) -> int:
    """How many of a community's exams wait for its own doctors' preliminary reports."""
    return session.scalar(select(func.count(Exam.id)).where(
        Exam.site_code == site_code, Exam.reading_mode == ReadingMode.COMMUNITY_PRELIM,
        Exam.state.in_(COMMUNITY_QUEUE_STATES))) or 0


@dataclass(frozen=True)
class ModeDecision:
    mode: ReadingMode
    overloaded: bool
    queue: int


def reading_mode_for(session: Session, site_code: str, requested: ReadingMode,
                     threshold: int) -> ModeDecision:
    """The reading mode of a new exam: ``requested``, unless the community is overloaded
    (its queue above ``threshold``; 0 turns the rule off) — then ``center-full``."""
    queue = community_queue(session, site_code)
    if requested is ReadingMode.COMMUNITY_PRELIM and threshold > 0 and queue > threshold:
        return ModeDecision(ReadingMode.CENTER_FULL, True, queue)
    return ModeDecision(requested, False, queue)
