"""Registering patients and exams; returning patients are recognised."""

from __future__ import annotations

from datetime import UTC, datetime

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
