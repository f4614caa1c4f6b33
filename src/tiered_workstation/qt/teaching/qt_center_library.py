"""The center's teaching library seen from a community: search it online, look at a
case's images fetched on demand, or take cases or a whole course offline, with a
progress bar.  Everything that touches the network runs in a worker; progress
comes back to the GUI thread through a signal.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...app.lesson_relay import LessonRelay
from ...app.teaching_download import DownloadFailed, DownloadProgress, TeachingDownloader
from ...teaching.catalogue import CaseBundle, CaseCard, CourseCard
from ...teaching.library import LibraryQuery
from ..labels import body_part_label
from ..tasks import TaskRunner
from ..widgets import button, row_table

LOGGER = logging.getLogger(__name__)
Downloads = Callable[[Callable[[DownloadProgress], None] | None], TeachingDownloader]


class _Relay(QObject):
    """Carries a worker's progress to the GUI thread (a queued signal)."""

    moved = Signal(object)


def megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


class QtCenterLibrary(QWidget):
    downloaded = Signal(list)  # the UIDs of the cases now kept offline
    visited = Signal(str)      # a case fetched to look at online (images and lessons)

    def __init__(self, downloads: Downloads, tasks: TaskRunner,
                 parent: QWidget | None = None, *,
                 relay: Callable[[], LessonRelay] | None = None) -> None:
        super().__init__(parent)
        self._downloads = downloads
        self._relay_of = relay  # streams the lessons of a case looked at online
        self._tasks = tasks
        self._relay = _Relay(self)
        self._relay.moved.connect(self._moved)
        self.cards: list[CaseCard] = []
        self.courses: list[CourseCard] = []
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Search the center's library"))
        self.text.returnPressed.connect(self.refresh)
        self.search_button = button(self.tr("Search"), self.refresh, primary=True)
        self.table = row_table([self.tr("Title"), self.tr("Body part"), self.tr("Difficulty"),
                                self.tr("Lessons"), self.tr("Size"), self.tr("Here")], 0)
        self.here: set[str] = set()  # the cases already on this computer
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.currentCellChanged.connect(lambda *_: self._enable())
        self.course = QComboBox()
        self.course_button = button(self.tr("Download course"), self.download_course)
        self.online_button = button(self.tr("Look online"), self.look_online)
        self.download_button = button(self.tr("Download for offline"), self.download_case,
                                      primary=True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("hint")
        bar = QHBoxLayout()
        bar.addWidget(self.text, 1)
        bar.addWidget(self.search_button)
        courses = QHBoxLayout()
        courses.addWidget(QLabel(self.tr("Course")))
        courses.addWidget(self.course, 1)
        courses.addWidget(self.course_button)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.online_button)
        actions.addWidget(self.download_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addLayout(courses)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        self._busy = False
        self._enable()
        self.refresh()

    def _use(self, work: Callable[[TeachingDownloader], object]) -> object:
        """Run ``work`` with a downloader of its own (in a worker)."""
        downloader = self._downloads(self._relay.moved.emit)
        try:
            return work(downloader)
        finally:
            downloader.close()

    def refresh(self) -> None:
        query = LibraryQuery(text=self.text.text())
        self.status.setText(self.tr("Asking the center…"))
        self._tasks.net(self._use, lambda d: (d.search(query), d.courses())) \
            .success(self._show).failure(self._failed)

    def _show(self, found: tuple[list[CaseCard], list[CourseCard]]) -> None:
        self.cards, self.courses = found
        self.table.setRowCount(len(self.cards))
        for n, card in enumerate(self.cards):
            values = (card.title, body_part_label(card.body_part), "★" * card.difficulty,
                      str(card.lessons), megabytes(card.bytes))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(n, column, item)
        self._show_here()
        self.course.clear()
        for course in self.courses:
            self.course.addItem(self.tr("{title} · {cases} case(s) · {size}").format(
                title=course.title, cases=len(course.case_uids),
                size=megabytes(course.bytes)), course.uid)
        self.status.setText(self.tr("At the center: {cases} case(s), {courses} course(s).")
                            .format(cases=len(self.cards), courses=len(self.courses)))
        self._enable()

    def mark_here(self, uids: set[str]) -> None:
        """Which of the center's cases this computer already keeps offline."""
        self.here = uids
        self._show_here()

    def _show_here(self) -> None:
        for n, card in enumerate(self.cards):
            item = QTableWidgetItem(self.tr("✓ offline") if card.uid in self.here else "")
            self.table.setItem(n, 5, item)

    def _words(self, error: BaseException) -> str:
        """What went wrong, in the user's language (the details go to the log)."""
        LOGGER.warning("teaching library: %s", error)
        self.status.setToolTip(str(error))
        reason = getattr(error, "reason", "")
        words = {
            DownloadFailed.UNREACHABLE: self.tr("The center cannot be reached."),
            DownloadFailed.REFUSED: self.tr("The center refused the request (the details "
                                            "are in the log)."),
            DownloadFailed.DAMAGED: self.tr("A file of the case arrived damaged or was "
                                            "altered."),
            DownloadFailed.DISK_FULL: self.tr("The disk is full: free some space."),
            DownloadFailed.STORAGE: self.tr("The case could not be stored on this computer "
                                            "(the details are in the log)."),
        }
        return words.get(reason, str(error))

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self.progress.setVisible(False)
        self.status.setText(self.tr("The center's library cannot be used now: {detail}")
                            .format(detail=self._words(error)))
        self._enable()

    def _enable(self) -> None:
        chosen = self.table.currentRow() >= 0 and not self._busy
        self.online_button.setEnabled(chosen)
        self.download_button.setEnabled(chosen)
        self.course_button.setEnabled(bool(self.courses) and not self._busy)
        self.search_button.setEnabled(not self._busy)

    def _chosen(self) -> CaseCard | None:
        row = self.table.currentRow()
        return self.cards[row] if 0 <= row < len(self.cards) else None

    def look_online(self) -> None:
        card = self._chosen()
        if card is not None and card.uid in self.here:  # no need for the network
            self.status.setText(self.tr("“{title}” is on this computer: it opens from the "
                                        "offline copy.").format(title=card.title))
            self.visited.emit(card.uid)
        elif card is not None:
            self.status.setText(self.tr("Fetching the images and lessons of “{title}”…")
                                .format(title=card.title))
            relay = self._relay_of() if self._relay_of else None
            self._tasks.net(self._use, lambda d: d.fetch_online(card.uid, relay)) \
                .success(self._visited).failure(self._failed)

    def _visited(self, bundle: CaseBundle) -> None:
        self.status.setText(self.tr("“{title}” is open online: it is not kept on this "
                                    "computer.").format(title=bundle.title))
        self.visited.emit(bundle.uid)

    def download_case(self) -> None:
        """Download the chosen cases (Ctrl/Shift-click chooses several)."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        uids = [self.cards[row].uid for row in rows if row < len(self.cards)]
        if not uids and self._chosen() is not None:
            uids = [self._chosen().uid]
        if uids:
            self._start(lambda d: d.download_cases(uids))

    def download_course(self) -> None:
        uid = self.course.currentData()
        if uid:
            self._start(lambda d: d.download_course(uid))

    def _start(self, work: Callable[[TeachingDownloader], list[str]]) -> None:
        self._busy = True
        self._enable()
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.status.setText(self.tr("Downloading…"))
        self._tasks.net(self._use, work).success(self._done).failure(self._stopped)

    def _moved(self, progress: DownloadProgress) -> None:
        if progress.bytes_total:
            self.progress.setValue(int(1000 * progress.bytes_done / progress.bytes_total))
        self.progress.setFormat(self.tr("{title}: {done} of {total} · case {case} of {cases}")
                                .format(title=progress.title,
                                        done=megabytes(progress.bytes_done),
                                        total=megabytes(progress.bytes_total),
                                        case=min(progress.cases_done + 1, progress.cases_total),
                                        cases=progress.cases_total))

    def _done(self, uids: list[str]) -> None:
        self._busy = False
        self.progress.setValue(1000)
        self.status.setText(self.tr("{cases} case(s) kept for offline study, encrypted on "
                                    "this computer.").format(cases=len(uids)))
        self._enable()
        self.downloaded.emit(uids)

    def _stopped(self, error: BaseException) -> None:
        self._failed(error)
        self.status.setText(self.tr("The download stopped. {detail} What has arrived is "
                                    "kept: download again to go on from there.")
                            .format(detail=self._words(error)))
