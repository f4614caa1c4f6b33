"""Requisition scans on the registration desk: thumbnails, a large preview, add by file
dialog, drag and drop or a camera; files are read and rendered on a worker."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...registration.scans import ScanError, render_pdf_page
from ...workflow.requisitions import MAX_BYTES, media_type_of
from ..tasks import TaskRunner

LOGGER = logging.getLogger(__name__)
PREVIEW_WIDTH = 1000
THUMB = QSize(66, 88)
SUFFIXES = (".jpg", ".jpeg", ".png", ".pdf")


class ScanProblem(StrEnum):
    """Why a file was not attached (the widget words each one)."""

    NOT_A_SCAN = "not_a_scan"
    TOO_LARGE = "too_large"
    UNREADABLE = "unreadable"


@dataclass
class Scan:
    """One attached requisition: the bytes sent, and a picture to show."""

    name: str
    data: bytes
    media_type: str
    picture: QImage
    page_count: int = 1


def load_scan(path: Path) -> Scan:
    """Read and render one file (runs on a worker: QImage is thread-safe, QPixmap is not).

    Raises ValueError with a problem code from ``ScanProblem``.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValueError(ScanProblem.UNREADABLE) from exc
    return scan_from_bytes(path.name, data)


def scan_from_bytes(name: str, data: bytes) -> Scan:
    kind = media_type_of(data)
    if kind is None:
        raise ValueError(ScanProblem.NOT_A_SCAN)
    if len(data) > MAX_BYTES:
        raise ValueError(ScanProblem.TOO_LARGE)
    if kind == "application/pdf":
        try:
            preview = render_pdf_page(data, width_px=PREVIEW_WIDTH)
        except ScanError as exc:
            raise ValueError(ScanProblem.UNREADABLE) from exc
        picture = QImage.fromData(preview.png, "PNG")
        return Scan(name, data, kind, picture, preview.page_count)
    picture = QImage.fromData(data)
    if picture.isNull():
        raise ValueError(ScanProblem.UNREADABLE)
    if picture.width() > PREVIEW_WIDTH:
        picture = picture.scaledToWidth(PREVIEW_WIDTH, Qt.TransformationMode.SmoothTransformation)
    return Scan(name, data, kind, picture)


def jpeg_bytes(image: QImage, quality: int = 85) -> bytes:
    """A captured frame as JPEG, the way a scanner would deliver it."""
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPG", quality)
    buffer.close()
    return bytes(array.data())


class QtScanStrip(QWidget):
    """The attached scans of the form being filled in."""

    changed = Signal()
    problem = Signal(str)  # a file that could not be attached, in words

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._scans: list[Scan] = []
        self.setAcceptDrops(True)

        self.thumbnails = QListWidget()
        self.thumbnails.setViewMode(QListView.ViewMode.IconMode)
        self.thumbnails.setFlow(QListView.Flow.LeftToRight)
        self.thumbnails.setWrapping(False)
        self.thumbnails.setIconSize(THUMB)
        self.thumbnails.setMovement(QListView.Movement.Static)
        self.thumbnails.setFixedHeight(THUMB.height() + 36)
        self.thumbnails.setSpacing(6)
        self.thumbnails.currentRowChanged.connect(self._show)

        self.add_button = QPushButton(self.tr("Add scan…"))
        self.add_button.clicked.connect(self._choose_files)
        self.camera_button = QPushButton(self.tr("Camera…"))
        self.camera_button.clicked.connect(self._open_camera)
        self.camera_button.setEnabled(bool(_video_inputs()))
        self.camera_button.setToolTip(self.tr("Photograph the request form with a connected "
                                              "camera or document scanner")
                                      if self.camera_button.isEnabled() else
                                      self.tr("No camera is connected"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_current)
        self.remove_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.camera_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)

        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setObjectName("scanPreview")
        self.preview.setWordWrap(True)  # the hint shown while nothing is attached
        self.preview_caption = QLabel()
        self.preview_caption.setObjectName("muted")
        self.preview.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.preview.setMinimumHeight(160)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.thumbnails)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.preview_caption)
        self._show(-1)

    # -- contents ------------------------------------------------------------------------
    def files(self) -> list[tuple[str, bytes]]:
        return [(scan.name, scan.data) for scan in self._scans]

    def count(self) -> int:
        return len(self._scans)

    def clear(self) -> None:
        self._scans.clear()
        self.thumbnails.clear()
        self._show(-1)
        self.changed.emit()

    def add_files(self, paths: list[Path]) -> None:
        """Read ``paths`` on a worker and attach each one that is a scan."""
        for path in paths:
            self._tasks.net(load_scan, path).success(self.add_scan).failure(
                lambda exc, p=path: self._refuse(p.name, exc))

    def add_image(self, image: QImage, name: str = "camera.jpg") -> None:
        """Attach a frame from the camera (JPEG-encoded like a scanner's)."""
        try:
            self.add_scan(scan_from_bytes(name, jpeg_bytes(image)))
        except ValueError as exc:
            self._refuse(name, exc)

    def add_scan(self, scan: Scan) -> None:
        self._scans.append(scan)
        icon = QIcon(QPixmap.fromImage(scan.picture.scaled(
            THUMB, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation)))
        item = QListWidgetItem(icon, _short(scan.name))
        item.setToolTip(scan.name)
        self.thumbnails.addItem(item)
        self.thumbnails.setCurrentRow(self.thumbnails.count() - 1)
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.thumbnails.currentRow()
        if row < 0:
            return
        del self._scans[row]
        self.thumbnails.takeItem(row)
        self._show(self.thumbnails.currentRow())
        self.changed.emit()

    def _refuse(self, name: str, exc: BaseException) -> None:
        code = str(exc.args[0]) if exc.args else ""
        words = {
            ScanProblem.NOT_A_SCAN: self.tr("{name} is not a JPEG, PNG or PDF file."),
            ScanProblem.TOO_LARGE: self.tr("{name} is larger than 5 MB; scan it again at "
                                           "150 dpi."),
        }.get(code, self.tr("{name} cannot be read."))
        LOGGER.warning("requisition %s not attached: %s", name, exc)
        self.problem.emit(words.format(name=name))

    def _show(self, row: int) -> None:
        self.remove_button.setEnabled(row >= 0)
        self.thumbnails.setVisible(bool(self._scans))
        if row < 0 or row >= len(self._scans):
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("No scan attached.\nDrop JPEG, PNG or PDF scans of the "
                                         "request form here (at most 5 MB each)."))
            self.preview_caption.setText("")
            return
        scan = self._scans[row]
        box = self.preview.size() - QSize(8, 8)
        picture = scan.picture
        if picture.width() > box.width() or picture.height() > box.height():
            picture = picture.scaled(box.expandedTo(QSize(120, 120)),
                                     Qt.AspectRatioMode.KeepAspectRatio,
                                     Qt.TransformationMode.SmoothTransformation)
        self.preview.setPixmap(QPixmap.fromImage(picture))
        pages = self.tr("{n} pages, first shown").format(n=scan.page_count) \
            if scan.page_count > 1 else ""
        self.preview_caption.setText(" · ".join(
            part for part in (scan.name, f"{len(scan.data) / 1024:.0f} KB", pages) if part))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show(self.thumbnails.currentRow())  # the whole page fits the preview

    # -- ways in -------------------------------------------------------------------------
    def _choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Attach requisition scans"), "",
            self.tr("Scans (*.jpg *.jpeg *.png *.pdf)"))
        self.add_files([Path(n) for n in names])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls()
                 if url.isLocalFile()]
        self.add_files([p for p in paths if p.suffix.lower() in SUFFIXES] or paths)
        event.acceptProposedAction()

    def _open_camera(self) -> None:
        from .qt_camera import QtCameraDialog  # QtMultimedia's camera only when asked for

        dialog = QtCameraDialog(self)
        dialog.captured.connect(self.add_image)
        dialog.open()


def _video_inputs() -> list[object]:
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return []
    return list(QMediaDevices.videoInputs())


def _short(name: str, limit: int = 14) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"
