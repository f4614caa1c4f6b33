"""Recording a lesson with QtMultimedia: the teacher's voice as AAC, and for a video the
viewer's pictures too, into an MP4 file.

The voice comes from the microphone (``QAudioInput``) or, where there is none (a test, a
demo, a machine without a sound card), from a WAV file fed in real time through
``QAudioBufferInput`` — the same recorder, the same encoder. Video frames are grabs of the
viewer widget sent through ``QVideoFrameInput`` at a steady rate, stamped with the same
clock as the voice, so the pictures stay in step with it.
"""

from __future__ import annotations

import logging
import wave
from pathlib import Path

from PySide6.QtCore import QByteArray, QElapsedTimer, QObject, QTimer, QUrl, Signal
from PySide6.QtMultimedia import (
    QAudioBuffer,
    QAudioBufferInput,
    QAudioFormat,
    QAudioInput,
    QMediaCaptureSession,
    QMediaDevices,
    QMediaFormat,
    QMediaRecorder,
    QVideoFrame,
    QVideoFrameInput,
)
from PySide6.QtWidgets import QWidget

LOGGER = logging.getLogger(__name__)
CHUNK_MS = 50
VIDEO_FPS = 10


class WavFeed(QObject):
    """Plays a 16-bit PCM WAV into a ``QAudioBufferInput`` at the speed of speech, then
    silence until stopped, as a microphone would."""

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        try:
            with wave.open(str(path), "rb") as wav:
                width = wav.getsampwidth()
                self.rate, self.channels = wav.getframerate(), wav.getnchannels()
                self._pcm = wav.readframes(wav.getnframes())
        except (wave.Error, EOFError, OSError) as exc:
            raise ValueError(self.tr("{file} is not a sound file that can be used: "
                                     "{error}").format(file=path.name, error=exc)) from None
        if width != 2:
            raise ValueError(self.tr("{file}: only 16-bit PCM WAV sound can be used.")
                             .format(file=path.name))
        self.input = QAudioBufferInput(self)
        self._format = QAudioFormat()
        self._format.setSampleRate(self.rate)
        self._format.setChannelCount(self.channels)
        self._format.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        self._frame_bytes = 2 * self.channels
        self._sent = 0          # sample frames sent
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setInterval(CHUNK_MS // 2)
        self._timer.timeout.connect(self._push)

    def start(self) -> None:
        self._clock.start()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _push(self) -> None:
        due = self._clock.elapsed() * self.rate // 1000  # sample frames by now
        while self._sent < due:
            count = min(due - self._sent, self.rate * CHUNK_MS // 1000)
            start = self._sent * self._frame_bytes
            data = self._pcm[start:start + count * self._frame_bytes]
            data += bytes(count * self._frame_bytes - len(data))  # past the end: silence
            buffer = QAudioBuffer(QByteArray(data), self._format,
                                  self._sent * 1_000_000 // self.rate)
            if not self.input.sendAudioBuffer(buffer):
                return  # the encoder is busy: the same samples go on the next tick
            self._sent += count


class LessonCapture(QObject):
    """One recording: ``start()``, then ``stop()``; ``finished`` gives the file and its
    duration, ``failed`` says in words what went wrong."""

    finished = Signal(object, int)  # Path, duration in ms
    failed = Signal(str)

    def __init__(self, output: Path, *, picture: QWidget | None = None,
                 wav: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.output = output
        self._picture = picture
        self._session = QMediaCaptureSession(self)
        self._feed: WavFeed | None = None
        if wav is not None:
            self._feed = WavFeed(wav, self)
            self._session.setAudioBufferInput(self._feed.input)
        else:
            device = QMediaDevices.defaultAudioInput()
            if device.isNull():
                raise OSError(self.tr("No microphone was found on this computer."))
            self._session.setAudioInput(QAudioInput(device, self))
        self._video: QVideoFrameInput | None = None
        self._frame_timer = QTimer(self)
        if picture is not None:
            self._video = QVideoFrameInput(self)
            self._session.setVideoFrameInput(self._video)
            self._frame_timer.setInterval(1000 // VIDEO_FPS)
            self._frame_timer.timeout.connect(self._send_frame)
        self.recorder = QMediaRecorder(self)
        self._session.setRecorder(self.recorder)
        media = QMediaFormat(QMediaFormat.FileFormat.MPEG4 if picture is not None
                             else QMediaFormat.FileFormat.Mpeg4Audio)
        media.setAudioCodec(QMediaFormat.AudioCodec.AAC)
        if picture is not None:
            media.setVideoCodec(QMediaFormat.VideoCodec.MPEG4)
        self.recorder.setMediaFormat(media)
        self.recorder.setQuality(QMediaRecorder.Quality.HighQuality)
        self.recorder.setOutputLocation(QUrl.fromLocalFile(str(output)))
        self.recorder.errorOccurred.connect(self._error)
        self.recorder.recorderStateChanged.connect(self._state)
        self._clock = QElapsedTimer()
        self._stopping = False

    def start(self) -> None:
        self.output.parent.mkdir(parents=True, exist_ok=True)
        self._clock.start()
        self.recorder.record()
        if self._feed is not None:
            self._feed.start()
        if self._video is not None:
            self._send_frame()
            self._frame_timer.start()

    def elapsed_ms(self) -> int:
        """Time since the recording started: the lesson timeline's clock."""
        return int(self._clock.elapsed()) if self._clock.isValid() else 0

    @property
    def recording(self) -> bool:
        return self._clock.isValid() and not self._stopping

    def stop(self) -> None:
        if self._stopping:
            return
        self._stopping = True
        self._frame_timer.stop()
        if self._feed is not None:
            self._feed.stop()
        self.recorder.stop()

    def _send_frame(self) -> None:
        assert self._picture is not None
        assert self._video is not None
        image = self._picture.grab().toImage()
        if image.width() % 2 or image.height() % 2:  # the encoder wants even sizes
            image = image.copy(0, 0, image.width() & ~1, image.height() & ~1)
        frame = QVideoFrame(image)
        at = self.elapsed_ms() * 1000
        frame.setStartTime(at)
        frame.setEndTime(at + 1_000_000 // VIDEO_FPS)
        self._video.sendVideoFrame(frame)  # refused while busy: that frame is skipped

    def _state(self, state: QMediaRecorder.RecorderState) -> None:
        if state == QMediaRecorder.RecorderState.StoppedState and self._stopping:
            self.finished.emit(self.output, int(self.recorder.duration()))

    def _error(self, _error: QMediaRecorder.Error, text: str) -> None:
        LOGGER.error("lesson recording to %s failed: %s", self.output, text)
        self._frame_timer.stop()
        if self._feed is not None:
            self._feed.stop()
        self._stopping = True
        self.failed.emit(self.tr("The lesson could not be recorded: {error}").format(
            error=text))
