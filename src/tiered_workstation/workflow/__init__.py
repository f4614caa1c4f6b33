"""Exam workflow: states, transition table, the machine that applies it, report
versions and diffs, turnaround time, accession numbers, user accounts."""

from .actors import Actor
from .errors import GuardFailed, IllegalTransition, RoleNotAllowed, TransitionRefused
from .machine import Changes, ExamWorkflow, LocalSite
from .transitions import Action

__all__ = [
    "Action", "Actor", "Changes", "ExamWorkflow", "GuardFailed", "IllegalTransition",
    "LocalSite", "RoleNotAllowed", "TransitionRefused",
]
