"""Playing a lesson: the teacher's voice, and the real viewer moving in step with it.

A voice lesson drives the viewer from its timeline as the voice plays (and when the
learner drags the position), so the learner sees the case's own pixels, and may window
it differently after the lesson. A video lesson plays its video.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QSlider,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...storage.enums import LessonKind, StudyActivity
from ...teaching.desk import TeachingDesk
from ...teaching.lessons import LessonSummary
from ...teaching.library import CaseDetail
from ...teaching.timeline import Timeline, ViewerState
from ...workflow.actors import Actor
from ..tasks import TaskRunner
from ..widgets import button
from .qt_lesson_binding import drive_viewer, lesson_viewer
from .qt_lesson_recorder import clock_text


class QtLessonPlayer(QDialog):
    def __init__(self, desk: TeachingDesk, actor: Actor, case: CaseDetail,
                 lesson: LessonSummary, tasks: TaskRunner, parent: QWidget | None = None,
                 *, files: list[Path] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lesson: {title}").format(title=lesson.title))
        self.resize(1280, 820)
        self._desk, self._actor, self._case, self._tasks = desk, actor, case, tasks
        self.lesson = lesson
        self.timeline = Timeline()
        self._pending: ViewerState | None = None
        self._recorded = False
        self.viewer = lesson_viewer(tasks, self)
        self.viewer.image_shown.connect(lambda _viewport: self._catch_up())
        self.video = QVideoWidget()
        self.screen = QStackedWidget()
        self.screen.addWidget(self.viewer)
        self.screen.addWidget(self.video)
        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.player.setAudioOutput(self.audio)
        self.player.setVideoOutput(self.video)
        self.player.positionChanged.connect(self.show_moment)
        self.player.durationChanged.connect(lambda ms: self.position.setMaximum(int(ms)))
        self.player.playbackStateChanged.connect(self._state)
        self.player.errorOccurred.connect(
            lambda _e, text: self.message.setText(self.tr("The lesson cannot be played: "
                                                          "{error}").format(error=text)))
        self.play_button = button(self.tr("▶ Play"), self.toggle, primary=True)
        self.position = QSlider(Qt.Orientation.Horizontal)
        self.position.setMaximum(max(lesson.duration_ms, 1))
        self.position.sliderMoved.connect(self.player.setPosition)
        self.clock = QLabel(self._clock_text(0))
        self.message = QLabel(self.tr("By {author} · {actions} viewer actions").format(
            author=lesson.author_name, actions=lesson.actions))
        self.message.setObjectName("muted")
        bar = QHBoxLayout()
        bar.addWidget(self.play_button)
        bar.addWidget(self.position, 1)
        bar.addWidget(self.clock)
        layout = QVBoxLayout(self)
        layout.addWidget(self.screen, 1)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        if lesson.kind is LessonKind.VIDEO:
            self.screen.setCurrentWidget(self.video)
        elif files is not None:
            self.viewer.open(files)
        else:
            tasks.db(desk.files, case.summary.uid).success(self.viewer.open)
        tasks.db(desk.lesson, lesson).success(self._loaded).failure(
            lambda exc: self.message.setText(str(exc)))

    def _loaded(self, found: tuple[Path | str, Timeline]) -> None:
        media, self.timeline = found
        self.player.setSource(QUrl(media) if isinstance(media, str)  # streamed online
                              else QUrl.fromLocalFile(str(media)))
        self.show_moment(0)

    def toggle(self) -> None:
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
            return
        self.player.play()
        if not self._recorded:
            self._recorded = True
            self._tasks.db(self._desk.record, self._actor, self._case.summary.uid,
                           StudyActivity.LESSON, lesson_uid=self.lesson.uid)

    def show_moment(self, ms: int) -> None:
        """Show the lesson as it was at ``ms``: the viewer, the slider and the clock."""
        if not self.position.isSliderDown():
            self.position.setValue(int(ms))
        self.clock.setText(self._clock_text(ms))
        if self.lesson.kind is LessonKind.VOICE:
            state = self.timeline.state_at(int(ms))
            self._pending = None if drive_viewer(self.viewer, state) else state

    def _catch_up(self) -> None:
        if self._pending is not None:
            state, self._pending = self._pending, None
            if not drive_viewer(self.viewer, state):
                self._pending = state

    def _clock_text(self, ms: int) -> str:
        return f"{clock_text(ms)} / {clock_text(self.lesson.duration_ms)}"

    def _state(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState
        self.play_button.setText(self.tr("❚❚ Pause") if playing else self.tr("▶ Play"))

    def closeEvent(self, event: object) -> None:
        self.player.stop()
        super().closeEvent(event)
