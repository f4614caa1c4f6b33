"""Validated patient and order input, checked at the door."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from ..storage.enums import PatientSource, Priority, ReadingMode, Sex

# GB 11643-1999 resident identity number: 17 digits + check character.
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_PHONE_RE = re.compile(r"^\+?[0-9][0-9 -]{5,19}$")
_MODALITY_RE = re.compile(r"^[A-Z]{2,4}$")
_AGE_RE = re.compile(r"^[0-9]{3}[DWMY]$")


def national_id_check_char(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


class IdProblem(StrEnum):
    """What is wrong with a resident ID card number."""

    LENGTH = "id_length"
    CHARACTERS = "id_characters"
    DATE = "id_date"
    CHECK_DIGIT = "id_check_digit"


_ID_MESSAGES = {
    IdProblem.LENGTH: "The ID card number must have 18 characters; {value!r} has {n}.",
    IdProblem.CHARACTERS: "The ID card number must be 17 digits followed by a digit or X.",
    IdProblem.DATE: "The ID card number contains an impossible birth date {digits}.",
    IdProblem.CHECK_DIGIT: "The ID card number's check digit does not match; please re-type "
                           "the number.",
}


def id_birth_date(national_id: str) -> date | None:
    """The birth date digits 7–14 encode, or None when they are no date."""
    try:
        return datetime.strptime(national_id[6:14], "%Y%m%d").date()
    except ValueError:
        return None


def id_sex(national_id: str) -> Sex:
    """The 17th digit is odd for men and even for women."""
    return Sex.MALE if int(national_id[16]) % 2 else Sex.FEMALE


def national_id_problem(value: str) -> IdProblem | None:
    """What is wrong with an 18-character resident ID number, if anything."""
    text = value.strip().upper()
    if len(text) != 18:
        return IdProblem.LENGTH
    if not text[:17].isdigit() or not (text[17].isdigit() or text[17] == "X"):
        return IdProblem.CHARACTERS
    if id_birth_date(text) is None:
        return IdProblem.DATE
    if national_id_check_char(text[:17]) != text[17]:
        return IdProblem.CHECK_DIGIT
    return None


def validate_national_id(value: str) -> tuple[str, date]:
    """Normalise an 18-character resident ID and return it with the birth date it encodes.

    Raises ValueError naming what is wrong (length, characters, date or check digit).
    """
    normalised = value.strip().upper()
    problem = national_id_problem(normalised)
    if problem is not None:
        raise ValueError(_ID_MESSAGES[problem].format(value=value, n=len(normalised),
                                                      digits=normalised[6:14]))
    birth = id_birth_date(normalised)
    assert birth is not None
    return normalised, birth


@dataclass(frozen=True)
class PatientInput:
    """Patient details as typed at registration."""

    name: str
    sex: Sex = Sex.UNKNOWN
    name_phonetic: str = ""
    birth_date: date | None = None
    national_id: str | None = None
    phone: str | None = None
    local_patient_id: str | None = None
    consortium_id: str | None = None  # a returning patient, as the center knows them

    def __post_init__(self) -> None:
        name = self.name.strip()
        if not name:
            raise ValueError("The patient's name is required.")
        if len(name) > 64 or any(c in name for c in "\\=^"):
            raise ValueError("The patient's name must be at most 64 characters without "
                             "'\\', '=' or '^'.")
        object.__setattr__(self, "name", name)
        if self.national_id:
            normalised, birth = validate_national_id(self.national_id)
            if self.birth_date and self.birth_date != birth:
                raise ValueError(f"The birth date {self.birth_date} differs from the one in "
                                 f"the ID card number ({birth}).")
            object.__setattr__(self, "national_id", normalised)
            object.__setattr__(self, "birth_date", birth)
        if self.birth_date and self.birth_date > date.today():
            raise ValueError("The birth date lies in the future.")
        if self.phone and not _PHONE_RE.match(self.phone.strip()):
            raise ValueError(f"The phone number {self.phone!r} is not valid.")


@dataclass(frozen=True)
class OrderInput:
    """The exam requested for the patient."""

    procedure_code: str
    procedure_description: str
    modality: str
    body_part: str = ""
    priority: Priority = Priority.ROUTINE
    reading_mode: ReadingMode | None = None
    scheduled_station_ae: str | None = None
    referring_physician: str = ""  # the requesting doctor (申请医生)
    clinical_info: str = ""
    patient_age: str = ""  # DICOM AS, e.g. "045Y"
    patient_source: PatientSource = PatientSource.OUTPATIENT
    requesting_department: str = ""  # 申请科室
    admission_id: str = ""  # 住院号, inpatients only

    def __post_init__(self) -> None:
        if not self.procedure_code.strip() or not self.procedure_description.strip():
            raise ValueError("Choose the exam to perform (procedure code and description).")
        if not _MODALITY_RE.match(self.modality):
            raise ValueError(f"Modality {self.modality!r} is not a DICOM modality code "
                             "such as DX, CR or CT.")
        if self.scheduled_station_ae is not None and not 0 < len(self.scheduled_station_ae) <= 16:
            raise ValueError("The station AE title must have 1–16 characters.")
        if self.patient_age and not _AGE_RE.match(self.patient_age):
            raise ValueError(f"Age {self.patient_age!r} is not a DICOM age such as 045Y.")
        for label, text in (("requesting department", self.requesting_department),
                            ("requesting doctor", self.referring_physician),
                            ("admission ID", self.admission_id)):
            if len(text) > 64 or "\\" in text:
                raise ValueError(f"The {label} must be at most 64 characters without "
                                 "'\\'.")
        if self.admission_id and self.patient_source is not PatientSource.INPATIENT:
            raise ValueError("Only an inpatient has an admission ID.")
