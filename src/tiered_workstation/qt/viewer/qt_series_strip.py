"""The viewer's strip of series: one thumbnail per series, drawn on a worker."""

from __future__ import annotations

import logging
from functools import partial

import numpy as np
from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget

from ...viewer.series import Series, load_stack
from ..tasks import TaskRunner

LOGGER = logging.getLogger(__name__)
THUMB = QSize(88, 88)


def thumbnail(series: Series) -> tuple[Series, QImage]:
    """A small picture of the series' middle image (worker thread: QImage is safe)."""
    middle = series.instances[len(series.instances) // 2]
    image = load_stack([middle.path])
    shown = np.ascontiguousarray(image.display(image.frame_count // 2))
    height, width = shown.shape[:2]
    fmt = QImage.Format.Format_RGB888 if shown.ndim == 3 else QImage.Format.Format_Grayscale8
    picture = QImage(shown.data, width, height, shown.strides[0], fmt).copy()
    return series, picture.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                  Qt.TransformationMode.SmoothTransformation)


class QtSeriesStrip(QListWidget):
    """Lists the opened series top to bottom; ``chosen`` carries a series' index."""

    chosen = Signal(int)

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._series: list[Series] = []
        self.setObjectName("seriesStrip")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.TopToBottom)
        self.setWrapping(False)
        self.setIconSize(THUMB)
        self.setFixedWidth(THUMB.width() + 44)
        self.setMovement(QListView.Movement.Static)
        self.setWordWrap(True)
        self.setGridSize(QSize(THUMB.width() + 30, THUMB.height() + 62))
        self.itemActivated.connect(lambda item: self.chosen.emit(self.row(item)))
        self.itemClicked.connect(lambda item: self.chosen.emit(self.row(item)))

    def show_series(self, series: list[Series]) -> None:
        self._series = list(series)
        self.clear()
        for one in series:
            label = f"{one.modality} {one.number or ''}\n{one.description[:18]}\n" + \
                QCoreApplication.translate("QtViewerPage", "%n image(s)", "", one.image_count)
            self.addItem(QListWidgetItem(label))
            self._tasks.net(thumbnail, one).success(self._set_thumbnail).failure(
                partial(self._thumbnail_failed, one))

    def _set_thumbnail(self, result: tuple[Series, QImage]) -> None:
        series, picture = result
        if series in self._series:
            item = self.item(self._series.index(series))
            if item is not None:
                item.setIcon(QIcon(QPixmap.fromImage(picture)))

    def _thumbnail_failed(self, series: Series, error: BaseException) -> None:
        """The series stays listed without a picture; opening it says what is wrong."""
        LOGGER.warning("no thumbnail for series %s: %s", series.number, error)
        if series in self._series:
            item = self.item(self._series.index(series))
            if item is not None:
                item.setToolTip(str(error))
