"""The ONE place that reads the configuration and the mode and builds services.

Tests call :func:`bootstrap` with temporary settings; the CLI and (later) the
GUI call :func:`open_site`.  Nothing else creates engines, sessions or workers.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..config import (
    ForwarderSettings,
    NodeSettings,
    PeerKind,
    PrinterSettings,
    SealerSettings,
    Settings,
    SiteMode,
    load_settings,
)
from ..dicom.forward import Forwarder
from ..dicom.node import DicomNode
from ..events import EventBus
from ..printing.auto_print import AutoPrinter
from ..printing.desk import PrintDesk
from ..registration.desk import RegistrationDesk
from ..registration.returning import ReturningPatients
from ..registration.service import RegistrationPolicy, RequisitionStore
from ..review.desk import ReadingDesk, TriageDesk
from ..storage.archive import DicomArchive
from ..storage.base import utcnow
from ..storage.database import Database
from ..storage.enums import ReadingMode
from ..sync.client import SyncClient
from ..sync.schemas import PatientHistory
from ..sync.site_sync import SiteSync, sealer_for
from ..teaching.desk import TeachingDesk
from ..teaching.offline import PURPOSE as OFFLINE_PURPOSE
from ..teaching.offline import OfflineVault
from ..workflow.actors import Actor
from ..workflow.machine import ExamWorkflow, LocalSite
from .board import BoardDesk
from .lesson_relay import LessonRelay
from .patient_lookups import returning_patients
from .ports import running_node
from .teaching_api import teaching_router
from .teaching_download import DownloadProgress, TeachingDownloader
from .upgrades import SiteNotReadyError, prepare_schema

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class Capabilities:
    """What this site's desks and services do, derived from its mode.

    Widgets and services ask these questions instead of testing the mode.
    """

    registers_patients: bool
    serves_local_worklist: bool
    forwards_images: bool
    writes_preliminary_reports: bool
    triages_and_assigns: bool
    reviews_and_signs: bool
    runs_sync_api: bool
    follows_center_feed: bool
    prints_reports: bool
    announces_arrivals: bool  # alerts on community exams arriving (else on returned reports)

    @classmethod
    def for_mode(cls, mode: SiteMode) -> Capabilities:
        center = mode is SiteMode.CENTER
        return cls(
            registers_patients=True,
            serves_local_worklist=True,
            forwards_images=not center,
            writes_preliminary_reports=True,
            triages_and_assigns=center,
            reviews_and_signs=center,
            runs_sync_api=center,
            follows_center_feed=not center,
            prints_reports=True,
            announces_arrivals=center,
        )


@dataclass
class Services:
    """Everything a running site uses, built once."""

    settings: Settings
    capabilities: Capabilities
    bus: EventBus
    database: Database
    workflow: ExamWorkflow
    registration: RegistrationPolicy
    archive: DicomArchive
    node: DicomNode
    sync: SiteSync
    forwarder: Forwarder | None = None
    printer: AutoPrinter | None = None
    vault: OfflineVault | None = None  # opens the teaching cases downloaded for offline use
    relay: LessonRelay | None = None   # streams the center's lessons to the player

    def start(self, *, long_poll_seconds: float = 25.0) -> None:
        """Start the node, sync and forwarder (what `tiered-ws node` runs)."""
        self.node.start()
        self.sync.start(long_poll_seconds=long_poll_seconds)
        if self.forwarder is not None:
            self.forwarder.start()
        if self.printer is not None:
            self.printer.start()

    @property
    def requisitions(self) -> RequisitionStore:
        return RequisitionStore(self.settings.data_dir / "requisitions", self.sync.sealer)

    # -- the desks' use cases, each built with exactly what it needs ----------------------
    @property
    def registration_desk(self) -> RegistrationDesk:
        return RegistrationDesk(self.database, self.workflow, self.registration,
                                self.requisitions)

    @property
    def returning(self) -> ReturningPatients[PatientHistory]:
        return returning_patients(self.settings, self.database)

    @property
    def reading_desk(self) -> ReadingDesk:
        return ReadingDesk(self.database, self.workflow, self.sync.sealer)

    @property
    def teaching_desk(self) -> TeachingDesk:
        site = self.settings.site
        return TeachingDesk(self.database, self.settings.archive_dir, self.teaching_dir,
                            center=site.center if site.mode is SiteMode.COMMUNITY else None,
                            vault=self.vault)

    def teaching_downloader(self, actor: Actor, on_progress: Callable[[DownloadProgress], None]
                            | None = None) -> TeachingDownloader:
        """Browse the center's library and take cases offline (a community with sync);
        close it after use."""
        settings = self.settings
        if not (settings.sync.center_url and settings.site.center and self.vault):
            raise SiteNotReadyError("This site has no center to learn from "
                                    "(sync.center_url in site.toml).")
        return TeachingDownloader(self.database, SyncClient(settings.sync.center_url,
                                                            settings.dicom.tls),
                                  self.vault, settings.site.center,
                                  actor, on_progress)

    def lesson_relay(self) -> LessonRelay:
        """The relay that streams the center's lessons (made on first use)."""
        if self.relay is None:
            self.relay = LessonRelay(SyncClient(self.settings.sync.center_url,
                                                self.settings.dicom.tls))
        return self.relay

    @property
    def teaching_dir(self) -> Path:
        return self.settings.data_dir / "teaching"

    @property
    def triage_desk(self) -> TriageDesk:
        return TriageDesk(self.database, self.workflow)

    @property
    def board_desk(self) -> BoardDesk:
        return BoardDesk(self.database)

    @property
    def print_desk(self) -> PrintDesk:
        print_due = self.printer.queue.run_due if self.printer is not None else None
        return PrintDesk(self.database, self.settings.site.code, print_due)

    def close(self) -> None:
        if self.printer is not None:
            self.printer.stop()
        if self.forwarder is not None:
            self.forwarder.stop()
        self.sync.stop()
        self.node.stop()
        if self.vault is not None:
            self.vault.close()
        if self.relay is not None:
            self.relay.close()
        self.database.dispose()

    def __enter__(self) -> Services:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def bootstrap(settings: Settings, *, bus: EventBus | None = None,
              clock: Callable[[], datetime] = utcnow, require_schema: bool = True) -> Services:
    """Build the services of ``settings``' site.

    With ``require_schema`` the database must exist; one left by an older version
    is backed up and migrated (:mod:`.upgrades`); otherwise a clear error says so.
    """
    bus = bus or EventBus()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    database = Database(settings.database_url, bus)
    if require_schema:
        prepare_schema(database, settings.data_dir, running=lambda: running_node(settings))
    site = settings.site
    workflow = ExamWorkflow(
        LocalSite(code=site.code, is_center=site.mode is SiteMode.CENTER,
                  center_code=site.center),
        clock=clock)
    registration = RegistrationPolicy(
        site_code=site.code, timezone=site.tz, uid_root=settings.uid_root,
        default_reading_mode=ReadingMode(settings.workflow.default_reading_mode),
        overload_threshold=settings.workflow.overload_threshold,
        record_number_pattern=settings.registration.record_number)
    archive = DicomArchive(settings.archive_dir)
    node = DicomNode(NodeSettings.of(settings), database, workflow, archive)
    sealer = sealer_for(SealerSettings.of(settings))
    teaching_dir = settings.data_dir / "teaching"
    routers = (teaching_router(database, teaching_dir, site.code),) \
        if site.mode is SiteMode.CENTER else ()
    sync = SiteSync(settings, database, workflow, bus, sealer, routers=routers)
    forwarder = None
    if site.mode is SiteMode.COMMUNITY and any(
            p.kind is PeerKind.NODE and p.site == site.center for p in settings.peers):
        forwarder = Forwarder(ForwarderSettings.of(settings), database, archive, workflow,
                              clock=clock)
    printer = AutoPrinter(PrinterSettings.of(settings), database, workflow, bus=bus,
                          clock=clock) \
        if site.mode is SiteMode.COMMUNITY else None
    return Services(settings=settings, capabilities=Capabilities.for_mode(site.mode), bus=bus,
                    database=database, workflow=workflow, registration=registration,
                    archive=archive, node=node, sync=sync, forwarder=forwarder,
                    printer=printer,
                    vault=OfflineVault(teaching_dir, sealer.derive(OFFLINE_PURPOSE)))


def read_settings(config_path: str | Path | None = None) -> Settings:
    """The site's settings (``--config`` / ``TW_CONFIG`` / ./site.toml), validated.

    The one place the program reads ``site.toml``: the CLI, the desktop app and
    the demos all come through here or :func:`open_site`.
    """
    return load_settings(config_path)


def open_database(settings: Settings) -> Database:
    """The site's database alone, for schema work (``db upgrade``, ``init``) before a
    site has services; the caller disposes of it."""
    return Database(settings.database_url)


def open_site(config_path: str | Path | None = None, *, require_schema: bool = True) -> Services:
    """Read the configuration and bootstrap the site's services."""
    return bootstrap(read_settings(config_path), require_schema=require_schema)
