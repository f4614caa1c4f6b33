"""The registration form's rows: a caption, the field, and the line that says what is
wrong with it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from ...registration.form import Problem


class FieldRows:
    """The form's fields and their error lines, by the form's keys."""

    def __init__(self, label_width: int) -> None:
        self.label_width = label_width
        self.errors: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {}

    def add(
        self, form: QFormLayout, label: str, widget: QWidget, key: str, *, required: bool = False
    ) -> None:
        error = QLabel()
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.hide()
        self.errors[key] = error
        self.fields[key] = widget
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(error)
        caption = QLabel(f"{label} *" if required else label)
        caption.setMinimumWidth(self.label_width)
        form.addRow(caption, holder)

    def show(self, key: str, problem: Problem | None) -> None:
        label = self.errors[key]
        label.setText(problem_text(problem) if problem else "")
        label.setVisible(problem is not None)


def problem_text(problem: Problem) -> str:
    """What is wrong with a field, in the clerk's words."""
    words = {
        Problem.REQUIRED: QCoreApplication.translate("QtRegistrationPage", "Required."),
        Problem.NAME_TOO_LONG: QCoreApplication.translate(
            "QtRegistrationPage", "At most 64 characters."
        ),
        Problem.NAME_CHARACTERS: QCoreApplication.translate(
            "QtRegistrationPage", "A name cannot contain \\ = or ^."
        ),
        Problem.PHONETIC_CHARACTERS: QCoreApplication.translate(
            "QtRegistrationPage", "Latin letters only, the family name first (e.g. Zhang San)."
        ),
        Problem.SEX_REQUIRED: QCoreApplication.translate("QtRegistrationPage", "Choose the sex."),
        Problem.ID_SEX_DIFFERS: QCoreApplication.translate(
            "QtRegistrationPage", "The ID card number belongs to the other sex."
        ),
        Problem.BIRTH_OR_AGE: QCoreApplication.translate(
            "QtRegistrationPage", "Give the birth date or the age."
        ),
        Problem.BIRTH_FORMAT: QCoreApplication.translate(
            "QtRegistrationPage", "Write the date as YYYY-MM-DD, e.g. 1960-05-01."
        ),
        Problem.BIRTH_FUTURE: QCoreApplication.translate(
            "QtRegistrationPage", "The birth date lies in the future."
        ),
        Problem.ID_BIRTH_DIFFERS: QCoreApplication.translate(
            "QtRegistrationPage", "The ID card number gives another birth date."
        ),
        Problem.AGE_RANGE: QCoreApplication.translate(
            "QtRegistrationPage", "Age in whole years, 0–130."
        ),
        Problem.AGE_DIFFERS: QCoreApplication.translate(
            "QtRegistrationPage", "Does not match the birth date."
        ),
        Problem.ID_LENGTH: QCoreApplication.translate(
            "QtRegistrationPage", "An ID card number has 18 characters."
        ),
        Problem.ID_CHARACTERS: QCoreApplication.translate(
            "QtRegistrationPage", "17 digits followed by a digit or X."
        ),
        Problem.ID_DATE: QCoreApplication.translate(
            "QtRegistrationPage", "The birth date inside the number is impossible."
        ),
        Problem.ID_CHECK_DIGIT: QCoreApplication.translate(
            "QtRegistrationPage", "The check digit does not match: please re-type the number."
        ),
        Problem.PHONE_FORMAT: QCoreApplication.translate(
            "QtRegistrationPage", "Digits only (spaces and + allowed)."
        ),
        Problem.PROCEDURE_REQUIRED: QCoreApplication.translate(
            "QtRegistrationPage", "Choose the exam to perform."
        ),
        Problem.RECORD_NUMBER_FORMAT: QCoreApplication.translate(
            "QtRegistrationPage", "Letters, digits and . _ / - only, at most 64."
        ),
        Problem.TEXT_CHARACTERS: QCoreApplication.translate(
            "QtRegistrationPage", "At most 64 characters, without '\\'."
        ),
        Problem.ADMISSION_NOT_INPATIENT: QCoreApplication.translate(
            "QtRegistrationPage", "Only an inpatient has an admission ID."
        ),
    }
    return words.get(problem, str(problem))
