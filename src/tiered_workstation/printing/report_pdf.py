"""The hospital report as a PDF (reportlab): what the patient takes home.

Header with the site's logo and both hospitals, the patient and exam blocks,
findings (影像所见) and impression (诊断意见), key images, addenda, the reader
and the reviewer on separate lines — each with their handwritten signature and
the time — under the site's red seal, the signature statement with the signer
certificate's fingerprint and a QR code a clerk can scan to check it, and page
numbers ("第 1 页 / 共 2 页").  Chinese is written with an embedded CJK font
(:mod:`printing.fonts`).  A4 or A5; a reprint says "副本 COPY".
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from ..storage.files import write_atomically
from .fonts import cjk_font

PAPERS = {"A4": A4, "A5": A5}
INK = colors.HexColor("#1f2a37")
MUTED = colors.HexColor("#5b6776")
ACCENT = colors.HexColor("#1d5fa8")
RULE = colors.HexColor("#b8c2cc")


@dataclass(frozen=True)
class Addendum:
    text: str
    signer: str
    signed_at: datetime


@dataclass(frozen=True)
class SignatureStatement:
    """What the report says about its signature (checked before printing)."""

    signer: str
    fingerprint: str  # SHA-256 of the signer certificate, hex
    verified: bool


@dataclass(frozen=True)
class ReportDocument:
    center: str  # the reading (center) hospital
    hospital: str  # where the exam was done
    accession_number: str
    patient_name: str
    patient_name_phonetic: str
    sex: str
    age: str
    patient_id: str  # the hospital record number (病历号) at the exam's site
    procedure: str
    modality: str
    exam_time: datetime | None
    referring_physician: str
    clinical_info: str
    findings: str
    impression: str
    reader: str
    reviewer: str
    signed_at: datetime
    signature: SignatureStatement | None
    verification: str  # what the QR code holds
    key_images: Sequence[tuple[str, bytes]] = ()
    addenda: Sequence[Addendum] = ()
    copy: bool = False
    paper: str = "A4"
    printed_at: datetime | None = None
    patient_source: str = ""  # 门诊 / 住院 / 体检 / 急诊
    requesting_department: str = ""
    admission_id: str = ""  # 住院号, inpatients only
    read_at: datetime | None = None  # when the reader submitted the report
    reader_hand: bytes | None = None  # handwritten signatures (PNG), as signed
    reviewer_hand: bytes | None = None
    logo: bytes | None = None  # the site's (printing.branding)
    seal: bytes | None = None
    seal_over_names: bool = True  # a transparent seal goes over the signatures
    extra: dict[str, Any] = field(default_factory=dict)


def render_report_pdf(doc: ReportDocument) -> bytes:
    """The report as PDF bytes."""
    font = cjk_font()
    page_size = PAPERS.get(doc.paper, A4)
    small = doc.paper == "A5"
    scale = 0.82 if small else 1.0
    margin = (12 if small else 18) * mm
    buffer = io.BytesIO()
    template = SimpleDocTemplate(
        buffer, pagesize=page_size, leftMargin=margin, rightMargin=margin,
        topMargin=margin + 30 * mm * scale, bottomMargin=margin + 10 * mm,
        title=f"{doc.patient_name} {doc.procedure} {doc.accession_number}",
        author=doc.center, subject="影像诊断报告", creator="Tiered Workstation")
    styles = _styles(font, scale)
    width = page_size[0] - 2 * margin
    story: list[Flowable] = [_patient_block(doc, styles, width), Spacer(1, 4 * mm)]
    story += _section("影像所见", doc.findings, styles)
    story += _section("诊断意见", doc.impression, styles, strong=True)
    if doc.key_images:
        story.append(_images_block(doc.key_images, styles, width, small))
    for addendum in doc.addenda:
        story += _section(f"补充报告（{addendum.signer}，{addendum.signed_at:%Y-%m-%d %H:%M}）",
                          addendum.text, styles)
    story.append(Spacer(1, 6 * mm))
    story.append(KeepTogether([_signature_block(doc, styles, width, scale)]))

    def decorate(canvas: Canvas, _template: Any) -> None:
        _header(canvas, doc, font, page_size, margin, scale)

    template.build(story, onFirstPage=decorate, onLaterPages=decorate,
                   canvasmaker=_numbered_canvas(font, margin, doc))
    return buffer.getvalue()


def write_report_pdf(doc: ReportDocument, path: Path) -> Path:
    """Write the report to ``path`` atomically (a crash never leaves half a PDF)."""
    data = render_report_pdf(doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, lambda handle: handle.write(data))
    return path


# -- building blocks ---------------------------------------------------------------------------
def _styles(font: str, scale: float) -> dict[str, ParagraphStyle]:
    def style(name: str, size: float, **kw: Any) -> ParagraphStyle:
        values: dict[str, Any] = {"fontName": font, "fontSize": size * scale,
                                  "leading": size * scale * 1.55, "textColor": INK,
                                  "wordWrap": "CJK", **kw}
        return ParagraphStyle(name, **values)
    return {
        "label": style("label", 8.5, textColor=MUTED),
        "value": style("value", 10.5),
        "heading": style("heading", 12, textColor=ACCENT, spaceBefore=3 * mm,
                         spaceAfter=1.5 * mm),
        "body": style("body", 11, firstLineIndent=0, leftIndent=2 * mm),
        "strong": style("strong", 11.5, leftIndent=2 * mm),
        "small": style("small", 8, textColor=MUTED),
        "caption": style("caption", 8, textColor=MUTED, alignment=1),
    }


def _escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\n", "<br/>"))


def _patient_block(doc: ReportDocument, styles: dict[str, ParagraphStyle],
                   width: float) -> Table:
    def cell(label: str, value: str) -> list[Paragraph]:
        return [Paragraph(label, styles["label"]), Paragraph(_escape(value or "—"),
                                                              styles["value"])]
    name = doc.patient_name + (f"（{doc.patient_name_phonetic}）"
                               if doc.patient_name_phonetic else "")
    exam_time = f"{doc.exam_time:%Y-%m-%d %H:%M}" if doc.exam_time else ""
    rows = [
        [*cell("姓名", name), *cell("性别", doc.sex), *cell("年龄", doc.age)],
        [*cell("病历号", doc.patient_id), *cell("患者来源", doc.patient_source),
         *cell("检查号", doc.accession_number)],
        [*cell("检查项目", doc.procedure), *cell("检查类型", doc.modality),
         *cell("检查时间", exam_time)],
        [*cell("申请科室", doc.requesting_department),
         *cell("申请医生", doc.referring_physician), *cell("送检单位", doc.hospital)],
        # an inpatient's admission ID (住院号) opens the last row
        [*cell("住院号", doc.admission_id), *cell("临床信息", doc.clinical_info), "", ""]
        if doc.admission_id else [*cell("临床信息", doc.clinical_info), "", "", "", ""],
    ]
    label_w = 16 * mm * (0.82 if width < 140 * mm else 1.0)  # A5: room for the numbers
    value_w = (width - 3 * label_w) / 3
    table = Table(rows, colWidths=[label_w, value_w] * 3)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("SPAN", (3, 4), (5, 4)) if doc.admission_id else ("SPAN", (1, 4), (5, 4)),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE),
        ("LINEABOVE", (0, 0), (-1, 0), 0.6, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.5),
    ]))
    return table


def _section(title: str, text: str, styles: dict[str, ParagraphStyle],
             strong: bool = False) -> list[Flowable]:
    body = styles["strong" if strong else "body"]
    paragraphs = [Paragraph(_escape(line), body) for line in (text or "—").splitlines()
                  if line.strip()] or [Paragraph("—", body)]
    return [Paragraph(title, styles["heading"]), *paragraphs]


def _images_block(images: Sequence[tuple[str, bytes]], styles: dict[str, ParagraphStyle],
                  width: float, small: bool) -> Flowable:
    per_row = 2 if small else 3
    cell_w = width / per_row - 3 * mm
    cells: list[list[Flowable]] = []
    for caption, data in images[:6]:
        reader = ImageReader(io.BytesIO(data))
        w, h = reader.getSize()
        ratio = min(cell_w / w, (cell_w * 0.9) / h)
        cells.append([Image(io.BytesIO(data), width=w * ratio, height=h * ratio),
                      Paragraph(_escape(caption), styles["caption"])])
    rows = [cells[i:i + per_row] for i in range(0, len(cells), per_row)]
    rows[-1] += [[]] * (per_row - len(rows[-1]))
    table = Table(rows, colWidths=[width / per_row] * per_row)
    table.setStyle(TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER"),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return KeepTogether([Paragraph("关键图像", styles["heading"]), table])


class _Signers(Flowable):
    """报告医师 and 审核医师 on separate lines: name, handwritten signature, time; the
    seal stamped over the reviewer's line (as a hospital stamps a paper report)."""

    def __init__(self, doc: ReportDocument, font: str, scale: float) -> None:
        super().__init__()
        self.doc, self.font, self.scale = doc, font, scale
        self.line = 12 * mm * scale
        self.seal_size = 30 * mm * scale

    def wrap(self, available_width: float, _available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, 2 * self.line

    def draw(self) -> None:
        doc, canvas, scale = self.doc, self.canv, self.scale
        lines = (("报告医师", doc.reader, doc.reader_hand, doc.read_at),
                 ("审核医师", doc.reviewer, doc.reviewer_hand, doc.signed_at))
        label_w, name_w, hand_w = 20 * mm * scale, 26 * mm * scale, 36 * mm * scale
        time_x = label_w + name_w + hand_w + 3 * mm * scale
        time_end = time_x
        for n, (label, name, hand, at) in enumerate(lines):
            base = self.line * (1 - n) + 3 * mm * scale  # first line on top
            canvas.setFillColor(MUTED)
            canvas.setFont(self.font, 9 * scale)
            canvas.drawString(0, base, f"{label}：")
            canvas.setFillColor(INK)
            canvas.setFont(self.font, 10.5 * scale)
            canvas.drawString(label_w, base, name or "—")
            if hand:
                reader = ImageReader(io.BytesIO(hand))
                w, h = reader.getSize()
                height = 9 * mm * scale
                width = min(hand_w, w * height / h)
                canvas.drawImage(reader, label_w + name_w, base - 2.2 * mm * scale, width,
                                 width * h / w, mask="auto")
            canvas.setFillColor(MUTED)
            canvas.setFont(self.font, 9 * scale)
            when = f"{at:%Y-%m-%d %H:%M}" if at else ""
            canvas.drawString(time_x, base, when)
            time_end = max(time_end, time_x + canvas.stringWidth(when, self.font, 9 * scale))
        if doc.seal:
            seal = ImageReader(io.BytesIO(doc.seal))
            size = self.seal_size
            # pressed just after the signing times, touching both signers' lines; where
            # the paper is too narrow (A5), over the handwriting, which shows through
            x = time_end + 1 * mm
            if x + size > self.width:
                x = label_w + name_w + hand_w / 2 - size / 2
            if not doc.seal_over_names:  # an opaque seal would hide text: far right
                x = self.width - size
            canvas.drawImage(seal, x, self.line * 1.1 - size / 2, size, size, mask="auto")


def _signature_block(doc: ReportDocument, styles: dict[str, ParagraphStyle], width: float,
                     scale: float) -> Table:
    if doc.signature is not None:
        state = "已验证" if doc.signature.verified else "未通过验证"
        fp = doc.signature.fingerprint.upper()
        grouped = " ".join(fp[i:i + 4] for i in range(0, 32, 4))
        statement = Paragraph(
            f"本报告由审核医师 {_escape(doc.signature.signer)} 以电子签名（Ed25519）签发，"
            f"签名{state}；手写签名图像包含在签名内容中。"
            f"签名证书指纹（SHA-256）：{grouped} …<br/>"
            "扫描右侧二维码可核对报告编号与签名。本报告仅供临床参考。", styles["small"])
    else:
        statement = Paragraph("本报告未经电子签名。本报告仅供临床参考。", styles["small"])
    font = styles["value"].fontName
    qr_size = 24 * mm * scale
    qr = QrCodeWidget(doc.verification, barLevel="M")
    x0, y0, x1, y1 = qr.getBounds()
    drawing = Drawing(qr_size, qr_size, transform=[qr_size / (x1 - x0), 0, 0,
                                                   qr_size / (y1 - y0), 0, 0])
    drawing.add(qr)
    table = Table([[[_Signers(doc, font, scale), Spacer(1, 2 * mm), statement], drawing]],
                  colWidths=[width - qr_size - 4 * mm, qr_size + 4 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEABOVE", (0, 0), (-1, 0), 0.6, RULE),
                               ("TOPPADDING", (0, 0), (-1, -1), 4)]))
    return table


def _header(canvas: Canvas, doc: ReportDocument, font: str, page: tuple[float, float],
            margin: float, scale: float) -> None:
    width, height = page
    top = height - margin
    canvas.saveState()
    if doc.logo:
        logo = ImageReader(io.BytesIO(doc.logo))
        w, h = logo.getSize()
        height = 16 * mm * scale
        canvas.drawImage(logo, margin, top - height - 1 * mm, min(40 * mm, w * height / h),
                         height, mask="auto", preserveAspectRatio=True, anchor="sw")
    canvas.setFillColor(INK)
    canvas.setFont(font, 15 * scale)
    canvas.drawCentredString(width / 2, top - 6 * mm * scale, doc.center)
    canvas.setFont(font, 10 * scale)
    canvas.setFillColor(MUTED)
    canvas.drawCentredString(width / 2, top - 11.5 * mm * scale,
                             f"医联体远程影像诊断 · 送检单位：{doc.hospital}")
    canvas.setFillColor(INK)
    canvas.setFont(font, 13.5 * scale)
    canvas.drawCentredString(width / 2, top - 19 * mm * scale, "影像诊断报告")
    if doc.copy:
        canvas.setFillColor(colors.HexColor("#b42318"))
        canvas.setFont(font, 10 * scale)
        canvas.drawRightString(width - margin, top - 19 * mm * scale, "副本 COPY")
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(1.2)
    canvas.line(margin, top - 23 * mm * scale, width - margin, top - 23 * mm * scale)
    canvas.restoreState()


def _numbered_canvas(font: str, margin: float, doc: ReportDocument) -> type[Canvas]:
    """A canvas that writes "第 n 页 / 共 N 页" once it knows N."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            width, _height = self._pagesize
            self.saveState()
            self.setFont(font, 7.5)
            self.setFillColor(MUTED)
            self.drawString(margin, margin * 0.6,
                            f"检查号 {doc.accession_number} · {doc.patient_name}")
            self.drawRightString(width - margin, margin * 0.6,
                                 f"第 {self._pageNumber} 页 / 共 {total} 页")
            if doc.printed_at is not None:
                self.drawCentredString(width / 2, margin * 0.6,
                                       f"打印时间 {doc.printed_at:%Y-%m-%d %H:%M}")
            self.restoreState()

    return NumberedCanvas
