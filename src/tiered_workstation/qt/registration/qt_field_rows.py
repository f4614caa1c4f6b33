"""The registration form's rows: a caption, the field, and the line that says what is
wrong with it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from ...registration.form import Problem


class FieldRows:
    """The form's fields and their error lines, by the form's keys."""

    def __init__(self, label_width: int) -> None:
        self.label_width = label_width
        self.errors: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {}
        self.captions: dict[str, QLabel] = {}

    def place(
        self,
        grid: QGridLayout,
        row: int,
        column: int,
        label: str,
        widget: QWidget,
        key: str,
        *,
        required: bool = False,
        span: int = 1,
    ) -> None:
        """Put the row in cell (``row``, ``column``) of a two-column grid: caption then
        field, the field spanning ``span`` columns of fields."""
        caption, holder = self._parts(label, widget, key, required)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(caption, row, 2 * column, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(holder, row, 2 * column + 1, 1, 2 * span - 1, Qt.AlignmentFlag.AlignTop)

    def _parts(
        self, label: str, widget: QWidget, key: str, required: bool
    ) -> tuple[QLabel, QWidget]:
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
        # level with the field's first line (a fixed-height text box is as tall as it is)
        caption.setMinimumHeight(min(widget.sizeHint().height(), widget.maximumHeight(), 40))
        self.captions[key] = caption
        return caption, holder

    def show(self, key: str, problem: Problem | None) -> None:
        self.say(key, problem_text(problem) if problem else "")

    def say(self, key: str, text: str) -> None:
        """Show ``text`` under the field (nothing: hide the line)."""
        label = self.errors[key]
        label.setText(text)
        label.setVisible(bool(text))


def record_number_words(problem: Problem, *, example: str = "", other_patient: str = "",
                        known: str = "") -> str:
    """What is wrong with a typed record number, with the values that explain it."""
    if problem is Problem.RECORD_NUMBER_SHAPE:
        return QCoreApplication.translate(
            "QtRegistrationPage", "This site's record numbers look like {example}. Check the "
            "number; press Register again to keep it as typed.").format(example=example)
    if problem is Problem.RECORD_NUMBER_TAKEN:
        return QCoreApplication.translate(
            "QtRegistrationPage", "This record number belongs to another patient ({name}). "
            "Check the number, or find that patient under Returning patient.").format(
            name=other_patient)
    if problem is Problem.RECORD_NUMBER_OTHER:
        return QCoreApplication.translate(
            "QtRegistrationPage", "This patient already has record number {known} here: "
            "type that number or leave the field empty.").format(known=known)
    return problem_text(problem)


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
            "QtRegistrationPage",
            "A record number cannot contain a backslash (\\), tabs or line breaks.",
        ),
        Problem.RECORD_NUMBER_BLANK: QCoreApplication.translate(
            "QtRegistrationPage",
            "Only spaces: type the number, or leave the field empty for the next one.",
        ),
        Problem.RECORD_NUMBER_LENGTH: QCoreApplication.translate(
            "QtRegistrationPage", "At most 64 characters."
        ),
        Problem.TEXT_CHARACTERS: QCoreApplication.translate(
            "QtRegistrationPage", "At most 64 characters, without '\\'."
        ),
        Problem.ADMISSION_NOT_INPATIENT: QCoreApplication.translate(
            "QtRegistrationPage", "Only an inpatient has an admission ID."
        ),
    }
    return words.get(problem, str(problem))
