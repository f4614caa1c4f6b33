"""Opening studies in the viewer page: files, folders, DICOMDIRs, drops and priors,
read on workers and hung by the hanging protocols (a mixin of ``QtViewerPage``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from ...viewer.frames import DecodedImage
from ...viewer.hanging import Rule, choose
from ...viewer.series import Opened, Series, load_stack, open_paths


class ViewerOpening:
    """Reading what the user opens and placing it in the viewports."""

    def open(self, paths: list[str | Path]) -> None:
        """Read the headers of ``paths`` on a worker, then show the first series."""
        self.message.setText(QCoreApplication.translate("QtViewerPage", "Reading…"))
        self._tasks.net(open_paths, paths).success(self._on_opened).failure(self._failed)

    def close_study(self, message: str = "") -> None:
        """Take the open study off the screen (its series, images and marks' list)."""
        self._series = []
        self.marks.opened([])
        self.thumbnails.show_series([])
        for view in self.views:
            view.clear_image()
        self.message.setText(message)

    def _on_opened(self, opened: Opened) -> None:
        if not opened.series:
            self.close_study(
                QCoreApplication.translate("QtViewerPage", "No images were found there.")
            )
            self.opened.emit(opened)
            return
        self._series = opened.series
        self.marks.opened(opened.presentation_states)
        self.thumbnails.show_series(opened.series)
        text = QCoreApplication.translate("QtViewerPage", "%n series", "", len(opened.series))
        if opened.skipped:
            text += " · " + QCoreApplication.translate(
                "QtViewerPage", "%n file(s) skipped (not images)", "", opened.skipped
            )
        self.message.setText(text)
        self.hang(opened.series)
        self.opened.emit(opened)

    def hang(self, series: list[Series]) -> None:
        """Place the study by the first hanging-protocol rule that fits it."""
        hanging = choose(series, self.hanging_rules)
        self.set_layout(hanging.layout)
        for viewport, placement in enumerate(hanging.placements):
            self.show_series(placement.series, viewport, instance=placement.instance)
        self.active = 0
        self._mark_active()

    def show_series(
        self, index: int, viewport: int | None = None, *, instance: int | None = None
    ) -> None:
        if not 0 <= index < len(self._series):
            return
        target = self.active if viewport is None else viewport
        series = self._series[index]
        self._shown[target] = series
        refs = series.instances if instance is None else [series.instances[instance]]
        self._tasks.net(load_stack, [r.path for r in refs]).success(
            lambda image, t=target: self._show(t, image)
        ).failure(self._failed)

    def _show(self, viewport: int, image: DecodedImage) -> None:
        view = self.views[viewport]
        view.set_image(image)
        self.marks.restore(view)
        if viewport == 0:
            self.priors.look_up(image.header)
        if viewport == self.active:
            self._fill_presets()
        self._refresh_overlay(view)
        self.image_shown.emit(viewport)

    def set_hanging_rules(self, rules: list[Rule]) -> None:
        """Hang studies opened from now on by ``rules`` (the site's edited ones)."""
        self.hanging_rules = list(rules)

    def compare_with(self, paths: list[Path]) -> None:
        """Show ``paths`` (a prior) beside the current study, linked."""

        def loaded(opened: Opened) -> None:
            if not opened.series:
                self.message.setText(
                    QCoreApplication.translate("QtViewerPage", "The prior has no images to show.")
                )
                return
            self.set_layout("1x2")
            series = opened.series[0]
            self._tasks.net(load_stack, [r.path for r in series.instances]).success(
                lambda image: (
                    self._show(1, image),
                    self.link_button.setChecked(True),
                    self.message.setText(
                        QCoreApplication.translate(
                            "QtViewerPage", "Prior beside the current study; viewports linked."
                        )
                    ),
                )
            )

        self._tasks.net(open_paths, paths).success(loaded).failure(self._failed)

    def _choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, QCoreApplication.translate("QtViewerPage", "Open DICOM files")
        )
        if names:
            self.open(list(names))

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, QCoreApplication.translate("QtViewerPage", "Open a folder")
        )
        if folder:
            self.open([folder])

    def dragEnterEvent(self, event: object) -> None:
        if event.mimeData().hasUrls():  # type: ignore[attr-defined]
            event.acceptProposedAction()  # type: ignore[attr-defined]

    def dropEvent(self, event: object) -> None:
        urls = event.mimeData().urls()  # type: ignore[attr-defined]
        self.open([url.toLocalFile() for url in urls if url.isLocalFile()])
