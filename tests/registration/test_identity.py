"""Patient and order input is validated at the door."""

from __future__ import annotations

from datetime import date

import pytest

from tiered_workstation.registration.identity import (
    OrderInput,
    PatientInput,
    national_id_check_char,
    validate_national_id,
)

# The GB 11643 example number (check character X).
VALID = "11010519491231002X"


def test_valid_national_id_gives_birth_date() -> None:
    assert validate_national_id(" 11010519491231002x ") == (VALID, date(1949, 12, 31))
    assert national_id_check_char(VALID[:17]) == "X"


@pytest.mark.parametrize(("value", "message"), [
    ("1101051949123100", "18 characters"),
    ("11010519491231002Y", "digit or X"),
    ("110105194913310028", "impossible birth date"),
    ("110105194912310021", "check digit does not match"),
])
def test_bad_national_ids(value: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        validate_national_id(value)


def test_patient_input_takes_birth_date_from_id_and_checks_consistency() -> None:
    patient = PatientInput("张三", national_id=VALID.lower())
    assert patient.birth_date == date(1949, 12, 31)
    assert patient.national_id == VALID
    with pytest.raises(ValueError, match="differs from the one in the ID card"):
        PatientInput("张三", national_id=VALID, birth_date=date(1950, 1, 1))


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"name": "  "}, "name is required"),
    ({"name": "张^三"}, "without"),
    ({"name": "张三", "birth_date": date(2999, 1, 1)}, "future"),
    ({"name": "张三", "phone": "call me"}, "phone number"),
])
def test_bad_patient_input(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        PatientInput(**kwargs)


def test_bad_order_input() -> None:
    with pytest.raises(ValueError, match="Choose the exam"):
        OrderInput("", "", "DX")
    with pytest.raises(ValueError, match="DICOM modality code"):
        OrderInput("P", "Chest", "xray")
    with pytest.raises(ValueError, match="1–16"):
        OrderInput("P", "Chest", "DX", scheduled_station_ae="X" * 17)
