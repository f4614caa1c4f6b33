"""The 2D viewer page: series thumbnails, 1×1 / 1×2 / 2×2 viewports, tools, window
presets, cine, and corner overlays; files are read and decoded on workers."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...viewer.display import Window
from ...viewer.hanging import load_rules
from ...viewer.overlay import window_choices
from ...viewer.series import (
    Series,
)
from ..flow_layout import FlowLayout
from ..tasks import TaskRunner
from .qt_image_view import QtImageView, Tool
from .qt_mpr_panel import QtMprPanel
from .qt_priors_bar import Fetch, Find, QtPriorsBar
from .qt_series_strip import QtSeriesStrip
from .qt_study_marks import QtStudyMarks
from .qt_viewer_mpr import ViewerMpr, follow
from .qt_viewer_opening import ViewerOpening
from .qt_viewer_text import overlay_texts, preset_label
from .qt_viewer_tools import QtViewerTools

LOGGER = logging.getLogger(__name__)
LAYOUTS = {"1x1": (1, 1), "1x2": (1, 2), "2x2": (2, 2)}


class QtViewerPage(ViewerOpening, ViewerMpr, QWidget):
    """Open files or folders; show series side by side; measure."""

    opened = Signal(object)        # Opened
    problem = Signal(str)

    key_image_saved = Signal(object)   # Path of the PNG
    state_saved = Signal(object)       # Path of the presentation state (GSPS)
    image_shown = Signal(int)          # viewport whose new series has just been drawn
    teaching_requested = Signal(str)   # the open study's UID, to become a teaching case

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
        actions = {"invert": (self.tr("Invert"), lambda: self.view.toggle_invert(), "I"),
                   "rotate": (self.tr("Rotate"), lambda: self.view.rotate(90), "R"),
                   "flip": (self.tr("Flip"), lambda: self.view.flip(True), ""),
                   "fit": (self.tr("Fit"), lambda: self.view.reset_view(), "F"),
                   "actual": (self.tr("1:1"), lambda: self.view.actual_size(), ""),
                   "clear": (self.tr("Clear"), lambda: self.view.clear_measurements(), "")}
        self.toolbar = QtViewerTools(actions)
        self.toolbar.tool_chosen.connect(self.set_tool)
        self.tool_buttons = self.toolbar.tool_buttons
        self.link_button = self.toolbar.link_button
        self._syncing = False
        self.mpr_button = self.toolbar.mpr_button
        self.mpr_button.toggled.connect(self.show_mpr)
        self.cine_button = self.toolbar.cine_button
        self.cine_button.toggled.connect(self._cine)
        self.presets = QComboBox()
        self.presets.setMinimumWidth(170)
        self.presets.activated.connect(self._apply_preset)
        self._cine_timer = QTimer(self)
        self._cine_timer.setInterval(66)  # 15 frames a second
        self._cine_timer.timeout.connect(self._next_frame)

        top = QWidget()  # wraps onto two rows where the viewer shares the screen
        bar = FlowLayout(top)
        bar.addWidget(self.open_button)
        bar.addWidget(self.folder_button)
        bar.addWidget(self.layout_box)
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
        self.teaching_button = QPushButton(self.tr("Teaching case…"))
        self.teaching_button.setToolTip(self.tr("Make a de-identified teaching case of this "
                                                "signed exam"))
        self.teaching_button.clicked.connect(self._ask_teaching_case)
        self.teaching_button.setVisible(False)  # shown where the user may make cases
        bar.addWidget(self.key_button)
        bar.addWidget(self.gsps_button)
        bar.addWidget(self.teaching_button)
        self.priors = QtPriorsBar(tasks)
        self.priors.fetching.connect(lambda prior: self.message.setText(
            self.tr("Fetching the prior of {date}…").format(date=f"{prior.registered:%Y-%m-%d}")))
        self.priors.fetched.connect(self.compare_with)
        self.priors.failed.connect(self._failed)
        bar.addWidget(self.priors)

        self.thumbnails = QtSeriesStrip(tasks)
        self.thumbnails.chosen.connect(lambda index: self.show_series(index))
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
        layout.addWidget(top)
        layout.addWidget(self.toolbar)  # a row of its own, so the page fits a 1440-wide screen
        layout.addWidget(self.message)
        layout.addLayout(body, 1)
        self.set_layout("1x1")
        for keys, slot in (("PgDown", lambda: self._step(1)), ("PgUp", lambda: self._step(-1)),
                           ("F11", self.toggle_full_screen),
                           ("I", lambda: self.view.toggle_invert()),
                           ("R", lambda: self.view.rotate(90)),
                           ("F", lambda: self.view.reset_view())):
            QShortcut(QKeySequence(keys), self, activated=slot)

    def _ask_teaching_case(self) -> None:
        if self._series:
            self.teaching_requested.emit(self._series[0].study_instance_uid)

    # -- viewports -----------------------------------------------------------------------
    @property
    def series(self) -> list[Series]:
        """The open study's series, in the order of the strip."""
        return list(self._series)

    def shown_series(self, viewport: int) -> str:
        """The series asked for in ``viewport`` (it may still be loading)."""
        shown = self._shown.get(viewport)
        return shown.series_instance_uid if shown else ""

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
        self.toolbar.show_tool(tool)

    # -- priors ----------------------------------------------------------------------------
    def set_state_archive(self, archive: Callable[[Path], Any], root: Path) -> None:
        """Keep a saved presentation state with its study when the study's images come
        from the site's archive under ``root`` (``archive`` runs on the file thread)."""
        self.marks.set_archive(archive, root)

    def set_prior_source(self, find: Find, fetch: Fetch) -> None:
        """How to list an opened patient's priors and get their images (worker calls);
        ``fetch(prior, progress)`` tells ``progress`` each :class:`RetrieveProgress`."""
        self.priors.set_source(find, fetch)

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

    def _failed(self, exc: BaseException) -> None:
        LOGGER.warning("viewer: %s", exc, exc_info=exc)
        self.message.setText(str(exc))
        self.problem.emit(str(exc))

    # -- windows, frames, overlays ---------------------------------------------------
    def _fill_presets(self) -> None:
        self.presets.clear()
        image = self.view.image
        if image is None:
            return
        for window in window_choices(image):
            self.presets.addItem(preset_label(window), window)

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
            for view in follow(source, self.views, what):
                self._refresh_overlay(view)
        finally:
            self._syncing = False

    def _refresh_overlay(self, view: QtImageView) -> None:
        if view.image is None or view.window is None:
            return
        texts = overlay_texts(view)
        view.overlay = texts
        view.update()
