"""The registration form reports every problem by field, and passes good input on."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tiered_workstation.registration.catalogue import load_catalogue
from tiered_workstation.registration.form import Problem, RegistrationForm, check_form
from tiered_workstation.registration.identity import id_sex, national_id_problem
from tiered_workstation.storage.enums import Priority, ReadingMode, Sex

TODAY = date(2026, 11, 28)
CATALOGUE = load_catalogue()
VALID_ID = "11010519491231002X"  # GB 11643 example: born 1949-12-31, female
GOOD = RegistrationForm(name="张三", name_phonetic="Zhang^San", sex="F",
                        national_id=VALID_ID.lower(), phone="138 0013 8000",
                        procedure_code="DXCHEST2", priority="urgent",
                        reading_mode="community-prelim", clinical_info="咳嗽两周")


def test_good_form_becomes_registration_inputs() -> None:
    check = check_form(GOOD, CATALOGUE, TODAY)
    assert check.ok
    assert check.result is not None
    patient, order = check.result.patient, check.result.order
    assert patient.national_id == VALID_ID
    assert patient.birth_date == date(1949, 12, 31)   # taken from the ID number
    assert patient.sex is Sex.FEMALE
    assert order.procedure_code == "DXCHEST2"
    assert order.modality == "DX"
    assert order.body_part == "CHEST"
    assert order.scheduled_station_ae == "DR01"
    assert order.priority is Priority.URGENT
    assert order.reading_mode is ReadingMode.COMMUNITY_PRELIM
    assert check.result.age_years == 76
    assert order.patient_age == "076Y"
    assert order.clinical_info == "咳嗽两周"


def test_empty_form_names_every_missing_field() -> None:
    check = check_form(RegistrationForm(), CATALOGUE, TODAY)
    assert check.result is None
    assert check.problems == {"name": Problem.REQUIRED, "sex": Problem.SEX_REQUIRED,
                              "birth_date": Problem.BIRTH_OR_AGE,
                              "procedure_code": Problem.PROCEDURE_REQUIRED}


def test_age_alone_is_enough_and_is_recorded_as_a_dicom_age() -> None:
    form = replace(GOOD, national_id="", birth_date="", age_years="8")
    check = check_form(form, CATALOGUE, TODAY)
    assert check.ok
    assert check.result is not None
    assert check.result.patient.birth_date is None
    assert check.result.order.patient_age == "008Y"


@pytest.mark.parametrize(("value", "problem"), [
    ("1101051949123100", Problem.ID_LENGTH),
    ("11010519491231002Y", Problem.ID_CHARACTERS),
    ("110105194913310028", Problem.ID_DATE),
    ("110105194912310021", Problem.ID_CHECK_DIGIT),
])
def test_national_id_problems(value: str, problem: Problem) -> None:
    assert national_id_problem(value).value == problem.value
    check = check_form(replace(GOOD, national_id=value), CATALOGUE, TODAY)
    assert check.problems["national_id"] is problem


def test_id_card_must_agree_with_sex_birth_date_and_age() -> None:
    assert id_sex(VALID_ID) is Sex.FEMALE
    check = check_form(replace(GOOD, sex="M", birth_date="1950-01-01", age_years="40"),
                       CATALOGUE, TODAY)
    assert check.problems == {"sex": Problem.ID_SEX_DIFFERS,
                              "birth_date": Problem.ID_BIRTH_DIFFERS,
                              "age_years": Problem.AGE_DIFFERS}


@pytest.mark.parametrize(("changes", "field", "problem"), [
    ({"name": "张^三"}, "name", Problem.NAME_CHARACTERS),
    ({"name": "张" * 65}, "name", Problem.NAME_TOO_LONG),
    ({"name_phonetic": "张三"}, "name_phonetic", Problem.PHONETIC_CHARACTERS),
    ({"national_id": "", "birth_date": "2027-01-01"}, "birth_date", Problem.BIRTH_FUTURE),
    ({"national_id": "", "birth_date": "28/11/1960"}, "birth_date", Problem.BIRTH_FORMAT),
    ({"national_id": "", "age_years": "200"}, "age_years", Problem.AGE_RANGE),
    ({"phone": "call me"}, "phone", Problem.PHONE_FORMAT),
    ({"procedure_code": "NOPE"}, "procedure_code", Problem.PROCEDURE_REQUIRED),
])
def test_field_problems(changes: dict[str, str], field: str, problem: Problem) -> None:
    check = check_form(replace(GOOD, **changes), CATALOGUE, TODAY)
    assert check.problems == {field: problem}


def test_returning_patient_keeps_consortium_identity() -> None:
    check = check_form(replace(GOOD, consortium_id="c0ffee00-0000-4000-8000-000000000001"),
                       CATALOGUE, TODAY)
    assert check.result is not None
    assert check.result.patient.consortium_id == "c0ffee00-0000-4000-8000-000000000001"


@pytest.mark.parametrize(("written", "stored"), [
    ("Zhang San", "Zhang^San"), ("  Ouyang   Nana ", "Ouyang^Nana"),
    ("Zhang^San", "Zhang^San"), ("Zhang", "Zhang")])
def test_pinyin_written_as_people_write_it_is_stored_in_the_dicom_form(
        written: str, stored: str) -> None:
    check = check_form(replace(GOOD, name_phonetic=written), CATALOGUE, TODAY)
    assert check.result is not None
    assert check.result.patient.name_phonetic == stored


def test_a_record_number_from_the_requisition_is_taken_as_typed() -> None:
    check = check_form(replace(GOOD, record_number=" MZ-2026/0457 "), CATALOGUE, TODAY)
    assert check.ok
    assert check.result is not None
    assert check.result.patient.local_patient_id == "MZ-2026/0457"
    assert check_form(GOOD, CATALOGUE, TODAY).result.patient.local_patient_id is None
    bad = check_form(replace(GOOD, record_number="MZ\\1"), CATALOGUE, TODAY)
    assert bad.problems == {"record_number": Problem.RECORD_NUMBER_FORMAT}


@pytest.mark.parametrize(("typed", "problem"), [
    ("   ", Problem.RECORD_NUMBER_BLANK),
    ("MZ\\0457", Problem.RECORD_NUMBER_FORMAT),
    ("MZ\t0457", Problem.RECORD_NUMBER_FORMAT),
    ("MZ\x7f", Problem.RECORD_NUMBER_FORMAT),
    ("9" * 65, Problem.RECORD_NUMBER_LENGTH),
])
def test_a_typed_record_number_must_fit_a_dicom_patient_id(typed: str, problem: Problem) -> None:
    check = check_form(replace(GOOD, record_number=typed), CATALOGUE, TODAY)
    assert check.problems == {"record_number": problem}


@pytest.mark.parametrize(("typed", "warned"), [
    ("CM012026000457", False), ("CM0120261234567", False),  # the sequence may outgrow 6
    ("CM012026457", True), ("MZ2026000457", True), ("cm012026000457", True),
    ("CM01202600045X", True)])
def test_a_typed_record_number_unlike_the_sites_pattern_is_a_warning(
        typed: str, warned: bool) -> None:
    check = check_form(replace(GOOD, record_number=typed), CATALOGUE, TODAY,
                       record_pattern="{site}{yyyy}{seq:06d}", site_code="CM01")
    assert check.ok  # only a warning: numbers of an older system stay possible
    assert check.warnings == ({"record_number": Problem.RECORD_NUMBER_SHAPE} if warned else {})


def test_the_shape_follows_the_configured_pattern() -> None:
    from tiered_workstation.workflow.identifiers import has_record_shape

    assert has_record_shape("MZ2612-0001", "MZ{yy}{mm}-{seq:04d}", "CH01")
    assert not has_record_shape("MZ2613-0001", "MZ{yy}{mm}-{seq:04d}", "CH01")  # month 13
    assert not has_record_shape("MZ2612-001", "MZ{yy}{mm}-{seq:04d}", "CH01")
    assert has_record_shape("7", "{seq}", "CH01")
    assert not has_record_shape("A7", "{seq}", "CH01")


def test_patient_source_department_doctor_and_admission_id() -> None:
    form = replace(GOOD, patient_source="inpatient", requesting_department="呼吸内科",
                   referring_physician="王医生", admission_id="ZY0815")
    order = check_form(form, CATALOGUE, TODAY).result.order
    assert (order.patient_source.value, order.requesting_department, order.referring_physician,
            order.admission_id) == ("inpatient", "呼吸内科", "王医生", "ZY0815")
    outpatient = check_form(replace(form, patient_source="outpatient"), CATALOGUE, TODAY)
    assert outpatient.problems == {"admission_id": Problem.ADMISSION_NOT_INPATIENT}
