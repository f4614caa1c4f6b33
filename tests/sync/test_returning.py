"""A registration desk finds returning patients locally and at the real center."""

from __future__ import annotations

import dataclasses
from datetime import date

from support import TECH
from sync.conftest import Consortium
from tiered_workstation.app.patient_lookups import returning_patients
from tiered_workstation.registration.identity import OrderInput, PatientInput
from tiered_workstation.registration.returning import Lookup
from tiered_workstation.registration.service import register_exam
from tiered_workstation.storage.enums import Sex
from tiered_workstation.workflow.actors import Actor

ID_CARD = "11010519491231002X"
CHEST = OrderInput("DXCHEST2", "DR 胸部正侧位", "DX", "CHEST", scheduled_station_ae="DR01")


def test_center_history_is_found_and_merged_with_local_records(
        consortium: Consortium) -> None:
    center = consortium.center
    with center.database.transaction() as session:  # seen before at the center itself
        exam, _ = register_exam(session, center.workflow, center.registration, TECH,
                                PatientInput("王芳", Sex.FEMALE, "Wang^Fang",
                                             national_id=ID_CARD), CHEST)
        known_id = exam.patient.consortium_id
    community = consortium.community
    clerk = Actor("clerk", TECH.role, "CM01", "Clerk")
    with community.database.transaction() as session:  # and a local-only patient
        register_exam(session, community.workflow, community.registration, clerk,
                      PatientInput("赵六", Sex.MALE, birth_date=date(1980, 2, 3)), CHEST)

    returning = returning_patients(community.settings, community.database)
    by_id = returning.find(Lookup(national_id=ID_CARD))
    assert by_id.center_asked
    assert not by_id.center_error
    assert [p.consortium_id for p in by_id.patients] == [known_id]
    found = by_id.patients[0]
    assert (found.name, found.name_phonetic, found.sex, found.birth_date) == (
        "王芳", "Wang^Fang", Sex.FEMALE, date(1949, 12, 31))
    assert [e.procedure_description for e in found.exams] == ["DR 胸部正侧位"]
    assert found.exams[0].site_code == "CH01"

    by_name = returning.find(Lookup(name="赵六", birth_date=date(1980, 2, 3)))
    assert [p.name for p in by_name.patients] == ["赵六"]   # local, not yet at the center
    assert not returning.find(Lookup(name="赵六")).patients  # a name alone matches nobody


def test_unreachable_center_still_finds_local_patients_and_says_why(
        consortium: Consortium) -> None:
    community = consortium.community
    clerk = Actor("clerk", TECH.role, "CM01", "Clerk")
    with community.database.transaction() as session:
        register_exam(session, community.workflow, community.registration, clerk,
                      PatientInput("王芳", Sex.FEMALE, national_id=ID_CARD), CHEST)
    offline = dataclasses.replace(
        community.settings,
        sync=dataclasses.replace(community.settings.sync, center_url="https://127.0.0.1:9"))
    result = returning_patients(offline, community.database, timeout=2).find(
        Lookup(national_id=ID_CARD))
    assert [p.name for p in result.patients] == ["王芳"]
    assert result.center_asked
    assert "cannot be reached" in result.center_error
