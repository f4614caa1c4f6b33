"""Read-only views: exams and the audit trail."""

from __future__ import annotations

import argparse
import json
from datetime import timedelta

from ..app.bootstrap import open_site
from ..app.queries import exam_by_accession, recent_audit, recent_exams
from ..app.text_columns import pad
from ..app.timeline import exam_detail, exam_header, exam_summary, tat_lines, timeline_lines
from ..storage.base import utcnow
from ..storage.enums import ExamState


def cmd_exam_list(args: argparse.Namespace) -> int:
    with open_site(args.config) as services, services.database.session() as session:
        tz = services.settings.site.tz
        exams = recent_exams(session, ExamState(args.state) if args.state else None,
                             args.limit)
        if args.json:
            print(json.dumps([exam_summary(e) for e in exams], ensure_ascii=False, indent=1))
            return 0
        print(f"{'accession':<17}{'registered':<18}{'state':<17}{'site':<6}{'patient':<12}exam")
        for e in exams:
            print(f"{e.accession_number:<17}{e.registered_at.astimezone(tz):%Y-%m-%d %H:%M}  "
                  f"{e.state.value:<17}{e.site_code:<6}{pad(e.patient.name, 12)}"
                  f"{e.procedure_description}")
    return 0


def cmd_exam_show(args: argparse.Namespace) -> int:
    with open_site(args.config) as services, services.database.session() as session:
        exam = exam_by_accession(session, args.accession)
        tz = services.settings.site.tz
        target = timedelta(minutes=services.settings.workflow.tat_target_minutes)
        if args.json:
            print(json.dumps(exam_detail(exam, target, utcnow()), ensure_ascii=False,
                             indent=1))
            return 0
        tat, _ = tat_lines(exam, target, utcnow())
        print("\n".join([*exam_header(exam, tz), "", *timeline_lines(exam, tz), "", *tat]))
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    with open_site(args.config) as services, services.database.session() as session:
        tz = services.settings.site.tz
        for event in recent_audit(session, args.limit, args.user, args.refused):
            detail = json.dumps(event.detail, ensure_ascii=False) if event.detail else ""
            print(f"{event.at.astimezone(tz):%Y-%m-%d %H:%M:%S}  {event.outcome.value:<8}"
                  f"{event.actor_username:<22}{event.action:<28}{event.object_id:<18}{detail}")
    return 0
