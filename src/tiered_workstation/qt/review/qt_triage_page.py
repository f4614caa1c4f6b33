"""Triage desk (center): exams that arrived and wait for a reader; the rules' proposal
is preselected, one action (Ctrl+Enter) assigns it, or another group/reader is chosen."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...app.bootstrap import Services
from ...review.reading import Scope, WorkRow
from ...workflow.actors import Actor
from ...workflow.assignment import Proposal, Reader
from ..event_bridge import QtEventBridge
from ..labels import priority_label, reading_mode_label, reason_label
from ..qt_login import SignedIn
from ..tasks import TaskRunner
from ..widgets import card, row_table
from .qt_rules_editor import QtRulesEditor


class QtTriagePage(QWidget):
    assigned = Signal(str)  # accession number

    def __init__(self, services: Services, session: SignedIn, tasks: TaskRunner,
                 bridge: QtEventBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self.actor = Actor(session.username, session.role, session.site_code,
                           session.display_name)
        self._rows: list[WorkRow] = []
        self._readers: dict[str, list[Reader]] = {}
        self.proposal: Proposal | None = None

        self.table = row_table([self.tr("Priority"), self.tr("Patient"),
                                              self.tr("Exam"), self.tr("From"),
                                              self.tr("Reading mode")], 2)
        self.table.currentCellChanged.connect(lambda row, *_: self._select(row))

        self.group = QComboBox()
        self.group.currentIndexChanged.connect(self._fill_readers)
        self.reader = QComboBox()
        self.reasons = QLabel()
        self.reasons.setObjectName("muted")
        self.reasons.setWordWrap(True)
        self.assign_button = QPushButton(self.tr("Assign"))
        self.assign_button.setObjectName("primary")
        self.assign_button.clicked.connect(self.assign)
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Reading group"), self.group)
        form.addRow(self.tr("Reader"), self.reader)
        form.addRow(self.tr("Why"), self.reasons)
        form.addRow("", self.assign_button)
        form.addRow("", self.message)

        self.rules = QtRulesEditor(services, self.actor, tasks)
        self.rules.saved.connect(lambda: self._select(self.table.currentRow()))
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(card(self.tr("Assignment"), form))
        right.addWidget(card(self.tr("Triage rules"), self.rules, stretch_first=True))
        split = QSplitter()
        split.addWidget(card(self.tr("Waiting for triage"), self.table, stretch_first=True))
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(split, 1)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.assign)
        bridge.exam_transition.connect(lambda _event: self.refresh())
        self._tasks.db(services.triage_desk.groups_and_readers).success(self._set_groups)
        self.refresh()

    def _set_groups(self, result: tuple[list[tuple[str, str]], dict[str, list[Reader]]]) -> None:
        groups, self._readers = result
        self.group.blockSignals(True)
        self.group.clear()
        for code, name in groups:
            self.group.addItem(f"{name} ({code})", code)
        self.group.blockSignals(False)
        self._fill_readers()

    def _fill_readers(self) -> None:
        code = self.group.currentData()
        self.reader.clear()
        self.reader.addItem(self.tr("— the whole group —"), "")
        for reader in self._readers.get(code, []):
            state = "" if reader.available else self.tr(", away")
            self.reader.addItem(self.tr("{name} ({open} open{state})").format(
                name=reader.name or reader.username, open=reader.open_exams, state=state),
                reader.username)
        if self.proposal and self.proposal.assignee:
            index = self.reader.findData(self.proposal.assignee)
            if index >= 0:
                self.reader.setCurrentIndex(index)

    def refresh(self) -> None:
        self._tasks.db(self._services.reading_desk.work_rows, Scope.TRIAGE,
                       self.actor.username).success(self._show_rows)

    def _show_rows(self, rows: list[WorkRow]) -> None:
        self._rows = rows
        self.table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            values = (priority_label(row.priority), row.patient_name, row.procedure,
                      row.site_code, reading_mode_label(row.reading_mode))
            for column, value in enumerate(values):
                self.table.setItem(n, column, QTableWidgetItem(value))
        if rows and self.table.currentRow() < 0:
            self.table.selectRow(0)

    def _select(self, row: int) -> None:
        if not 0 <= row < len(self._rows):
            return
        self._tasks.db(self._services.triage_desk.proposal,
                       self._rows[row].exam_id).success(self._show_proposal)

    def _show_proposal(self, proposal: Proposal) -> None:
        self.proposal = proposal
        self.reasons.setText(self.tr("; ").join(reason_label(r) for r in proposal.reasons))
        if proposal.group_code:
            self.group.setCurrentIndex(max(0, self.group.findData(proposal.group_code)))
        self._fill_readers()

    def assign(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self._rows):
            return
        exam = self._rows[row]
        reason = self.proposal.note if self.proposal else ""
        self._tasks.db(self._services.triage_desk.give_to, exam.exam_id, self.actor,
                       self.group.currentData(), self.reader.currentData(),
                       reason).success(lambda _r: self._assigned(exam)).failure(
            lambda error: self.message.setText(self.tr("Not done: {reason}").format(
                reason=error)))

    def _assigned(self, exam: WorkRow) -> None:
        self.message.setText(self.tr("{patient} assigned.").format(patient=exam.patient_name))
        self.assigned.emit(exam.accession_number)
        self.refresh()
        self._tasks.db(self._services.triage_desk.groups_and_readers).success(
            self._set_groups)
