"""The registration desk's "Returning patient" card: earlier records of the person being
typed in, found here and at the center on a worker, to check and use."""

from __future__ import annotations

import logging
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton

from ...registration.returning import Lookup, LookupResult, ReturningPatients
from ...sync.schemas import PatientHistory
from ..labels import sex_label, state_label
from ..tasks import TaskRunner

LOGGER = logging.getLogger(__name__)


class QtReturningPanel(QListWidget):
    """The list of matches; ``status_row`` (status text and the use button) goes under it.

    ``finished`` carries each :class:`LookupResult` shown; ``chosen`` the patient
    the clerk decided to use.
    """

    finished = Signal(object)  # LookupResult
    chosen = Signal(object)  # PatientHistory

    def __init__(
        self, returning: ReturningPatients[PatientHistory], tasks: TaskRunner, tz: ZoneInfo
    ) -> None:
        super().__init__()
        self._returning = returning
        self._tasks = tasks
        self._tz = tz
        self._matches: list[PatientHistory] = []
        self._asked: Lookup | None = None
        self.setObjectName("matches")
        self.setFixedHeight(64)
        self.hide()  # shown when there is something to choose
        self.itemDoubleClicked.connect(lambda _item: self.use_current())
        self.currentRowChanged.connect(lambda row: self.use_button.setEnabled(row >= 0))
        self.status = QLabel()
        self.status.setObjectName("muted")
        self.status.setWordWrap(True)
        self.use_button = QPushButton(
            QCoreApplication.translate("QtRegistrationPage", "Use this patient")
        )
        self.use_button.setEnabled(False)
        self.use_button.clicked.connect(self.use_current)
        self.status_row = QHBoxLayout()
        self.status_row.addWidget(self.status, 1)
        self.status_row.addWidget(self.use_button)

    def start_over(self, hint: str) -> None:
        """Nothing asked yet; ``hint`` says what to type."""
        self._matches = []
        self._asked = None
        self.clear()
        self.hide()
        self.use_button.hide()
        self.status.setText(hint)

    def look_up(self, query: Lookup) -> None:
        """Ask for ``query`` unless it is unusable or was just asked."""
        if not query.usable or query == self._asked:
            return
        self._asked = query
        self.status.setText(
            QCoreApplication.translate("QtRegistrationPage", "Looking for earlier visits…")
        )
        self._tasks.net(self._returning.find, query).success(
            lambda result, q=query: self._show(q, result)
        ).failure(self._failed)

    def use_current(self) -> None:
        row = self.currentRow()
        if 0 <= row < len(self._matches):
            self.chosen.emit(self._matches[row])

    def _show(self, query: Lookup, result: LookupResult) -> None:
        if query != self._asked:
            return  # the clerk has typed on since
        self._matches = result.patients
        self.clear()
        self.setVisible(bool(result.patients))
        self.use_button.setVisible(bool(result.patients))
        for patient in result.patients:
            self.addItem(QListWidgetItem(self._describe(patient)))
        if result.patients:
            self.setCurrentRow(0)
            text = QCoreApplication.translate(
                "QtRegistrationPage",
                "%n earlier patient record(s) found: check and use.",
                "",
                len(result.patients),
            )
        else:
            text = QCoreApplication.translate(
                "QtRegistrationPage", "No earlier visits: a new patient."
            )
        if result.center_error:
            text += " " + QCoreApplication.translate(
                "QtRegistrationPage",
                "The center cannot be reached, so only this site's records were searched.",
            )
        self.status.setText(text)
        self.finished.emit(result)

    def _describe(self, patient: PatientHistory) -> str:
        birth = patient.birth_date.isoformat() if patient.birth_date else "—"
        head = (
            f"{patient.name}  {patient.name_phonetic.replace('^', ' ')}  "
            f"{sex_label(patient.sex.value)}  {birth}"
        )
        if not patient.exams:
            return head
        last = patient.exams[0]
        when = last.registered_at.astimezone(self._tz).strftime("%Y-%m-%d")
        return (
            head
            + "\n"
            + QCoreApplication.translate(
                "QtRegistrationPage",
                "%n exam(s); last {when} {exam} at {site} ({state})",
                "",
                len(patient.exams),
            ).format(
                when=when,
                exam=last.procedure_description,
                site=last.site_code,
                state=state_label(last.state),
            )
        )

    def _failed(self, exc: BaseException) -> None:
        LOGGER.warning("returning-patient lookup failed: %s", exc)
        self._asked = None
        self.status.setText(
            QCoreApplication.translate(
                "QtRegistrationPage", "Earlier visits could not be searched: {error}"
            ).format(error=exc)
        )
