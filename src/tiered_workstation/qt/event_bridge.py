"""Re-emit event-bus messages as Qt signals, delivered on the GUI thread.

Services publish from whatever thread they run on (association threads, the
sync worker, the forwarder); widgets connect to these signals and run their
slots on the GUI thread because the bridge lives there.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot

from ..events import Event, EventBus, Subscription
from ..workflow.outbox import TRANSITION_TOPIC


class QtEventBridge(QObject):
    """Signals for the events the desks show."""

    exam_transition = Signal(object)  # Event with an exam.transition payload
    event_received = Signal(object)  # every Event, for the log and alerts
    _incoming = Signal(object)

    def __init__(self, bus: EventBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._incoming.connect(self._dispatch, Qt.ConnectionType.QueuedConnection)
        self._subscription: Subscription | None = bus.subscribe("*", self._incoming.emit)

    @Slot(object)
    def _dispatch(self, event: Event) -> None:
        if event.topic == TRANSITION_TOPIC:
            self.exam_transition.emit(event)
        self.event_received.emit(event)

    def close(self) -> None:
        if self._subscription is not None:
            self._subscription.cancel()
            self._subscription = None
