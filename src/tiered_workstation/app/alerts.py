"""Which events deserve an arrival alert at this site, and how it sounds (no Qt here).

* At the center: a community exam whose images have arrived (``transferred``):
  it is ready to triage and read.
* At a community: one of its own exams came back signed (``final``): the report
  is ready to print and hand over.

Urgent exams (urgent or STAT) get their own sound and repeat until someone
acknowledges them. During quiet hours no sound plays; the banner still shows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time
from enum import StrEnum
from typing import Any

from ..config import AlertSettings, SiteSettings
from ..storage.enums import ExamState, Priority
from .board import BoardRow


class AlertKind(StrEnum):
    NEW_EXAM = "new_exam"  # center: a community exam is ready to read
    REPORT_RETURNED = "report_returned"  # community: a signed report came back


@dataclass(frozen=True)
class Alert:
    kind: AlertKind
    exam_id: int
    accession_number: str
    patient_name: str
    procedure: str
    site_code: str
    site_name: str
    urgent: bool


def alert_kind_for(site: SiteSettings, announces_arrivals: bool,
                   payload: Mapping[str, Any]) -> AlertKind | None:
    """The alert an ``exam.transition`` payload raises at ``site``, if any: a center
    (``Capabilities.announces_arrivals``) hears of community exams arriving, a community
    of its reports coming back."""
    is_center = announces_arrivals
    to_state = payload.get("to_state")
    exam_site = payload.get("site_code")
    if is_center and to_state == ExamState.TRANSFERRED.value and exam_site != site.code:
        return AlertKind.NEW_EXAM
    if not is_center and to_state == ExamState.FINAL.value and exam_site == site.code:
        return AlertKind.REPORT_RETURNED
    return None


def alert_for(kind: AlertKind, row: BoardRow, site_name: str) -> Alert:
    return Alert(kind, row.exam_id, row.accession_number, row.patient_name, row.procedure,
                 row.site_code, site_name, row.priority in (Priority.URGENT, Priority.STAT))


def in_quiet_hours(settings: AlertSettings, now: time) -> bool:
    """True between ``quiet_start`` and ``quiet_end`` (which may span midnight)."""
    if not settings.quiet_start or not settings.quiet_end:
        return False
    start, end = (time.fromisoformat(settings.quiet_start),
                  time.fromisoformat(settings.quiet_end))
    if start <= end:
        return start <= now < end
    return now >= start or now < end


def spoken_text(alert: Alert) -> str:
    """What the speech engine says, in Chinese as the desks speak it."""
    first, _, rest = alert.procedure.partition(" ")
    # "DR 胸部正侧位" is spoken without the modality code
    procedure = rest if first.isascii() and rest and not rest.isascii() else alert.procedure
    if alert.kind is AlertKind.NEW_EXAM:
        prefix = "急诊新检查" if alert.urgent else "新检查"
        return f"{prefix}：{alert.patient_name}，{procedure}，{alert.site_name}"
    prefix = "急诊报告已返回" if alert.urgent else "报告已返回"
    return f"{prefix}：{alert.patient_name}，{procedure}"
