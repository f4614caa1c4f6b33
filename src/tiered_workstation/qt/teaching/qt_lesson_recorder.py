"""The lesson recorder: the case's images in the real viewer, and Record / Stop.

While recording, the teacher's voice goes to an AAC file (or, for a video lesson, the
viewer's pictures and the voice to an MP4), and every slice, window, zoom, pan and mark
goes onto the lesson's timeline against the recording's clock. Stop keeps the lesson in
a worker (a video is re-encoded there as H.264).
"""

from __future__ import annotations

import logging
import uuid
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...storage.enums import LessonKind
from ...teaching.desk import TeachingDesk
from ...teaching.lessons import LessonDraft, LessonSummary
from ...teaching.library import CaseDetail
from ...teaching.timeline import Timeline, TimelineRecorder
from ...workflow.actors import Actor
from ..tasks import TaskRunner
from ..widgets import button
from .qt_lesson_binding import ViewerTap, lesson_viewer
from .qt_lesson_capture import LessonCapture

LOGGER = logging.getLogger(__name__)


def clock_text(ms: int) -> str:
    seconds = max(ms, 0) // 1000
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


class QtLessonRecorder(QDialog):
    """``voice_file``: a WAV to use as the microphone (no sound card, a demo, a test)."""

    saved = Signal(object)  # LessonSummary

    def __init__(self, desk: TeachingDesk, actor: Actor, case: CaseDetail, tasks: TaskRunner,
                 parent: QWidget | None = None, *, voice_file: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record a lesson: {title}").format(
            title=case.summary.title))
        self.resize(1280, 820)
        self._desk, self._actor, self._case, self._tasks = desk, actor, case, tasks
        self.voice_file = voice_file
        self.viewer = lesson_viewer(tasks, self)
        self.timeline = TimelineRecorder(clock=lambda: self.elapsed_ms() / 1000)
        self.tap = ViewerTap(self.viewer, self.timeline)
        self.capture: LessonCapture | None = None
        self._kept = Timeline()
        self.title = QLineEdit(case.summary.title)
        self.title.setPlaceholderText(self.tr("Lesson title"))
        self.voice = QRadioButton(self.tr("Voice, with the viewer's actions"))
        self.video = QRadioButton(self.tr("Screen-and-voice video"))
        self.voice.setChecked(True)
        self.voice.setToolTip(self.tr("Small and sharp: the learner's viewer follows your "
                                      "scrolling, windowing and marks as you speak"))
        kinds = QButtonGroup(self)
        for choice in (self.voice, self.video):
            kinds.addButton(choice)
        self.record_button = button(self.tr("● Record"), self.record, primary=True)
        self.stop_button = button(self.tr("■ Stop and keep"), self.stop)
        self.stop_button.setEnabled(False)
        self.file_button = button(self.tr("Voice from a file…"), self._choose_voice_file)
        self.clock = QLabel(clock_text(0))
        self.clock.setObjectName("headline")
        self.message = QLabel(self.tr("Scroll, window and mark the images as you speak: "
                                      "the learner's viewer will follow."))
        self.message.setObjectName("muted")
        self.message.setWordWrap(True)
        self._ticker = QTimer(self)
        self._ticker.setInterval(250)
        self._ticker.timeout.connect(lambda: self.clock.setText(clock_text(self.elapsed_ms())))

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Title")))
        bar.addWidget(self.title, 2)
        bar.addWidget(self.voice)
        bar.addWidget(self.video)
        bar.addStretch(1)
        bar.addWidget(self.file_button)
        bar.addWidget(self.clock)
        bar.addWidget(self.record_button)
        bar.addWidget(self.stop_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.viewer, 1)
        tasks.db(desk.files, case.summary.uid).success(self.viewer.open)

    def elapsed_ms(self) -> int:
        return self.capture.elapsed_ms() if self.capture is not None else 0

    @property
    def kind(self) -> LessonKind:
        return LessonKind.VIDEO if self.video.isChecked() else LessonKind.VOICE

    def record(self) -> None:
        suffix = ".mp4" if self.kind is LessonKind.VIDEO else ".m4a"
        output = self._desk.teaching_dir / ".recording" / f"{uuid.uuid4()}{suffix}"
        picture = self.viewer.centre if self.kind is LessonKind.VIDEO else None
        try:
            self.capture = LessonCapture(output, picture=picture, wav=self.voice_file,
                                         parent=self)
        except (OSError, ValueError) as exc:
            self.message.setText(str(exc))
            return
        self.capture.finished.connect(self._recorded)
        self.capture.failed.connect(self._failed)
        self.capture.start()
        self.tap.begin()
        self._ticker.start()
        for widget in (self.record_button, self.voice, self.video, self.file_button):
            widget.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.message.setText(self.tr("Recording… speak, and show what you mean."))

    def stop(self) -> None:
        if self.capture is None or not self.capture.recording:
            return
        self._ticker.stop()
        self.stop_button.setEnabled(False)
        self.message.setText(self.tr("Keeping the lesson…"))
        self._kept = self.timeline.stop()
        self.capture.stop()

    def _recorded(self, path: Path, duration_ms: int) -> None:
        draft = LessonDraft(self._case.summary.uid, self.kind, path, self._kept,
                            duration_ms, self.title.text())
        self._tasks.db(self._desk.save_lesson, self._actor, draft).success(
            self._saved).failure(self._failed)

    def _saved(self, lesson: LessonSummary) -> None:
        self.message.setText(self.tr("Lesson kept: {duration}, {actions} viewer actions.")
                             .format(duration=clock_text(lesson.duration_ms),
                                     actions=lesson.actions))
        self.record_button.setEnabled(True)
        self.saved.emit(lesson)

    def _failed(self, problem: object) -> None:
        LOGGER.error("lesson on %s not kept: %s", self._case.summary.uid, problem)
        self._ticker.stop()
        self.timeline.stop()
        self.message.setText(str(problem))
        for widget in (self.record_button, self.voice, self.video, self.file_button):
            widget.setEnabled(True)
        self.stop_button.setEnabled(False)

    def _choose_voice_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Voice from a file"), "",
                                              self.tr("WAV sound (*.wav)"))
        if name:
            self.voice_file = Path(name)
            self.message.setText(self.tr("The voice will come from {file}.").format(
                file=Path(name).name))

    def closeEvent(self, event: object) -> None:
        self.stop()
        super().closeEvent(event)
