"""Requisition scans (the paper request form) attached to an exam."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from sqlalchemy.orm import Session

from ..storage.exams import Exam, RequisitionAttachment
from ..storage.files import write_atomically
from .errors import WorkflowError

MAX_BYTES = 5 * 1024 * 1024
SIGNATURES = ((b"\xff\xd8\xff", "image/jpeg"), (b"\x89PNG\r\n\x1a\n", "image/png"),
              (b"%PDF-", "application/pdf"))


def media_type_of(data: bytes) -> str | None:
    """JPEG, PNG or PDF by content (the file name may lie)."""
    return next((kind for magic, kind in SIGNATURES if data.startswith(magic)), None)


def _safe_name(filename: str) -> str:
    name = re.sub(r"[^\w.\-]+", "_", Path(filename).name)[:100]
    return name or "requisition"


def attach_requisition(session: Session, exam: Exam, filename: str, data: bytes,
                       folder: Path) -> RequisitionAttachment:
    """Store ``data`` under ``folder``/<accession>/ and record it on the exam."""
    kind = media_type_of(data)
    if kind is None:
        raise WorkflowError(f"Requisition {filename!r} is not a JPEG, PNG or PDF file.")
    if len(data) > MAX_BYTES:
        raise WorkflowError(f"Requisition {filename!r} is {len(data) / 1e6:.1f} MB; scans "
                            f"may be at most {MAX_BYTES // (1024 * 1024)} MB (scan at 150 dpi).")
    digest = hashlib.sha256(data).hexdigest()
    target = folder / exam.accession_number / f"{digest[:12]}-{_safe_name(filename)}"
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(target, lambda handle: handle.write(data))
    attachment = RequisitionAttachment(exam_id=exam.id, filename=_safe_name(filename),
                                       media_type=kind, size_bytes=len(data), sha256=digest,
                                       stored_path=str(target))
    session.add(attachment)
    session.flush()
    return attachment
