"""A center with readers, a reviewer holding a certified signing key, and exams to read."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from tiered_workstation.app.bootstrap import Services
from tiered_workstation.registration.identity import OrderInput, PatientInput
from tiered_workstation.registration.service import register_exam
from tiered_workstation.security import pki
from tiered_workstation.storage.enums import ReadingMode, Role, Sex
from tiered_workstation.storage.exams import Exam
from tiered_workstation.storage.sites import SpecialtyGroup
from tiered_workstation.workflow.accounts import add_user
from tiered_workstation.workflow.actors import Actor
from tiered_workstation.workflow.assignment import assign
from tiered_workstation.workflow.signing import enroll_signer
from tiered_workstation.workflow.transitions import Action

PASSWORD = "sign-me-2026"
ADMIN = Actor("admin", Role.ADMIN, "CH01", "管理员")
TECH = Actor("tech.ch01", Role.TECHNICIAN, "CH01", "中心技师")
TRIAGE = Actor("triage", Role.TRIAGE, "CH01", "分诊")
ATTENDING = Actor("att.chest", Role.ATTENDING, "CH01", "陈主治")
REVIEWER = Actor("rev.chest", Role.REVIEWER, "CH01", "刘主任")
EXPERT = Actor("exp.chest", Role.REVIEWER, "CH01", "王教授")
PEOPLE = (("att.chest", "陈主治", Role.ATTENDING, ("chest",)),
          ("att.msk", "周主治", Role.ATTENDING, ("msk",)),
          ("rev.chest", "刘主任", Role.REVIEWER, ("chest", "expert")),
          ("exp.chest", "王教授", Role.REVIEWER, ("chest", "expert")),
          ("triage", "分诊", Role.TRIAGE, ()))


@dataclass
class Reading:
    services: Services
    ca_dir: Path

    @property
    def ca_certificate(self) -> bytes:
        return (self.ca_dir / pki.CA_CERT).read_bytes()

    def new_exam(self, name: str = "张三", procedure: tuple[str, str, str, str] = (
            "DXCHEST2", "DR 胸部正侧位", "DX", "CHEST"), *, assigned: bool = True,
                 site_mode: ReadingMode = ReadingMode.CENTER_FULL) -> str:
        """A center exam acquired, transferred and (by default) assigned to the chest group."""
        services = self.services
        with services.database.transaction() as session:
            exam, _ = register_exam(session, services.workflow, services.registration, TECH,
                                    PatientInput(name, Sex.MALE, "Zhang^San"),
                                    OrderInput(*procedure, reading_mode=site_mode))
            accession = exam.accession_number
        for action in (Action.COMPLETE_ACQUISITION, Action.CONFIRM_TRANSFER):
            services.workflow.run(services.database, accession, action, TECH)
        if assigned:
            with services.database.transaction() as session:
                exam = by_accession(session, accession)
                assign(session, services.workflow, exam, TRIAGE, group_code="chest",
                       assignee=ATTENDING.username, reason="test")
        return accession


    def read_and_sign(self, findings: str = "双肺纹理清晰。",
                      impression: str = "心肺未见异常。") -> str:
        """A new exam the attending read and the reviewer signed, as written."""
        from tiered_workstation.review.signoff import sign_report
        from tiered_workstation.review.submit import submit_preliminary

        services = self.services
        accession = self.new_exam()
        with services.database.transaction() as session:
            submit_preliminary(session, services.workflow, by_accession(session, accession),
                               ATTENDING, findings=findings, impression=impression,
                               sealer=services.sync.sealer)
        with services.database.transaction() as session:
            sign_report(session, services.workflow, by_accession(session, accession),
                        REVIEWER, password=PASSWORD, findings=findings, impression=impression)
        return accession


def by_accession(session, accession: str) -> Exam:
    exam = session.scalar(select(Exam).where(Exam.accession_number == accession))
    assert exam is not None
    return exam


@pytest.fixture
def reading(services: Services, tmp_path: Path) -> Reading:
    ca_dir = tmp_path / "ca"
    pki.init_ca(ca_dir)
    with services.database.transaction() as session:
        known = set(session.scalars(select(SpecialtyGroup.code)))
        for code, name in (("chest", "胸部组"), ("msk", "骨肌组"), ("expert", "专家组")):
            if code not in known:
                session.add(SpecialtyGroup(code=code, name=name))
        session.flush()
        for username, name, role, groups in PEOPLE:
            add_user(session, ADMIN, username=username, display_name=name, password=PASSWORD,
                     roles=[role], site_code="CH01", groups=groups)
        enroll_signer(session, ADMIN, "rev.chest", PASSWORD, ca_dir)
    return Reading(services, ca_dir)
