"""A small thread-safe publish/subscribe bus.

Services publish what happened (an exam changed state, an image arrived) from
whatever thread they run on; subscribers — the Qt event bridge, the alert
service, the sync worker — receive it on the publishing thread and hand it to
their own thread if they need to.  A failing subscriber is logged and never
breaks the publisher or the other subscribers.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any

LOGGER = logging.getLogger(__name__)

Handler = Callable[["Event"], None]


@dataclass(frozen=True)
class Event:
    """Something that happened, e.g. topic ``exam.transition``.

    ``payload`` holds plain JSON-like values so the event can cross threads and
    sites unchanged.
    """

    topic: str
    payload: Mapping[str, Any] = field(default_factory=dict)
    at: datetime = field(default_factory=lambda: datetime.now(UTC))

    def __post_init__(self) -> None:
        if not self.topic or self.topic != self.topic.strip():
            raise ValueError(f"event topic must be a non-empty dotted name, got {self.topic!r}")
        object.__setattr__(self, "payload", MappingProxyType(dict(self.payload)))


@dataclass(frozen=True)
class Subscription:
    """Handle returned by :meth:`EventBus.subscribe`; call :meth:`cancel` to stop."""

    bus: EventBus
    key: int

    def cancel(self) -> None:
        self.bus._unsubscribe(self.key)


def topic_matches(pattern: str, topic: str) -> bool:
    """``exam.*`` matches ``exam.transition`` and ``exam.x.y``; ``*`` matches all."""
    if pattern == "*":
        return True
    if pattern.endswith(".*"):
        return topic.startswith(pattern[:-1])
    return pattern == topic


class EventBus:
    """Publish events to the handlers subscribed to their topic."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._handlers: dict[int, tuple[str, Handler]] = {}
        self._keys = itertools.count(1)

    def subscribe(self, pattern: str, handler: Handler) -> Subscription:
        """Call ``handler(event)`` for each event whose topic matches ``pattern``."""
        with self._lock:
            key = next(self._keys)
            self._handlers[key] = (pattern, handler)
        return Subscription(self, key)

    def _unsubscribe(self, key: int) -> None:
        with self._lock:
            self._handlers.pop(key, None)

    def publish(self, event: Event) -> int:
        """Deliver ``event``; returns how many handlers received it without error."""
        with self._lock:
            targets = [h for p, h in self._handlers.values() if topic_matches(p, event.topic)]
        delivered = 0
        for handler in targets:
            try:
                handler(event)
            except Exception:
                LOGGER.exception("event handler %r failed on %s", handler, event.topic)
            else:
                delivered += 1
        return delivered

    @property
    def subscriber_count(self) -> int:
        with self._lock:
            return len(self._handlers)
