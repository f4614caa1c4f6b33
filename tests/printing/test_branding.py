"""The site's logo and seal and the doctors' handwritten signatures on the printed
report: the site's own files win over the shipped defaults, an unusable file falls
back with a warning, and each image is really in the PDF (pdfimages)."""

from __future__ import annotations

import io
import logging
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image

from printing.test_report_pdf import _doc, _text
from tiered_workstation.printing.branding import Branding
from tiered_workstation.printing.report_pdf import write_report_pdf

ROOT = Path(__file__).resolve().parents[2]


def png(size: tuple[int, int], colour: tuple[int, int, int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", size, colour).save(out, format="PNG")
    return out.getvalue()


def images_in(pdf: Path) -> list[tuple[int, int]]:
    """(width, height) of every image (not soft mask) in the PDF, by poppler's pdfimages."""
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True,
                             text=True, check=True).stdout.splitlines()[2:]
    return [(int(cols[3]), int(cols[4])) for cols in (row.split() for row in listing)
            if cols[2] == "image"]


def test_the_shipped_defaults_are_the_resources_files() -> None:
    package = ROOT / "src" / "tiered_workstation" / "printing" / "assets"
    for name in ("logo.png", "seal.png"):
        assert (package / name).read_bytes() == (ROOT / "resources" / "report" / name) \
            .read_bytes(), f"run scripts/build_resources.py ({name})"
    defaults = Branding.load(None)
    assert defaults.logo == (package / "logo.png").read_bytes()
    assert defaults.seal_is_transparent


def test_a_sites_own_logo_and_seal_win(tmp_path: Path) -> None:
    (tmp_path / "logo.jpg").write_bytes(_jpeg((400, 120)))
    (tmp_path / "seal.png").write_bytes(png((300, 300), (200, 20, 30, 128)))
    branding = Branding.load(tmp_path)
    assert branding.logo_source == str(tmp_path / "logo.jpg")
    assert branding.seal_source == str(tmp_path / "seal.png")
    assert branding.seal_is_transparent


def test_an_unreadable_seal_falls_back_to_the_default_and_says_so(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "seal.png").write_bytes(b"this is not a picture")
    with caplog.at_level(logging.WARNING):
        branding = Branding.load(tmp_path)
    assert branding.seal_source == "default seal"
    assert "seal" in caplog.text
    assert "cannot be used" in caplog.text


def test_logo_handwriting_and_seal_are_printed(tmp_path: Path) -> None:
    branding = Branding.load(None)
    reader_hand, reviewer_hand = png((310, 96), (20, 30, 90, 255)), png((250, 96),
                                                                          (20, 30, 90, 255))
    pdf = write_report_pdf(_doc(
        logo=branding.logo, seal=branding.seal, reader_hand=reader_hand,
        reviewer_hand=reviewer_hand, read_at=datetime(2026, 11, 28, 9, 15, tzinfo=UTC)),
        tmp_path / "signed.pdf")
    sizes = images_in(pdf)
    logo = Image.open(io.BytesIO(branding.logo)).size
    seal = Image.open(io.BytesIO(branding.seal)).size
    assert sorted(sizes) == sorted([logo, seal, (310, 96), (250, 96)])
    text = _text(pdf)
    # each doctor on their own line, with the time they read or signed
    reader_line = next(line for line in text.splitlines() if "报告医师" in line)
    reviewer_line = next(line for line in text.splitlines() if "审核医师：" in line)
    assert "陈主治" in reader_line
    assert "2026-11-28 09:15" in reader_line
    assert "刘主任" in reviewer_line
    assert "2026-11-28 09:27" in reviewer_line


def test_without_handwriting_the_names_still_print(tmp_path: Path) -> None:
    pdf = write_report_pdf(_doc(), tmp_path / "plain.pdf")
    assert images_in(pdf) == []
    assert "陈主治" in _text(pdf)


def _jpeg(size: tuple[int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (30, 90, 160)).save(out, format="JPEG")
    return out.getvalue()


def image_boxes(pdf: Path) -> dict[tuple[int, int], tuple[float, float, float, float]]:
    """Each image's (left, bottom, right, top) on page 1 in points, keyed by pixel size."""
    import pypdfium2
    import pypdfium2.raw as pdfium_c

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        page = document[0]
        return {tuple(obj.get_px_size()): obj.get_bounds()
                for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])}
    finally:
        document.close()


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_on_a4_the_seal_is_pressed_beside_the_handwriting_not_over_it(tmp_path: Path) -> None:
    branding = Branding.load(None)
    reader_hand, reviewer_hand = png((360, 96), (20, 30, 90, 255)), png((300, 96),
                                                                          (20, 30, 90, 255))
    pdf = write_report_pdf(_doc(seal=branding.seal, reader_hand=reader_hand,
                                reviewer_hand=reviewer_hand), tmp_path / "a4.pdf")
    boxes = image_boxes(pdf)
    seal = boxes[Image.open(io.BytesIO(branding.seal)).size]
    for hand in ((360, 96), (300, 96)):
        assert not _overlap(seal, boxes[hand]), (seal, boxes[hand])
    # and it touches both signers' lines, as a stamp across the signatures' block
    assert seal[1] < boxes[(300, 96)][3]
    assert seal[3] > boxes[(360, 96)][1]
