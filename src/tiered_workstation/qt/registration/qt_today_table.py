"""The registration desk's "Registered today" table: each exam with its state and
whether the center has it yet, refreshed while any still waits to sync.  Its words
keep the desk's translation context."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ...registration.desk import DeskRow, RegistrationDesk, SyncState
from ..labels import priority_label, state_label
from ..tasks import TaskRunner

COLUMNS = ("time", "accession", "patient", "exam", "station", "priority", "state", "sync")
SYNC_REFRESH_MS = 5000


class QtTodayTable(QTableWidget):
    """Today's registrations, newest first; the last column says where each exam is."""

    def __init__(self, desk: RegistrationDesk, tasks: TaskRunner, tz: ZoneInfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self._desk = desk
        self._tasks = tasks
        self._tz = tz
        self.count = QLabel()  # "3 exams today · 1 waiting to sync", shown under the table
        self.count.setObjectName("counts")
        self._sync_timer = QTimer(self)
        self._sync_timer.setInterval(SYNC_REFRESH_MS)
        self._sync_timer.timeout.connect(self.refresh)
        self.setHorizontalHeaderLabels([
            QCoreApplication.translate("QtRegistrationPage", "Time"),
            QCoreApplication.translate("QtRegistrationPage", "Accession"),
            QCoreApplication.translate("QtRegistrationPage", "Patient"),
            QCoreApplication.translate("QtRegistrationPage", "Exam"),
            QCoreApplication.translate("QtRegistrationPage", "Station"),
            QCoreApplication.translate("QtRegistrationPage", "Priority"),
            QCoreApplication.translate("QtRegistrationPage", "State"),
            QCoreApplication.translate("QtRegistrationPage", "Center")])
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.setMinimumHeight(110)

    def refresh(self) -> None:
        """Read today's registrations on the database thread and show them."""
        self._tasks.db(self._desk.todays_rows, self._tz).success(self._show)

    def _show(self, rows: list[DeskRow]) -> None:
        waiting = self.show_rows(rows)
        self.count.setText(
            QCoreApplication.translate("QtRegistrationPage", "%n exam(s) today", "", len(rows))
            + (" · " + QCoreApplication.translate("QtRegistrationPage", "%n waiting to sync",
                                                  "", waiting) if waiting else ""))
        if waiting and not self._sync_timer.isActive():
            self._sync_timer.start()
        elif not waiting:
            self._sync_timer.stop()

    def show_rows(self, rows: list[DeskRow]) -> int:
        """Fill the table; returns how many exams still wait to reach the center."""
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            sync_text, colour = sync_words(row)
            values = (row.registered_at.astimezone(self._tz).strftime("%H:%M"),
                      row.accession_number, row.patient_name, row.procedure, row.station,
                      priority_label(row.priority), state_label(row.state), sync_text)
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == len(values) - 1:
                    item.setForeground(QColor(colour))
                    if row.sync_error:
                        item.setToolTip(row.sync_error)
                self.setItem(r, c, item)
        return sum(row.sync in (SyncState.QUEUED, SyncState.RETRYING) for row in rows)


def sync_words(row: DeskRow) -> tuple[str, str]:
    """Where the exam is, in words, and the colour to show them in."""
    if row.sync is SyncState.DELIVERED:
        return QCoreApplication.translate("QtRegistrationPage", "At center"), "#2e7d32"
    if row.sync is SyncState.RETRYING:
        return QCoreApplication.translate(
            "QtRegistrationPage", "Queued, will sync (center not reached)"), "#c62828"
    if row.sync is SyncState.QUEUED:
        return QCoreApplication.translate("QtRegistrationPage", "Queued, will sync"), "#b26a00"
    return QCoreApplication.translate("QtRegistrationPage", "This site"), "#5f6b7a"
