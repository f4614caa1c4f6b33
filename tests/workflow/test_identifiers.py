"""Accession numbers (unique under concurrency) and UIDs."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from support import register_concurrently
from tiered_workstation.app.bootstrap import Services
from tiered_workstation.workflow.identifiers import (
    format_accession,
    new_uid,
    next_accession_number,
)

UID_RE = r"^[0-2](\.(0|[1-9][0-9]*))*$"


def test_accession_format() -> None:
    assert format_accession("CM01", date(2026, 11, 28), 7) == "CM012611280007"
    assert format_accession("CM01", date(2026, 11, 28), 12345) == "CM0126112812345"
    with pytest.raises(ValueError, match="does not fit"):
        format_accession("CMX01", date(2026, 11, 28), 100000)


def test_sequence_restarts_each_day_and_is_per_site(services: Services) -> None:
    with services.database.transaction() as session:
        a = next_accession_number(session, "CM01", date(2026, 11, 28))
        b = next_accession_number(session, "CM01", date(2026, 11, 28))
        c = next_accession_number(session, "CM01", date(2026, 11, 29))
        d = next_accession_number(session, "CM02", date(2026, 11, 28))
    assert (a, b, c, d) == ("CM012611280001", "CM012611280002", "CM012611290001",
                            "CM022611280001")


@pytest.mark.slow
def test_concurrent_registrations_get_unique_gapless_numbers(services: Services) -> None:
    """8 threads register 25 exams each against one SQLite file, at the same time."""
    register_concurrently(services, threads=8, per_thread=25)


def test_default_uids_are_uuid_derived() -> None:
    uid = new_uid()
    assert uid.startswith("2.25.")
    assert len(uid) <= 64
    assert new_uid() != uid


@given(st.lists(st.integers(min_value=1, max_value=99999), min_size=1, max_size=6))
def test_uids_under_any_root_are_valid_and_fit(components: list[int]) -> None:
    root = "1." + ".".join(str(c) for c in components)
    uid = new_uid(root)
    assert uid.startswith(root + ".")
    assert len(uid) <= 64
    import re

    assert re.match(UID_RE, uid)


def test_bad_uid_root_is_refused() -> None:
    with pytest.raises(ValueError, match="not a dotted numeric"):
        new_uid("1.2.03")
