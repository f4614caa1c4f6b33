"""The 2D viewer page: series thumbnails, 1×1 / 1×2 / 2×2 viewports, tools, window
presets, cine, and corner overlays; files are read and decoded on workers."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...viewer.display import Window
from ...viewer.frames import DecodedImage
from ...viewer.hanging import Rule, choose, load_rules
from ...viewer.linking import linked_frame
from ...viewer.measure import SpacingSource
from ...viewer.overlay import corner_texts, modality_presets
from ...viewer.series import (
    VOLUME_MODALITIES,
    Opened,
    Series,
    Volume,
    load_stack,
    open_paths,
    volume_of,
)
from ..tasks import TaskRunner
from .qt_image_view import QtImageView, Tool
from .qt_mpr_panel import QtMprPanel
from .qt_priors_bar import Fetch, Find, QtPriorsBar
from .qt_study_marks import QtStudyMarks

LOGGER = logging.getLogger(__name__)
LAYOUTS = {"1x1": (1, 1), "1x2": (1, 2), "2x2": (2, 2)}
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


class QtViewerPage(QWidget):
    """Open files or folders; show series side by side; measure."""

    opened = Signal(object)        # Opened
    problem = Signal(str)

    key_image_saved = Signal(object)   # Path of the PNG
    state_saved = Signal(object)       # Path of the presentation state (GSPS)

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None, *,
                 annotations: Path | None = None, hanging_rules: Path | None = None,
                 creator: str = "", uid_root: str = "2.25") -> None:
        super().__init__(parent)
        self._tasks = tasks
        self.views: list[QtImageView] = []
        self.marks = QtStudyMarks(tasks, lambda: self.views, self, folder=annotations,
                                  creator=creator, uid_root=uid_root)
        self.marks.key_image_saved.connect(self.key_image_saved)
        self.marks.state_saved.connect(self.state_saved)
        self.marks.failed.connect(self._failed)
        rules_problem = ""
        try:
            self.hanging_rules = load_rules(hanging_rules)
        except (OSError, ValueError) as exc:  # the site's file: say so, use the shipped rules
            LOGGER.error("hanging protocols in %s not used: %s", hanging_rules, exc)
            rules_problem = self.tr("The site's hanging protocols were not used: {error}")\
                .format(error=exc)
            self.hanging_rules = load_rules()
        self._series: list[Series] = []
        self.active = 0
        self._shown: dict[int, Series] = {}
        self.setAcceptDrops(True)

        self.open_button = QPushButton(self.tr("Open…"))
        self.open_button.clicked.connect(self._choose_files)
        self.folder_button = QPushButton(self.tr("Open folder…"))
        self.folder_button.clicked.connect(self._choose_folder)
        self.layout_box = QComboBox()
        for key in LAYOUTS:
            self.layout_box.addItem(key.replace("x", " × "), key)
        self.layout_box.currentIndexChanged.connect(
            lambda _i: self.set_layout(self.layout_box.currentData()))
        self.tools = QButtonGroup(self)
        self.tools.setExclusive(True)
        tool_row = QHBoxLayout()
        tool_names = {Tool.WINDOW: self.tr("W/L"), Tool.PAN: self.tr("Pan"),
                      Tool.ZOOM: self.tr("Zoom"), Tool.LINE: self.tr("Length"),
                      Tool.ANGLE: self.tr("Angle"), Tool.COBB: self.tr("Cobb"),
                      Tool.RECTANGLE: self.tr("Rectangle"), Tool.ELLIPSE: self.tr("Ellipse"),
                      Tool.ARROW: self.tr("Arrow"), Tool.TEXT: self.tr("Text"),
                      Tool.MAGNIFY: self.tr("Magnifier")}
        self.tool_buttons: dict[Tool, QToolButton] = {}
        for tool, label in tool_names.items():
            button = QToolButton()
            button.setText(label)
            button.setCheckable(True)
            button.setChecked(tool is Tool.WINDOW)
            button.clicked.connect(lambda _c=False, t=tool: self.set_tool(t))
            self.tools.addButton(button)
            self.tool_buttons[tool] = button
            tool_row.addWidget(button)
        self.presets = QComboBox()
        self.presets.setMinimumWidth(170)
        self.presets.activated.connect(self._apply_preset)
        actions = {self.tr("Invert"): lambda: self.view.toggle_invert(),
                   self.tr("Rotate"): lambda: self.view.rotate(90),
                   self.tr("Flip"): lambda: self.view.flip(True),
                   self.tr("Fit"): lambda: self.view.reset_view(),
                   self.tr("1:1"): lambda: self.view.actual_size(),
                   self.tr("Clear"): lambda: self.view.clear_measurements()}
        for label, action in actions.items():
            button = QToolButton()
            button.setText(label)
            button.clicked.connect(action)
            tool_row.addWidget(button)
        self.link_button = QToolButton()
        self.link_button.setText(self.tr("Link"))
        self.link_button.setCheckable(True)
        self.link_button.setToolTip(self.tr("Scroll, zoom, pan and window all viewports "
                                            "together (comparison with a prior)"))
        tool_row.addWidget(self.link_button)
        self._syncing = False
        self.mpr_button = QToolButton()
        self.mpr_button.setText(self.tr("MPR / 3D"))
        self.mpr_button.setCheckable(True)
        self.mpr_button.toggled.connect(self.show_mpr)
        tool_row.addWidget(self.mpr_button)
        self.cine_button = QToolButton()
        self.cine_button.setText(self.tr("Cine"))
        self.cine_button.setCheckable(True)
        self.cine_button.toggled.connect(self._cine)
        tool_row.addWidget(self.cine_button)
        self._cine_timer = QTimer(self)
        self._cine_timer.setInterval(66)  # 15 frames a second
        self._cine_timer.timeout.connect(self._next_frame)

        bar = QHBoxLayout()
        bar.addWidget(self.open_button)
        bar.addWidget(self.folder_button)
        bar.addWidget(self.layout_box)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Window")))
        bar.addWidget(self.presets)
        self.key_button = QPushButton(self.tr("Key image"))
        self.key_button.setToolTip(self.tr("Save the active viewport as shown, with its "
                                           "marks, as a picture for the report"))
        self.key_button.clicked.connect(lambda: self.save_key_image())
        self.gsps_button = QPushButton(self.tr("Save GSPS"))
        self.gsps_button.setToolTip(self.tr("Save the study's marks, window and orientation "
                                            "as a DICOM presentation state other viewers "
                                            "show"))
        self.gsps_button.clicked.connect(lambda: self.export_presentation_state())
        bar.addWidget(self.key_button)
        bar.addWidget(self.gsps_button)
        self.priors = QtPriorsBar(tasks)
        self.priors.fetching.connect(lambda prior: self.message.setText(
            self.tr("Fetching the prior of {date}…").format(date=f"{prior.registered:%Y-%m-%d}")))
        self.priors.fetched.connect(self.compare_with)
        self.priors.failed.connect(self._failed)
        bar.addWidget(self.priors)
        bar.addStretch(1)

        self.thumbnails = QListWidget()
        self.thumbnails.setObjectName("seriesStrip")
        self.thumbnails.setViewMode(QListView.ViewMode.IconMode)
        self.thumbnails.setFlow(QListView.Flow.TopToBottom)
        self.thumbnails.setWrapping(False)
        self.thumbnails.setIconSize(THUMB)
        self.thumbnails.setFixedWidth(THUMB.width() + 44)
        self.thumbnails.setMovement(QListView.Movement.Static)
        self.thumbnails.setWordWrap(True)
        self.thumbnails.setGridSize(QSize(THUMB.width() + 30, THUMB.height() + 62))
        self.thumbnails.itemActivated.connect(lambda item: self.show_series(
            self.thumbnails.row(item)))
        self.thumbnails.itemClicked.connect(lambda item: self.show_series(
            self.thumbnails.row(item)))
        self.message = QLabel(self.tr("Open DICOM files, a folder or a DICOMDIR, or drop them "
                                      "here."))
        self.message.setObjectName("muted")
        if rules_problem:
            self.message.setText(rules_problem)
        self.marks.said.connect(self.message.setText)

        self.grid_holder = QFrame()
        self.grid_holder.setObjectName("viewerGrid")
        self.grid = QGridLayout(self.grid_holder)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(2)
        self.mpr: QtMprPanel | None = None   # built when first asked for
        self.centre = QStackedWidget()
        self.centre.addWidget(self.grid_holder)
        body = QHBoxLayout()
        body.addWidget(self.thumbnails)
        body.addWidget(self.centre, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(bar)
        tools = QHBoxLayout()  # a row of its own, so the page fits a 1440-wide screen
        tools.addLayout(tool_row)
        tools.addStretch(1)
        layout.addLayout(tools)
        layout.addWidget(self.message)
        layout.addLayout(body, 1)
        self.set_layout("1x1")
        for keys, slot in (("PgDown", lambda: self._step(1)), ("PgUp", lambda: self._step(-1)),
                           ("F11", self.toggle_full_screen),
                           ("I", lambda: self.view.toggle_invert()),
                           ("R", lambda: self.view.rotate(90)),
                           ("F", lambda: self.view.reset_view())):
            QShortcut(QKeySequence(keys), self, activated=slot)

    # -- viewports -----------------------------------------------------------------------
    @property
    def view(self) -> QtImageView:
        return self.views[self.active]

    def set_layout(self, key: str) -> None:
        rows, columns = LAYOUTS[key]
        while len(self.views) < rows * columns:
            view = QtImageView()
            view.tool = self.views[0].tool if self.views else Tool.WINDOW
            view.window_changed.connect(lambda _w, v=view: self._changed(v, "window"))
            view.frame_changed.connect(lambda _f, v=view: self._changed(v, "frame"))
            view.view_changed.connect(lambda v=view: self._changed(v, "view"))
            view.installEventFilter(self)
            view.text_requested.connect(lambda r, c, v=view: self._ask_text(v, r, c))
            view.measurements_changed.connect(lambda v=view: self.marks.save(v))
            self.views.append(view)
        for view in self.views:
            self.grid.removeWidget(view)
            view.hide()
        for n in range(rows * columns):
            self.grid.addWidget(self.views[n], n // columns, n % columns)
            self.views[n].show()
        self.active = min(self.active, rows * columns - 1)
        index = self.layout_box.findData(key)
        if index != self.layout_box.currentIndex():
            self.layout_box.setCurrentIndex(index)
        self._mark_active()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QtImageView) and event.type() == QEvent.Type.MouseButtonPress \
                and watched in self.views:
            self.active = self.views.index(watched)
            self._mark_active()
            self._fill_presets()
        return False

    def _mark_active(self) -> None:
        for n, view in enumerate(self.views):
            view.setStyleSheet("border: 2px solid #2b6cb0;" if n == self.active and
                               len([v for v in self.views if v.isVisible()]) > 1 else "")

    def toggle_full_screen(self) -> None:
        """Only the active viewport, on the whole screen; again to come back."""
        window = self.window()
        full = not window.isFullScreen()
        for n, view in enumerate(self.views):
            if n != self.active:
                view.setVisible(not full and n < self._visible_count())
        self.thumbnails.setVisible(not full)
        if full:
            window.showFullScreen()
        else:
            window.showNormal()

    def _visible_count(self) -> int:
        rows, columns = LAYOUTS[self.layout_box.currentData()]
        return rows * columns

    def set_tool(self, tool: Tool) -> None:
        for view in self.views:
            view.tool = tool
        self.tool_buttons[tool].setChecked(True)

    # -- opening -------------------------------------------------------------------------
    def open(self, paths: list[str | Path]) -> None:
        """Read the headers of ``paths`` on a worker, then show the first series."""
        self.message.setText(self.tr("Reading…"))
        self._tasks.net(open_paths, paths).success(self._on_opened).failure(self._failed)

    def _on_opened(self, opened: Opened) -> None:
        self._series = opened.series
        self.marks.opened(opened.presentation_states)
        self.thumbnails.clear()
        for series in opened.series:
            label = f"{series.modality} {series.number or ''}\n{series.description[:18]}\n" + \
                self.tr("%n image(s)", "", series.image_count)
            self.thumbnails.addItem(QListWidgetItem(label))
            self._tasks.net(thumbnail, series).success(self._set_thumbnail).failure(
                partial(self._thumbnail_failed, series))
        if not opened.series:
            self.message.setText(self.tr("No images were found there."))
        else:
            text = self.tr("%n series", "", len(opened.series))
            if opened.skipped:
                text += " · " + self.tr("%n file(s) skipped (not images)", "", opened.skipped)
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

    def show_series(self, index: int, viewport: int | None = None, *,
                    instance: int | None = None) -> None:
        if not 0 <= index < len(self._series):
            return
        target = self.active if viewport is None else viewport
        series = self._series[index]
        self._shown[target] = series
        refs = series.instances if instance is None else [series.instances[instance]]
        self._tasks.net(load_stack, [r.path for r in refs]).success(
            lambda image, t=target: self._show(t, image)).failure(self._failed)

    def _show(self, viewport: int, image: DecodedImage) -> None:
        view = self.views[viewport]
        view.set_image(image)
        self.marks.restore(view)
        if viewport == 0:
            self.priors.look_up(image.header)
        if viewport == self.active:
            self._fill_presets()
        self._refresh_overlay(view)

    def set_hanging_rules(self, rules: list[Rule]) -> None:
        """Hang studies opened from now on by ``rules`` (the site's edited ones)."""
        self.hanging_rules = list(rules)

    # -- priors ----------------------------------------------------------------------------
    def set_state_archive(self, archive: Callable[[Path], Any], root: Path) -> None:
        """Keep a saved presentation state with its study when the study's images come
        from the site's archive under ``root`` (``archive`` runs on the file thread)."""
        self.marks.set_archive(archive, root)

    def set_prior_source(self, find: Find, fetch: Fetch) -> None:
        """How to list an opened patient's priors and get their images (worker calls);
        ``fetch(prior, progress)`` tells ``progress`` each :class:`RetrieveProgress`."""
        self.priors.set_source(find, fetch)

    def compare_with(self, paths: list[Path]) -> None:
        """Show ``paths`` (a prior) beside the current study, linked."""
        def loaded(opened: Opened) -> None:
            if not opened.series:
                self.message.setText(self.tr("The prior has no images to show."))
                return
            self.set_layout("1x2")
            series = opened.series[0]
            self._tasks.net(load_stack, [r.path for r in series.instances]).success(
                lambda image: (self._show(1, image), self.link_button.setChecked(True),
                               self.message.setText(self.tr("Prior beside the current "
                                                            "study; viewports linked."))))
        self._tasks.net(open_paths, paths).success(loaded).failure(self._failed)

    # -- marks (qt_study_marks) -------------------------------------------------------------
    @property
    def annotations(self) -> Path | None:
        """The folder of per-study annotation files (None: not kept)."""
        return self.marks.folder

    @annotations.setter
    def annotations(self, folder: Path | None) -> None:
        self.marks.folder = folder

    @property
    def creator(self) -> str:
        return self.marks.creator

    @creator.setter
    def creator(self, name: str) -> None:
        self.marks.creator = name

    def _ask_text(self, view: QtImageView, row: float, column: float) -> None:
        text, ok = QInputDialog.getText(self, self.tr("Text note"), self.tr("Note:"))
        if ok:
            view.add_text(row, column, text)

    def save_key_image(self) -> Path | None:
        """The active viewport as shown (with measurements) as a PNG for the report."""
        return self.marks.save_key_image(self.view)

    def export_presentation_state(self, path: Path | None = None) -> None:
        """Save the study's marks as DICOM presentation states (on the file thread)."""
        files = {ref.sop_instance_uid: ref.path for s in self._series for ref in s.instances}
        self.marks.export(self.view, files, path)

    def show_mpr(self, on: bool) -> None:
        """Reformat the active viewport's series (CT/MR) into MPR planes and 3D."""
        if not on:
            self.centre.setCurrentWidget(self.grid_holder)
            return
        series = self._shown.get(self.active)
        if series is None or series.modality not in VOLUME_MODALITIES or \
                len(series.instances) < 3:
            self.message.setText(self.tr("MPR and 3D need a CT or MR series of at least "
                                         "three slices in the active viewport."))
            self.mpr_button.setChecked(False)
            return
        if self.mpr is None:
            self.mpr = QtMprPanel(self._tasks)
            self.centre.addWidget(self.mpr)
        self.message.setText(self.tr("Building the volume…"))
        paths = [ref.path for ref in series.instances]
        self._tasks.net(volume_of, paths).success(self._show_volume).failure(self._mpr_failed)

    def _show_volume(self, result: tuple[Volume, DecodedImage]) -> None:
        volume, first = result
        assert self.mpr is not None
        window = self.view.window or first.default_window()
        windows = tuple(first.model.windows) + tuple(modality_presets(
            str(first.header.get("Modality", ""))))
        self.centre.setCurrentWidget(self.mpr)
        self.mpr.set_volume(volume, first.header, windows, window)
        self.message.setText(self.tr("MPR: click a plane to move the crosshair; drag with "
                                     "the right button to zoom."))

    def _mpr_failed(self, exc: BaseException) -> None:
        self.mpr_button.setChecked(False)
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        LOGGER.warning("viewer: %s", exc, exc_info=exc)
        self.message.setText(str(exc))
        self.problem.emit(str(exc))

    def _set_thumbnail(self, result: tuple[Series, QImage]) -> None:
        series, picture = result
        if series in self._series:
            item = self.thumbnails.item(self._series.index(series))
            if item is not None:
                item.setIcon(QIcon(QPixmap.fromImage(picture)))

    def _thumbnail_failed(self, series: Series, error: BaseException) -> None:
        """The series stays listed without a picture; opening it says what is wrong."""
        LOGGER.warning("no thumbnail for series %s: %s", series.number, error)
        if series in self._series:
            item = self.thumbnails.item(self._series.index(series))
            if item is not None:
                item.setToolTip(str(error))

    def _choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Open DICOM files"))
        if names:
            self.open(list(names))

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open a folder"))
        if folder:
            self.open([folder])

    def dragEnterEvent(self, event: object) -> None:
        if event.mimeData().hasUrls():  # type: ignore[attr-defined]
            event.acceptProposedAction()  # type: ignore[attr-defined]

    def dropEvent(self, event: object) -> None:
        urls = event.mimeData().urls()  # type: ignore[attr-defined]
        self.open([url.toLocalFile() for url in urls if url.isLocalFile()])

    # -- windows, frames, overlays ---------------------------------------------------
    def _fill_presets(self) -> None:
        self.presets.clear()
        image = self.view.image
        if image is None:
            return
        windows = list(image.model.windows) + modality_presets(
            str(image.header.get("Modality", "")))
        names = {"Lung": self.tr("Lung"), "Mediastinum": self.tr("Mediastinum"),
                 "Bone": self.tr("Bone"), "Brain": self.tr("Brain"),
                 "Abdomen": self.tr("Abdomen"), "full range": self.tr("Full range")}
        for window in windows:
            label = names.get(window.name, window.name) or \
                f"W {window.width:.0f} / L {window.center:.0f}"
            self.presets.addItem(label, window)

    def _apply_preset(self, index: int) -> None:
        window = self.presets.itemData(index)
        if self.presets.currentIndex() != index:
            self.presets.setCurrentIndex(index)
        if isinstance(window, Window):
            if self.mpr is not None and self.centre.currentWidget() is self.mpr:
                self.mpr.planes[next(iter(self.mpr.planes))].set_window(window)
            else:
                self.view.set_window(window)

    def _step(self, delta: int) -> None:
        self.view.set_frame(self.view.frame + delta)

    def _next_frame(self) -> None:
        view = self.view
        if view.image is not None and view.image.frame_count > 1:
            view.set_frame((view.frame + 1) % view.image.frame_count)

    def _cine(self, on: bool) -> None:
        if on:
            self._cine_timer.start()
        else:
            self._cine_timer.stop()

    def _changed(self, source: QtImageView, what: str) -> None:
        """Refresh the overlay; when linked, make the other viewports follow."""
        self._refresh_overlay(source)
        if self._syncing or not self.link_button.isChecked():
            return
        self._syncing = True
        try:
            for view in self.views:
                if view is source or view.image is None or not view.isVisible():
                    continue
                if what == "window" and source.window is not None:
                    view.set_window(source.window)
                elif what == "frame":
                    view.set_frame(linked_frame(source.image, source.frame, view.image))
                elif what == "view":
                    view.zoom, view.pan, view.rotation = source.zoom, source.pan, \
                        source.rotation
                    view.flip_h, view.flip_v = source.flip_h, source.flip_v
                    view.update()
                self._refresh_overlay(view)
        finally:
            self._syncing = False

    def _refresh_overlay(self, view: QtImageView) -> None:
        if view.image is None or view.window is None:
            return
        spacing = {SpacingSource.PIXEL_SPACING: self.tr("spacing: in patient"),
                   SpacingSource.IMAGER_CORRECTED: self.tr("spacing: detector ÷ magnification"),
                   SpacingSource.IMAGER: self.tr("spacing: at detector"),
                   SpacingSource.NONE: self.tr("no spacing: pixels")}[view.calibration.source]
        texts = corner_texts(view.image.header)
        texts["bl"] = [
            self.tr("W {width:.0f}  L {center:.0f}").format(width=view.window.width,
                                                           center=view.window.center),
            self.tr("Zoom {zoom:.0f}%").format(zoom=view.scale() * 100),
            self.tr("Image {n}/{total}").format(n=view.frame + 1,
                                                total=view.image.frame_count)]
        texts["br"] = [*texts["br"], spacing]
        view.overlay = texts
        view.update()
