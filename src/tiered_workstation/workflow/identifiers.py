"""Accession numbers unique across the consortium, record numbers unique at a site,
and DICOM UIDs."""

from __future__ import annotations

import re
import uuid
from datetime import date

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..storage.exams import AccessionCounter
from ..storage.patients import PatientIdentifier, RecordNumberCounter

MAX_UID_LENGTH = 64
MAX_ACCESSION_LENGTH = 16  # DICOM SH
MAX_RECORD_NUMBER_LENGTH = 64  # DICOM LO (Patient ID)
DEFAULT_RECORD_PATTERN = "{site}{yyyy}{seq:06d}"
_SEQ_RE = re.compile(r"\{seq(:[^{}]*)?\}")
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

    Safe under concurrent registration (see ``_take``); the first number of a day
    retries if another writer created the day's row first.
    """
    key = day.strftime("%y%m%d")
    for _ in range(3):
        value = _take(session, AccessionCounter, site_code=site_code, day=key)
        if value is not None:
            return format_accession(site_code, day, value)
    raise RuntimeError(f"could not reserve an accession number for {site_code} on {key}")


def _take(session: Session, counter: type[AccessionCounter] | type[RecordNumberCounter],
          **key: str) -> int | None:
    """The next value of the counter row ``key`` (created at 1), or None when another
    writer created that row first (the caller tries again).

    Safe under concurrency: the single UPDATE holds the write lock (SQLite, in a
    ``BEGIN IMMEDIATE`` transaction) or the row lock (PostgreSQL) until the caller
    commits, so two registrations never read the same value; the first value
    inserts the row inside a savepoint.
    """
    where = [getattr(counter, name) == value for name, value in key.items()]
    bumped = session.execute(update(counter).where(*where)
                             .values(last_value=counter.last_value + 1)
                             .execution_options(synchronize_session=False))
    if bumped.rowcount == 1:
        return session.scalar(select(counter.last_value).where(*where))
    try:
        with session.begin_nested():
            session.add(counter(last_value=1, **key))
        return 1
    except IntegrityError:
        return None


def _date_parts(site_code: str, day: date) -> dict[str, str]:
    return {"site": site_code, "yyyy": f"{day:%Y}", "yy": f"{day:%y}", "mm": f"{day:%m}"}


def record_number_scope(pattern: str, site_code: str, day: date) -> str:
    """The counter a number of ``pattern`` on ``day`` draws from: the pattern with its
    date parts filled and the sequence as ``#`` (``CM012026#``)."""
    return _SEQ_RE.sub("#", pattern).format(**_date_parts(site_code, day))


def format_record_number(pattern: str, site_code: str, day: date, sequence: int) -> str:
    """``{site}{yyyy}{seq:06d}`` → ``CM01202600001``-style hospital record numbers."""
    number = pattern.format(seq=sequence, **_date_parts(site_code, day))
    if len(number) > MAX_RECORD_NUMBER_LENGTH:
        raise ValueError(f"record number {number!r} is longer than "
                         f"{MAX_RECORD_NUMBER_LENGTH} characters")
    return number


def next_record_number(session: Session, site_code: str, day: date,
                       pattern: str = DEFAULT_RECORD_PATTERN) -> str:
    """Issue the next hospital record number of ``site_code`` by ``pattern``.

    Safe under concurrency the way accession numbers are (``_take``).  A number a
    clerk typed earlier that the pattern would produce again is skipped.
    """
    scope = record_number_scope(pattern, site_code, day)
    for _ in range(1000):
        value = _take(session, RecordNumberCounter, site_code=site_code, scope=scope)
        if value is None:
            continue
        number = format_record_number(pattern, site_code, day, value)
        taken = session.scalar(select(PatientIdentifier.id).where(
            PatientIdentifier.issuer == site_code, PatientIdentifier.value == number))
        if taken is None:
            return number
    raise RuntimeError(f"could not reserve a record number for {site_code} ({scope})")


def record_number_text_problem(value: str) -> str | None:
    """Why a typed record number cannot be a DICOM Patient ID (LO), or None.

    ``"blank"`` for only spaces, ``"characters"`` for a backslash or a control
    character, ``"length"`` for more than 64 characters (outer spaces do not count).
    """
    number = value.strip()
    if value and not number:
        return "blank"
    if any(c == "\\" or ord(c) < 32 or ord(c) == 127 for c in number):
        return "characters"
    if len(number) > MAX_RECORD_NUMBER_LENGTH:
        return "length"
    return None


_PART_RE = re.compile(r"\{(site|yyyy|yy|mm|seq)(?::0?(\d+)d)?\}")
_DIGITS = {"yyyy": r"\d{4}", "yy": r"\d{2}", "mm": r"(0[1-9]|1[0-2])"}


def record_number_shape(pattern: str, site_code: str) -> re.Pattern[str]:
    """A regular expression for the numbers ``pattern`` gives: its literal text and
    site code as they are, its date parts and sequence as digits (a sequence at least
    as wide as its padding: it may outgrow it)."""
    parts, end = [], 0
    for match in _PART_RE.finditer(pattern):
        parts.append(re.escape(pattern[end:match.start()]))
        name, width = match.group(1), match.group(2)
        if name == "site":
            parts.append(re.escape(site_code))
        elif name == "seq":
            parts.append(rf"\d{{{int(width)},}}" if width else r"\d+")
        else:
            parts.append(_DIGITS[name])
        end = match.end()
    parts.append(re.escape(pattern[end:]))
    return re.compile("".join(parts))


def has_record_shape(number: str, pattern: str, site_code: str) -> bool:
    """Whether a typed record number looks like one this site's pattern gives."""
    return record_number_shape(pattern, site_code).fullmatch(number.strip()) is not None
