"""Recording a voice lesson with no window: the demo's narration through the same
QtMultimedia recorder the lesson recorder uses (a WAV fed as the microphone)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QEventLoop, QLoggingCategory, QTimer
from PySide6.QtGui import QGuiApplication

from .qt_lesson_capture import LessonCapture

SLACK_MS = 30_000  # beyond the narration's length: the recorder is stuck


@contextmanager
def _quiet_stderr() -> Iterator[None]:
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def record_voice(wav: Path, output: Path, seconds: float) -> tuple[Path, int]:
    """Record ``seconds`` of ``wav`` as an AAC lesson file at ``output``; returns the file
    and the length the recorder reports, in ms."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    QLoggingCategory.setFilterRules("qt.multimedia.*=false")  # not the backends' chatter
    app = QGuiApplication.instance() or QGuiApplication([])
    capture = LessonCapture(output, wav=wav, parent=app)
    loop = QEventLoop()
    problems: list[str] = []
    lengths: list[int] = []
    capture.finished.connect(lambda _path, ms: (lengths.append(ms), loop.quit()))
    capture.failed.connect(lambda text: (problems.append(text), loop.quit()))
    QTimer.singleShot(int(seconds * 1000), capture.stop)
    QTimer.singleShot(int(seconds * 1000) + SLACK_MS,
                      lambda: (problems.append("the recorder did not finish"), loop.quit()))
    with _quiet_stderr():  # FFmpeg's encoder writes its statistics there
        capture.start()
        loop.exec()
    capture.deleteLater()
    if problems or not output.is_file():
        raise RuntimeError(problems[0] if problems else f"{output} was not written")
    return output, lengths[0] if lengths else int(seconds * 1000)
