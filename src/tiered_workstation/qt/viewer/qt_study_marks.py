"""A study's marks around the viewer: kept per study on the file thread, shown from
presentation states opened with the images, saved as key images and as DICOM
presentation states (GSPS) — kept with the study when its images are archived here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from pydicom import dcmread
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from ...viewer.annotations import (
    Measurement,
    file_form,
    load_annotations,
    merged,
    save_annotations,
    view_form,
)
from ...viewer.gsps import Presentation, StateSet, presentation_states, write_presentation_state
from ...viewer.gsps_read import ReadState, read_presentation_states
from ..tasks import TaskRunner
from .qt_image_view import QtImageView

Views = Callable[[], list[QtImageView]]


def study_uid(view: QtImageView) -> str:
    return str(view.image.header.get("StudyInstanceUID", "")) if view.image else ""


class QtStudyMarks(QObject):
    """Where a viewer's marks are kept, read from and saved to."""

    said = Signal(str)               # a line for the viewer's message
    failed = Signal(object)          # an exception, in words
    key_image_saved = Signal(object)  # Path of the PNG
    state_saved = Signal(object)     # Path of the (first) presentation state written

    def __init__(self, tasks: TaskRunner, views: Views, parent: QWidget, *,
                 folder: Path | None = None, creator: str = "",
                 uid_root: str = "2.25") -> None:
        super().__init__(parent)
        self._tasks, self._views, self._widget = tasks, views, parent
        self.folder = folder          # per-study annotation files (None: not kept)
        self.creator, self.uid_root = creator, uid_root   # who signs a saved GSPS
        self.state = ReadState()      # presentation states opened with the images
        self._archive: Callable[[Path], Any] | None = None
        self._archive_root: Path | None = None

    def set_archive(self, archive: Callable[[Path], Any], root: Path) -> None:
        """Keep a saved state with its study when the study's images come from the
        site's archive under ``root`` (``archive`` runs on the file thread)."""
        self._archive, self._archive_root = archive, root.resolve()

    # -- opening -------------------------------------------------------------------------
    def opened(self, states: list[Path]) -> None:
        """A new set of files is open: forget the old states, read the new ones."""
        self.state = ReadState()
        if states:
            self._tasks.net(read_presentation_states, states).success(self.show_state)

    def restore(self, view: QtImageView) -> None:
        """Show the view's image with its saved marks (read on the file thread) and
        what the open presentation states say about it."""
        image, uid = view.image, study_uid(view)
        if image is None:
            return
        self.apply_state(view)
        if self.folder is None or not uid:
            view.measurements = view_form(self.state.marks, image)
            return

        def show(items: list[Measurement]) -> None:
            if view.image is image:  # still the same image when the file was read
                view.measurements = view_form(merged(items, self.state.marks), image)
                view.update()
        self._tasks.db(load_annotations, self.folder, uid).success(show)

    def show_state(self, state: ReadState) -> None:
        """Presentation states opened with the images: their marks, window, orientation
        and polarity on every viewport showing an image they reference."""
        self.state = state
        for view in self._views():
            if view.image is not None:
                view.measurements = view_form(merged(file_form(view.measurements, view.image),
                                                     state.marks), view.image)
                self.apply_state(view)
        text = self.tr("%n mark(s) from the presentation state of {creator}, {created}, "
                       "shown.", "", len(state.marks))
        self.said.emit(text.format(creator=state.creator.replace("^", " ").strip() or
                                   self.tr("another reader"), created=state.created))

    def apply_state(self, view: QtImageView) -> None:
        image, state = view.image, self.state
        if image is None or not image.instance_uids & (state.images | set(state.windows)):
            return
        shown = image.source(view.frame)[0]
        window = state.windows.get(shown) or next(
            (state.windows[uid] for uid in sorted(image.instance_uids) if uid in state.windows),
            None)
        if window is not None:
            view.set_window(window)
        view.rotation, view.flip_h, view.flip_v = state.rotation, state.flip_horizontal, False
        monochrome1 = str(image.header.get("PhotometricInterpretation", "")) == "MONOCHROME1"
        if view.inverted != (state.inverse != monochrome1):
            view.toggle_invert()
        view.view_changed.emit()
        view.update()

    # -- keeping -------------------------------------------------------------------------
    def save(self, view: QtImageView) -> None:
        """Write the study's annotations on the file thread (one thread: in order)."""
        uid = study_uid(view)
        if self.folder is None or not uid or view.image is None:
            return
        folder = self.folder
        files = view.image.instance_uids
        mine = file_form(list(view.measurements), view.image)

        def write() -> None:
            others = [m for m in load_annotations(folder, uid)
                      if m.sop_instance_uid not in files]
            save_annotations(folder, uid, others + mine)
        self._tasks.db(write).failure(self.failed.emit)

    def save_key_image(self, view: QtImageView) -> Path | None:
        """``view`` as shown (with its marks) as a PNG for the report."""
        uid = study_uid(view)
        if view.image is None or self.folder is None:
            return None
        folder = self.folder / (uid or "unknown")
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"key-{len(list(folder.glob('key-*.png'))) + 1:02d}.png"
        selected, view.selected = view.selected, None   # the picture shows no selection
        picture = view.grab()
        view.selected = selected
        if not picture.save(str(path)):
            self.failed.emit(OSError(f"the key image could not be written to {path}"))
            return None
        for item in view.measurements:
            if item.frame == view.frame:
                item.key_image = True
        self.save(view)
        self.said.emit(self.tr("Key image saved: {path}").format(path=path))
        self.key_image_saved.emit(path)
        return path

    def export(self, view: QtImageView, files: dict[str, Path],
               path: Path | None = None) -> None:
        """Save the study's marks, with the window, inversion, rotation and flip shown, as
        DICOM presentation states (GSPS) other viewers and PACS show; on the file thread.
        ``files`` are the open images' paths by SOP Instance UID."""
        uid = study_uid(view)
        if view.image is None:
            self.said.emit(self.tr("Open a study first."))
            return
        if path is None and self.folder is not None:
            path = self.folder / (uid or "unknown") / f"PR-{datetime.now():%Y%m%d-%H%M%S}.dcm"
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self._widget,
                                                  self.tr("Save presentation state"),
                                                  "annotations-PR.dcm", "DICOM (*.dcm)")
            if not name:
                return
            path = Path(name)
        views = [v for v in self._views() if v.isVisible() and v.image is not None
                 and study_uid(v) == uid]
        marks = [m for v in views if v.image is not None
                 for m in file_form(v.measurements, v.image)]
        windows = {sop: v.window for v in views if v.image is not None and v.window
                   for sop in v.image.instance_uids}
        presentation = Presentation(windows, view.inverted, int(view.rotation), view.flip_h,
                                    view.flip_v)
        folder, creator, root, target = self.folder, self.creator, self.uid_root, path
        keep, archive_root = self._archive, self._archive_root

        def build() -> tuple[list[Path], StateSet, bool]:
            saved = load_annotations(folder, uid) if folder is not None else []
            items = merged(saved, marks)
            wanted = ({m.sop_instance_uid for m in items} | set(windows)) & set(files)
            headers = {sop: dcmread(files[sop], stop_before_pixels=True) for sop in wanted}
            states = presentation_states(items, headers, presentation, creator=creator,
                                         uid_root=root)
            written = [write_presentation_state(
                target if n == 1 else target.with_stem(f"{target.stem}-{n}"), ds)
                for n, ds in enumerate(states.datasets, start=1)]
            if keep is None or archive_root is None or not all(
                    files[sop].resolve().is_relative_to(archive_root) for sop in headers):
                return written, states, False    # images from elsewhere: the files only
            for each in written:
                keep(each)
            return written, states, True
        self._tasks.db(build).success(self._written).failure(self.failed.emit)

    def _written(self, result: tuple[list[Path], StateSet, bool]) -> None:
        paths, states, kept = result
        if kept:
            text = self.tr("Presentation state saved with %n mark(s) and kept with the "
                           "study's images", "", states.annotations)
        else:
            text = self.tr("Presentation state saved with %n mark(s): {path}", "",
                           states.annotations).format(path=", ".join(map(str, paths)))
        if states.left_out:
            text += " · " + self.tr("%n mark(s) on images not open here were left out", "",
                                    states.left_out)
        if states.colour:
            text += " · " + self.tr("%n mark(s) on colour images stay in this viewer's "
                                    "annotations only", "", states.colour)
        self.said.emit(text)
        self.state_saved.emit(paths[0])
