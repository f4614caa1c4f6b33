"""Validated patient and order input, checked at the door."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from ..storage.enums import Priority, ReadingMode, Sex

# GB 11643-1999 resident identity number: 17 digits + check character.
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_PHONE_RE = re.compile(r"^\+?[0-9][0-9 -]{5,19}$")
_MODALITY_RE = re.compile(r"^[A-Z]{2,4}$")


def national_id_check_char(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def validate_national_id(value: str) -> tuple[str, date]:
    """Normalise an 18-character resident ID and return it with the birth date it encodes.

    Raises ValueError naming what is wrong (length, characters, date or check digit).
    """
    normalised = value.strip().upper()
    if len(normalised) != 18:
        raise ValueError(f"The ID card number must have 18 characters; {value!r} has "
                         f"{len(normalised)}.")
    if not normalised[:17].isdigit() or not (normalised[17].isdigit() or normalised[17] == "X"):
        raise ValueError("The ID card number must be 17 digits followed by a digit or X.")
    try:
        birth = datetime.strptime(normalised[6:14], "%Y%m%d").date()
    except ValueError:
        raise ValueError(f"The ID card number contains an impossible birth date "
                         f"{normalised[6:14]}.") from None
    expected = national_id_check_char(normalised[:17])
    if normalised[17] != expected:
        raise ValueError("The ID card number's check digit does not match; "
                         "please re-type the number.")
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
    referring_physician: str = ""
    clinical_info: str = ""

    def __post_init__(self) -> None:
        if not self.procedure_code.strip() or not self.procedure_description.strip():
            raise ValueError("Choose the exam to perform (procedure code and description).")
        if not _MODALITY_RE.match(self.modality):
            raise ValueError(f"Modality {self.modality!r} is not a DICOM modality code "
                             "such as DX, CR or CT.")
        if self.scheduled_station_ae is not None and not 0 < len(self.scheduled_station_ae) <= 16:
            raise ValueError("The station AE title must have 1–16 characters.")
