"""PDF requisition scans are rendered for the desk's thumbnails and preview."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from reportlab.pdfgen import canvas

from tiered_workstation.registration.scans import ScanError, render_pdf_page


def two_page_pdf() -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842))
    pdf.setFillColorRGB(0, 0, 0)
    pdf.rect(0, 421, 595, 421, fill=1)  # page 1: top half black
    pdf.showPage()
    pdf.drawString(72, 700, "page two")
    pdf.save()
    return buffer.getvalue()


def test_first_page_is_rendered_at_the_asked_width() -> None:
    preview = render_pdf_page(two_page_pdf(), width_px=300)
    assert preview.page_count == 2
    image = Image.open(io.BytesIO(preview.png)).convert("L")
    assert image.width == 300
    assert abs(image.height - 424) <= 2
    assert image.getpixel((150, 50)) < 30      # the black half
    assert image.getpixel((150, 380)) > 225    # the white half


def test_not_a_pdf_is_refused_in_words() -> None:
    with pytest.raises(ScanError, match="not a PDF"):
        render_pdf_page(b"\x89PNG\r\n\x1a\n....")
    with pytest.raises(ScanError, match="cannot be read"):
        render_pdf_page(b"%PDF-1.4 truncated")
