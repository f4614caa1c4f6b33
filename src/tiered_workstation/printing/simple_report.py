"""A plain A4 report PDF (the reporting work replaces it with the full hospital form)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ..storage.files import write_atomically
from .fonts import cjk_font


@dataclass(frozen=True)
class ReportContent:
    hospital: str
    center: str
    accession_number: str
    patient_name: str
    sex: str
    birth_date: str
    procedure: str
    findings: str
    impression: str
    reader: str
    reviewer: str
    signed_at: datetime


def _wrap(text: str, width: float, font: str, size: float, canvas: Canvas) -> list[str]:
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for char in paragraph:
            if canvas.stringWidth(line + char, font, size) > width:
                lines.append(line)
                line = ""
            line += char
        lines.append(line)
    return lines


def write_report_pdf(content: ReportContent, path: Path) -> Path:
    """Write the report to ``path`` atomically."""
    font = cjk_font()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    canvas = Canvas(str(tmp), pagesize=A4)
    canvas.setTitle(f"{content.patient_name} {content.procedure} {content.accession_number}")
    width, height = A4
    left, right = 20 * mm, width - 20 * mm
    y = height - 25 * mm
    canvas.setFont(font, 16)
    canvas.drawCentredString(width / 2, y, f"{content.hospital} 影像诊断报告")
    y -= 7 * mm
    canvas.setFont(font, 9)
    canvas.drawCentredString(width / 2, y, f"诊断中心：{content.center}")
    y -= 6 * mm
    canvas.line(left, y, right, y)
    y -= 7 * mm
    canvas.setFont(font, 10.5)
    for label, value in (("姓名", content.patient_name), ("性别", content.sex),
                         ("出生日期", content.birth_date), ("检查号", content.accession_number),
                         ("检查项目", content.procedure)):
        canvas.drawString(left, y, f"{label}：{value}")
        y -= 6 * mm
    canvas.line(left, y, right, y)
    for title, text in (("影像所见", content.findings), ("诊断意见", content.impression)):
        y -= 9 * mm
        canvas.setFont(font, 12)
        canvas.drawString(left, y, title)
        canvas.setFont(font, 10.5)
        for line in _wrap(text, right - left, font, 10.5, canvas):
            y -= 6 * mm
            canvas.drawString(left + 4 * mm, y, line)
    y -= 12 * mm
    canvas.line(left, y, right, y)
    y -= 7 * mm
    canvas.drawString(left, y, f"报告医师：{content.reader}    审核医师：{content.reviewer}")
    y -= 6 * mm
    canvas.drawString(left, y, f"签发时间：{content.signed_at:%Y-%m-%d %H:%M}")
    canvas.setFont(font, 8)
    canvas.drawCentredString(width / 2, 12 * mm, "本报告仅供临床参考 · 第 1 页")
    canvas.showPage()
    canvas.save()
    data = tmp.read_bytes()
    tmp.unlink()
    write_atomically(path, lambda handle: handle.write(data))
    return path
