"""Photograph a request form with a connected camera or document camera (QtMultimedia)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QCamera, QImageCapture, QMediaCaptureSession, QMediaDevices
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class QtCameraDialog(QDialog):
    """Live view of a chosen camera; Capture hands the frame to ``captured``."""

    captured = Signal(QImage)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Photograph the request form"))
        self.resize(800, 640)
        self._devices = list(QMediaDevices.videoInputs())
        self.choice = QComboBox()
        for device in self._devices:
            self.choice.addItem(device.description())
        self.view = QVideoWidget()
        self.message = QLabel()
        self.message.setObjectName("muted")
        self.capture_button = QPushButton(self.tr("Capture"))
        self.capture_button.setObjectName("primary")
        self.capture_button.setDefault(True)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choice, 1)
        buttons.addWidget(self.capture_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        self._session = QMediaCaptureSession(self)
        self._capture = QImageCapture(self)
        self._session.setImageCapture(self._capture)
        self._session.setVideoOutput(self.view)
        self._camera: QCamera | None = None
        self._capture.imageCaptured.connect(self._on_captured)
        self._capture.errorOccurred.connect(
            lambda _id, _error, text: self.message.setText(
                self.tr("The camera could not take the picture: {error}").format(error=text)))
        self.capture_button.clicked.connect(self._capture.capture)
        self.choice.currentIndexChanged.connect(self._use)
        self.finished.connect(self._stop)
        if self._devices:
            self._use(0)
        else:
            self.capture_button.setEnabled(False)
            self.message.setText(self.tr("No camera is connected."))

    def _use(self, index: int) -> None:
        self._stop()
        self._camera = QCamera(self._devices[index], self)
        self._session.setCamera(self._camera)
        self._camera.start()

    def _on_captured(self, _request_id: int, image: QImage) -> None:
        self.captured.emit(image)
        self.message.setText(self.tr("Captured; take another or close."))

    def _stop(self) -> None:
        if self._camera is not None:
            self._camera.stop()
            self._camera.deleteLater()
            self._camera = None
