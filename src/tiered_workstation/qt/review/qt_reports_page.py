"""Reports desk (community print desk; center for its own patients): signed reports,
whether and when they printed, print / reprint (marked copy), save the PDF."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...app.bootstrap import Services
from ...printing.desk import PrintRow
from ...storage.enums import PrintStatus
from ...workflow.actors import Actor
from ..event_bridge import QtEventBridge
from ..labels import state_label
from ..qt_login import SignedIn
from ..tasks import TaskRunner
from ..widgets import card, row_table


class QtReportsPage(QWidget):
    def __init__(self, services: Services, session: SignedIn, tasks: TaskRunner,
                 bridge: QtEventBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self._tz = services.settings.site.tz
        self.actor = Actor(session.username, session.role, session.site_code,
                           session.display_name)
        self._rows: list[PrintRow] = []
        printing = services.settings.printing
        where = printing.printer or self.tr("PDF folder only")
        auto = self.tr("on") if printing.auto_print else self.tr("off")
        self.summary = QLabel(self.tr("Printer: {printer} · paper {paper} · auto-print {auto}")
                              .format(printer=where, paper=printing.paper, auto=auto))
        self.summary.setObjectName("muted")
        self.table = row_table([
            self.tr("Patient"), self.tr("Exam"), self.tr("Signed"), self.tr("State"),
            self.tr("Print"), self.tr("Problem")], 5)
        self.print_button = QPushButton(self.tr("Print / reprint"))
        self.print_button.setObjectName("primary")
        self.print_button.clicked.connect(self.print_selected)
        self.save_button = QPushButton(self.tr("Save PDF…"))
        self.save_button.clicked.connect(self.save_selected)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.summary)
        layout.addWidget(card(self.tr("Signed reports"), self.table, buttons,
                              stretch_first=True), 1)
        bridge.exam_transition.connect(lambda _event: self.refresh())
        self._timer = QTimer(self)  # print jobs change without exam transitions too
        self._timer.setInterval(10_000)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def refresh(self) -> None:
        self._tasks.db(self._services.print_desk.rows).success(self._show)

    def _status(self, row: PrintRow) -> str:
        if row.job_status is PrintStatus.PRINTED and row.printed_at:
            text = self.tr("printed {time}").format(
                time=f"{row.printed_at.astimezone(self._tz):%H:%M}")
            return text + (self.tr(" (+{n} copies)").format(n=row.copies_printed - 1)
                           if row.copies_printed > 1 else "")
        return {None: self.tr("not queued"), PrintStatus.QUEUED: self.tr("queued"),
                PrintStatus.PRINTING: self.tr("printing"),
                PrintStatus.FAILED: self.tr("failed"),
                PrintStatus.CANCELLED: self.tr("cancelled"),
                PrintStatus.PRINTED: self.tr("printed")}[row.job_status]

    def _show(self, rows: list[PrintRow]) -> None:
        self._rows = rows
        self.table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            signed = f"{row.signed_at.astimezone(self._tz):%m-%d %H:%M}" if row.signed_at \
                else ""
            values = (row.patient_name, row.procedure, signed, state_label(row.state),
                      self._status(row), row.last_error)
            for column, value in enumerate(values):
                self.table.setItem(n, column, QTableWidgetItem(value))

    def _selected(self) -> PrintRow | None:
        row = self.table.currentRow()
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def print_selected(self) -> None:
        row = self._selected()
        if row is None:
            return
        self._tasks.db(self._services.print_desk.print_exam, row.exam_id,
                       self.actor).success(lambda _r: self._done(row)).failure(
            lambda error: self.message.setText(self.tr("Not printed: {reason}").format(
                reason=error)))

    def _done(self, row: PrintRow) -> None:
        self.message.setText(self.tr("Print of {patient} sent.").format(
            patient=row.patient_name))
        self.refresh()

    def save_selected(self) -> None:
        row = self._selected()
        if row is None or not row.pdf_path or not Path(row.pdf_path).is_file():
            self.message.setText(self.tr("This report has no PDF yet."))
            return
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Save report PDF"),
                                                Path(row.pdf_path).name, "PDF (*.pdf)")
        if target:
            shutil.copyfile(row.pdf_path, target)
            self.message.setText(self.tr("Saved {path}").format(path=target))
