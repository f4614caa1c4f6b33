"""Returning patients: who the consortium already knows, for the registration desk.

The desk asks its own records first (works offline) and the center second (the
center knows every site's patients).  Matches are by one identity key: the ID
card number, or name together with birth date.  Where the answers come from
is wired by the app (``app/patient_lookups.py``): this module only asks and
merges, so registration does not depend on how sites talk.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Generic, Protocol, TypeVar

LOGGER = logging.getLogger(__name__)


class KnownPatient(Protocol):
    @property
    def consortium_id(self) -> str: ...


P = TypeVar("P", bound=KnownPatient)


@dataclass(frozen=True)
class Lookup:
    national_id: str | None = None
    name: str | None = None
    birth_date: date | None = None

    @property
    def usable(self) -> bool:
        return bool(self.national_id or (self.name and self.birth_date))


class CenterUnreachable(Exception):
    """The center could not answer a lookup (the message says why)."""


@dataclass
class LookupResult(Generic[P]):
    """Patients found (the center's view first), and whether the center answered."""

    patients: list[P] = field(default_factory=list)
    center_asked: bool = False
    center_error: str = ""


PatientSource = Callable[[Lookup], Sequence[P]]


class ReturningPatients(Generic[P]):
    """Known patients matching a lookup: this site's records merged with the center's."""

    def __init__(self, local: PatientSource[P], center: PatientSource[P] | None = None) -> None:
        self._local = local
        self._center = center

    @property
    def asks_center(self) -> bool:
        return self._center is not None

    def find(self, query: Lookup) -> LookupResult[P]:
        result: LookupResult[P] = LookupResult()
        if not query.usable:
            return result
        local = list(self._local(query))
        remote: list[P] = []
        if self._center is not None:
            result.center_asked = True
            try:
                remote = list(self._center(query))
            except CenterUnreachable as exc:
                result.center_error = str(exc)
                LOGGER.warning("Returning-patient lookup at the center failed: %s", exc)
        seen: set[str] = set()
        for patient in [*remote, *local]:
            if patient.consortium_id not in seen:
                seen.add(patient.consortium_id)
                result.patients.append(patient)
        return result
