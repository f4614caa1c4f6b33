"""The triage rules, edited in a table: first matching row wins (order = priority)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...app.bootstrap import Services
from ...workflow.actors import Actor
from ...workflow.assignment import RuleSpec
from ..tasks import TaskRunner

COLUMNS = ("group_code", "modality", "body_part", "source_site", "assignee_username")


class QtRulesEditor(QWidget):
    saved = Signal()

    def __init__(self, services: Services, actor: Actor, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._tasks = tasks
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([
            self.tr("Group"), self.tr("Modality"), self.tr("Body part"),
            self.tr("From site"), self.tr("Preferred reader")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        add = QPushButton(self.tr("Add rule"))
        add.clicked.connect(lambda: self._add(RuleSpec("")))
        remove = QPushButton(self.tr("Remove rule"))
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        self.save_button = QPushButton(self.tr("Save rules"))
        self.save_button.clicked.connect(self.save)
        self.message = QLabel(self.tr("Empty cells match any exam; the first matching rule "
                                      "wins."))
        self.message.setObjectName("muted")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        for button in (add, remove, self.save_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self._tasks.db(self._services.triage_desk.rules).success(self._show)

    def _show(self, rules: list[RuleSpec]) -> None:
        self.table.setRowCount(0)
        for rule in rules:
            self._add(rule)

    def _add(self, rule: RuleSpec) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, name in enumerate(COLUMNS):
            self.table.setItem(row, column, QTableWidgetItem(getattr(rule, name) or ""))

    def rules(self) -> list[RuleSpec]:
        rules = []
        for row in range(self.table.rowCount()):
            values = [(self.table.item(row, c).text().strip() if self.table.item(row, c)
                       else "") for c in range(len(COLUMNS))]
            if any(values):
                rules.append(RuleSpec(values[0], values[1].upper(), values[2].upper(),
                                      values[3].upper(), values[4] or None))
        return rules

    def save(self) -> None:
        self._tasks.db(self._services.triage_desk.save_rules, self._actor, self.rules()).success(
            self._saved).failure(
            lambda error: self.message.setText(self.tr("Not saved: {reason}").format(
                reason=error)))

    def _saved(self, _result: object) -> None:
        self.message.setText(self.tr("{n} rules saved.").format(n=len(self.rules())))
        self.saved.emit()
