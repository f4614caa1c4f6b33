"""Returning patients: who the consortium already knows, for the registration desk.

The desk asks its own database first (works offline) and the center's history
API second (the center knows every site's patients).  Matches are by one
identity key: the ID card number, or name together with birth date.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date

from ..config import Settings, SiteMode
from ..storage.database import Database
from ..sync import history
from ..sync.client import SyncClient, SyncRejected, SyncUnavailable
from ..sync.schemas import PatientHistory

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class Lookup:
    national_id: str | None = None
    name: str | None = None
    birth_date: date | None = None

    @property
    def usable(self) -> bool:
        return bool(self.national_id or (self.name and self.birth_date))


@dataclass
class LookupResult:
    """Patients found (the center's view first), and whether the center answered."""

    patients: list[PatientHistory] = field(default_factory=list)
    center_asked: bool = False
    center_error: str = ""


def find_returning(settings: Settings, database: Database, query: Lookup, *,
                   timeout: float = 5.0) -> LookupResult:
    """Known patients matching ``query``: local records merged with the center's."""
    result = LookupResult()
    if not query.usable:
        return result
    with database.session() as session:
        local = history.lookup(session, national_id=query.national_id, name=query.name,
                               birth_date=query.birth_date)
    remote: list[PatientHistory] = []
    if settings.site.mode is SiteMode.COMMUNITY and settings.sync.center_url:
        result.center_asked = True
        try:
            client = SyncClient(settings.sync.center_url, settings.dicom.tls, timeout=timeout)
            try:
                remote = client.lookup(national_id=query.national_id, name=query.name,
                                       birth_date=query.birth_date)
            finally:
                client.close()
        except (SyncUnavailable, SyncRejected, ValueError, OSError) as exc:
            result.center_error = str(exc)
            LOGGER.warning("Returning-patient lookup at the center failed: %s", exc)
    seen: set[str] = set()
    for patient in [*remote, *local]:
        if patient.consortium_id not in seen:
            seen.add(patient.consortium_id)
            result.patients.append(patient)
    return result
