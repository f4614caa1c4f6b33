"""Handwritten signatures: a scan is cleaned into ink on transparency, enrolled for
readers and reviewers only, copied into the signed version and covered by the
signature, so changing the printed handwriting breaks the signature."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageDraw
from sqlalchemy import select

from review.conftest import ADMIN, ATTENDING, REVIEWER, Reading, by_accession
from tiered_workstation.security.signatures import SigningError
from tiered_workstation.storage.enums import ImagePurpose, VersionKind
from tiered_workstation.storage.reports import Report
from tiered_workstation.workflow.handwriting import (
    HEIGHT,
    MAX_WIDTH,
    clean_handwriting,
    enroll_handwriting,
)
from tiered_workstation.workflow.signing import check_version


def scan(width: int = 900, height: int = 300, *, ink: bool = True) -> bytes:
    """A grey-paper scan with a dark scribble in the middle."""
    paper = Image.new("RGB", (width, height), (243, 241, 236))
    if ink:
        points = [(width * x // 900, height * y // 300)
                  for x, y in ((200, 200), (350, 90), (500, 210), (700, 110))]
        ImageDraw.Draw(paper).line(points, fill=(20, 30, 90), width=max(1, width // 100))
    out = io.BytesIO()
    paper.save(out, format="JPEG", quality=92)
    return out.getvalue()


def test_a_scan_becomes_cropped_ink_on_transparency() -> None:
    cleaned = Image.open(io.BytesIO(clean_handwriting(scan())))
    assert cleaned.format == "PNG"
    assert cleaned.mode == "RGBA"
    assert cleaned.height == HEIGHT or cleaned.width == MAX_WIDTH  # one print size
    assert cleaned.height <= HEIGHT
    assert cleaned.width <= MAX_WIDTH
    width = cleaned.width
    assert width / cleaned.height > 3.5  # cropped to the scribble (paper is 3:1)
    alpha = cleaned.getchannel("A")
    assert alpha.getpixel((0, cleaned.height - 1)) == 0  # paper became transparent
    assert alpha.getextrema()[1] == 255  # the ink is opaque
    red, green, blue, _ = cleaned.getpixel(max(
        ((x, y) for x in range(width) for y in range(cleaned.height)),
        key=lambda p: alpha.getpixel(p)))
    assert blue > red
    assert blue > green


@pytest.mark.parametrize(("data", "words"), [
    (scan(ink=False), "blank"),
    (b"%PDF-1.7 not an image", "not a PNG or JPEG"),
    (scan(36, 12), "too small"),
])
def test_unusable_scans_are_refused_with_the_reason(data: bytes, words: str) -> None:
    with pytest.raises(SigningError, match=words):
        clean_handwriting(data)


def test_only_doctors_who_read_or_sign_enroll_a_signature(reading: Reading) -> None:
    with reading.services.database.transaction() as session, \
            pytest.raises(SigningError, match="does not read or sign"):
        enroll_handwriting(session, ADMIN, "triage", scan())


def _read_and_sign(reading: Reading) -> str:
    return reading.read_and_sign("右下肺片状影。", "右下肺炎。")


def test_signing_copies_both_signatures_and_covers_them(reading: Reading) -> None:
    services = reading.services
    with services.database.transaction() as session:
        reader = enroll_handwriting(session, ADMIN, ATTENDING.username, scan()).png
        signer = enroll_handwriting(session, ADMIN, REVIEWER.username, scan(700)).png
    accession = _read_and_sign(reading)
    with services.database.transaction() as session:
        exam = by_accession(session, accession)
        report = session.scalar(select(Report).where(Report.exam_id == exam.id))
        final = report.latest_of(VersionKind.FINAL)
        hands = {i.purpose: i.data for i in final.images}
        assert hands == {ImagePurpose.READER_HAND.value: reader,
                         ImagePurpose.SIGNER_HAND.value: signer}
        preliminary = report.latest_of(VersionKind.PRELIMINARY)
        assert [i.purpose for i in preliminary.images] == [ImagePurpose.READER_HAND.value]
        assert check_version(exam, final, reading.ca_certificate).valid
        # a re-enrolled signature does not change the signed report
        enroll_handwriting(session, ADMIN, REVIEWER.username, scan(500))
        assert check_version(exam, final, reading.ca_certificate).valid
        # but swapping the printed handwriting breaks the signature
        reader_image = next(i for i in final.images
                            if i.purpose == ImagePurpose.READER_HAND.value)
        reader_image.data, reader_image.sha256 = signer, final.images[-1].sha256
        check = check_version(exam, final, reading.ca_certificate)
        assert not check.valid


def test_without_enrolled_signatures_the_report_signs_as_before(reading: Reading) -> None:
    accession = _read_and_sign(reading)
    with reading.services.database.session() as session:
        exam = by_accession(session, accession)
        final = session.scalar(select(Report).where(Report.exam_id == exam.id)) \
            .latest_of(VersionKind.FINAL)
        assert final.images == []
        assert check_version(exam, final, reading.ca_certificate).valid
