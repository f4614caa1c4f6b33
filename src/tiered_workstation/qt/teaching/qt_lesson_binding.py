"""The lesson timeline and the real viewer: what the teacher does in the viewer is
recorded as timeline actions, and a timeline's state at any moment drives the viewer.

Both work on the first viewport of a ``QtViewerPage`` (a lesson shows one image at a
time, as the teacher showed it).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF
from PySide6.QtWidgets import QWidget

from ...teaching.timeline import ActionKind, Mark, TimelineRecorder, ViewerState
from ...viewer.annotations import Measurement, Tool
from ...viewer.display import Window
from ..tasks import TaskRunner
from ..viewer.qt_image_view import QtImageView
from ..viewer.qt_viewer_page import QtViewerPage


def lesson_viewer(tasks: TaskRunner, parent: QWidget) -> QtViewerPage:
    """The real viewer, one viewport (what the timeline follows), without the buttons
    that open other files or save marks into the clinical archive."""
    page = QtViewerPage(tasks, parent)
    page.set_hanging_rules([])
    for widget in (page.open_button, page.folder_button, page.layout_box, page.key_button,
                   page.gsps_button):
        widget.hide()
    return page


def series_uid(view: QtImageView) -> str:
    return str(view.image.header.get("SeriesInstanceUID", "")) if view.image else ""


class ViewerTap(QObject):
    """Feeds the first viewport's changes into ``recorder`` (while it records)."""

    def __init__(self, page: QtViewerPage, recorder: TimelineRecorder) -> None:
        super().__init__(page)
        self._page = page
        self._recorder = recorder
        self.replaying = False  # the player is moving the viewer: not the teacher
        view = page.views[0]
        self._zoom, self._pan = view.zoom, (view.pan.x(), view.pan.y())
        view.frame_changed.connect(lambda index: self._record(ActionKind.SLICE, index=index))
        view.window_changed.connect(lambda w: self._record(
            ActionKind.WINDOW, center=float(w.center), width=float(w.width)))
        view.view_changed.connect(self._view_changed)
        view.measurement_added.connect(self._marked)
        view.measurements_changed.connect(self._maybe_cleared)
        page.image_shown.connect(self._shown)

    def begin(self) -> None:
        """The recording starts from what the viewer shows now."""
        view = self._page.views[0]
        self._recorder.start()
        if view.image is None:
            return
        self._recorder.record(ActionKind.SERIES, series=series_uid(view))
        self._recorder.record(ActionKind.SLICE, index=view.frame)
        if view.window is not None:
            self._recorder.record(ActionKind.WINDOW, center=float(view.window.center),
                                  width=float(view.window.width))
        self._recorder.record(ActionKind.ZOOM, factor=float(view.zoom))
        self._recorder.record(ActionKind.PAN, x=view.pan.x(), y=view.pan.y())

    def _record(self, kind: ActionKind, **values: object) -> None:
        if not self.replaying:
            self._recorder.record(kind, **values)

    def _shown(self, viewport: int) -> None:
        if viewport == 0:
            self._record(ActionKind.SERIES, series=series_uid(self._page.views[0]))

    def _view_changed(self) -> None:
        view = self._page.views[0]
        if view.zoom != self._zoom:
            self._zoom = view.zoom
            self._record(ActionKind.ZOOM, factor=float(view.zoom))
        pan = (view.pan.x(), view.pan.y())
        if pan != self._pan:
            self._pan = pan
            self._record(ActionKind.PAN, x=pan[0], y=pan[1])

    def _marked(self, item: Measurement) -> None:
        row, column = item.points[-1] if item.tool is Tool.ARROW else item.points[0]
        self._record(ActionKind.MARK, x=column, y=row, label=item.text, tool=item.tool.value,
                     points=[list(p) for p in item.points], frame=item.frame)

    def _maybe_cleared(self) -> None:
        if not self._page.views[0].measurements:
            self._record(ActionKind.CLEAR)


def drive_viewer(page: QtViewerPage, state: ViewerState) -> bool:
    """Bring the first viewport to ``state``. False while another series is still being
    loaded for it (call again when the page says ``image_shown``)."""
    view = page.views[0]
    if state.series and state.series != series_uid(view):
        uids = [s.series_instance_uid for s in page.series]
        if state.series in uids and page.shown_series(0) != state.series:
            page.show_series(uids.index(state.series), 0)
        return False
    if view.image is None:
        return False
    view.set_frame(state.index)
    if state.center is not None and state.width is not None and (
            view.window is None or (view.window.center, view.window.width)
            != (state.center, state.width)):
        view.set_window(Window(state.center, state.width))
    if view.zoom != state.zoom:
        view.set_zoom(state.zoom)
    if (view.pan.x(), view.pan.y()) != state.pan:
        view.pan = QPointF(*state.pan)
        view.view_changed.emit()
        view.update()
    marks = [_measurement(m) for m in state.marks]
    if marks != view.measurements:
        view.measurements = marks
        view.update()
    return True


def _measurement(mark: Mark) -> Measurement:
    try:
        tool = Tool(mark.tool)
    except ValueError:
        tool = Tool.ARROW
    points = [tuple(p) for p in mark.points] or [(mark.y - 24, mark.x - 24), (mark.y, mark.x)]
    if tool is Tool.TEXT:
        points = points[:1]
    return Measurement(tool, mark.frame, list(points), mark.label)
