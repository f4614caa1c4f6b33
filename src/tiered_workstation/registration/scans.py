"""Pictures of requisition scans for thumbnails and preview.

Qt reads JPEG and PNG itself; a PDF's pages are rendered here with PDFium
(``pypdfium2``), because Qt's PDF module is not in the PySide6 wheels.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pypdfium2

from ..workflow.requisitions import media_type_of


class ScanError(ValueError):
    """The file is not a requisition scan this program can show."""


@dataclass(frozen=True)
class PdfPreview:
    png: bytes
    page_count: int


def render_pdf_page(data: bytes, *, page: int = 0, width_px: int = 1200) -> PdfPreview:
    """Page ``page`` of a PDF as PNG, ``width_px`` wide, and the document's page count."""
    if media_type_of(data) != "application/pdf":
        raise ScanError("This file is not a PDF document.")
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise ScanError(f"The PDF cannot be read ({exc}).") from exc
    try:
        count = len(document)
        if count == 0:
            raise ScanError("The PDF has no pages.")
        pdf_page = document[min(max(page, 0), count - 1)]
        scale = width_px / max(pdf_page.get_width(), 1.0)
        bitmap = pdf_page.render(scale=scale)
        image = bitmap.to_pil()
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", optimize=False)
        return PdfPreview(buffer.getvalue(), count)
    finally:
        document.close()
