"""Arrival alerts: an in-window banner, the tray, a sound, optionally a spoken sentence.

The decision (which events, urgent or not, quiet hours, the sentence) is in
``app/alerts.py``; this module only shows and plays. Without a sound device or
a speech engine the app keeps working and says so once in the log.
"""

from __future__ import annotations

import dataclasses
import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSystemTrayIcon, QWidget

from ..app.alerts import Alert, AlertKind, alert_for, alert_kind_for, in_quiet_hours, spoken_text
from ..app.board import BoardRow
from ..app.bootstrap import Services
from ..events import Event
from .event_bridge import QtEventBridge
from .tasks import TaskRunner

LOGGER = logging.getLogger(__name__)
SOUNDS = Path(__file__).with_name("sounds")
ROUTINE, URGENT = "routine", "urgent"


class QtSoundPlayer(QObject):
    """Plays the routine and urgent WAVs (QtMultimedia); silent, logged once, without a device."""

    def __init__(self, volume: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._effects: dict[str, object] = {}
        self._warned = False
        self.available = True
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError:  # QtMultimedia missing from this Qt build
            self.available = False
            return
        for name in (ROUTINE, URGENT):
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(SOUNDS / f"{name}.wav")))
            effect.setVolume(max(0.0, min(1.0, volume / 100)))
            self._effects[name] = effect

    def play(self, name: str) -> bool:
        effect = self._effects.get(name)
        if effect is None:
            self._warn("QtMultimedia is not available")
            return False
        from PySide6.QtMultimedia import QSoundEffect
        assert isinstance(effect, QSoundEffect)
        if effect.status() == QSoundEffect.Status.Error:
            self._warn("the sound device could not play the alert")
            return False
        effect.play()
        return True

    def _warn(self, why: str) -> None:
        if not self._warned:
            LOGGER.warning("arrival alerts are silent: %s; banners and the tray still show",
                           why)
            self._warned = True


class QtAlertCenter(QObject):
    """Turns exam events into alerts; urgent ones repeat until acknowledged."""

    alert_raised = Signal(object)  # Alert
    sound_requested = Signal(str)  # routine | urgent (whether or not a device plays it)
    speech_requested = Signal(str)
    pending_changed = Signal(int)

    def __init__(self, services: Services, tasks: TaskRunner, bridge: QtEventBridge,
                 parent: QObject | None = None, *, clock=None) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self._settings = services.settings.alerts
        self._clock = clock or (lambda: datetime.now(services.settings.site.tz))
        self._announces_arrivals = services.capabilities.announces_arrivals
        self.pending: list[Alert] = []
        self.player = QtSoundPlayer(self._settings.volume, self)
        self._speech = None
        self.tray: QSystemTrayIcon | None = None
        self._repeat = QTimer(self)
        self._repeat.setInterval(self._settings.repeat_urgent_seconds * 1000)
        self._repeat.timeout.connect(self._repeat_urgent)
        bridge.exam_transition.connect(self._on_transition)

    def attach_tray(self, tray: QSystemTrayIcon | None) -> None:
        self.tray = tray

    def _on_transition(self, event: Event) -> None:
        kind = alert_kind_for(self._services.settings.site, self._announces_arrivals,
                              event.payload)
        exam_id = event.payload.get("exam_id")
        if kind is None or not isinstance(exam_id, int):
            return
        self._tasks.db(self._services.board_desk.arrival, exam_id).success(
            lambda result, k=kind: self._raise(k, *result))

    def _raise(self, kind: AlertKind, row: BoardRow | None, names: dict[str, str]) -> None:
        if row is None:
            return
        alert = alert_for(kind, row, names.get(row.site_code, row.site_code))
        if any(a.exam_id == alert.exam_id and a.kind is alert.kind for a in self.pending):
            return
        self.pending.append(alert)
        self.alert_raised.emit(alert)
        self.pending_changed.emit(len(self.pending))
        self._announce(alert)
        if alert.urgent and not self._repeat.isActive():
            self._repeat.start()

    def _announce(self, alert: Alert) -> None:
        if self.tray is not None:
            self.tray.showMessage(self.title(alert), self.describe(alert))
        if not self._settings.sound or in_quiet_hours(self._settings, self._clock().time()):
            return
        sound = URGENT if alert.urgent else ROUTINE
        self.sound_requested.emit(sound)
        self.player.play(sound)
        if self._settings.speech:
            text = spoken_text(alert)
            self.speech_requested.emit(text)
            self._say(text)

    def _say(self, text: str) -> None:
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:
            LOGGER.warning("spoken alerts need QtTextToSpeech, which this Qt lacks")
            return
        if self._speech is None:
            if not QTextToSpeech.availableEngines():
                LOGGER.warning("no speech engine is installed; alerts are not spoken")
                self._settings = dataclasses.replace(self._settings, speech=False)
                return
            self._speech = QTextToSpeech(self)
        self._speech.say(text)

    def _repeat_urgent(self) -> None:
        urgent = [a for a in self.pending if a.urgent]
        if not urgent:
            self._repeat.stop()
            return
        self._announce(urgent[-1])

    def acknowledge(self, exam_id: int | None = None) -> None:
        """Acknowledge one alert (or all): the urgent repeat stops when none is left."""
        self.pending = [a for a in self.pending if exam_id is not None and a.exam_id != exam_id]
        if not any(a.urgent for a in self.pending):
            self._repeat.stop()
        self.pending_changed.emit(len(self.pending))

    def title(self, alert: Alert) -> str:
        if alert.kind is AlertKind.NEW_EXAM:
            return self.tr("Urgent new exam") if alert.urgent else self.tr("New exam")
        return self.tr("Urgent report returned") if alert.urgent else self.tr("Report returned")

    def describe(self, alert: Alert) -> str:
        return self.tr("{patient} · {procedure} · {site}").format(
            patient=alert.patient_name, procedure=alert.procedure, site=alert.site_name)


class QtAlertBanner(QFrame):
    """A strip at the top of the window: the latest alert, how many wait, Acknowledge."""

    def __init__(self, center: QtAlertCenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self._center = center
        self.text = QLabel()
        self.text.setObjectName("bannerText")
        self.acknowledge = QPushButton(self.tr("Acknowledge"))
        self.acknowledge.setObjectName("primary")
        self.acknowledge.clicked.connect(lambda: center.acknowledge())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.acknowledge)
        center.alert_raised.connect(self._show)
        center.pending_changed.connect(self._on_count)
        self.hide()

    def _show(self, alert: Alert) -> None:
        colour = "#b3261e" if alert.urgent else "#1d6fb8"
        self.setStyleSheet(f"QFrame#banner {{ background: {colour}; }}"
                           "QLabel#bannerText { color: white; font-weight: 600; }")
        self.text.setText(self.tr("{title}: {detail}").format(
            title=self._center.title(alert), detail=self._center.describe(alert)))
        self.show()

    def _on_count(self, count: int) -> None:
        if count == 0:
            self.hide()
        elif count > 1:
            latest = self._center.pending[-1]
            self.text.setText(self.tr("{title}: {detail}  (+{more} more)").format(
                title=self._center.title(latest), detail=self._center.describe(latest),
                more=count - 1))
