"""The registration form's rules, checked field by field.

The desk shows every problem at once, next to its field, in the user's
language; so problems are codes (``Problem``) that the GUI words, not
sentences.  A form without problems becomes the ``PatientInput`` and
``OrderInput`` that ``register_exam`` takes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from ..storage.enums import PatientSource, Priority, ReadingMode, Sex
from ..workflow.identifiers import has_record_shape, record_number_text_problem
from .catalogue import Procedure
from .identity import (
    IdProblem,
    OrderInput,
    PatientInput,
    id_birth_date,
    id_sex,
    national_id_problem,
)
from .phonetic import dicom_form

MAX_AGE_YEARS = 130
_PHONE_RE = re.compile(r"^\+?[0-9][0-9 -]{5,19}$")
_PHONETIC_RE = re.compile(r"^[A-Za-z][A-Za-z' -]*(\^[A-Za-z' -]*)?$")


class Problem(StrEnum):
    """Why a field is not acceptable (the GUI words each one)."""

    REQUIRED = "required"
    NAME_TOO_LONG = "name_too_long"
    NAME_CHARACTERS = "name_characters"
    PHONETIC_CHARACTERS = "phonetic_characters"
    SEX_REQUIRED = "sex_required"
    BIRTH_OR_AGE = "birth_or_age"
    BIRTH_FORMAT = "birth_format"
    BIRTH_FUTURE = "birth_future"
    AGE_RANGE = "age_range"
    AGE_DIFFERS = "age_differs"
    ID_LENGTH = IdProblem.LENGTH.value
    ID_CHARACTERS = IdProblem.CHARACTERS.value
    ID_DATE = IdProblem.DATE.value
    ID_CHECK_DIGIT = IdProblem.CHECK_DIGIT.value
    ID_BIRTH_DIFFERS = "id_birth_differs"
    ID_SEX_DIFFERS = "id_sex_differs"
    PHONE_FORMAT = "phone_format"
    PROCEDURE_REQUIRED = "procedure_required"
    RECORD_NUMBER_FORMAT = "record_number_format"
    RECORD_NUMBER_BLANK = "record_number_blank"
    RECORD_NUMBER_LENGTH = "record_number_length"
    RECORD_NUMBER_SHAPE = "record_number_shape"  # a warning: the site's numbers look else
    RECORD_NUMBER_TAKEN = "record_number_taken"  # another patient has it (the desk says)
    RECORD_NUMBER_OTHER = "record_number_other"  # this patient has another one here
    TEXT_CHARACTERS = "text_characters"
    ADMISSION_NOT_INPATIENT = "admission_not_inpatient"


@dataclass(frozen=True)
class RegistrationForm:
    """What the clerk typed, as text (dates as ``YYYY-MM-DD``)."""

    name: str = ""
    name_phonetic: str = ""
    sex: str = ""
    birth_date: str = ""
    age_years: str = ""
    national_id: str = ""
    phone: str = ""
    procedure_code: str = ""
    priority: str = Priority.ROUTINE.value
    reading_mode: str = ""
    referring_physician: str = ""
    clinical_info: str = ""
    consortium_id: str = ""
    record_number: str = ""  # 病历号 on the requisition; empty: the site's next
    patient_source: str = PatientSource.OUTPATIENT.value
    requesting_department: str = ""
    admission_id: str = ""  # 住院号, inpatients only


@dataclass(frozen=True)
class CheckedForm:
    """A form that passed, ready for ``register_exam``."""

    patient: PatientInput
    order: OrderInput
    age_years: int | None


@dataclass
class FormCheck:
    """Problems stop the registration; warnings (``RECORD_NUMBER_SHAPE``) only ask the
    clerk to look again."""

    problems: dict[str, Problem] = field(default_factory=dict)
    result: CheckedForm | None = None
    warnings: dict[str, Problem] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def age_on(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def check_form(form: RegistrationForm, catalogue: dict[str, Procedure], today: date,
               default_station: str | None = None, *, record_pattern: str = "",
               site_code: str = "") -> FormCheck:
    """Every problem of ``form`` by field name, or the inputs to register.

    A typed record number that does not look like those ``record_pattern`` gives
    at ``site_code`` is a warning, not a problem (a number from an older system).
    """
    check = FormCheck()
    problems = check.problems
    name = form.name.strip()
    if not name:
        problems["name"] = Problem.REQUIRED
    elif len(name) > 64:
        problems["name"] = Problem.NAME_TOO_LONG
    elif any(c in name for c in "\\=^"):
        problems["name"] = Problem.NAME_CHARACTERS
    phonetic = dicom_form(form.name_phonetic.strip())
    if phonetic and not _PHONETIC_RE.match(phonetic):
        problems["name_phonetic"] = Problem.PHONETIC_CHARACTERS
    sex = Sex(form.sex) if form.sex in {s.value for s in Sex} else None
    if sex is None:
        problems["sex"] = Problem.SEX_REQUIRED

    national_id = form.national_id.strip().upper()
    id_birth = None
    if national_id:
        id_problem = national_id_problem(national_id)
        if id_problem:
            problems["national_id"] = Problem(id_problem.value)
        else:
            id_birth = id_birth_date(national_id)
            if sex in (Sex.MALE, Sex.FEMALE) and id_sex(national_id) is not sex:
                problems["sex"] = Problem.ID_SEX_DIFFERS

    birth = _check_birth(form, today, problems)
    if id_birth and "birth_date" not in problems:
        if birth and birth != id_birth:
            problems["birth_date"] = Problem.ID_BIRTH_DIFFERS
        birth = id_birth
    age = _check_age(form, birth, today, problems)
    if birth is None and age is None and not {"birth_date", "age_years"} & problems.keys():
        problems["birth_date"] = Problem.BIRTH_OR_AGE

    phone = form.phone.strip()
    if phone and not _PHONE_RE.match(phone):
        problems["phone"] = Problem.PHONE_FORMAT
    record = form.record_number.strip()
    record_problem = record_number_text_problem(form.record_number)
    if record_problem:
        problems["record_number"] = _RECORD_PROBLEMS[record_problem]
    elif record and record_pattern and not has_record_shape(record, record_pattern,
                                                            site_code):
        check.warnings["record_number"] = Problem.RECORD_NUMBER_SHAPE
    source = PatientSource(form.patient_source) if form.patient_source in {
        s.value for s in PatientSource} else PatientSource.OUTPATIENT
    for key in ("requesting_department", "referring_physician", "admission_id"):
        text = getattr(form, key).strip()
        if len(text) > 64 or "\\" in text:
            problems[key] = Problem.TEXT_CHARACTERS
    if form.admission_id.strip() and source is not PatientSource.INPATIENT:
        problems.setdefault("admission_id", Problem.ADMISSION_NOT_INPATIENT)
    item = catalogue.get(form.procedure_code)
    if item is None:
        problems["procedure_code"] = Problem.PROCEDURE_REQUIRED
    if problems:
        return check

    assert sex is not None
    assert item is not None
    years = age if age is not None else (age_on(birth, today) if birth else None)
    patient = PatientInput(name=name, sex=sex, name_phonetic=phonetic, birth_date=birth,
                           national_id=national_id or None, phone=phone or None,
                           consortium_id=form.consortium_id or None,
                           local_patient_id=record or None)
    order = OrderInput(
        procedure_code=item.code, procedure_description=item.description,
        modality=item.modality, body_part=item.body_part,
        priority=Priority(form.priority) if form.priority else Priority.ROUTINE,
        reading_mode=ReadingMode(form.reading_mode) if form.reading_mode else None,
        scheduled_station_ae=item.station or default_station,
        referring_physician=form.referring_physician.strip(),
        clinical_info=form.clinical_info.strip(),
        patient_age=f"{years:03d}Y" if years is not None else "",
        patient_source=source, requesting_department=form.requesting_department.strip(),
        admission_id=form.admission_id.strip())
    check.result = CheckedForm(patient, order, years)
    return check


_RECORD_PROBLEMS = {"blank": Problem.RECORD_NUMBER_BLANK,
                    "characters": Problem.RECORD_NUMBER_FORMAT,
                    "length": Problem.RECORD_NUMBER_LENGTH}


def _check_birth(form: RegistrationForm, today: date,
                 problems: dict[str, Problem]) -> date | None:
    text = form.birth_date.strip()
    if not text:
        return None
    try:
        birth = date.fromisoformat(text)
    except ValueError:
        problems["birth_date"] = Problem.BIRTH_FORMAT
        return None
    if birth > today:
        problems["birth_date"] = Problem.BIRTH_FUTURE
        return None
    return birth


def _check_age(form: RegistrationForm, birth: date | None, today: date,
               problems: dict[str, Problem]) -> int | None:
    text = form.age_years.strip()
    if not text:
        return None
    if not text.isdigit() or int(text) > MAX_AGE_YEARS:
        problems["age_years"] = Problem.AGE_RANGE
        return None
    age = int(text)
    if birth is not None and age_on(birth, today) != age:
        problems["age_years"] = Problem.AGE_DIFFERS
    return age
