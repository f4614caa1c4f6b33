"""Patient history (both sites): find a person by ID card number or name with birth date,
in this site's records and the center's, and read their earlier exams and reports."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..app.bootstrap import Services
from ..registration.identity import national_id_problem
from ..registration.returning import Lookup, LookupResult
from ..storage.enums import ReportStatus
from ..sync.schemas import ExamHistory, PatientHistory
from .labels import request_rows, sex_label, state_label
from .tasks import TaskRunner
from .widgets import card


class QtHistoryPage(QWidget):
    """Search, the matching people, one person's exams, one exam's report."""

    searched = Signal(object)  # LookupResult
    open_requested = Signal(str)  # accession number: show its images

    def __init__(self, services: Services, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self._tz = services.settings.site.tz
        self._patients: list[PatientHistory] = []

        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("ID card number, or the patient's name"))
        self.birth_date = QLineEdit()
        self.birth_date.setPlaceholderText(self.tr("Birth date YYYY-MM-DD (with a name)"))
        self.birth_date.setMaximumWidth(260)
        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.setObjectName("primary")
        self.search_button.clicked.connect(self.search)
        self.query.returnPressed.connect(self.search)
        self.birth_date.returnPressed.connect(self.search)
        self.status = QLabel(self.tr("Earlier exams of a patient, from this site and the "
                                     "center."))
        self.status.setObjectName("muted")
        self.status.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.query, 2)
        bar.addWidget(self.birth_date, 1)
        bar.addWidget(self.search_button)

        self.people = QListWidget()
        self.people.currentRowChanged.connect(self._show_patient)
        self.exams = QTableWidget(0, 5)
        self.exams.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Site"), self.tr("Exam"),
                                              self.tr("Modality"), self.tr("State")])
        self.exams.verticalHeader().hide()
        self.exams.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.exams.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.exams.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.exams.setAlternatingRowColors(True)
        header = self.exams.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.exams.currentCellChanged.connect(lambda row, *_: self._show_exam(row))
        self.exams.cellDoubleClicked.connect(lambda row, _c: self._open(row))
        self.report = QTextBrowser()
        self.report.setObjectName("reportView")

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(card(self.tr("Exams"), self.exams, stretch_first=True))
        right.addWidget(card(self.tr("Report"), self.report, stretch_first=True))
        split = QSplitter()
        split.addWidget(card(self.tr("Patients"), self.people, stretch_first=True))
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)

    def lookup(self) -> Lookup | None:
        text = self.query.text().strip()
        if len(text) == 18 and national_id_problem(text) is None:
            return Lookup(national_id=text.upper())
        try:
            birth = date.fromisoformat(self.birth_date.text().strip())
        except ValueError:
            birth = None
        if text and birth:
            return Lookup(name=text, birth_date=birth)
        return None

    def search(self) -> None:
        query = self.lookup()
        if query is None:
            self.status.setText(self.tr("Type a valid ID card number, or a name together "
                                        "with the birth date (a name alone may be many "
                                        "people)."))
            return
        self.status.setText(self.tr("Searching…"))
        self.search_button.setEnabled(False)
        self._tasks.net(self._services.returning.find, query).success(self._show).failure(
            self._failed)

    def _show(self, result: LookupResult) -> None:
        self.search_button.setEnabled(True)
        self._patients = result.patients
        self.people.clear()
        for patient in result.patients:
            birth = patient.birth_date.isoformat() if patient.birth_date else "—"
            item = QListWidgetItem(f"{patient.name}  {sex_label(patient.sex.value)}  {birth}\n"
                                   f"{patient.name_phonetic.replace('^', ' ')}")
            self.people.addItem(item)
        text = self.tr("%n patient(s) found.", "", len(result.patients))
        if result.center_error:
            text += " " + self.tr("The center cannot be reached, so only this site's "
                                  "records were searched.")
        self.status.setText(text)
        if result.patients:
            self.people.setCurrentRow(0)
        else:
            self._show_patient(-1)
        self.searched.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.search_button.setEnabled(True)
        self.status.setText(self.tr("The search failed: {error}").format(error=exc))

    def _show_patient(self, row: int) -> None:
        exams = self._patients[row].exams if 0 <= row < len(self._patients) else []
        self.exams.setRowCount(len(exams))
        for r, exam in enumerate(exams):
            values = (exam.registered_at.astimezone(self._tz).strftime("%Y-%m-%d %H:%M"),
                      exam.site_code, exam.procedure_description, exam.modality,
                      state_label(exam.state))
            for c, value in enumerate(values):
                self.exams.setItem(r, c, QTableWidgetItem(value))
        if exams:
            self.exams.selectRow(0)
            self._show_exam(0)
        else:
            self.report.clear()

    def _show_exam(self, row: int) -> None:
        patient_row = self.people.currentRow()
        if not 0 <= patient_row < len(self._patients):
            return
        exams = self._patients[patient_row].exams
        if 0 <= row < len(exams):
            self.report.setHtml(self.report_html(exams[row]))

    def _open(self, row: int) -> None:
        patient_row = self.people.currentRow()
        if 0 <= patient_row < len(self._patients):
            exams = self._patients[patient_row].exams
            if 0 <= row < len(exams):
                self.open_requested.emit(exams[row].accession_number)

    def report_html(self, exam: ExamHistory) -> str:
        head = (f"<h3>{html.escape(exam.procedure_description)}</h3>"
                f"<p>{html.escape(exam.accession_number)} · {html.escape(exam.site_code)} · "
                f"{exam.registered_at.astimezone(self._tz):%Y-%m-%d %H:%M} · "
                f"{html.escape(state_label(exam.state))}</p>"
                + self.request_html(exam))
        report = exam.report
        if report is None:
            return head + "<p><i>" + html.escape(self.tr("No report yet.")) + "</i></p>"

        def block(title: str, text: str) -> str:
            body = html.escape(text).replace("\n", "<br>")
            return f"<p><b>{html.escape(title)}</b><br>{body}</p>"

        return (head + block(self.tr("Findings"), report.findings)
                + block(self.tr("Impression"), report.impression)
                + "<p style='color:#5b6775'>" + html.escape(
                    self.tr("{status} · {authors}").format(
                        status=self.status_text(report.status),
                        authors="、".join(report.authors))) + "</p>")

    @staticmethod
    def request_html(exam: ExamHistory) -> str:
        """Record number, source, admission ID, requesting department and doctor."""
        cells = "".join(
            f"<tr><td style='color:#5b6775; padding-right:12px'>{html.escape(caption)}</td>"
            f"<td>{html.escape(value)}</td></tr>"
            for caption, value in request_rows(exam.record_number, exam.patient_source,
                                               exam.requesting_department,
                                               exam.referring_physician, exam.admission_id))
        return f"<table>{cells}</table>"

    def status_text(self, status: str) -> str:
        return {ReportStatus.DRAFT.value: self.tr("Draft"),
                ReportStatus.PRELIMINARY.value: self.tr("Preliminary report"),
                ReportStatus.FINAL.value: self.tr("Signed report")}.get(status, status)
