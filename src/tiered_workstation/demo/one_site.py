"""`tiered-ws demo`: a center site with sample people, one exam walked through the loop.

Every step goes through the same use cases the desks will use (registration,
the workflow machine, report versions), so the printed timeline is read back
from the database, not made up.  The actors' pauses are scripted on a
simulated clock so the turnaround reads like a real morning.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..app.bootstrap import Services, bootstrap, read_settings
from ..app.site_setup import InitRequest, add_site, init_site
from ..app.timeline import tat_lines, timeline_lines
from ..config import DEFAULT_CONFIG_NAME, SiteMode
from ..registration.identity import OrderInput, PatientInput, national_id_check_char
from ..registration.service import RegistrationPolicy, register_exam
from ..storage.base import utcnow
from ..storage.enums import Priority, ReadingMode, Role, Sex, VersionKind
from ..storage.exams import Exam
from ..storage.messaging import AuditEvent, OutboxMessage
from ..storage.reports import Assignment, ConsultationMessage
from ..storage.sites import User
from ..workflow.accounts import actor_for, add_user
from ..workflow.actors import Actor
from ..workflow.report_diff import render_marked
from ..workflow.reports import compare_versions, report_of, save_version
from ..workflow.transitions import Action
from .credentials import DEMO_PASSWORD
from .sites import CENTER, CENTER_NAME, COMMUNITY, COMMUNITY_NAME

# username, display name, site, roles, groups
DEMO_USERS: tuple[tuple[str, str, str, tuple[Role, ...], tuple[str, ...]], ...] = (
    ("admin", "系统管理员", CENTER, (Role.ADMIN,), ()),
    ("tech.cm01", "李技师", COMMUNITY, (Role.TECHNICIAN,), ()),
    ("dr.cm01", "王医生", COMMUNITY, (Role.COMMUNITY_DOCTOR,), ()),
    ("triage.ch01", "赵分诊", CENTER, (Role.TRIAGE, Role.ATTENDING), ("chest",)),
    ("att.chest", "陈主治", CENTER, (Role.ATTENDING,), ("chest",)),
    ("rev.chest", "刘主任", CENTER, (Role.REVIEWER,), ("chest",)),
    ("expert.chest", "孙教授", CENTER, (Role.REVIEWER,), ("chest",)),
)


def _national_id(region: str, birth: date, sequence: str) -> str:
    first17 = f"{region}{birth:%Y%m%d}{sequence}"
    return first17 + national_id_check_char(first17)


DEMO_PATIENTS = (
    PatientInput("张三", Sex.MALE, "Zhang^San",
                 national_id=_national_id("110105", date(1965, 3, 15), "123"), phone="13800138000"),
    PatientInput("李四", Sex.MALE, "Li^Si",
                 national_id=_national_id("310104", date(1978, 7, 2), "457")),
    PatientInput("王芳", Sex.FEMALE, "Wang^Fang",
                 national_id=_national_id("440106", date(1990, 11, 20), "268")),
    PatientInput("欧阳娜娜", Sex.FEMALE, "Ouyang^Nana", birth_date=date(2000, 6, 15),
                 local_patient_id="CM01-000457"),
)
CHEST = OrderInput("DXCHEST2", "DR 胸部正侧位 Chest PA+LAT", "DX", "CHEST",
                   scheduled_station_ae="DR01", clinical_info="咳嗽两周，发热三天。",
                   reading_mode=ReadingMode.COMMUNITY_PRELIM)
HEAD_CT = OrderInput("CTHEAD", "CT 头颅平扫 Head without contrast", "CT", "HEAD",
                     priority=Priority.URGENT, scheduled_station_ae="CT01",
                     reading_mode=ReadingMode.CENTER_FULL)
# the other patients' own orders and requests (张三's exam is the one walked through)
OTHER_ORDERS = (
    replace(CHEST, clinical_info="吸烟二十余年，慢性咳嗽、咳痰三年，近一周加重伴气促。"),
    replace(CHEST, clinical_info="干咳一周，无发热，听诊双肺呼吸音清，请排除肺炎。"),
    replace(HEAD_CT, clinical_info="骑电动车摔倒，头部着地，头痛伴呕吐两次。"),
)


class ScriptedClock:
    """A clock that moves only when the script says time has passed."""

    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: float) -> datetime:
        self.now += timedelta(minutes=minutes)
        return self.now


@dataclass(frozen=True)
class DemoResult:
    config_path: Path
    accession_number: str
    tat_status: str


def prepare_demo_site(data_dir: Path, database_url: str | None = None) -> Path:
    """Create the demo center in ``data_dir`` unless it is already there."""
    config_path = data_dir / DEFAULT_CONFIG_NAME
    if not config_path.exists():
        init_site(InitRequest(mode=SiteMode.CENTER.value, site_code=CENTER, data_dir=data_dir,
                              name=CENTER_NAME,
                              database_url=database_url))
    return config_path


def run_demo(data_dir: Path, out: Callable[[str], None],
             database_url: str | None = None) -> DemoResult:
    """Set up (or reuse) the demo site and walk one new exam from registration to print."""
    config_path = prepare_demo_site(data_dir, database_url)
    settings = read_settings(config_path)
    clock = ScriptedClock(utcnow().replace(microsecond=0) - timedelta(minutes=40))
    services = bootstrap(settings, clock=clock)
    try:
        out(f"Tiered Workstation demo — center site {CENTER} in {settings.data_dir}")
        out(f"Database: {services.database.url.render_as_string(hide_password=True)}")
        _ensure_people(services, out)
        accession = _walk_one_exam(services, clock, out)
        status = _print_timeline(services, accession, out)
        with services.database.session() as session:
            audits = session.scalar(select(func.count()).select_from(AuditEvent))
            outbox = session.scalar(select(func.count()).select_from(OutboxMessage).where(
                OutboxMessage.destination_site == COMMUNITY))
        out(f"\nAudit trail: {audits} events.  Outbox: {outbox} messages queued for "
            f"{COMMUNITY} (delivered by the sync worker once the sites are linked).")
        out(f"See the site: tiered-ws status --config {config_path}")
        return DemoResult(config_path, accession, status)
    finally:
        services.close()


def _ensure_people(services: Services, out: Callable[[str], None]) -> None:
    admin = Actor.system(CENTER, "demo-setup")
    with services.database.transaction() as session:
        add_site(session, COMMUNITY, COMMUNITY_NAME, SiteMode.COMMUNITY,
                 CENTER)
        existing = set(session.scalars(select(User.username)))
        for username, name, site, roles, groups in DEMO_USERS:
            if username not in existing:
                add_user(session, admin, username=username, display_name=name,
                         password=DEMO_PASSWORD, roles=roles, site_code=site, groups=groups)
    out(f"Sample users (password {DEMO_PASSWORD}): "
        + ", ".join(f"{u} ({'/'.join(r.value for r in roles)}, {site})"
                    for u, _, site, roles, _ in DEMO_USERS))


def _actor(services: Services, username: str, role: Role) -> Actor:
    with services.database.session() as session:
        user = session.scalar(select(User).where(User.username == username))
        assert user is not None
        return actor_for(user, role)


def _walk_one_exam(services: Services, clock: ScriptedClock, out: Callable[[str], None]) -> str:
    db, wf = services.database, services.workflow
    tech = _actor(services, "tech.cm01", Role.TECHNICIAN)
    doctor = _actor(services, "dr.cm01", Role.COMMUNITY_DOCTOR)
    triage = _actor(services, "triage.ch01", Role.TRIAGE)
    reviewer = _actor(services, "rev.chest", Role.REVIEWER)
    expert = _actor(services, "expert.chest", Role.REVIEWER)
    device = Actor.system(COMMUNITY, "MPPS from DR01")
    forwarder = Actor.system(COMMUNITY, "forwarder")
    printer = Actor.system(COMMUNITY, "auto-print")
    community = RegistrationPolicy(site_code=COMMUNITY, timezone=services.settings.site.tz,
                                   uid_root=services.settings.uid_root)

    with db.transaction() as session:  # the community's morning registrations
        exam, _ = register_exam(session, wf, community, tech, DEMO_PATIENTS[0], CHEST)
        accession = exam.accession_number
        for patient, order in zip(DEMO_PATIENTS[1:], OTHER_ORDERS, strict=True):
            register_exam(session, wf, community, tech, patient, order)
    out(f"Sample patients registered at {COMMUNITY}:")
    for patient, order in zip(DEMO_PATIENTS, (CHEST, *OTHER_ORDERS), strict=True):
        out(f"  {patient.name} ({patient.name_phonetic}), {order.procedure_description}: "
            f"{order.clinical_info}")
    out(f"\nWalking exam {accession}: {DEMO_PATIENTS[0].name}, {CHEST.procedure_description}, "
        f"reading mode {CHEST.reading_mode}")

    def step(minutes: float, action: Action, actor: Actor, note: str = "") -> None:
        clock.advance(minutes)
        wf.run(db, accession, action, actor, note=note)

    def write(minutes: float, actor: Actor, kind: VersionKind, findings: str, impression: str,
              comment: str = "") -> None:
        clock.advance(minutes)
        with db.transaction() as session:
            save_version(session, _exam(session, accession), actor, findings=findings,
                         impression=impression, kind=kind, comment=comment, at=clock())

    step(1, Action.SCHEDULE, tech, "DR01, 08:45")
    step(3, Action.START_ACQUISITION, device, "MPPS in progress")
    step(4, Action.COMPLETE_ACQUISITION, device, "MPPS completed: 2 images")
    step(2, Action.CONFIRM_TRANSFER, forwarder, "storage commitment confirmed: 2/2")
    clock.advance(1.5)
    with db.transaction() as session:
        exam = _exam(session, accession)
        session.add(Assignment(exam_id=exam.id, assignee_username=reviewer.username,
                               group_code="chest", assigned_by=triage.username,
                               assigned_at=clock(), reason="DX chest → chest group"))
        wf.apply(session, exam, Action.ASSIGN, triage, note="chest group, 刘主任")
    findings = "双肺纹理增多，右下肺见片状模糊影。心影大小形态正常。双侧膈面光整，肋膈角锐利。"
    write(4, doctor, VersionKind.DRAFT, findings, "右下肺炎症。")
    write(2, doctor, VersionKind.PRELIMINARY, findings, "右下肺炎症，建议抗炎治疗后复查。")
    step(0.5, Action.SUBMIT_PRELIMINARY, doctor)
    reviewed = findings.replace("片状模糊影", "斑片状模糊影，边界不清")
    write(3, reviewer, VersionKind.REVIEW, reviewed,
          "右下肺炎症，建议抗炎治疗后两周复查。", comment="描述病灶边界；明确复查时间。")
    step(0.5, Action.REQUEST_CONSULTATION, reviewer, "请专家组确认是否需要CT进一步检查")
    clock.advance(3)
    with db.transaction() as session:
        exam = _exam(session, accession)
        session.add(ConsultationMessage(exam_id=exam.id, author_username=expert.username,
                                        author_name=expert.display_name, is_conclusion=True,
                                        text="符合社区获得性肺炎表现，暂不需CT，治疗后复查。",
                                        created_at=clock()))
    step(0.5, Action.CONCLUDE_CONSULTATION, reviewer, "专家组结论已记录")
    write(1.5, reviewer, VersionKind.FINAL, reviewed, "右下肺炎症，建议抗炎治疗后两周复查。")
    step(0.5, Action.SIGN, reviewer)
    step(1, Action.PRINT, printer, "unattended print at CM01")
    return accession


def _exam(session: Session, accession: str) -> Exam:
    exam = session.scalar(select(Exam).where(Exam.accession_number == accession))
    assert exam is not None
    return exam


def _print_timeline(services: Services, accession: str, out: Callable[[str], None]) -> str:
    tz = services.settings.site.tz
    target = timedelta(minutes=services.settings.workflow.tat_target_minutes)
    with services.database.session() as session:
        exam = _exam(session, accession)
        out(f"Times below are scripted (simulated clock), shown in {tz.key}.\n")
        for line in timeline_lines(exam, tz):
            out(line)
        lines, status = tat_lines(exam, target, utcnow())
        out("")
        for line in lines:
            out(line)
        report = report_of(session, exam)
        assert report is not None
        prelim = report.latest_of(VersionKind.PRELIMINARY)
        final = report.latest_of(VersionKind.FINAL)
        assert prelim is not None
        assert final is not None
        diff = compare_versions(prelim, final)
        out(f"\nReport versions kept: {len(report.versions)}.  Reviewer's changes "
            f"(v{prelim.number} → v{final.number}; [-deleted-] {{+inserted+}}):")
        out(f"  影像所见: {render_marked(diff.findings)}")
        out(f"  诊断意见: {render_marked(diff.impression)}")
        return status
