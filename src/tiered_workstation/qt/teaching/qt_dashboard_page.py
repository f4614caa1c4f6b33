"""Teaching dashboard: each doctor's agreement with the reviewer, week by week (a line
per doctor), per body part, the major discrepancies (double-click opens the exam's
images), lessons watched and quizzes taken, and cases suggested for the body part a
doctor agrees least on. CSV and PDF export. Loading and exporting run in workers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCharts import QCategoryAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...storage.enums import PeerReviewGrade
from ...teaching.desk import TeachingDesk
from ...teaching.progress import Progress
from ..labels import body_part_label
from ..tasks import TaskRunner
from ..widgets import button, card, chart_view, row_table


class QtTeachingDashboard(QWidget):
    open_requested = Signal(str)  # the accession number of a major discrepancy

    def __init__(self, desk: TeachingDesk, tasks: TaskRunner, *, tz: ZoneInfo, site_name: str,
                 own_site: str | None = None, today: Callable[[], date] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk, self._tasks, self._tz = desk, tasks, tz
        self._today = today or (lambda: datetime.now(tz).date())
        self._site_name, self._own_site = site_name, own_site
        self.data: Progress | None = None
        self.headline = QLabel()
        self.headline.setObjectName("sectionHeading")
        self.weeks = QComboBox()
        for weeks in (4, 12, 26, 52):
            self.weeks.addItem(self.tr("Last {weeks} weeks").format(weeks=weeks), weeks)
        self.weeks.setCurrentIndex(1)
        self.weeks.currentIndexChanged.connect(lambda _i: self.refresh())
        self.csv_button = button(self.tr("Export CSV…"), self._ask_csv)
        self.pdf_button = button(self.tr("Export PDF…"), self._ask_pdf)
        self.chart, self.chart_view = chart_view()
        self.chart_view.setMinimumHeight(220)
        self.doctors = row_table([
            self.tr("Doctor"), self.tr("Site"), self.tr("Reviews"), self.tr("Agreement"),
            self.tr("Minor"), self.tr("Major"), self.tr("Mean change"),
            self.tr("Lessons watched"), self.tr("Quizzes"), self.tr("Weakest body part"),
            self.tr("Suggested cases")], 10)
        self.majors = row_table([self.tr("Accession"), self.tr("Date"), self.tr("Doctor"),
                                 self.tr("Reviewer"), self.tr("Exam")], 4)
        self.majors.cellDoubleClicked.connect(self._open_major)
        top = QHBoxLayout()
        top.addWidget(self.headline, 1)
        for widget in (self.weeks, self.csv_button, self.pdf_button):
            top.addWidget(widget)
        lower = QSplitter(Qt.Orientation.Vertical)  # both tables the page's whole width
        lower.addWidget(card(self.tr("Doctors"), self.doctors, stretch_first=True))
        lower.addWidget(card(self.tr("Major discrepancies (double-click to open)"),
                             self.majors, stretch_first=True))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(card(self.tr("Agreement with the reviewer, by week"), self.chart_view,
                              stretch_first=True), 2)
        layout.addWidget(lower, 3)
        self.refresh()

    def refresh(self) -> None:
        self._tasks.db(self._desk.progress, today=self._today(), tz=self._tz,
                       weeks=int(self.weeks.currentData()), site=self._own_site).success(
            self._show)

    def _show(self, data: Progress) -> None:
        self.data = data
        reviews = sum(d.reviews for d in data.doctors)
        agreed = sum(d.grades.get(PeerReviewGrade.AGREE, 0) for d in data.doctors)
        self.headline.setText(self.tr(
            "Graded reports since {since}: {reviews} · agreement {share:.0%} · major "
            "discrepancies: {majors}").format(reviews=reviews, since=data.since.isoformat(),
                                    share=agreed / reviews if reviews else 0,
                                    majors=len(data.majors)))
        self._draw_trend(data)
        self.doctors.setRowCount(len(data.doctors))
        for n, d in enumerate(data.doctors):
            weakest = d.weakest_part
            values = (d.name, d.site, str(d.reviews), f"{d.agreement:.0%}",
                      str(d.grades.get(PeerReviewGrade.MINOR, 0)),
                      str(d.grades.get(PeerReviewGrade.MAJOR, 0)),
                      f"{d.mean_findings_distance:.0%} / {d.mean_impression_distance:.0%}",
                      str(d.lessons_watched), str(d.quizzes),
                      f"{body_part_label(weakest.body_part)} {weakest.agreement:.0%}" if weakest
                      else "—",
                      " · ".join(c.title for c in d.suggestions) or "—")
            for column, value in enumerate(values):
                self.doctors.setItem(n, column, QTableWidgetItem(value))
        self.majors.setRowCount(len(data.majors))
        for n, m in enumerate(data.majors):
            values = (m.accession_number, f"{m.reviewed_at.astimezone(self._tz):%Y-%m-%d}",
                      m.author, m.reviewer, f"{m.modality} {body_part_label(m.body_part)}")
            for column, value in enumerate(values):
                self.majors.setItem(n, column, QTableWidgetItem(value))

    def _draw_trend(self, data: Progress) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        weeks = data.doctors[0].weeks if data.doctors else []
        x_axis = QCategoryAxis()
        x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        for n, week in enumerate(weeks):
            x_axis.append(f"{week.start:%m-%d}", n)
        x_axis.setRange(0, max(len(weeks) - 1, 1))
        y_axis = QValueAxis()
        y_axis.setRange(0, 100)
        y_axis.setTickCount(5)
        y_axis.setLabelFormat("%d%%")
        self.chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for d in data.doctors:
            series = QLineSeries()
            series.setName(d.name)
            series.setPointsVisible(True)
            series.append([QPointF(n, w.agreement * 100) for n, w in enumerate(d.weeks)
                           if w.agreement is not None])
            self.chart.addSeries(series)
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)

    def _open_major(self, row: int, _column: int) -> None:
        if self.data is not None and 0 <= row < len(self.data.majors):
            self.open_requested.emit(self.data.majors[row].accession_number)

    def pdf_labels(self) -> dict[str, str]:
        return {"title": self.tr("Teaching progress"), "since": self.tr("Since"),
                "doctor": self.tr("Doctor"), "site": self.tr("Site"),
                "reviews": self.tr("Reviews"), "agreement": self.tr("Agreement"),
                "minor": self.tr("Minor"), "major": self.tr("Major"),
                "lessons": self.tr("Lessons watched"),
                "quizzes": self.tr("Quizzes"), "weakest": self.tr("Weakest body part"),
                "suggested": self.tr("Suggested cases"),
                "majors": self.tr("Major discrepancies"), "accession": self.tr("Accession"),
                "when": self.tr("Date"), "reviewer": self.tr("Reviewer"),
                "part": self.tr("Exam"), "weekly": self.tr("weekly agreement")}

    def export_csv(self, path: Path) -> None:
        if self.data is not None:
            self._tasks.db(self._desk.export_csv, self.data, path)

    def export_pdf(self, path: Path) -> None:
        if self.data is not None:
            self._tasks.net(self._desk.export_pdf, self.data, path, self._site_name,
                            self.pdf_labels())

    def _ask_csv(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export CSV"),
                                              "teaching-progress.csv", "CSV (*.csv)")
        if name:
            self.export_csv(Path(name))

    def _ask_pdf(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export PDF"),
                                              "teaching-progress.pdf", "PDF (*.pdf)")
        if name:
            self.export_pdf(Path(name))
