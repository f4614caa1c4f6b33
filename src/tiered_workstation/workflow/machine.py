"""Applying transitions: one function, one transaction, nothing forgotten.

:meth:`ExamWorkflow.apply` checks the rule (state, reading mode, role,
guards), then — in the caller's transaction — moves the exam, appends the
timeline row, writes the audit event, writes the outbox message for the other
site, and queues the bus event to be published once the transaction commits.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..events import Event
from ..storage.base import utcnow
from ..storage.database import Database, publish_after_commit
from ..storage.enums import AuditOutcome, ExamState
from ..storage.exams import Exam, ExamTransition
from .actors import Actor
from .audit import record_audit
from .errors import GuardFailed, IllegalTransition, RoleNotAllowed, TransitionRefused
from .guards import GuardContext
from .outbox import TRANSITION_TOPIC, queue_message
from .transitions import REGISTER_ROLES, Action, Transition, actions_from, rule_for

LOGGER = logging.getLogger(__name__)



@dataclass(frozen=True)
class LocalSite:
    """The site this database belongs to, as the workflow needs to know it."""

    code: str
    is_center: bool
    center_code: str | None = None


@dataclass(frozen=True)
class Changes:
    """What a transition changed (callers decide whether to refresh)."""

    exam_id: int
    accession_number: str
    action: Action
    from_state: ExamState | None
    to_state: ExamState
    at: datetime
    outbox_uuid: str | None


class ExamWorkflow:
    """Applies the transition table of ``transitions.py`` for one site."""

    def __init__(self, site: LocalSite, clock: Callable[[], datetime] = utcnow):
        self.site = site
        self.clock = clock

    # -- queries ---------------------------------------------------------------------------
    def check(self, session: Session, exam: Exam, action: Action, actor: Actor,
              note: str = "") -> Transition:
        """Return the rule that allows ``action``, or raise :class:`TransitionRefused`."""
        refuse = _refuser(exam, action, actor)
        rule = rule_for(action, exam.reading_mode)
        if rule is None:
            raise refuse(IllegalTransition,
                         f"this action does not exist in reading mode '{exam.reading_mode}'")
        if exam.state not in rule.sources:
            needed = " or ".join(f"'{s}'" for s in ExamState if s in rule.sources)
            raise refuse(IllegalTransition, f"it needs the exam to be {needed}")
        if actor.role not in rule.roles:
            allowed = ", ".join(sorted(rule.roles))
            raise refuse(RoleNotAllowed, f"only these roles may do it: {allowed}")
        context = GuardContext(session=session, exam=exam, note=note)
        for guard in rule.guards:
            reason = guard(context)
            if reason:
                raise refuse(GuardFailed, reason)
        return rule

    def allowed_actions(self, session: Session, exam: Exam, actor: Actor) -> list[Action]:
        """Actions ``actor`` could take now (guards that need a note are assumed met)."""
        allowed = []
        for rule in actions_from(exam.state, exam.reading_mode):
            try:
                self.check(session, exam, rule.action, actor, note="(note)")
            except TransitionRefused:
                continue
            allowed.append(rule.action)
        return allowed

    # -- changes ---------------------------------------------------------------------------
    def open_exam(self, session: Session, exam: Exam, actor: Actor,
                  at: datetime | None = None, send: bool = True, note: str = "") -> Changes:
        """Record a new exam in state ``registered`` (its first timeline entry)."""
        if actor.role not in REGISTER_ROLES:
            allowed = ", ".join(sorted(REGISTER_ROLES))
            raise RoleNotAllowed(exam.accession_number, Action.REGISTER.value, "(new)",
                                 actor.role.value, f"only these roles may do it: {allowed}")
        when = at or self.clock()
        exam.state = ExamState.REGISTERED
        exam.registered_at = exam.state_changed_at = when
        exam.registered_by = actor.username
        session.add(exam)
        session.flush()
        return self._record(session, exam, Action.REGISTER, None, actor, note, when,
                            extra={"exam": exam_snapshot(exam)}, send=send)

    def apply(self, session: Session, exam: Exam, action: Action, actor: Actor, *,
              note: str = "", at: datetime | None = None) -> Changes:
        """Apply ``action`` to ``exam`` within ``session``'s transaction."""
        rule = self.check(session, exam, action, actor, note)
        when = at or self.clock()
        previous = exam.state
        exam.state = rule.target
        exam.state_changed_at = when
        return self._record(session, exam, action, previous, actor, note, when)

    def mirror(self, session: Session, exam: Exam, action: Action, to_state: ExamState,
               actor: Actor, *, at: datetime, note: str = "") -> Changes:
        """Record a change the other site already made and checked (from its message):
        the exam takes ``to_state``, the timeline and audit get the other site's actor,
        and no message goes back."""
        previous = exam.state
        exam.state = to_state
        exam.state_changed_at = at
        return self._record(session, exam, action, previous, actor, note, at, send=False)

    def run(self, database: Database, accession_number: str, action: Action, actor: Actor, *,
            note: str = "", at: datetime | None = None) -> Changes:
        """Apply ``action`` in a transaction of its own; a refusal is audited, then raised."""
        try:
            with database.transaction() as session:
                exam = session.scalar(select(Exam).where(
                    Exam.accession_number == accession_number))
                if exam is None:
                    raise LookupError(f"No exam with accession number {accession_number}.")
                return self.apply(session, exam, action, actor, note=note, at=at)
        except TransitionRefused as refused:
            LOGGER.warning("refused: %s", refused)
            with database.transaction() as session:
                record_audit(session, actor, f"exam.{action.value}", object_type="exam",
                             object_id=accession_number, outcome=AuditOutcome.REFUSED,
                             detail={"reason": refused.reason, "state": refused.state})
            raise

    def _record(self, session: Session, exam: Exam, action: Action,
                previous: ExamState | None, actor: Actor, note: str, when: datetime,
                extra: dict[str, Any] | None = None, send: bool = True) -> Changes:
        session.add(ExamTransition(
            exam_id=exam.id, action=action.value, from_state=previous, to_state=exam.state,
            actor_username=actor.username, actor_name=actor.display_name,
            actor_role=actor.role, actor_site=actor.site_code, at=when, note=note))
        payload: dict[str, Any] = {
            "exam_id": exam.id,
            "accession_number": exam.accession_number,
            "study_instance_uid": exam.study_instance_uid,
            "site_code": exam.site_code,
            "action": action.value,
            "from_state": previous.value if previous else None,
            "to_state": exam.state.value,
            "at": when.isoformat(),
            "actor": {"username": actor.username, "name": actor.display_name,
                      "role": actor.role.value, "site": actor.site_code},
            "note": note,
            **(extra or {}),
        }
        record_audit(session, actor, f"exam.{action.value}", object_type="exam",
                     object_id=exam.accession_number,
                     detail={"from": payload["from_state"], "to": payload["to_state"]},
                     at=when)
        outbox_uuid = None
        destination = self.destination_for(exam) if send else None
        if destination:
            outbox_uuid = queue_message(session, destination, TRANSITION_TOPIC,
                                        exam.accession_number, payload, at=when).uuid
        session.flush()
        publish_after_commit(session, Event(TRANSITION_TOPIC, payload, at=when))
        return Changes(exam.id, exam.accession_number, action, previous, exam.state, when,
                       outbox_uuid)

    def destination_for(self, exam: Exam) -> str | None:
        """The other site that must hear about this exam's changes, if any."""
        if not self.site.is_center:
            return self.site.center_code
        return exam.site_code if exam.site_code != self.site.code else None


def exam_snapshot(exam: Exam) -> dict[str, Any]:
    """Plain-value copy of an exam and its patient, for messages to another site."""
    patient = exam.patient
    return {
        "accession_number": exam.accession_number,
        "study_instance_uid": exam.study_instance_uid,
        "procedure_code": exam.procedure_code,
        "procedure_description": exam.procedure_description,
        "modality": exam.modality,
        "body_part": exam.body_part,
        "priority": exam.priority.value,
        "reading_mode": exam.reading_mode.value,
        "scheduled_station_ae": exam.scheduled_station_ae,
        "referring_physician": exam.referring_physician,
        "clinical_info": exam.clinical_info,
        "patient_age": exam.patient_age,
        "patient_source": exam.patient_source.value,
        "requesting_department": exam.requesting_department,
        "admission_id": exam.admission_id,
        "patient": {
            "consortium_id": patient.consortium_id,
            # her record number (病历号) at the exam's site: the Patient ID its files carry
            "record_number": patient.identifier_at(exam.site_code),
            "name": patient.name,
            "name_phonetic": patient.name_phonetic,
            "sex": patient.sex.value,
            "birth_date": patient.birth_date.isoformat() if patient.birth_date else None,
            "national_id": patient.national_id,
        },
    }


def _refuser(exam: Exam, action: Action, actor: Actor) -> Callable[..., TransitionRefused]:
    def make(kind: type[TransitionRefused], reason: str) -> TransitionRefused:
        return kind(exam.accession_number, action.value, exam.state.value, actor.role.value,
                    reason)
    return make
