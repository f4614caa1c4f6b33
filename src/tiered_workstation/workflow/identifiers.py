"""Accession numbers unique across the consortium, and DICOM UIDs."""

from __future__ import annotations

import re
import uuid
from datetime import date

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..storage.exams import AccessionCounter

MAX_UID_LENGTH = 64
MAX_ACCESSION_LENGTH = 16  # DICOM SH
_UID_RE = re.compile(r"^[0-2](\.(0|[1-9][0-9]*))*$")


def new_uid(root: str = "2.25") -> str:
    """A new UID under ``root``.

    The default root ``2.25`` gives UUID-derived UIDs (PS3.5 B.2), unique
    without a registered root; a site with its own root gets ``root.<digits>``
    with as many random digits as fit in 64 characters.
    """
    if not _UID_RE.match(root):
        raise ValueError(f"UID root {root!r} is not a dotted numeric UID")
    digits = str(uuid.uuid4().int)
    room = MAX_UID_LENGTH - len(root) - 1
    if room < 10:
        raise ValueError(f"UID root {root!r} leaves too little room for unique UIDs")
    return f"{root}.{digits[:room]}"


def format_accession(site_code: str, day: date, sequence: int) -> str:
    """``CM01`` + ``261128`` + ``0001``: site prefix, local date, daily sequence."""
    number = f"{site_code}{day:%y%m%d}{sequence:04d}"
    if len(number) > MAX_ACCESSION_LENGTH:
        raise ValueError(f"accession sequence {sequence} for site {site_code} on {day} "
                         f"does not fit in {MAX_ACCESSION_LENGTH} characters")
    return number


def next_accession_number(session: Session, site_code: str, day: date) -> str:
    """Issue the next accession number of ``site_code`` for ``day``.

    Safe under concurrent registration: the counter row is incremented with a
    single UPDATE, which holds the write lock (SQLite, in a ``BEGIN IMMEDIATE``
    transaction) or the row lock (PostgreSQL) until the caller commits, so two
    registrations can never read the same value.  The first number of a day
    inserts the row inside a savepoint and retries if another writer won.
    """
    key = day.strftime("%y%m%d")
    where = (AccessionCounter.site_code == site_code, AccessionCounter.day == key)
    for _ in range(3):
        bumped = session.execute(
            update(AccessionCounter).where(*where)
            .values(last_value=AccessionCounter.last_value + 1)
            .execution_options(synchronize_session=False))
        if bumped.rowcount == 1:
            value = session.scalar(select(AccessionCounter.last_value).where(*where))
            assert value is not None
            return format_accession(site_code, day, value)
        try:
            with session.begin_nested():
                session.add(AccessionCounter(site_code=site_code, day=key, last_value=1))
            return format_accession(site_code, day, 1)
        except IntegrityError:
            continue
    raise RuntimeError(f"could not reserve an accession number for {site_code} on {key}")
