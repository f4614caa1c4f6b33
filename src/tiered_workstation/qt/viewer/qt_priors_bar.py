"""The patient's priors beside the viewer's tools: a list to choose one from, and a
progress bar while the chosen prior comes from the center.

Finding and fetching are calls given by the app (they run on the network pool);
the fetch reports :class:`RetrieveProgress` from its worker, carried to the GUI
thread by a queued signal.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pydicom.dataset import Dataset
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QProgressBar, QWidget

from ...app.priors import Prior, RetrieveProgress, Stage
from ..tasks import TaskRunner

Find = Callable[[Dataset], list[Prior]]
Fetch = Callable[[Prior, Callable[[RetrieveProgress], None]], list[Path]]


class QtPriorsBar(QWidget):
    """Lists an opened patient's priors; fetches the one chosen, showing progress."""

    heard = Signal(object)        # RetrieveProgress, emitted from the worker (queued)
    fetching = Signal(object)     # the Prior asked for
    fetched = Signal(list)        # its files, archived here
    failed = Signal(object)       # the exception, with its words

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._find: Find | None = None
        self._fetch: Fetch | None = None
        self.box = QComboBox()
        self.box.setMinimumWidth(220)
        self.box.activated.connect(self._chosen)
        self.progress = QProgressBar()
        self.progress.setMinimumWidth(260)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.heard.connect(self.show_progress)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.progress)
        self.hide()

    def set_source(self, find: Find, fetch: Fetch) -> None:
        self._find, self._fetch = find, fetch

    def look_up(self, header: Dataset) -> None:
        """List the priors of the patient ``header`` shows (on a worker)."""
        if self._find is not None:
            self._tasks.net(self._find, header).success(self.show_priors)

    def show_priors(self, priors: list[Prior]) -> None:
        self.box.clear()
        self.box.addItem(self.tr("%n prior(s)…", "", len(priors)), None)
        for prior in priors:
            self.box.addItem(f"{prior.registered:%Y-%m-%d}  {prior.description}  "
                             f"({prior.site_code})", prior)
        self.setVisible(bool(priors))

    def _chosen(self, index: int) -> None:
        prior = self.box.itemData(index)
        if prior is None or self._fetch is None:
            return
        self.fetching.emit(prior)
        self.box.setEnabled(False)
        self.box.hide()              # the progress bar takes its place meanwhile
        self.show_progress(RetrieveProgress(Stage.ASKING))

        def done() -> None:
            self.progress.hide()
            self.box.setEnabled(True)
            self.box.show()

        def succeeded(paths: list[Path]) -> None:
            done()
            self.fetched.emit(paths)

        def refused(exc: BaseException) -> None:
            done()
            self.failed.emit(exc)
        self._tasks.net(self._fetch, prior, self.heard.emit).success(succeeded).failure(
            refused)

    def show_progress(self, progress: RetrieveProgress) -> None:
        """Where the retrieval is: asking (busy), images sent, images archived."""
        bar = self.progress
        bar.show()
        if progress.total <= 0:
            bar.setRange(0, 0)      # busy: the center has not said how many yet
            bar.setFormat(self.tr("Asking the center…"))
            return
        bar.setRange(0, progress.total)
        bar.setValue(min(progress.done, progress.total))
        if progress.stage is Stage.SENDING:
            text = self.tr("Center sent {done} of {total} images")
        else:
            text = self.tr("Archived {done} of {total} images")
        bar.setFormat(text.format(done=progress.done, total=progress.total))
