"""The registration desk (community): patient, exam, requisition scans, returning
patients, and today's registrations with their delivery to the center.

Registering writes locally and queues the message for the center, so it works
offline; the list below says "queued, will sync" until the center has it.
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ...app.bootstrap import Services
from ...events import Event
from ...registration.catalogue import Procedure, load_catalogue
from ...registration.desk import Registered, SyncState
from ...registration.form import FormCheck, Problem, RegistrationForm, check_form
from ...registration.identity import id_birth_date, id_sex, national_id_problem
from ...registration.phonetic import phonetic_name, spoken_form
from ...registration.returning import Lookup
from ...storage.enums import Priority, ReadingMode
from ...sync.schemas import PatientHistory
from ...workflow.actors import Actor
from ..event_bridge import QtEventBridge
from ..labels import priority_label, reading_mode_label
from ..qt_login import SignedIn
from ..tasks import TaskRunner
from .qt_field_rows import FieldRows
from .qt_record_check import RecordNumberCheck
from .qt_registration_layout import arrange
from .qt_request_fields import RequestFields
from .qt_returning_panel import QtReturningPanel
from .qt_scan_strip import QtScanStrip
from .qt_today_table import QtTodayTable

LOGGER = logging.getLogger(__name__)
LOOKUP_DELAY_MS = 400
LABEL_WIDTH = 120


class QtRegistrationPage(QWidget):
    """Fill in, check, register; returning patients are offered as the clerk types."""

    registered = Signal(object)        # Registered
    lookup_finished = Signal(object)   # LookupResult

    def __init__(self, services: Services, session: SignedIn, tasks: TaskRunner,
                 bridge: QtEventBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._session = session
        self._tasks = tasks
        settings = services.settings
        self._tz = settings.site.tz
        self._catalogue: dict[str, Procedure] = load_catalogue()
        self._phonetic_typed = False
        self._consortium_id = ""
        self._busy = False
        self.rows = FieldRows(LABEL_WIDTH)
        self.errors, self.fields = self.rows.errors, self.rows.fields

        # -- patient -----------------------------------------------------------------------
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. 张三"))
        self.name.setMaxLength(64)
        self.phonetic = QLineEdit()
        self.phonetic.setPlaceholderText(self.tr("filled in from the name; correct if needed"))
        self.sex = QComboBox()
        self.sex.addItem(self.tr("Choose…"), "")
        self.sex.addItem(self.tr("Male"), "M")
        self.sex.addItem(self.tr("Female"), "F")
        self.sex.addItem(self.tr("Other"), "O")
        self.national_id = QLineEdit()
        self.national_id.setPlaceholderText(self.tr("18 characters; fills birth date and sex"))
        self.national_id.setMaxLength(18)
        self.birth_date = QLineEdit()
        self.birth_date.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.birth_date.setMaxLength(10)
        self.age = QLineEdit()
        self.age.setPlaceholderText(self.tr("years, if the birth date is unknown"))
        self.age.setMaxLength(3)
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("mobile or landline"))
        self.returning_chip = QLabel()
        self.returning_chip.setObjectName("chip")
        self.unlink_button = QPushButton(self.tr("Unlink"))
        self.unlink_button.clicked.connect(self.unlink_patient)
        chip_row = QHBoxLayout()
        chip_row.addWidget(self.returning_chip)
        chip_row.addWidget(self.unlink_button)
        chip_row.addStretch(1)
        self._show_link()

        self.referring = QLineEdit()  # the requesting doctor
        self.request = RequestFields(self.referring)
        self.record_check = RecordNumberCheck(
            self.rows, services.registration.record_number_pattern, settings.site.code)

        # -- exam --------------------------------------------------------------------------
        self.procedure = QComboBox()
        self.procedure.addItem(self.tr("Choose the exam…"), "")
        for item in self._catalogue.values():
            self.procedure.addItem(f"{item.description} · {item.description_en}  "
                                   f"({item.modality}, {item.body_part})", item.code)
        self.procedure.setMaxVisibleItems(20)
        self.priority = QComboBox()
        for value in Priority:
            self.priority.addItem(priority_label(value), value.value)
        self.reading_mode = QComboBox()
        for mode in (ReadingMode.CENTER_FULL, ReadingMode.COMMUNITY_PRELIM):
            self.reading_mode.addItem(reading_mode_label(mode), mode.value)
        self._default_mode = settings.workflow.default_reading_mode
        self.referring.setMaxLength(64)
        self.clinical_info = QPlainTextEdit()
        self.clinical_info.setPlaceholderText(self.tr("Symptoms, question to the radiologist"))
        self.clinical_info.setFixedHeight(52)
        self.clinical_info.setTabChangesFocus(True)
        self.submit_button = QPushButton(self.tr("Register  (Ctrl+Enter)"))
        self.submit_button.setObjectName("primary")
        self.submit_button.clicked.connect(self.submit)
        self.clear_button = QPushButton(self.tr("New patient"))
        self.clear_button.clicked.connect(self.clear_form)
        self.outcome = QLabel()
        self.outcome.setObjectName("outcome")
        self.outcome.setWordWrap(True)
        self.outcome.hide()
        actions = QHBoxLayout()
        actions.addWidget(self.clear_button)
        actions.addStretch(1)
        actions.addWidget(self.submit_button)

        # -- returning patient ---------------------------------------------------------
        self.matches = QtReturningPanel(services.returning, tasks, self._tz)
        self.matches.finished.connect(self.lookup_finished)
        self.matches.chosen.connect(self._use_patient)
        self.lookup_status = self.matches.status

        # -- scans and today's list --------------------------------------------------------
        self.scans = QtScanStrip(tasks)
        self.scans.problem.connect(self._scan_problem)
        self.scan_problem = QLabel()
        self.scan_problem.setObjectName("error")
        self.scan_problem.hide()
        self.today = QtTodayTable(services.registration_desk, tasks, self._tz)
        self.today_count = self.today.count

        arrange(self, chip_row, actions)

        # -- behaviour ---------------------------------------------------------------------
        self.name.textEdited.connect(self._name_edited)
        self.phonetic.textEdited.connect(self._phonetic_edited)
        self.national_id.textEdited.connect(self._id_edited)
        self.birth_date.editingFinished.connect(self._birth_finished)
        for widget in (self.name, self.birth_date):
            widget.editingFinished.connect(self._schedule_lookup)
        self._lookup_timer = QTimer(self)
        self._lookup_timer.setSingleShot(True)
        self._lookup_timer.setInterval(LOOKUP_DELAY_MS)
        self._lookup_timer.timeout.connect(self.lookup_now)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.submit)
        bridge.exam_transition.connect(self._on_transition)
        self.clear_form()
        self.refresh_today()

    # -- the form ----------------------------------------------------------------------
    def form(self) -> RegistrationForm:
        return RegistrationForm(
            name=self.name.text(), name_phonetic=self.phonetic.text(),
            sex=self.sex.currentData() or "", birth_date=self.birth_date.text(),
            age_years=self.age.text(), national_id=self.national_id.text(),
            phone=self.phone.text(), procedure_code=self.procedure.currentData() or "",
            priority=self.priority.currentData(), reading_mode=self.reading_mode.currentData(),
            referring_physician=self.referring.text(),
            clinical_info=self.clinical_info.toPlainText(),
            consortium_id=self._consortium_id, **self.request.values())

    def clear_form(self) -> None:
        for widget in (self.name, self.phonetic, self.national_id, self.birth_date, self.age,
                       self.phone, self.referring):
            widget.clear()
        self.clinical_info.clear()
        self.request.clear()
        self.record_check.reset()
        self.sex.setCurrentIndex(0)
        self.procedure.setCurrentIndex(0)
        self.priority.setCurrentIndex(0)
        self.reading_mode.setCurrentIndex(max(0, self.reading_mode.findData(self._default_mode)))
        self.scans.clear()
        self.scan_problem.hide()
        self._phonetic_typed = False
        self.matches.start_over(self.tr("Type the ID card number, or the name and birth date, to "
                                   "find earlier visits."))
        self.unlink_patient()
        self.show_problems({})
        self.name.setFocus()

    def show_problems(self, problems: dict[str, Problem]) -> None:
        for key in self.errors:
            self.rows.show(key, problems.get(key))

    def _name_edited(self, text: str) -> None:
        if not self._phonetic_typed:
            self.phonetic.setText(spoken_form(phonetic_name(text)))

    def _phonetic_edited(self, text: str) -> None:
        self._phonetic_typed = bool(text)  # clearing it hands it back to the automatic form

    def _id_edited(self, text: str) -> None:
        value = text.strip().upper()
        if len(value) < 18:
            self.errors["national_id"].hide()
            return
        id_problem = national_id_problem(value)
        problem = Problem(id_problem.value) if id_problem else None
        self.rows.show("national_id", problem)
        if problem:
            return
        birth = id_birth_date(value)
        if birth and not self.birth_date.text().strip():
            self.birth_date.setText(birth.isoformat())
        if self.sex.currentIndex() == 0:
            self.sex.setCurrentIndex(self.sex.findData(id_sex(value).value))
        self._lookup_timer.start()

    def _birth_finished(self) -> None:
        text = self.birth_date.text().strip()
        if len(text) == 8 and text.isdigit():  # 19600501 typed without dashes
            self.birth_date.setText(f"{text[:4]}-{text[4:6]}-{text[6:]}")

    # -- returning patients ----------------------------------------------------------
    def _schedule_lookup(self) -> None:
        self._lookup_timer.start()

    def current_lookup(self) -> Lookup:
        national_id = self.national_id.text().strip().upper()
        if national_id and national_id_problem(national_id) is None:
            return Lookup(national_id=national_id)
        name = self.name.text().strip()
        try:
            birth = date.fromisoformat(self.birth_date.text().strip())
        except ValueError:
            birth = None
        return Lookup(name=name or None, birth_date=birth)

    def lookup_now(self) -> None:
        if not self._consortium_id:  # a linked patient is not looked up again
            self.matches.look_up(self.current_lookup())

    def use_match(self) -> None:
        self.matches.use_current()

    def _use_patient(self, patient: PatientHistory) -> None:
        self.name.setText(patient.name)
        self.phonetic.setText(spoken_form(patient.name_phonetic))
        self._phonetic_typed = bool(patient.name_phonetic)
        self.sex.setCurrentIndex(max(0, self.sex.findData(patient.sex.value)))
        if patient.birth_date:
            self.birth_date.setText(patient.birth_date.isoformat())
        self._consortium_id = patient.consortium_id
        self._show_link(patient)

    def unlink_patient(self) -> None:
        self._consortium_id = ""
        self._show_link()

    def _show_link(self, patient: PatientHistory | None = None) -> None:
        linked = patient is not None
        if linked:
            self.returning_chip.setText(self.tr("Returning patient: {n} earlier exam(s) are "
                                                "linked").format(n=len(patient.exams)))
        self.returning_chip.setVisible(linked)
        self.unlink_button.setVisible(linked)

    # -- registering -------------------------------------------------------------------
    def submit(self) -> FormCheck | None:
        """Check the form; when it passes, register on the database worker."""
        if self._busy:
            return None
        now = self._services.workflow.clock().astimezone(self._tz)
        form = self.form()
        check = check_form(form, self._catalogue, now.date(),
                           record_pattern=self.record_check.pattern,
                           site_code=self.record_check.site_code)
        self.show_problems(check.problems)
        if not check.ok or check.result is None:
            first = next(iter(check.problems))
            self.fields[first].setFocus()
            self._say(self.tr("Please correct the marked fields."), error=True)
            return check
        if self.record_check.stops(check, form.record_number, now.date()):
            self.fields["record_number"].setFocus()
            self._say(QCoreApplication.translate(
                "QtRegistrationPage", "Please check the marked field; press Register again "
                "to keep it."), error=True)
            return check
        actor = Actor(self._session.username, self._session.role, self._session.site_code,
                      self._session.display_name)
        self._busy = True
        self.submit_button.setEnabled(False)
        self._tasks.db(self._services.registration_desk.register, actor, check.result,
                       self.scans.files()).success(self._on_registered).failure(
            self._on_register_failed)
        return check

    def _on_registered(self, result: Registered) -> None:
        self._busy = False
        self.submit_button.setEnabled(True)
        name = self.name.text().strip()
        if result.sync is SyncState.QUEUED:
            text = self.tr("{name} registered as {accession}: queued, will sync to the "
                           "center. The exam is on the DR worklist now.")
        else:
            text = self.tr("{name} registered as {accession}. The exam is on the "
                           "worklist now.")
        self._say(text.format(name=name, accession=result.accession_number))
        self.clear_form()
        self.refresh_today()
        self.registered.emit(result)

    def _on_register_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.submit_button.setEnabled(True)
        if self.record_check.refused(exc):
            self.fields["record_number"].setFocus()
            self._say(self.tr("Please correct the marked fields."), error=True)
            return
        LOGGER.error("registration failed", exc_info=exc)
        self._say(self.tr("Not registered: {error} Nothing was lost; correct it and press "
                          "Register again.").format(error=exc), error=True)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.outcome.setText(text)
        self.outcome.setProperty("error", error)
        self.outcome.style().unpolish(self.outcome)
        self.outcome.style().polish(self.outcome)
        self.outcome.show()

    def _scan_problem(self, text: str) -> None:
        self.scan_problem.setText(text)
        self.scan_problem.show()

    # -- today's registrations -----------------------------------------------------
    def refresh_today(self) -> None:
        self.today.refresh()

    def _on_transition(self, event: Event) -> None:
        if event.payload.get("site_code") == self._services.settings.site.code:
            self.refresh_today()
