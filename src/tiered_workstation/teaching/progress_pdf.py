"""The teaching dashboard as an A4 PDF: each doctor's agreement, weekly trend, weakest
body part and suggested cases, then the major discrepancies with their exams."""

from __future__ import annotations

from pathlib import Path

from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ..printing.fonts import cjk_font
from ..storage.enums import PeerReviewGrade
from .progress import Progress, Week

LABELS_EN = {"title": "Teaching progress", "since": "Since", "doctor": "Doctor",
             "site": "Site", "reviews": "Reviews", "agreement": "Agreement",
             "minor": "Minor", "major": "Major", "lessons": "Lessons watched", "quizzes": "Quizzes",
             "weakest": "Weakest body part", "suggested": "Suggested cases",
             "majors": "Major discrepancies", "accession": "Accession", "when": "Date",
             "reviewer": "Reviewer", "part": "Body part", "weekly": "weekly agreement"}
LABELS_ZH = {"title": "带教进度", "since": "自", "doctor": "医生", "site": "机构",
             "reviews": "评议数", "agreement": "一致率", "minor": "轻微差异",
             "major": "重大差异", "lessons": "已看讲解", "quizzes": "测验", "weakest": "最弱部位",
             "suggested": "推荐病例", "majors": "重大差异病例", "accession": "检查号",
             "when": "时间", "reviewer": "审核医生", "part": "部位", "weekly": "每周一致率"}


def write_progress_pdf(data: Progress, path: Path, *, site_name: str,
                       labels: dict[str, str] = LABELS_EN) -> Path:
    font = cjk_font()
    body = ParagraphStyle("body", fontName=font, fontSize=9, leading=12)
    heading = ParagraphStyle("heading", fontName=font, fontSize=15, leading=20)
    small = ParagraphStyle("small", fontName=font, fontSize=8, leading=10,
                           textColor=colors.HexColor("#5b6776"))
    story = [Paragraph(f"{site_name} · {labels['title']}", heading),
             Paragraph(f"{labels['since']} {data.since.isoformat()}", small), Spacer(1, 4 * mm)]
    rows = [[labels[k] for k in ("doctor", "site", "reviews", "agreement", "minor",
                                 "major", "lessons", "quizzes", "weakest")]]
    for d in data.doctors:
        weakest = d.weakest_part
        rows.append([d.name, d.site, str(d.reviews), f"{d.agreement:.0%}",
                     str(d.grades.get(PeerReviewGrade.MINOR, 0)),
                     str(d.grades.get(PeerReviewGrade.MAJOR, 0)), str(d.lessons_watched),
                     str(d.quizzes),
                     f"{weakest.body_part} {weakest.agreement:.0%}" if weakest else "—"])
    story.append(_table(rows, font))
    for d in data.doctors:
        story += [Spacer(1, 4 * mm), Paragraph(f"{d.name} · {labels['weekly']}", body),
                  _trend(d.weeks), Spacer(1, 2 * mm)]
        if d.suggestions:
            titles = " · ".join(c.title for c in d.suggestions)
            story.append(Paragraph(f"{labels['suggested']}: {titles}", small))
    if data.majors:
        story += [Spacer(1, 6 * mm), Paragraph(labels["majors"], body)]
        rows = [[labels[k] for k in ("accession", "when", "doctor", "reviewer", "part")]]
        rows += [[m.accession_number, f"{m.reviewed_at:%Y-%m-%d}", m.author, m.reviewer,
                  f"{m.modality} {m.body_part}"] for m in data.majors]
        story.append(_table(rows, font))
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=16 * mm, rightMargin=16 * mm,
                      topMargin=14 * mm, bottomMargin=14 * mm,
                      title=labels["title"]).build(story)
    return path


def _table(rows: list[list[str]], font: str) -> Table:
    table = Table(rows, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), font, 8.5),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
        ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#b8c2cc")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return table


def _trend(weeks: list[Week]) -> Drawing:
    drawing = Drawing(170 * mm, 32 * mm)
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 10 * mm, 5 * mm, 155 * mm, 24 * mm
    chart.data = [[None if w.agreement is None else round(w.agreement * 100)
                   for w in weeks] or [0]]
    chart.categoryAxis.categoryNames = [f"{w.start:%m-%d}" for w in weeks] or [""]
    chart.categoryAxis.labels.fontSize = 6
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 25
    chart.valueAxis.labels.fontSize = 6
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.lines[0].strokeColor = colors.HexColor("#1f6feb")
    chart.lines[0].strokeWidth = 1.5
    chart.joinedLines = 1
    chart.lines.symbol = makeMarker("FilledCircle", size=4)  # a lone week shows too
    drawing.add(chart)
    return drawing
