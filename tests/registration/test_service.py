"""Registering patients and exams; returning patients are recognised."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from support import TECH
from tiered_workstation.app.bootstrap import Services
from tiered_workstation.registration.identity import OrderInput, PatientInput
from tiered_workstation.registration.service import register_exam
from tiered_workstation.storage.enums import ExamState, Priority, ReadingMode, Sex
from tiered_workstation.storage.exams import Exam
from tiered_workstation.storage.patients import Patient

CHEST = OrderInput("DXCHEST2", "DR 胸部正侧位", "DX", "CHEST", priority=Priority.URGENT,
                   scheduled_station_ae="DR01")
ID_CARD = "11010519491231002X"


def register(services: Services, patient: PatientInput, at: datetime | None = None) -> Exam:
    with services.database.transaction() as session:
        exam, _ = register_exam(session, services.workflow, services.registration, TECH,
                                patient, CHEST, at=at)
        return exam


def test_registration_creates_patient_and_exam_ready_for_the_worklist(
        services: Services) -> None:
    at = datetime(2026, 11, 27, 17, 0, tzinfo=UTC)  # 01:00 on the 28th in Shanghai
    exam = register(services, PatientInput("张三", Sex.MALE, "Zhang^San", national_id=ID_CARD),
                    at=at)
    assert exam.accession_number == "CH012611280001"  # local date, not UTC date
    assert exam.study_instance_uid.startswith("2.25.")
    assert exam.state is ExamState.REGISTERED
    assert exam.reading_mode is ReadingMode.CENTER_FULL  # site default
    assert exam.priority is Priority.URGENT
    assert exam.scheduled_station_ae == "DR01"
    assert exam.registered_at == at
    with services.database.session() as session:
        stored = session.scalar(select(Exam))
        assert stored.patient.name == "张三"
        assert stored.patient.name_phonetic == "Zhang^San"
        assert stored.patient.national_id_masked == "110105********002X"
        assert [t.to_state for t in stored.transitions] == [ExamState.REGISTERED]


def test_returning_patient_is_matched_by_id_card_or_local_id(services: Services) -> None:
    first = register(services, PatientInput("张三", Sex.MALE, national_id=ID_CARD))
    again = register(services, PatientInput("张三", Sex.MALE, national_id=ID_CARD,
                                            phone="13800138000"))
    assert first.patient_id == again.patient_id
    a = register(services, PatientInput("李四", local_patient_id="P-1"))
    b = register(services, PatientInput("李四", local_patient_id="P-1"))
    assert a.patient_id == b.patient_id
    namesake = register(services, PatientInput("李四"))  # same name alone is not enough
    assert namesake.patient_id != a.patient_id
    with services.database.session() as session:
        assert session.scalar(select(func.count()).select_from(Patient)) == 3
        patient = session.get(Patient, a.patient_id)
        assert patient.identifier_at("CH01") == "P-1"


def test_registration_with_a_consortium_id_joins_that_patient(services: Services) -> None:
    known = "c0ffee00-0000-4000-8000-00000000abcd"
    first = register(services, PatientInput("李四", Sex.MALE, consortium_id=known))
    second = register(services, PatientInput("李四", Sex.MALE, consortium_id=known))
    assert first.patient.consortium_id == known
    assert second.patient_id == first.patient_id


def test_a_new_patient_gets_the_next_record_number_by_the_site_pattern(
        services: Services) -> None:
    at = datetime(2026, 11, 27, 17, 0, tzinfo=UTC)
    first = register(services, PatientInput("张三", Sex.MALE, national_id=ID_CARD), at=at)
    second = register(services, PatientInput("王芳", Sex.FEMALE), at=at)
    with services.database.session() as session:
        assert session.get(Patient, first.patient_id).identifier_at("CH01") == "CH012026000001"
        assert session.get(Patient, second.patient_id).identifier_at("CH01") == "CH012026000002"


def test_a_returning_patient_keeps_her_record_number(services: Services) -> None:
    first = register(services, PatientInput("张三", Sex.MALE, national_id=ID_CARD))
    register(services, PatientInput("王芳", Sex.FEMALE))
    again = register(services, PatientInput("张三", Sex.MALE, national_id=ID_CARD))
    assert again.patient_id == first.patient_id
    with services.database.session() as session:
        patient = session.get(Patient, first.patient_id)
        assert [i.value for i in patient.identifiers] == [patient.identifier_at("CH01")]
        assert patient.identifier_at("CH01").endswith("000001")


def test_a_typed_record_number_is_kept_and_the_pattern_skips_it(services: Services) -> None:
    from tiered_workstation.registration.service import RecordNumberTaken

    year = datetime.now(UTC).year
    typed = register(services, PatientInput("李四", local_patient_id=f"CH01{year}000001"))
    drawn = register(services, PatientInput("王芳"))
    with services.database.session() as session:
        assert session.get(Patient, typed.patient_id).identifier_at("CH01") == \
            f"CH01{year}000001"
        assert session.get(Patient, drawn.patient_id).identifier_at("CH01") == \
            f"CH01{year}000002"
    with pytest.raises(RecordNumberTaken):  # her number here is already known
        register(services, PatientInput("李四", national_id=None,
                                        consortium_id=typed.patient.consortium_id,
                                        local_patient_id="MZ-77"))


def test_the_record_number_pattern_is_configurable(services: Services) -> None:
    from dataclasses import replace

    services.registration = replace(services.registration,
                                    record_number_pattern="MZ{yy}{mm}-{seq:04d}")
    exam = register(services, PatientInput("王芳"), at=datetime(2026, 12, 2, 3, 0, tzinfo=UTC))
    with services.database.session() as session:
        assert session.get(Patient, exam.patient_id).identifier_at("CH01") == "MZ2612-0001"


def test_the_request_details_are_kept_on_the_exam(services: Services) -> None:
    from dataclasses import replace

    from tiered_workstation.storage.enums import PatientSource

    order = replace(CHEST, patient_source=PatientSource.INPATIENT, referring_physician="王医生",
                    requesting_department="呼吸内科", admission_id="ZY0815")
    with services.database.transaction() as session:
        exam, _ = register_exam(session, services.workflow, services.registration, TECH,
                                PatientInput("张三"), order)
    with services.database.session() as session:
        stored = session.get(Exam, exam.id)
        assert (stored.patient_source, stored.requesting_department, stored.referring_physician,
                stored.admission_id) == (PatientSource.INPATIENT, "呼吸内科", "王医生", "ZY0815")
    with pytest.raises(ValueError, match="Only an inpatient"):
        replace(CHEST, admission_id="ZY0815")


def test_a_typed_record_number_of_another_patient_is_refused(services: Services) -> None:
    from tiered_workstation.registration.service import RecordNumberTaken

    first = register(services, PatientInput("李四", Sex.MALE, local_patient_id="MZ-1"))
    again = register(services, PatientInput("李四", Sex.MALE, local_patient_id="MZ-1"))
    assert again.patient_id == first.patient_id  # same number, same name: returning
    with pytest.raises(RecordNumberTaken) as refused:
        register(services, PatientInput("王芳", Sex.FEMALE, local_patient_id="MZ-1"))
    assert refused.value.other_patient == "李四"
    assert refused.value.number == "MZ-1"
    other = register(services, PatientInput("王芳", Sex.FEMALE, national_id="11010519491231002X"))
    with pytest.raises(RecordNumberTaken) as refused:  # found by her ID card
        register(services, PatientInput("王芳", Sex.FEMALE, national_id="11010519491231002X",
                                        local_patient_id="MZ-1"))
    assert refused.value.known == other.patient.identifier_at("CH01")
    with services.database.session() as session:
        assert session.scalar(select(func.count()).select_from(Patient)) == 2
