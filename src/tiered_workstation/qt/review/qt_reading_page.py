"""Reading desk (center readers and reviewers, community doctors): a worklist by scope,
and for the chosen exam the report editor, the changes between versions, and the
consultation thread.

Typing is autosaved every few seconds in a worker; every action runs in a worker
and the page hears the result through the task runner.  The list follows the
event bus, so an exam another desk moves appears or leaves at once.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...app.bootstrap import Services
from ...events import Event
from ...review.actions import report_actions
from ...review.consultation import CONSULTATION_TOPIC
from ...review.reading import ReportView, Scope, WorkRow
from ...review.templates import load_templates
from ...storage.enums import Role
from ...workflow.actors import Actor
from ...workflow.agreement import Agreement
from ..event_bridge import QtEventBridge
from ..labels import priority_label, state_label
from ..qt_login import SignedIn
from ..tasks import TaskRunner
from ..teaching.qt_case_editor import CaseEditor, start_case_editor
from ..widgets import button, card, home, row_table
from .qt_consultation_panel import QtConsultationPanel
from .qt_reading_split import QtReadingSplit
from .qt_sign_dialog import AddendumDialog, Signature, SignDialog
from .qt_versions_panel import QtVersionsPanel

AUTOSAVE_MS = 3000


def scopes_for(role: Role) -> list[Scope]:
    if role is Role.REVIEWER:
        return [Scope.REVIEW, Scope.CONSULTATION, Scope.MINE, Scope.GROUP]
    if role is Role.TRIAGE:
        return [Scope.TRIAGE, Scope.GROUP]
    return [Scope.MINE, Scope.GROUP, Scope.RETURNED]


class QtReadingPage(QWidget):
    """Worklist on the left, the exam's report, changes and consultation on the right."""

    loaded = Signal(object)  # ReportView
    acted = Signal(str)  # what was done
    consultation_notice = Signal(str)  # a message in a consultation this user belongs to
    ask_case = staticmethod(CaseEditor.answer)  # the case editor, run modal

    def __init__(self, services: Services, session: SignedIn, tasks: TaskRunner,
                 bridge: QtEventBridge, parent: QWidget | None = None, *,
                 key_images: Path | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._desk = services.reading_desk
        self._tasks = tasks
        self._tz = services.settings.site.tz
        self.actor = Actor(session.username, session.role, session.site_code,
                           session.display_name)
        self._templates = load_templates(services.settings.data_dir)
        self._key_images = key_images
        self._rows: list[WorkRow] = []
        self.view: ReportView | None = None
        self._saved_text: tuple[str, str] | None = None

        self.scope = QComboBox()
        for scope in scopes_for(session.role):
            self.scope.addItem(self._scope_label(scope), scope)
        self.scope.currentIndexChanged.connect(self.refresh)
        self.table = row_table([
            self.tr("Priority"), self.tr("Patient"), self.tr("Exam"), self.tr("Site"),
            self.tr("State"), self.tr("Reader")], 2)
        self.table.currentCellChanged.connect(lambda row, *_: self._select(row))

        # -- editor --------------------------------------------------------------------------
        self.heading = QLabel(self.tr("Choose an exam from the list."))
        self.heading.setObjectName("sectionHeading")
        self.heading.setWordWrap(True)
        self.clinical = QLabel()
        self.clinical.setObjectName("muted")
        self.clinical.setWordWrap(True)
        self.findings = QPlainTextEdit()
        self.findings.setPlaceholderText(self.tr("Findings (影像所见)"))
        self.impression = QPlainTextEdit()
        self.impression.setPlaceholderText(self.tr("Impression (诊断意见)"))
        self.impression.setMaximumHeight(120)
        self.report_language = QComboBox()  # reports are written in Chinese by default
        self.report_language.addItem("中文", "zh")
        self.report_language.addItem("English", "en")
        self.report_language.currentIndexChanged.connect(
            lambda _i: self.open_exam(self.view.row.exam_id) if self.view else None)
        self.template_button = button(self.tr("Insert template"), self.insert_template)
        self.phrases = QListWidget()
        self.phrases.setMaximumWidth(260)
        self.phrases.itemDoubleClicked.connect(lambda item: self.insert_phrase(item.text()))
        self.saved = QLabel()
        self.saved.setObjectName("muted")
        self.submit_button = button(self.tr("Submit preliminary"), self.submit, primary=True)
        self.return_button = button(self.tr("Return for revision"), self.send_back)
        self.consult_button = button(self.tr("Ask expert group"), self.consult)
        self.sign_button = button(self.tr("Sign report"), self.sign, primary=True)
        self.addendum_button = button(self.tr("Add addendum"), self.add_addendum)
        self.teaching_button = button(self.tr("Make teaching case…"), self.make_teaching_case)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self._button_row = buttons = QHBoxLayout()
        buttons.addWidget(self.saved, 1)
        for widget in (self.teaching_button, self.addendum_button, self.consult_button,
                       self.return_button, self.submit_button, self.sign_button):
            buttons.addWidget(widget)
        texts = QVBoxLayout()
        texts.addWidget(QLabel(self.tr("Findings")))
        texts.addWidget(self.findings, 3)
        texts.addWidget(QLabel(self.tr("Impression")))
        texts.addWidget(self.impression, 1)
        side = QVBoxLayout()
        side.addWidget(self.report_language)
        side.addWidget(self.template_button)
        side.addWidget(QLabel(self.tr("Phrases (double-click)")))
        side.addWidget(self.phrases, 1)
        body = QHBoxLayout()
        body.addLayout(texts, 3)
        body.addLayout(side, 1)
        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.addWidget(self.heading)
        editor_layout.addWidget(self.clinical)
        editor_layout.addLayout(body, 1)
        editor_layout.addLayout(buttons)
        editor_layout.addWidget(self.message)

        # -- changes -------------------------------------------------------------------------
        self.changes = changes = QtVersionsPanel(self._tz)
        self.diff = changes.diff

        # -- consultation --------------------------------------------------------------------
        self.consultation = consultation = QtConsultationPanel(self._tz)
        self.reply, self.post_button = consultation.reply, consultation.post_button
        self.conclude_button = consultation.conclude_button
        for signal in (self.reply.returnPressed, self.post_button.clicked):
            signal.connect(self.post)
        self.conclude_button.clicked.connect(self.conclude)

        self.tabs = QTabWidget()
        self.tabs.addTab(editor, self.tr("Report"))
        self.tabs.addTab(changes, self.tr("Changes"))
        self.tabs.addTab(consultation, self.tr("Consultation"))

        left_bar = QHBoxLayout()
        left_bar.addWidget(QLabel(self.tr("Show")))
        left_bar.addWidget(self.scope, 1)
        left = card(self.tr("Worklist"), self.table, stretch_first=True)
        left.layout().insertLayout(1, left_bar)
        self.image_home = home()  # where the viewer shows the exam, beside its report
        self.split = QtReadingSplit(left, self.image_home, self.tabs,
                                    username=self.actor.username)
        self.save_state, self.restore_state = self.split.save_state, self.split.restore_state
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.split, 1)

        self._autosave = QTimer(self)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.autosave)
        self._autosave.start()
        QShortcut(QKeySequence("Ctrl+Return"), self, self._primary_action)
        QShortcut(QKeySequence("Ctrl+S"), self, self.autosave)
        bridge.exam_transition.connect(lambda _event: self.refresh())
        bridge.event_received.connect(self._on_event)
        self._update_buttons()
        self.refresh()

    def _on_event(self, event: Event) -> None:
        """Tell a group member that a consultation they belong to has a new message."""
        if event.topic != CONSULTATION_TOPIC:
            return
        payload = event.payload
        if self.actor.username not in payload.get("notify", ()):
            return
        template = (self.tr("Consultation on {patient}: {author} recorded the conclusion.")
                    if payload.get("conclusion") else
                    self.tr("Consultation on {patient}: {author} wrote “{text}”"))
        notice = template.format(patient=payload.get("patient_name", ""),
                                 author=payload.get("author", ""),
                                 text=str(payload.get("text", ""))[:80])
        self.message.setText(notice)
        self.consultation_notice.emit(notice)
        self.refresh()

    # -- list ------------------------------------------------------------------------------
    def _scope_label(self, scope: Scope) -> str:
        return {Scope.MINE: self.tr("Assigned to me"), Scope.GROUP: self.tr("My groups"),
                Scope.REVIEW: self.tr("To review and sign"),
                Scope.CONSULTATION: self.tr("In consultation"),
                Scope.TRIAGE: self.tr("Waiting for triage"),
                Scope.RETURNED: self.tr("My reports, returned or signed")}[scope]

    def refresh(self) -> None:
        if self.scope.currentData() is None:
            return
        scope = Scope(self.scope.currentData())  # Qt hands the enum back as a plain str
        self._tasks.db(self._desk.work_rows, scope,
                       self.actor.username).success(self._show_rows).failure(self._failed)

    def _show_rows(self, rows: list[WorkRow]) -> None:
        current = self.view.row.exam_id if self.view else None
        self._rows = rows
        self.table.blockSignals(True)
        self.table.setCurrentCell(-1, -1)  # a new list: no row stays chosen by its index
        self.table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            values = (priority_label(row.priority), row.patient_name, row.procedure,
                      row.site_code, state_label(row.state), row.assignee or row.group)
            for column, value in enumerate(values):
                self.table.setItem(n, column, QTableWidgetItem(value))
            if row.exam_id == current:
                self.table.selectRow(n)
        self.table.blockSignals(False)

    def _select(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.open_exam(self._rows[row].exam_id)

    # -- one exam ----------------------------------------------------------------------------
    def open_exam(self, exam_id: int) -> None:
        self.autosave()
        self._tasks.db(self._desk.report_view, exam_id, self.actor.username,
                       self._templates, self.report_language.currentData()).success(
            self._show_view).failure(self._failed)

    def _show_view(self, view: ReportView) -> None:
        if self.view is None or self.view.row.exam_id != view.row.exam_id:
            self.message.clear()  # what was done stays said while its exam stays open
        self.view = view
        row = view.row
        self.heading.setText(f"{row.patient_name} · {row.procedure} · {row.accession_number}"
                             f" · {state_label(row.state)}")
        self.clinical.setText(self.tr("Clinical information: {text}").format(
            text=view.clinical_info or "—"))
        findings, impression = view.current_text
        self.findings.setPlainText(findings)
        self.impression.setPlainText(impression)
        self._saved_text = (findings, impression)
        self.saved.setText(self.tr("Draft restored from {time}").format(
            time=f"{view.draft.saved_at.astimezone(self._tz):%H:%M:%S}") if view.draft else "")
        self.phrases.clear()
        self.phrases.addItems(list(view.phrases))
        self.changes.show_view(view)
        self.consultation.show_thread(view)
        self._update_buttons()
        self.loaded.emit(view)

    def _update_buttons(self) -> None:
        can = report_actions(self.actor.role, self.view.row.state if self.view else None)
        for widget, shown in ((self.submit_button, can.submit),
                              (self.return_button, can.send_back),
                              (self.consult_button, can.consult), (self.sign_button, can.sign),
                              (self.addendum_button, can.addendum),
                              (self.teaching_button, can.teach),
                              (self.conclude_button, can.conclude)):
            widget.setVisible(shown)
        # hiding a button of a page not yet shown leaves the row's cached width stale,
        # and the main window would keep every button's width as its minimum
        self._button_row.invalidate()
        self.findings.setReadOnly(not can.edit)
        self.impression.setReadOnly(not can.edit)
        self.reply.setEnabled(can.reply)
        self.post_button.setEnabled(can.reply)

    # -- editing -----------------------------------------------------------------------------
    def text(self) -> tuple[str, str]:
        return self.findings.toPlainText(), self.impression.toPlainText()

    def insert_template(self) -> None:
        if self.view is None or self.view.template is None:
            self.message.setText(self.tr("There is no template for this exam."))
            return
        if not self.findings.toPlainText().strip():
            self.findings.setPlainText(self.view.template.findings)
        if not self.impression.toPlainText().strip():
            self.impression.setPlainText(self.view.template.impression)

    def insert_phrase(self, phrase: str) -> None:
        target = self.impression if self.impression.hasFocus() else self.findings
        target.insertPlainText(phrase)

    def autosave(self) -> None:
        view = self.view
        if view is None or self.findings.isReadOnly() or self.text() == self._saved_text:
            return
        text = self.text()
        self._saved_text = text
        exam_id, actor = view.row.exam_id, self.actor
        self._tasks.db(self._desk.save_draft, exam_id, actor,
                       *text).success(lambda _r: self.saved.setText(
                           self.tr("Draft saved {time}").format(
                               time=datetime.now().strftime("%H:%M:%S")))).failure(
                                   self._failed)

    def _primary_action(self) -> None:
        if self.sign_button.isVisible():
            self.sign()
        elif self.submit_button.isVisible():
            self.submit()

    def _run(self, done: str, fn, *args) -> None:
        if self.view is None:
            return
        self._tasks.db(fn, self.view.row.exam_id, self.actor,
                       *args).success(lambda _r: self._done(done)).failure(self._failed)

    def _done(self, what: str) -> None:
        self.message.setText(what)
        self.acted.emit(what)
        if self.view is not None:
            self.open_exam(self.view.row.exam_id)
        self.refresh()

    def submit(self) -> None:
        self._run(self.tr("Preliminary report submitted."), self._desk.submit, *self.text())

    def send_back(self) -> None:
        reason, ok = QInputDialog.getText(self, self.tr("Return for revision"),
                                          self.tr("What should the author change?"))
        if ok and reason.strip():
            self._run(self.tr("Returned to the author."), self._desk.send_back,
                      *self.text(), reason)

    def consult(self) -> None:
        question, ok = QInputDialog.getText(self, self.tr("Ask expert group"),
                                            self.tr("Question for the expert group:"))
        if ok and question.strip():
            self._run(self.tr("Sent to the expert group."), self._desk.consult, question)

    def post(self) -> None:
        text = self.reply.text().strip()
        if text:
            self.reply.clear()
            self._run(self.tr("Message sent."), self._desk.post, text)

    def conclude(self) -> None:
        text, ok = QInputDialog.getText(self, self.tr("Record conclusion"),
                                        self.tr("The expert group's conclusion:"))
        if ok and text.strip():
            self._run(self.tr("Conclusion recorded; the report can be signed."),
                      self._desk.close_consultation, text)

    def ask_signature(self, agreement: Agreement | None) -> Signature | None:
        return SignDialog(self, agreement).answer()

    def sign(self) -> None:
        """Propose the peer-review grade (in a worker), then ask for it and the password."""
        if self.view is not None:
            self._tasks.db(self._desk.proposed_grade, self.view.row.exam_id, self.actor.username,
                           *self.text()).success(self._sign_with).failure(self._failed)

    def _sign_with(self, agreement: Agreement | None) -> None:
        answer = self.ask_signature(agreement)
        if answer is not None:
            self._run(self.tr("Report signed; it is on its way to the community."),
                      self._desk.sign, answer.password, *self.text(),
                      self._key_image_folder(), answer.grade)

    def make_teaching_case(self) -> None:  # shown only with a signed exam open
        assert self.view is not None
        start_case_editor(self, self._tasks, self._services.teaching_desk, self.view.row,
                          self.actor, done=self._done, failed=self._failed, ask=self.ask_case)

    def add_addendum(self) -> None:
        answer = AddendumDialog(self).answer()
        if answer is not None:
            self._run(self.tr("Addendum signed; the report prints again with it."),
                      self._desk.addendum, answer.password, answer.text)

    def _key_image_folder(self) -> Path | None:
        """Where the viewer saved this study's key images (embedded when signing)."""
        view, folder = self.view, self._key_images
        return folder / view.row.study_instance_uid if folder and view else None

    def _failed(self, error: BaseException) -> None:
        self.message.setText(self.tr("Not done: {reason}").format(reason=error))
