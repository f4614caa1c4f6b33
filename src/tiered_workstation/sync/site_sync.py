"""What a site runs to stay in step with the other sites.

A center serves the sync API (when it has a TLS identity).  A community with
``sync.center_url`` delivers its outbox to the center and follows the
center's event feed.  Both are threads, started and stopped with the node.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from fastapi import APIRouter

from ..config import SealerSettings, Settings, SiteMode
from ..events import EventBus
from ..security.sealing import Sealer, key_from_file, key_from_private_key
from ..storage.database import Database
from ..workflow.machine import ExamWorkflow
from .api import ApiDependencies, SyncApiServer
from .client import SyncClient
from .feed import FeedNotifier
from .follower import FeedFollower
from .outbox import OutboxDelivery

LOGGER = logging.getLogger(__name__)


def sealer_for(settings: SealerSettings) -> Sealer:
    """The site's outbox sealing key: from its TLS key, else a key file of its own."""
    if settings.private_key is not None and settings.private_key.is_file():
        return Sealer(key_from_private_key(settings.private_key))
    settings.key_file.parent.mkdir(parents=True, exist_ok=True)
    return Sealer(key_from_file(settings.key_file))


@dataclass
class SiteSync:
    settings: Settings
    database: Database
    workflow: ExamWorkflow
    bus: EventBus
    sealer: Sealer
    api: SyncApiServer | None = None
    client: SyncClient | None = None
    outbox: OutboxDelivery | None = None
    follower: FeedFollower | None = None
    running: bool = field(default=False)
    routers: tuple[APIRouter, ...] = ()  # the features' own API routes, at a center

    @property
    def configured(self) -> bool:
        site = self.settings.site
        if site.mode is SiteMode.CENTER:
            return self.settings.dicom.tls is not None
        return bool(self.settings.sync.center_url and self.settings.dicom.tls and site.center)

    def start(self, *, long_poll_seconds: float = 25.0) -> None:
        if not self.configured or self.running:
            return
        settings = self.settings
        if settings.site.mode is SiteMode.CENTER:
            self.api = SyncApiServer(ApiDependencies(
                settings, self.database, self.workflow, FeedNotifier(self.bus),
                settings.data_dir / "requisitions", self.routers))
            self.api.start()
        else:
            center = settings.site.center
            assert center is not None
            self.client = SyncClient(settings.sync.center_url, settings.dicom.tls)
            self.outbox = OutboxDelivery(self.database, self.client, self.sealer, center,
                                         retry_max_seconds=settings.sync.retry_max_seconds,
                                         bus=self.bus)
            self.follower = FeedFollower(self.database, self.workflow, self.client, center,
                                         settings.data_dir / "sync-cursor",
                                         long_poll_seconds=long_poll_seconds)
            self.outbox.start()
            self.follower.start()
            LOGGER.info("syncing with center %s at %s", center, settings.sync.center_url)
        self.running = True

    def stop(self) -> None:
        for part in (self.follower, self.outbox, self.api):
            if part is not None:
                part.stop()
        if self.client is not None:
            self.client.close()
        self.running = False
