"""Handwritten signatures: enrolling a scan, and copying it into what a signature covers.

A hospital report in China carries the reader's and the reviewer's handwritten
signatures beside their printed names.  An administrator enrolls each doctor's
scan once (a photo or scan of the signature on white paper); it is cleaned into
ink on transparency, cropped and scaled, so it prints the same size whatever the
scanner.  When a reviewer signs, both doctors' enrolled images are copied into
the signed version and their SHA-256 joins the signed fields: the printed
handwriting is as protected as the text, and a later re-enrollment never changes
a report already issued.
"""

from __future__ import annotations

import io

from PIL import Image, ImageOps, UnidentifiedImageError
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..security import signatures
from ..security.signatures import SigningError
from ..storage.enums import ImagePurpose, Role, VersionKind
from ..storage.reports import Report, ReportImage, ReportVersion
from ..storage.sites import HandwrittenSignature, User
from .actors import Actor
from .audit import record_audit

MAX_FILE_BYTES = 4 * 1024 * 1024
HEIGHT = 96  # pixels of the cleaned image; printed about 9 mm high
MAX_WIDTH = 360
READING_ROLES = (Role.COMMUNITY_DOCTOR, Role.ATTENDING, Role.REVIEWER)
_INK_THRESHOLD = 200  # grey levels lighter than this are paper


def clean_handwriting(data: bytes) -> bytes:
    """The signature in ``data`` (PNG/JPEG scan) as ink on transparency, cropped and
    scaled to :data:`HEIGHT` pixels; raises :class:`SigningError` saying what is wrong."""
    if len(data) > MAX_FILE_BYTES:
        raise SigningError(f"The signature image is {len(data) // 1024} KB; use a scan "
                           f"under {MAX_FILE_BYTES // 1024 // 1024} MB.")
    try:
        with Image.open(io.BytesIO(data)) as opened:
            opened.load()
            image = ImageOps.exif_transpose(opened).convert("RGBA")
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise SigningError("The signature file is not a PNG or JPEG image.") from exc
    grey = image.convert("L")
    if image.getextrema()[3][0] < 255:  # already has transparency: keep it as the mask
        alpha = image.getchannel("A")
    else:  # a scan on paper: darkness is ink, anything light is paper
        alpha = grey.point(lambda v: 0 if v >= _INK_THRESHOLD
                           else min(255, (_INK_THRESHOLD - v) * 255 // 120))
    box = alpha.point(lambda v: 255 if v > 24 else 0).getbbox()
    if box is None:
        raise SigningError("The signature image is blank: no ink was found on it.")
    ink = image.crop(box)
    ink.putalpha(alpha.crop(box))
    width, height = ink.size
    if width < 20 or height < 8:
        raise SigningError("The signature in the image is too small to print; scan it at "
                           "a higher resolution.")
    scale = min(HEIGHT / height, MAX_WIDTH / width)
    ink = ink.resize((max(1, round(width * scale)), max(1, round(height * scale))),
                     Image.Resampling.LANCZOS)
    out = io.BytesIO()
    ink.save(out, format="PNG", optimize=True)
    return out.getvalue()


def enroll_handwriting(session: Session, actor: Actor, username: str,
                       data: bytes) -> HandwrittenSignature:
    """Enroll (or replace) a reader's or reviewer's handwritten signature."""
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise SigningError(f"There is no user {username!r}.")
    if not any(role in user.roles for role in READING_ROLES):
        raise SigningError(f"{user.display_name or username} does not read or sign "
                           "reports; only their signatures are printed.")
    png = clean_handwriting(data)
    row = handwriting_of(session, username)
    if row is None:
        row = HandwrittenSignature(username=username)
        session.add(row)
    row.png = png
    row.sha256 = signatures.sha256_hex(png)
    session.flush()
    record_audit(session, actor, "signer.handwriting", object_type="user", object_id=username,
                 detail={"sha256": row.sha256})
    return row


def handwriting_of(session: Session, username: str) -> HandwrittenSignature | None:
    return session.scalar(select(HandwrittenSignature)
                          .where(HandwrittenSignature.username == username))


def reader_of(report: Report) -> ReportVersion | None:
    """The version the reader submitted for review (the newest preliminary)."""
    readers = [v for v in report.versions if v.kind is VersionKind.PRELIMINARY]
    return readers[-1] if readers else None


def attach_handwriting(session: Session, version: ReportVersion) -> None:
    """Copy enrolled handwritten signatures into ``version``.

    A preliminary carries its reader's (so a community doctor's travels to the
    center with the report); a final carries the reader's — from the preliminary,
    else as enrolled here — and the signer's; an addendum its signer's."""
    wanted: list[tuple[ImagePurpose, bytes | None]] = []
    if version.kind is VersionKind.PRELIMINARY:
        wanted.append((ImagePurpose.READER_HAND, _enrolled(session, version.author_username)))
    elif version.kind in (VersionKind.FINAL, VersionKind.ADDENDUM):
        reader = reader_of(version.report) if version.kind is VersionKind.FINAL else None
        if reader is not None:
            carried = next((i.data for i in reader.images
                            if i.purpose == ImagePurpose.READER_HAND.value), None)
            wanted.append((ImagePurpose.READER_HAND,
                           carried or _enrolled(session, reader.author_username)))
        wanted.append((ImagePurpose.SIGNER_HAND, _enrolled(session, version.author_username)))
    present = {i.purpose for i in version.images}
    for purpose, png in wanted:
        if png is None or purpose.value in present:
            continue
        version.images.append(ReportImage(
            position=len(version.images) + 1, caption=purpose.value,
            media_type="image/png", data=png, sha256=signatures.sha256_hex(png),
            purpose=purpose.value))


def _enrolled(session: Session, username: str) -> bytes | None:
    row = handwriting_of(session, username)
    return row.png if row is not None else None


def handwriting_fields(version: ReportVersion) -> list[str]:
    """What a signature covers of the handwriting: ``purpose:sha256`` per image."""
    return [f"{i.purpose}:{i.sha256}" for i in version.images
            if i.purpose != ImagePurpose.KEY.value]
