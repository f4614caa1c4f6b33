"""The viewer page's MPR / 3D mode and linked viewports (a mixin of ``QtViewerPage``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...viewer.frames import DecodedImage
from ...viewer.linking import linked_frame
from ...viewer.overlay import window_choices
from ...viewer.series import VOLUME_MODALITIES, Volume, volume_of
from .qt_image_view import QtImageView
from .qt_mpr_panel import QtMprPanel


def follow(source: QtImageView, views: list[QtImageView], what: str) -> list[QtImageView]:
    """Make the other visible viewports follow ``source``'s window, frame or view
    (``what``); returns the viewports that moved."""
    moved = []
    for view in views:
        if view is source or view.image is None or not view.isVisible():
            continue
        if what == "window" and source.window is not None:
            view.set_window(source.window)
        elif what == "frame":
            view.set_frame(linked_frame(source.image, source.frame, view.image))
        elif what == "view":
            view.zoom, view.pan, view.rotation = source.zoom, source.pan, source.rotation
            view.flip_h, view.flip_v = source.flip_h, source.flip_v
            view.update()
        moved.append(view)
    return moved


class ViewerMpr:
    """Reformatting the active viewport's series into MPR planes and 3D."""

    def show_mpr(self, on: bool) -> None:
        """Reformat the active viewport's series (CT/MR) into MPR planes and 3D."""
        if not on:
            self.centre.setCurrentWidget(self.grid_holder)
            return
        series = self._shown.get(self.active)
        if series is None or series.modality not in VOLUME_MODALITIES or len(series.instances) < 3:
            self.message.setText(
                QCoreApplication.translate(
                    "QtViewerPage",
                    "MPR and 3D need a CT or MR series of at least "
                    "three slices in the active viewport.",
                )
            )
            self.mpr_button.setChecked(False)
            return
        if self.mpr is None:
            self.mpr = QtMprPanel(self._tasks)
            self.centre.addWidget(self.mpr)
        self.message.setText(QCoreApplication.translate("QtViewerPage", "Building the volume…"))
        paths = [ref.path for ref in series.instances]
        self._tasks.net(volume_of, paths).success(self._show_volume).failure(self._mpr_failed)

    def _show_volume(self, result: tuple[Volume, DecodedImage]) -> None:
        volume, first = result
        assert self.mpr is not None
        window = self.view.window or first.default_window()
        windows = tuple(window_choices(first))
        self.centre.setCurrentWidget(self.mpr)
        self.mpr.set_volume(volume, first.header, windows, window)
        self.message.setText(
            QCoreApplication.translate(
                "QtViewerPage",
                "MPR: click a plane to move the crosshair; drag with the right button to zoom.",
            )
        )

    def _mpr_failed(self, exc: BaseException) -> None:
        self.mpr_button.setChecked(False)
        self._failed(exc)
