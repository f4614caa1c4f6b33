"""The teaching library: search the cases, read one (its report and teaching points),
open its de-identified images in the viewer, or take it as a quiz.

Searching, opening and recording what was studied run in workers.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...storage.enums import LessonKind, StudyActivity
from ...teaching.cases import AUTHORS
from ...teaching.desk import TeachingDesk
from ...teaching.lessons import LessonSummary
from ...teaching.library import CaseDetail, CaseSummary, LibraryQuery
from ...teaching.study import QuizResult
from ...workflow.actors import Actor
from ..labels import body_part_label
from ..qt_login import SignedIn
from ..tasks import TaskRunner
from ..widgets import button, card, row_table
from .qt_center_library import QtCenterLibrary
from .qt_lesson_player import QtLessonPlayer
from .qt_lesson_recorder import QtLessonRecorder, clock_text
from .qt_quiz_panel import QtQuizPanel


class QtLibraryPage(QWidget):
    open_requested = Signal(list)  # the case's files, for the viewer

    def __init__(self, desk: TeachingDesk, session: SignedIn, tasks: TaskRunner,
                 parent: QWidget | None = None, *,
                 center: QtCenterLibrary | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._tasks = tasks
        self.actor = Actor(session.username, session.role, session.site_code,
                           session.display_name)
        self.cases: list[CaseSummary] = []
        self.case: CaseDetail | None = None
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Title, diagnosis or teaching point"))
        self.text.returnPressed.connect(self.search)
        self.body_part = QComboBox()
        self.body_part.addItem(self.tr("All body parts"), "")
        self.difficulty = QComboBox()
        self.difficulty.addItem(self.tr("Any difficulty"), 0)
        for level, label in ((1, self.tr("Basic")), (2, self.tr("Intermediate")),
                             (3, self.tr("Advanced"))):
            self.difficulty.addItem(label, level)
        self.tag = QLineEdit()
        self.tag.setPlaceholderText(self.tr("Tag"))
        self.author = QLineEdit()
        self.author.setPlaceholderText(self.tr("Author"))
        for line in (self.tag, self.author):
            line.returnPressed.connect(self.search)
        self.search_button = button(self.tr("Search"), self.search, primary=True)
        self.table = row_table([self.tr("Title"), self.tr("Diagnosis"), self.tr("Body part"),
                                self.tr("Difficulty"), self.tr("Tags"), self.tr("Author"),
                                self.tr("Lessons")], 4)
        self.table.currentCellChanged.connect(lambda row, *_: self._select(row))
        header = self.table.horizontalHeader()
        # the title keeps room to be read; the tags take what is left
        for column, width in ((0, 190), (1, 110)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        bar = QHBoxLayout()
        for widget, stretch in ((self.text, 3), (self.body_part, 1), (self.difficulty, 1),
                                (self.tag, 1), (self.author, 1), (self.search_button, 0)):
            bar.addWidget(widget, stretch)

        self.reader = QTextBrowser()
        self.reader.setObjectName("reportView")
        self.open_button = button(self.tr("Open images"), self.open_images)
        self.quiz_button = button(self.tr("Take as quiz"), self.take_quiz)
        self.lessons = QListWidget()
        self.lessons.setMaximumHeight(110)
        self.lessons.itemDoubleClicked.connect(lambda _item: self.play_lesson())
        self.lessons.currentRowChanged.connect(
            lambda row: self.play_button.setEnabled(row >= 0))
        self.play_button = button(self.tr("▶ Play lesson"), self.play_lesson)
        self.record_button = button(self.tr("● Record lesson…"), self.record_lesson)
        self.record_button.setVisible(session.role in AUTHORS)
        self.voice_file: Path | None = None  # a WAV as the microphone (demo, no sound card)
        self.dialog: QWidget | None = None   # the lesson recorder or player on screen
        actions = QHBoxLayout()
        actions.addWidget(self.record_button)
        actions.addWidget(self.play_button)
        actions.addStretch(1)
        actions.addWidget(self.open_button)
        actions.addWidget(self.quiz_button)
        case_tab = QWidget()
        case_layout = QVBoxLayout(case_tab)
        case_layout.addWidget(self.reader, 1)
        case_layout.addWidget(self.lessons)
        case_layout.addLayout(actions)
        self.quiz = QtQuizPanel()
        self.quiz.answered.connect(self._answered)
        self.tabs = QTabWidget()
        self.tabs.addTab(case_tab, self.tr("Case"))
        self.tabs.addTab(self.quiz, self.tr("Quiz"))

        split = QSplitter()
        self.center = center
        self.course_button = button(self.tr("Make a course of the chosen cases…"),
                                    self.make_course)
        self.course_note = QLabel()
        self.course_note.setObjectName("hint")
        self.course_note.setWordWrap(True)
        courses = QHBoxLayout()
        courses.addWidget(self.course_note, 1)
        courses.addWidget(self.course_button)
        self.ask_course = self._ask_course  # a test answers it instead
        if center is None:
            if session.role in AUTHORS:  # several cases chosen at once make a course
                self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            else:
                self.course_button.hide()
            split.addWidget(card(self.tr("Teaching library"), self.table, courses,
                                 stretch_first=True))
        else:  # a community: its offline copies, and the center's library online
            self.sources = QTabWidget()
            self.sources.addTab(self.table, self.tr("On this computer"))
            self.sources.addTab(center, self.tr("Center library"))
            center.downloaded.connect(lambda _uids: self.search())
            center.visited.connect(self.show_case)
            self.sources.currentChanged.connect(self._source_changed)
            split.addWidget(card(self.tr("Teaching library"), self.sources,
                                 stretch_first=True))
        split.addWidget(card(self.tr("Selected case"), self.tabs, stretch_first=True))
        split.setSizes([680, 620])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self._show_case(None)
        tasks.db(desk.body_parts).success(self._set_body_parts)
        self.search()

    def _ask_course(self, cases: int) -> str:
        title, ok = QInputDialog.getText(
            self, self.tr("New course"),
            self.tr("Title of the course ({cases} case(s), in the order of the list):")
            .format(cases=cases))
        return title.strip() if ok else ""

    def make_course(self) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        uids = [self.cases[row].uid for row in rows if row < len(self.cases)]
        if not uids:
            self.course_note.setText(self.tr("Choose the cases first (Ctrl-click for "
                                             "several)."))
            return
        title = self.ask_course(len(uids))
        if not title:
            return
        self._tasks.db(self._desk.make_course, self.actor, title, uids).success(
            lambda _uid: self.course_note.setText(
                self.tr("Course “{title}” made of {cases} case(s); communities can download "
                        "it.").format(title=title, cases=len(uids)))).failure(
            lambda error: self.course_note.setText(
                self.tr("Not done: {reason}").format(reason=error)))

    def _source_changed(self, index: int) -> None:
        """The search bar above is for the cases on this computer; the center's library
        has its own."""
        for widget in (self.text, self.body_part, self.difficulty, self.tag, self.author,
                       self.search_button):
            widget.setVisible(index == 0)

    def _set_body_parts(self, parts: list[str]) -> None:
        for part in parts:
            self.body_part.addItem(body_part_label(part), part)

    def query(self) -> LibraryQuery:
        return LibraryQuery(text=self.text.text(), body_part=self.body_part.currentData(),
                            tag=self.tag.text(), author=self.author.text(),
                            difficulty=int(self.difficulty.currentData()) or None)

    def search(self) -> None:
        self._tasks.db(self._desk.search, self.query()).success(self._show_cases)

    def _show_cases(self, cases: list[CaseSummary]) -> None:
        self.cases = cases
        if self.center is not None:
            self.center.mark_here({c.uid for c in cases if c.offline})
        self.table.setRowCount(len(cases))
        for n, case in enumerate(cases):
            values = (case.title, case.diagnosis, body_part_label(case.body_part),
                      "★" * case.difficulty, ", ".join(case.tags), case.author_name,
                      str(case.lessons))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)  # the title and tags may be elided
                self.table.setItem(n, column, item)
        if not cases:
            self._show_case(None)

    def show_case(self, uid: str) -> None:
        """Show ``uid`` on the right: a case of this site, or one looked at online."""
        self._tasks.db(self._desk.detail, uid).success(self._show_case)
        self._tasks.db(self._desk.record, self.actor, uid, StudyActivity.OPENED)

    def _select(self, row: int) -> None:
        if 0 <= row < len(self.cases):
            self.show_case(self.cases[row].uid)

    def _hide_answers(self, hidden: bool) -> None:
        """During a quiz the list does not give the answer away: no title, no diagnosis."""
        for column in (0, 1):
            self.table.setColumnHidden(column, hidden)

    def _show_case(self, case: CaseDetail | None) -> None:
        self.case = case
        self._hide_answers(False)
        for widget in (self.open_button, self.quiz_button, self.record_button):
            widget.setEnabled(case is not None)
        self.quiz.start(None)
        self._render(case)
        self._show_lessons([])
        if case is not None:
            self._tasks.db(self._desk.lessons, case.summary.uid).success(self._show_lessons)

    def _show_lessons(self, lessons: list[LessonSummary]) -> None:
        self.lessons.clear()
        for lesson in lessons:
            kind = self.tr("video") if lesson.kind is LessonKind.VIDEO else self.tr("voice")
            item = QListWidgetItem(self.tr("{title} · {kind} · {duration} · {author}").format(
                title=lesson.title, kind=kind, duration=clock_text(lesson.duration_ms),
                author=lesson.author_name))
            item.setData(Qt.ItemDataRole.UserRole, lesson)
            self.lessons.addItem(item)
        if lessons:
            self.lessons.setCurrentRow(0)
        self.play_button.setEnabled(bool(lessons))
        self.lessons.setVisible(bool(lessons))

    def record_lesson(self) -> QtLessonRecorder | None:
        if self.case is None:
            return None
        recorder = QtLessonRecorder(self._desk, self.actor, self.case, self._tasks, self,
                                    voice_file=self.voice_file)
        recorder.saved.connect(lambda _lesson: self._lesson_kept())
        self.dialog = recorder
        recorder.show()
        return recorder

    def _lesson_kept(self) -> None:
        if self.case is not None:
            self._tasks.db(self._desk.lessons, self.case.summary.uid).success(self._show_lessons)
        self.search()  # the lesson count

    def play_lesson(self) -> QtLessonPlayer | None:
        item = self.lessons.currentItem()
        if self.case is None or item is None:
            return None
        player = QtLessonPlayer(self._desk, self.actor, self.case,
                                item.data(Qt.ItemDataRole.UserRole), self._tasks, self)
        self.dialog = player
        player.show()
        return player

    def _render(self, case: CaseDetail | None) -> None:
        if case is None:
            words = self.tr("Choose a case from the list.")
            self.reader.setHtml(f"<p>{html.escape(words)}</p>")
            return
        summary = case.summary
        sections = ((self.tr("Diagnosis"), summary.diagnosis),
                    (self.tr("Teaching points"), case.teaching_points),
                    (self.tr("Findings"), case.findings),
                    (self.tr("Impression"), case.impression))
        meta = self.tr("{modality} · {body_part} · difficulty {difficulty} · by {author}").format(
            modality=summary.modality, body_part=body_part_label(summary.body_part),
            difficulty=summary.difficulty, author=summary.author_name)
        self.reader.setHtml(
            f"<h2>{html.escape(summary.title)}</h2><p style='color:#5b6776'>"
            f"{html.escape(meta)}</p>" + "".join(
                f"<h4>{html.escape(t)}</h4><p>{html.escape(v or '—')}</p>" for t, v in sections))

    def open_images(self) -> None:
        if self.case is not None:
            uid = self.case.summary.uid
            self._tasks.db(self._desk.files, uid).success(self._open)

    def _open(self, paths: list[Path]) -> None:
        if paths:
            self.open_requested.emit(paths)

    def take_quiz(self) -> None:
        """The selected case as unknown: its report and diagnosis stay hidden."""
        if self.case is not None:
            words = self.tr("Quiz in progress: the report shows when you reveal the answer.")
            self.reader.setHtml(f"<p>{html.escape(words)}</p>")
            self._hide_answers(True)
            self.quiz.start(self.case)
            self.tabs.setCurrentWidget(self.quiz)
            self.open_images()

    def _answered(self, case: CaseDetail, result: QuizResult) -> None:
        self._tasks.db(self._desk.record, self.actor, case.summary.uid, StudyActivity.QUIZ,
                       quiz=(self.quiz.findings.toPlainText(),
                             self.quiz.impression.toPlainText(), result.agreement))
        self._hide_answers(False)
        self._render(case)  # the answer is out: the case reads whole again
