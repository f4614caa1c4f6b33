"""Write docs/workflow.md from the transition table (run with --check to verify it is current)."""

from __future__ import annotations

import sys
from pathlib import Path

from tiered_workstation.storage.enums import ExamState, ReadingMode
from tiered_workstation.workflow.transitions import REGISTER_ROLES, TRANSITIONS

DOC = Path(__file__).resolve().parents[1] / "docs" / "workflow.md"

HEADER = """# Exam workflow

Generated from `src/tiered_workstation/workflow/transitions.py` by
`scripts/gen_workflow_doc.py`; a test fails when this page and the table differ.

Every exam moves through these states; each move is one *transition*, applied
by `ExamWorkflow.apply` in one database transaction that also writes the
timeline row, the audit event and the outbox message for the other site, and
publishes `exam.transition` on the event bus after commit.

States: {states}.

A new exam starts in `registered` (action `register`, roles: {register}).

| action | from | to | roles | reading modes | guards |
|---|---|---|---|---|---|
"""

FOOTER = """
Reading modes: `community-prelim` — a community doctor writes the preliminary
report and the center reviews and signs; `center-full` — a center attending
(or reviewer) writes and a reviewer signs.

A refused transition raises `IllegalTransition` (wrong state or mode),
`RoleNotAllowed` or `GuardFailed`; the message names the exam, the action, the
state and the role. `ExamWorkflow.run` also writes the refusal to the audit
trail in a transaction of its own.

## Turnaround time (TAT)

`workflow/tat.py` splits registration → printed into segments (acquisition,
transfer, triage, preliminary report, review and sign-off, printing), each from
the first time the exam entered its start state to the first time it entered
its end state, and grades the whole against the site's target
(`workflow.tat_target_minutes`, 30 by default): `on_track` (green) below 80 %,
`at_risk` (amber) from 80 %, `overdue` (red) past the target; printed exams are
`met` or `missed`.
"""


def render() -> str:
    def names(values: object) -> str:
        return ", ".join(f"`{v}`" for v in sorted(values))  # type: ignore[call-overload]

    rows = []
    for rule in TRANSITIONS:
        modes = "all" if rule.modes == frozenset(ReadingMode) else names(rule.modes)
        guards = ", ".join(g.__name__.replace("_", " ") for g in rule.guards) or "—"
        sources = ", ".join(f"`{s}`" for s in ExamState if s in rule.sources)
        rows.append(f"| `{rule.action}` | {sources} | `{rule.target}` | "
                    f"{names(rule.roles)} | {modes} | {guards} |")
    header = HEADER.format(states=", ".join(f"`{s}`" for s in ExamState),
                           register=names(REGISTER_ROLES))
    return header + "\n".join(rows) + "\n" + FOOTER


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        if not DOC.exists() or DOC.read_text(encoding="utf-8") != text:
            print(f"{DOC} is out of date; run python scripts/gen_workflow_doc.py")
            return 1
        return 0
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(text, encoding="utf-8")
    print(f"wrote {DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
