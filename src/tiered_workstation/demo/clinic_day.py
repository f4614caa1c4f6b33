"""A working morning, scripted: many exams across two communities and the center.

Three real nodes on loopback (mutual TLS sync, DICOM TLS forwarding, auto-print).
Simulated people act on them with realistic think times, compressed by ``speed``
(60: a minute of the clinic is a second here): clerks register, the DR console
(the software modality) takes its worklist and sends images, triage assigns by
the rules, attendings or community doctors write, reviewers sign with their
keys, and the community prints by itself.  The result is the turnaround
distribution and a check that every exam printed exactly once.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, select

from ..app.bootstrap import Services, open_site
from ..app.site_setup import add_site
from ..config import SiteMode
from ..dicom.scu import Target
from ..registration.identity import OrderInput, PatientInput
from ..registration.phonetic import phonetic_name
from ..registration.service import register_exam
from ..review.signoff import sign_report
from ..review.submit import submit_preliminary
from ..simulator.modality import ModalitySimulator, SimulatorOptions
from ..storage.enums import ExamState, PrintStatus, ReadingMode, Role, Sex
from ..storage.exams import Exam
from ..storage.reports import PrintJob
from ..storage.sites import SpecialtyGroup
from ..workflow.accounts import add_user
from ..workflow.actors import Actor
from ..workflow.assignment import RuleSpec, assign, propose, save_rules
from ..workflow.handwriting import enroll_handwriting
from ..workflow.signing import enroll_signer
from ..workflow.tat import compute_tat
from .credentials import DEMO_PASSWORD
from .loop import create_consortium
from .signatures import signature_scan
from .sites import CENTER

COMMUNITIES = (("CM01", "第一社区卫生服务中心"), ("CM02", "第二社区卫生服务中心"))
PROCEDURES = (("DXCHEST2", "DR 胸部正侧位", "DX", "CHEST", 6),
              ("DXCHEST1", "DR 胸部正位", "DX", "CHEST", 2),
              ("DXLSPINE", "DR 腰椎正侧位", "DX", "LSPINE", 1),
              ("DXKNEE", "DR 膝关节正侧位", "DX", "KNEE", 1))
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛")
READERS = {"chest": (("att.chest", "陈主治", Role.ATTENDING), ("rev.chest", "刘主任",
                                                             Role.REVIEWER)),
           "msk": (("att.msk", "周主治", Role.ATTENDING), ("rev.msk", "孙主任", Role.REVIEWER))}
# What brings a patient (clinical information), what the films show and what the
# report concludes, per body part; each registration draws one.
STORIES = {
    "CHEST": (("咳嗽两周，发热三天。", "右下肺见斑片状模糊影，边界不清。心影不大。",
               "右下肺炎症，建议抗炎治疗后复查。"),
              ("单位体检，无不适。", "双肺纹理清晰，未见明显实质性病变。心影不大。",
               "心肺未见明显异常。"),
              ("咽痛、干咳五天，无发热，请排除肺炎。", "双肺纹理略增多，未见实变影。心影不大。",
               "双肺纹理增多，未见肺炎征象。"),
              ("摔倒致右侧胸痛一天。", "右侧第6肋骨腋段骨皮质不连续，未见气胸。",
               "右侧第6肋骨骨折。")),
    "LSPINE": (("腰痛两年，久坐后加重。", "腰椎生理曲度变直，诸椎体边缘骨质增生，L4/5椎间隙稍窄。",
                "腰椎退行性变。"),
               ("弯腰搬重物后腰痛三天。", "腰椎序列整齐，诸椎体骨质完整，未见骨折线。",
                "腰椎未见明显骨折。")),
    "KNEE": (("双膝疼痛多年，上下楼梯时加重。", "膝关节间隙略窄，关节面骨质增生。",
              "膝关节退行性变。"),
             ("扭伤膝关节，肿痛一天。", "膝关节诸骨骨质完整，未见骨折线，髌上囊区软组织肿胀。",
              "膝关节未见骨折，关节积液可能。")),
}
REVIEWER_OF = {"chest": "rev.chest", "msk": "rev.msk"}
READER_NAMES = {username: name for people in READERS.values() for username, name, _r in people}
# think times in clinic minutes (low, high)
IMAGING, TRIAGE, READING, REVIEW = (3, 8), (1, 3), (4, 9), (2, 5)
STEP_LIMIT_S = 600.0


@dataclass
class Case:
    number: int
    community: str
    mode: ReadingMode
    procedure: tuple[str, str, str, str, int]
    arrives: float  # monotonic seconds
    accession: str = ""
    stage: str = "arrive"
    due: float | None = None
    group: str = ""
    reader: str = ""
    story: tuple[str, str, str] = ("", "", "")  # clinical information, findings, impression


@dataclass
class DayResult:
    cases: list[Case]
    tat_minutes: list[float]  # registration → printed, clinic minutes
    segment_minutes: dict[str, list[float]]
    prints_per_exam: dict[str, int]
    wall_seconds: float
    lines: list[str] = field(default_factory=list)

    @property
    def within_target(self) -> int:
        return sum(1 for m in self.tat_minutes if m <= 30)


def run_clinic_day(root: Path, *, exams: int = 50, speed: float = 60.0,
                   arrival_minutes: float = 4.0, image_size: int = 512, seed: int = 7,
                   prelim_share: float = 0.3,
                   out: Callable[[str], None] = print) -> DayResult:
    """Run the day; ``arrival_minutes`` is the mean gap between arrivals (clinic time)."""
    rng = random.Random(seed)
    started = time.monotonic()
    center_config, community_configs = create_consortium(root, COMMUNITIES)
    center = open_site(center_config)
    communities = {c: open_site(p) for (c, _), p in zip(COMMUNITIES,
                                                                         community_configs,
                                                                         strict=True)}
    try:
        _people(center, communities, root / "consortium-ca")
        center.start(long_poll_seconds=1)
        for site in communities.values():
            site.start(long_poll_seconds=1)
            assert site.printer is not None
            site.printer.interval = 0.5
        cases = _plan(rng, exams, speed, arrival_minutes, prelim_share)
        out(f"{exams} exams at {', '.join(communities)}; clinic time ×{speed:g}; "
            f"mean arrival gap {arrival_minutes:g} min")
        simulators = {code: ModalitySimulator(SimulatorOptions(
            worklist=_target(site), store=_target(site), calling_ae="DR01", size=image_size,
            timezone=site.settings.site.tz)) for code, site in communities.items()}
        deadline = time.monotonic() + STEP_LIMIT_S + exams * 300 / speed
        while any(c.stage != "done" for c in cases):
            if time.monotonic() > deadline:
                stuck = [f"{c.accession or c.number}:{c.stage}" for c in cases
                         if c.stage != "done"]
                raise TimeoutError(f"the day did not finish: {', '.join(stuck[:10])}")
            for case in cases:
                _advance(case, rng, speed, center, communities, simulators)
            time.sleep(0.05)
        return _result(cases, center, communities, speed, time.monotonic() - started, out)
    finally:
        for site in communities.values():
            site.close()
        center.close()


def _target(site: Services) -> Target:
    return Target(site.settings.dicom.ae_title, "127.0.0.1", site.settings.dicom.port)


def _people(center: Services, communities: dict[str, Services], ca: Path) -> None:
    setup = Actor.system(CENTER, "day-setup")
    with center.database.transaction() as session:
        for code, name in COMMUNITIES:
            add_site(session, code, name, SiteMode.COMMUNITY, CENTER)
        for code, name in (("chest", "胸部组"), ("msk", "骨肌组")):
            if session.get(SpecialtyGroup, code) is None:
                session.add(SpecialtyGroup(code=code, name=name))
        session.flush()
        add_user(session, setup, username="triage", display_name="赵分诊", password=DEMO_PASSWORD,
                 roles=[Role.TRIAGE], site_code=CENTER)
        for group, people in READERS.items():
            for username, name, role in people:
                add_user(session, setup, username=username, display_name=name,
                         password=DEMO_PASSWORD, roles=[role], site_code=CENTER,
                         groups=[group])
        for username in REVIEWER_OF.values():
            enroll_signer(session, setup, username, DEMO_PASSWORD, ca)
        for people in READERS.values():
            for username, name, _role in people:
                enroll_handwriting(session, setup, username, signature_scan(name))
        save_rules(session, setup, [RuleSpec("chest", body_part="CHEST"),
                                    RuleSpec("msk", modality="DX")])
    for code, site in communities.items():
        with site.database.transaction() as session:
            local = Actor.system(code, "day-setup")
            add_user(session, local, username=f"tech.{code.lower()}", display_name="登记员",
                     password=DEMO_PASSWORD, roles=[Role.TECHNICIAN], site_code=code)
            add_user(session, local, username=f"dr.{code.lower()}", display_name="社区医生",
                     password=DEMO_PASSWORD, roles=[Role.COMMUNITY_DOCTOR], site_code=code)


def _plan(rng: random.Random, exams: int, speed: float, gap: float,
          prelim_share: float) -> list[Case]:
    weights = [p[4] for p in PROCEDURES]
    now = time.monotonic()
    at = now
    cases = []
    for n in range(exams):
        at += rng.expovariate(1 / gap) * 60 / speed
        mode = ReadingMode.COMMUNITY_PRELIM if rng.random() < prelim_share \
            else ReadingMode.CENTER_FULL
        cases.append(Case(n + 1, COMMUNITIES[n % 2][0], mode,
                          rng.choices(PROCEDURES, weights)[0], at))
    return cases


def _think(rng: random.Random, span: tuple[int, int], speed: float) -> float:
    return time.monotonic() + rng.uniform(*span) * 60 / speed


def _state(site: Services, accession: str) -> ExamState | None:
    with site.database.session() as session:
        return session.scalar(select(Exam.state).where(Exam.accession_number == accession))


def _when_seen(case: Case, ready: bool, rng: random.Random, span: tuple[int, int],
               speed: float) -> bool:
    """True once the step's think time has passed since its precondition was first seen."""
    if not ready:
        return False
    if case.due is None:
        case.due = _think(rng, span, speed)
    return time.monotonic() >= case.due


def _advance(case: Case, rng: random.Random, speed: float, center: Services,
             communities: dict[str, Services],
             simulators: dict[str, ModalitySimulator]) -> None:
    site = communities[case.community]
    now = time.monotonic()
    if case.stage == "arrive" and now >= case.arrives:
        case.accession = _register(case, rng, site)
        case.stage, case.due = "image", _think(rng, IMAGING, speed)
    elif case.stage == "image" and now >= (case.due or 0):
        simulator = simulators[case.community]
        item = next((i for i in simulator.scheduled()
                     if i.AccessionNumber == case.accession), None)
        if item is not None:
            simulator.perform(item)
            case.stage, case.due = "triage", None
    elif case.stage == "triage" and _when_seen(
            case, _state(center, case.accession) is ExamState.TRANSFERRED, rng, TRIAGE, speed):
        triage = Actor("triage", Role.TRIAGE, CENTER, "赵分诊")
        with center.database.transaction() as session:
            exam = session.scalar(select(Exam).where(Exam.accession_number == case.accession))
            proposal = propose(session, exam)
            case.group = proposal.group_code or "chest"
            case.reader = proposal.assignee or READERS[case.group][0][0]
            assign(session, center.workflow, exam, triage, group_code=case.group,
                   assignee=case.reader, reason=proposal.note)
        case.stage, case.due = "read", None
    elif case.stage == "read":
        writing_site = site if case.mode is ReadingMode.COMMUNITY_PRELIM else center
        if _when_seen(case, _state(writing_site, case.accession) is ExamState.ASSIGNED, rng,
                      READING, speed):
            _write(case, writing_site)
            case.stage, case.due = "review", None
    elif case.stage == "review" and _when_seen(
            case, _state(center, case.accession) is ExamState.PRELIMINARY, rng, REVIEW, speed):
        reviewer = REVIEWER_OF[case.group]
        actor = Actor(reviewer, Role.REVIEWER, CENTER, READER_NAMES[reviewer])
        with center.database.transaction() as session:
            exam = session.scalar(select(Exam).where(Exam.accession_number == case.accession))
            sign_report(session, center.workflow, exam, actor, password=DEMO_PASSWORD,
                        findings=_findings(case) + "余未见明显异常。",
                        impression=_impression(case))
        case.stage = "print"
    elif case.stage == "print" and _state(center, case.accession) is ExamState.PRINTED:
        case.stage = "done"


def _register(case: Case, rng: random.Random, site: Services) -> str:
    name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2))))
    code, description, modality, body_part, _w = case.procedure
    clerk = Actor(f"tech.{case.community.lower()}", Role.TECHNICIAN, case.community, "登记员")
    birth = date(1940 + rng.randrange(60), 1 + rng.randrange(12), 1 + rng.randrange(28))
    case.story = rng.choice(STORIES[body_part])
    with site.database.transaction() as session:
        exam, _ = register_exam(
            session, site.workflow, site.registration, clerk,
            PatientInput(name, rng.choice((Sex.MALE, Sex.FEMALE)), phonetic_name(name),
                         birth),
            OrderInput(code, description, modality, body_part, scheduled_station_ae="DR01",
                       reading_mode=case.mode, clinical_info=case.story[0]))
        return exam.accession_number


def _findings(case: Case) -> str:
    return case.story[1]


def _impression(case: Case) -> str:
    return case.story[2]


def _write(case: Case, site: Services) -> None:
    if case.mode is ReadingMode.COMMUNITY_PRELIM:
        actor = Actor(f"dr.{case.community.lower()}", Role.COMMUNITY_DOCTOR, case.community,
                      "社区医生")
    else:
        role = Role.REVIEWER if case.reader.startswith("rev.") else Role.ATTENDING
        actor = Actor(case.reader, role, CENTER, case.reader)
    with site.database.transaction() as session:
        exam = session.scalar(select(Exam).where(Exam.accession_number == case.accession))
        submit_preliminary(session, site.workflow, exam, actor, findings=_findings(case),
                           impression=_impression(case), sealer=site.sync.sealer)


def _result(cases: list[Case], center: Services, communities: dict[str, Services],
            speed: float, wall: float, out: Callable[[str], None]) -> DayResult:
    tats: list[float] = []
    segments: dict[str, list[float]] = {}
    with center.database.session() as session:
        for case in cases:
            exam = session.scalar(select(Exam).where(Exam.accession_number == case.accession))
            report = compute_tat(((t.to_state, t.at) for t in exam.transitions),
                                 timedelta(minutes=30 / speed), exam.state_changed_at)
            tats.append(report.elapsed.total_seconds() * speed / 60)
            for segment in report.segments:
                if segment.duration is not None:
                    segments.setdefault(segment.label, []).append(
                        segment.duration.total_seconds() * speed / 60)
    prints: dict[str, int] = {}
    for site in communities.values():
        with site.database.session() as session:
            rows = session.execute(select(Exam.accession_number, func.count(PrintJob.id))
                                   .join(PrintJob, PrintJob.exam_id == Exam.id)
                                   .where(PrintJob.status == PrintStatus.PRINTED)
                                   .group_by(Exam.accession_number)).all()
            prints.update({accession: count for accession, count in rows})
    result = DayResult(cases, tats, segments, prints, wall)
    ordered = sorted(tats)
    p90 = ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]
    lines = [f"Turnaround registration → printed (clinic minutes) of {len(tats)} exams:",
             f"  median {statistics.median(tats):.1f}, p90 {p90:.1f}, min {ordered[0]:.1f}, "
             f"max {ordered[-1]:.1f}; within 30 min: {result.within_target}/{len(tats)}",
             "  median per segment: " + ", ".join(
                 f"{label} {statistics.median(values):.1f}"
                 for label, values in segments.items()),
             f"Printed exactly once: {sum(1 for c in prints.values() if c == 1)}/{len(cases)} "
             f"(print jobs per exam: {sorted(set(prints.values()))})",
             f"Wall time {wall:.0f} s"]
    for line in lines:
        out(line)
    result.lines.extend(lines)
    return result
