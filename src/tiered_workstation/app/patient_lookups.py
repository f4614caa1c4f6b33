"""Where returning-patient lookups are answered: this site's database and the center's API."""

from __future__ import annotations

from collections.abc import Callable

from ..config import Settings, SiteMode
from ..registration.returning import CenterUnreachable, Lookup, ReturningPatients
from ..storage.database import Database
from ..sync import history
from ..sync.client import SyncClient, SyncRejected, SyncUnavailable
from ..sync.schemas import PatientHistory


def local_patients(database: Database) -> Callable[[Lookup], list[PatientHistory]]:
    def lookup(query: Lookup) -> list[PatientHistory]:
        with database.session() as session:
            return history.lookup(session, national_id=query.national_id, name=query.name,
                                  birth_date=query.birth_date)
    return lookup


def center_patients(settings: Settings, *, timeout: float = 5.0
                    ) -> Callable[[Lookup], list[PatientHistory]] | None:
    """The center's lookup for a community that knows its center's URL (else None)."""
    if settings.site.mode is not SiteMode.COMMUNITY or not settings.sync.center_url:
        return None
    url, tls = settings.sync.center_url, settings.dicom.tls

    def lookup(query: Lookup) -> list[PatientHistory]:
        try:
            client = SyncClient(url, tls, timeout=timeout)
            try:
                return client.lookup(national_id=query.national_id, name=query.name,
                                     birth_date=query.birth_date)
            finally:
                client.close()
        except (SyncUnavailable, SyncRejected, ValueError, OSError) as exc:
            raise CenterUnreachable(str(exc)) from exc
    return lookup


def returning_patients(settings: Settings, database: Database, *,
                       timeout: float = 5.0) -> ReturningPatients[PatientHistory]:
    return ReturningPatients(local_patients(database),
                             center_patients(settings, timeout=timeout))
