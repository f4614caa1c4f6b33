"""Signing reports: reviewers' keys, what a signature covers, and checking it.

The signed fields tie the text to the exam and patient (accession number,
Study Instance UID, consortium patient ID), the kind of version (final or
addendum), the signer and the time, and the SHA-256 of every embedded key
image, and — when enrolled — of the reader's and the signer's handwritten
signatures (:mod:`workflow.handwriting`).  Version numbers are left out: each
site numbers its own copies.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..security import pki, signatures
from ..security.passwords import verify_password
from ..security.signatures import SignatureCheck, SignedValue, SigningError
from ..storage.enums import ImagePurpose, Role, VersionKind
from ..storage.exams import Exam
from ..storage.reports import ReportImage, ReportVersion
from ..storage.sites import SigningKey, User
from .actors import Actor
from .audit import record_audit
from .handwriting import attach_handwriting, enroll_handwriting, handwriting_fields

SIGNED_KINDS = (VersionKind.FINAL, VersionKind.ADDENDUM)
# (caption, PNG bytes) of a key image, or (caption, PNG bytes, purpose) from another site
EmbeddedImage = tuple[str, bytes] | tuple[str, bytes, str]


def enroll_signer(session: Session, actor: Actor, username: str, password: str,
                  ca_folder: Path, *, handwriting: bytes | None = None) -> SigningKey:
    """Give a reviewer a signing key protected by their login password, certified by
    the consortium CA in ``ca_folder`` (replaces an earlier key; old signatures stay
    valid, they carry their own certificate), and, when given, enroll the scan of
    their handwritten signature with it."""
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise SigningError(f"There is no user {username!r}.")
    if Role.REVIEWER not in user.roles:
        raise SigningError(f"{user.display_name or username} is not a reviewer; only "
                           "reviewers sign reports.")
    if not verify_password(user.password_hash, password):
        raise SigningError("The password is not this user's login password.")
    private_pem, public = signatures.new_signing_key(password)
    certificate = pki.issue_signer(ca_folder, username, user.display_name, public)
    row = session.scalar(select(SigningKey).where(SigningKey.username == username))
    if row is None:
        row = SigningKey(username=username)
        session.add(row)
    row.private_key_pem = private_pem
    row.certificate_pem = certificate
    row.fingerprint = signatures.fingerprint(certificate)
    session.flush()
    if handwriting is not None:
        enroll_handwriting(session, actor, username, handwriting)
    record_audit(session, actor, "signer.enroll", object_type="user", object_id=username,
                 detail={"fingerprint": row.fingerprint})
    return row


def signing_key_of(session: Session, username: str) -> SigningKey | None:
    return session.scalar(select(SigningKey).where(SigningKey.username == username))


def signed_fields(exam: Exam, version: ReportVersion) -> dict[str, SignedValue]:
    """The values a signature of ``version`` covers (reports signed before handwriting
    was enrolled have no ``handwriting`` field, so their signatures still verify)."""
    fields: dict[str, SignedValue] = {
        "accession_number": exam.accession_number,
        "study_instance_uid": exam.study_instance_uid,
        "patient": exam.patient.consortium_id,
        "kind": version.kind.value,
        "findings": version.findings,
        "impression": version.impression,
        "signer": version.author_username,
        "signed_at": version.created_at.isoformat(timespec="seconds"),
        "images": [image.sha256 for image in version.images
                   if image.purpose == ImagePurpose.KEY.value],
    }
    if hands := handwriting_fields(version):
        fields["handwriting"] = hands
    return fields


def add_images(version: ReportVersion,
               images: Sequence[EmbeddedImage]) -> None:
    """Embed images in a version before it is signed: (caption, PNG bytes) key images, or
    (caption, PNG bytes, purpose) as another site sent them."""
    for position, (caption, data, *purpose) in enumerate(images, start=1):
        version.images.append(ReportImage(
            position=position, caption=caption[:128], media_type="image/png", data=data,
            sha256=signatures.sha256_hex(data),
            purpose=purpose[0] if purpose else ImagePurpose.KEY.value))


def sign_version(session: Session, exam: Exam, version: ReportVersion, actor: Actor,
                 password: str) -> None:
    """Sign ``version`` (final or addendum, written by ``actor``) with their key."""
    if version.kind not in SIGNED_KINDS:
        raise SigningError(f"A {version.kind} version is not signed; only final reports "
                           "and addenda are.")
    if version.author_username != actor.username:
        raise SigningError("Only the author of a final report can sign it.")
    key = signing_key_of(session, actor.username)
    if key is None:
        raise SigningError(f"{actor.label} has no signing key yet; an administrator "
                           "enrolls reviewers with 'tiered-ws users enroll-signer'.")
    attach_handwriting(session, version)
    data = signatures.canonical_bytes(signed_fields(exam, version))
    version.signature = signatures.sign(key.private_key_pem, password, data)
    version.signer_certificate = key.certificate_pem
    session.flush()
    record_audit(session, actor, f"report.sign_{version.kind.value}", object_type="exam",
                 object_id=exam.accession_number, detail={"fingerprint": key.fingerprint})


def check_version(exam: Exam, version: ReportVersion,
                  ca_certificate: bytes | None) -> SignatureCheck:
    """Is ``version`` signed, unaltered, by someone the consortium CA certified?"""
    if not version.signature or not version.signer_certificate:
        return SignatureCheck(False, "", "", "the report is not signed")
    if ca_certificate is None:
        return SignatureCheck(False, "", "", "this site has no consortium CA certificate "
                              "to check signatures with")
    data = signatures.canonical_bytes(signed_fields(exam, version))
    return signatures.verify(data, version.signature, version.signer_certificate,
                             ca_certificate, version.created_at)


def signing_time(at: datetime) -> datetime:
    """Signed versions carry whole seconds, so every site serialises the time alike."""
    return at.replace(microsecond=0)


def encode_signature(version: ReportVersion) -> dict[str, object]:
    """The signature, certificate and images of a version, as JSON for another site."""
    return {
        "signature": base64.b64encode(version.signature).decode() if version.signature else None,
        "certificate": version.signer_certificate,
        "images": encode_images(version),
    }


def encode_images(version: ReportVersion) -> list[dict[str, str]]:
    """A version's embedded images (key images, handwriting) as JSON for another site."""
    return [{"caption": i.caption, "media_type": i.media_type,
             "data_base64": base64.b64encode(i.data).decode(), "purpose": i.purpose}
            for i in version.images]
