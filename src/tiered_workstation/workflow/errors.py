"""Why a workflow action was refused, in words a user can act on."""

from __future__ import annotations


class WorkflowError(Exception):
    """Base class for refused workflow actions."""


class TransitionRefused(WorkflowError):
    """A transition was refused; the message says which exam, action, state and role."""

    def __init__(self, accession: str, action: str, state: str, role: str, reason: str):
        self.accession = accession
        self.action = action
        self.state = state
        self.role = role
        self.reason = reason
        super().__init__(f"Cannot {action.replace('_', ' ')} exam {accession} "
                         f"(state '{state}', role '{role}'): {reason}.")


class IllegalTransition(TransitionRefused):
    """The exam is not in a state the action starts from, or the mode has no such action."""


class RoleNotAllowed(TransitionRefused):
    """The actor's role may not take this action."""


class GuardFailed(TransitionRefused):
    """A precondition on the exam's data does not hold."""
