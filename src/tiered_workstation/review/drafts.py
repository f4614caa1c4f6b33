"""Autosave of report typing: one draft row per exam and author.

The editor saves every few seconds while the text changes (a crash loses at
most those seconds); opening the exam again offers the draft back; a draft
disappears when its text becomes a submitted or signed version.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..storage.base import utcnow
from ..storage.reports import ReportDraft


@dataclass(frozen=True)
class Draft:
    findings: str
    impression: str
    saved_at: datetime


def autosave(session: Session, exam_id: int, username: str, findings: str, impression: str,
             at: datetime | None = None) -> None:
    """Keep the current typing (overwrites this author's earlier draft of the exam)."""
    row = session.scalar(select(ReportDraft).where(ReportDraft.exam_id == exam_id,
                                                   ReportDraft.username == username))
    if row is None:
        row = ReportDraft(exam_id=exam_id, username=username)
        session.add(row)
    row.findings, row.impression, row.saved_at = findings, impression, at or utcnow()


def load_draft(session: Session, exam_id: int, username: str) -> Draft | None:
    row = session.scalar(select(ReportDraft).where(ReportDraft.exam_id == exam_id,
                                                   ReportDraft.username == username))
    return Draft(row.findings, row.impression, row.saved_at) if row else None


def discard_draft(session: Session, exam_id: int, username: str) -> None:
    session.execute(delete(ReportDraft).where(ReportDraft.exam_id == exam_id,
                                              ReportDraft.username == username))
