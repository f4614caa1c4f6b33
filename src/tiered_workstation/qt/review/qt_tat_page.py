"""TAT dashboard: today's loop times per segment and site (stacked bars), the share of
exams printed within the target per site and per reader, breaches; CSV export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...app.bootstrap import Services
from ...app.tat_dashboard import TatSummary, nice_axis, tat_summary, to_csv
from ..event_bridge import QtEventBridge
from ..tasks import TaskRunner
from ..widgets import card, chart_view


class QtTatPage(QWidget):
    def __init__(self, services: Services, tasks: TaskRunner, bridge: QtEventBridge,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self.summary: TatSummary | None = None
        self.headline = QLabel()
        self.headline.setObjectName("sectionHeading")
        self.chart, self.chart_view = chart_view()
        self.chart_view.setMinimumHeight(240)
        self.shares = QTableWidget(0, 3)
        self.shares.setHorizontalHeaderLabels([self.tr("Site / reader"), self.tr("Printed"),
                                               self.tr("Within target")])
        self.breaches = QTableWidget(0, 5)
        self.breaches.setHorizontalHeaderLabels([self.tr("Accession"), self.tr("Patient"),
                                                 self.tr("Exam"), self.tr("Site"),
                                                 self.tr("Minutes")])
        for table in (self.shares, self.breaches):
            table.verticalHeader().hide()
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.clicked.connect(self.export)
        top = QHBoxLayout()
        top.addWidget(self.headline, 1)
        top.addWidget(self.export_button)
        lower = QSplitter()
        lower.addWidget(card(self.tr("Within target"), self.shares, stretch_first=True))
        lower.addWidget(card(self.tr("Breaches"), self.breaches, stretch_first=True))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(card(self.tr("Mean minutes per segment, today"), self.chart_view,
                              stretch_first=True), 3)
        layout.addWidget(lower, 2)
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(1000)
        self._pending.timeout.connect(self.refresh)
        bridge.exam_transition.connect(lambda _event: self._pending.start())
        self.refresh()

    def refresh(self) -> None:
        self._tasks.db(tat_summary, self._services).success(self._show)

    def _segment_names(self) -> list[str]:
        return [self.tr("Acquisition"), self.tr("Transfer"), self.tr("Triage"),
                self.tr("Reading"), self.tr("Review"), self.tr("Printing")]

    def _show(self, summary: TatSummary) -> None:
        self.summary = summary
        finished = sum(s.finished for s in summary.by_site)
        within = sum(s.within for s in summary.by_site)
        share = 100.0 * within / finished if finished else 0.0
        self.headline.setText(self.tr(
            "Today: {exams} exams, {finished} printed, {share:.0f}% within {target} min, "
            "{breaches} breaches").format(
                exams=len(summary.exams), finished=finished, share=share,
                target=self._services.settings.workflow.tat_target_minutes,
                breaches=len(summary.breaches)))
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        series = QHorizontalStackedBarSeries()
        sites = list(summary.mean_segments)
        colours = ("#7aa6d8", "#4f86c6", "#f2b134", "#e07b39", "#9b59b6", "#2e9e6b")
        for n, name in enumerate(self._segment_names()):
            bar = QBarSet(name)
            bar.setColor(colours[n])
            bar.append([summary.mean_segments[site][n] for site in sites])
            series.append(bar)
        self.chart.addSeries(series)
        sites_axis = QBarCategoryAxis()
        sites_axis.append(sites)
        minutes = QValueAxis()
        minutes.setTitleText(self.tr("minutes"))
        top, step = nice_axis(max((sum(m) for m in summary.mean_segments.values()), default=0))
        minutes.setRange(0, top)
        minutes.setTickCount(top // step + 1)
        minutes.setLabelFormat("%d")
        self.chart.addAxis(sites_axis, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(minutes, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(sites_axis)
        series.attachAxis(minutes)
        shares = [*summary.by_site, *summary.by_reader]
        self.shares.setRowCount(len(shares))
        for n, item in enumerate(shares):
            for column, value in enumerate((item.key, str(item.finished),
                                            f"{item.percent:.0f}%")):
                self.shares.setItem(n, column, QTableWidgetItem(value))
        breaches = summary.breaches
        self.breaches.setRowCount(len(breaches))
        for n, exam in enumerate(breaches):
            for column, value in enumerate((exam.accession_number, exam.patient_name,
                                            exam.procedure, exam.site_code,
                                            f"{exam.total_minutes:.0f}")):
                self.breaches.setItem(n, column, QTableWidgetItem(value))

    def export(self, path: Path | None = None) -> Path | None:
        if self.summary is None:
            return None
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export CSV"), "tat.csv",
                                                    "CSV (*.csv)")
            if not chosen:
                return None
            path = Path(chosen)
        path.write_text(to_csv(self.summary), encoding="utf-8-sig")
        return path
